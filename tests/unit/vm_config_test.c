// SPDX-License-Identifier: BSD-2-Clause
/*
 * VM configuration: parsing the device tree, placing the VMs in RAM and on CPUs, and refusing
 * malformed configurations with a message that names the problem.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "vm_config.h"

#define POOL_BASE 0x41000000UL
#define POOL_END  0xc0000000UL /* 2 GiB board */

static char blob[8192];
static char err[200];
static struct vms_config cfg;

struct prop {
	const char *name;
	const void *val;
	int len;
};

#define U32(n) ((const void *)&(const fdt32_t){cpu_to_fdt32(n)}), 4
#define STR(s) (s), (int)sizeof(s)

/* A blob with the VMs given as name, then props until a NULL name; a NULL VM name ends it. */
static void build(const char *first, ...)
{
	va_list ap;
	const char *vm = first;

	assert_int_equal(fdt_create(blob, sizeof(blob)), 0);
	assert_int_equal(fdt_finish_reservemap(blob), 0);
	assert_int_equal(fdt_begin_node(blob, ""), 0);
	va_start(ap, first);
	while (vm) {
		const char *p;

		assert_int_equal(fdt_begin_node(blob, vm), 0);
		while ((p = va_arg(ap, const char *))) {
			const void *val = va_arg(ap, const void *);
			int len = va_arg(ap, int);

			assert_int_equal(fdt_property(blob, p, val, len), 0);
		}
		assert_int_equal(fdt_end_node(blob), 0);
		vm = va_arg(ap, const char *);
	}
	va_end(ap);
	assert_int_equal(fdt_end_node(blob), 0);
	assert_int_equal(fdt_finish(blob), 0);
}

static int parse(void)
{
	err[0] = '\0';
	return vms_config_parse(blob, sizeof(blob), &cfg, err, sizeof(err));
}

static void expect_error(const char *text)
{
	if (!strstr(err, text))
		fail_msg("error '%s' does not say '%s'", err, text);
}

/* A property whose name offset points past the strings block: refused, never read. */
static void property_name_outside_strings(void **state)
{
	struct fdt_property *p;
	int node, prop;

	(void)state;
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	node = fdt_subnode_offset(blob, 0, "vm0");
	prop = fdt_first_property_offset(blob, node);
	assert_true(prop >= 0);
	p = (struct fdt_property *)fdt_get_property_by_offset(blob, prop, NULL);
	assert_non_null(p);
	p->nameoff = cpu_to_fdt32(0x7fffff00);
	assert_int_equal(parse(), -1);
	expect_error("damaged");
}

/* A property whose length points the walk back at itself: refused, not walked forever. */
static void property_looping_to_itself(void **state)
{
	struct fdt_property *p;
	int node;

	(void)state;
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	node = fdt_subnode_offset(blob, 0, "vm0");
	p = (struct fdt_property *)fdt_get_property_by_offset(
	    blob, fdt_first_property_offset(blob, node), NULL);
	assert_non_null(p);
	p->len = cpu_to_fdt32(0xfffffff4);
	assert_int_equal(parse(), -1);
	expect_error("configuration is damaged");
}

static void two_vms_placed(void **state)
{
	(void)state;
	build("vm0", "vcpus", U32(2), "memory-mib", U32(512), NULL, "vm1", "vcpus", U32(2),
	      "memory-mib", U32(256), "bootargs", STR("console=ttyAMA0 quiet"), "kernel",
	      STR("opt/k2"), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(cfg.count, 2);
	assert_string_equal(cfg.vm[0].name, "vm0");
	assert_int_equal(cfg.vm[0].vcpus, 2);
	assert_int_equal(cfg.vm[0].mem_size, 512UL << 20);
	assert_false(cfg.vm[0].has_bootargs);
	assert_string_equal(cfg.vm[0].kernel, "");
	assert_string_equal(cfg.vm[1].bootargs, "console=ttyAMA0 quiet");
	assert_string_equal(cfg.vm[1].kernel, "opt/k2");
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].mem_base, POOL_BASE);
	assert_int_equal(cfg.vm[1].mem_base, POOL_BASE + (512UL << 20));
	assert_int_equal(cfg.vm[0].first_cpu, 0);
	assert_int_equal(cfg.vm[1].first_cpu, 2);
}

