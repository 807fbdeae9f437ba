// SPDX-License-Identifier: BSD-2-Clause
/*
 * The vCPU scheduler (docs/hypervisor.md "Scheduling"): which vCPU each physical CPU runs.
 *
 * Every CPU has a run queue (sched_policy.h has the policy). A vCPU is OUT (off), READY
 * (queued), RUNNING or BLOCKED (in WFI with nothing to take). When CPUs are shared, WFI and WFE
 * trap (HCR_EL2.TWI/TWE, Arm ARM D1.11.2): an idle vCPU blocks and its CPU runs another, and a
 * WFE (a spinning lock) yields. Time slices come from the EL2 physical timer (CNTHP_*_EL2, Arm
 * ARM D11.2.4), which also wakes blocked vCPUs whose virtual timer is due once their state has
 * left the CPU; while it is still loaded, the virtual timer's own PPI wakes them.
 *
 * A vCPU's state stays in its CPU's registers until that CPU runs another vCPU (vcpu_switch.c
 * saves it then): a vCPU that blocks and wakes on an otherwise idle CPU costs no switch. Such a
 * "sticky" vCPU runs on that CPU only. A vCPU that has a CPU of its own (vm_config.h
 * "exclusive") never traps WFI and is never switched: the fast path of pinned vCPUs.
 *
 * One lock covers the queues and every vCPU's scheduling state; it is taken after a VM's lock,
 * never before. Lost wake-ups: whoever makes an interrupt pending for a vCPU does so under the
 * VM's lock and then kicks (sched_kick) under this one; a blocking vCPU marks itself BLOCKED
 * under this lock and only then looks for pending work, so one of the two sees the other.
 */
#include <arch/sysreg.h>
#include <log.h>

#include "el2_regs.h"
#include "hyp.h"

#define CNTV_ENABLE  1UL
#define CNTV_IMASK   2UL
#define CNTV_ISTATUS 4UL

static struct spinlock sched_lock;
static struct sched_rq rqs[PLAT_MAX_CPUS];
static unsigned int nr_cpus;
static uint32_t online;
static uint64_t slice, gran;

uint64_t sched_now(void)
{
	isb();
	return read_sysreg(cntpct_el0);
}

void sched_init(unsigned int cpus)
{
	uint64_t freq = read_sysreg(cntfrq_el0);

	nr_cpus = cpus;
	slice = freq / 200; /* 5 ms */
	gran = freq / 2000; /* 0.5 ms */
}

void sched_vm_init(struct vm *vm)
{
	const struct vm_config *c = vm->cfg;

	for (unsigned int i = 0; i < c->vcpus; i++) {
		struct vcpu *v = &vm->vcpu[i];

		v->se.weight = c->weight;
		v->se.allowed = c->allowed[i];
		v->se.cpu = c->home[i];
		v->cpu = c->home[i];
		v->exclusive = (c->exclusive >> i) & 1;
		v->loaded_cpu = -1;
		v->sched = VCPU_OUT;
	}
}

static struct vcpu *of(struct sched_ent *e)
{
	return (struct vcpu *)((char *)e - __builtin_offsetof(struct vcpu, se));
}

static uint32_t idle_cpus(void)
{
	uint32_t idle = 0;

	for (unsigned int c = 0; c < nr_cpus; c++)
		if (!hyp_cpus[c].vcpu && !rqs[c].nr)
			idle |= 1U << c;
	return idle;
}

/* Queue v (under the lock); the CPU that should look at it. */
static unsigned int enqueue_locked(struct vcpu *v)
{
	unsigned int c = sched_place(rqs, nr_cpus, &v->se, idle_cpus());

	sched_enqueue(rqs, c, &v->se, slice);
	v->sched = VCPU_READY;
	/* A CPU running a vCPU reconsiders at once: a woken vCPU may preempt it. */
	if (hyp_cpus[c].vcpu)
		hyp_cpus[c].need_resched = 1;
	return c;
}

static void send(int cpu)
{
	if (cpu >= 0 && (unsigned int)cpu != this_cpu_index() && (online & (1U << cpu)))
		vgic_send_kick((unsigned int)cpu);
}

/* Every idle CPU looks at its loop again: a VM asked to start is loaded by the first. */
void sched_kick_idle(void)
{
	for (unsigned int c = 0; c < nr_cpus; c++)
		if (!hyp_cpus[c].vcpu)
			send((int)c);
}

