// SPDX-License-Identifier: BSD-2-Clause
/*
 * What a guest exit means (ESR_EL2, Arm ARM D13.2.37): emulated device accesses, PSCI and
 * SMCCC calls, SGIs, interrupts for the hypervisor, and faults, which go back to the guest as
 * aborts after the hypervisor has logged the VM and the address.
 */
#include <log.h> /* snprintf */

#include "el2_regs.h"
#include "hyp.h"

/* The exception offsets in VBAR_EL1 (Arm ARM D1.10.2). */
#define VECTOR_CURRENT_SPX 0x200
#define VECTOR_CURRENT_SP0 0x000
#define VECTOR_LOWER_A64   0x400
#define DFSC_SYNC_EXTERNAL 0x10
#define ESR_IL		   (1UL << 25) /* a 32-bit instruction */

/*
 * Take a synchronous exception into the guest's EL1 with syndrome esr, as the hardware would
 * have (Arm ARM D1.10 "Exception entry"): from EL0 to the lower-EL vector, from EL1 to the
 * current-EL one. The return address is the instruction that caused it.
 */
static void inject_sync(struct vcpu *v, uint64_t esr)
{
	struct guest_regs *r = &v->regs;
	unsigned int mode = (unsigned int)(r->spsr & 0xf);
	uint64_t vector = read_sysreg(vbar_el1);

	if (mode == 0) /* EL0t */
		vector += VECTOR_LOWER_A64;
	else
		vector += mode == 5 ? VECTOR_CURRENT_SPX : VECTOR_CURRENT_SP0;
	write_sysreg(esr_el1, esr);
	write_sysreg(elr_el1, r->elr);
	write_sysreg(spsr_el1, r->spsr);
	r->elr = vector;
	r->spsr = SPSR_EL1H_MASKED;
}

/*
 * A synchronous external abort: the guest's kernel then oopses or sends SIGBUS to the process
 * that touched the address.
 */
void inject_abort(struct vcpu *v, int data, uint64_t far)
{
	int from_el0 = (v->regs.spsr & 0xf) == 0;
	unsigned int ec = data ? (from_el0 ? 0x24 : 0x25) : (from_el0 ? 0x20 : 0x21);

	write_sysreg(far_el1, far);
	inject_sync(v, (uint64_t)ec << ESR_EC_SHIFT | ESR_IL | DFSC_SYNC_EXTERNAL);
}

/* An undefined instruction (EC 0, "Unknown reason", D17.2.37): Linux sends SIGILL or oopses. */
static void inject_undef(struct vcpu *v)
{
	inject_sync(v, (uint64_t)EC_UNKNOWN << ESR_EC_SHIFT | ESR_IL);
}

static int in_gicr(const struct vm *vm, uint64_t ipa)
{
	return ipa >= VGIC_GICR_BASE && ipa < VGIC_GICR_BASE + VGIC_GICR_STRIDE * vm->cfg->vcpus;
}

/* For a fault's log line: another VM's device or memory at ipa, if it is one. */
static const char *whose(const struct vm *self, uint64_t ipa, char *buf, size_t size)
{
	for (unsigned int i = 0; i < hyp_vm_count; i++) {
		const struct vm_config *c = hyp_vms[i].cfg;
		const struct vm_device *d = vm_device_at(c, ipa);

		if (&hyp_vms[i] == self)
			continue;
		if (d) {
			snprintf(buf, size, ", in %s's device %s", c->name, d->name);
			return buf;
		}
		if (ipa >= c->mem_base && ipa - c->mem_base < c->mem_size) {
			snprintf(buf, size, ", in %s's memory", c->name);
			return buf;
		}
	}
	return "";
}

