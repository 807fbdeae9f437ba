// SPDX-License-Identifier: BSD-2-Clause
/* Virtual GICv3 register emulation and interrupt selection (see vgic.h). Pure: host tested. */
#include "vgic.h"

#include <string.h>

/* Register offsets, IHI 0069 12.8 (distributor) and 12.10 (redistributor). */
#define GICD_CTLR	0x0000
#define GICD_TYPER	0x0004
#define GICD_IIDR	0x0008
#define GICD_IGROUPR	0x0080
#define GICD_ISENABLER	0x0100
#define GICD_ICENABLER	0x0180
#define GICD_ISPENDR	0x0200
#define GICD_ICPENDR	0x0280
#define GICD_ISACTIVER	0x0300
#define GICD_ICACTIVER	0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR	0x0c00
#define GICD_IROUTER	0x6000
#define GICD_PIDR2	0xffe8

#define GICD_CTLR_ENABLE_G1A (1U << 1)
#define GICD_CTLR_ARE_NS     (1U << 4)

#define GICR_CTLR     0x0000
#define GICR_IIDR     0x0004
#define GICR_TYPER    0x0008
#define GICR_WAKER    0x0014
#define GICR_PIDR2    0xffe8
#define GICR_SGI_BASE 0x10000

#define GIC_PIDR2_ARCH_V3 0x30
#define RAMPART_IIDR	  0x0000043b /* implementer Arm (0x43b), as QEMU's GIC reports */

void vgic_init(struct vgic *g, unsigned int nr_vcpus)
{
	memset(g, 0, sizeof(*g));
	g->nr_vcpus = nr_vcpus;
	for (unsigned int v = 0; v < VGIC_MAX_VCPUS; v++)
		for (unsigned int i = 0; i < 16; i++)
			g->priv[v][i].edge = 1; /* SGIs are always edge-triggered */
}

struct vgic_irq *vgic_irq(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	if (intid < 32)
		return vcpu < g->nr_vcpus ? &g->priv[vcpu][intid] : NULL;
	if (intid < VGIC_NR_IRQS)
		return &g->spi[intid - 32];
	return NULL;
}

static unsigned int owner(const struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	return intid < 32 ? vcpu : g->spi[intid - 32].target;
}

/* Pending, enabled and its group on: the owning vCPU should see it, now or once its LR frees. */
static int wanted(const struct vgic *g, unsigned int intid, const struct vgic_irq *irq)
{
	if (!irq->enabled || !irq->pending)
		return 0;
	return intid < 32 || (g->ctlr & GICD_CTLR_ENABLE_G1A);
}

/* Wanted, and no list register holds it yet: a free list register may take it. */
static int deliverable(const struct vgic *g, unsigned int intid, const struct vgic_irq *irq)
{
	return !irq->in_lr && wanted(g, intid, irq);
}

uint32_t vgic_raise(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	struct vgic_irq *irq = vgic_irq(g, vcpu, intid);

	if (!irq)
		return 0;
	vgic_set_pending(g, irq, 1);
	/*
	 * Kick the owner even when a list register still holds the interrupt (the guest is in its
	 * handler): the guest finishes it without an exit, so without a kick the new edge would
	 * wait for the vCPU's next exit, which an idle tickless guest may not make for seconds.
	 * vgic_lr_merge folds it into that list register.
	 */
	return wanted(g, intid, irq) ? 1U << owner(g, vcpu, intid) : 0;
}

uint32_t vgic_raise_hw(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	struct vgic_irq *irq = vgic_irq(g, vcpu, intid);

	if (!irq)
		return 0;
	irq->hw_active = 1;
	return vgic_raise(g, vcpu, intid);
}

void vgic_lower(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	struct vgic_irq *irq = vgic_irq(g, vcpu, intid);

	if (irq && !irq->edge)
		vgic_set_pending(g, irq, 0);
}

