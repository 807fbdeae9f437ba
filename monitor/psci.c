// SPDX-License-Identifier: BSD-2-Clause
/*
 * PSCI 1.1 (Arm DEN 0022) on top of the bookkeeping in psci_state.c: one lock serialises state
 * changes; parked CPUs sleep in WFI and are woken with a secure SGI.
 */
#include <arch/el3.h>
#include <arch/spinlock.h>
#include <arch/sysreg.h>
#include <drivers/gicv3.h>
#include <log.h>
#include <plat/topology.h>
#include <plat/power.h>
#include <rampart/smccc.h>

#include "monitor.h"
#include "pac.h"
#include "psci_state.h"

static struct psci_system psci;
static struct spinlock psci_lock;

static unsigned int this_cpu(void)
{
	return plat_cpu_index(read_sysreg(mpidr_el1));
}

void psci_init(uint64_t ns_mem_base, uint64_t ns_mem_size)
{
	psci_system_init(&psci, gicv3_count_cpus(&monitor_gic), this_cpu(), ns_mem_base,
			 ns_mem_size);
}

void psci_park(unsigned int index)
{
	uint64_t entry, context;

	for (;;) {
		int go;

		spin_lock(&psci_lock);
		go = psci_cpu_take_on(&psci, index, &entry, &context);
		spin_unlock(&psci_lock);
		if (go)
			break;
		/* WFI wakes on the pending SGI even with FIQs masked (Arm ARM D1.16.2). */
		wfi();
		gicv3_drain_group0();
	}
	gicv3_drain_group0();
	tee_cpu_on();
	log_info("CPU%u on at %#lx", index, entry);
	el3_enter_ns_el2(entry, context, 0, monitor_stack_top(), monitor_pac_lower_key());
}

static int32_t do_cpu_on(uint64_t target, uint64_t entry, uint64_t context)
{
	int32_t ret;
	int idx = -1;

	spin_lock(&psci_lock);
	ret = psci_cpu_on(&psci, target, entry, context, &idx);
	spin_unlock(&psci_lock);
	if (ret == PSCI_SUCCESS)
		gicv3_send_wake(plat_cpu_mpidr((unsigned int)idx));
	else if (ret == PSCI_INVALID_PARAMETERS || ret == PSCI_INVALID_ADDRESS)
		log_info("CPU_ON refused: target %#lx entry %#lx (error %d)", target, entry, ret);
	return ret;
}

static int32_t do_cpu_off(void)
{
	unsigned int self = this_cpu();
	int32_t ret;

	/* No more normal-world interrupts here: they would wake the parked CPU for nothing. */
	gicv3_cpu_disable_ns();
	spin_lock(&psci_lock);
	ret = psci_cpu_off(&psci, self);
	spin_unlock(&psci_lock);
	if (ret != PSCI_SUCCESS)
		return ret;
	log_info("CPU%u off", self);
	psci_park(self);
}

static int32_t do_cpu_suspend(uint32_t power_state, uint64_t entry, uint64_t context)
{
	int powerdown;
	int32_t ret = psci_suspend_check(&psci, power_state, entry, &powerdown);

	if (ret != PSCI_SUCCESS)
		return ret;
	/* Standby keeps all context: wait for an interrupt and return (DEN 0022 5.4.3). */
	__asm__ volatile("dsb sy; wfi" : : : "memory");
	if (!powerdown)
		return PSCI_SUCCESS;
	/* Power-down: the caller saved its context and resumes at entry, as after CPU_ON. */
	el3_enter_ns_el2(entry, context, 0, monitor_stack_top(), monitor_pac_lower_key());
}

static int is_smc64(uint32_t fid)
{
	return (fid & SMCCC_SMC64) != 0;
}

void psci_handle(uint32_t fid, struct smc_frame *f)
{
	/* SMC32 callers pass 32-bit arguments: ignore the upper halves (SMCCC 2.6). */
	uint64_t mask = is_smc64(fid) ? ~0UL : 0xffffffffUL;
	uint64_t a1 = f->x[1] & mask, a2 = f->x[2] & mask, a3 = f->x[3] & mask;
	int64_t ret;

	switch (fid) {
	case PSCI_VERSION:
		ret = PSCI_VERSION_1_1;
		break;
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
		ret = do_cpu_suspend((uint32_t)a1, a2, a3);
		break;
	case PSCI_CPU_OFF:
		ret = do_cpu_off();
		break;
	case PSCI_CPU_ON:
	case PSCI_FN64(PSCI_CPU_ON):
		ret = do_cpu_on(a1, a2, a3);
		break;
	case PSCI_AFFINITY_INFO:
	case PSCI_FN64(PSCI_AFFINITY_INFO):
		spin_lock(&psci_lock);
		ret = psci_affinity_info(&psci, a1, (uint32_t)a2);
		spin_unlock(&psci_lock);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		ret = PSCI_TOS_NOT_PRESENT_MP;
		break;
	case PSCI_SYSTEM_OFF:
		log_info("SYSTEM_OFF");
		plat_system_off();
	case PSCI_SYSTEM_RESET:
		log_info("SYSTEM_RESET");
		plat_system_reset();
	case PSCI_FEATURES:
		ret = psci_features((uint32_t)a1);
		break;
	default:
		ret = PSCI_NOT_SUPPORTED;
		break;
	}
	f->x[0] = (uint64_t)ret;
}