/* A stage 2 data abort: emulate the device there, or reflect the fault to the guest. */
static void data_abort(struct vcpu *v, uint64_t esr)
{
	struct vm *vm = v->vm;
	uint64_t far = read_sysreg(far_el2);
	uint64_t ipa = (read_sysreg(hpfar_el2) >> 4) << 12 | (far & 0xfff);
	int write = (esr >> 6) & 1;
	unsigned int size = 1U << ((esr >> 22) & 3);
	unsigned int rt = (esr >> 16) & 0x1f;
	int sign_extend = (esr >> 21) & 1, sixty_four = (esr >> 15) & 1;
	uint64_t val = 0;
	uint32_t kick = 0;
	int err = -1;
	char where[64];

	if (!(esr & (1UL << 24))) { /* ISV = 0: no syndrome to emulate with */
		hyp_log("%s: vcpu%u: access to %#lx that cannot be emulated%s (pc %#lx): abort "
			"injected",
			vm->cfg->name, v->index, ipa, whose(vm, ipa, where, sizeof(where)),
			v->regs.elr);
		inject_abort(v, 1, far);
		return;
	}
	if (write)
		val = rt == 31 ? 0 : v->regs.x[rt];
	if (size < 8 && write)
		val &= (1UL << (8 * size)) - 1;

	/* Outside the VM's lock: a call from the control VM takes other VMs' locks. */
	if (ipa - VMCTL_BASE < VMCTL_SIZE)
		err = vmctl_mmio(v, ipa - VMCTL_BASE, size, write, &val);
	spin_lock(&vm->lock);
	if (ipa >= VGIC_GICD_BASE && ipa < VGIC_GICD_BASE + VGIC_GICD_SIZE) {
		err = vgic_dist_access(&vm->vgic, ipa - VGIC_GICD_BASE, size, write, &val, &kick);
		/* Its devices' physical SPIs follow the guest's enables and routes. */
		if (!err && write)
			passthrough_sync(vm);
	} else if (in_gicr(vm, ipa))
		err = vgic_redist_access(
		    &vm->vgic, (unsigned int)((ipa - VGIC_GICR_BASE) / VGIC_GICR_STRIDE),
		    (ipa - VGIC_GICR_BASE) % VGIC_GICR_STRIDE, size, write, &val, &kick);
	else if (ipa >= VUART_BASE && ipa < VUART_BASE + VUART_SIZE)
		err = vuart_access(vm, ipa - VUART_BASE, size, write, &val);
	spin_unlock(&vm->lock);

	if (err) {
		hyp_log("%s: vcpu%u: %s of %u bytes at %#lx outside its assignment%s (pc %#lx): "
			"abort injected",
			vm->cfg->name, v->index, write ? "write" : "read", size, ipa,
			whose(vm, ipa, where, sizeof(where)), v->regs.elr);
		inject_abort(v, 1, far);
		return;
	}
	vgic_kick_mask(vm, kick);
	if (!write && rt != 31) {
		if (sign_extend && size < 8) {
			unsigned int shift = 64 - 8 * size;

			val = (uint64_t)((int64_t)(val << shift) >> shift);
		}
		if (!sixty_four)
			val &= 0xffffffffUL;
		v->regs.x[rt] = val;
	}
	v->regs.elr += 4;
}

static void send_sgi(struct vcpu *v, uint64_t sgi1r)
{
	struct vm *vm = v->vm;
	unsigned int intid;
	uint32_t mask, kick = 0;

	mask = vgic_sgi_targets(sgi1r, v->index, vm->cfg->vcpus, &intid);
	spin_lock(&vm->lock);
	for (unsigned int t = 0; t < vm->cfg->vcpus; t++)
		if (mask & (1U << t))
			kick |= vgic_raise(&vm->vgic, t, intid);
	spin_unlock(&vm->lock);
	vgic_kick_mask(vm, kick);
}

/* The first access of each kind a VM makes is logged; the rest would flood the console. */
static void log_sysreg_once(struct vcpu *v, const struct sysreg_access *a, enum sysreg_class cls,
			    enum sysreg_result res)
{
	struct vm *vm = v->vm;