int vgic_best_pending(struct vgic *g, unsigned int vcpu)
{
	int best = -1;
	unsigned int best_prio = 0x100;

	if (vcpu >= g->nr_vcpus || !g->pending_count)
		return -1;
	for (unsigned int intid = 0; intid < VGIC_NR_IRQS; intid++) {
		struct vgic_irq *irq = vgic_irq(g, vcpu, intid);

		if (!deliverable(g, intid, irq) || owner(g, vcpu, intid) != vcpu)
			continue;
		if (irq->priority < best_prio) {
			best = (int)intid;
			best_prio = irq->priority;
		}
	}
	return best;
}

/*
 * One 32-bit register of a bit-per-interrupt array (ISENABLER and friends): reg is the register
 * index, so it covers INTIDs reg * 32 to reg * 32 + 31.
 */
enum bit_field { F_ENABLED, F_PENDING, F_ACTIVE };

static uint32_t read_bits(struct vgic *g, unsigned int vcpu, unsigned int reg, enum bit_field f)
{
	uint32_t v = 0;

	for (unsigned int i = 0; i < 32; i++) {
		struct vgic_irq *irq = vgic_irq(g, vcpu, reg * 32 + i);
		int set = 0;

		if (!irq)
			continue;
		if (f == F_ENABLED)
			set = irq->enabled;
		else if (f == F_PENDING)
			set = irq->pending || irq->in_lr;
		else
			set = irq->in_lr;
		v |= (uint32_t)set << i;
	}
	return v;
}

static uint32_t write_bits(struct vgic *g, unsigned int vcpu, unsigned int reg, enum bit_field f,
			   int set, uint32_t bits)
{
	uint32_t kick = 0;

	for (unsigned int i = 0; i < 32; i++) {
		unsigned int intid = reg * 32 + i;
		struct vgic_irq *irq = vgic_irq(g, vcpu, intid);

		if (!irq || !(bits & (1U << i)))
			continue;
		if (f == F_ENABLED)
			irq->enabled = (uint8_t)set;
		else if (f == F_PENDING)
			vgic_set_pending(g, irq, set);
		/* Active state lives in the list registers; the guest never needs to set it. */
		if (set && wanted(g, intid, irq))
			kick |= 1U << owner(g, vcpu, intid);
		/*
		 * Pending cleared while the hypervisor holds the physical interrupt active for this
		 * one: nothing would ever deactivate it, and the device's next interrupt would
		 * never come. The owner's CPU deactivates it at its next flush (a level-sensitive
		 * source still asserted is then pending again at once, IHI 0069 4.1.2).
		 */
		if (f == F_PENDING && !set && irq->hw_active) {
			irq->hw_active = 0;
			g->hw_drops += !irq->hw_drop;
			irq->hw_drop = 1;
			kick |= 1U << owner(g, vcpu, intid);
		}
	}
	return kick;
}

static int bits_access(struct vgic *g, unsigned int vcpu, uint64_t off, unsigned int size,
		       int write, uint64_t *val, uint32_t *kick, unsigned int base,
		       unsigned int nregs)
{
	static const struct {
		enum bit_field f;
		int set;
	} kinds[] = {{F_ENABLED, 1}, {F_ENABLED, 0}, {F_PENDING, 1},
		     {F_PENDING, 0}, {F_ACTIVE, 1},  {F_ACTIVE, 0}};
	unsigned int kind = (unsigned int)(off - base) / 0x80;
	unsigned int reg = (unsigned int)(off - base) % 0x80 / 4;

	if (size != 4 || (off & 3))
		return -1;
	if (reg >= nregs)
		reg = ~0U; /* beyond the implemented interrupts: RAZ/WI */
	if (!write)
		*val = reg == ~0U ? 0 : read_bits(g, vcpu, reg, kinds[kind].f);
	else if (reg != ~0U)
		*kick |= write_bits(g, vcpu, reg, kinds[kind].f, kinds[kind].set, (uint32_t)*val);
	return 0;
}

