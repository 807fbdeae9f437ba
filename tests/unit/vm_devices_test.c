// SPDX-License-Identifier: BSD-2-Clause
/*
 * Board devices given to VMs: names resolved against a board device tree laid out as QEMU's virt
 * board has it (32 virtio-mmio transports, the PL031 and its fixed clock, the hypervisor's UART,
 * GIC and fw_cfg, a secure UART), pages going to one VM whole, and every refusal by name; the
 * stage 2 check that a VM with a bus master has its RAM at guest-physical = physical.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <libfdt.h>

#include "stage2.h"
#include "vm_config.h"

#define GIC_PHANDLE   0x8005
#define CLK_PHANDLE   0x8000
#define OTHER_CLOCK   0x8001
#define VIRTIO_BASE   0x0a000000UL
#define VIRTIO_STRIDE 0x200UL

static char board[32768];
static char err[300];
static struct vms_config cfg;

static void prop_u32(const char *name, uint32_t v)
{
	assert_int_equal(fdt_property_u32(board, name, v), 0);
}

static void prop_cells(const char *name, const uint32_t *c, int n)
{
	fdt32_t v[8];

	for (int i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(c[i]);
	assert_int_equal(fdt_property(board, name, v, n * 4), 0);
}

static void prop_str(const char *name, const char *s)
{
	assert_int_equal(fdt_property_string(board, name, s), 0);
}

static void reg(uint64_t base, uint64_t size)
{
	const uint32_t c[4] = {(uint32_t)(base >> 32), (uint32_t)base, (uint32_t)(size >> 32),
			       (uint32_t)size};

	prop_cells("reg", c, 4);
}

static void irq(uint32_t type, uint32_t num, uint32_t flags)
{
	const uint32_t c[3] = {type, num, flags};

	prop_cells("interrupts", c, 3);
}

/* A device node: name, compatible (a string list), registers and (type != ~0) one interrupt. */
static void device_n(const char *name, const char *compat, int clen, uint64_t base, uint64_t size,
		     uint32_t type, uint32_t num, uint32_t flags)
{
	assert_int_equal(fdt_begin_node(board, name), 0);
	assert_int_equal(fdt_property(board, "compatible", compat, clen), 0);
	reg(base, size);
	if (type != ~0U)
		irq(type, num, flags);
}

#define device(name, compat, ...) device_n(name, compat, sizeof(compat), __VA_ARGS__)

static void end(void)
{
	assert_int_equal(fdt_end_node(board), 0);
}

