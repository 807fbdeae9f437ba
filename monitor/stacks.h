/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * EL3 monitor stacks, each with an unmapped guard page below it, so an overflow faults instead
 * of running into the next CPU's stack. A fault at EL3 is reported from this CPU's abort stack
 * (entry.S), which names the stack whose guard page was hit (lib/include/stack_guard_pages.h).
 *
 *   per-CPU monitor stacks: 16 KiB slots, the guard page and 12 KiB of stack (entry.S set_stack)
 *   per-CPU abort stacks: 8 KiB slots, the guard page and 4 KiB of stack
 */
#ifndef MONITOR_STACKS_H
#define MONITOR_STACKS_H

#include <stack_guard_pages.h>

#define MONITOR_STACK_SHIFT	  14
#define MONITOR_ABORT_STACK_SHIFT 13

#ifndef __ASSEMBLER__
/* The monitor's guard pages, checked with AT S1E3W. */
extern const struct stack_guards monitor_stack_guards;
/*
 * Cold boot self-test, before the other CPUs run: overflow an idle CPU's monitor stack on
 * purpose; its guard page must stop it and the stack below must be untouched. Panics otherwise.
 */
void monitor_stack_guard_selftest(unsigned int self);
#endif

#endif
