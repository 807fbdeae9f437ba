// SPDX-License-Identifier: BSD-2-Clause
/*
 * A VM's device tree: the fixed part (memory, vCPUs, GIC, timer, UART, chosen and its seeds)
 * and the board devices it owns, with the board's compatible, registers and interrupt, and the
 * fixed clock the PL031 needs (Linux's AMBA bus will not probe it without apb_pclk).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "guest_dt.h"
#include "vmctl.h"

static char dt[16384];

static const struct vm_device devs[] = {
    {.name = "pl031@9010000",
     .kind = VM_DEV_PL031,
     .base = 0x09010000,
     .size = 0x1000,
     .intid = 34,
     .irq_flags = 4,
     .named = 1,
     .nclocks = 1,
     .clock_hz = 24000000,
     .compatible = "arm,pl031\0arm,primecell",
     .compatible_len = sizeof("arm,pl031\0arm,primecell"),
     .clock_names = "apb_pclk",
     .clock_names_len = sizeof("apb_pclk")},
    {.name = "virtio_mmio@a003e00",
     .kind = VM_DEV_VIRTIO_MMIO,
     .base = 0x0a003e00,
     .size = 0x200,
     .intid = 79,
     .irq_flags = 1,
     .dma = 1,
     .dma_coherent = 1,
     .named = 1,
     .compatible = "virtio,mmio",
     .compatible_len = sizeof("virtio,mmio")},
    {.name = "virtio_mmio@a003c00",
     .kind = VM_DEV_VIRTIO_MMIO,
     .base = 0x0a003c00,
     .size = 0x200,
     .intid = 78,
     .irq_flags = 1,
     .dma = 1,
     .dma_coherent = 1,
     .compatible = "virtio,mmio",
     .compatible_len = sizeof("virtio,mmio")},
};

static struct guest_dt_params params(unsigned int ndevs)
{
	return (struct guest_dt_params){.vcpus = 2,
					.mem_base = 0x41000000,
					.mem_size = 0x20000000,
					.bootargs = "console=ttyAMA0",
					.initrd_start = 0x43000000,
					.initrd_end = 0x43100000,
					.devs = devs,
					.ndevs = ndevs};
}

static const fdt32_t *prop(const char *path, const char *name, int *len)
{
	int node = fdt_path_offset(dt, path);
	const fdt32_t *p;

	assert_true(node >= 0);
	p = fdt_getprop(dt, node, name, len);
	if (!p)
		fail_msg("%s has no %s", path, name);
	return p;
}

static void cells_equal(const char *path, const char *name, const uint32_t *want, int n)
{
	int len;
	const fdt32_t *p = prop(path, name, &len);

	assert_int_equal(len, n * 4);
	for (int i = 0; i < n; i++)
		assert_int_equal(fdt32_to_cpu(p[i]), want[i]);
}

static void devices_as_on_the_board(void **state)
{
	struct guest_dt_params p = params(3);
	const uint32_t rtc_reg[] = {0, 0x09010000, 0, 0x1000}, rtc_irq[] = {0, 2, 4};
	const uint32_t blk_reg[] = {0, 0x0a003e00, 0, 0x200}, blk_irq[] = {0, 47, 1};
	int len, clk, node, prev = -1;
	const fdt32_t *c;
	const char *order[] = {"pl031@9010000", "virtio_mmio@a003e00", "virtio_mmio@a003c00"};
	unsigned int seen = 0;

	(void)state;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_check_full(dt, sizeof(dt)), 0);
	/* The compatible list whole, registers, interrupt (SPI 2, level high). */
	c = prop("/pl031@9010000", "compatible", &len);
	assert_int_equal(len, sizeof("arm,pl031\0arm,primecell"));
	assert_memory_equal(c, "arm,pl031\0arm,primecell", len);
	cells_equal("/pl031@9010000", "reg", rtc_reg, 4);
	cells_equal("/pl031@9010000", "interrupts", rtc_irq, 3);
	assert_string_equal((const char *)prop("/pl031@9010000", "clock-names", &len), "apb_pclk");
	/* Its clock: a fixed clock of the board's rate. */
	c = prop("/pl031@9010000", "clocks", &len);
	assert_int_equal(len, 4);
	clk = fdt_node_offset_by_phandle(dt, fdt32_to_cpu(*c));
	assert_true(clk >= 0);
	assert_int_equal(fdt_node_check_compatible(dt, clk, "fixed-clock"), 0);
	assert_int_equal(
	    fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(dt, clk, "clock-frequency", NULL)),
	    24000000);
	assert_int_equal(fdt32_to_cpu(*(const fdt32_t *)fdt_getprop(dt, clk, "#clock-cells", NULL)),
			 0);
	/* The transports: rising edge, dma-coherent as on the board, no clock. */
	cells_equal("/virtio_mmio@a003e00", "reg", blk_reg, 4);
	cells_equal("/virtio_mmio@a003e00", "interrupts", blk_irq, 3);
	node = fdt_path_offset(dt, "/virtio_mmio@a003c00");
	assert_non_null(fdt_getprop(dt, node, "dma-coherent", NULL));
	assert_null(fdt_getprop(dt, node, "clocks", NULL));
	assert_null(fdt_getprop(dt, fdt_path_offset(dt, "/pl031@9010000"), "dma-coherent", NULL));
	/* In the order given (the board's), so the guest numbers them as the board would. */
	fdt_for_each_subnode (node, dt, 0) {
		const char *name = fdt_get_name(dt, node, NULL);

		for (unsigned int i = 0; i < 3; i++)
			if (!strcmp(name, order[i])) {
				assert_int_equal(i, seen);
				assert_true(node > prev);
				seen++;
				prev = node;
			}
	}
	assert_int_equal(seen, 3);
}

