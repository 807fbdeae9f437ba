// SPDX-License-Identifier: BSD-2-Clause
/*
 * The physical GIC at EL2 and the list registers (IHI 0069 chapter 6, "Virtual interrupt
 * handling"). QEMU offers four list registers: interrupts beyond that wait in the vGIC state and
 * come back through the maintenance interrupt (underflow or no-pending), so a burst of SGIs,
 * timer ticks and UART interrupts all get delivered.
 */
#include <arch/mmio.h>
#include <plat/topology.h>

#include "el2_regs.h"
#include "hyp.h"

#define GICR_FRAME_STRIDE 0x20000UL
#define GICR_TYPER	  0x0008
#define GICR_SGI	  0x10000UL
#define GICR_ISENABLER0	  (GICR_SGI + 0x0100)
#define GICR_ISACTIVER0	  (GICR_SGI + 0x0300)
#define GICR_ICACTIVER0	  (GICR_SGI + 0x0380)
#define GICR_IPRIORITYR	  (GICR_SGI + 0x0400)
#define GICD_ISENABLER	  0x0100
#define GICD_ICACTIVER	  0x0380
#define GICD_IPRIORITYR	  0x0400
#define GICD_IROUTER	  0x6000
#define HYP_IRQ_PRIORITY  0x80

unsigned int hyp_list_regs;

static uint64_t read_lr(unsigned int n)
{
	switch (n) {
	case 0:
		return read_sysreg(S3_4_C12_C12_0);
	case 1:
		return read_sysreg(S3_4_C12_C12_1);
	case 2:
		return read_sysreg(S3_4_C12_C12_2);
	case 3:
		return read_sysreg(S3_4_C12_C12_3);
	case 4:
		return read_sysreg(S3_4_C12_C12_4);
	case 5:
		return read_sysreg(S3_4_C12_C12_5);
	case 6:
		return read_sysreg(S3_4_C12_C12_6);
	case 7:
		return read_sysreg(S3_4_C12_C12_7);
	case 8:
		return read_sysreg(S3_4_C12_C13_0);
	case 9:
		return read_sysreg(S3_4_C12_C13_1);
	case 10:
		return read_sysreg(S3_4_C12_C13_2);
	case 11:
		return read_sysreg(S3_4_C12_C13_3);
	case 12:
		return read_sysreg(S3_4_C12_C13_4);
	case 13:
		return read_sysreg(S3_4_C12_C13_5);
	case 14:
		return read_sysreg(S3_4_C12_C13_6);
	default:
		return read_sysreg(S3_4_C12_C13_7);
	}
}

static void write_lr(unsigned int n, uint64_t v)
{
	switch (n) {
	case 0:
		write_sysreg(S3_4_C12_C12_0, v);
		break;
	case 1:
		write_sysreg(S3_4_C12_C12_1, v);
		break;
	case 2:
		write_sysreg(S3_4_C12_C12_2, v);
		break;
	case 3:
		write_sysreg(S3_4_C12_C12_3, v);
		break;
	case 4:
		write_sysreg(S3_4_C12_C12_4, v);
		break;
	case 5:
		write_sysreg(S3_4_C12_C12_5, v);
		break;
	case 6:
		write_sysreg(S3_4_C12_C12_6, v);
		break;
	case 7:
		write_sysreg(S3_4_C12_C12_7, v);
		break;
	case 8:
		write_sysreg(S3_4_C12_C13_0, v);
		break;
	case 9:
		write_sysreg(S3_4_C12_C13_1, v);
		break;
	case 10:
		write_sysreg(S3_4_C12_C13_2, v);
		break;
	case 11:
		write_sysreg(S3_4_C12_C13_3, v);
		break;
	case 12:
		write_sysreg(S3_4_C12_C13_4, v);
		break;
	case 13:
		write_sysreg(S3_4_C12_C13_5, v);
		break;
	case 14:
		write_sysreg(S3_4_C12_C13_6, v);
		break;
	default:
		write_sysreg(S3_4_C12_C13_7, v);
		break;
	}
}

/*
 * ICH_HCR_EL2 through a copy of what this CPU last wrote: under QEMU TCG every GIC system register
 * access takes the emulator's global lock (its ARM_CP_IO registers), so on the path of every
 * guest exit one that would write the value already there is left out.
 */
static void set_ich_hcr(uint64_t hcr)
{
	struct pcpu *p = &hyp_cpus[this_cpu_index()];

	if (p->ich_hcr_valid && p->ich_hcr == hcr)
		return;
	write_sysreg(ICH_HCR_EL2, hcr);
	p->ich_hcr = hcr;
	p->ich_hcr_valid = 1;
	isb();
}