/* IPRIORITYR: one byte per interrupt, byte or word accesses. */
static int priority_access(struct vgic *g, unsigned int vcpu, unsigned int first, unsigned int size,
			   int write, uint64_t *val, unsigned int limit)
{
	uint64_t v = 0;

	if (size != 1 && size != 4)
		return -1;
	for (unsigned int i = 0; i < size; i++) {
		struct vgic_irq *irq = first + i < limit ? vgic_irq(g, vcpu, first + i) : NULL;

		if (!irq)
			continue;
		if (write)
			irq->priority = (uint8_t)(*val >> (8 * i));
		else
			v |= (uint64_t)irq->priority << (8 * i);
	}
	if (!write)
		*val = v;
	return 0;
}

/* ICFGR: two bits per interrupt, bit 1 of each pair = edge. SGIs stay edge (read-only). */
static int config_access(struct vgic *g, unsigned int vcpu, unsigned int reg, unsigned int size,
			 int write, uint64_t *val, unsigned int limit)
{
	uint32_t v = 0;

	if (size != 4)
		return -1;
	for (unsigned int i = 0; i < 16; i++) {
		unsigned int intid = reg * 16 + i;
		struct vgic_irq *irq = intid < limit ? vgic_irq(g, vcpu, intid) : NULL;

		if (!irq)
			continue;
		if (write && intid >= 16)
			irq->edge = (uint8_t)((*val >> (2 * i + 1)) & 1);
		v |= (uint32_t)irq->edge << (2 * i + 1);
	}
	if (!write)
		*val = v;
	return 0;
}

/* GICD_IROUTER<n>: Aff0 names the vCPU; IRM (any CPU) picks vCPU 0. Word halves allowed. */
static int router_access(struct vgic *g, uint64_t off, unsigned int size, int write, uint64_t *val)
{
	unsigned int intid = (unsigned int)((off - GICD_IROUTER) / 8);
	unsigned int shift = (off & 4) ? 32 : 0;
	struct vgic_irq *irq;
	uint64_t mask;

	if (!(size == 8 && !(off & 7)) && !(size == 4 && !(off & 3)))
		return -1;
	if (intid < 32 || intid >= VGIC_NR_IRQS) {
		if (!write)
			*val = 0;
		return 0;
	}
	irq = &g->spi[intid - 32];
	mask = size == 8 ? ~0UL : 0xffffffffUL << shift;
	if (write) {
		uint64_t v = size == 8 ? *val : (*val & 0xffffffffUL) << shift;
		unsigned int aff0;

		/* Aff3..Aff0 and IRM are the only fields (bits 39:32, 31, 23:0). */
		irq->irouter = (irq->irouter & ~mask) | (v & mask & 0xff80ffffffUL);
		aff0 = (unsigned int)(irq->irouter & 0xff);
		irq->target = (irq->irouter & (1UL << 31)) || (irq->irouter & 0xff00ffff00UL) ||
				      aff0 >= g->nr_vcpus
				  ? 0
				  : (uint8_t)aff0;
	} else {
		*val = size == 8 ? irq->irouter : (irq->irouter >> shift) & 0xffffffffUL;
	}
	return 0;
}

