// SPDX-License-Identifier: BSD-2-Clause
/* Device-tree fix-ups for Linux, against the host's libfdt. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "dt_fixup.h"

#define TREE_SIZE 16384

static uint8_t tree[TREE_SIZE];

static const struct dt_linux_params params = {
    .bootargs = "console=ttyAMA0 quiet",
    .initrd_start = 0x42400000,
    .initrd_end = 0x42500000,
    .secure_base = 0x0e000000,
    .secure_size = 0x01000000,
    .optee = 1,
};

static void add_reg(void *fdt, int node, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = {cpu_to_fdt64(base), cpu_to_fdt64(size)};

	assert_int_equal(fdt_setprop(fdt, node, "reg", reg, sizeof(reg)), 0);
}

/* A tree shaped like QEMU's virt board: memory, 4 CPUs (one with spin-table leftovers), chosen. */
static int board_tree(void **state)
{
	int root, cpus, node;

	(void)state;
	assert_int_equal(fdt_create_empty_tree(tree, TREE_SIZE), 0);
	root = 0;
	assert_int_equal(fdt_setprop_u32(tree, root, "#address-cells", 2), 0);
	assert_int_equal(fdt_setprop_u32(tree, root, "#size-cells", 2), 0);
	node = fdt_add_subnode(tree, root, "memory@40000000");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_string(tree, node, "device_type", "memory"), 0);
	add_reg(tree, node, 0x40000000, 0x80000000);
	cpus = fdt_add_subnode(tree, root, "cpus");
	assert_true(cpus >= 0);
	assert_int_equal(fdt_setprop_u32(tree, cpus, "#address-cells", 1), 0);
	assert_int_equal(fdt_setprop_u32(tree, cpus, "#size-cells", 0), 0);
	assert_true(fdt_add_subnode(tree, cpus, "cpu-map") >= 0);
	for (int i = 3; i >= 0; i--) {
		char name[16];

		snprintf(name, sizeof(name), "cpu@%d", i);
		node = fdt_add_subnode(tree, cpus, name);
		assert_true(node >= 0);
		assert_int_equal(fdt_setprop_string(tree, node, "device_type", "cpu"), 0);
		assert_int_equal(fdt_setprop_u32(tree, node, "reg", (uint32_t)i), 0);
		if (i == 2)
			assert_int_equal(
			    fdt_setprop_u64(tree, node, "cpu-release-addr", 0x8000fff8), 0);
	}
	node = fdt_add_subnode(tree, root, "chosen");
	assert_int_equal(fdt_setprop_string(tree, node, "stdout-path", "/pl011@9000000"), 0);
	node = fdt_add_subnode(tree, root, "secure-chosen");
	assert_int_equal(fdt_setprop_u32(tree, node, "rng-seed", 0x12345678), 0);
	return 0;
}

static const char *str_prop(const char *path, const char *name)
{
	int node = fdt_path_offset(tree, path);

	return node < 0 ? NULL : fdt_getprop(tree, node, name, NULL);
}

static uint64_t u64_prop(const char *path, const char *name)
{
	int len, node = fdt_path_offset(tree, path);
	const void *p = node < 0 ? NULL : fdt_getprop(tree, node, name, &len);
	fdt64_t v;

	assert_non_null(p);
	assert_int_equal(len, 8);
	memcpy(&v, p, sizeof(v)); /* properties are only 4-byte aligned */
	return fdt64_to_cpu(v);
}

