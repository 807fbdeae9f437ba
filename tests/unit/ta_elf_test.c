// SPDX-License-Identifier: BSD-2-Clause
/* TA ELF checks (lib/common/ta_elf.c): good images pass, every malformed one is named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <rampart/ta_abi.h>
#include <rampart/ta_elf.h>

#define BASE TA_IMAGE_BASE
#define LIMIT (TA_IMAGE_BASE + TA_IMAGE_MAX)

struct ehdr {
	uint8_t ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct image {
	struct ehdr eh;
	struct phdr ph[3];
	uint8_t body[3 * 4096];
};

/* A TA as the dev kit links it: text RX at BASE, rodata R, data+bss RW. */
static void make_good(struct image *im)
{
	memset(im, 0, sizeof(*im));
	memcpy(im->eh.ident, "\x7f" "ELF\x02\x01\x01", 7);
	im->eh.type = 2;
	im->eh.machine = 183;
	im->eh.version = 1;
	im->eh.entry = BASE + 0x40;
	im->eh.phoff = offsetof(struct image, ph);
	im->eh.ehsize = sizeof(struct ehdr);
	im->eh.phentsize = sizeof(struct phdr);
	im->eh.phnum = 3;
	im->ph[0] = (struct phdr){1, 5, 0, BASE, BASE, 4096, 4096, 4096};
	im->ph[1] = (struct phdr){1, 4, 4096, BASE + 4096, BASE + 4096, 4096, 4096, 4096};
	im->ph[2] = (struct phdr){1, 6, 8192, BASE + 8192, BASE + 8192, 100, 3 * 4096, 4096};
}

static const char *parse(struct image *im, size_t len, struct ta_elf_layout *l)
{
	return ta_elf_parse(im, len, BASE, LIMIT, l);
}

static void good_image_is_laid_out(void **state __attribute__((unused)))
{
	struct image im;
	struct ta_elf_layout l;

	make_good(&im);
	assert_null(parse(&im, sizeof(im), &l));
	assert_int_equal(l.count, 3);
	assert_int_equal(l.entry, BASE + 0x40);
	assert_int_equal(l.seg[0].prot, TA_ELF_PROT_R | TA_ELF_PROT_X);
	assert_int_equal(l.seg[1].prot, TA_ELF_PROT_R);
	assert_int_equal(l.seg[2].prot, TA_ELF_PROT_R | TA_ELF_PROT_W);
	assert_int_equal(l.seg[2].memsz, 3 * 4096); /* bss beyond the file bytes */
	assert_int_equal(l.seg[2].filesz, 100);
}

static void expect_refusal(void (*spoil)(struct image *), size_t len, const char *want)
{
	struct image im;
	struct ta_elf_layout l;
	const char *why;

	make_good(&im);
	spoil(&im);
	why = parse(&im, len, &l);
	assert_non_null(why);
	assert_string_equal(why, want);
}

static void bad_magic(struct image *im) { im->eh.ident[1] = 'X'; }
static void big_endian(struct image *im) { im->eh.ident[5] = 2; }
static void wrong_machine(struct image *im) { im->eh.machine = 62; }
static void shared_object(struct image *im) { im->eh.type = 3; }
static void no_phdrs(struct image *im) { im->eh.phnum = 0; }
static void phdrs_past_end(struct image *im) { im->eh.phoff = sizeof(*im) - 8; }
static void wx_segment(struct image *im) { im->ph[2].flags = 7; }
static void below_base(struct image *im) { im->ph[0].vaddr = BASE - 4096; }
static void past_limit(struct image *im) { im->ph[2].memsz = TA_IMAGE_MAX; }
static void file_past_end(struct image *im) { im->ph[2].filesz = 3 * 4096 + 1; im->ph[2].memsz = 4 * 4096; }
static void filesz_over_memsz(struct image *im) { im->ph[1].filesz = 8192; }
static void overlap(struct image *im) { im->ph[1].vaddr = BASE + 100; }
static void entry_in_data(struct image *im) { im->eh.entry = BASE + 8192; }
static void interp(struct image *im) { im->ph[1].type = 3; }
static void wrapping_vaddr(struct image *im) { im->ph[2].vaddr = UINT64_MAX - 10; }
static void wrapping_offset(struct image *im) { im->ph[2].offset = UINT64_MAX - 10; }

