// SPDX-License-Identifier: BSD-2-Clause
/*
 * Hypervisor start-up: EL2 translation, the physical GIC, the VM configuration (built in, or
 * from fw_cfg), the VMs, then every CPU that runs a vCPU enters its loop.
 */
#include <arch/cache.h>
#include <drivers/fw_cfg.h>
#include <drivers/fw_cfg_file.h>
#include <libfdt.h>
#include <log.h>
#include <plat/topology.h>
#include <rampart/smccc.h>
#include <string.h>

#include "el2_map.h"
#include "el2_regs.h"
#include "el2_traps.h"
#include "hyp.h"
#include "pauth.h"

#ifndef RAMPART_VERSION
#define RAMPART_VERSION "dev"
#endif

#define CONFIG_FILE "opt/rampart/vms.dtb"
#define CONFIG_MAX  0x10000

extern const uint8_t vms_dtb_builtin[], vms_dtb_builtin_end[];

static struct vms_config config;
static uint8_t config_blob[CONFIG_MAX] __attribute__((aligned(8)));
static uint64_t vtcr;

unsigned int this_cpu_index(void)
{
	return plat_cpu_index(read_sysreg(mpidr_el1));
}

uint64_t smc_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	uint64_t a[8] = {fid, a1, a2, a3};

	smccc_smc8(a);
	return a[0];
}

void hyp_system_off(void)
{
	smc_call(PSCI_SYSTEM_OFF, 0, 0, 0);
	for (;;)
		wfi();
}

/* VTCR_EL2 for every VM: the same on every CPU. */
static void stage2_regime_init(void)
{
	write_sysreg(vtcr_el2, vtcr);
	isb();
}

static void cpu_common_init(void)
{
	el2_traps_init();
	stage2_regime_init();
	gic_cpu_init_el2();
}

void hyp_secondary_main(void)
{
	cpu_common_init();
	hyp_restart_stack(pcpu_loop);
}

static unsigned int count_cpus(const void *dt)
{
	unsigned int n = 0;
	int node;

	fdt_for_each_subnode (node, dt, fdt_path_offset(dt, "/cpus")) {
		const char *type = fdt_getprop(dt, node, "device_type", NULL);

		if (type && !strcmp(type, "cpu"))
			n++;
	}
	return n ? n : 1;
}

static uint64_t dram_end(const void *dt)
{
	int node = fdt_node_offset_by_prop_value(dt, -1, "device_type", "memory", 7);
	const fdt64_t *reg;
	int len;

	/* QEMU's virt board: one node, two address and two size cells. */
	if (node < 0 || !(reg = fdt_getprop(dt, node, "reg", &len)) || len < 16)
		hyp_panic("no memory node in the board's device tree");
	if (fdt64_to_cpu(reg[0]) != PLAT_DRAM_BASE)
		hyp_panic("RAM does not start at %#lx", PLAT_DRAM_BASE);
	return PLAT_DRAM_BASE + fdt64_to_cpu(reg[1]);
}

/* The configuration: opt/rampart/vms.dtb from fw_cfg if QEMU has it, else the built-in one. */
static const void *load_config(size_t *size, const char **from)
{
	struct fw_cfg cfg = {.base = PLAT_FW_CFG_BASE};
	uint16_t select;
	uint32_t n;

	if (!fw_cfg_probe(&cfg) && !fw_cfg_find_file(&cfg, CONFIG_FILE, &select, &n)) {
		if (n > CONFIG_MAX)
			hyp_panic("configuration refused: %s is %u bytes, the limit is %u",
				  CONFIG_FILE, n, CONFIG_MAX);
		fw_cfg_read_bytes(&cfg, select, config_blob, n);
		*size = n;
		*from = "fw_cfg " CONFIG_FILE;
		return config_blob;
	}
	*size = (size_t)(vms_dtb_builtin_end - vms_dtb_builtin);
	*from = "built in";
	return vms_dtb_builtin;
}

/* Does any CPU run more than one vCPU? */
static int shared(const struct vms_config *c)
{
	for (unsigned int i = 0; i < c->count; i++)
		if (c->vm[i].exclusive != (1U << c->vm[i].vcpus) - 1)
			return 1;
	return 0;
}