void sched_kick(struct vcpu *v)
{
	int target = -1;

	spin_lock(&sched_lock);
	switch (v->sched) {
	case VCPU_RUNNING: /* its CPU looks at the vGIC on its way back into the guest */
		target = (int)v->se.cpu;
		break;
	case VCPU_BLOCKED:
		target = (int)enqueue_locked(v);
		break;
	case VCPU_READY:
		/* Queued behind a running vCPU: its CPU weighs whether it should go first now. */
		if (hyp_cpus[v->se.cpu].vcpu) {
			hyp_cpus[v->se.cpu].need_resched = 1;
			target = (int)v->se.cpu;
		}
		break;
	case VCPU_OUT:
		if (v->power == VCPU_ON_PENDING && v->vm->state == VM_RUNNING)
			target = (int)enqueue_locked(v);
		break;
	default:
		break;
	}
	spin_unlock(&sched_lock);
	send(target);
}

/* Anything for v to do, with its state loaded here: pending interrupts or a due timer. */
static int has_work(struct vcpu *v)
{
	uint64_t ctl = read_sysreg(cntv_ctl_el0);
	int pending;

	if (v->power != VCPU_ON || v->vm->state != VM_RUNNING)
		return 1;
	if ((ctl & (CNTV_ENABLE | CNTV_IMASK | CNTV_ISTATUS)) == (CNTV_ENABLE | CNTV_ISTATUS))
		return 1;
	/* A pending list register entry wakes WFI whatever PSTATE.I (D1.11.2). */
	if (vgic_lr_pending(v))
		return 1;
	spin_lock(&v->vm->lock);
	pending = vgic_best_pending(&v->vm->vgic, v->index) >= 0;
	spin_unlock(&v->vm->lock);
	return pending;
}

static void charge(struct vcpu *v, uint64_t now)
{
	uint64_t ran = now - v->run_start;

	sched_ran(&rqs[this_cpu_index()], &v->se, ran);
	v->run_ticks += ran;
	v->run_start = now;
}

void pcpu_switch_out(struct vcpu *v, int why)
{
	unsigned int self = this_cpu_index();
	struct pcpu *p = &hyp_cpus[self];
	uint64_t now = sched_now();

	vmctl_guest_exit(v, now);
	spin_lock(&sched_lock);
	charge(v, now);
	p->vcpu = NULL;
	p->slice_end = 0;
	if (why == SWITCH_PREEMPT) {
		sched_enqueue(rqs, self, &v->se, slice);
		v->sched = VCPU_READY;
	} else {
		v->sched = why == SWITCH_BLOCK ? VCPU_BLOCKED : VCPU_OUT;
	}
	spin_unlock(&sched_lock);
	if (why == SWITCH_OFF) {
		vcpu_discard(v);
		spin_lock(&sched_lock);
		v->loaded_cpu = -1;
		v->se.sticky = 0;
		spin_unlock(&sched_lock);
		/* A CPU_ON that came while it was leaving saw it running: queue it now. */
		sched_kick(v);
	} else if (why == SWITCH_BLOCK && has_work(v)) {
		sched_kick(v);
	}
	hyp_restart_stack(pcpu_loop);
}

static int imbalanced(unsigned int self)
{
	uint32_t running = 0;

	for (unsigned int c = 0; c < nr_cpus; c++)
		running |= (uint32_t)(hyp_cpus[c].vcpu != NULL) << c;
	return sched_imbalanced(rqs, nr_cpus, self, running);
}

int sched_exit(struct vcpu *v)
{
	unsigned int self = this_cpu_index();
	struct pcpu *p = &hyp_cpus[self];
	uint64_t now;
	int yield = 0;

	if (v->exclusive)
		return 0;
	now = sched_now();
	if (!p->need_resched && (!p->slice_end || now < p->slice_end))
		return 0;
	spin_lock(&sched_lock);
	p->need_resched = 0;
	charge(v, now);
	if (p->slice_end && now >= p->slice_end && imbalanced(self)) {
		yield = 1; /* pcpu_loop pulls from the longer queue */
	} else if (rqs[self].nr && sched_should_yield(&rqs[self], &v->se,
						       p->slice_end && now >= p->slice_end ? 0 : gran)) {
		yield = 1;
	} else if (p->slice_end && now >= p->slice_end &&
		   sched_remote_better(rqs, nr_cpus, self, v->se.vruntime, slice)) {
		yield = 1; /* a vCPU behind by a slice waits elsewhere: pcpu_loop pulls it */
	} else if (!p->slice_end || now >= p->slice_end) {
		p->slice_end = now + slice;
	}
	spin_unlock(&sched_lock);
	return yield;
}