/* This CPU's redistributor: the frame whose GICR_TYPER affinity matches our MPIDR. */
static uintptr_t my_redist(void)
{
	uint64_t aff = mpidr_affinity(read_sysreg(mpidr_el1));
	uint64_t want = (aff & 0xffffff) | ((aff >> 32) & 0xff) << 24;

	for (uintptr_t f = PLAT_GICR_BASE; f < PLAT_GICR_BASE + PLAT_GICR_SIZE;
	     f += GICR_FRAME_STRIDE) {
		uint64_t typer = mmio_read64(f + GICR_TYPER);

		if ((typer >> 32) == want)
			return f;
		if (typer & (1UL << 4))
			break;
	}
	hyp_panic("no redistributor for CPU %u", this_cpu_index());
}

static void set_priority(uintptr_t base, unsigned int intid)
{
	*(volatile uint8_t *)(base + intid) = HYP_IRQ_PRIORITY;
}

void gic_cpu_init_el2(void)
{
	uintptr_t rd = my_redist();

	hyp_cpus[this_cpu_index()].redist = rd;
	/* System register interface at EL2 and for EL1 (Linux needs SRE, see the notes). */
	write_sysreg(ICC_SRE_EL2, 0xf);
	isb();
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_BPR1_EL1, 0);
	/* EOImode 1: our EOI only drops priority, so a guest can deactivate HW interrupts. */
	write_sysreg(ICC_CTLR_EL1, 1UL << 1);
	write_sysreg(ICC_IGRPEN1_EL1, 1);
	set_priority(rd + GICR_IPRIORITYR, HYP_KICK_SGI);
	set_priority(rd + GICR_IPRIORITYR, GIC_MAINT_PPI);
	set_priority(rd + GICR_IPRIORITYR, GIC_VTIMER_PPI);
	set_priority(rd + GICR_IPRIORITYR, GIC_HYPTIMER_PPI);
	write_sysreg(CNTHP_CTL_EL2, 0);
	mmio_write32(rd + GICR_ISENABLER0, 1U << HYP_KICK_SGI | 1U << GIC_MAINT_PPI |
					       1U << GIC_VTIMER_PPI | 1U << GIC_HYPTIMER_PPI);
	hyp_list_regs = (unsigned int)(read_sysreg(ICH_VTR_EL2) & 0x1f) + 1;
	if (hyp_list_regs > 16)
		hyp_list_regs = 16;
	vgic_cpu_reset();
}

void gic_uart_irq_init(void)
{
	/* Level-sensitive is the reset configuration; route to CPU 0, which reads the UART. */
	mmio_write64(PLAT_GICD_BASE + GICD_IROUTER + 8 * GIC_UART_SPI,
		     mpidr_affinity(read_sysreg(mpidr_el1)) & 0xff00ffffffUL);
	set_priority(PLAT_GICD_BASE + GICD_IPRIORITYR, GIC_UART_SPI);
	mmio_write32(PLAT_GICD_BASE + GICD_ISENABLER + 4 * (GIC_UART_SPI / 32),
		     1U << (GIC_UART_SPI % 32));
}

/*
 * Nothing of the vCPU loaded here (if any) stays on this CPU. Its list registers' interrupts are
 * handed back to the vGIC state (vgic_lr_forget): left marked as held by a list register, they
 * would never be shown to that vCPU again, and a guest CPU brought back online by CPU_ON would
 * wait forever for an IPI it was sent while going offline.
 */
void vgic_cpu_reset(void)
{
	struct vcpu *v = hyp_cpus[this_cpu_index()].loaded;

	if (v)
		spin_lock(&v->vm->lock);
	for (unsigned int i = 0; i < hyp_list_regs; i++) {
		/* Entries vgic_flush retired without clearing are not the vCPU's any more. */
		if (v && v->lr_intid[i] >= 0) {
			vgic_lr_forget(&v->vm->vgic, v->index, read_lr(i));
			v->lr_intid[i] = -1;
		}
		write_lr(i, 0);
	}
	if (v)
		spin_unlock(&v->vm->lock);
	write_sysreg(ICH_AP0R0_EL2, 0);
	write_sysreg(ICH_AP1R0_EL2, 0);
	write_sysreg(ICH_VMCR_EL2, 0);
	hyp_cpus[this_cpu_index()].ich_hcr_valid = 0;
	set_ich_hcr(ICH_HCR_EN);
	/* A timer interrupt a stopped guest never deactivated must not stay active. */
	mmio_write32(hyp_cpus[this_cpu_index()].redist + GICR_ICACTIVER0, 1U << GIC_VTIMER_PPI);
	write_sysreg(cntv_ctl_el0, 0);
	isb();
}