static void malformed_images_are_named(void **state __attribute__((unused)))
{
	const size_t n = sizeof(struct image);

	expect_refusal(bad_magic, n, "not an ELF file");
	expect_refusal(big_endian, n, "not a 64-bit little-endian ELF file");
	expect_refusal(wrong_machine, n, "not an AArch64 ELF file");
	expect_refusal(shared_object, n, "not an executable (ET_EXEC)");
	expect_refusal(no_phdrs, n, "no usable program headers");
	expect_refusal(phdrs_past_end, n, "program headers lie outside the file");
	expect_refusal(wx_segment, n, "a segment is both writable and executable");
	expect_refusal(below_base, n, "a segment lies outside the TA image range");
	expect_refusal(past_limit, n, "a segment lies outside the TA image range");
	expect_refusal(file_past_end, n, "a segment lies outside the file");
	expect_refusal(filesz_over_memsz, n, "a segment's file size exceeds its memory size");
	expect_refusal(overlap, n, "loadable segments overlap or are out of order");
	expect_refusal(entry_in_data, n, "the entry point is not in an executable segment");
	expect_refusal(interp, n, "an ELF file asking for a program interpreter (PT_INTERP)");
	expect_refusal(wrapping_vaddr, n, "a segment lies outside the TA image range");
	expect_refusal(wrapping_offset, n, "a segment lies outside the file");
}

static void every_truncation_is_refused_or_in_bounds(void **state __attribute__((unused)))
{
	struct image im;
	struct ta_elf_layout l;

	make_good(&im);
	for (size_t len = 0; len < sizeof(im); len++) {
		/* A prefix is only acceptable if everything it describes lies inside it. */
		if (!parse(&im, len, &l)) {
			for (unsigned int i = 0; i < l.count; i++)
				assert_true(l.seg[i].offset + l.seg[i].filesz <= len);
		}
	}
	assert_non_null(parse(&im, sizeof(struct ehdr) - 1, &l));
}

/* Random corruption of the headers never yields a layout outside the rules. */
static void fuzzed_headers_keep_the_rules(void **state __attribute__((unused)))
{
	struct image im;
	struct ta_elf_layout l;
	unsigned int seed = 12345;

	for (int round = 0; round < 20000; round++) {
		uint8_t *bytes = (uint8_t *)&im;

		make_good(&im);
		for (int k = 0; k < 1 + round % 4; k++) {
			seed = seed * 1103515245 + 12345;
			size_t at = (seed >> 8) % offsetof(struct image, body);
			bytes[at] ^= (uint8_t)(1 << ((seed >> 4) % 8));
		}
		if (parse(&im, sizeof(im), &l))
			continue;
		assert_true(l.count >= 1 && l.count <= TA_ELF_MAX_SEGMENTS);
		for (unsigned int i = 0; i < l.count; i++) {
			const struct ta_elf_segment *s = &l.seg[i];

			assert_true(s->vaddr >= BASE && s->vaddr + s->memsz <= LIMIT);
			assert_true(s->offset + s->filesz <= sizeof(im));
			assert_false((s->prot & TA_ELF_PROT_W) && (s->prot & TA_ELF_PROT_X));
			assert_true(s->copy_to >= s->vaddr);
			assert_true(s->copy_to + s->filesz <= s->vaddr + s->memsz);
			if (i)
				assert_true(s->vaddr >= l.seg[i - 1].vaddr + l.seg[i - 1].memsz);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_image_is_laid_out),
		cmocka_unit_test(malformed_images_are_named),
		cmocka_unit_test(every_truncation_is_refused_or_in_bounds),
		cmocka_unit_test(fuzzed_headers_keep_the_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
