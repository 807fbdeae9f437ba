// SPDX-License-Identifier: BSD-2-Clause
/* Stack guard pages for every image that has them (see stack_guard_pages.h). */
#include <log.h>
#include <panic.h>
#include <stack_guard_pages.h>
#include <string.h>

size_t stack_guard_regions(const struct stack_guards *g, struct mmu_region *out, size_t max)
{
	size_t n = 0;

	for (unsigned int k = 0; k < g->count && n < max; k++)
		out[n++] = (struct mmu_region){g->page(k, NULL, 0), STACK_GUARD_SIZE, MMU_UNMAPPED,
					       "stack guard page"};
	return n;
}

unsigned int stack_guards_check(const struct stack_guards *g)
{
	char name[STACK_GUARD_NAME_LEN];

	for (unsigned int k = 0; k < g->count; k++) {
		uintptr_t p = g->page(k, name, sizeof(name));

		if (!g->write_faults(p) || !g->write_faults(p + STACK_GUARD_SIZE - 8))
			panic("%s: its guard page %#lx is mapped", name, p);
		if (g->write_faults(p + STACK_GUARD_SIZE))
			panic("%s: the stack above its guard page is not writable", name);
	}
	return g->count;
}

int stack_guard_name(const struct stack_guards *g, uint64_t addr, char *name, size_t len)
{
	for (unsigned int k = 0; k < g->count; k++) {
		uintptr_t p = g->page(k, NULL, 0);

		if (addr >= p && addr - p < STACK_GUARD_SIZE) {
			g->page(k, name, len);
			return 1;
		}
	}
	return 0;
}

/* arch/aarch64/stack_probe.S */
void stack_overflow_probe(uint8_t *stack_top, uint64_t pushes);
extern char stack_probe_resume[];

static volatile int probe_armed;
static volatile uint64_t probe_far;
static char probe_name[STACK_GUARD_NAME_LEN];

uint64_t stack_guard_probe_fault(const struct stack_guards *g, uint64_t far)
{
	if (!probe_armed || !stack_guard_name(g, far, probe_name, sizeof(probe_name)))
		return 0;
	probe_armed = 0;
	probe_far = far;
	return (uintptr_t)stack_probe_resume;
}

void stack_guard_selftest(const struct stack_guards *g, unsigned int k, uint8_t *top,
			  const char *below_name)
{
	char victim[STACK_GUARD_NAME_LEN];
	uintptr_t guard = g->page(k, victim, sizeof(victim));
	/* The top of the stack below, just under the guard page: what an overflow would hit. */
	uint8_t *below = (uint8_t *)guard - 256;
	uint8_t pattern[256];

	for (unsigned int i = 0; i < sizeof(pattern); i++)
		pattern[i] = (uint8_t)(0x5a ^ i);
	memcpy(below, pattern, sizeof(pattern));
	probe_far = 0;
	probe_armed = 1;
	/* Enough to run through the stack, its guard page and 256 bytes of the stack below. */
	stack_overflow_probe(top, ((uintptr_t)top - guard + 256) / 16);
	if (probe_armed) {
		int hit = memcmp(below, pattern, sizeof(pattern)) != 0;

		probe_armed = 0;
		panic(
		    "stack guard self-test: an overflow of %s ran through its guard page %#lx%s%s",
		    victim, guard, hit ? " into " : "", hit ? below_name : "");
	}
	if (probe_far < guard || probe_far - guard >= STACK_GUARD_SIZE)
		panic("stack guard self-test: the overflow of %s was not stopped at its guard page "
		      "%#lx (fault at %#lx, %s)",
		      victim, guard, probe_far, probe_name);
	if (memcmp(below, pattern, sizeof(pattern)))
		panic("stack guard self-test: %s changed under the overflow of %s", below_name,
		      victim);
	memset(below, 0, sizeof(pattern));
	log_info("stack guard self-test: an overflow of %s stopped at its guard page %#lx, %s "
		 "intact",
		 probe_name, probe_far, below_name);
}
