/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The FP/SIMD registers to and from struct fpu_regs (rampart_fpu_ta.h), and a system call made
 * with every V register and FPCR loaded, so what the trusted OS does to them in between shows.
 */
	.text
/* void fpu_regs_load(const struct fpu_regs *r): V0..V31, FPSR, FPCR := r */
	.global fpu_regs_load
	.type fpu_regs_load, %function
fpu_regs_load:
	ldp	q0, q1, [x0, #0]
	ldp	q2, q3, [x0, #32]
	ldp	q4, q5, [x0, #64]
	ldp	q6, q7, [x0, #96]
	ldp	q8, q9, [x0, #128]
	ldp	q10, q11, [x0, #160]
	ldp	q12, q13, [x0, #192]
	ldp	q14, q15, [x0, #224]
	ldp	q16, q17, [x0, #256]
	ldp	q18, q19, [x0, #288]
	ldp	q20, q21, [x0, #320]
	ldp	q22, q23, [x0, #352]
	ldp	q24, q25, [x0, #384]
	ldp	q26, q27, [x0, #416]
	ldp	q28, q29, [x0, #448]
	ldp	q30, q31, [x0, #480]
	ldr	w1, [x0, #512]
	ldr	w2, [x0, #516]
	msr	fpsr, x1
	msr	fpcr, x2
	ret

/* void fpu_regs_store(struct fpu_regs *r): r := V0..V31, FPSR, FPCR */
	.global fpu_regs_store
	.type fpu_regs_store, %function
fpu_regs_store:
	stp	q0, q1, [x0, #0]
	stp	q2, q3, [x0, #32]
	stp	q4, q5, [x0, #64]
	stp	q6, q7, [x0, #96]
	stp	q8, q9, [x0, #128]
	stp	q10, q11, [x0, #160]
	stp	q12, q13, [x0, #192]
	stp	q14, q15, [x0, #224]
	stp	q16, q17, [x0, #256]
	stp	q18, q19, [x0, #288]
	stp	q20, q21, [x0, #320]
	stp	q22, q23, [x0, #352]
	stp	q24, q25, [x0, #384]
	stp	q26, q27, [x0, #416]
	stp	q28, q29, [x0, #448]
	stp	q30, q31, [x0, #480]
	mrs	x1, fpsr
	mrs	x2, fpcr
	str	w1, [x0, #512]
	str	w2, [x0, #516]
	ret

/*
 * uint64_t fpu_svc_kept(const struct fpu_regs *in, struct fpu_regs *out, uint64_t nr,
 *                       uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3):
 * load in, SVC #0 with x8 = nr and x0..x3 = a0..a3, store the registers to out at once; returns
 * the call's x0. No compiled code runs between the load and the store.
 */
	.global fpu_svc_kept
	.type fpu_svc_kept, %function
fpu_svc_kept:
	stp	x19, x30, [sp, #-16]!
	mov	x19, x1
	mov	x8, x2
	mov	x9, x3
	mov	x10, x4
	mov	x11, x5
	mov	x12, x6
	bl	fpu_regs_load
	mov	x0, x9
	mov	x1, x10
	mov	x2, x11
	mov	x3, x12
	svc	#0
	mov	x9, x0
	mov	x0, x19
	bl	fpu_regs_store
	mov	x0, x9
	ldp	x19, x30, [sp], #16
	ret

/*
 * uint64_t fpu_svc6_kept(const struct fpu_regs *in, struct fpu_regs *out, uint64_t nr,
 *                        const uint64_t a[6]):
 * as fpu_svc_kept, with x0..x5 = a[0..5].
 */
	.global fpu_svc6_kept
	.type fpu_svc6_kept, %function
fpu_svc6_kept:
	stp	x19, x30, [sp, #-32]!
	stp	x20, x21, [sp, #16]
	mov	x19, x1
	mov	x20, x2
	mov	x21, x3
	bl	fpu_regs_load
	mov	x8, x20
	ldp	x0, x1, [x21]
	ldp	x2, x3, [x21, #16]
	ldp	x4, x5, [x21, #32]
	svc	#0
	mov	x20, x0
	mov	x0, x19
	bl	fpu_regs_store
	mov	x0, x20
	ldp	x20, x21, [sp, #16]
	ldp	x19, x30, [sp], #32
	ret