/* QEMU virt's tree as far as devices go, plus oddities for the refusals. */
static void build_board(void)
{
	char name[40];

	assert_int_equal(fdt_create(board, sizeof(board)), 0);
	assert_int_equal(fdt_finish_reservemap(board), 0);
	assert_int_equal(fdt_begin_node(board, ""), 0);
	prop_u32("#address-cells", 2);
	prop_u32("#size-cells", 2);
	prop_u32("interrupt-parent", GIC_PHANDLE);

	assert_int_equal(fdt_begin_node(board, "apb-pclk"), 0);
	prop_str("compatible", "fixed-clock");
	prop_u32("#clock-cells", 0);
	prop_u32("clock-frequency", 24000000);
	prop_u32("phandle", CLK_PHANDLE);
	end();
	assert_int_equal(fdt_begin_node(board, "pll"), 0);
	prop_str("compatible", "vendor,pll");
	prop_u32("#clock-cells", 0);
	prop_u32("clock-frequency", 100000000);
	prop_u32("phandle", OTHER_CLOCK);
	end();
	assert_int_equal(fdt_begin_node(board, "memory@40000000"), 0);
	prop_str("device_type", "memory");
	reg(0x40000000, 0x80000000);
	end();
	device("fw-cfg@9020000", "qemu,fw-cfg-mmio", 0x09020000, 0x18, ~0U, 0, 0);
	assert_int_equal(fdt_property(board, "dma-coherent", NULL, 0), 0);
	end();
	/* QEMU lists the transports from the last to the first. */
	for (int n = 31; n >= 0; n--) {
		snprintf(name, sizeof(name), "virtio_mmio@%lx", VIRTIO_BASE + VIRTIO_STRIDE * n);
		device(name, "virtio,mmio", VIRTIO_BASE + VIRTIO_STRIDE * n, VIRTIO_STRIDE, 0,
		       16 + n, 1);
		assert_int_equal(fdt_property(board, "dma-coherent", NULL, 0), 0);
		end();
	}
	device("pl031@9010000", "arm,pl031\0arm,primecell", 0x09010000, 0x1000, 0, 2, 4);
	prop_u32("clocks", CLK_PHANDLE);
	prop_str("clock-names", "apb_pclk");
	end();
	device("pl011@9040000", "arm,pl011\0arm,primecell", 0x09040000, 0x1000, 0, 8, 4);
	prop_str("status", "disabled");
	prop_str("secure-status", "okay");
	end();
	device("pl011@9000000", "arm,pl011\0arm,primecell", 0x09000000, 0x1000, 0, 1, 4);
	end();
	/* The GIC's distributor and redistributors, as two register ranges. */
	assert_int_equal(fdt_begin_node(board, "intc@8000000"), 0);
	prop_str("compatible", "arm,gic-v3");
	{
		const uint32_t two[8] = {0, 0x08000000, 0, 0x10000, 0, 0x080a0000, 0, 0xf60000};

		prop_cells("reg", two, 8);
	}
	prop_u32("#interrupt-cells", 3);
	assert_int_equal(fdt_property(board, "interrupt-controller", NULL, 0), 0);
	prop_u32("phandle", GIC_PHANDLE);
	end();
	device("flash@4000000", "cfi-flash", 0x04000000, 0x04000000, ~0U, 0, 0);
	end();
	/* Oddities, one per refusal. */
	device("ppi@a200000", "virtio,mmio", 0x0a200000, 0x200, 1, 5, 4);
	end();
	device("high@a201000", "virtio,mmio", 0x0a201000, 0x200, 0, 100, 1);
	end();
	/* Two pages, and a transport in the second: it comes along with the first. */
	device("straddle@a202800", "virtio,mmio", 0x0a202800, 0x1000, 0, 40, 1);
	end();
	device("next@a203400", "virtio,mmio", 0x0a203400, 0x200, 0, 41, 1);
	end();
	device("far@20000000", "virtio,mmio", 0x20000000, 0x200, 0, 42, 1);
	end();
	device("off@a204000", "virtio,mmio", 0x0a204000, 0x200, 0, 43, 1);
	prop_str("status", "disabled");
	end();
	device("gpio@a205000", "arm,pl061", 0x0a205000, 0x1000, 0, 44, 4);
	end();
	device("pll-rtc@a206000", "arm,pl031", 0x0a206000, 0x1000, 0, 45, 4);
	prop_u32("clocks", OTHER_CLOCK);
	end();
	device("secure@a207000", "virtio,mmio", 0x0a207000, 0x200, 0, 46, 1);
	prop_str("status", "disabled");
	prop_str("secure-status", "okay");
	end();
	device("twin@a208000", "virtio,mmio", 0x0a208000, 0x200, 0, 16, 1); /* INTID 48 again */
	end();
	device("ok@a209000", "virtio,mmio", 0x0a209000, 0x200, 0, 47, 1);
	end();
	assert_int_equal(fdt_begin_node(board, "two-regs@a20c000"), 0);
	prop_str("compatible", "virtio,mmio");
	{
		const uint32_t two[8] = {0, 0x0a20c000, 0, 0x200, 0, 0x0a20d000, 0, 0x200};

		prop_cells("reg", two, 8);
	}
	irq(0, 37, 1);
	end();
	/* One of its ranges shares a page with this one, which cannot go without it. */
	device("beside@a20d400", "virtio,mmio", 0x0a20d400, 0x200, 0, 36, 1);
	end();
	device("gpio@a209800", "arm,pl061", 0x0a209800, 0x200, 0, 47, 4); /* in ok's page */
	end();
	device("level3@a20a000", "virtio,mmio", 0x0a20a000, 0x200, 0, 39, 8); /* level low */
	end();
	device("other-parent@a20b000", "virtio,mmio", 0x0a20b000, 0x200, 0, 38, 1);
	prop_u32("interrupt-parent", CLK_PHANDLE);
	end();
	end();
	assert_int_equal(fdt_finish(board), 0);
	assert_int_equal(fdt_check_full(board, sizeof(board)), 0);
}