int vgic_dist_access(struct vgic *g, uint64_t off, unsigned int size, int write, uint64_t *val,
		     uint32_t *kick)
{
	*kick = 0;
	if (off >= GICD_ISENABLER && off < GICD_ICACTIVER + 0x80) {
		if (size != 4 || (off & 3))
			return -1;
		/* INTIDs 0-31 are banked in the redistributors: RAZ/WI here with ARE set. */
		if (off % 0x80 == 0) {
			if (!write)
				*val = 0;
			return 0;
		}
		return bits_access(g, 0, off, size, write, val, kick, GICD_ISENABLER,
				   VGIC_NR_IRQS / 32);
	}
	if (off >= GICD_IPRIORITYR && off < GICD_IPRIORITYR + 1020) {
		unsigned int first = (unsigned int)(off - GICD_IPRIORITYR);

		if (first < 32) { /* banked: RAZ/WI */
			if (!write)
				*val = 0;
			return (size == 1 || size == 4) ? 0 : -1;
		}
		return priority_access(g, 0, first, size, write, val, VGIC_NR_IRQS);
	}
	if (off >= GICD_ICFGR && off < GICD_ICFGR + 0x100) {
		unsigned int reg = (unsigned int)(off - GICD_ICFGR) / 4;

		if (reg < 2) {
			if (!write)
				*val = reg == 0 ? 0xaaaaaaaa : 0;
			return size == 4 ? 0 : -1;
		}
		return config_access(g, 0, reg, size, write, val, VGIC_NR_IRQS);
	}
	if (off >= GICD_IROUTER && off < GICD_IROUTER + 8 * 1020) {
		unsigned int intid = (unsigned int)((off - GICD_IROUTER) / 8);
		int err = router_access(g, off, size, write, val);

		/* A pending SPI moved to another vCPU: that one has it to take now. */
		if (!err && write && intid >= 32 && intid < VGIC_NR_IRQS &&
		    wanted(g, intid, &g->spi[intid - 32]))
			*kick |= 1U << g->spi[intid - 32].target;
		return err;
	}
	if (size != 4 || (off & 3))
		return -1;
	switch (off) {
	case GICD_CTLR:
		if (write) {
			uint32_t was = g->ctlr;

			g->ctlr = ((uint32_t)*val & GICD_CTLR_ENABLE_G1A) | GICD_CTLR_ARE_NS;
			if (!(was & GICD_CTLR_ENABLE_G1A) && (g->ctlr & GICD_CTLR_ENABLE_G1A))
				for (unsigned int i = 0; i < VGIC_NR_SPIS; i++)
					if (deliverable(g, 32 + i, &g->spi[i]))
						*kick |= 1U << g->spi[i].target;
		} else {
			/* RWP (bit 31) stays clear: our writes take effect at once. */
			*val = g->ctlr | GICD_CTLR_ARE_NS;
		}
		return 0;
	case GICD_TYPER:
		/* ITLinesNumber for VGIC_NR_IRQS, IDbits = 10 bits, no LPIs, no security. */
		if (!write)
			*val = (VGIC_NR_IRQS / 32 - 1) | (9U << 19);
		return 0;
	case GICD_IIDR:
		if (!write)
			*val = RAMPART_IIDR;
		return 0;
	case GICD_PIDR2:
		if (!write)
			*val = GIC_PIDR2_ARCH_V3;
		return 0;
	}
	if (off >= GICD_IGROUPR && off < GICD_IGROUPR + 0x80) {
		/* Every interrupt is group 1 (non-secure view): RAO/WI beyond INTID 31. */
		if (!write)
			*val = off == GICD_IGROUPR ? 0 : 0xffffffff;
		return 0;
	}
	/* Everything else this distributor has no use for (SPI MSI, NSACR, ...): RAZ/WI. */
	if (!write)
		*val = 0;
	return 0;
}

int vgic_redist_access(struct vgic *g, unsigned int vcpu, uint64_t off, unsigned int size,
		       int write, uint64_t *val, uint32_t *kick)
{
	*kick = 0;
	if (vcpu >= g->nr_vcpus)
		return -1;
	if (off >= GICR_SGI_BASE) {
		uint64_t s = off - GICR_SGI_BASE;

		if (s >= GICD_ISENABLER && s < GICD_ICACTIVER + 0x80)
			return bits_access(g, vcpu, s, size, write, val, kick, GICD_ISENABLER, 1);
		if (s >= GICD_IPRIORITYR && s < GICD_IPRIORITYR + 32)
			return priority_access(g, vcpu, (unsigned int)(s - GICD_IPRIORITYR), size,
					       write, val, 32);
		if (s == GICD_ICFGR || s == GICD_ICFGR + 4)
			return config_access(g, vcpu, (unsigned int)(s - GICD_ICFGR) / 4, size,
					     write, val, 32);
		if (size != 4 || (s & 3))
			return -1;
		if (!write)
			*val = s == GICD_IGROUPR ? 0xffffffff : 0;
		return 0;
	}
	if (off == GICR_TYPER && (size == 8 || size == 4)) {
		/* Affinity = the vCPU's MPIDR (Aff0 = index), Processor_Number, Last. */
		uint64_t typer = (uint64_t)vcpu << 32 | (uint64_t)vcpu << 8 |
				 (vcpu + 1 == g->nr_vcpus ? 1UL << 4 : 0);

		if (!write)
			*val = size == 8 ? typer : typer & 0xffffffff;
		return 0;
	}
	if (off == GICR_TYPER + 4 && size == 4) {
		if (!write)
			*val = (uint64_t)vcpu;
		return 0;
	}
	if (size != 4 && size != 8)
		return -1;
	if (!write) {
		switch (off) {
		case GICR_IIDR:
			*val = RAMPART_IIDR;
			break;
		case GICR_PIDR2:
			*val = GIC_PIDR2_ARCH_V3;
			break;
		default:
			/* CTLR, WAKER (never asleep), STATUSR, LPI bases: RAZ/WI. */
			*val = 0;
		}
	}
	return 0;
}

