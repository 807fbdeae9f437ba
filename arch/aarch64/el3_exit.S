/* SPDX-License-Identifier: BSD-2-Clause */
/* Leaving EL3 for the normal world at EL2 (Arm ARM D1.11 "Exception return"). */

/* SPSR: EL2h with D, A, I and F masked. */
#define SPSR_EL2H_MASKED 0x3c9
#define SCTLR_EL2_RES1	0x30c50830
#define HCR_RW		(1 << 31)

	.text
	.global el3_exit_ns_el2
	.type el3_exit_ns_el2, %function
/*
 * x0 = entry, x1 = arg0, x2 = arg1, x3 = EL3 stack top, x4 = the normal world's SCR_EL3,
 * x5 = CPTR_EL2 (both from el3_ns_config, el3.c: what this CPU implements is enabled),
 * x6 = the normal world's APIA key (two words) to load, or 0 to leave APIAKey_EL1 as it is.
 */
el3_exit_ns_el2:
	mov	sp, x3
	/* Last, after every signed function: the caller may sign with another key (EL3 has none). */
	cbz	x6, 1f
	ldp	x7, x8, [x6]
	msr	S3_0_C2_C1_0, x7	/* APIAKeyLo_EL1 */
	msr	S3_0_C2_C1_1, x8	/* APIAKeyHi_EL1 */
1:
	msr	elr_el3, x0
	msr	scr_el3, x4
	mov	x3, #SPSR_EL2H_MASKED
	msr	spsr_el3, x3
	/* EL2 in a known state: MMU and caches off, little-endian, nothing trapped. */
	ldr	x3, =SCTLR_EL2_RES1
	msr	sctlr_el2, x3
	mov	x3, #HCR_RW
	msr	hcr_el2, x3
	msr	cptr_el2, x5
	/* Counter: EL1 may read the physical counter/timer; one virtual offset on every CPU. */
	mov	x3, #3
	msr	cnthctl_el2, x3
	msr	cntvoff_el2, xzr
	mrs	x3, midr_el1
	msr	vpidr_el2, x3
	mrs	x3, mpidr_el1
	msr	vmpidr_el2, x3
	msr	vttbr_el2, xzr
	isb
	mov	x0, x1
	mov	x1, x2
	mov	x2, xzr
	mov	x3, xzr
	mov	x4, xzr
	mov	x5, xzr
	mov	x6, xzr
	mov	x7, xzr
	mov	x8, xzr
	mov	x9, xzr
	mov	x10, xzr
	mov	x11, xzr
	mov	x12, xzr
	mov	x13, xzr
	mov	x14, xzr
	mov	x15, xzr
	mov	x16, xzr
	mov	x17, xzr
	mov	x18, xzr
	mov	x19, xzr
	mov	x20, xzr
	mov	x21, xzr
	mov	x22, xzr
	mov	x23, xzr
	mov	x24, xzr
	mov	x25, xzr
	mov	x26, xzr
	mov	x27, xzr
	mov	x28, xzr
	mov	x29, xzr
	mov	x30, xzr
	eret

	.global el3_mmu_enable_raw
	.type el3_mmu_enable_raw, %function
/* x0 = MAIR, x1 = TCR, x2 = TTBR0, x3 = SCTLR; touches no memory. */
el3_mmu_enable_raw:
	msr	mair_el3, x0
	msr	tcr_el3, x1
	msr	ttbr0_el3, x2
	isb
	tlbi	alle3
	dsb	sy
	isb
	msr	sctlr_el3, x3
	isb
	ret
