/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Virtual GICv3 state of one VM: the distributor and redistributor registers the guest sees
 * (GICv3/v4 architecture specification, IHI 0069, chapters 12.8 and 12.10) and which interrupt
 * each vCPU should be shown next. Pure logic, unit tested on the host; vgic_hw.c moves the
 * choices into the CPU's list registers.
 */
#ifndef HYP_VGIC_H
#define HYP_VGIC_H

#include <stdint.h>

/*
 * SPIs 32-95: the emulated UART's 33 and the board's devices a VM may be given (QEMU virt puts
 * the PL031 at 34 and its 32 virtio-mmio transports at 48-79).
 */
#define VGIC_NR_SPIS   64
#define VGIC_NR_IRQS   (32 + VGIC_NR_SPIS)
#define VGIC_MAX_VCPUS 8

/* Guest-physical frames: where QEMU's virt board has its GIC, so the guest map looks familiar. */
#define VGIC_GICD_BASE	 0x08000000UL
#define VGIC_GICD_SIZE	 0x10000UL
#define VGIC_GICR_BASE	 0x080a0000UL
#define VGIC_GICR_STRIDE 0x20000UL /* RD_base frame + SGI_base frame per vCPU */

struct vgic_irq {
	uint8_t priority;
	uint8_t enabled;
	uint8_t pending; /* waiting for a list register */
	uint8_t in_lr;	 /* a list register holds it (pending and/or active there) */
	uint8_t edge;	 /* ICFGR: 1 edge-triggered, 0 level-sensitive */
	/*
	 * The hypervisor acknowledged the physical interrupt with the same INTID and holds it
	 * active for the guest: the next list register entry is hardware-linked (HW = 1), so the
	 * guest's deactivation deactivates the physical one (IHI 0069 4.4.3 and 12.5.11).
	 */
	uint8_t hw_active;
	/*
	 * The guest cleared the pending state of an interrupt held that way (ICPENDR): no list
	 * register will deactivate the physical one, so the hypervisor must (vgic_hw.c).
	 */
	uint8_t hw_drop;
	uint8_t target; /* SPIs: the vCPU GICD_IROUTER names */
	uint64_t irouter;
};

struct vgic {
	uint32_t ctlr;
	unsigned int nr_vcpus;
	unsigned int hw_drops;	    /* interrupts with hw_drop set */
	unsigned int pending_count; /* interrupts with pending set, any vCPU's (vgic_set_pending) */
	struct vgic_irq spi[VGIC_NR_SPIS];
	struct vgic_irq priv[VGIC_MAX_VCPUS][32]; /* SGIs and PPIs, per vCPU */
};

/*
 * Every change of an interrupt's pending state goes through here, so that pending_count stays
 * true: an exit with nothing pending anywhere in the VM (the common case: one SMC, one timer
 * tick) then skips vgic_best_pending's scan of all the vCPU's interrupts.
 */
static inline void vgic_set_pending(struct vgic *g, struct vgic_irq *irq, int pending)
{
	if (irq->pending == !!pending)
		return;
	irq->pending = !!pending;
	if (pending)
		g->pending_count++;
	else
		g->pending_count--;
}

/* Reset state: everything disabled, not pending, priority 0, SPIs routed to vCPU 0. */
void vgic_init(struct vgic *g, unsigned int nr_vcpus);
/* The state of intid as vCPU vcpu sees it, or NULL if there is no such interrupt. */
struct vgic_irq *vgic_irq(struct vgic *g, unsigned int vcpu, unsigned int intid);
/* Make intid pending (for SGIs/PPIs: on vcpu). Returns the vCPUs to kick, as a bit mask. */
uint32_t vgic_raise(struct vgic *g, unsigned int vcpu, unsigned int intid);
/*
 * The physical interrupt intid (for PPIs: vcpu's) was acknowledged and is held active for the
 * guest: pending, and its next list register entry is hardware-linked. Returns the vCPUs to kick.
 */
uint32_t vgic_raise_hw(struct vgic *g, unsigned int vcpu, unsigned int intid);
/* A level-sensitive source went low: drop its pending state if no list register holds it. */
void vgic_lower(struct vgic *g, unsigned int vcpu, unsigned int intid);
/*
 * Emulate a guest access to the distributor (off from GICD_BASE) or to vCPU vcpu's
 * redistributor frames (off from its RD_base). size is 1, 2, 4 or 8 bytes. Reads fill *val;
 * *kick gets the vCPUs that may now have an interrupt to take. Returns 0, or -1 for an access
 * the architecture does not define (the caller injects an abort).
 */
int vgic_dist_access(struct vgic *g, uint64_t off, unsigned int size, int write, uint64_t *val,
		     uint32_t *kick);
int vgic_redist_access(struct vgic *g, unsigned int vcpu, uint64_t off, unsigned int size,
		       int write, uint64_t *val, uint32_t *kick);
/* The highest-priority interrupt vcpu can be shown and no list register holds, or -1. */
int vgic_best_pending(struct vgic *g, unsigned int vcpu);
/*
 * Decode a guest write to ICC_SGI1R_EL1 (IHI 0069 12.11.22) for a VM whose vCPU n has
 * affinity Aff0 = n: the SGI number in *intid, the target vCPUs as a bit mask.
 */
uint32_t vgic_sgi_targets(uint64_t sgi1r, unsigned int self, unsigned int nr_vcpus,
			  unsigned int *intid);

/* List register fields (IHI 0069 12.5.11, ICH_LR<n>_EL2). */
#define ICH_LR_STATE_SHIFT    62
#define ICH_LR_PENDING	      1UL
#define ICH_LR_ACTIVE	      2UL
#define ICH_LR_HW	      (1UL << 61)
#define ICH_LR_GROUP1	      (1UL << 60)
#define ICH_LR_EOI	      (1UL << 41)
#define ICH_LR_PINTID_SHIFT   32
#define ICH_LR_PRIORITY_SHIFT 48

/*
 * A list register that still holds an interrupt (pending, active, or both) for vCPU vcpu, given
 * that interrupt may have been asserted again since: the value to write back, with the new
 * assertion folded in (the interrupt's pending state then moves into the list register).
 */
uint64_t vgic_lr_merge(struct vgic *g, unsigned int vcpu, uint64_t lr);
/*
 * A list register of vCPU vcpu is being dropped (the vCPU turned itself off, PSCI CPU_OFF): the
 * interrupt it held is no longer in a list register, so it can be shown again once the vCPU is
 * back on. That includes an entry the guest finished (state invalid) that no flush has retired
 * yet: the guest's last deactivation before CPU_OFF always leaves one, since the vCPU does not
 * enter again. A pending state stays with the interrupt, as a powered-down PE's pending SGIs and
 * PPIs stay pending in its redistributor (IHI 0069 11.1); an active state goes, with the CPU
 * interface that held it. A hardware-linked entry's state belongs to its physical source, which
 * the caller deactivates.
 */
void vgic_lr_forget(struct vgic *g, unsigned int vcpu, uint64_t lr);
/* A pending group 1 entry; hw links it to the physical INTID, eoi asks for a maintenance IRQ. */
uint64_t vgic_lr_make(unsigned int intid, uint8_t priority, int hw, int eoi);
static inline unsigned int vgic_lr_state(uint64_t lr)
{
	return (unsigned int)(lr >> ICH_LR_STATE_SHIFT) & 3;
}
static inline unsigned int vgic_lr_intid(uint64_t lr)
{
	return (unsigned int)lr;
}

#endif
