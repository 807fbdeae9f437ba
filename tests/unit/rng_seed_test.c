// SPDX-License-Identifier: BSD-2-Clause
/* The boot stage takes the trusted OS's seed out of QEMU's device tree and leaves zeros behind. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "rng_seed.h"

static uint8_t tree[4096];

/* QEMU's layout: /secure-chosen { rng-seed = <n random bytes>; } (hw/arm/virt.c). */
static void make_tree(int with_node, const uint8_t *seed, int len)
{
	int node;

	assert_int_equal(fdt_create_empty_tree(tree, sizeof(tree)), 0);
	assert_true(fdt_add_subnode(tree, 0, "chosen") >= 0);
	if (!with_node)
		return;
	node = fdt_add_subnode(tree, 0, "secure-chosen");
	assert_true(node >= 0);
	if (seed)
		assert_int_equal(fdt_setprop(tree, node, "rng-seed", seed, len), 0);
}

static const uint8_t *seed_in_tree(int *len)
{
	return fdt_getprop(tree, fdt_path_offset(tree, "/secure-chosen"), "rng-seed", len);
}

static void takes_and_wipes(void **state)
{
	uint8_t seed[32], out[64], zero[32] = {0};
	const uint8_t *left;
	int len;

	(void)state;
	for (int i = 0; i < 32; i++)
		seed[i] = (uint8_t)(0xa5 ^ (i * 37));
	make_tree(1, seed, sizeof(seed));
	memset(out, 0xee, sizeof(out));
	assert_int_equal(dt_take_rng_seed(tree, out, sizeof(out)), 32);
	assert_memory_equal(out, seed, 32);
	assert_int_equal(out[32], 0xee); /* nothing past the seed */
	left = seed_in_tree(&len);
	assert_non_null(left);
	assert_int_equal(len, 32);
	assert_memory_equal(left, zero, 32);
	assert_int_equal(fdt_check_header(tree), 0);
}

static void longer_seed_is_cut_to_the_buffer(void **state)
{
	uint8_t seed[100], out[64];
	const uint8_t *left;
	int len;

	(void)state;
	for (int i = 0; i < 100; i++)
		seed[i] = (uint8_t)(i + 1);
	make_tree(1, seed, sizeof(seed));
	assert_int_equal(dt_take_rng_seed(tree, out, sizeof(out)), 64);
	assert_memory_equal(out, seed, 64);
	left = seed_in_tree(&len);
	for (int i = 0; i < 64; i++)
		assert_int_equal(left[i], 0);
}

static void no_seed(void **state)
{
	uint8_t out[64];

	(void)state;
	make_tree(0, NULL, 0);
	assert_int_equal(dt_take_rng_seed(tree, out, sizeof(out)), 0);
	make_tree(1, NULL, 0);
	assert_int_equal(dt_take_rng_seed(tree, out, sizeof(out)), 0);
	make_tree(1, (const uint8_t *)"", 0); /* empty property */
	assert_int_equal(dt_take_rng_seed(tree, out, sizeof(out)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(takes_and_wipes),
		cmocka_unit_test(longer_seed_is_cut_to_the_buffer),
		cmocka_unit_test(no_seed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
