// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: TA ELF checks (lib/common/ta_elf.c) with the trusted OS's image range
 * (tee/ta_load.c). Checked: no read outside the file (ASan) and, for an accepted ELF, what the
 * loader relies on: each segment page aligned inside [TA_IMAGE_BASE, +TA_IMAGE_MAX), its file
 * bytes inside the file and inside its pages, never writable and executable, in order without
 * overlap, the entry point inside an executable segment.
 */
#include <stdint.h>
#include <stdlib.h>

#include <rampart/ta_abi.h>
#include <rampart/ta_elf.h>

#define BASE  TA_IMAGE_BASE
#define LIMIT (TA_IMAGE_BASE + TA_IMAGE_MAX)

static void check(const struct ta_elf_layout *l, const uint8_t *data, size_t size)
{
	int entry_ok = 0;
	volatile uint8_t sink = 0;

	if (l->count == 0 || l->count > TA_ELF_MAX_SEGMENTS)
		abort();
	for (unsigned int i = 0; i < l->count; i++) {
		const struct ta_elf_segment *s = &l->seg[i];

		if ((s->vaddr & 0xfff) || (s->memsz & 0xfff) || s->memsz == 0)
			abort();
		if (s->vaddr < BASE || s->vaddr > LIMIT || s->memsz > LIMIT - s->vaddr)
			abort(); /* outside the TA image range */
		if (s->offset > size || s->filesz > size - s->offset)
			abort(); /* file bytes outside the file */
		if (s->copy_to < s->vaddr || s->filesz > s->vaddr + s->memsz - s->copy_to)
			abort(); /* file bytes outside the segment's pages */
		if ((s->prot & TA_ELF_PROT_W) && (s->prot & TA_ELF_PROT_X))
			abort();
		if (i && s->vaddr < l->seg[i - 1].vaddr + l->seg[i - 1].memsz)
			abort(); /* overlap: one page would get two protections */
		if ((s->prot & TA_ELF_PROT_X) && l->entry >= s->vaddr &&
		    l->entry < s->vaddr + s->memsz)
			entry_ok = 1;
		/* What the loader copies: ASan checks it lies in the input. */
		for (uint64_t b = 0; b < s->filesz; b += 509)
			sink ^= data[s->offset + b];
		if (s->filesz)
			sink ^= data[s->offset + s->filesz - 1];
	}
	if (!entry_ok || (l->entry & 3))
		abort();
	(void)sink;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ta_elf_layout l;

	if (!ta_elf_parse(data, size, BASE, LIMIT, &l))
		check(&l, data, size);
	return 0;
}
