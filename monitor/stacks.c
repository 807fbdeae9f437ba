// SPDX-License-Identifier: BSD-2-Clause
/* EL3 monitor stacks and their guard pages (see stacks.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <string.h>

#include "stacks.h"

#define STACK_SLOT  (1UL << MONITOR_STACK_SHIFT)
#define ABORT_SLOT  (1UL << MONITOR_ABORT_STACK_SHIFT)
#define GUARD_COUNT (2 * PLAT_MAX_CPUS)

/* Each slot starts with its guard page: page-aligned, so the guard can be unmapped alone. */
uint8_t monitor_stacks[PLAT_MAX_CPUS][STACK_SLOT] __attribute__((aligned(4096)));
uint8_t monitor_abort_stacks[PLAT_MAX_CPUS][ABORT_SLOT] __attribute__((aligned(4096)));

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

size_t monitor_stack_guard_regions(struct mmu_region *out, size_t max)
{
	size_t n = 0;

	for (unsigned int k = 0; k < GUARD_COUNT && n < max; k++)
		out[n++] = (struct mmu_region){guard(k, NULL, 0), MONITOR_STACK_GUARD_SIZE,
					       MMU_UNMAPPED, "stack guard page"};
	return n;
}

/* AT S1E3W (Arm ARM C5.5.10): PAR_EL1.F is set when a write there would fault. */
static int write_faults(uintptr_t va)
{
	__asm__ volatile("at s1e3w, %0" : : "r"(va));
	isb();
	return read_sysreg(par_el1) & 1;
}

unsigned int monitor_stack_guards_check(void)
{
	char name[40];

	for (unsigned int k = 0; k < GUARD_COUNT; k++) {
		uintptr_t g = guard(k, name, sizeof(name));

		if (!write_faults(g) || !write_faults(g + MONITOR_STACK_GUARD_SIZE - 8))
			panic("%s: its guard page %#lx is mapped", name, g);
		if (write_faults(g + MONITOR_STACK_GUARD_SIZE))
			panic("%s: the stack above its guard page is not writable", name);
	}
	return GUARD_COUNT;
}

int monitor_stack_guard_name(uint64_t addr, char *name, size_t len)
{
	for (unsigned int k = 0; k < GUARD_COUNT; k++) {
		uintptr_t g = guard(k, NULL, 0);

		if (addr >= g && addr - g < MONITOR_STACK_GUARD_SIZE) {
			guard(k, name, len);
			return 1;
		}
	}
	return 0;
}

/* stack_probe.S */
void monitor_stack_overflow_probe(uint8_t *stack_top, uint64_t pushes);
extern char monitor_stack_probe_resume[];

static volatile int probe_armed;
static volatile uint64_t probe_far;
static char probe_name[40];

uint64_t monitor_stack_probe_fault(uint64_t far)
{
	if (!probe_armed || !monitor_stack_guard_name(far, probe_name, sizeof(probe_name)))
		return 0;
	probe_armed = 0;
	probe_far = far;
	return (uintptr_t)monitor_stack_probe_resume;
}

void monitor_stack_guard_selftest(unsigned int self)
{
	/* A CPU k whose stack and the one below it (k - 1, hit first) are both idle now. */
	unsigned int k = self + 2 < PLAT_MAX_CPUS ? self + 2 : 1;
	uint8_t *below = monitor_stacks[k - 1] + STACK_SLOT - 256;
	uintptr_t guard_k = (uintptr_t)monitor_stacks[k];
	uint8_t pattern[256];

	for (unsigned int i = 0; i < sizeof(pattern); i++)
		pattern[i] = (uint8_t)(0x5a ^ i);
	memcpy(below, pattern, sizeof(pattern));
	probe_far = 0;
	probe_armed = 1;
	monitor_stack_overflow_probe(monitor_stacks[k] + STACK_SLOT, (STACK_SLOT + 256) / 16);
	if (probe_armed) {
		probe_armed = 0;
		panic("stack guard self-test: an overflow of CPU %u monitor stack ran through its "
		      "guard page %#lx%s",
		      k, guard_k,
		      memcmp(below, pattern, sizeof(pattern)) ? " into the stack below" : "");
	}
	if (probe_far < guard_k || probe_far - guard_k >= MONITOR_STACK_GUARD_SIZE)
		panic("stack guard self-test: CPU %u monitor stack overflow faulted at %#lx (%s), "
		      "not at its guard page %#lx",
		      k, probe_far, probe_name, guard_k);
	if (memcmp(below, pattern, sizeof(pattern)))
		panic("stack guard self-test: CPU %u monitor stack changed under CPU %u's overflow",
		      k - 1, k);
	memset(below, 0, sizeof(pattern));
	log_info("stack guard self-test: an overflow of %s stopped at its guard page %#lx, the "
		 "stack below intact",
		 probe_name, probe_far);
}
