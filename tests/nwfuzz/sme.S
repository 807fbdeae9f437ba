/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nwfuzz.sme=: SME state loaded and read back around a spin (tests/nwfuzz/sme.c). The Arm ARM's
 * SME chapter: SMSTART sets PSTATE.SM and PSTATE.ZA (SVCR), which zeroes Z, P, FFR and ZA;
 * in Streaming SVE mode LDR/STR (vector) move Z registers of the streaming length SVL; LDR/STR
 * (array vector) move one SVL-byte row of ZA.
 */
	.arch_extension sve
	.arch_extension sme
	.text

/* uint64_t sme_svl(void): SVL in bytes (RDSVL works in either mode). */
	.global sme_svl
sme_svl:
	rdsvl	x0, #1
	ret

/* void sme_enable(void): FP, SVE and SME untrapped at EL1 (CPACR_EL1), SVL the longest. */
	.global sme_enable
sme_enable:
	mrs	x0, cpacr_el1
	orr	x0, x0, #(3 << 24)	/* SMEN */
	orr	x0, x0, #(3 << 20)	/* FPEN */
	orr	x0, x0, #(3 << 16)	/* ZEN */
	msr	cpacr_el1, x0
	isb
	mov	x0, #0xf
	msr	S3_0_C1_C2_6, x0	/* SMCR_EL1.LEN */
	isb
	ret

	.macro	zregs op, base
	.irp	n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	\op	z\n, [\base, #\n, mul vl]
	.endr
	.endm

/* void sme_load(const uint8_t *za, const uint8_t *z): SMSTART, then ZA and Z0-Z31 from memory. */
	.global sme_load
sme_load:
	smstart
	rdsvl	x2, #1
	mov	w12, #0
1:	ldr	za[w12, 0], [x0]
	add	x0, x0, x2
	add	w12, w12, #1
	cmp	x12, x2
	b.ne	1b
	zregs	ldr, x1
	ret

/* uint64_t sme_store(uint8_t *za, uint8_t *z): ZA and Z0-Z31 to memory, SMSTOP; SVCR before. */
	.global sme_store
sme_store:
	rdsvl	x2, #1
	mov	w12, #0
1:	str	za[w12, 0], [x0]
	add	x0, x0, x2
	add	w12, w12, #1
	cmp	x12, x2
	b.ne	1b
	zregs	str, x1
	mrs	x0, svcr
	smstop
	ret
