// SPDX-License-Identifier: BSD-2-Clause
/*
 * Device trees from outside the firmware (lib/common/fdt_untrusted.c): the shapes the fuzzers
 * found, which libfdt 1.6.1 loops on or writes past, are refused before libfdt walks them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>
#include <rampart/fdt_untrusted.h>

static uint8_t tree[4096];

/* A small tree shaped like QEMU's: memory node, chosen, packed. */
static void build(void)
{
	fdt64_t reg[2] = {cpu_to_fdt64(0x40000000), cpu_to_fdt64(0x80000000)};
	int node;

	assert_int_equal(fdt_create_empty_tree(tree, sizeof(tree)), 0);
	node = fdt_add_subnode(tree, 0, "memory@40000000");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(tree, node, "device_type", "memory"), 0);
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, sizeof(reg)), 0);
	node = fdt_add_subnode(tree, 0, "chosen");
	assert_int_equal(fdt_setprop_string(tree, node, "bootargs", "console=ttyAMA0"), 0);
	assert_int_equal(fdt_pack(tree), 0);
}

static struct fdt_property *first_property(void)
{
	int node = fdt_path_offset(tree, "/memory@40000000");
	int prop = fdt_first_property_offset(tree, node);

	assert_true(prop >= 0);
	return (struct fdt_property *)fdt_get_property_by_offset(tree, prop, NULL);
}

static void well_formed_tree_accepted(void **state)
{
	(void)state;
	build();
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), 0);
}

/* len = -12: the next tag is the property itself; libfdt's own walk never ends. */
static void property_looping_to_itself_refused(void **state)
{
	(void)state;
	build();
	first_property()->len = cpu_to_fdt32(0xfffffff4);
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), -FDT_ERR_BADSTRUCTURE);
}

static void property_name_outside_strings_refused(void **state)
{
	(void)state;
	build();
	first_property()->nameoff = cpu_to_fdt32(0x7fffff00);
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), -FDT_ERR_BADSTRUCTURE);
}

/* A reserve map without its terminator before the structure: fdt_pack wrote past the tree. */
static void reserve_map_into_structure_refused(void **state)
{
	struct fdt_reserve_entry *re;

	(void)state;
	build();
	re = (struct fdt_reserve_entry *)(tree + fdt_off_mem_rsvmap(tree));
	re->address = cpu_to_fdt64(0x1c0c00);
	re->size = cpu_to_fdt64(0x1000);
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), -FDT_ERR_BADLAYOUT);
}

static void blocks_out_of_order_refused(void **state)
{
	(void)state;
	build();
	fdt_set_off_dt_strings(tree, fdt_off_dt_struct(tree) + 8);
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), -FDT_ERR_BADLAYOUT);
}

static void unbalanced_nodes_refused(void **state)
{
	fdt32_t *end;

	(void)state;
	build();
	/* The root's FDT_END_NODE (just before FDT_END) becomes a NOP. */
	end = (fdt32_t *)(tree + fdt_off_dt_struct(tree) + fdt_size_dt_struct(tree) - 8);
	assert_int_equal(fdt32_to_cpu(*end), FDT_END_NODE);
	*end = cpu_to_fdt32(FDT_NOP);
	assert_int_equal(fdt_check_untrusted(tree, sizeof(tree)), -FDT_ERR_BADSTRUCTURE);
}

static void larger_than_allowed_refused(void **state)
{
	(void)state;
	build();
	assert_int_equal(fdt_check_untrusted(tree, fdt_totalsize(tree) - 1), -FDT_ERR_TRUNCATED);
	assert_int_equal(fdt_check_untrusted(tree, 8), -FDT_ERR_TRUNCATED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(well_formed_tree_accepted),
	    cmocka_unit_test(property_looping_to_itself_refused),
	    cmocka_unit_test(property_name_outside_strings_refused),
	    cmocka_unit_test(reserve_map_into_structure_refused),
	    cmocka_unit_test(blocks_out_of_order_refused),
	    cmocka_unit_test(unbalanced_nodes_refused),
	    cmocka_unit_test(larger_than_allowed_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
