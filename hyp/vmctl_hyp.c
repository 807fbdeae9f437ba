// SPDX-License-Identifier: BSD-2-Clause
/*
 * The VM management service on the hypervisor's VMs (vmctl.h has the interface): the HVC and
 * register page entry points, the lifecycle requests, per-VM console rings and CPU time.
 */
#include <string.h>

#include "el2_regs.h"
#include "hyp.h"
#include "vmctl.h"

/* The register page of the control VM (there is at most one), and its lock. */
static struct vmctl_page page;
static struct spinlock page_lock;

static uint64_t now(void)
{
	return read_sysreg(cntpct_el0);
}

/*
 * A vCPU's CPU time runs from when it is entered on a CPU until it leaves that CPU
 * (pcpu_switch_out): its exits in between count as its own, as the time a hypervisor spends on a
 * vCPU's behalf does in Xen's figures. Reading the counter on every exit would cost two reads of
 * CNTPCT_EL0 each, and under QEMU TCG each takes the emulator's global lock (vgic_flush).
 */
void vmctl_guest_enter(struct vcpu *v)
{
	if (!v->entered)
		v->entered = now();
}

void vmctl_guest_exit(struct vcpu *v, uint64_t t)
{
	if (v->entered) {
		v->guest_ticks += t - v->entered;
		v->entered = 0;
	}
}

void vmctl_vm_loaded(struct vm *vm)
{
	vmctl_ring_reset(&vm->con);
	for (unsigned int i = 0; i < VM_MAX_VCPUS; i++)
		vm->vcpu[i].guest_ticks = 0;
}

/* Ticks its vCPUs spent in the guest this boot, the current stays of those in it included. */
static uint64_t guest_us(const struct vm *vm)
{
	uint64_t ticks = 0, freq = read_sysreg(cntfrq_el0), t = now();

	for (unsigned int i = 0; i < vm->cfg->vcpus; i++) {
		uint64_t e = vm->vcpu[i].entered;

		ticks += vm->vcpu[i].guest_ticks + (e && t > e ? t - e : 0);
	}
	if (!freq)
		return 0;
	return ticks / freq * 1000000 + ticks % freq * 1000000 / freq;
}

static unsigned int state_of(const struct vm *vm)
{
	switch (vm->state) {
	case VM_RUNNING:
		return VMCTL_STATE_RUNNING;
	case VM_STOPPING:
		return VMCTL_STATE_STOPPING;
	case VM_RESETTING:
		return VMCTL_STATE_RESTARTING;
	default:
		return VMCTL_STATE_OFF;
	}
}

static unsigned int op_count(void *ctx)
{
	(void)ctx;
	return hyp_vm_count;
}

static const char *op_name(void *ctx, unsigned int i)
{
	(void)ctx;
	return hyp_vms[i].cfg->name;
}

static void op_info(void *ctx, unsigned int i, uint64_t *flags, uint64_t *mem, uint64_t *us)
{
	const struct vm *vm = &hyp_vms[i];

	(void)ctx;
	*flags = state_of(vm) | (uint64_t)vm->cfg->vcpus << 8 |
		 (vm->cfg->control ? VMCTL_INFO_CONTROL : 0) | (uint64_t)vm->boots << 32;
	*mem = vm->cfg->mem_size;
	*us = guest_us(vm);
}

static const char *const op_words[] = {"start", "stop", "destroy", "restart"};

static int op_act(void *ctx, unsigned int i, enum vmctl_op op)
{
	struct vm *vm = &hyp_vms[i];
	const char *by = ctx;
	int r;

	spin_lock(&vm->lock);
	r = vmctl_transition(op, state_of(vm));
	spin_unlock(&vm->lock);
	if (r != VMCTL_OK)
		return r;
	hyp_log("%s: %s, asked by %s", vm->cfg->name, op_words[op], by);
	/*
	 * No guest agent: a stop is what the VM's own PSCI SYSTEM_OFF does (its vCPUs leave at
	 * once, its devices are quieted, it is marked off); destroy the same. The state is checked
	 * again under the lock by the request: a VM that stopped itself meanwhile is left alone.
	 */
	if (op == VMCTL_OP_START)
		return vm_request_start(vm) ? VMCTL_ALREADY_RUNNING : VMCTL_OK;
	vm_request_stop(vm, op == VMCTL_OP_RESTART);
	return VMCTL_OK;
}

static unsigned int op_con_read(void *ctx, unsigned int i, uint64_t pos, uint8_t *out,
				unsigned int max, uint64_t *next)
{
	struct vm *vm = &hyp_vms[i];
	unsigned int n;

	(void)ctx;
	spin_lock(&vm->lock);
	n = vmctl_ring_read(&vm->con, pos, out, max, next);
	spin_unlock(&vm->lock);
	return n;
}

static unsigned int op_con_write(void *ctx, unsigned int i, const uint8_t *in, unsigned int n)
{
	struct vm *vm = &hyp_vms[i];
	uint32_t kick = 0;
	unsigned int taken = 0;

	(void)ctx;
	spin_lock(&vm->lock);
	/* Into its UART's receive FIFO, as typed on the board's console; a full FIFO stops it. */
	while (taken < n && vm->state == VM_RUNNING &&
	       vm->uart.rx_head - vm->uart.rx_tail < VUART_RX_SIZE)
		kick |= vuart_receive(vm, in[taken++]);
	spin_unlock(&vm->lock);
	vgic_kick_mask(vm, kick);
	return taken;
}

static const struct vmctl_ops hyp_ops = {
    .count = op_count,
    .name = op_name,
    .info = op_info,
    .act = op_act,
    .con_read = op_con_read,
    .con_write = op_con_write,
};

int vmctl_hvc(struct vcpu *v)
{
	struct vm *vm = v->vm;

	return vmctl_call(&hyp_ops, (void *)vm->cfg->name, vm->id, vm->cfg->control, v->regs.x);
}

int vmctl_mmio(struct vcpu *v, uint64_t off, unsigned int size, int write, uint64_t *val)
{
	struct vm *vm = v->vm;
	int r;

	/* Not the control VM: the address is nothing, as any other it does not own. */
	if (!vm->cfg->control)
		return -1;
	spin_lock(&page_lock);
	r = vmctl_page_access(&page, off, size, write, val);
	if (r == VMCTL_ACCESS_CALL)
		vmctl_page_call(&hyp_ops, (void *)vm->cfg->name, vm->id, &page);
	spin_unlock(&page_lock);
	return r == VMCTL_ACCESS_BAD ? -1 : 0;
}
