/* SPDX-License-Identifier: BSD-2-Clause */
/* Thread stack switches for the trusted OS (see thread.h). */
#include <arch/gpr_frame.h>
#include <rampart/tee_monitor.h>

#define THREAD_SUSPENDED_STATE	2	/* enum thread_state THREAD_SUSPENDED (thread.h) */

	.text
/* void thread_start(uint8_t *stack_top, void (*fn)(struct thread *), struct thread *t) */
	.global thread_start
	.type thread_start, %function
thread_start:
	mov	sp, x0
	mov	x29, #0
	mov	x30, #0
	mov	x0, x2
	br	x1

/*
 * void thread_switch_out(struct thread_ctx *ctx, uint64_t regs[8], volatile uint32_t *state):
 * keep the callee-saved state, then hand regs[0..6] to the normal world as a0..a6
 * (TEE_RETURN_CALL_DONE, x1..x7). Returns when thread_switch_in resumes the context, with regs[]
 * overwritten by the resume's a0..a7.
 *
 * *state becomes THREAD_SUSPENDED only once the whole context is in memory and a0..a6 are in
 * registers: the store-release orders every store before it (Arm ARM B2.3.11, release
 * semantics), and from then on another CPU may resume the thread and use its stack and regs[],
 * so nothing of the thread is touched after it.
 */
	.global thread_switch_out
	.type thread_switch_out, %function
thread_switch_out:
	store_x19_x30 x0
	mov	x9, sp
	stp	x9, x1, [x0, #96]
	mov	x10, x2
	mov	x8, x1
	ldp	x1, x2, [x8, #0]
	ldp	x3, x4, [x8, #16]
	ldp	x5, x6, [x8, #32]
	ldr	x7, [x8, #48]
	mov	w9, #THREAD_SUSPENDED_STATE
	stlr	w9, [x10]
	ldr	x0, =TEE_RETURN_CALL_DONE
	smc	#0
	b	.

/* void thread_switch_in(struct thread_ctx *ctx, const uint64_t regs[8]) */
	.global thread_switch_in
	.type thread_switch_in, %function
thread_switch_in:
	ldr	x2, [x0, #104]
	ldp	x3, x4, [x1, #0]
	stp	x3, x4, [x2, #0]
	ldp	x3, x4, [x1, #16]
	stp	x3, x4, [x2, #16]
	ldp	x3, x4, [x1, #32]
	stp	x3, x4, [x2, #32]
	ldp	x3, x4, [x1, #48]
	stp	x3, x4, [x2, #48]
	load_x19_x30 x0
	ldr	x2, [x0, #96]
	mov	sp, x2
	ret

/*
 * void thread_exit(volatile uint32_t *state, uint64_t a0): free the thread and end the call.
 * Nothing touches the thread's stack after the store: another CPU may take the thread at once.
 */
	.global thread_exit
	.type thread_exit, %function
thread_exit:
	mov	x2, x1
	stlr	wzr, [x0]
	mov	x1, x2
	mov	x2, #0
	mov	x3, #0
	mov	x4, #0
	mov	x5, #0
	mov	x6, #0
	mov	x7, #0
	ldr	x0, =TEE_RETURN_CALL_DONE
	smc	#0
	b	.