/* A configuration of VMs, each a name then device names until NULL; a NULL VM name ends it. */
static void vms(const char *first, ...)
{
	va_list ap;
	const char *vm = first;

	memset(&cfg, 0, sizeof(cfg));
	va_start(ap, first);
	for (; vm; vm = va_arg(ap, const char *)) {
		struct vm_config *c = &cfg.vm[cfg.count++];
		const char *d;

		snprintf(c->name, sizeof(c->name), "%s", vm);
		c->vcpus = 1;
		c->mem_base = 0x41000000UL + (cfg.count - 1) * 0x10000000UL;
		c->mem_size = 0x10000000UL;
		c->dma_identity = 1;
		while ((d = va_arg(ap, const char *)))
			snprintf(c->dev_names[c->dev_named++], VM_DEV_NAME_MAX, "%s", d);
	}
	va_end(ap);
}

static int resolve(void)
{
	err[0] = '\0';
	return vms_config_devices(&cfg, board, err, sizeof(err));
}

static void refused(const char *text)
{
	assert_int_equal(resolve(), -1);
	if (!strstr(err, text))
		fail_msg("error '%s' does not say '%s'", err, text);
}

static int setup(void **state)
{
	(void)state;
	build_board();
	return 0;
}

static const struct vm_device *dev(const struct vm_config *c, const char *name)
{
	for (unsigned int i = 0; i < c->dev_count; i++)
		if (!strcmp(c->dev[i].name, name))
			return &c->dev[i];
	fail_msg("%s has no %s", c->name, name);
	return NULL;
}

/* The default virtio-blk transport (the last) to vm0, the RTC and the first page to vm1. */
static void disk_rtc_rng(void **state)
{
	const struct vm_device *d;

	(void)state;
	vms("vm0", "virtio_mmio@a003e00", NULL, "vm1", "pl031@9010000", "virtio_mmio@a000000", NULL,
	    NULL);
	assert_int_equal(resolve(), 0);
	/* vm0: its transport and the 7 others of page 0xa003000. */
	assert_int_equal(cfg.vm[0].dev_count, 8);
	d = dev(&cfg.vm[0], "virtio_mmio@a003e00");
	assert_true(d->named);
	assert_int_equal(d->kind, VM_DEV_VIRTIO_MMIO);
	assert_int_equal(d->base, 0x0a003e00);
	assert_int_equal(d->size, 0x200);
	assert_int_equal(d->intid, 48 + 31);
	assert_int_equal(d->irq_flags, 1);
	assert_true(d->dma);
	assert_true(d->dma_coherent);
	assert_int_equal(d->compatible_len, sizeof("virtio,mmio"));
	assert_string_equal(d->compatible, "virtio,mmio");
	d = dev(&cfg.vm[0], "virtio_mmio@a003000");
	assert_false(d->named);
	assert_int_equal(d->intid, 48 + 24);
	assert_int_equal(cfg.vm[0].mmio_count, 1);
	assert_int_equal(cfg.vm[0].mmio[0].base, 0x0a003000);
	assert_int_equal(cfg.vm[0].mmio[0].size, 0x1000);
	/* vm1: the RTC with its fixed clock, and page 0xa000000. */
	assert_int_equal(cfg.vm[1].dev_count, 9);
	d = dev(&cfg.vm[1], "pl031@9010000");
	assert_int_equal(d->kind, VM_DEV_PL031);
	assert_int_equal(d->intid, 34);
	assert_int_equal(d->irq_flags, 4);
	assert_false(d->dma);
	assert_int_equal(d->nclocks, 1);
	assert_int_equal(d->clock_hz, 24000000);
	assert_string_equal(d->clock_names, "apb_pclk");
	assert_int_equal(d->compatible_len, sizeof("arm,pl031\0arm,primecell"));
	assert_memory_equal(d->compatible, "arm,pl031\0arm,primecell", d->compatible_len);
	assert_int_equal(dev(&cfg.vm[1], "virtio_mmio@a000e00")->intid, 55);
	assert_int_equal(cfg.vm[1].mmio_count, 2);
	assert_ptr_equal(vm_device_at(&cfg.vm[1], 0x0a000ffc),
			 dev(&cfg.vm[1], "virtio_mmio@a000e00"));
	assert_ptr_equal(vm_device_at(&cfg.vm[1], 0x09010ff0), dev(&cfg.vm[1], "pl031@9010000"));
	assert_null(vm_device_at(&cfg.vm[1], 0x0a001000));
	assert_null(vm_device_at(&cfg.vm[0], 0x0a000000));
}

/* Naming a transport that came with an earlier one's page is fine; pages next to each other merge.
 */