/* Does a list register of the vCPU v, loaded here, hold a pending interrupt? */
int vgic_lr_pending(const struct vcpu *v)
{
	for (unsigned int i = 0; i < hyp_list_regs; i++)
		if (v->lr_intid[i] >= 0 && (vgic_lr_state(read_lr(i)) & ICH_LR_PENDING))
			return 1;
	return 0;
}

/* Active priority registers implemented: 32 priority levels a register (IHI 0069 12.5.1). */
static unsigned int nr_aprs(void)
{
	unsigned int prebits = (unsigned int)(read_sysreg(ICH_VTR_EL2) >> 26 & 7) + 1;

	return prebits > 5 ? 1U << (prebits - 5) : 1;
}

static uint64_t read_apr(int group1, unsigned int n)
{
	switch (n) {
	case 0:
		return group1 ? read_sysreg(S3_4_C12_C9_0) : read_sysreg(S3_4_C12_C8_0);
	case 1:
		return group1 ? read_sysreg(S3_4_C12_C9_1) : read_sysreg(S3_4_C12_C8_1);
	case 2:
		return group1 ? read_sysreg(S3_4_C12_C9_2) : read_sysreg(S3_4_C12_C8_2);
	default:
		return group1 ? read_sysreg(S3_4_C12_C9_3) : read_sysreg(S3_4_C12_C8_3);
	}
}

static void write_apr(int group1, unsigned int n, uint64_t v)
{
	switch (n) {
	case 0:
		if (group1)
			write_sysreg(S3_4_C12_C9_0, v);
		else
			write_sysreg(S3_4_C12_C8_0, v);
		break;
	case 1:
		if (group1)
			write_sysreg(S3_4_C12_C9_1, v);
		else
			write_sysreg(S3_4_C12_C8_1, v);
		break;
	case 2:
		if (group1)
			write_sysreg(S3_4_C12_C9_2, v);
		else
			write_sysreg(S3_4_C12_C8_2, v);
		break;
	default:
		if (group1)
			write_sysreg(S3_4_C12_C9_3, v);
		else
			write_sysreg(S3_4_C12_C8_3, v);
		break;
	}
}

/*
 * The virtual CPU interface of the vCPU leaving this CPU (IHI 0069 12.5: ICH_LR<n>_EL2,
 * ICH_AP0R<n>/AP1R<n>_EL2, ICH_VMCR_EL2, ICH_HCR_EL2), and the virtual timer's physical
 * PPI: a hardware-linked list register entry for it (vgic.h hw_active) expects the PPI active
 * in the redistributor of the CPU the guest deactivates it on (IHI 0069 4.4.3, 12.5.11 HW).
 * The PPI's active state moves with the vCPU (cleared here, set again where it resumes), or
 * the next vCPU here would never see its own timer. The caller has stopped the timer.
 */
void vgic_cpu_save(struct vcpu_ctx *c)
{
	uintptr_t rd = hyp_cpus[this_cpu_index()].redist;
	unsigned int n = nr_aprs();

	for (unsigned int i = 0; i < hyp_list_regs; i++) {
		c->lr[i] = read_lr(i);
		write_lr(i, 0);
	}
	for (unsigned int i = 0; i < n; i++) {
		c->ap0r[i] = read_apr(0, i);
		c->ap1r[i] = read_apr(1, i);
		write_apr(0, i, 0);
		write_apr(1, i, 0);
	}
	c->vmcr = read_sysreg(ICH_VMCR_EL2);
	c->ich_hcr = read_sysreg(ICH_HCR_EL2);
	/* Nothing loaded: no maintenance interrupt for a vCPU that is not here. */
	set_ich_hcr(0);
	c->vtimer_active = (mmio_read32(rd + GICR_ISACTIVER0) >> GIC_VTIMER_PPI) & 1;
	mmio_write32(rd + GICR_ICACTIVER0, 1U << GIC_VTIMER_PPI);
	isb();
}

void vgic_cpu_restore(const struct vcpu_ctx *c)
{
	uintptr_t rd = hyp_cpus[this_cpu_index()].redist;
	unsigned int n = nr_aprs();

	if (c->vtimer_active)
		mmio_write32(rd + GICR_ISACTIVER0, 1U << GIC_VTIMER_PPI);
	for (unsigned int i = 0; i < n; i++) {
		write_apr(0, i, c->ap0r[i]);
		write_apr(1, i, c->ap1r[i]);
	}
	for (unsigned int i = 0; i < hyp_list_regs; i++)
		write_lr(i, c->lr[i]);
	write_sysreg(ICH_VMCR_EL2, c->vmcr);
	set_ich_hcr(c->ich_hcr);
	isb();
}

