// SPDX-License-Identifier: BSD-2-Clause
/* Stage 2 table construction: blocks where aligned, pages otherwise, overlaps and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "stage2.h"

#define PAGES	 8
#define UNMAPPED (~0UL)

static struct s2_pool pool;

static int setup(void **state)
{
	(void)state;
	pool.pages = aligned_alloc(4096, PAGES * 4096);
	pool.count = PAGES;
	assert_int_equal(s2_init(&pool), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(pool.pages);
	return 0;
}

static void ram_in_2m_blocks(void **state)
{
	uint64_t desc;

	(void)state;
	/* 512 MiB at 0x41000000: 2 MiB aligned, not 1 GiB aligned: one level 2 table. */
	assert_int_equal(s2_map(&pool, 0x41000000, 0x41000000, 0x20000000, S2_RAM), 0);
	assert_int_equal(pool.used, 2);
	assert_int_equal(s2_translate(&pool, 0x41000000, &desc), 0x41000000);
	assert_int_equal(s2_translate(&pool, 0x60ffffff, NULL), 0x60ffffff);
	assert_int_equal(desc & 3, S2_DESC_VALID); /* a block, not a table */
	assert_int_equal(desc & (0xfUL << 2), S2_MEMATTR_NORMAL_WB);
	assert_int_equal(desc & (3UL << 6), S2_AP_RW);
	assert_true(desc & S2_AF);
	assert_false(desc & S2_XN);
	/* Just outside, both sides. */
	assert_int_equal(s2_translate(&pool, 0x40ffffff, NULL), UNMAPPED);
	assert_int_equal(s2_translate(&pool, 0x61000000, NULL), UNMAPPED);
}

static void gib_block_and_offset(void **state)
{
	(void)state;
	/* IPA and PA differ; both 1 GiB aligned: one level 1 block, no extra table. */
	assert_int_equal(s2_map(&pool, 0x80000000, 0x100000000, 0x40000000, S2_RAM), 0);
	assert_int_equal(pool.used, 1);
	assert_int_equal(s2_translate(&pool, 0x80001234, NULL), 0x100001234);
}

static void device_pages(void **state)
{
	uint64_t desc;

	(void)state;
	assert_int_equal(s2_map(&pool, 0x09000000, 0x09000000, 0x1000, S2_DEVICE), 0);
	assert_int_equal(pool.used, 3); /* level 1 -> level 2 -> level 3 */
	assert_int_equal(s2_translate(&pool, 0x09000004, &desc), 0x09000004);
	assert_int_equal(desc & 3, S2_DESC_VALID | S2_DESC_TABLE); /* a page */
	assert_int_equal(desc & (0xfUL << 2), S2_MEMATTR_DEVICE);
	assert_true(desc & S2_XN);
	assert_int_equal(s2_translate(&pool, 0x09001000, NULL), UNMAPPED);
}

static void unaligned_split_into_pages(void **state)
{
	(void)state;
	/* 2 MiB + 8 KiB starting 4 KiB below a 2 MiB boundary: page, block, pages. */
	assert_int_equal(s2_map(&pool, 0x401ff000, 0x801ff000, 0x202000, S2_RAM), 0);
	assert_int_equal(s2_translate(&pool, 0x401ff000, NULL), 0x801ff000);
	assert_int_equal(s2_translate(&pool, 0x40300000, NULL), 0x80300000);
	assert_int_equal(s2_translate(&pool, 0x40400fff, NULL), 0x80400fff);
	assert_int_equal(s2_translate(&pool, 0x40401000, NULL), UNMAPPED);
	assert_int_equal(s2_translate(&pool, 0x401fe000, NULL), UNMAPPED);
}

static void overlap_refused(void **state)
{
	(void)state;
	assert_int_equal(s2_map(&pool, 0x40000000, 0x40000000, 0x400000, S2_RAM), 0);
	/* Inside a block already mapped, and a page inside it. */
	assert_int_equal(s2_map(&pool, 0x40200000, 0x90000000, 0x200000, S2_RAM), -1);
	assert_int_equal(s2_map(&pool, 0x40001000, 0x90000000, 0x1000, S2_RAM), -1);
	/* Next to it is fine. */
	assert_int_equal(s2_map(&pool, 0x40400000, 0x90000000, 0x1000, S2_RAM), 0);
	assert_int_equal(s2_map(&pool, 0x40400000, 0x90000000, 0x1000, S2_RAM), -1);
}

static void bad_arguments(void **state)
{
	(void)state;
	assert_int_equal(s2_map(&pool, 0x40000800, 0x40000000, 0x1000, S2_RAM), -1);
	assert_int_equal(s2_map(&pool, 0x40000000, 0x40000800, 0x1000, S2_RAM), -1);
	assert_int_equal(s2_map(&pool, 0x40000000, 0x40000000, 0x800, S2_RAM), -1);
	assert_int_equal(s2_map(&pool, 0x40000000, 0x40000000, 0, S2_RAM), -1);
	/* Beyond the 39-bit IPA space, and wrapping into it. */
	assert_int_equal(s2_map(&pool, 1UL << 39, 0, 0x1000, S2_RAM), -1);
	assert_int_equal(s2_map(&pool, (1UL << 39) - 0x1000, 0, 0x2000, S2_RAM), -1);
	assert_int_equal(s2_translate(&pool, 1UL << 39, NULL), UNMAPPED);
}

static void pool_exhaustion(void **state)
{
	struct s2_pool small = {pool.pages, 2, 0};

	(void)state;
	assert_int_equal(s2_init(&small), 0);
	/* Needs level 2 and level 3 tables: only one page is left. */
	assert_int_equal(s2_map(&small, 0x09000000, 0x09000000, 0x1000, S2_DEVICE), -1);
	/* An uninitialised pool maps nothing. */
	small.used = 0;
	assert_int_equal(s2_map(&small, 0x40000000, 0x40000000, 0x200000, S2_RAM), -1);
}

static void vtcr_fields(void **state)
{
	uint64_t v = s2_vtcr(4); /* 44-bit PARange, as QEMU's Cortex-A57 */

	(void)state;
	assert_int_equal(v & 0x3f, 25);		     /* T0SZ: 39-bit IPA */
	assert_int_equal((v >> 6) & 3, 1);	     /* SL0: start at level 1 */
	assert_int_equal((v >> 14) & 3, 0);	     /* TG0: 4 KiB */
	assert_int_equal((v >> 16) & 7, 4);	     /* PS */
	assert_true(v & (1UL << 31));		     /* RES1 */
	assert_int_equal((s2_vtcr(9) >> 16) & 7, 5); /* capped at 48 bits */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(ram_in_2m_blocks, setup, teardown),
	    cmocka_unit_test_setup_teardown(gib_block_and_offset, setup, teardown),
	    cmocka_unit_test_setup_teardown(device_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(unaligned_split_into_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(overlap_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(bad_arguments, setup, teardown),
	    cmocka_unit_test_setup_teardown(pool_exhaustion, setup, teardown),
	    cmocka_unit_test(vtcr_fields),
	};

	return cmocka_run_group_tests_name("stage2", tests, NULL, NULL);
}