/* For the start-up log. */
static const char *shared_desc(const struct vms_config *c)
{
	return shared(c) ? "vCPUs share CPUs (time slices, WFI trapped)"
			 : "each vCPU has a CPU of its own";
}

void hyp_main(const void *qemu_dt)
{
	uint64_t end;
	unsigned int cpus;
	const void *blob;
	const char *from;
	size_t size;
	char err[200];
	uint32_t used = 0;

	console_init();
	el2_map_init();
	el2_mmu_on();
	vtcr = s2_vtcr((unsigned int)(read_sysreg(id_aa64mmfr0_el1) & 0xf));
	cpu_common_init();
	hyp_log("Rampart hypervisor %s at EL2", RAMPART_VERSION);
	/* The board's device tree is in RAM the hypervisor does not map: read it through a window.
	 */
	el2_window_open((uintptr_t)qemu_dt, FDT_V17_SIZE);
	if (((uintptr_t)qemu_dt & 7) || fdt_check_header(qemu_dt))
		hyp_panic("no device tree from the firmware at %p", qemu_dt);
	size = fdt_totalsize(qemu_dt);
	el2_window_close();
	el2_window_open((uintptr_t)qemu_dt, size);
	if (fdt_check_full(qemu_dt, size))
		hyp_panic("the board's device tree at %p is malformed", qemu_dt);
	end = dram_end(qemu_dt);
	cpus = count_cpus(qemu_dt);
	if (hyp_pauth_init((void *)qemu_dt))
		hyp_log("no entropy (/chosen/rng-seed, RNDR): EL2 return addresses not signed");
	if (cpus > PLAT_MAX_CPUS)
		cpus = PLAT_MAX_CPUS;

	/* The VMs' devices are the board's: resolved while its device tree is still in view. */
	blob = load_config(&size, &from);
	if (vms_config_parse(blob, size, &config, err, sizeof(err)) ||
	    vms_config_place(&config, PLAT_HYP_BASE + PLAT_HYP_SIZE, end, cpus, err, sizeof(err)) ||
	    vms_config_devices(&config, qemu_dt, err, sizeof(err)))
		hyp_panic("configuration (%s) refused: %s", from, err);
	el2_window_close();
	hyp_log("%u VMs (configuration %s), %u CPUs, %lu MiB of RAM for VMs; %s",
		config.count, from, cpus, (end - PLAT_HYP_BASE - PLAT_HYP_SIZE) >> 20,
		shared_desc(&config));
	sched_init(cpus);
	gic_uart_irq_init();
	for (unsigned int i = 0; i < config.count; i++) {
		if (vm_create(&hyp_vms[i], i, &config.vm[i], err, sizeof(err)) ||
		    vm_load(&hyp_vms[i], err, sizeof(err)))
			hyp_panic("configuration (%s) refused: %s", from, err);
		hyp_vm_count = i + 1;
	}
	el2_map_check();
	hyp_log("EL2 return-address signing %s, BTI %s", hyp_pauth_state(), hyp_bti_state());
	el2_traps_describe(err, sizeof(err));
	hyp_log("guests get %s; PMU, debug, trace and the EL1 physical timer trap", err);
	hyp_log("console input goes to %s (Ctrl-] switches)", config.vm[0].name);
	dcache_clean_range((uintptr_t)hyp_vms, sizeof(hyp_vms));
	for (unsigned int i = 0; i < config.count; i++)
		for (unsigned int n = 0; n < config.vm[i].vcpus; n++)
			used |= config.vm[i].allowed[n];
	for (unsigned int c = 0; c < cpus; c++) {
		uint64_t r;

		hyp_cpus[c].index = c;
		if (c == this_cpu_index() || !(used & (1U << c)))
			continue;
		r = smc_call(PSCI_FN64(PSCI_CPU_ON), plat_cpu_mpidr(c),
			     (uintptr_t)hyp_secondary_entry, c);
		if (r != PSCI_SUCCESS)
			hyp_panic("CPU%u does not start: PSCI error %ld", c, (long)r);
	}
	hyp_restart_stack(pcpu_loop);
}
