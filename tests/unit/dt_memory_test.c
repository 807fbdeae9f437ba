// SPDX-License-Identifier: BSD-2-Clause
/*
 * A device tree's memory nodes against the board's RAM (boot/dt_memory.c), with the board's real
 * firmware regions (boot/fw_regions.c): the hostile shapes a tree given with -dtb can take.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>
#include <plat/platform.h>

#include "dt_memory.h"
#include "fw_regions.h"

#define TREE_SIZE 8192
#define GiB	  0x40000000ULL

static uint8_t tree[TREE_SIZE];
static const struct mem_range ram = {PLAT_DRAM_BASE, GiB, "the board's RAM"};
static char err[256];

static int node_with_reg(const char *name, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = {cpu_to_fdt64(base), cpu_to_fdt64(size)};
	int node = fdt_add_subnode(tree, 0, name);

	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(tree, node, "device_type", "memory"), 0);
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, sizeof(reg)), 0);
	return node;
}

/* QEMU's tree: its RAM node and its secure RAM node, the latter disabled for the normal world. */
static int qemu_tree(void **state)
{
	int node;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(tree, TREE_SIZE), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", 2), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#size-cells", 2), 0);
	node = node_with_reg("secram@e000000", PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE);
	assert_int_equal(fdt_setprop_string(tree, node, "status", "disabled"), 0);
	assert_int_equal(fdt_setprop_string(tree, node, "secure-status", "okay"), 0);
	node_with_reg("memory@40000000", PLAT_DRAM_BASE, GiB);
	return 0;
}

static int check(void)
{
	size_t n;
	const struct mem_range *fw = boot_firmware_regions(&n);

	err[0] = '\0';
	return dt_check_memory(tree, TREE_SIZE, &ram, fw, n, err, sizeof(err));
}

static void refused(const char *needle)
{
	assert_int_equal(check(), -1);
	if (!strstr(err, needle))
		fail_msg("\"%s\" does not say \"%s\"", err, needle);
}

static void qemu_tree_accepted(void **state)
{
	(void)state;
	assert_int_equal(check(), 0);
	/* Smaller RAM than the board has, in two nodes, some of it twice: Linux copes. */
	node_with_reg("ram@50000000", 0x50000000, 0x1000000);
	node_with_reg("ram@40000000", PLAT_DRAM_BASE, 0x1000000);
	assert_int_equal(check(), 0);
}

static void inside_secure_ram(void **state)
{
	(void)state;
	node_with_reg("ram@e000000", PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE);
	refused("device tree memory node /ram@e000000 (reg) 0xe000000-0xf000000 overlaps the EL3 "
		"monitor");
}

static void secure_ram_node_enabled(void **state)
{
	int node = fdt_path_offset(tree, "/secram@e000000");

	(void)state;
	assert_int_equal(fdt_setprop_string(tree, node, "status", "okay"), 0);
	refused("overlaps the EL3 monitor");
	assert_int_equal(fdt_delprop(tree, node, "status"), 0);
	refused("overlaps the EL3 monitor");
	/* Linux takes "ok" for "okay" too. */
	assert_int_equal(fdt_setprop_string(tree, node, "status", "ok"), 0);
	refused("overlaps the EL3 monitor");
}

static void starts_below_ram(void **state)
{
	(void)state;
	/* From inside secure RAM into DRAM: the shape that made the tree land in secure RAM. */
	node_with_reg("ram@e000000", PLAT_SECURE_RAM_BASE, 2 * GiB);
	refused("overlaps the EL3 monitor");
	assert_int_equal(qemu_tree(NULL), 0);
	node_with_reg("ram@3fe00000", PLAT_DRAM_BASE - 0x200000, GiB);
	refused("/ram@3fe00000 (reg) 0x3fe00000-0x7fe00000 is outside the board's RAM "
		"(0x40000000-0x80000000)");
	assert_int_equal(qemu_tree(NULL), 0);
	node_with_reg("ram@f000000", PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE, 0x1000);
	refused("outside the board's RAM");
}

static void beyond_ram(void **state)
{
	(void)state;
	node_with_reg("ram@40000000", PLAT_DRAM_BASE, GiB + 0x1000);
	refused("outside the board's RAM");
	assert_int_equal(qemu_tree(NULL), 0);
	node_with_reg("ram@80000000", PLAT_DRAM_BASE + GiB, 0x1000);
	refused("outside the board's RAM");
}

