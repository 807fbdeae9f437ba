/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Saving, clearing and restoring the normal world's FP/SIMD, SVE and SME streaming register
 * state at EL3 (ns_fp.c says when). The layout is arch/fp_regs.h's (struct ns_fp_regs, ns_fp.h),
 * and so are the macros that move the registers. SVE state is moved at the vector length EL3
 * runs with (ZCR_EL3, or SMCR_EL3 in Streaming SVE mode), the largest any lower level can have
 * (Arm ARM: the Effective vector length at ELx is never above EL3's), so every bit the normal
 * world can hold is kept.
 */
#include <arch/fp_regs.h>

	.arch_extension sve
	.arch_extension sme

	.text

/* void ns_fp_save_simd(struct ns_fp_regs *r): V0..V31, FPSR, FPCR. */
	.global ns_fp_save_simd
	.type ns_fp_save_simd, %function
ns_fp_save_simd:
	fp_store_v x0
	b	save_status

/*
 * void ns_fp_save_sve(struct ns_fp_regs *r, int with_ffr): Z0..Z31 and P0..P15 at the current
 * vector length, FFR when with_ffr (it does not exist in Streaming SVE mode without FA64).
 */
	.global ns_fp_save_sve
	.type ns_fp_save_sve, %function
ns_fp_save_sve:
	fp_store_z x0
	fp_regs_addr x2, x0, FP_REGS_P
	fp_store_p x2
	cbz	w1, save_status
	fp_regs_addr x2, x0, FP_REGS_FFR
	fp_store_ffr x2
save_status:
	fp_regs_addr x3, x0, FP_REGS_FPSR
	fp_store_status x3, x1, x2
	ret

/* void ns_fp_load_simd(const struct ns_fp_regs *r) */
	.global ns_fp_load_simd
	.type ns_fp_load_simd, %function
ns_fp_load_simd:
	fp_load_v x0
	b	load_status

/* void ns_fp_load_sve(const struct ns_fp_regs *r, int with_ffr) */
	.global ns_fp_load_sve
	.type ns_fp_load_sve, %function
ns_fp_load_sve:
	fp_load_z x0
	cbz	w1, 1f
	fp_regs_addr x2, x0, FP_REGS_FFR
	fp_load_ffr x2
1:	fp_regs_addr x2, x0, FP_REGS_P
	fp_load_p x2
load_status:
	fp_regs_addr x3, x0, FP_REGS_FPSR
	fp_load_status x3, x1, x2
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
