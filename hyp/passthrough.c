// SPDX-License-Identifier: BSD-2-Clause
/*
 * The board devices VMs own, at run time (vm_devices.h resolves the configuration; vm.c maps
 * their pages in stage 2). Each device's physical SPI is the owner's alone:
 *  - taken at EL2 (HCR_EL2.IMO), acknowledged and priority-dropped but left active (EOImode 1),
 *    and made pending in the owner's vGIC as a hardware-linked interrupt: the guest's
 *    deactivation of the virtual INTID deactivates the physical one (IHI 0069 4.4.3, ICH_LR
 *    HW = 1, pINTID), so a level-sensitive line that is still high comes straight back and an
 *    edge cannot be lost while the guest handles the previous one;
 *  - enabled only while the guest enables the virtual one, and routed to the physical CPU of the
 *    vCPU the guest routes it to (GICD_IROUTER, IHI 0069 12.9.22), so it is taken where it is
 *    delivered; the route follows that vCPU when it moves to another CPU (passthrough_follow);
 *  - disabled, its device reset and its pending and active state cleared when the VM stops or
 *    restarts, so nothing of a previous run interrupts or writes into the next one.
 */
#include <arch/mmio.h>
#include <plat/topology.h>

#include "el2_regs.h"
#include "hyp.h"

#define GICD_CTLR	0x0000
#define GICD_CTLR_RWP	(1U << 31)
#define GICD_ISENABLER	0x0100
#define GICD_ICENABLER	0x0180
#define GICD_ICPENDR	0x0280
#define GICD_ICACTIVER	0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR	0x0c00
#define GICD_IROUTER	0x6000
#define DEV_PRIORITY	0x80 /* as the hypervisor's own interrupts (vgic_hw.c) */

/* virtio 1.1 4.2.2: writing 0 to Status resets the device (legacy transports too, 4.2.4). */
#define VIRTIO_MMIO_STATUS 0x70
/* PL031 TRM DDI 0224 3.3: interrupt mask (0: masked) and interrupt clear. */
#define PL031_IMSC 0x10
#define PL031_ICR  0x1c

/* The VM that owns each SPI, set before the other CPUs start and never changed after. */
static struct vm *spi_owner[VGIC_NR_SPIS];

static void gicd_bit(uintptr_t reg, unsigned int intid)
{
	mmio_write32(PLAT_GICD_BASE + reg + 4 * (intid / 32), 1U << (intid % 32));
}

