/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * S-EL1 exception vectors and the way into and out of a TA at S-EL0 (Arm ARM D1.10 "Exception
 * entry", D1.10.2 vector offsets). The kernel runs with interrupts masked; a TA runs with FIQ
 * unmasked, so a normal-world interrupt (a non-secure Group 1 interrupt, signalled as FIQ while
 * the PE is in Secure state: GICv3 architecture 4.6.2) stops it and goes to Linux as an RPC.
 */
#include <arch/gpr_frame.h>
#include <plat/platform.h>
#include <plat/topology.h>

#include "stacks.h"

/*
 * x0..x30, sp_el0, elr_el1, spsr_el1 (struct user_frame), then TPIDR_EL0 and a pad word: the
 * software thread ID register is the TA's own, kept in its frame while the kernel, another TA
 * (a nested TA-to-TA call, or another thread while this one waits in Linux) or Linux runs, and
 * put back only on the way back to this TA.
 */
#define FRAME_SIZE	288
#define FRAME_TPIDR	272
/* SPSR for a TA: EL0t, AArch64, D, A and I masked, F unmasked. */
#define SPSR_TA		0x380
#define CALL_EXIT_SP	0	/* offsetof(struct ta_call, exit_sp) */

.macro save_frame
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	store_x2_x29 sp
	mrs	x0, sp_el0
	stp	x30, x0, [sp, #240]
	mrs	x0, elr_el1
	mrs	x1, spsr_el1
	stp	x0, x1, [sp, #256]
	mrs	x0, tpidr_el0
	str	x0, [sp, #FRAME_TPIDR]
.endm

.macro restore_frame_eret
	ldr	x0, [sp, #FRAME_TPIDR]
	msr	tpidr_el0, x0
	ldp	x0, x1, [sp, #256]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	ldp	x30, x0, [sp, #240]
	msr	sp_el0, x0
	ldp	x0, x1, [sp, #0]
	load_x2_x29 sp
	add	sp, sp, #FRAME_SIZE
	eret
.endm

.macro vector handler
	.balign 0x80
	b	\handler
.endm

	.text
	.balign 2048
	.global tee_exception_vectors
tee_exception_vectors:
	/* Current EL with SP_EL0: never used. */
	vector kernel_unexpected
	vector kernel_unexpected
	vector kernel_unexpected
	vector kernel_unexpected
	/* Current EL with SP_ELx: the kernel. */
	vector kernel_unexpected
	vector kernel_unexpected
	vector kernel_fiq
	vector kernel_unexpected
	/* Lower EL, AArch64: a TA. */
	vector user_sync
	vector kernel_unexpected
	vector user_fiq
	vector kernel_unexpected
	/* Lower EL, AArch32: TAs are AArch64 only. */
	vector kernel_unexpected
	vector kernel_unexpected
	vector kernel_unexpected
	vector kernel_unexpected

/*
 * Fatal, so reported from this CPU's abort stack whatever sp was: the exception may be a stack
 * overflow into a guard page, and that stack has no room left. x9..x11 are lost to the switch.
 * An exception while already on the abort stack (the report itself failed) stops the CPU here
 * instead of taking the same exception again and again, after one line written straight to the
 * secure UART (no stack, no lock: either may be what failed).
 */
kernel_unexpected:
	mov	x9, sp
	plat_cpu_index x10, x11
	adrp	x11, tee_abort_stacks
	add	x11, x11, :lo12:tee_abort_stacks
	add	x10, x11, x10, lsl #TEE_ABORT_STACK_SHIFT
	add	x11, x10, #(1 << TEE_ABORT_STACK_SHIFT)
	cmp	x9, x10
	b.ls	1f
	cmp	x9, x11
	b.hi	1f
	adrp	x10, nested_fault_line
	add	x10, x10, :lo12:nested_fault_line
	ldr	x11, =PLAT_UART_SECURE_BASE
3:	ldrb	w9, [x10], #1
	cbz	w9, 2f
	str	w9, [x11]	/* PL011 UARTDR */
	b	3b
2:	wfi
	b	2b
1:	mov	sp, x11
	save_frame
	mov	x0, sp
	mov	x1, x9
	bl	tee_unexpected_exception
	/* Back only for the stack guard self-test's fault (stacks.c): resume where it says. */
	ldp	x0, x1, [sp, #256]
	msr	elr_el1, x0
	msr	spsr_el1, x1
	eret

kernel_fiq:
user_fiq:
	save_frame
	bl	thread_foreign_interrupt
	restore_frame_eret

user_sync:
	save_frame
	mov	x0, sp
	bl	ta_user_sync
	restore_frame_eret

/*
 * uint64_t ta_enter_user(struct ta_call *call, const uint64_t regs[4], uint64_t pc, uint64_t sp):
 * run the TA at pc with x0..x3 = regs until it ends the entry; returns what ta_exit_user gives.
 */
	.global ta_enter_user
	.type ta_enter_user, %function
ta_enter_user:
	sub	sp, sp, #96
	store_x19_x30 sp
	mov	x9, sp
	str	x9, [x0, #CALL_EXIT_SP]
	msr	elr_el1, x2
	msr	sp_el0, x3
	mov	x9, #SPSR_TA
	msr	spsr_el1, x9
	mov	x9, x1
	ldp	x0, x1, [x9, #0]
	ldp	x2, x3, [x9, #16]
	/*
	 * Every entry starts with both thread ID registers zero (Arm ARM D19.2 TPIDR_EL0,
	 * TPIDRRO_EL0: EL0 reads both, writes TPIDR_EL0): nothing another TA or an earlier
	 * entry left there reaches this one.
	 */
	msr	tpidr_el0, xzr
	msr	tpidrro_el0, xzr
	/* Nothing of the kernel's registers reaches the TA. */
	mov	x4, #0
	mov	x5, #0
	mov	x6, #0
	mov	x7, #0
	mov	x8, #0
	mov	x9, #0
	mov	x10, #0
	mov	x11, #0
	mov	x12, #0
	mov	x13, #0
	mov	x14, #0
	mov	x15, #0
	mov	x16, #0
	mov	x17, #0
	mov	x18, #0
	mov	x19, #0
	mov	x20, #0
	mov	x21, #0
	mov	x22, #0
	mov	x23, #0
	mov	x24, #0
	mov	x25, #0
	mov	x26, #0
	mov	x27, #0
	mov	x28, #0
	mov	x29, #0
	mov	x30, #0
	eret

/* void ta_exit_user(uint64_t exit_sp, uint64_t result): back to ta_enter_user's caller. */
	.global ta_exit_user
	.type ta_exit_user, %function
ta_exit_user:
	msr	tpidr_el0, xzr	/* the ended entry's value stays with it */
	mov	sp, x0
	mov	x0, x1
	load_x19_x30 sp
	add	sp, sp, #96
	ret

	.section .rodata
nested_fault_line:
	.asciz	"rampart-tee: error: an exception while reporting an exception: this CPU stops\r\n"
