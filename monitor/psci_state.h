/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * PSCI bookkeeping without hardware: CPU power states and their transitions, argument checks.
 * The monitor calls these under its PSCI lock; the unit tests call them directly.
 */
#ifndef MONITOR_PSCI_STATE_H
#define MONITOR_PSCI_STATE_H

#include <plat/platform.h>
#include <stdint.h>

enum psci_cpu_state {
	PSCI_STATE_OFF = 0,
	PSCI_STATE_ON_PENDING,
	PSCI_STATE_ON,
};

struct psci_cpu {
	enum psci_cpu_state state;
	uint64_t entry;	  /* where CPU_ON (or a power-down suspend) resumes it */
	uint64_t context; /* x0 there */
};

struct psci_system {
	unsigned int cpu_count;
	uint64_t ns_mem_base; /* entry points must lie in normal-world RAM */
	uint64_t ns_mem_size;
	struct psci_cpu cpus[PLAT_MAX_CPUS];
};

/* CPU_SUSPEND power_state, original format (DEN 0022 5.4.2.1). */
#define PSCI_POWER_STATE_TYPE_POWERDOWN (1U << 16)
#define PSCI_POWER_STATE_LEVEL_SHIFT 24
#define PSCI_POWER_STATE_VALID_MASK 0x0301ffffU

void psci_system_init(struct psci_system *sys, unsigned int cpu_count, unsigned int boot_cpu,
		      uint64_t ns_mem_base, uint64_t ns_mem_size);
/* Linear index of the CPU with this MPIDR, or -1 if there is no such CPU. */
int psci_mpidr_to_index(const struct psci_system *sys, uint64_t mpidr);
int psci_entry_valid(const struct psci_system *sys, uint64_t entry);
/* CPU_ON (DEN 0022 5.6): on success the target is ON_PENDING and *index names it. */
int32_t psci_cpu_on(struct psci_system *sys, uint64_t target_mpidr, uint64_t entry,
		    uint64_t context, int *index);
/* A parked CPU takes its pending CPU_ON: 1 (and entry/context) if there was one. */
int psci_cpu_take_on(struct psci_system *sys, unsigned int index, uint64_t *entry,
		     uint64_t *context);
/* CPU_OFF (DEN 0022 5.5) for the calling CPU. */
int32_t psci_cpu_off(struct psci_system *sys, unsigned int index);
/* AFFINITY_INFO (DEN 0022 5.7). */
int32_t psci_affinity_info(const struct psci_system *sys, uint64_t target, uint32_t level);
/* CPU_SUSPEND argument check; *powerdown tells standby from power-down. */
int32_t psci_suspend_check(const struct psci_system *sys, uint32_t power_state, uint64_t entry,
			   int *powerdown);
/* PSCI_FEATURES (DEN 0022 5.15) and SMCCC_ARCH_FEATURES answers for a function ID. */
int32_t psci_features(uint32_t fid);
int32_t smccc_arch_features(uint32_t fid);

#endif
