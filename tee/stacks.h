/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trusted OS stacks, each with an unmapped guard page below it: a stack that overflows faults on
 * its guard page instead of writing over its neighbour (another thread's stack, whose saved
 * context sits at its top). The fault is taken on this CPU's abort stack, which names the stack.
 *
 *   per-CPU entry stacks: 16 KiB slots, the guard page and 12 KiB of stack (entry.S set_stack)
 *   per-CPU abort stacks: 8 KiB slots, the guard page and 4 KiB of stack (vectors.S)
 *   thread stacks: the guard page and THREAD_STACK_SIZE of stack each (thread.c)
 */
#ifndef TEE_STACKS_H
#define TEE_STACKS_H

#define STACK_GUARD_SIZE      0x1000
#define TEE_ENTRY_STACK_SHIFT 14
#define TEE_ABORT_STACK_SHIFT 13

#ifndef __ASSEMBLER__
#include <arch/mmu.h>
#include <stddef.h>
#include <stdint.h>

/* The lowest byte of thread i's stack (its guard page is the page below). */
uint8_t *tee_thread_stack(unsigned int i);
/* Up to max regions that unmap the guard pages (for mmu_build, after the image's regions). */
size_t tee_stack_guard_regions(struct mmu_region *out, size_t max);
/* The number of guard pages, once the MMU is on: every one is unmapped (else panic). */
unsigned int tee_stack_guards_check(void);
/* If addr is in a guard page, the name of the stack above it ("thread 3 stack"). */
int tee_stack_guard_name(uint64_t addr, char *name, size_t len);
/*
 * Boot self-test: overflow thread 1's stack on purpose; its guard page must stop the overflow
 * and thread 0's stack (just below that guard page) must be untouched. Panics otherwise.
 */
void tee_stack_guard_selftest(void);
/*
 * From the fault handler: 1 if this fault at far is the self-test's, which then resumes at
 * *elr; 0 for any other fault.
 */
int tee_stack_probe_fault(uint64_t far, uint64_t *elr);
#endif

#endif