static void fixup_result(void **state)
{
	const char *step = NULL;
	const char *compat;
	int len, cpus, node, count = 0;

	(void)state;
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	compat = str_prop("/psci", "compatible");
	assert_non_null(compat);
	node = fdt_path_offset(tree, "/psci");
	compat = fdt_getprop(tree, node, "compatible", &len);
	assert_int_equal(len, sizeof("arm,psci-1.0\0arm,psci-0.2\0arm,psci"));
	assert_memory_equal(compat, "arm,psci-1.0\0arm,psci-0.2\0arm,psci", (size_t)len);
	assert_string_equal(str_prop("/psci", "method"), "smc");
	cpus = fdt_path_offset(tree, "/cpus");
	fdt_for_each_subnode (node, tree, cpus) {
		const char *type = fdt_getprop(tree, node, "device_type", NULL);

		if (!type) {
			/* cpu-map is left alone */
			assert_null(fdt_getprop(tree, node, "enable-method", NULL));
			continue;
		}
		assert_string_equal(fdt_getprop(tree, node, "enable-method", NULL), "psci");
		assert_null(fdt_getprop(tree, node, "cpu-release-addr", NULL));
		count++;
	}
	assert_int_equal(count, 4);
	assert_string_equal(str_prop("/chosen", "bootargs"), "console=ttyAMA0 quiet");
	assert_string_equal(str_prop("/chosen", "stdout-path"), "/pl011@9000000");
	assert_int_equal(u64_prop("/chosen", "linux,initrd-start"), 0x42400000);
	assert_int_equal(u64_prop("/chosen", "linux,initrd-end"), 0x42500000);
	assert_int_equal(fdt_path_offset(tree, "/secure-chosen"), -FDT_ERR_NOTFOUND);
	node = fdt_path_offset(tree, "/reserved-memory/secure-memory@e000000");
	assert_true(node >= 0);
	assert_non_null(fdt_getprop(tree, node, "no-map", &len));
	assert_int_equal(len, 0);
	{
		const fdt32_t *reg = fdt_getprop(tree, node, "reg", &len);

		assert_int_equal(len, 16);
		assert_int_equal(fdt32_to_cpu(reg[0]), 0);
		assert_int_equal(fdt32_to_cpu(reg[1]), 0x0e000000);
		assert_int_equal(fdt32_to_cpu(reg[2]), 0);
		assert_int_equal(fdt32_to_cpu(reg[3]), 0x01000000);
	}
	assert_string_equal(str_prop("/firmware/optee", "compatible"), "linaro,optee-tz");
	assert_string_equal(str_prop("/firmware/optee", "method"), "smc");
}

static void fixup_twice_is_stable(void **state)
{
	const char *step;
	int rsv, node, n = 0;

	(void)state;
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	fdt_for_each_subnode (node, tree, 0) {
		const char *name = fdt_get_name(tree, node, NULL);

		n += !strcmp(name, "psci");
	}
	assert_int_equal(n, 1);
	rsv = fdt_path_offset(tree, "/reserved-memory");
	n = 0;
	fdt_for_each_subnode (node, tree, rsv)
		n++;
	assert_int_equal(n, 1);
}

static void no_initrd_no_bootargs_no_tee(void **state)
{
	struct dt_linux_params p = params;
	const char *step;
	int chosen;

	(void)state;
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	p.initrd_end = p.initrd_start;
	p.bootargs = "";
	p.optee = 0;
	assert_int_equal(dt_fixup_for_linux(tree, &p, &step), 0);
	chosen = fdt_path_offset(tree, "/chosen");
	assert_null(fdt_getprop(tree, chosen, "linux,initrd-start", NULL));
	assert_null(fdt_getprop(tree, chosen, "linux,initrd-end", NULL));
	/* Empty bootargs leave what was there. */
	assert_string_equal(str_prop("/chosen", "bootargs"), "console=ttyAMA0 quiet");
	p.bootargs = NULL;
	assert_int_equal(dt_fixup_for_linux(tree, &p, &step), 0);
}

/*
 * A tree given with -dtb may point /chosen's initrd into secure RAM. The boot stage never reads
 * these properties: they always end as the initramfs it placed itself, or gone.
 */
