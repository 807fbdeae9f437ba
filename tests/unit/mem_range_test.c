// SPDX-License-Identifier: BSD-2-Clause
/*
 * Overflow-safe placement checks (lib/common/mem_range.c) against the board's real firmware
 * regions (boot/fw_regions.c): sizes at the 2^64 edge, zero sizes, unaligned, overlapping, below
 * and above RAM, inside secure RAM; and a randomized comparison with 128-bit arithmetic.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <plat/platform.h>
#include <rampart/mem_range.h>

#include "fw_regions.h"

#define MiB 0x100000ULL
#define GiB 0x40000000ULL

static const struct mem_range ram = {PLAT_DRAM_BASE, GiB, "the board's RAM"};

static void overlaps_and_inside(void **state)
{
	(void)state;
	assert_true(mem_range_overlaps(0, 2, 1, 1));
	assert_true(mem_range_overlaps(1, 1, 0, 2));
	assert_false(mem_range_overlaps(0, 1, 1, 1)); /* touching is not overlapping */
	assert_false(mem_range_overlaps(1, 1, 0, 1));
	assert_false(mem_range_overlaps(5, 0, 0, 100)); /* empty ranges share no byte */
	assert_false(mem_range_overlaps(0, 100, 5, 0));
	/* A naive a < b + b_size wraps for b_size near 2^64 and misses this overlap. */
	assert_true(mem_range_overlaps(0x1000, 0x1000, 0x800, UINT64_MAX - 0x7ff));
	assert_true(mem_range_overlaps(0x800, UINT64_MAX - 0x7ff, 0x1000, 0x1000));
	assert_true(mem_range_overlaps(UINT64_MAX, 1, UINT64_MAX - 1, 2));
	assert_false(mem_range_overlaps(UINT64_MAX, 1, 0, UINT64_MAX));

	assert_true(mem_range_inside(0x10, 0x10, 0x10, 0x10));
	assert_false(mem_range_inside(0x10, 0x11, 0x10, 0x10));
	assert_false(mem_range_inside(0xf, 0x10, 0x10, 0x10));
	assert_false(mem_range_inside(0x10, 0, 0x10, 0x10)); /* empty is never "inside" */
	/* base - outer_base + size wraps: a naive check calls this inside. */
	assert_false(mem_range_inside(0x20, UINT64_MAX - 0x10, 0x10, 0x100));
	assert_true(mem_range_inside(UINT64_MAX - 1, 1, 0, UINT64_MAX));
}

static enum mem_place_error place(uint64_t base, uint64_t size, uint64_t align,
				  const struct mem_range **hit)
{
	const struct mem_range r = {base, size, "it"};
	size_t n;
	const struct mem_range *fw = boot_firmware_regions(&n);

	return mem_place_check(&r, align, &ram, fw, n, hit);
}

static void board_placements(void **state)
{
	const struct mem_range *hit = NULL;

	(void)state;
	assert_int_equal(place(PLAT_DRAM_BASE, GiB, 1, NULL), MEM_PLACE_OK);
	assert_int_equal(place(PLAT_DRAM_BASE + GiB - 1, 1, 1, NULL), MEM_PLACE_OK);
	assert_int_equal(place(PLAT_DRAM_BASE, 0, 1, NULL), MEM_PLACE_EMPTY);
	assert_int_equal(place(PLAT_DRAM_BASE, UINT64_MAX, 1, NULL), MEM_PLACE_WRAPS);
	assert_int_equal(place(UINT64_MAX, 2, 1, NULL), MEM_PLACE_WRAPS);
	assert_int_equal(place(PLAT_DRAM_BASE + 0x1000, MiB, 2 * MiB, NULL), MEM_PLACE_UNALIGNED);
	assert_int_equal(place(PLAT_DRAM_BASE, MiB + 1, 2 * MiB, NULL), MEM_PLACE_UNALIGNED);
	/* Below RAM, above its end, straddling either edge. */
	assert_int_equal(place(PLAT_DRAM_BASE - 2 * MiB, 2 * MiB, 1, NULL), MEM_PLACE_OUTSIDE);
	assert_int_equal(place(PLAT_DRAM_BASE - 1, 2, 1, NULL), MEM_PLACE_OUTSIDE);
	assert_int_equal(place(PLAT_DRAM_BASE + GiB, 1, 1, NULL), MEM_PLACE_OUTSIDE);
	assert_int_equal(place(PLAT_DRAM_BASE + GiB - 1, 2, 1, NULL), MEM_PLACE_OUTSIDE);
	/* Secure RAM and each firmware image in it is named. */
	assert_int_equal(place(PLAT_MONITOR_BASE, 0x1000, 1, &hit), MEM_PLACE_OVERLAPS);
	assert_string_equal(hit->name, "the EL3 monitor");
	assert_int_equal(place(PLAT_TEE_BASE + 0x5000, 1, 1, &hit), MEM_PLACE_OVERLAPS);
	assert_string_equal(hit->name, "the trusted OS");
	assert_int_equal(place(PLAT_BOOT_SCRATCH_BASE, 1, 1, &hit), MEM_PLACE_OVERLAPS);
	assert_string_equal(hit->name, "the boot stage's stack and page tables");
	assert_int_equal(place(PLAT_PEN_BASE + 8, 8, 1, &hit), MEM_PLACE_OVERLAPS);
	assert_string_equal(hit->name, "the secondary CPUs' holding pen");
	assert_int_equal(place(PLAT_FLASH_BASE + 0x1000, 1, 1, &hit), MEM_PLACE_OVERLAPS);
	assert_string_equal(hit->name, "the firmware flash");
	/* A huge range from below secure RAM up into DRAM touches secure RAM first. */
	assert_int_equal(place(PLAT_SECURE_RAM_BASE - 2 * MiB, GiB, 1, &hit), MEM_PLACE_OVERLAPS);
	/* The last byte of secure RAM, and the first byte after it. */
	assert_int_equal(place(PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE - 1, 1, 1, &hit),
			 MEM_PLACE_OVERLAPS);
	assert_int_equal(place(PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE, 1, 1, NULL),
			 MEM_PLACE_OUTSIDE);
}

