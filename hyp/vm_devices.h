/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Board devices given to VMs (docs/hypervisor.md "Devices for VMs"). The configuration names
 * nodes of the board's device tree (`devices = "virtio_mmio@a003e00", "pl031@9010000";`); this
 * resolves them into what the hypervisor needs: registers, interrupt, kind, the properties the
 * VM's device tree repeats, and refuses, by name, what cannot be given.
 *
 * Stage 2 maps whole 4 KiB pages (Arm ARM D8.2, the 4 KiB granule), so a page is the unit of
 * assignment: a device comes with every device whose registers share its page (the eight
 * virtio-mmio transports of a page of QEMU virt go together), and no page is split between VMs.
 *
 * The board has no IOMMU: a device that masters the bus (virtio) reads and writes physical
 * addresses the guest gives it. A VM with one therefore needs its RAM at the same guest-physical
 * and physical addresses, which the configuration declares (`dma = "identity";`) and the
 * hypervisor checks in the VM's stage 2 tables (vm_dma_check). It also means such a device can
 * reach all normal-world RAM: the VM that owns it is trusted with it.
 *
 * Pure (libfdt, no hardware access): unit tested on the host.
 */
#ifndef HYP_VM_DEVICES_H
#define HYP_VM_DEVICES_H

#include <stddef.h>
#include <stdint.h>

#define VM_DEV_MAX	  32 /* devices per VM, those that came with a page included */
#define VM_DEV_NAME_MAX	  32
#define VM_DEV_PROP_MAX	  48 /* compatible and clock-names, as the board has them */
#define VM_DEV_CLOCKS_MAX 4
#define VM_DEV_PAGE	  0x1000UL

enum vm_dev_kind {
	VM_DEV_VIRTIO_MMIO, /* "virtio,mmio": virtio 1.1 section 4.2, bus master */
	VM_DEV_PL031,	    /* "arm,pl031": the real-time clock, PL031 TRM DDI 0224 */
};

struct vm_device {
	char name[VM_DEV_NAME_MAX]; /* the board's node name, e.g. "virtio_mmio@a003e00" */
	enum vm_dev_kind kind;
	uint64_t base, size;  /* its registers (guest-physical = physical) */
	unsigned int intid;   /* its SPI's INTID, 0 for none */
	uint32_t irq_flags;   /* the board's trigger type: 1 rising edge, 4 level high */
	uint8_t dma;	      /* masters the bus */
	uint8_t dma_coherent; /* the board says dma-coherent */
	uint8_t named;	      /* named by the configuration, else it came with its page */
	uint8_t nclocks;      /* fixed clocks, all of clock_hz */
	uint32_t clock_hz;
	char compatible[VM_DEV_PROP_MAX];
	int compatible_len;
	char clock_names[VM_DEV_PROP_MAX];
	int clock_names_len;
};

/* A page-aligned range a VM's stage 2 maps as device memory. */
struct vm_mmio {
	uint64_t base, size;
};

struct vms_config;
struct vm_config;
struct s2_pool;

/*
 * Resolve every VM's `devices` against the board's device tree (checked by the caller with
 * fdt_check_full): fill each vm_config's dev[] and mmio[]. 0, or -1 with err naming the
 * problem: no such node, a device named twice or given to two VMs, a page split between VMs,
 * the hypervisor's own devices (GIC, console UART, fw_cfg) or the secure world's, a device of a
 * kind VMs cannot have, an interrupt that is not an SPI of the GIC within the virtual GIC's
 * range or that another VM has, a bus master in a VM without dma = "identity".
 */
int vms_config_devices(struct vms_config *cfg, const void *board, char *err, size_t err_size);

/*
 * The VM's stage 2 (built) maps every 2 MiB of its RAM at the same physical address, as a VM
 * with a bus master needs (no IOMMU translates the device's addresses). 0 when it has no bus
 * master or the tables say so; -1 with err naming the first address that differs.
 */
int vm_dma_check(const struct vm_config *vm, const struct s2_pool *s2, char *err, size_t err_size);

/* The device of vm whose registers hold addr, else one whose page does, else NULL. */
const struct vm_device *vm_device_at(const struct vm_config *vm, uint64_t addr);

#endif