void vgic_send_kick(unsigned int cpu)
{
	uint64_t mpidr = plat_cpu_mpidr(cpu);

	/* ICC_SGI1R_EL1: Aff1 [23:16], INTID [27:24], target list bit Aff0. */
	write_sysreg(ICC_SGI1R_EL1, ((mpidr >> 8) & 0xff) << 16 | (uint64_t)HYP_KICK_SGI << 24 |
					1UL << (mpidr & 0xf));
	isb();
}

/* The vCPUs in mask may have an interrupt to take: wake them, or make their CPUs look. */
void vgic_kick_mask(struct vm *vm, uint32_t mask)
{
	for (unsigned int i = 0; i < vm->cfg->vcpus; i++)
		if (mask & (1U << i))
			sched_kick(&vm->vcpu[i]);
}

/*
 * Physical interrupts held active for guest interrupts whose pending state the guest cleared
 * (vgic.h, hw_drop): deactivate them, this vCPU's PPIs in this CPU's redistributor and any SPI
 * in the distributor. A source still asserted is then taken again. Needs vm->lock.
 */
static void drop_held(struct vcpu *v)
{
	struct vgic *g = &v->vm->vgic;

	for (unsigned int intid = 16; intid < 32; intid++)
		if (g->priv[v->index][intid].hw_drop) {
			g->priv[v->index][intid].hw_drop = 0;
			g->hw_drops--;
			mmio_write32(hyp_cpus[v->cpu].redist + GICR_ICACTIVER0, 1U << intid);
		}
	for (unsigned int i = 0; i < VGIC_NR_SPIS; i++)
		if (g->spi[i].hw_drop) {
			g->spi[i].hw_drop = 0;
			g->hw_drops--;
			mmio_write32(PLAT_GICD_BASE + GICD_ICACTIVER + 4 * ((32 + i) / 32),
				     1U << ((32 + i) % 32));
		}
}

/*
 * The guest finished list register i's interrupt (ICH_ELRSR_EL2 says it is empty): the vGIC
 * state no longer counts it as held. The entry itself is left as it is (state 0, no EOI
 * maintenance: nothing the guest or the GIC acts on) until a new interrupt overwrites it.
 */
static void retire_lr(struct vcpu *v, unsigned int i)
{
	struct vgic_irq *irq = vgic_irq(&v->vm->vgic, v->index, (unsigned int)v->lr_intid[i]);

	if (irq)
		irq->in_lr = 0;
	v->lr_intid[i] = -1;
}

/*
 * Bring the list registers up to date for the vCPU on this CPU: note which entries the guest
 * has finished, fill free ones with the best pending interrupts, and ask for a maintenance
 * interrupt when more wait than fit. Called with interrupts masked, before every guest entry.
 *
 * This runs on every exit, and under QEMU TCG each GIC system register access takes the
 * emulator's global lock, which the other vCPUs' threads contend for (docs/hypervisor.md,
 * "Wake-ups: the host's scheduler and QEMU's lock"). So the list registers are read only where
 * their content matters: ICH_ELRSR_EL2 (IHI 0069 12.5.6) names the finished entries in one read,
 * entries the vGIC knows to be free (lr_intid -1) are not read at all, and the entries still in use
 * are read only when an interrupt is pending in the vGIC state, to fold it in or to choose NPIE or
 * UIE.
 */
