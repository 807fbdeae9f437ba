// SPDX-License-Identifier: BSD-2-Clause
/*
 * The guests' SMC/HVC dispatch point: PSCI 1.1 (Arm DEN 0022) for the VM's own vCPUs, SMCCC
 * version queries, the trusted OS's calls (tee_med.h), and NOT_SUPPORTED for the rest.
 * SYSTEM_OFF and SYSTEM_RESET act on the calling VM alone. The Vendor Specific Hypervisor
 * Service range goes to VM management (vmctl.h).
 */
#include <rampart/smccc.h>

#include "hyp.h"
#include "vpsci_state.h"

#define SMCCC_VERSION_1_1 0x10001

/* An entry point for CPU_ON or a powerdown CPU_SUSPEND: in the VM's RAM, aligned (5.6.2). */
static int entry_valid(const struct vm *vm, uint64_t entry)
{
	return entry >= vm->cfg->mem_base && entry < vm->cfg->mem_base + vm->cfg->mem_size &&
	       !(entry & 3);
}

static int64_t cpu_on(struct vcpu *self, uint64_t mpidr, uint64_t entry, uint64_t context)
{
	struct vm *vm = self->vm;
	struct vcpu *t;
	int64_t ret = PSCI_SUCCESS;

	if ((mpidr & ~0xffUL) || mpidr >= vm->cfg->vcpus)
		return PSCI_INVALID_PARAMETERS;
	if (!entry_valid(vm, entry))
		return PSCI_INVALID_ADDRESS;
	t = &vm->vcpu[mpidr];
	spin_lock(&vm->lock);
	if (t->power == VCPU_ON)
		ret = PSCI_ALREADY_ON;
	else if (t->power == VCPU_ON_PENDING)
		ret = PSCI_ON_PENDING;
	else {
		t->entry = entry;
		t->context = context;
		__atomic_store_n(&t->power, VCPU_ON_PENDING, __ATOMIC_RELEASE);
	}
	spin_unlock(&vm->lock);
	if (ret == PSCI_SUCCESS)
		vcpu_kick(t);
	return ret;
}

/*
 * CPU_SUSPEND (DEN 0022 5.4), power_state as vpsci_state.h says. A standby state is WFI (5.4.2):
 * the vCPU blocks until an interrupt is pending for it, whatever its PSTATE masks, and its CPU runs
 * others meanwhile (sched_wfi); then SUCCESS. A powerdown state loses the core's context: the vCPU
 * wakes at entry_point_address with context_id in x0 and the rest as after CPU_ON (vcpu_powerdown,
 * 6.4.3); its interrupts and timer stay as they were, so what wakes it is still pending there.
 * Platform-coordinated mode: nothing to coordinate above the core. The power_state is 32 bits
 * in both calling conventions; the SMC32 form's entry and context are 32 bits (SMCCC 2.6).
 * Returns 0 once x0 is set (the vCPU may have slept in between), or the refusal.
 */
static int64_t cpu_suspend(struct vcpu *v, uint32_t fid)
{
	uint64_t *x = v->regs.x;
	int smc32 = fid == PSCI_CPU_SUSPEND, powerdown;
	uint64_t entry = smc32 ? (uint32_t)x[2] : x[2], context = smc32 ? (uint32_t)x[3] : x[3];
	int64_t ret = vpsci_power_state((uint32_t)x[1], &powerdown);

	if (ret != PSCI_SUCCESS)
		return ret;
	if (powerdown && !entry_valid(v->vm, entry))
		return PSCI_INVALID_ADDRESS;
	if (powerdown)
		vcpu_powerdown(v, entry, context);
	else
		x[0] = PSCI_SUCCESS;
	sched_wfi(v);
	return 0;
}

static int64_t affinity_info(struct vcpu *self, uint64_t mpidr, uint64_t level)
{
	struct vm *vm = self->vm;

	if (level != 0 || (mpidr & ~0xffUL) || mpidr >= vm->cfg->vcpus)
		return PSCI_INVALID_PARAMETERS;
	switch (vm->vcpu[mpidr].power) {
	case VCPU_ON:
		return PSCI_AFFINITY_ON;
	case VCPU_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	default:
		return PSCI_AFFINITY_OFF;
	}
}

static int64_t features(uint64_t fid)
{
	switch (fid) {
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
		/* Bits 1 and 0 clear: original power_state format, no OS-initiated mode. */
		return 0;
	case PSCI_VERSION:
	case PSCI_CPU_OFF:
	case PSCI_CPU_ON:
	case PSCI_FN64(PSCI_CPU_ON):
	case PSCI_AFFINITY_INFO:
	case PSCI_FN64(PSCI_AFFINITY_INFO):
	case PSCI_MIGRATE_INFO_TYPE:
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
	case PSCI_FEATURES:
	case SMCCC_VERSION:
		return PSCI_SUCCESS;
	}
	return PSCI_NOT_SUPPORTED;
}

void vpsci_call(struct vcpu *v)
{
	uint64_t *x = v->regs.x;
	uint32_t fid = (uint32_t)x[0];
	int64_t ret;

	switch (fid) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case SMCCC_VERSION:
		ret = SMCCC_VERSION_1_1;
		break;
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
		ret = cpu_suspend(v, fid);
		if (ret == 0)
			return; /* x0 set: SUCCESS, or context_id at the entry point */
		break;
	case PSCI_CPU_OFF:
		v->power = VCPU_OFF;
		ret = PSCI_SUCCESS; /* not seen: the vCPU does not come back */
		break;
	case PSCI_CPU_ON:
	case PSCI_FN64(PSCI_CPU_ON):
		ret = cpu_on(v, fid == PSCI_CPU_ON ? (uint32_t)x[1] : x[1],
			     fid == PSCI_CPU_ON ? (uint32_t)x[2] : x[2],
			     fid == PSCI_CPU_ON ? (uint32_t)x[3] : x[3]);
		break;
	case PSCI_AFFINITY_INFO:
	case PSCI_FN64(PSCI_AFFINITY_INFO):
		ret = affinity_info(v, fid == PSCI_AFFINITY_INFO ? (uint32_t)x[1] : x[1], x[2]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_SYSTEM_OFF:
		hyp_log("%s: powered off by its kernel", v->vm->cfg->name);
		vm_request_stop(v->vm, 0);
		ret = PSCI_SUCCESS;
		break;
	case PSCI_SYSTEM_RESET:
		hyp_log("%s: reset by its kernel", v->vm->cfg->name);
		vm_request_stop(v->vm, 1);
		ret = PSCI_SUCCESS;
		break;
	case PSCI_FEATURES:
		ret = features((uint32_t)x[1]);
		break;
	default:
		if (tee_med_call(v))
			return; /* the trusted OS's (tee_med.h) set x0-x6 */
		if (vmctl_hvc(v))
			return; /* the VM management service (vmctl.h) set x0-x3 */
		ret = SMCCC_NOT_SUPPORTED;
	}
	x[0] = (uint64_t)ret;
}
