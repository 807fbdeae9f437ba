// SPDX-License-Identifier: BSD-2-Clause
#include "psci_state.h"

#include <plat/topology.h>
#include <rampart/smccc.h>
#include <string.h>

void psci_system_init(struct psci_system *sys, unsigned int cpu_count, unsigned int boot_cpu,
		      uint64_t ns_mem_base, uint64_t ns_mem_size)
{
	memset(sys, 0, sizeof(*sys));
	sys->cpu_count = cpu_count > PLAT_MAX_CPUS ? PLAT_MAX_CPUS : cpu_count;
	sys->ns_mem_base = ns_mem_base;
	sys->ns_mem_size = ns_mem_size;
	if (boot_cpu < sys->cpu_count)
		sys->cpus[boot_cpu].state = PSCI_STATE_ON;
}

int psci_mpidr_to_index(const struct psci_system *sys, uint64_t mpidr)
{
	unsigned int index;

	/* Only Aff0/Aff1 may be set (Aff2, Aff3 zero); bits outside affinity are reserved. */
	if (mpidr & ~0xffffUL)
		return -1;
	if ((mpidr & 0xff) >= PLAT_CPUS_PER_CLUSTER)
		return -1;
	index = plat_cpu_index(mpidr);
	return index < sys->cpu_count ? (int)index : -1;
}

int psci_entry_valid(const struct psci_system *sys, uint64_t entry)
{
	/* A64 instructions are word aligned; the entry must be in normal-world RAM. */
	return !(entry & 3) && entry >= sys->ns_mem_base &&
	       entry - sys->ns_mem_base < sys->ns_mem_size;
}

int32_t psci_cpu_on(struct psci_system *sys, uint64_t target_mpidr, uint64_t entry,
		    uint64_t context, int *index)
{
	int idx = psci_mpidr_to_index(sys, target_mpidr);
	struct psci_cpu *cpu;

	if (idx < 0)
		return PSCI_INVALID_PARAMETERS;
	if (!psci_entry_valid(sys, entry))
		return PSCI_INVALID_ADDRESS;
	cpu = &sys->cpus[idx];
	if (cpu->state == PSCI_STATE_ON)
		return PSCI_ALREADY_ON;
	if (cpu->state == PSCI_STATE_ON_PENDING)
		return PSCI_ON_PENDING;
	cpu->state = PSCI_STATE_ON_PENDING;
	cpu->entry = entry;
	cpu->context = context;
	*index = idx;
	return PSCI_SUCCESS;
}

int psci_cpu_take_on(struct psci_system *sys, unsigned int index, uint64_t *entry,
		     uint64_t *context)
{
	struct psci_cpu *cpu = &sys->cpus[index];

	if (index >= sys->cpu_count || cpu->state != PSCI_STATE_ON_PENDING)
		return 0;
	cpu->state = PSCI_STATE_ON;
	*entry = cpu->entry;
	*context = cpu->context;
	return 1;
}

int32_t psci_cpu_off(struct psci_system *sys, unsigned int index)
{
	if (index >= sys->cpu_count || sys->cpus[index].state != PSCI_STATE_ON)
		return PSCI_DENIED;
	sys->cpus[index].state = PSCI_STATE_OFF;
	return PSCI_SUCCESS;
}

int32_t psci_affinity_info(const struct psci_system *sys, uint64_t target, uint32_t level)
{
	int idx;

	/* PSCI 1.x: only level 0 need be supported; we report CPUs, not clusters. */
	if (level != 0)
		return PSCI_INVALID_PARAMETERS;
	idx = psci_mpidr_to_index(sys, target);
	if (idx < 0)
		return PSCI_INVALID_PARAMETERS;
	switch (sys->cpus[idx].state) {
	case PSCI_STATE_ON:
		return PSCI_AFFINITY_ON;
	case PSCI_STATE_ON_PENDING:
		return PSCI_AFFINITY_ON_PENDING;
	default:
		return PSCI_AFFINITY_OFF;
	}
}

int32_t psci_suspend_check(const struct psci_system *sys, uint32_t power_state, uint64_t entry,
			   int *powerdown)
{
	/* Reserved bits set, or a level above the CPU: we manage CPUs only (level 0). */
	if (power_state & ~PSCI_POWER_STATE_VALID_MASK)
		return PSCI_INVALID_PARAMETERS;
	if (power_state >> PSCI_POWER_STATE_LEVEL_SHIFT)
		return PSCI_INVALID_PARAMETERS;
	*powerdown = (power_state & PSCI_POWER_STATE_TYPE_POWERDOWN) != 0;
	/* The entry point only matters when the CPU loses its context. */
	if (*powerdown && !psci_entry_valid(sys, entry))
		return PSCI_INVALID_ADDRESS;
	return PSCI_SUCCESS;
}

int32_t psci_features(uint32_t fid)
{
	switch (fid) {
	case PSCI_CPU_SUSPEND:
	case PSCI_FN64(PSCI_CPU_SUSPEND):
		/* Bit 1 = 0: original power_state format; bit 0 = 0: no OS-initiated mode. */
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
	default:
		return PSCI_NOT_SUPPORTED;
	}
}

int32_t smccc_arch_features(uint32_t fid)
{
	switch (fid) {
	case SMCCC_VERSION:
	case SMCCC_ARCH_FEATURES:
		return SMCCC_SUCCESS;
	default:
		/* The CPU-dependent calls (WORKAROUND_1/2/3, SOC_ID): monitor/smccc_arch.c. */
		return SMCCC_NOT_SUPPORTED;
	}
}