void sched_wfx(struct vcpu *v, int wfe)
{
	v->regs.elr += 4; /* the trapped instruction is done (D1.11.2) */
	if (wfe) {
		/* A lock holder may be waiting for this CPU: let whoever is queued here run. */
		if (rqs[this_cpu_index()].nr)
			pcpu_switch_out(v, SWITCH_PREEMPT);
		return;
	}
	sched_wfi(v);
}

void sched_wfi(struct vcpu *v)
{
	gic_handle_irqs(v);
	if (!has_work(v))
		pcpu_switch_out(v, SWITCH_BLOCK);
}

/* The physical count at which v's virtual timer fires, if it is armed (CNTVOFF_EL2 = 0). */
static int timer_due(const struct vcpu *v, uint64_t *at)
{
	uint64_t ctl = v->ctx.cntv_ctl;

	if ((ctl & (CNTV_ENABLE | CNTV_IMASK)) != CNTV_ENABLE)
		return 0;
	*at = v->ctx.cntv_cval;
	return 1;
}

/* Blocked vCPUs whose state left this CPU: their timers are this CPU's to watch. */
#define FOR_WATCHED(v, self)                                                                       \
	for (unsigned int vi_ = 0; vi_ < hyp_vm_count; vi_++)                                      \
		for (unsigned int vj_ = 0; vj_ < hyp_vms[vi_].cfg->vcpus; vj_++)                   \
			if ((v = &hyp_vms[vi_].vcpu[vj_])->sched == VCPU_BLOCKED &&                \
			    v->loaded_cpu < 0 && v->se.cpu == (self))

/* The earliest timer among the blocked vCPUs this CPU watches (under the lock), or 0. */
static uint64_t watched_next(unsigned int self)
{
	uint64_t next = 0, at;
	struct vcpu *v;

	FOR_WATCHED(v, self)
	if (timer_due(v, &at) && (!next || at < next))
		next = at;
	return next;
}

/*
 * The EL2 physical timer for the sooner of the running vCPU's slice end and the blocked vCPUs'
 * timers. Lock-free: on the path of every guest exit of a shared CPU.
 */
void sched_arm_timer(void)
{
	struct pcpu *p = &hyp_cpus[this_cpu_index()];
	uint64_t next = p->vcpu ? p->slice_end : 0;

	if (p->watch_next && (!next || p->watch_next < next))
		next = p->watch_next;
	if (next) {
		write_sysreg(CNTHP_CVAL_EL2, next);
		write_sysreg(CNTHP_CTL_EL2, CNTV_ENABLE);
	} else {
		write_sysreg(CNTHP_CTL_EL2, 0);
	}
	isb();
}

void sched_timer_irq(void)
{
	unsigned int self = this_cpu_index();
	uint64_t now = sched_now(), at;
	int targets[PLAT_MAX_CPUS], n = 0;
	struct vcpu *v;

	write_sysreg(CNTHP_CTL_EL2, 0); /* level-sensitive: quiet until armed again */
	isb();
	spin_lock(&sched_lock);
	FOR_WATCHED(v, self)
	if (timer_due(v, &at) && at <= now && n < PLAT_MAX_CPUS)
		targets[n++] = (int)enqueue_locked(v);
	if (hyp_cpus[self].vcpu)
		hyp_cpus[self].need_resched = 1;
	hyp_cpus[self].watch_next = watched_next(self);
	spin_unlock(&sched_lock);
	for (int i = 0; i < n; i++)
		send(targets[i]);
}

/*
 * What this CPU runs next: the best of its queue, or one taken from another's. A vCPU whose VM
 * is stopping, or that was turned off, leaves the queue OUT (the caller drops its state).
 */
static struct vcpu *next_vcpu(struct pcpu *p, int *dropped)
{
	struct sched_ent *e;
	struct vcpu *v;

	spin_lock(&sched_lock);
	e = imbalanced(p->index) ? sched_steal(rqs, nr_cpus, p->index) : NULL;
	if (!e)
		e = sched_pick_global(rqs, nr_cpus, p->index, slice);
	if (!e)
		e = sched_steal(rqs, nr_cpus, p->index);
	if (!e) {
		spin_unlock(&sched_lock);
		return NULL;
	}
	v = of(e);
	*dropped = v->power == VCPU_OFF || v->vm->state != VM_RUNNING;
	if (*dropped) {
		v->sched = VCPU_OUT;
	} else {
		v->sched = VCPU_RUNNING;
		v->se.cpu = p->index;
		p->vcpu = v;
		/* Slices while CPUs are shared: the queues are weighed and evened at their ends. */
		p->slice_end = v->exclusive ? 0 : sched_now() + slice;
	}
	spin_unlock(&sched_lock);
	return v;
}

