/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trusted OS entry points (S-EL1). The monitor enters at _start once, on the boot CPU, and later
 * through tee_entry_table (see include/rampart/tee_monitor.h). Every call runs to completion on
 * this CPU's stack and ends with an SMC back to the monitor.
 */
#include <plat/topology.h>
#include <plat/platform.h>
#include <rampart/tee_monitor.h>

#include "stacks.h"

/* sp := top of this CPU's entry stack (a guard page lies below it, stacks.h); clobbers x9, x10. */
.macro set_stack
	plat_cpu_index x9, x10
	add	x9, x9, #1
	adrp	x10, tee_entry_stacks
	add	x10, x10, :lo12:tee_entry_stacks
	add	x10, x10, x9, lsl #TEE_ENTRY_STACK_SHIFT
	mov	sp, x10
.endm

.macro set_vectors
	adrp	x9, tee_exception_vectors
	add	x9, x9, :lo12:tee_exception_vectors
	msr	vbar_el1, x9
	isb
.endm

/* Call \handler(struct tee_smc_args *) with x0..x7; hand a0..a6 back to the monitor. */
.macro smc_call handler
	set_stack
	sub	sp, sp, #64
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	mov	x0, sp
	bl	\handler
	ldp	x1, x2, [sp, #0]
	ldp	x3, x4, [sp, #16]
	ldp	x5, x6, [sp, #32]
	ldr	x7, [sp, #48]
	add	sp, sp, #64
	ldr	x0, =TEE_RETURN_CALL_DONE
	smc	#0
	b	.
.endm

	.section .text.entry, "ax"
	.global _start
_start:
	/*
	 * x0/x1 = normal-world RAM base/size, x2/x3 = the board's RNG seed, x4 = the stack canary
	 * and x5/x6 the pointer-authentication key derived from it (tee_monitor.h).
	 */
	mov	x19, x0
	mov	x20, x1
	mov	x21, x2
	mov	x22, x3
	mov	x23, x4
	mov	x24, x5
	mov	x25, x6
	set_vectors
	msr	tpidr_el1, xzr		/* no thread yet: thread_client() is 0 */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	set_stack
	/* The stack canary before the first protected C function runs. */
	mov	x0, x23
	bl	stack_guard_init
	/* The pointer-authentication key; tee_cold_main turns it on with the MMU (pac.h). */
	mov	x0, x24
	mov	x1, x25
	bl	tee_pac_init
	mov	x0, x19
	mov	x1, x20
	mov	x2, x21
	mov	x3, x22
	bl	tee_cold_main
	mov	x1, x0
	ldr	x0, =TEE_RETURN_ENTRY_DONE
	smc	#0
	b	.

	.balign 8
	.global tee_entry_table
tee_entry_table:
	b	yield_entry		/* TEE_ENTRY_YIELD */
	b	fast_entry		/* TEE_ENTRY_FAST */
	b	cpu_on_entry		/* TEE_ENTRY_CPU_ON */

yield_entry:
	/* Yielding calls run on threads (thread.c); a0..a7 are copied off this stack first. */
	set_stack
	sub	sp, sp, #64
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	mov	x0, sp
	bl	thread_yield_entry
fast_entry:
	smc_call tee_fast_call
cpu_on_entry:
	set_vectors
	msr	tpidr_el1, xzr
	set_stack
	bl	tee_cpu_on_main
	ldr	x0, =TEE_RETURN_ON_DONE
	smc	#0
	b	.

