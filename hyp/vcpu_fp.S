/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A vCPU's FP/SIMD registers (Arm ARM A1.4 "Supported data types": V0-V31, FPSR, FPCR), saved
 * and restored by vcpu_switch.c. The hypervisor is compiled with -mgeneral-regs-only: these
 * are the only instructions of it that touch the FP/SIMD register file. CPTR_EL2.TFP is 0
 * (el2_traps.c), so EL2 may use them.
 */

	.arch_extension fp
	.arch_extension simd
	.text

/* vcpu_fp_save(struct vcpu_fp *f): V0-V31 at 0, FPSR at 512, FPCR at 516 (hyp.h). */
	.global vcpu_fp_save
vcpu_fp_save:
	mov	x1, x0
	stp	q0, q1, [x1, #0]
	stp	q2, q3, [x1, #32]
	stp	q4, q5, [x1, #64]
	stp	q6, q7, [x1, #96]
	stp	q8, q9, [x1, #128]
	stp	q10, q11, [x1, #160]
	stp	q12, q13, [x1, #192]
	stp	q14, q15, [x1, #224]
	stp	q16, q17, [x1, #256]
	stp	q18, q19, [x1, #288]
	stp	q20, q21, [x1, #320]
	stp	q22, q23, [x1, #352]
	stp	q24, q25, [x1, #384]
	stp	q26, q27, [x1, #416]
	stp	q28, q29, [x1, #448]
	stp	q30, q31, [x1, #480]
	mrs	x2, fpsr
	str	w2, [x0, #512]
	mrs	x2, fpcr
	str	w2, [x0, #516]
	ret

/* vcpu_fp_restore(const struct vcpu_fp *f) */
	.global vcpu_fp_restore
vcpu_fp_restore:
	mov	x1, x0
	ldp	q0, q1, [x1, #0]
	ldp	q2, q3, [x1, #32]
	ldp	q4, q5, [x1, #64]
	ldp	q6, q7, [x1, #96]
	ldp	q8, q9, [x1, #128]
	ldp	q10, q11, [x1, #160]
	ldp	q12, q13, [x1, #192]
	ldp	q14, q15, [x1, #224]
	ldp	q16, q17, [x1, #256]
	ldp	q18, q19, [x1, #288]
	ldp	q20, q21, [x1, #320]
	ldp	q22, q23, [x1, #352]
	ldp	q24, q25, [x1, #384]
	ldp	q26, q27, [x1, #416]
	ldp	q28, q29, [x1, #448]
	ldp	q30, q31, [x1, #480]
	ldr	w2, [x0, #512]
	msr	fpsr, x2
	ldr	w2, [x0, #516]
	msr	fpcr, x2
	ret
