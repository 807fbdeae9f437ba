/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The monitor's BTI self-test (pac.c): an indirect branch to an instruction that is no landing
 * pad, in the monitor's own guarded code. Where GP is in force that is a Branch Target exception
 * (Arm ARM D8.9), which the fault handler (entry.S, monitor_unexpected_exception) turns into a
 * return to monitor_bti_probe_resume. The handler runs on the abort stack and clobbers the
 * caller-saved registers and x30, so sp and the return address wait in memory meanwhile.
 */
	.text
/* int monitor_bti_probe(void): 1 if the branch faulted, 0 if the target ran. */
	.global monitor_bti_probe
	.type monitor_bti_probe, %function
monitor_bti_probe:
	adrp	x9, bti_probe_saved
	add	x9, x9, :lo12:bti_probe_saved
	mov	x10, sp
	stp	x10, x30, [x9]
	adr	x16, monitor_bti_probe_target
	br	x16

	.global monitor_bti_probe_target
monitor_bti_probe_target:
	mov	x0, #0		/* no landing pad: only reached if the page is not guarded */
	ret

	.global monitor_bti_probe_resume
monitor_bti_probe_resume:
	/* The ERET restores PSTATE.BTYPE from SPSR_EL3: the faulting branch's, 0b01. */
	hint	#36		/* bti j */
	adrp	x9, bti_probe_saved
	add	x9, x9, :lo12:bti_probe_saved
	ldp	x10, x30, [x9]
	mov	sp, x10
	mov	x0, #1
	ret

	.bss
	.balign 16
bti_probe_saved:
	.quad	0, 0	/* sp, x30 */