static void wrapping_sizes(void **state)
{
	(void)state;
	/* base + size wraps to just above the base: a naive end check says "inside RAM". */
	node_with_reg("ram@40000000", PLAT_DRAM_BASE, UINT64_MAX - 0x1000);
	refused("runs past the end of the address space");
	assert_int_equal(qemu_tree(NULL), 0);
	node_with_reg("ram@ffffffffffe00000", 0xffffffffffe00000ULL, 0x40000000ULL);
	refused("runs past the end of the address space");
	assert_int_equal(qemu_tree(NULL), 0);
	node_with_reg("ram@40000000", PLAT_DRAM_BASE, 0);
	refused("is empty");
}

static void second_range_in_reg(void **state)
{
	int node = fdt_path_offset(tree, "/memory@40000000");
	fdt64_t reg[4] = {cpu_to_fdt64(PLAT_DRAM_BASE), cpu_to_fdt64(0x1000000),
			  cpu_to_fdt64(PLAT_TEE_BASE), cpu_to_fdt64(0x1000)};

	(void)state;
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, sizeof(reg)), 0);
	refused("overlaps the trusted OS");
	/* A reg that is not a whole number of entries. */
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, 12), 0);
	refused("not a whole number of <2 address + 2 size> cells");
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, 0), 0);
	refused("not a whole number");
	assert_int_equal(fdt_delprop(tree, node, "reg"), 0);
	refused("memory node /memory@40000000 has no reg");
}

static void usable_memory(void **state)
{
	int node = fdt_path_offset(tree, "/memory@40000000");
	fdt64_t use[2] = {cpu_to_fdt64(PLAT_BOOT_SCRATCH_BASE), cpu_to_fdt64(0x1000)};

	(void)state;
	assert_int_equal(fdt_setprop(tree, node, "linux,usable-memory", use, sizeof(use)), 0);
	refused("(linux,usable-memory) 0xef00000-0xef01000 overlaps the boot stage's stack");
	use[0] = cpu_to_fdt64(PLAT_DRAM_BASE);
	assert_int_equal(fdt_setprop(tree, node, "linux,usable-memory", use, sizeof(use)), 0);
	assert_int_equal(check(), 0);
}

static void device_type_spellings(void **state)
{
	int node;

	(void)state;
	/* Linux reads the first string only: "memory" followed by more strings is memory. */
	node = node_with_reg("ram@e000000", PLAT_SECURE_RAM_BASE, 0x1000);
	assert_int_equal(fdt_setprop(tree, node, "device_type", "memory\0other", 13), 0);
	refused("overlaps the EL3 monitor");
	/* Not memory: "memoryx", "memor", not terminated. */
	assert_int_equal(fdt_setprop(tree, node, "device_type", "memoryx", 8), 0);
	assert_int_equal(check(), 0);
	assert_int_equal(fdt_setprop(tree, node, "device_type", "memor", 6), 0);
	assert_int_equal(check(), 0);
	assert_int_equal(fdt_setprop(tree, node, "device_type", "memory", 6), 0);
	assert_int_equal(check(), 0);
}

static void cells(void **state)
{
	fdt32_t reg[2];
	int node;

	(void)state;
	/* One address and one size cell: QEMU writes its node that way when the root says so. */
	assert_int_equal(fdt_create_empty_tree(tree, TREE_SIZE), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", 1), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#size-cells", 1), 0);
	node = fdt_add_subnode(tree, 0, "memory@40000000");
	assert_int_equal(fdt_setprop_string(tree, node, "device_type", "memory"), 0);
	reg[0] = cpu_to_fdt32(PLAT_DRAM_BASE);
	reg[1] = cpu_to_fdt32(GiB);
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, sizeof(reg)), 0);
	assert_int_equal(check(), 0);
	reg[0] = cpu_to_fdt32(PLAT_SECURE_RAM_BASE);
	assert_int_equal(fdt_setprop(tree, node, "reg", reg, sizeof(reg)), 0);
	refused("overlaps the EL3 monitor");
	/* Cells the tree cannot mean: 0, 3 (hides high bits), absurd. */
	for (uint32_t bad = 0; bad < 6; bad++) {
		if (bad == 1 || bad == 2)
			continue;
		assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", bad), 0);
		refused("#address-cells");
		assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", 1), 0);
		assert_int_equal(fdt_setprop_u32(tree, 0, "#size-cells", bad), 0);
		refused("#size-cells");
		assert_int_equal(fdt_setprop_u32(tree, 0, "#size-cells", 1), 0);
	}
	assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", 0xffffffff), 0);
	refused("#address-cells");
}