/* GICD_CTLR.RWP: a disable has reached every CPU interface (IHI 0069 12.9.4). */
static void gicd_wait(void)
{
	while (mmio_read32(PLAT_GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

/* Route the SPI to the physical CPU of the VM's vCPU (Aff1.Aff0, IRM = 0). */
static void route(struct vm *vm, unsigned int intid, unsigned int vcpu)
{
	unsigned int cpu = vm->vcpu[vcpu].cpu;

	mmio_write64(PLAT_GICD_BASE + GICD_IROUTER + 8 * intid, plat_cpu_mpidr(cpu));
	vm->pt_cpu[intid - 32] = (uint8_t)cpu;
}

/* The board's trigger type, set while the SPI is disabled (IHI 0069 12.9.9). */
static void configure(unsigned int intid, int edge)
{
	uintptr_t reg = PLAT_GICD_BASE + GICD_ICFGR + 4 * (intid / 16);
	uint32_t bit = 2U << (2 * (intid % 16));

	mmio_write32(reg, edge ? mmio_read32(reg) | bit : mmio_read32(reg) & ~bit);
	*(volatile uint8_t *)(PLAT_GICD_BASE + GICD_IPRIORITYR + intid) = DEV_PRIORITY;
}

/* Put the device back in its reset state: no interrupt, no DMA in flight or to come. */
static void reset_device(const struct vm_device *d)
{
	switch (d->kind) {
	case VM_DEV_VIRTIO_MMIO:
		/* QEMU completes the requests in flight before the write returns. */
		mmio_write32(d->base + VIRTIO_MMIO_STATUS, 0);
		break;
	case VM_DEV_PL031:
		mmio_write32(d->base + PL031_IMSC, 0);
		mmio_write32(d->base + PL031_ICR, 1);
		break;
	}
}

void passthrough_quiet(struct vm *vm)
{
	const struct vm_config *c = vm->cfg;

	for (unsigned int i = 0; i < c->dev_count; i++)
		if (c->dev[i].intid) {
			gicd_bit(GICD_ICENABLER, c->dev[i].intid);
			vm->pt_enabled[c->dev[i].intid - 32] = 0;
		}
	gicd_wait();
	for (unsigned int i = 0; i < c->dev_count; i++)
		reset_device(&c->dev[i]);
	for (unsigned int i = 0; i < c->dev_count; i++) {
		unsigned int intid = c->dev[i].intid;

		if (!intid)
			continue;
		gicd_bit(GICD_ICPENDR, intid);
		gicd_bit(GICD_ICACTIVER, intid);
		route(vm, intid, 0); /* vgic_init routes every virtual SPI to vCPU 0 */
	}
}

void passthrough_init(struct vm *vm)
{
	const struct vm_config *c = vm->cfg;

	/*
	 * Once, on the first CPU before the others start: ICFGR words are shared between SPIs of
	 * different VMs, and a trigger type may change only while its SPI is disabled.
	 */
	for (unsigned int i = 0; i < c->dev_count; i++)
		if (c->dev[i].intid)
			gicd_bit(GICD_ICENABLER, c->dev[i].intid);
	gicd_wait();
	for (unsigned int i = 0; i < c->dev_count; i++)
		if (c->dev[i].intid) {
			spi_owner[c->dev[i].intid - 32] = vm;
			configure(c->dev[i].intid, c->dev[i].irq_flags == 1);
		}
	passthrough_quiet(vm);
}

int passthrough_irq(unsigned int intid)
{
	struct vm *vm;
	uint32_t kick = 0;
	int running;

	if (intid < 32 || intid >= VGIC_NR_IRQS || !(vm = spi_owner[intid - 32]))
		return 0;
	spin_lock(&vm->lock);
	running = vm->state == VM_RUNNING;
	if (running)
		kick = vgic_raise_hw(&vm->vgic, 0, intid);
	spin_unlock(&vm->lock);
	if (running)
		vgic_kick_mask(vm, kick);
	else
		write_sysreg(ICC_DIR_EL1, intid); /* stopping: its quiet resets the device */
	return 1;
}

void passthrough_sync(struct vm *vm)
{
	const struct vm_config *c = vm->cfg;

	for (unsigned int i = 0; i < c->dev_count; i++) {
		unsigned int intid = c->dev[i].intid;
		const struct vgic_irq *irq;

		if (!intid)
			continue;
		irq = &vm->vgic.spi[intid - 32];
		if (vm->pt_cpu[intid - 32] != vm->vcpu[irq->target].cpu)
			route(vm, intid, irq->target);
		if (vm->pt_enabled[intid - 32] != irq->enabled) {
			gicd_bit(irq->enabled ? GICD_ISENABLER : GICD_ICENABLER, intid);
			vm->pt_enabled[intid - 32] = irq->enabled;
		}
	}
}

/* v is now loaded on this CPU: the SPIs its guest routes to it are taken here from now on. */
void passthrough_follow(struct vcpu *v)
{
	struct vm *vm = v->vm;
	const struct vm_config *c = vm->cfg;

	if (!c->dev_count)
		return;
	spin_lock(&vm->lock);
	for (unsigned int i = 0; i < c->dev_count; i++) {
		unsigned int intid = c->dev[i].intid;

		if (intid && vm->vgic.spi[intid - 32].target == v->index &&
		    vm->pt_cpu[intid - 32] != v->cpu)
			route(vm, intid, v->index);
	}
	spin_unlock(&vm->lock);
}
