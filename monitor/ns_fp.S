/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Saving, clearing and restoring the normal world's FP/SIMD, SVE and SME streaming register
 * state at EL3 (ns_fp.c says when). The layout is struct ns_fp_regs (ns_fp.h): Z (or V) registers
 * at NS_FP_Z, predicates at NS_FP_P, FFR at NS_FP_FFR, FPSR and FPCR at NS_FP_FPSR. SVE state is
 * moved at the vector length EL3 runs with (ZCR_EL3, or SMCR_EL3 in Streaming SVE mode), the
 * largest any lower level can have (Arm ARM: the Effective vector length at ELx is never above
 * EL3's), so every bit the normal world can hold is kept.
 */
#include "ns_fp_layout.h"

	.arch_extension sve
	.arch_extension sme

	.text

/* void ns_fp_save_simd(struct ns_fp_regs *r): V0..V31, FPSR, FPCR. */
	.global ns_fp_save_simd
	.type ns_fp_save_simd, %function
ns_fp_save_simd:
	add	x1, x0, #NS_FP_Z
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
	b	save_status

/*
 * void ns_fp_save_sve(struct ns_fp_regs *r, int with_ffr): Z0..Z31 and P0..P15 at the current
 * vector length, FFR when with_ffr (it does not exist in Streaming SVE mode without FA64).
 */
	.global ns_fp_save_sve
	.type ns_fp_save_sve, %function
ns_fp_save_sve:
	add	x2, x0, #NS_FP_Z
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [x2, #\n, mul vl]
	.endr
	add	x2, x0, #NS_FP_P
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	str	p\n, [x2, #\n, mul vl]
	.endr
	cbz	w1, save_status
	/* P0 is saved already, so it may carry FFR to memory. */
	rdffr	p0.b
	mov	x2, #NS_FP_FFR
	add	x2, x0, x2
	str	p0, [x2]
save_status:
	mrs	x1, fpsr
	mrs	x2, fpcr
	mov	x3, #NS_FP_FPSR
	add	x3, x0, x3
	stp	w1, w2, [x3]
	ret

/* void ns_fp_load_simd(const struct ns_fp_regs *r) */
	.global ns_fp_load_simd
	.type ns_fp_load_simd, %function
ns_fp_load_simd:
	add	x1, x0, #NS_FP_Z
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
	b	load_status

/* void ns_fp_load_sve(const struct ns_fp_regs *r, int with_ffr) */
	.global ns_fp_load_sve
	.type ns_fp_load_sve, %function
ns_fp_load_sve:
	add	x2, x0, #NS_FP_Z
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ldr	z\n, [x2, #\n, mul vl]
	.endr
	/* FFR first, through P0, which is loaded after it. */
	cbz	w1, 1f
	mov	x2, #NS_FP_FFR
	add	x2, x0, x2
	ldr	p0, [x2]
	wrffr	p0.b
1:	add	x2, x0, #NS_FP_P
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	ldr	p\n, [x2, #\n, mul vl]
	.endr
load_status:
	mov	x3, #NS_FP_FPSR
	add	x3, x0, x3
	ldp	w1, w2, [x3]
	msr	fpsr, x1
	msr	fpcr, x2
	ret

/*
 * void ns_fp_zero(int sve): every V register, FPSR and FPCR zero; with sve, every Z and P
 * register and FFR as well, whatever the vector length.
 */
	.global ns_fp_zero
	.type ns_fp_zero, %function
ns_fp_zero:
	cbz	w0, 1f
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	dup	z\n\().b, #0
	.endr
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	pfalse	p\n\().b
	.endr
	wrffr	p0.b
	b	2f
1:	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	movi	v\n\().2d, #0
	.endr
2:	msr	fpsr, xzr
	msr	fpcr, xzr
	ret

/* uint64_t ns_fp_read_svcr(void): PSTATE.SM (bit 0) and PSTATE.ZA (bit 1). */
	.global ns_fp_read_svcr
	.type ns_fp_read_svcr, %function
ns_fp_read_svcr:
	mrs	x0, svcr
	ret

/*
 * void ns_fp_streaming(int on): enter (SMSTART SM) or leave (SMSTOP SM) Streaming SVE mode. Both
 * set every Z and P register and FFR to zero and FPSR to its reset value (Arm ARM, SMSTART and
 * SMSTOP); ZA is left as it is.
 */
	.global ns_fp_streaming
	.type ns_fp_streaming, %function
ns_fp_streaming:
	cbz	w0, 1f
	smstart	sm
	ret
1:	smstop	sm
	ret