static void companions_named_and_pages_merged(void **state)
{
	(void)state;
	vms("vm0", "virtio_mmio@a000000", "virtio_mmio@a000200", "virtio_mmio@a001000", NULL, NULL);
	assert_int_equal(resolve(), 0);
	assert_int_equal(cfg.vm[0].dev_count, 16);
	assert_true(dev(&cfg.vm[0], "virtio_mmio@a000200")->named);
	assert_false(dev(&cfg.vm[0], "virtio_mmio@a000400")->named);
	assert_int_equal(cfg.vm[0].mmio_count, 1);
	assert_int_equal(cfg.vm[0].mmio[0].base, 0x0a000000);
	assert_int_equal(cfg.vm[0].mmio[0].size, 0x2000);
}

/* A device over two pages brings what is in both, and what that brings. */
static void straddling_device(void **state)
{
	(void)state;
	vms("vm0", "straddle@a202800", NULL, NULL);
	assert_int_equal(resolve(), 0);
	assert_int_equal(cfg.vm[0].dev_count, 2);
	assert_false(dev(&cfg.vm[0], "next@a203400")->named);
	assert_int_equal(cfg.vm[0].mmio_count, 1);
	assert_int_equal(cfg.vm[0].mmio[0].base, 0x0a202000);
	assert_int_equal(cfg.vm[0].mmio[0].size, 0x2000);
}

static void refusals_by_name(void **state)
{
	(void)state;
	vms("vm0", "virtio_mmio@b000000", NULL, NULL);
	refused("vm0: no device 'virtio_mmio@b000000' on this board");
	vms("vm0", "pl031", NULL, NULL); /* libfdt would take it for pl031@9010000 */
	refused("vm0: no device 'pl031' on this board");
	vms("vm0", "pl011@9000000", NULL, NULL);
	refused("vm0: pl011@9000000 is not for VMs: it is the hypervisor's console UART");
	vms("vm0", "intc@8000000", NULL, NULL);
	refused("vm0: intc@8000000 is not for VMs: it is the GIC");
	vms("vm0", "fw-cfg@9020000", NULL, NULL);
	refused("vm0: fw-cfg@9020000 is not for VMs: it is the hypervisor's fw_cfg");
	vms("vm0", "pl011@9040000", NULL, NULL);
	refused("vm0: pl011@9040000 is not for VMs: it is the secure world's UART");
	vms("vm0", "secure@a207000", NULL, NULL);
	refused("vm0: secure@a207000 belongs to the secure world");
	vms("vm0", "off@a204000", NULL, NULL);
	refused("vm0: off@a204000 is disabled on this board");
	vms("vm0", "flash@4000000", NULL, NULL);
	refused("vm0: flash@4000000 is not a device VMs can have (compatible \"cfi-flash\")");
	vms("vm0", "memory@40000000", NULL, NULL);
	refused("vm0: memory@40000000 is not a device VMs can have");
	vms("vm0", "ppi@a200000", NULL, NULL);
	refused("vm0: ppi@a200000 has an interrupt that is not an SPI");
	vms("vm0", "high@a201000", NULL, NULL);
	refused("vm0: high@a201000 has SPI 100 (INTID 132), beyond the virtual GIC's INTIDs 32-95");
	vms("vm0", "level3@a20a000", NULL, NULL);
	refused("vm0: level3@a20a000 has an interrupt of trigger type 8");
	vms("vm0", "other-parent@a20b000", NULL, NULL);
	refused("vm0: other-parent@a20b000 has an interrupt that does not go to the GIC");
	vms("vm0", "far@20000000", NULL, NULL);
	refused(
	    "vm0: far@20000000 has registers at 0x20000000-0x20000200, outside the device region");
	vms("vm0", "two-regs@a20c000", NULL, NULL);
	refused("vm0: two-regs@a20c000 has no single register range (reg)");
	vms("vm0", "beside@a20d400", NULL, NULL);
	refused("vm0: beside@a20d400 shares a 4 KiB page with two-regs@a20c000, and "
		"two-regs@a20c000 has no single register range (reg)");
	vms("vm0", "pll-rtc@a206000", NULL, NULL);
	refused("vm0: pll-rtc@a206000 has a clock that is not a fixed-clock");
	vms("vm0", "ok@a209000", NULL, NULL);
	refused("vm0: ok@a209000 shares a 4 KiB page with gpio@a209800, and gpio@a209800 is not a "
		"device VMs can have");
}