static void fixed_base_respected(void **state)
{
	(void)state;
	/* vm0 asks for the start of the pool; vm1 goes after it. */
	build("a", "vcpus", U32(1), "memory-mib", U32(64), NULL, "b", "vcpus", U32(1), "memory-mib",
	      U32(64), "memory-base", "\0\0\0\0\x41\0\0\0", 8, NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 2, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[1].mem_base, 0x41000000);
	assert_int_equal(cfg.vm[0].mem_base, 0x41000000 + (64UL << 20));
}

static void overlapping_memory(void **state)
{
	(void)state;
	build("a", "vcpus", U32(1), "memory-mib", U32(256), "memory-base", "\0\0\0\0\x50\0\0\0", 8,
	      NULL, "b", "vcpus", U32(1), "memory-mib", U32(256), "memory-base",
	      "\0\0\0\0\x58\0\0\0", 8, NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), -1);
	expect_error("a and b: memory overlaps");
}

static void more_memory_than_the_board(void **state)
{
	(void)state;
	build("a", "vcpus", U32(1), "memory-mib", U32(1024), NULL, "b", "vcpus", U32(1),
	      "memory-mib", U32(1024), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), -1);
	expect_error("need 2048 MiB of RAM in all but only 2032 MiB");
	/* A base outside RAM. */
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "memory-base", "\0\0\0\x01\0\0\0\0", 8,
	      NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), -1);
	expect_error("a: memory 0x100000000-0x104000000 is outside the RAM");
}

/* memory-base as the two cells <hi lo> of a property value. */
static const void *base_cells(uint64_t base)
{
	static fdt32_t cells[2];

	cells[0] = cpu_to_fdt32((uint32_t)(base >> 32));
	cells[1] = cpu_to_fdt32((uint32_t)base);
	return cells;
}

static int place_one(uint64_t base, uint32_t mib, uint64_t pool_base, uint64_t pool_end)
{
	build("a", "vcpus", U32(1), "memory-mib", U32(mib), "memory-base", base_cells(base), 8,
	      NULL, NULL);
	assert_int_equal(parse(), 0);
	err[0] = '\0';
	return vms_config_place(&cfg, pool_base, pool_end, 4, err, sizeof(err));
}

/* Firmware memory is refused by name, even when the pool offered wrongly covers it. */
static void firmware_memory(void **state)
{
	(void)state;
	assert_int_equal(place_one(0x0e000000, 32, 0, UINT64_MAX), -1);
	expect_error("a: memory 0xe000000-0x10000000 overlaps secure RAM (0xe000000-0xf000000)");
	assert_int_equal(place_one(0x0c000000, 64, 0, UINT64_MAX), -1);
	expect_error("overlaps secure RAM");
	assert_int_equal(place_one(0x40200000, 32, 0x40000000, POOL_END), -1);
	expect_error("overlaps the hypervisor (0x40200000-0x41000000)");
	assert_int_equal(place_one(0x40e00000, 32, 0x40000000, POOL_END), -1);
	expect_error("overlaps the hypervisor");
	assert_int_equal(place_one(0x40000000, 32, 0x40000000, POOL_END), -1);
	expect_error("overlaps the board's device tree");
	assert_int_equal(place_one(0x00200000, 32, 0, UINT64_MAX), -1);
	expect_error("overlaps the firmware flash");
	/* The first byte after the hypervisor is fine. */
	assert_int_equal(place_one(0x41000000, 32, POOL_BASE, POOL_END), 0);
	/* Automatic placement skips firmware memory a wrong pool covers. */
	build("a", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, 0x0d000000, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].mem_base, 0x0f000000); /* right after secure RAM */
	build("a", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, 0x40000000, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].mem_base, 0x41000000); /* right after the hypervisor */
}

