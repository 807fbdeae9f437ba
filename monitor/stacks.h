/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * EL3 monitor stacks, each with an unmapped guard page below it, so an overflow faults instead
 * of running into the next CPU's stack. A fault at EL3 is reported from this CPU's abort stack
 * (entry.S), which names the stack whose guard page was hit.
 *
 *   per-CPU monitor stacks: 16 KiB slots, the guard page and 12 KiB of stack (entry.S set_stack)
 *   per-CPU abort stacks: 8 KiB slots, the guard page and 4 KiB of stack
 */
#ifndef MONITOR_STACKS_H
#define MONITOR_STACKS_H

#define MONITOR_STACK_GUARD_SIZE  0x1000
#define MONITOR_STACK_SHIFT	  14
#define MONITOR_ABORT_STACK_SHIFT 13

#ifndef __ASSEMBLER__
#include <arch/mmu.h>
#include <stddef.h>
#include <stdint.h>

/* Up to max regions that unmap the guard pages (for mmu_build, after the other regions). */
size_t monitor_stack_guard_regions(struct mmu_region *out, size_t max);
/* Once the MMU is on: every guard page unmapped (else panic); returns how many there are. */
unsigned int monitor_stack_guards_check(void);
/* If addr is in a guard page, the name of the stack above it. */
int monitor_stack_guard_name(uint64_t addr, char *name, size_t len);
/*
 * Cold boot self-test, before the other CPUs run: overflow an idle CPU's monitor stack on
 * purpose; its guard page must stop it and the stack below must be untouched. Panics otherwise.
 */
void monitor_stack_guard_selftest(unsigned int self);
/* From the fault handler: where to resume if this fault at far is the self-test's, else 0. */
uint64_t monitor_stack_probe_fault(uint64_t far);
#endif

#endif