static void unload(struct vcpu *v, int keep)
{
	unsigned int self = this_cpu_index();

	if (keep)
		vcpu_save(v);
	else
		vcpu_discard(v);
	spin_lock(&sched_lock);
	v->loaded_cpu = -1;
	v->se.sticky = 0;
	/* A blocked vCPU's timer is this CPU's to watch from now on. */
	if (v->sched == VCPU_BLOCKED)
		hyp_cpus[self].watch_next = watched_next(self);
	spin_unlock(&sched_lock);
}

static __attribute__((noreturn)) void run(struct pcpu *p, struct vcpu *v)
{
	if (p->loaded && p->loaded != v)
		unload(p->loaded, 1);
	if (v->power == VCPU_ON_PENDING) {
		vcpu_start(v);
		/* Out of reset nothing of its earlier life stays in this CPU's TLBs (vcpu_switch.c). */
		p->last_ran[v->vm->id] = 0;
	}
	if (p->loaded != v) {
		vcpu_restore(v);
		spin_lock(&sched_lock);
		v->loaded_cpu = (int)p->index;
		v->se.sticky = 1;
		spin_unlock(&sched_lock);
	}
	v->run_start = sched_now();
	write_sysreg(tpidr_el2, (uintptr_t)v);
	vgic_flush(v);
	if (!v->exclusive)
		sched_arm_timer();
	vmctl_guest_enter(v);
	guest_resume(&v->regs);
}

/*
 * A VM whose vCPUs are all out and unloaded can be finished off; one CPU claims it. The state is
 * looked at again here, under the lock the claim is released under: a CPU that saw the VM
 * stopping before another finished it (and loaded it again: RUNNING) must not finish it twice.
 */
static int claim_stopped(struct vm *vm)
{
	int all_out;

	spin_lock(&sched_lock);
	all_out = !vm->finishing && (vm->state == VM_STOPPING || vm->state == VM_RESETTING);
	for (unsigned int i = 0; all_out && i < vm->cfg->vcpus; i++)
		all_out = vm->vcpu[i].sched == VCPU_OUT && vm->vcpu[i].loaded_cpu < 0;
	if (all_out)
		vm->finishing = 1;
	spin_unlock(&sched_lock);
	return all_out;
}

void pcpu_loop(void)
{
	struct pcpu *p = &hyp_cpus[this_cpu_index()];

	__atomic_fetch_or(&online, 1U << p->index, __ATOMIC_SEQ_CST);
	for (;;) {
		struct vcpu *v;
		int dropped = 0;

		gic_handle_irqs(p->loaded);
		for (unsigned int i = 0; i < hyp_vm_count; i++) {
			struct vm *vm = &hyp_vms[i];

			if ((vm->state == VM_STOPPING || vm->state == VM_RESETTING) &&
			    claim_stopped(vm)) {
				vm_finish_stop(vm);
				spin_lock(&sched_lock);
				vm->finishing = 0;
				spin_unlock(&sched_lock);
			}
		}
		v = next_vcpu(p, &dropped);
		if (v && dropped) {
			if (p->loaded == v)
				unload(v, 0);
			continue;
		}
		if (v)
			run(p, v);
		sched_arm_timer();
		wfi();
	}
}

static void cpu_list(uint32_t mask, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = 0;
	for (unsigned int c = 0; c < 32 && n < size; c++) {
		unsigned int e = c;

		if (!(mask & (1U << c)))
			continue;
		while (e + 1 < 32 && (mask & (1U << (e + 1))))
			e++;
		n += (size_t)snprintf(buf + n, size - n, "%s%u", n ? "," : "", c);
		if (e > c && n < size)
			n += (size_t)snprintf(buf + n, size - n, "-%u", e);
		c = e;
	}
}

/* The statistics line: CPU time, where its vCPUs ran, how often their state was loaded. */
void sched_log_vm(const struct vm *vm)
{
	uint64_t ticks = 0, freq = read_sysreg(cntfrq_el0), ms;
	uint32_t ran_on = 0;
	unsigned int switches = 0;
	char cpus[48];

	for (unsigned int i = 0; i < vm->cfg->vcpus; i++) {
		ticks += vm->vcpu[i].run_ticks;
		ran_on |= vm->vcpu[i].ran_on;
		switches += vm->vcpu[i].switches;
	}
	ms = ticks / (freq / 1000);
	cpu_list(ran_on, cpus, sizeof(cpus));
	hyp_log("%s: %lu.%03lu s of vCPU time, weight %u, ran on CPUs %s, %u vCPU loads",
		vm->cfg->name, ms / 1000, ms % 1000, vm->cfg->weight, cpus, switches);
}