/* Bases near 2^64: a naive base + size wraps below the pool's end and passes. */
static void edge_of_address_space(void **state)
{
	(void)state;
	assert_int_equal(place_one(0xfffffffffe000000ULL, 64, POOL_BASE, POOL_END), -1);
	expect_error("runs past the end of the address space");
	assert_int_equal(place_one(0xffffffffffe00000ULL, 32, POOL_BASE, UINT64_MAX), -1);
	expect_error("runs past the end of the address space");
	/* memory-mib at its largest: 2^52 bytes. */
	assert_int_equal(place_one(0xffff000000000000ULL, 0xfffffffe, POOL_BASE, UINT64_MAX), -1);
	expect_error("runs past the end of the address space");
	/* Just fits at the top of a pool that reaches the top. */
	assert_int_equal(place_one(0xfffffffffc000000ULL, 32, POOL_BASE, UINT64_MAX), 0);
	/* An empty or inverted pool. */
	assert_int_equal(place_one(POOL_BASE, 32, POOL_END, POOL_BASE), -1);
	expect_error("no RAM is left for VMs");
	/* A pool ending at the very top: automatic placement must not wrap while searching. */
	build("a", "vcpus", U32(1), "memory-mib", U32(0xfffffffe), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(
	    vms_config_place(&cfg, 0xfffffffff0000000ULL, UINT64_MAX, 4, err, sizeof(err)), -1);
	expect_error("need");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "memory-base",
	      base_cells(0xfffffffff8000000ULL), 8, NULL, "b", "vcpus", U32(1), "memory-mib",
	      U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(
	    vms_config_place(&cfg, 0xfffffffff6000000ULL, UINT64_MAX, 4, err, sizeof(err)), -1);
	expect_error("b: no free 64 MiB piece of RAM left");
}

/* CPUs as fdt cells, for cpus = <...>. */
#define CELLS2(a, b) ((const void *)(const fdt32_t[]){cpu_to_fdt32(a), cpu_to_fdt32(b)}), 8

/* No more vCPUs than CPUs: each vCPU gets a CPU of its own, as if pinned (no WFI trapping). */
static void own_cpus_when_they_fit(void **state)
{
	(void)state;
	build("a", "vcpus", U32(2), "memory-mib", U32(64), NULL, "b", "vcpus", U32(2), "memory-mib",
	      U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].allowed[0], 1U << 0);
	assert_int_equal(cfg.vm[0].allowed[1], 1U << 1);
	assert_int_equal(cfg.vm[1].allowed[0], 1U << 2);
	assert_int_equal(cfg.vm[1].allowed[1], 1U << 3);
	assert_int_equal(cfg.vm[0].exclusive, 3);
	assert_int_equal(cfg.vm[1].exclusive, 3);
	assert_int_equal(cfg.vm[0].weight, 1);
}

/* More vCPUs than CPUs is no longer refused: they share, spread over the CPUs. */
static void more_vcpus_than_cpus_share(void **state)
{
	unsigned int load[4] = {0};

	(void)state;
	build("a", "vcpus", U32(4), "memory-mib", U32(64), "weight", U32(2), NULL, "b", "vcpus",
	      U32(4), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].weight, 2);
	for (unsigned int i = 0; i < 2; i++) {
		assert_int_equal(cfg.vm[i].exclusive, 0);
		for (unsigned int n = 0; n < 4; n++) {
			assert_int_equal(cfg.vm[i].allowed[n], 0xf);
			load[cfg.vm[i].home[n]]++;
		}
	}
	for (unsigned int c = 0; c < 4; c++)
		assert_int_equal(load[c], 2);
}

/*
 * cpus pins a VM: its vCPUs stay on those CPUs, the others float over the rest; a VM alone on
 * as many CPUs as it has vCPUs gets one each, exclusive.
 */
static void cpus_pin(void **state)
{
	(void)state;
	build("a", "vcpus", U32(2), "memory-mib", U32(64), "cpus", CELLS2(2, 3), NULL, "b", "vcpus",
	      U32(4), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(cfg.vm[0].cpus_named, 0xc);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].allowed[0] | cfg.vm[0].allowed[1], 0xc);
	assert_int_equal(cfg.vm[0].exclusive, 3);
	for (unsigned int n = 0; n < 4; n++) {
		assert_int_equal(cfg.vm[1].allowed[n], 0x3);
		assert_true(cfg.vm[1].home[n] < 2);
	}
	assert_int_equal(cfg.vm[1].exclusive, 0);
	/* Two VMs pinned to the same CPUs share them. */
	build("a", "vcpus", U32(2), "memory-mib", U32(64), "cpus", CELLS2(0, 1), NULL, "b", "vcpus",
	      U32(2), "memory-mib", U32(64), "cpus", CELLS2(1, 0), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), 0);
	assert_int_equal(cfg.vm[0].exclusive | cfg.vm[1].exclusive, 0);
	assert_int_equal(cfg.vm[1].allowed[1], 0x3);
}