static void hostile_chosen_initrd(void **state)
{
	struct dt_linux_params p = params;
	const char *step;
	int chosen = fdt_path_offset(tree, "/chosen");

	(void)state;
	assert_int_equal(fdt_setprop_u32(tree, chosen, "linux,initrd-start", 0x0e000000), 0);
	assert_int_equal(fdt_setprop_u32(tree, chosen, "linux,initrd-end", 0x0f000000), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	assert_int_equal(u64_prop("/chosen", "linux,initrd-start"), params.initrd_start);
	assert_int_equal(u64_prop("/chosen", "linux,initrd-end"), params.initrd_end);
	chosen = fdt_path_offset(tree, "/chosen");
	assert_int_equal(fdt_setprop_u32(tree, chosen, "linux,initrd-start", 0x0e000000), 0);
	p.initrd_end = p.initrd_start;
	assert_int_equal(dt_fixup_for_linux(tree, &p, &step), 0);
	chosen = fdt_path_offset(tree, "/chosen");
	assert_null(fdt_getprop(tree, chosen, "linux,initrd-start", NULL));
	assert_null(fdt_getprop(tree, chosen, "linux,initrd-end", NULL));
}

static void existing_nodes_reused(void **state)
{
	const char *step;
	int node, rsv;

	(void)state;
	node = fdt_add_subnode(tree, 0, "psci");
	assert_int_equal(fdt_setprop_string(tree, node, "method", "hvc"), 0);
	assert_int_equal(fdt_setprop_string(tree, node, "compatible", "arm,psci"), 0);
	rsv = fdt_add_subnode(tree, 0, "reserved-memory");
	assert_int_equal(fdt_setprop_u32(tree, rsv, "#address-cells", 2), 0);
	assert_int_equal(fdt_setprop_u32(tree, rsv, "#size-cells", 2), 0);
	assert_true(fdt_add_subnode(tree, rsv, "linux,cma") >= 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	assert_string_equal(str_prop("/psci", "method"), "smc");
	assert_true(fdt_path_offset(tree, "/reserved-memory/linux,cma") >= 0);
	assert_true(fdt_path_offset(tree, "/reserved-memory/secure-memory@e000000") >= 0);
}

static void reserved_memory_wrong_cells(void **state)
{
	const char *step = NULL;
	int rsv;

	(void)state;
	rsv = fdt_add_subnode(tree, 0, "reserved-memory");
	assert_int_equal(fdt_setprop_u32(tree, rsv, "#address-cells", 1), 0);
	assert_int_equal(fdt_setprop_u32(tree, rsv, "#size-cells", 1), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), -FDT_ERR_BADNCELLS);
	assert_non_null(strstr(step, "secure memory"));
}

static void no_cpus(void **state)
{
	const char *step = NULL;

	(void)state;
	assert_int_equal(fdt_del_node(tree, fdt_path_offset(tree, "/cpus")), 0);
	assert_true(dt_fixup_for_linux(tree, &params, &step) < 0);
	assert_non_null(strstr(step, "cpus"));
}

static void no_room(void **state)
{
	const char *step = NULL;

	(void)state;
	assert_int_equal(fdt_pack(tree), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), -FDT_ERR_NOSPACE);
	assert_non_null(step);
	/* With room again it works. */
	assert_int_equal(fdt_open_into(tree, tree, TREE_SIZE), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
}

static void corrupt_header(void **state)
{
	const char *step = NULL;

	(void)state;
	tree[0] ^= 0xff;
	assert_true(dt_fixup_for_linux(tree, &params, &step) < 0);
	assert_non_null(step);
}

/* A -dtb holding /secure-chosen twice (duplicate names; fuzzer find): neither reaches Linux. */
static void duplicate_secure_chosen_removed(void **state)
{
	const char *step;
	int node;

	(void)state;
	node = fdt_add_subnode(tree, 0, "second");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_u32(tree, node, "rng-seed", 0x9abcdef0), 0);
	assert_int_equal(fdt_set_name(tree, node, "secure-chosen"), 0);
	assert_int_equal(dt_fixup_for_linux(tree, &params, &step), 0);
	assert_int_equal(fdt_path_offset(tree, "/secure-chosen"), -FDT_ERR_NOTFOUND);
	fdt_for_each_subnode(node, tree, 0)
		assert_null(fdt_getprop(tree, node, "rng-seed", NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(fixup_result, board_tree),
	    cmocka_unit_test_setup(fixup_twice_is_stable, board_tree),
	    cmocka_unit_test_setup(duplicate_secure_chosen_removed, board_tree),
	    cmocka_unit_test_setup(no_initrd_no_bootargs_no_tee, board_tree),
	    cmocka_unit_test_setup(hostile_chosen_initrd, board_tree),
	    cmocka_unit_test_setup(existing_nodes_reused, board_tree),
	    cmocka_unit_test_setup(reserved_memory_wrong_cells, board_tree),
	    cmocka_unit_test_setup(no_cpus, board_tree),
	    cmocka_unit_test_setup(no_room, board_tree),
	    cmocka_unit_test_setup(corrupt_header, board_tree),
	};

	return cmocka_run_group_tests_name("dt_fixup", tests, NULL, NULL);
}
