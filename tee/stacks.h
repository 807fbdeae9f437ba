/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trusted OS stacks, each with an unmapped guard page below it: a stack that overflows faults on
 * its guard page instead of writing over its neighbour (another thread's stack, whose saved
 * context sits at its top). The fault is taken on this CPU's abort stack, which names the stack
 * (lib/include/stack_guard_pages.h).
 *
 *   per-CPU entry stacks: 16 KiB slots, the guard page and 12 KiB of stack (entry.S set_stack)
 *   per-CPU abort stacks: 8 KiB slots, the guard page and 4 KiB of stack (vectors.S)
 *   thread stacks: the guard page and THREAD_STACK_SIZE of stack each (thread.c)
 */
#ifndef TEE_STACKS_H
#define TEE_STACKS_H

#include <stack_guard_pages.h>

#define TEE_ENTRY_STACK_SHIFT 14
#define TEE_ABORT_STACK_SHIFT 13

#ifndef __ASSEMBLER__
/* The lowest byte of thread i's stack (its guard page is the page below). */
uint8_t *tee_thread_stack(unsigned int i);
/* The trusted OS's guard pages, checked with AT S1E1W. */
extern const struct stack_guards tee_stack_guards;
/*
 * Boot self-test: overflow thread 1's stack on purpose; its guard page must stop the overflow
 * and thread 0's stack (just below that guard page) must be untouched. Panics otherwise.
 */
void tee_stack_guard_selftest(void);
#endif

#endif