/* cpus and weight refusals name the problem. */
static void bad_cpus_and_weight(void **state)
{
	(void)state;
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "cpus", CELLS2(1, 4), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(vms_config_place(&cfg, POOL_BASE, POOL_END, 4, err, sizeof(err)), -1);
	expect_error("a: cpus: CPU 4 is not on the board (it has 4 CPUs)");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "cpus", U32(32), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: cpus: CPU 32 is not on the board");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "cpus", CELLS2(1, 1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: cpus: CPU 1 is named twice");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "cpus", "\0\0", 2, NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: cpus must be a list of CPU numbers");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "weight", U32(0), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: weight must be one cell between 1 and 64");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "weight", U32(65), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: weight must be one cell between 1 and 64");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "weight", CELLS2(1, 1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: weight must be one cell");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), "weight", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(cfg.vm[0].weight, 64);
}

static void malformed_vms(void **state)
{
	static const struct {
		const char *why;
		const char *prop;
		const void *val;
		int len;
	} cases[] = {
	    {"a: vcpus must be one cell between 1 and 8", "vcpus", "\0\0\0\0", 4},
	    {"a: vcpus must be one cell between 1 and 8", "vcpus", "\0\0\0\x09", 4},
	    {"a: vcpus must be one cell", "vcpus", "\0\0\0\0\0\0\0\1", 8},
	    {"a: memory-mib must be one cell, an even number of at least 32", "memory-mib",
	     "\0\0\0\x21", 4},
	    {"a: memory-mib must be one cell, an even number of at least 32", "memory-mib",
	     "\0\0\0\x10", 4},
	    {"is not 2 MiB aligned", "memory-base", "\0\0\0\0\x41\0\x10\0", 8},
	    {"a: memory-base must be two cells", "memory-base", "\0\0\0\0", 4},
	    {"a: kernel must be a fw_cfg file name", "kernel", "abc", 3},
	    {"a: unknown property 'memory-mb'", "memory-mb", "\0\0\0\x40", 4},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *vcpus = strcmp(cases[i].prop, "vcpus") ? "vcpus" : cases[i].prop;
		const void *vval = strcmp(cases[i].prop, "vcpus") ? "\0\0\0\1" : cases[i].val;
		int vlen = strcmp(cases[i].prop, "vcpus") ? 4 : cases[i].len;
		const char *mem =
		    strcmp(cases[i].prop, "memory-mib") ? "memory-mib" : cases[i].prop;
		const void *mval =
		    strcmp(cases[i].prop, "memory-mib") ? "\0\0\0\x40" : cases[i].val;
		int mlen = strcmp(cases[i].prop, "memory-mib") ? 4 : cases[i].len;
		int extra = strcmp(cases[i].prop, "vcpus") && strcmp(cases[i].prop, "memory-mib");

		if (extra)
			build("a", vcpus, vval, vlen, mem, mval, mlen, cases[i].prop, cases[i].val,
			      cases[i].len, NULL, NULL);
		else
			build("a", vcpus, vval, vlen, mem, mval, mlen, NULL, NULL);
		assert_int_equal(parse(), -1);
		expect_error(cases[i].why);
	}
}

