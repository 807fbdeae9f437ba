/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The monitor's stack guard self-test overflow (stacks.c): push onto a stack until its guard
 * page faults. The fault handler (entry.S, monitor_unexpected_exception) sees the armed
 * self-test and returns to monitor_stack_probe_resume, which goes back to the caller's stack.
 */
	.text
/*
 * void monitor_stack_overflow_probe(uint8_t *stack_top, uint64_t pushes): pushes 16 bytes at a
 * time, at most that many times; with the guard page in place it returns through the fault.
 */
	.global monitor_stack_overflow_probe
	.type monitor_stack_overflow_probe, %function
monitor_stack_overflow_probe:
	stp	x29, x30, [sp, #-16]!
	adrp	x9, probe_saved_sp
	mov	x10, sp
	str	x10, [x9, :lo12:probe_saved_sp]
	mov	sp, x0
1:	stp	x29, x30, [sp, #-16]!
	subs	x1, x1, #1
	b.ne	1b
	b	monitor_stack_probe_resume	/* no fault: the caller finds the self-test armed */

	.global monitor_stack_probe_resume
	.type monitor_stack_probe_resume, %function
monitor_stack_probe_resume:
	adrp	x9, probe_saved_sp
	ldr	x10, [x9, :lo12:probe_saved_sp]
	mov	sp, x10
	ldp	x29, x30, [sp], #16
	ret

	.bss
	.balign 8
probe_saved_sp:
	.quad	0
