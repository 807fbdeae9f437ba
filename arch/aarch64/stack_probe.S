/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The stack guard self-test's overflow (lib/common/stack_guard_pages.c): push onto a stack until
 * its guard page faults. The image's fault handler (monitor/entry.S or tee/vectors.S) sees the
 * armed self-test (stack_guard_probe_fault) and resumes at stack_probe_resume, which goes back to
 * the caller's own stack.
 */
	.text
/*
 * void stack_overflow_probe(uint8_t *stack_top, uint64_t pushes): pushes 16 bytes at a time, at
 * most that many times; with the guard page in place it returns through the fault, before.
 */
	.global stack_overflow_probe
	.type stack_overflow_probe, %function
stack_overflow_probe:
	stp	x29, x30, [sp, #-16]!
	adrp	x9, probe_saved_sp
	mov	x10, sp
	str	x10, [x9, :lo12:probe_saved_sp]
	mov	sp, x0
1:	stp	x29, x30, [sp, #-16]!
	subs	x1, x1, #1
	b.ne	1b
	b	stack_probe_resume	/* no fault: the caller finds the self-test still armed */

	.global stack_probe_resume
	.type stack_probe_resume, %function
stack_probe_resume:
	adrp	x9, probe_saved_sp
	ldr	x10, [x9, :lo12:probe_saved_sp]
	mov	sp, x10
	ldp	x29, x30, [sp], #16
	ret

	.bss
	.balign 8
probe_saved_sp:
	.quad	0
