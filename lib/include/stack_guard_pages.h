/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stack guard pages, one implementation for every image that has them (the monitor at EL3, the
 * trusted OS at S-EL1): an unmapped page below each stack, so an overflow faults instead of
 * running into the stack below. Each image describes its guard pages in a struct stack_guards
 * (its stacks.c) and keeps its own abort-stack wiring in its exception vectors.
 */
#ifndef LIB_STACK_GUARD_PAGES_H
#define LIB_STACK_GUARD_PAGES_H

/* One translation granule (4 KiB), so a guard page can be unmapped alone. */
#define STACK_GUARD_SIZE 0x1000

#ifndef __ASSEMBLER__
#include <arch/mmu.h>
#include <stddef.h>
#include <stdint.h>

/* Room for a stack's name ("CPU 3 monitor abort stack"). */
#define STACK_GUARD_NAME_LEN 40

/* One image's guard pages. */
struct stack_guards {
	unsigned int count;
	/* Guard page k (k < count): its address; if name, the name of the stack above it. */
	uintptr_t (*page)(unsigned int k, char *name, size_t len);
	/* Whether a write by the image to va would fault (its AT instruction, arch/at.h). */
	int (*write_faults)(uintptr_t va);
};

/* Up to max regions that unmap the guard pages (for mmu_build, after the image's regions). */
size_t stack_guard_regions(const struct stack_guards *g, struct mmu_region *out, size_t max);
/* Once the MMU is on: every guard page unmapped (else panic); returns how many there are. */
unsigned int stack_guards_check(const struct stack_guards *g);
/* If addr is in a guard page, the name of the stack above it ("thread 3 stack"). */
int stack_guard_name(const struct stack_guards *g, uint64_t addr, char *name, size_t len);
/*
 * Boot self-test: overflow the idle stack above guard page k (its top is top) on purpose. The
 * guard page must stop the overflow, the fault must be named as that stack's, and the stack just
 * below the guard page (below_name, for the console) must be untouched. Panics otherwise.
 */
void stack_guard_selftest(const struct stack_guards *g, unsigned int k, uint8_t *top,
			  const char *below_name);
/* From the fault handler: where to resume if this fault at far is the self-test's, else 0. */
uint64_t stack_guard_probe_fault(const struct stack_guards *g, uint64_t far);
#endif

#endif
