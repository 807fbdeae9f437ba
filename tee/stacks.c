// SPDX-License-Identifier: BSD-2-Clause
/* Trusted OS stacks and their guard pages (see stacks.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <string.h>

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

/* stack_probe.S */
void tee_stack_overflow_probe(uint8_t *stack_top, uint64_t pushes);
extern char tee_stack_probe_resume[];

static volatile int probe_armed;
static volatile uint64_t probe_far;
static char probe_name[32];

int tee_stack_probe_fault(uint64_t far, uint64_t *elr)
{
	if (!probe_armed || !tee_stack_guard_name(far, probe_name, sizeof(probe_name)))
		return 0;
	probe_armed = 0;
	probe_far = far;
	*elr = (uintptr_t)tee_stack_probe_resume;
	return 1;
}

void tee_stack_guard_selftest(void)
{
	/* Thread 0's stack ends where thread 1's guard page starts: its top is what would be hit.
	 */
	uint8_t *below = tee_thread_stack(0) + THREAD_STACK_SIZE - 256;
	uintptr_t guard1 = (uintptr_t)thread_stacks[1];
	uint8_t pattern[256];

	for (unsigned int i = 0; i < sizeof(pattern); i++)
		pattern[i] = (uint8_t)(0xa5 ^ i);
	memcpy(below, pattern, sizeof(pattern));
	probe_far = 0;
	probe_armed = 1;
	/* Enough to run through the stack, its guard page and 256 bytes of thread 0's stack. */
	tee_stack_overflow_probe(tee_thread_stack(1) + THREAD_STACK_SIZE,
				 (THREAD_STACK_SIZE + STACK_GUARD_SIZE + 256) / 16);
	if (probe_armed) {
		probe_armed = 0;
		panic("stack guard self-test: an overflow of thread 1 stack ran through its guard "
		      "page %#lx%s",
		      guard1,
		      memcmp(below, pattern, sizeof(pattern)) ? " into thread 0 stack" : "");
	}
	if (probe_far < guard1 || probe_far - guard1 >= STACK_GUARD_SIZE ||
	    strcmp(probe_name, "thread 1 stack"))
		panic(
		    "stack guard self-test: the overflow of thread 1 stack was not stopped at its "
		    "guard page %#lx (fault at %#lx, %s)",
		    guard1, probe_far, probe_name);
	if (memcmp(below, pattern, sizeof(pattern)))
		panic("stack guard self-test: thread 0 stack changed under thread 1's overflow");
	memset(below, 0, sizeof(pattern));
	log_info("stack guard self-test: an overflow of %s stopped at its guard page %#lx, "
		 "thread 0 stack intact",
		 probe_name, probe_far);
}
