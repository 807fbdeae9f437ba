// SPDX-License-Identifier: BSD-2-Clause
/* Trusted OS stacks and their guard pages (see stacks.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>

#include "stacks.h"
#include "thread.h"

#define ENTRY_SLOT (1UL << TEE_ENTRY_STACK_SHIFT)
#define ABORT_SLOT (1UL << TEE_ABORT_STACK_SHIFT)
#define THREAD_SLOT (STACK_GUARD_SIZE + THREAD_STACK_SIZE)

/* Each slot starts with its guard page: page-aligned, so the guard can be unmapped alone. */
uint8_t tee_entry_stacks[PLAT_MAX_CPUS][ENTRY_SLOT] __attribute__((aligned(4096)));
uint8_t tee_abort_stacks[PLAT_MAX_CPUS][ABORT_SLOT] __attribute__((aligned(4096)));
static uint8_t thread_stacks[THREAD_COUNT][THREAD_SLOT] __attribute__((aligned(4096)));

_Static_assert(THREAD_STACK_SIZE % 4096 == 0, "thread stacks must be whole pages");

#define GUARD_COUNT (2 * PLAT_MAX_CPUS + THREAD_COUNT)

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

size_t tee_stack_guard_regions(struct mmu_region *out, size_t max)
{
	size_t n = 0;

	for (unsigned int k = 0; k < GUARD_COUNT && n < max; k++)
		out[n++] = (struct mmu_region){guard(k, NULL, 0), STACK_GUARD_SIZE, MMU_UNMAPPED,
					       "stack guard page"};
	return n;
}

/* AT S1E1W (Arm ARM C5.5.8): PAR_EL1.F is set when a write there would fault. */
static int write_faults(uintptr_t va)
{
	__asm__ volatile("at s1e1w, %0" : : "r"(va));
	isb();
	return read_sysreg(par_el1) & 1;
}

unsigned int tee_stack_guards_check(void)
{
	char name[32];

	for (unsigned int k = 0; k < GUARD_COUNT; k++) {
		uintptr_t g = guard(k, name, sizeof(name));

		if (!write_faults(g) || !write_faults(g + STACK_GUARD_SIZE - 8))
			panic("%s: its guard page %#lx is mapped", name, g);
		if (write_faults(g + STACK_GUARD_SIZE))
			panic("%s: the stack above its guard page is not writable", name);
	}
	return GUARD_COUNT;
}

int tee_stack_guard_name(uint64_t addr, char *name, size_t len)
{
	for (unsigned int k = 0; k < GUARD_COUNT; k++) {
		uintptr_t g = guard(k, NULL, 0);

		if (addr >= g && addr - g < STACK_GUARD_SIZE) {
			guard(k, name, len);
			return 1;
		}
	}
	return 0;
}
