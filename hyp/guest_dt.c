// SPDX-License-Identifier: BSD-2-Clause
/* A VM's device tree (see guest_dt.h); bindings from Linux Documentation/devicetree/bindings. */
#include <libfdt.h>
#if __STDC_HOSTED__
#include <stdio.h>
#else
#include <log.h> /* snprintf */
#endif

#include "guest_dt.h"
#include "vgic.h"
#include "vmctl.h"
#include "vuart.h"

#define GIC_PHANDLE    1
#define CLOCK_PHANDLE  2 /* and up: one fixed clock per rate */
#define GIC_SPI	       0
#define GIC_PPI	       1
#define IRQ_LEVEL_HIGH 4

#define TRY(x)                                                                                     \
	do {                                                                                       \
		int __e = (x);                                                                     \
		if (__e < 0)                                                                       \
			return __e;                                                                \
	} while (0)

static int set_reg(void *fdt, int node, uint64_t base, uint64_t size)
{
	fdt64_t reg[2] = {cpu_to_fdt64(base), cpu_to_fdt64(size)};

	return fdt_setprop(fdt, node, "reg", reg, sizeof(reg));
}

static int set_cells(void *fdt, int node, const char *name, const uint32_t *cells, int n)
{
	fdt32_t v[16];

	for (int i = 0; i < n; i++)
		v[i] = cpu_to_fdt32(cells[i]);
	return fdt_setprop(fdt, node, name, v, n * (int)sizeof(fdt32_t));
}

static int add_cpus(void *fdt, unsigned int vcpus)
{
	int cpus = fdt_add_subnode(fdt, 0, "cpus");

	TRY(cpus);
	TRY(fdt_setprop_u32(fdt, cpus, "#address-cells", 1));
	TRY(fdt_setprop_u32(fdt, cpus, "#size-cells", 0));
	/* Added in reverse: libfdt inserts each new node first. */
	for (int i = (int)vcpus - 1; i >= 0; i--) {
		char name[16] = "cpu@";
		int node;

		name[4] = (char)(i < 10 ? '0' + i : 'a' + i - 10);
		name[5] = '\0';
		node = fdt_add_subnode(fdt, cpus, name);
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "device_type", "cpu"));
		TRY(fdt_setprop_string(fdt, node, "compatible", "arm,armv8"));
		TRY(fdt_setprop_u32(fdt, node, "reg", (uint32_t)i));
		TRY(fdt_setprop_string(fdt, node, "enable-method", "psci"));
	}
	return 0;
}

/* The phandle of the fixed clock of rate hz: one per distinct rate, in order of first use. */
static uint32_t clock_phandle(const struct guest_dt_params *p, uint32_t hz)
{
	uint32_t n = 0;

	for (unsigned int i = 0; i < p->ndevs; i++) {
		const struct vm_device *d = &p->devs[i];
		int first = 1;

		if (!d->nclocks)
			continue;
		for (unsigned int j = 0; j < i && first; j++)
			first = !(p->devs[j].nclocks && p->devs[j].clock_hz == d->clock_hz);
		if (!first)
			continue;
		if (d->clock_hz == hz)
			return CLOCK_PHANDLE + n;
		n++;
	}
	return 0;
}

/* The board's devices the VM owns, then the clocks they need (added in reverse, see below). */
static int add_devices(void *fdt, const struct guest_dt_params *p)
{
	char name[32];

	for (int i = (int)p->ndevs - 1; i >= 0; i--) {
		const struct vm_device *d = &p->devs[i];
		const uint32_t irq[] = {GIC_SPI, d->intid - 32, d->irq_flags};
		int node = fdt_add_subnode(fdt, 0, d->name);

		TRY(node);
		TRY(fdt_setprop(fdt, node, "compatible", d->compatible, d->compatible_len));
		TRY(set_reg(fdt, node, d->base, d->size));
		if (d->intid)
			TRY(set_cells(fdt, node, "interrupts", irq, 3));
		if (d->dma_coherent)
			TRY(fdt_setprop(fdt, node, "dma-coherent", NULL, 0));
		if (d->nclocks) {
			uint32_t clocks[VM_DEV_CLOCKS_MAX];

			for (unsigned int c = 0; c < d->nclocks; c++)
				clocks[c] = clock_phandle(p, d->clock_hz);
			TRY(set_cells(fdt, node, "clocks", clocks, d->nclocks));
			if (d->clock_names_len)
				TRY(fdt_setprop(fdt, node, "clock-names", d->clock_names,
						d->clock_names_len));
		}
	}
	for (int i = (int)p->ndevs - 1; i >= 0; i--) {
		const struct vm_device *d = &p->devs[i];
		int node;

		snprintf(name, sizeof(name), "clock-%u", d->clock_hz);
		if (!d->nclocks || fdt_subnode_offset(fdt, 0, name) >= 0)
			continue;
		node = fdt_add_subnode(fdt, 0, name);
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "compatible", "fixed-clock"));
		TRY(fdt_setprop_u32(fdt, node, "#clock-cells", 0));
		TRY(fdt_setprop_u32(fdt, node, "clock-frequency", d->clock_hz));
		TRY(fdt_setprop_u32(fdt, node, "phandle", clock_phandle(p, d->clock_hz)));
	}
	return 0;
}

