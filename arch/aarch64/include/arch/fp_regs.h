/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The FP/SIMD and SVE register file to and from memory, in one layout: used by the monitor for
 * the normal world's registers across the secure world (monitor/ns_fp.S) and by the hypervisor
 * for a vCPU's when CPUs are shared (hyp/vcpu_fp.S).
 *
 * Z0..Z31 at FP_REGS_Z, one vector length apart (or V0..V31, 16 bytes apart, without SVE), P0..P15
 * at FP_REGS_P and FFR at FP_REGS_FFR, one predicate length (VL / 8) apart, then FPSR and FPCR,
 * 64 bits each, at FP_REGS_FPSR. Room is made for the largest vector length the architecture
 * allows, 2048 bits (Arm ARM, ZCR_ELx.LEN and SMCR_ELx.LEN); the Z and P macros move them at the
 * vector length the code runs with, which the caller makes the largest any lower level can use.
 */
#ifndef ARCH_FP_REGS_H
#define ARCH_FP_REGS_H

#define FP_REGS_VL_MAX 256 /* bytes */
#define FP_REGS_Z      0
#define FP_REGS_P      (FP_REGS_Z + 32 * FP_REGS_VL_MAX)
#define FP_REGS_FFR    (FP_REGS_P + 16 * (FP_REGS_VL_MAX / 8))
#define FP_REGS_FPSR   (FP_REGS_FFR + FP_REGS_VL_MAX / 8)
#define FP_REGS_FPCR   (FP_REGS_FPSR + 8)
#define FP_REGS_SIZE   (FP_REGS_FPSR + 16)

#ifdef __ASSEMBLER__
/* \dst = \base + \off, for offsets beyond an ADD immediate. */
.macro fp_regs_addr dst, base, off
	mov	\dst, #(\off)
	add	\dst, \base, \dst
.endm

/* V0..V31 to [\base], 16 bytes each (Arm ARM A1.4: the SIMD&FP registers). */
.macro fp_store_v base
	stp	q0, q1, [\base, #0]
	stp	q2, q3, [\base, #32]
	stp	q4, q5, [\base, #64]
	stp	q6, q7, [\base, #96]
	stp	q8, q9, [\base, #128]
	stp	q10, q11, [\base, #160]
	stp	q12, q13, [\base, #192]
	stp	q14, q15, [\base, #224]
	stp	q16, q17, [\base, #256]
	stp	q18, q19, [\base, #288]
	stp	q20, q21, [\base, #320]
	stp	q22, q23, [\base, #352]
	stp	q24, q25, [\base, #384]
	stp	q26, q27, [\base, #416]
	stp	q28, q29, [\base, #448]
	stp	q30, q31, [\base, #480]
.endm

.macro fp_load_v base
	ldp	q0, q1, [\base, #0]
	ldp	q2, q3, [\base, #32]
	ldp	q4, q5, [\base, #64]
	ldp	q6, q7, [\base, #96]
	ldp	q8, q9, [\base, #128]
	ldp	q10, q11, [\base, #160]
	ldp	q12, q13, [\base, #192]
	ldp	q14, q15, [\base, #224]
	ldp	q16, q17, [\base, #256]
	ldp	q18, q19, [\base, #288]
	ldp	q20, q21, [\base, #320]
	ldp	q22, q23, [\base, #352]
	ldp	q24, q25, [\base, #384]
	ldp	q26, q27, [\base, #416]
	ldp	q28, q29, [\base, #448]
	ldp	q30, q31, [\base, #480]
.endm

/* Z0..Z31 to [\base] at the current vector length (needs .arch_extension sve). */
.macro fp_store_z base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [\base, #\n, mul vl]
	.endr
.endm

.macro fp_load_z base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ldr	z\n, [\base, #\n, mul vl]
	.endr
.endm

/* P0..P15 to [\base], one predicate length apart. */
.macro fp_store_p base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	str	p\n, [\base, #\n, mul vl]
	.endr
.endm

.macro fp_load_p base
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	ldr	p\n, [\base, #\n, mul vl]
	.endr
.endm

/* FFR to [\base] through P0: only once P0 is stored. */
.macro fp_store_ffr base
	rdffr	p0.b
	str	p0, [\base]
.endm

/* FFR from [\base] through P0: before P0 is loaded. */
.macro fp_load_ffr base
	ldr	p0, [\base]
	wrffr	p0.b
.endm

/* FPSR and FPCR to [\base] (64 bits each), using \t1 and \t2. */
.macro fp_store_status base, t1, t2
	mrs	\t1, fpsr
	mrs	\t2, fpcr
	stp	\t1, \t2, [\base]
.endm

.macro fp_load_status base, t1, t2
	ldp	\t1, \t2, [\base]
	msr	fpsr, \t1
	msr	fpcr, \t2
.endm
#endif

#endif
