/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A vCPU's FP/SIMD, SVE and SME registers to and from memory, for vcpu_switch.c (which says
 * which to move when). The layout of struct vcpu_fp and the macros are arch/fp_regs.h's, shared
 * with the monitor. The hypervisor is compiled with -mgeneral-regs-only: these are the only
 * instructions of it that touch the FP/SIMD, SVE and SME register files. CPTR_EL2 leaves TFP, TZ
 * and TSM clear where the features exist (el2_traps.c), so EL2 may use them; ZCR_EL2 and
 * SMCR_EL2 ask for the longest vector lengths, so Z and P move at the largest length a guest
 * can have (Arm ARM: an EL's Effective vector length is never above that of the EL above it).
 */
#include <arch/fp_regs.h>

	.arch_extension fp
	.arch_extension simd
	.arch_extension sve
	.arch_extension sme
	.text

/* void vcpu_fp_save_simd(struct vcpu_fp *f): V0..V31, FPSR, FPCR. */
	.global vcpu_fp_save_simd
	.type vcpu_fp_save_simd, %function
vcpu_fp_save_simd:
	fp_store_v x0
	b	save_status

/*
 * void vcpu_fp_save_sve(struct vcpu_fp *f, int with_ffr): Z0..Z31, P0..P15 at the current vector
 * length (the streaming one in Streaming SVE mode), FFR when with_ffr, FPSR, FPCR.
 */
	.global vcpu_fp_save_sve
	.type vcpu_fp_save_sve, %function
vcpu_fp_save_sve:
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

/* void vcpu_fp_load_simd(const struct vcpu_fp *f) */
	.global vcpu_fp_load_simd
	.type vcpu_fp_load_simd, %function
vcpu_fp_load_simd:
	fp_load_v x0
	b	load_status

/* void vcpu_fp_load_sve(const struct vcpu_fp *f, int with_ffr) */
	.global vcpu_fp_load_sve
	.type vcpu_fp_load_sve, %function
vcpu_fp_load_sve:
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

/* uint64_t vcpu_sme_read_svcr(void): PSTATE.SM (bit 0) and PSTATE.ZA (bit 1). */
	.global vcpu_sme_read_svcr
	.type vcpu_sme_read_svcr, %function
vcpu_sme_read_svcr:
	mrs	x0, svcr
	ret

/*
 * void vcpu_sme_write_svcr(uint64_t svcr): a change of SM zeroes Z, P and FFR, and ZA coming
 * on zeroes ZA (Arm ARM, SVCR and SMSTART): the caller loads them afterwards.
 */
	.global vcpu_sme_write_svcr
	.type vcpu_sme_write_svcr, %function
vcpu_sme_write_svcr:
	msr	svcr, x0
	isb
	ret

/*
 * void vcpu_za_save(void *za) and vcpu_za_load(const void *za): the ZA array, its SVL-byte rows
 * one after the other (SVL from RDSVL: SMCR_EL2's length). PSTATE.ZA must be 1.
 */
	.global vcpu_za_save
	.type vcpu_za_save, %function
vcpu_za_save:
	rdsvl	x1, #1
	mov	w12, #0
1:	str	za[w12, 0], [x0]
	add	x0, x0, x1
	add	w12, w12, #1
	cmp	x12, x1
	b.ne	1b
	ret

	.global vcpu_za_load
	.type vcpu_za_load, %function
vcpu_za_load:
	rdsvl	x1, #1
	mov	w12, #0
1:	ldr	za[w12, 0], [x0]
	add	x0, x0, x1
	add	w12, w12, #1
	cmp	x12, x1
	b.ne	1b
	ret

/*
 * void vcpu_zt0_save(void *zt0) and vcpu_zt0_load(const void *zt0): SME2's 512-bit ZT0
 * (PSTATE.ZA must be 1). Encoded by hand: the assembler of the build does not know SME2
 * (STR ZT0, [X0] and LDR ZT0, [X0], Arm ARM C8.2 "SME2 instructions").
 */
	.global vcpu_zt0_save
	.type vcpu_zt0_save, %function
vcpu_zt0_save:
	.inst	0xe13f8000
	ret

	.global vcpu_zt0_load
	.type vcpu_zt0_load, %function
vcpu_zt0_load:
	.inst	0xe11f8000
	ret