	if (cls == SYSREG_CLASS_SGI ||
	    (__atomic_fetch_or(&vm->sysreg_logged, 1U << cls, __ATOMIC_RELAXED) & 1U << cls))
		return;
	hyp_log("%s: vcpu%u: %s S%u_%u_C%u_C%u_%u (%s register, pc %#lx): %s; further %s "
		"accesses not logged",
		vm->cfg->name, v->index, a->read ? "MRS" : "MSR", a->op0, a->op1, a->crn, a->crm,
		a->op2, sysreg_class_name(cls), v->regs.elr,
		res == SYSREG_UNDEF	  ? "undefined instruction injected"
		: cls == SYSREG_CLASS_PMU ? "no PMU for guests: reads zero, writes ignored"
					  : "emulated without hardware breakpoints or watchpoints",
		sysreg_class_name(cls));
}

/* MSR/MRS traps (sysreg_emul.h has the policy). */
static void sysreg_trap(struct vcpu *v, uint64_t esr)
{
	struct sysreg_access a;
	enum sysreg_class cls;
	enum sysreg_result res;
	uint64_t val;

	sysreg_decode(esr, &a);
	val = a.read || a.rt == 31 ? 0 : v->regs.x[a.rt];
	res = sysreg_emulate(&a, &v->sysregs, &val, &cls);
	log_sysreg_once(v, &a, cls, res);
	switch (res) {
	case SYSREG_UNDEF:
		inject_undef(v);
		return;
	case SYSREG_SGI:
		send_sgi(v, val);
		break;
	case SYSREG_MDSCR:
		write_sysreg(mdscr_el1, v->sysregs.mdscr);
		break;
	case SYSREG_DONE:
		break;
	}
	if (a.read && a.rt != 31)
		v->regs.x[a.rt] = val;
	v->regs.elr += 4;
}

static void stop_guest(struct vcpu *v, const char *why, uint64_t esr)
{
	hyp_log("%s: vcpu%u: %s (ESR %#lx, pc %#lx): VM stopped", v->vm->cfg->name, v->index, why,
		esr, v->regs.elr);
	vm_request_stop(v->vm, 0);
}

void hyp_trap(struct guest_regs *regs, uint64_t kind)
{
	struct vcpu *v = (struct vcpu *)regs;
	uint64_t esr = read_sysreg(esr_el2);

	if (kind == TRAP_SYNC) {
		switch (esr >> ESR_EC_SHIFT) {
		case EC_HVC64:
			vpsci_call(v);
			break;
		case EC_WFX: /* trapped only when CPUs are shared (sched.c) */
			sched_wfx(v, (int)(esr & 1));
			break;
		case EC_SMC64:
			v->regs.elr += 4; /* a trapped SMC returns to itself (Arm ARM D1.19.2) */
			vpsci_call(v);
			break;
		case EC_SYSREG:
			sysreg_trap(v, esr);
			break;
		case EC_DABT_LOW:
			data_abort(v, esr);
			break;
		case EC_IABT_LOW: {
			uint64_t far = read_sysreg(far_el2);

			hyp_log("%s: vcpu%u: instruction fetch from %#lx outside its memory: abort "
				"injected",
				v->vm->cfg->name, v->index, far);
			inject_abort(v, 0, far);
			break;
		}
		default:
			stop_guest(v, "unexpected exception", esr);
		}
	} else if (kind == TRAP_SERROR) {
		stop_guest(v, "SError", esr);
	}
	gic_handle_irqs(v);
	if (v->power != VCPU_ON || v->vm->state != VM_RUNNING)
		pcpu_switch_out(v, SWITCH_OFF);
	if (sched_exit(v))
		pcpu_switch_out(v, SWITCH_PREEMPT);
	vgic_flush(v);
	vmctl_guest_enter(v);
	if (!v->exclusive)
		sched_arm_timer();
}

void hyp_unexpected_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far)
{
	hyp_panic("unexpected exception in the hypervisor (vector %lu): ESR %#lx ELR %#lx FAR %#lx",
		  kind, esr, elr, far);
}