static void missing_properties_and_names(void **state)
{
	(void)state;
	build("a", "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: no 'vcpus' property");
	build("a", "vcpus", U32(1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("a: no 'memory-mib' property");
	build("Bad!", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("VM name 'Bad!'");
	build("a", "vcpus", U32(1), "memory-mib", U32(64), NULL, "a", "vcpus", U32(1), "memory-mib",
	      U32(64), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("two VMs are named 'a'");
	build(NULL);
	assert_int_equal(parse(), -1);
	expect_error("configuration describes no VM");
}

static void not_a_blob(void **state)
{
	(void)state;
	memset(blob, 0, sizeof(blob));
	memcpy(blob, "not a device tree", 17);
	assert_int_equal(parse(), -1);
	expect_error("configuration is not a device tree blob");
	assert_int_equal(vms_config_parse(blob, 3, &cfg, err, sizeof(err)), -1);
	expect_error("not a device tree blob");
	/* Truncated: the header promises more than there is. */
	build("a", "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(vms_config_parse(blob, fdt_totalsize(blob) - 8, &cfg, err, sizeof(err)),
			 -1);
	expect_error("truncated");
}

/* devices: a list of board node names; dma: "identity" or nothing. */
static void devices_and_dma(void **state)
{
	static const char two[] = "virtio_mmio@a003e00\0pl031@9010000";
	static const char twice[] = "pl031@9010000\0pl031@9010000";
	static const char empty[] = "pl031@9010000\0";
	static const char too_long[] = "a-node-name-of-thirty-two-chars@";

	(void)state;
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "devices", two, (int)sizeof(two),
	      "dma", STR("identity"), NULL, "vm1", "vcpus", U32(1), "memory-mib", U32(64), NULL,
	      NULL);
	assert_int_equal(parse(), 0);
	assert_int_equal(cfg.vm[0].dev_named, 2);
	assert_string_equal(cfg.vm[0].dev_names[0], "virtio_mmio@a003e00");
	assert_string_equal(cfg.vm[0].dev_names[1], "pl031@9010000");
	assert_true(cfg.vm[0].dma_identity);
	assert_int_equal(cfg.vm[1].dev_named, 0);
	assert_false(cfg.vm[1].dma_identity);

	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "devices", twice, (int)sizeof(twice),
	      NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: devices: 'pl031@9010000' is named twice");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "devices", empty, (int)sizeof(empty),
	      NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: devices: a name is empty or longer than 31 characters");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "devices", STR(too_long), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: devices: a name is empty or longer than 31 characters");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "devices", U32(1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: devices must be a list of strings");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "dma", STR("translated"), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: dma must be \"identity\"");
}

/* control; or control = <1> names the control VM; at most one; other values refused. */
static void control_vm(void **state)
{
	(void)state;
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "control", NULL, 0, NULL, "vm1",
	      "vcpus", U32(1), "memory-mib", U32(64), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_true(cfg.vm[0].control);
	assert_false(cfg.vm[1].control);
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "control", U32(0), NULL, "vm1",
	      "vcpus", U32(1), "memory-mib", U32(64), "control", U32(1), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_false(cfg.vm[0].control);
	assert_true(cfg.vm[1].control);
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "control", NULL, 0, NULL, "vm1",
	      "vcpus", U32(1), "memory-mib", U32(64), "control", U32(1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0 and vm1: both are the control VM: at most one is");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "control", U32(2), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: control must be empty (control;) or <0> or <1>");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "control", STR("yes"), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: control must be empty");
}

/*
 * tee = "optee" (the default) or "none"; anything else refused by name. Each VM's storage
 * identity comes from its name alone: the same name gives the same one, others differ.
 */
static void tee_property(void **state)
{
	(void)state;
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), NULL, "vm1", "vcpus", U32(1),
	      "memory-mib", U32(64), "tee", STR("none"), NULL, "vm2", "vcpus", U32(1), "memory-mib",
	      U32(64), "tee", STR("optee"), NULL, NULL);
	assert_int_equal(parse(), 0);
	assert_false(cfg.vm[0].no_tee);
	assert_true(cfg.vm[1].no_tee);
	assert_false(cfg.vm[2].no_tee);
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "tee", STR("xen"), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: tee must be \"optee\" or \"none\"");
	build("vm0", "vcpus", U32(1), "memory-mib", U32(64), "tee", U32(1), NULL, NULL);
	assert_int_equal(parse(), -1);
	expect_error("vm0: tee must be");
	assert_true(vm_tee_identity("vm0") != 0);
	assert_true(vm_tee_identity("vm0") == vm_tee_identity("vm0"));
	assert_true(vm_tee_identity("vm0") != vm_tee_identity("vm1"));
	assert_true(vm_tee_identity("") != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(two_vms_placed),
	    cmocka_unit_test(fixed_base_respected),
	    cmocka_unit_test(overlapping_memory),
	    cmocka_unit_test(more_memory_than_the_board),
	    cmocka_unit_test(own_cpus_when_they_fit),
	    cmocka_unit_test(more_vcpus_than_cpus_share),
	    cmocka_unit_test(cpus_pin),
	    cmocka_unit_test(bad_cpus_and_weight),
	    cmocka_unit_test(firmware_memory),
	    cmocka_unit_test(edge_of_address_space),
	    cmocka_unit_test(malformed_vms),
	    cmocka_unit_test(missing_properties_and_names),
	    cmocka_unit_test(not_a_blob),
	    cmocka_unit_test(property_name_outside_strings),
	    cmocka_unit_test(property_looping_to_itself),
	    cmocka_unit_test(devices_and_dma),
	    cmocka_unit_test(control_vm),
	    cmocka_unit_test(tee_property),
	};

	return cmocka_run_group_tests_name("vm_config", tests, NULL, NULL);
}