static void firmware_regions_cover_secure_ram(void **state)
{
	size_t n;
	const struct mem_range *fw = boot_firmware_regions(&n);
	int secure = 0;

	(void)state;
	/* Every byte of secure RAM is named by some region, and none of them is in DRAM. */
	for (uint64_t a = PLAT_SECURE_RAM_BASE; a < PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE;
	     a += 0x1000) {
		int covered = 0;

		for (size_t i = 0; i < n; i++)
			covered |= mem_range_inside(a, 0x1000, fw[i].base, fw[i].size);
		assert_true(covered);
	}
	for (size_t i = 0; i < n; i++) {
		assert_false(
		    mem_range_overlaps(fw[i].base, fw[i].size, PLAT_DRAM_BASE, PLAT_DRAM_MAP_SIZE));
		secure |= fw[i].base == PLAT_SECURE_RAM_BASE && fw[i].size == PLAT_SECURE_RAM_SIZE;
	}
	assert_true(secure);
}

static void messages(void **state)
{
	const struct mem_range avoid[] = {{0x1000, 0x1000, "the pen"}};
	const struct mem_range r[] = {
	    {PLAT_DRAM_BASE, MiB, "the kernel"},
	    {PLAT_DRAM_BASE + MiB - 1, MiB, "the initramfs"},
	};
	const struct mem_range wraps = {PLAT_DRAM_BASE, UINT64_MAX - 5, "the tree"};
	const struct mem_range pen = {0x1800, 1, "the tree"};
	char err[200];

	(void)state;
	assert_int_equal(mem_place_all(r, 1, 1, &ram, avoid, 1, err, sizeof(err)), 0);
	assert_int_equal(mem_place_all(r, 2, 1, &ram, avoid, 1, err, sizeof(err)), -1);
	assert_string_equal(err, "the initramfs 0x400fffff-0x401fffff overlaps the kernel "
				 "(0x40000000-0x40100000)");
	assert_int_equal(mem_place_all(&wraps, 1, 1, &ram, avoid, 1, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "runs past the end of the address space"));
	assert_int_equal(mem_place_all(&pen, 1, 1, &ram, avoid, 1, err, sizeof(err)), -1);
	assert_string_equal(err, "the tree 0x1800-0x1801 overlaps the pen (0x1000-0x2000)");
	assert_int_equal(mem_place_all(&avoid[0], 1, 1, &ram, NULL, 0, err, sizeof(err)), -1);
	assert_string_equal(err, "the pen 0x1000-0x2000 is outside the board's RAM "
				 "(0x40000000-0x80000000)");
}

static uint64_t rand64(void)
{
	uint64_t v = 0;

	for (int i = 0; i < 4; i++)
		v = v << 16 | (uint64_t)(rand() & 0xffff);
	/* Bias towards the interesting edges: 0, 2^64 - small, small. */
	switch (rand() % 4) {
	case 0:
		return v & 0xff;
	case 1:
		return UINT64_MAX - (v & 0xff);
	default:
		return v;
	}
}

/* The same predicates with 128-bit sums that cannot wrap. */
static void against_wide_arithmetic(void **state)
{
	(void)state;
	srand(7);
	for (int i = 0; i < 200000; i++) {
		uint64_t a = rand64(), as = rand64(), b = rand64(), bs = rand64();
		unsigned __int128 ae = (unsigned __int128)a + as, be = (unsigned __int128)b + bs;
		int overlap = as && bs && a < be && b < ae;
		int inside = as && a >= b && ae <= be;

		assert_int_equal(mem_range_overlaps(a, as, b, bs), overlap);
		assert_int_equal(mem_range_inside(a, as, b, bs), inside);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(overlaps_and_inside),
	    cmocka_unit_test(board_placements),
	    cmocka_unit_test(firmware_regions_cover_secure_ram),
	    cmocka_unit_test(messages),
	    cmocka_unit_test(against_wide_arithmetic),
	};

	return cmocka_run_group_tests_name("mem_range", tests, NULL, NULL);
}