uint32_t vgic_sgi_targets(uint64_t sgi1r, unsigned int self, unsigned int nr_vcpus,
			  unsigned int *intid)
{
	uint32_t list = (uint32_t)(sgi1r & 0xffff);
	uint64_t upper_aff = sgi1r & (0xffUL << 16 | 0xffUL << 32 | 0xffUL << 48);
	uint32_t mask = 0;

	*intid = (unsigned int)(sgi1r >> 24) & 0xf;
	if (sgi1r & (1UL << 40)) { /* IRM: every PE but the sender */
		for (unsigned int v = 0; v < nr_vcpus; v++)
			if (v != self)
				mask |= 1U << v;
		return mask;
	}
	/* Our vCPUs all sit in cluster 0 (Aff1..3 = 0), RS = 0. */
	if (upper_aff || (sgi1r >> 44) & 0xf)
		return 0;
	for (unsigned int v = 0; v < nr_vcpus && v < 16; v++)
		if (list & (1U << v))
			mask |= 1U << v;
	return mask;
}

void vgic_lr_forget(struct vgic *g, unsigned int vcpu, uint64_t lr)
{
	struct vgic_irq *irq;

	if (!lr) /* unused: vgic_hw.c clears the list registers it retires */
		return;
	irq = vgic_irq(g, vcpu, vgic_lr_intid(lr));
	if (!irq)
		return;
	irq->in_lr = 0;
	if (lr & ICH_LR_HW)
		irq->hw_active = 0;
	else if (vgic_lr_state(lr) & ICH_LR_PENDING)
		vgic_set_pending(g, irq, 1);
}

uint64_t vgic_lr_merge(struct vgic *g, unsigned int vcpu, uint64_t lr)
{
	unsigned int intid = vgic_lr_intid(lr);
	struct vgic_irq *irq = vgic_irq(g, vcpu, intid);
	unsigned int state = vgic_lr_state(lr);

	/* A hardware-linked entry's pending state comes from its physical source alone. */
	if (!irq || !state || (lr & ICH_LR_HW) || !wanted(g, intid, irq))
		return lr;
	vgic_set_pending(g, irq, 0);
	/*
	 * Pending already: the new assertion is the same pending state (IHI 0069 4.1.2, an
	 * interrupt is pending or not; edges do not queue). Active only: pending and active, so
	 * the guest takes it again as soon as it deactivates this one (IHI 0069 12.5.11, State).
	 */
	if (state & ICH_LR_PENDING)
		return lr;
	return lr | ICH_LR_PENDING << ICH_LR_STATE_SHIFT;
}

uint64_t vgic_lr_make(unsigned int intid, uint8_t priority, int hw, int eoi)
{
	uint64_t lr = ICH_LR_PENDING << ICH_LR_STATE_SHIFT | ICH_LR_GROUP1 |
		      (uint64_t)priority << ICH_LR_PRIORITY_SHIFT | intid;

	if (hw)
		lr |= ICH_LR_HW | (uint64_t)intid << ICH_LR_PINTID_SHIFT;
	else if (eoi)
		lr |= ICH_LR_EOI;
	return lr;
}
