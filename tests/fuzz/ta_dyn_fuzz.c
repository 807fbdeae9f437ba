// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: run-time linking of a shared TA library (lib/common/ta_elf.c's library checks,
 * then lib/common/ta_dyn.c) as the trusted OS does it (tee/ta_dl.c): the input is a library ELF,
 * mapped at a bias into a buffer standing for the TA's address space, next to a TA module that
 * defines a few symbols. Checked: no read outside the input or the buffer (ASan), and, for every
 * write the linker makes, that it lies inside one of the library's own non-executable segments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/ta_abi.h>
#include <rampart/ta_dyn.h>

#define SPACE (2 * TA_IMAGE_MAX)
#define BIAS  TA_IMAGE_MAX /* the library; the TA's module lies below */

static uint8_t *space;
static const struct ta_dyn_module *lib;

static int rd(void *ctx, uint64_t va, void *buf, size_t len)
{
	(void)ctx;
	if (va > SPACE || len > SPACE - va)
		return -1;
	memcpy(buf, space + va, len);
	return 0;
}

static int wr(void *ctx, uint64_t va, const void *buf, size_t len)
{
	int inside = 0;

	(void)ctx;
	if (va > SPACE || len > SPACE - va)
		abort(); /* the linker asked to write outside the address space */
	for (unsigned int i = 0; i < lib->layout.count; i++) {
		const struct ta_elf_segment *s = &lib->layout.seg[i];

		if (!(s->prot & TA_ELF_PROT_X) && va >= BIAS + s->vaddr &&
		    va + len <= BIAS + s->vaddr + s->memsz)
			inside = 1;
	}
	if (!inside)
		abort(); /* a write outside the library's own writable segments */
	memcpy(space + va, buf, len);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct ta_dyn_mem mem = {NULL, rd, wr};
	struct ta_dyn_module mods[2];
	char detail[TA_DYN_NAME_MAX], name[TA_DYN_NAME_MAX];
	uint64_t addr;

	if (!space)
		space = calloc(1, SPACE);
	memset(mods, 0, sizeof(mods));
	if (ta_elf_parse_lib(data, size, TA_IMAGE_MAX, &mods[1].layout))
		return 0;
	/* The TA's module: one segment, no dynamic section, so it defines nothing. */
	mods[0].layout.count = 1;
	mods[0].layout.seg[0] =
	    (struct ta_elf_segment){0x1000, 0x1000, 0, 0x1000, 0, TA_ELF_PROT_R};
	memset(space + BIAS, 0, TA_IMAGE_MAX);
	for (unsigned int i = 0; i < mods[1].layout.count; i++) {
		const struct ta_elf_segment *s = &mods[1].layout.seg[i];

		memcpy(space + BIAS + s->copy_to, data + s->offset, s->filesz);
	}
	mods[1].bias = BIAS;
	lib = &mods[1];
	if (ta_dyn_parse(&mem, &mods[1]))
		return 0;
	for (unsigned int i = 0; i < mods[1].needed_count; i++)
		ta_dyn_string(&mem, &mods[1], mods[1].needed[i], name, sizeof(name));
	ta_dyn_find(&mem, &mods[1], "rampart_bad", 0, &addr);
	ta_dyn_relocate(&mem, mods, 2, 1, detail, sizeof(detail));
	return 0;
}