static void no_devices_no_clock(void **state)
{
	struct guest_dt_params p = params(0);
	int node;

	(void)state;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_true(fdt_path_offset(dt, "/pl011@9000000") >= 0);
	assert_true(fdt_path_offset(dt, "/intc@8000000") >= 0);
	fdt_for_each_subnode (node, dt, 0)
		assert_int_not_equal(fdt_node_check_compatible(dt, node, "fixed-clock"), 0);
	assert_true(fdt_path_offset(dt, "/pl031@9010000") < 0);
	/* A buffer too small says so. */
	p = params(3);
	assert_int_equal(guest_dt_build(dt, 600, &p), -FDT_ERR_NOSPACE);
}

/* The control VM's tree has the register page, unbacked by memory; the others' do not. */
static void control_page(void **state)
{
	struct guest_dt_params p = params(0);
	const uint32_t reg[] = {0, VMCTL_BASE, 0, VMCTL_SIZE};
	int node;

	(void)state;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_node_offset_by_compatible(dt, -1, "rampart,vm-control"),
			 -FDT_ERR_NOTFOUND);
	p.control = 1;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_check_full(dt, sizeof(dt)), 0);
	node = fdt_node_offset_by_compatible(dt, -1, "rampart,vm-control");
	assert_true(node >= 0);
	assert_string_equal(fdt_get_name(dt, node, NULL), "vm-control@b000000");
	cells_equal("/vm-control@b000000", "reg", reg, 4);
	/* Outside its memory (a hole: nothing backs it in stage 2). */
	assert_true(VMCTL_BASE + VMCTL_SIZE <= p.mem_base);
}

/* A VM with the trusted OS finds it as Linux's optee driver binds it; one without does not. */
static void optee_node(void **state)
{
	struct guest_dt_params p = params(0);
	int node;

	(void)state;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_path_offset(dt, "/firmware/optee"), -FDT_ERR_NOTFOUND);
	p.optee = 1;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_check_full(dt, sizeof(dt)), 0);
	node = fdt_path_offset(dt, "/firmware/optee");
	assert_true(node >= 0);
	assert_string_equal(fdt_getprop(dt, node, "compatible", NULL), "linaro,optee-tz");
	assert_string_equal(fdt_getprop(dt, node, "method", NULL), "smc");
}

/*
 * The seeds of the VM's random number generator are in /chosen as a boot loader puts them
 * (Linux: drivers/of/fdt.c reads rng-seed and kaslr-seed), exactly the bytes given; none when
 * the trusted OS gave none.
 */
static void seeds_in_chosen(void **state)
{
	struct guest_dt_params p = params(0);
	const fdt64_t *kaslr;
	const uint8_t *seed;
	int node, len = 0;

	(void)state;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	node = fdt_path_offset(dt, "/chosen");
	assert_null(fdt_getprop(dt, node, "rng-seed", NULL));
	assert_null(fdt_getprop(dt, node, "kaslr-seed", NULL));
	p.has_seeds = 1;
	for (size_t i = 0; i < sizeof(p.rng_seed); i++)
		p.rng_seed[i] = (uint8_t)(i * 7 + 1);
	p.kaslr_seed = 0x0123456789abcdefULL;
	assert_int_equal(guest_dt_build(dt, sizeof(dt), &p), 0);
	assert_int_equal(fdt_check_full(dt, sizeof(dt)), 0);
	node = fdt_path_offset(dt, "/chosen");
	seed = fdt_getprop(dt, node, "rng-seed", &len);
	assert_non_null(seed);
	assert_int_equal(len, GUEST_DT_RNG_SEED);
	assert_memory_equal(seed, p.rng_seed, GUEST_DT_RNG_SEED);
	kaslr = fdt_getprop(dt, node, "kaslr-seed", &len);
	assert_non_null(kaslr);
	assert_int_equal(len, 8);
	assert_true(fdt64_to_cpu(*kaslr) == 0x0123456789abcdefULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(devices_as_on_the_board),
	    cmocka_unit_test(no_devices_no_clock),
	    cmocka_unit_test(control_page),
	    cmocka_unit_test(optee_node),
	    cmocka_unit_test(seeds_in_chosen),
	};

	return cmocka_run_group_tests_name("guest_dt", tests, NULL, NULL);
}