static void refusals_between_vms(void **state)
{
	(void)state;
	vms("vm0", "pl031@9010000", NULL, "vm1", "pl031@9010000", NULL, NULL);
	refused("vm0 and vm1: both are given pl031@9010000");
	/* A page split between two VMs, whichever transport each names. */
	vms("vm0", "virtio_mmio@a003e00", NULL, "vm1", "virtio_mmio@a003c00", NULL, NULL);
	refused("vm1: virtio_mmio@a003c00 is in the 4 KiB page 0xa003000, which vm0 has (for "
		"virtio_mmio@a003e00): a page goes to one VM (the 8 virtio-mmio transports of a "
		"page go together)");
	vms("vm0", "straddle@a202800", NULL, "vm1", "next@a203400", NULL, NULL);
	refused("vm1: next@a203400 is in the 4 KiB page 0xa203000, which vm0 has (for "
		"straddle@a202800)");
	/* One SPI for two VMs' devices. */
	vms("vm0", "virtio_mmio@a000000", NULL, "vm1", "twin@a208000", NULL, NULL);
	refused("vm1: twin@a208000 has INTID 48, as virtio_mmio@a000000 of vm0 does");
	/* Four pages of transports are 32 devices: one more is too many. */
	vms("vm0", "virtio_mmio@a000000", "virtio_mmio@a001000", "virtio_mmio@a002000",
	    "virtio_mmio@a003000", "twin@a208000", NULL, NULL);
	refused("vm0: more than 32 devices with those sharing their pages");
}

/* A bus master needs dma = "identity"; the RTC does not. */
static void dma_needs_identity(void **state)
{
	(void)state;
	vms("vm0", "pl031@9010000", NULL, NULL);
	cfg.vm[0].dma_identity = 0;
	assert_int_equal(resolve(), 0);
	vms("vm0", "virtio_mmio@a003e00", NULL, NULL);
	cfg.vm[0].dma_identity = 0;
	refused("vm0: its devices master the bus and the board has no IOMMU: the VM needs dma = "
		"\"identity\"");
}

static uint64_t pages[8][S2_TABLE_ENTRIES] __attribute__((aligned(4096)));

/* The stage 2 check: identity passes, a shifted or missing page of RAM is named. */
static void dma_check_in_stage2(void **state)
{
	struct s2_pool s2 = {&pages[0][0], 8, 0};
	struct vm_config *vm;

	(void)state;
	vms("vm0", "virtio_mmio@a003e00", NULL, NULL);
	assert_int_equal(resolve(), 0);
	vm = &cfg.vm[0];
	assert_int_equal(s2_init(&s2), 0);
	assert_int_equal(s2_map(&s2, vm->mem_base, vm->mem_base, vm->mem_size, S2_RAM), 0);
	assert_int_equal(vm_dma_check(vm, &s2, err, sizeof(err)), 0);
	/* RAM at guest-physical 0x41000000 but physical 0x61000000. */
	assert_int_equal(s2_init(&s2), 0);
	assert_int_equal(s2_map(&s2, vm->mem_base, vm->mem_base + 0x20000000, vm->mem_size, S2_RAM),
			 0);
	assert_int_equal(vm_dma_check(vm, &s2, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "vm0: guest-physical 0x41000000 is physical 0x61000000 in "
				    "stage 2, but its bus masters need RAM at the same"));
	/* Identity but for the last page, which is not mapped. */
	assert_int_equal(s2_init(&s2), 0);
	assert_int_equal(s2_map(&s2, vm->mem_base, vm->mem_base, vm->mem_size - 0x1000, S2_RAM), 0);
	assert_int_equal(vm_dma_check(vm, &s2, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "guest-physical 0x50fff000 is unmapped"));
	/* Without a bus master, nothing is asked of stage 2. */
	vms("vm0", "pl031@9010000", NULL, NULL);
	assert_int_equal(resolve(), 0);
	assert_int_equal(vm_dma_check(&cfg.vm[0], &s2, err, sizeof(err)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(disk_rtc_rng),
	    cmocka_unit_test(companions_named_and_pages_merged),
	    cmocka_unit_test(straddling_device),
	    cmocka_unit_test(refusals_by_name),
	    cmocka_unit_test(refusals_between_vms),
	    cmocka_unit_test(dma_needs_identity),
	    cmocka_unit_test(dma_check_in_stage2),
	};

	return cmocka_run_group_tests_name("vm_devices", tests, setup, NULL);
}
