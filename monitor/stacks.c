// SPDX-License-Identifier: BSD-2-Clause
/* EL3 monitor stacks and their guard pages (see stacks.h). */
#include <arch/at.h>
#include <log.h>
#include <plat/platform.h>

#include "stacks.h"

#define STACK_SLOT (1UL << MONITOR_STACK_SHIFT)
#define ABORT_SLOT (1UL << MONITOR_ABORT_STACK_SHIFT)

/* Each slot starts with its guard page: page-aligned, so the guard can be unmapped alone. */
uint8_t monitor_stacks[PLAT_MAX_CPUS][STACK_SLOT] __attribute__((aligned(4096)));
uint8_t monitor_abort_stacks[PLAT_MAX_CPUS][ABORT_SLOT] __attribute__((aligned(4096)));

/* Guard page k: its address, and what the stack above it is called. */
static uintptr_t guard(unsigned int k, char *name, size_t len)
{
	if (k < PLAT_MAX_CPUS) {
		if (name)
			snprintf(name, len, "CPU %u monitor stack", k);
		return (uintptr_t)monitor_stacks[k];
	}
	k -= PLAT_MAX_CPUS;
	if (name)
		snprintf(name, len, "CPU %u monitor abort stack", k);
	return (uintptr_t)monitor_abort_stacks[k];
}

const struct stack_guards monitor_stack_guards = {2 * PLAT_MAX_CPUS, guard, at_s1e3w_faults};

void monitor_stack_guard_selftest(unsigned int self)
{
	/* A CPU k whose stack and the one below it (k - 1, hit first) are both idle now. */
	unsigned int k = self + 2 < PLAT_MAX_CPUS ? self + 2 : 1;

	stack_guard_selftest(&monitor_stack_guards, k, monitor_stacks[k] + STACK_SLOT,
			     "the stack below");
}