int guest_dt_build(void *fdt, size_t size, const struct guest_dt_params *p)
{
	static const char psci_compat[] = "arm,psci-1.0\0arm,psci-0.2";
	const uint32_t timer_irqs[] = {GIC_PPI, 13, IRQ_LEVEL_HIGH, GIC_PPI, 14, IRQ_LEVEL_HIGH,
				       GIC_PPI, 11, IRQ_LEVEL_HIGH, GIC_PPI, 10, IRQ_LEVEL_HIGH};
	const uint32_t uart_irq[] = {GIC_SPI, VUART_SPI, IRQ_LEVEL_HIGH};
	fdt64_t gic_reg[4] = {cpu_to_fdt64(VGIC_GICD_BASE), cpu_to_fdt64(VGIC_GICD_SIZE),
			      cpu_to_fdt64(VGIC_GICR_BASE),
			      cpu_to_fdt64(VGIC_GICR_STRIDE * p->vcpus)};
	char mem_name[32];
	int node;

	TRY(fdt_create_empty_tree(fdt, (int)size));
	TRY(fdt_setprop_u32(fdt, 0, "#address-cells", 2));
	TRY(fdt_setprop_u32(fdt, 0, "#size-cells", 2));
	TRY(fdt_setprop_string(fdt, 0, "compatible", "linux,dummy-virt"));
	TRY(fdt_setprop_string(fdt, 0, "model", "Rampart VM"));
	TRY(fdt_setprop_u32(fdt, 0, "interrupt-parent", GIC_PHANDLE));

	/* Nodes go in reverse order of appearance (fdt_add_subnode inserts first). */
	TRY(add_devices(fdt, p));

	/*
	 * The VM management register page (vmctl.h): no driver binds it, so Linux's /dev/mem
	 * (STRICT_DEVMEM and IO_STRICT_DEVMEM) lets user space map it.
	 */
	if (p->control) {
		snprintf(mem_name, sizeof(mem_name), "vm-control@%lx", (unsigned long)VMCTL_BASE);
		node = fdt_add_subnode(fdt, 0, mem_name);
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "compatible", "rampart,vm-control"));
		TRY(set_reg(fdt, node, VMCTL_BASE, VMCTL_SIZE));
	}

	/* Linux's bindings/arm/firmware/linaro,optee-tz.yaml: the calls go as SMCs, trapped. */
	if (p->optee) {
		int fw = fdt_add_subnode(fdt, 0, "firmware");

		TRY(fw);
		node = fdt_add_subnode(fdt, fw, "optee");
		TRY(node);
		TRY(fdt_setprop_string(fdt, node, "compatible", "linaro,optee-tz"));
		TRY(fdt_setprop_string(fdt, node, "method", "smc"));
	}

	node = fdt_add_subnode(fdt, 0, "pl011@9000000");
	TRY(node);
	TRY(fdt_setprop_string(fdt, node, "compatible", "arm,sbsa-uart"));
	TRY(set_reg(fdt, node, VUART_BASE, VUART_SIZE));
	TRY(set_cells(fdt, node, "interrupts", uart_irq, 3));
	TRY(fdt_setprop_u32(fdt, node, "current-speed", 115200));

	node = fdt_add_subnode(fdt, 0, "timer");
	TRY(node);
	TRY(fdt_setprop_string(fdt, node, "compatible", "arm,armv8-timer"));
	TRY(set_cells(fdt, node, "interrupts", timer_irqs, 12));
	TRY(fdt_setprop(fdt, node, "always-on", NULL, 0));

	node = fdt_add_subnode(fdt, 0, "intc@8000000");
	TRY(node);
	TRY(fdt_setprop_string(fdt, node, "compatible", "arm,gic-v3"));
	TRY(fdt_setprop_u32(fdt, node, "#interrupt-cells", 3));
	TRY(fdt_setprop(fdt, node, "interrupt-controller", NULL, 0));
	TRY(fdt_setprop(fdt, node, "reg", gic_reg, sizeof(gic_reg)));
	TRY(fdt_setprop_u32(fdt, node, "#redistributor-regions", 1));
	TRY(fdt_setprop_u32(fdt, node, "phandle", GIC_PHANDLE));

	node = fdt_add_subnode(fdt, 0, "psci");
	TRY(node);
	TRY(fdt_setprop(fdt, node, "compatible", psci_compat, sizeof(psci_compat)));
	TRY(fdt_setprop_string(fdt, node, "method", "hvc"));

	TRY(add_cpus(fdt, p->vcpus));

	snprintf(mem_name, sizeof(mem_name), "memory@%lx", (unsigned long)p->mem_base);
	node = fdt_add_subnode(fdt, 0, mem_name);
	TRY(node);
	TRY(fdt_setprop_string(fdt, node, "device_type", "memory"));
	TRY(set_reg(fdt, node, p->mem_base, p->mem_size));

	node = fdt_add_subnode(fdt, 0, "chosen");
	TRY(node);
	TRY(fdt_setprop_string(fdt, node, "bootargs", p->bootargs));
	TRY(fdt_setprop_string(fdt, node, "stdout-path", "/pl011@9000000"));
	if (p->has_seeds) {
		TRY(fdt_setprop(fdt, node, "rng-seed", p->rng_seed, sizeof(p->rng_seed)));
		TRY(fdt_setprop_u64(fdt, node, "kaslr-seed", p->kaslr_seed));
	}
	if (p->initrd_end > p->initrd_start) {
		TRY(fdt_setprop_u64(fdt, node, "linux,initrd-start", p->initrd_start));
		TRY(fdt_setprop_u64(fdt, node, "linux,initrd-end", p->initrd_end));
	}
	return fdt_pack(fdt);
}
