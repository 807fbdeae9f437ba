/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The VM configuration: a device tree (hyp/vms.dts, built into the image, or a file given to
 * QEMU with -fw_cfg name=opt/rampart/vms.dtb,file=...). One node per VM under the root; the node
 * name is the VM's name. Properties:
 *   vcpus = <n>;               vCPUs, 1 to 8 (more vCPUs than CPUs in all is allowed: they
 *                              share the CPUs, hyp/sched.c)
 *   cpus = <a b ...>;          optional: the physical CPUs its vCPUs may run on (default: any
 *                              CPU no other VM names, or any CPU if they all are named). Each
 *                              below the board's CPU count, none twice
 *   weight = <n>;              optional: its share under contention, 1 to 64 (default 1): a VM
 *                              of weight 2 gets twice the CPU time of one of weight 1, vCPU
 *                              for vCPU
 *   memory-mib = <n>;          RAM in MiB, a multiple of 2
 *   memory-base = <hi lo>;     optional: physical (= guest-physical) base, 2 MiB aligned
 *   kernel = "opt/...";        optional: fw_cfg file with the Image (default: QEMU's -kernel)
 *   initrd = "opt/...";        optional: fw_cfg file with the initramfs (default: -initrd)
 *   bootargs = "...";          optional: kernel command line (default: QEMU's -append)
 *   devices = "a", "b", ...;   optional: board devices the VM owns, by node name in the board's
 *                              device tree ("virtio_mmio@a003e00", "pl031@9010000"). A page
 *                              is the unit: a device brings every device sharing its 4 KiB
 *                              page (8 virtio-mmio transports). vm_devices.h has the rules.
 *   dma = "identity";          required with a device that masters the bus (virtio): the VM's
 *                              RAM is at the same guest-physical and physical addresses (the
 *                              board has no IOMMU), checked in its stage 2; such a device can
 *                              reach all normal-world RAM, so the VM is trusted with it.
 *   control;                   optional (or control = <1>): the control VM, at most one. It
 *                              manages the others (start, stop, destroy, restart, their
 *                              consoles) through the interface of vmctl.h: HVC/SMC in the
 *                              Vendor Specific Hypervisor Service range, and a register page
 *                              at 0x0b000000 in its device tree ("rampart,vm-control").
 *   tee = "optee" | "none";    optional: whether the VM reaches the trusted OS (default
 *                              "optee": an OP-TEE node in its device tree, its SMCs to the
 *                              trusted OS forwarded under its own client ID, tee_med.h).
 * Parsing and placement are pure (libfdt only): unit tested on the host.
 */
#ifndef HYP_VM_CONFIG_H
#define HYP_VM_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "vm_devices.h"

#define VM_MAX		8
#define VM_NAME_MAX	16
#define VM_FILE_MAX	56 /* fw_cfg file names are at most 55 characters */
#define VM_BOOTARGS_MAX 1024
#define VM_MAX_VCPUS	8
#define VM_MIN_MIB	32
#define VM_WEIGHT_MAX	64 /* SCHED_WEIGHT_MAX */

struct vm_config {
	char name[VM_NAME_MAX];
	unsigned int vcpus;
	uint64_t mem_base; /* 0 until placed, unless the configuration names it */
	uint64_t mem_size;
	char kernel[VM_FILE_MAX]; /* "" = QEMU's -kernel */
	char initrd[VM_FILE_MAX]; /* "" = QEMU's -initrd */
	char bootargs[VM_BOOTARGS_MAX];
	int has_bootargs;
	unsigned int first_cpu; /* physical CPU vCPU 0 starts on (home[0]) */
	uint32_t cpus_named;	/* `cpus` as a CPU bit mask, 0 if absent */
	unsigned int weight;	/* `weight`, 1 if absent */
	/*
	 * Set by vms_config_place: where each vCPU starts, the CPUs it may run on, and the vCPUs
	 * that have a CPU of their own (no other vCPU may run there: no WFI trap, no switching).
	 */
	uint8_t home[VM_MAX_VCPUS];
	uint32_t allowed[VM_MAX_VCPUS];
	uint32_t exclusive; /* bit n: vCPU n */
	char dev_names[VM_DEV_MAX][VM_DEV_NAME_MAX]; /* `devices`, as the configuration says */
	unsigned int dev_named;
	int dma_identity;		  /* dma = "identity" */
	int control;			  /* the control VM (vmctl.h) */
	int no_tee;			  /* tee = "none" */
	struct vm_device dev[VM_DEV_MAX]; /* resolved by vms_config_devices */
	unsigned int dev_count;
	struct vm_mmio mmio[VM_DEV_MAX]; /* their pages, merged */
	unsigned int mmio_count;
};

struct vms_config {
	unsigned int count;
	struct vm_config vm[VM_MAX];
};

/*
 * Parse a configuration blob of size bytes. 0, or -1 with a message naming the problem in err.
 */
int vms_config_parse(const void *blob, size_t size, struct vms_config *out, char *err,
		     size_t err_size);
/*
 * Give each VM its memory in [pool_base, pool_end) (those with memory-base must lie inside
 * it) and its physical CPUs among cpus. Whatever the pool, no VM's memory includes secure RAM,
 * the firmware flash, the board's device tree or the hypervisor (PLAT_HYP_BASE), and every
 * check is overflow-safe (rampart/mem_range.h). 0, or -1 with err naming the problem: memory
 * overlapping another VM or one of those, outside the pool or running past 2^64, more memory
 * than there is, `cpus` naming a CPU the board does not have.
 *
 * CPUs: when every vCPU can have a CPU of its own within its VM's CPUs, it gets one (as if
 * pinned: nothing is shared, nothing switched). Otherwise a VM's vCPUs float over its CPUs,
 * starting spread over the least loaded; a vCPU still alone on a single CPU is exclusive there.
 */
int vms_config_place(struct vms_config *cfg, uint64_t pool_base, uint64_t pool_end,
		     unsigned int cpus, char *err, size_t err_size);

/*
 * What names a VM's trusted storage in the trusted OS across its boots (VM_CREATED's a6,
 * tee_med.h): a hash of its name, never 0. Two VMs whose names hash alike are refused.
 */
uint64_t vm_tee_identity(const char *name);

#endif