void vgic_flush(struct vcpu *v)
{
	struct vm *vm = v->vm;
	uint64_t hcr = ICH_HCR_EN, empty = 0;
	int any_pending_lr = 0, free_lr = 0, in_use = 0;

	spin_lock(&vm->lock);
	if (vm->vgic.hw_drops)
		drop_held(v);
	/* A level-sensitive source still high after the guest's EOI is pending again. */
	if (vm->uart.imsc) {
		uint64_t mis;

		vuart_access(vm, 0x40, 4, 0, &mis);
		if (mis)
			vgic_raise(&vm->vgic, v->index, VUART_INTID);
	}
	for (unsigned int i = 0; i < hyp_list_regs; i++)
		in_use |= v->lr_intid[i] >= 0;
	if (in_use)
		empty = read_sysreg(ICH_ELRSR_EL2);
	for (unsigned int i = 0; i < hyp_list_regs; i++) {
		uint64_t lr;

		if (v->lr_intid[i] < 0)
			continue;
		if (empty & (1UL << i)) {
			retire_lr(v, i);
			continue;
		}
		/*
		 * With nothing pending in the vGIC state there is nothing to fold in and nothing
		 * waits for a free entry: only an entry asking for EOI maintenance needs a look.
		 */
		if (!vm->vgic.pending_count && !(v->lr_eoi & (1U << i)))
			continue;
		lr = read_lr(i);
		if (vgic_lr_state(lr) != 0) {
			uint64_t merged = vgic_lr_merge(&vm->vgic, v->index, lr);

			if (merged != lr)
				write_lr(i, merged);
			any_pending_lr |= vgic_lr_state(merged) & ICH_LR_PENDING;
			continue;
		}
		/*
		 * Finished, but asked for EOI maintenance: clear it, or its ICH_EISR_EL2 bit, and
		 * so the level-sensitive maintenance interrupt, stays until it is rewritten.
		 */
		retire_lr(v, i);
		write_lr(i, 0);
	}
	for (unsigned int i = 0; i < hyp_list_regs; i++) {
		int intid, eoi;
		struct vgic_irq *irq;

		if (v->lr_intid[i] >= 0)
			continue;
		intid = vgic_best_pending(&vm->vgic, v->index);
		if (intid < 0) {
			free_lr = 1;
			break;
		}
		irq = vgic_irq(&vm->vgic, v->index, (unsigned int)intid);
		/* A held physical interrupt goes hardware-linked, without EOI maintenance. */
		eoi = !irq->hw_active && !irq->edge;
		write_lr(i, vgic_lr_make((unsigned int)intid, irq->priority, irq->hw_active, eoi));
		if (eoi)
			v->lr_eoi |= (uint16_t)(1U << i);
		else
			v->lr_eoi &= (uint16_t) ~(1U << i);
		irq->hw_active = 0;
		vgic_set_pending(&vm->vgic, irq, 0);
		irq->in_lr = 1;
		v->lr_intid[i] = intid;
		any_pending_lr = 1;
	}
	if (!free_lr && vgic_best_pending(&vm->vgic, v->index) >= 0)
		/*
		 * More wait than fit. With a pending entry in the list, ask to hear when none is
		 * pending any more; if every entry is active (nested handlers), only when they
		 * drain, or the no-pending condition would fire at once, again and again.
		 */
		hcr |= any_pending_lr ? ICH_HCR_NPIE : ICH_HCR_UIE;
	spin_unlock(&vm->lock);
	set_ich_hcr(hcr);
}

/* Take every physical interrupt pending at this CPU. */
void gic_handle_irqs(struct vcpu *v)
{
	/*
	 * ISR_EL1.I says whether an IRQ is pending at all (D19.2.71; at EL2 the physical one).
	 * Most exits have none: that read costs nothing under TCG, where ICC_IAR1_EL1 takes the
	 * emulator's global lock (vgic_flush).
	 */
	while (read_sysreg(isr_el1) & ISR_EL1_I) {
		uint64_t intid = read_sysreg(ICC_IAR1_EL1) & 0xffffff;

		if (intid >= 1020)
			break;
		write_sysreg(ICC_EOIR1_EL1, intid);
		if (intid == GIC_VTIMER_PPI && v && v->power == VCPU_ON) {
			uint32_t kick;

			/* The guest's deactivation of virtual 27 deactivates the physical one. */
			spin_lock(&v->vm->lock);
			kick = vgic_raise_hw(&v->vm->vgic, v->index, GIC_VTIMER_PPI);
			spin_unlock(&v->vm->lock);
			/* A vCPU waiting in WFI with its state still here wakes up. */
			vgic_kick_mask(v->vm, kick);
			continue;
		}
		if (intid == GIC_HYPTIMER_PPI) {
			sched_timer_irq();
			write_sysreg(ICC_DIR_EL1, intid);
			continue;
		}
		/* A device a VM owns: its guest deactivates it (passthrough.c). */
		if (passthrough_irq((unsigned int)intid))
			continue;
		if (intid == GIC_MAINT_PPI) {
			/*
			 * Level-sensitive: it stays asserted until the list registers change, so
			 * retire and refill them now, or this loop would take it again forever.
			 */
			if (v && v->power == VCPU_ON)
				vgic_flush(v);
			else
				set_ich_hcr(0); /* no guest: nothing to maintain */
		} else if (intid == GIC_VTIMER_PPI) {
			write_sysreg(cntv_ctl_el0, 0); /* no guest here: silence its timer */
		} else if (intid == GIC_UART_SPI) {
			console_rx_irq();
		}
		/* Kick SGI: the work is in the vGIC state; vgic_flush delivers it. */
		write_sysreg(ICC_DIR_EL1, intid);
	}
	isb();
}
