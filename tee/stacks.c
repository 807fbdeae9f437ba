// SPDX-License-Identifier: BSD-2-Clause
/* Trusted OS stacks and their guard pages (see stacks.h). */
#include <arch/at.h>
#include <log.h>
#include <plat/platform.h>

#include "stacks.h"
#include "thread.h"

#define ENTRY_SLOT  (1UL << TEE_ENTRY_STACK_SHIFT)
#define ABORT_SLOT  (1UL << TEE_ABORT_STACK_SHIFT)
#define THREAD_SLOT (STACK_GUARD_SIZE + THREAD_STACK_SIZE)

/* Each slot starts with its guard page: page-aligned, so the guard can be unmapped alone. */
uint8_t tee_entry_stacks[PLAT_MAX_CPUS][ENTRY_SLOT] __attribute__((aligned(4096)));
uint8_t tee_abort_stacks[PLAT_MAX_CPUS][ABORT_SLOT] __attribute__((aligned(4096)));
static uint8_t thread_stacks[THREAD_COUNT][THREAD_SLOT] __attribute__((aligned(4096)));

_Static_assert(THREAD_STACK_SIZE % 4096 == 0, "thread stacks must be whole pages");

uint8_t *tee_thread_stack(unsigned int i)
{
	return thread_stacks[i] + STACK_GUARD_SIZE;
}

/* Guard page k: its address, and what the stack above it is called. */
static uintptr_t guard(unsigned int k, char *name, size_t len)
{
	if (k < PLAT_MAX_CPUS) {
		if (name)
			snprintf(name, len, "CPU %u entry stack", k);
		return (uintptr_t)tee_entry_stacks[k];
	}
	k -= PLAT_MAX_CPUS;
	if (k < PLAT_MAX_CPUS) {
		if (name)
			snprintf(name, len, "CPU %u abort stack", k);
		return (uintptr_t)tee_abort_stacks[k];
	}
	k -= PLAT_MAX_CPUS;
	if (name)
		snprintf(name, len, "thread %u stack", k);
	return (uintptr_t)thread_stacks[k];
}

const struct stack_guards tee_stack_guards = {2 * PLAT_MAX_CPUS + THREAD_COUNT, guard,
					      at_s1e1w_faults};

void tee_stack_guard_selftest(void)
{
	/* Thread 0's stack ends where thread 1's guard page starts: its top is what would be hit.
	 */
	stack_guard_selftest(&tee_stack_guards, 2 * PLAT_MAX_CPUS + 1,
			     tee_thread_stack(1) + THREAD_STACK_SIZE, "thread 0 stack");
}