static void no_memory_node(void **state)
{
	int node = fdt_path_offset(tree, "/memory@40000000");

	(void)state;
	assert_int_equal(fdt_del_node(tree, node), 0);
	refused("no memory node");
	/* A disabled one is no memory node either. */
	assert_int_equal(fdt_create_empty_tree(tree, TREE_SIZE), 0);
	node = node_with_reg("memory@40000000", PLAT_DRAM_BASE, GiB);
	assert_int_equal(fdt_setprop_string(tree, node, "status", "disabled"), 0);
	refused("no memory node");
}

static void drop_unavailable(void **state)
{
	int node;

	(void)state;
	/* A disabled node first, claiming more than the board has: gone, the checked one stays. */
	assert_int_equal(fdt_create_empty_tree(tree, TREE_SIZE), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#address-cells", 2), 0);
	assert_int_equal(fdt_setprop_u32(tree, 0, "#size-cells", 2), 0);
	node = node_with_reg("ram@40000000", PLAT_DRAM_BASE, 64 * GiB);
	assert_int_equal(fdt_setprop_string(tree, node, "status", "disabled"), 0);
	node_with_reg("memory@40000000", PLAT_DRAM_BASE, GiB);
	node = node_with_reg("secram@e000000", PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE);
	assert_int_equal(fdt_setprop_string(tree, node, "status", "fail"), 0);
	assert_int_equal(check(), 0);
	assert_int_equal(dt_drop_unavailable_memory(tree), 2);
	assert_int_equal(fdt_path_offset(tree, "/ram@40000000"), -FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_path_offset(tree, "/secram@e000000"), -FDT_ERR_NOTFOUND);
	node = fdt_node_offset_by_prop_value(tree, -1, "device_type", "memory", 7);
	assert_int_equal(node, fdt_path_offset(tree, "/memory@40000000"));
	assert_int_equal(check(), 0);
	assert_int_equal(dt_drop_unavailable_memory(tree), 0);
}

static void damaged_blobs(void **state)
{
	size_t n, size = fdt_totalsize(tree);
	const struct mem_range *fw = boot_firmware_regions(&n);
	uint8_t *copy = malloc(size);

	(void)state;
	/* The blob is shorter than its header says. */
	assert_int_equal(dt_check_memory(tree, size - 1, &ram, fw, n, err, sizeof(err)), -1);
	assert_int_equal(dt_check_memory(tree, 10, &ram, fw, n, err, sizeof(err)), -1);
	/* Random byte flips: refused or accepted, never a read out of the blob (ASan). */
	srand(11);
	for (int i = 0; i < 20000; i++) {
		memcpy(copy, tree, size);
		for (int k = 0; k < 1 + rand() % 3; k++)
			copy[rand() % size] = (uint8_t)rand();
		if (dt_check_memory(copy, size, &ram, fw, n, err, sizeof(err)))
			assert_true(err[0] != '\0');
	}
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(qemu_tree_accepted, qemu_tree),
	    cmocka_unit_test_setup(inside_secure_ram, qemu_tree),
	    cmocka_unit_test_setup(secure_ram_node_enabled, qemu_tree),
	    cmocka_unit_test_setup(starts_below_ram, qemu_tree),
	    cmocka_unit_test_setup(beyond_ram, qemu_tree),
	    cmocka_unit_test_setup(wrapping_sizes, qemu_tree),
	    cmocka_unit_test_setup(second_range_in_reg, qemu_tree),
	    cmocka_unit_test_setup(usable_memory, qemu_tree),
	    cmocka_unit_test_setup(device_type_spellings, qemu_tree),
	    cmocka_unit_test_setup(cells, qemu_tree),
	    cmocka_unit_test_setup(no_memory_node, qemu_tree),
	    cmocka_unit_test_setup(drop_unavailable, qemu_tree),
	    cmocka_unit_test_setup(damaged_blobs, qemu_tree),
	};

	return cmocka_run_group_tests_name("dt_memory", tests, NULL, NULL);
}
