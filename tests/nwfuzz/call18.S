/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nwfuzz: one HVC or SMC with x0-x17 in and out of an array, so a caller sees every register
 * the call could change. SMCCC 1.1 (ARM DEN 0028, "Register use in AArch64 SMC and HVC calls"):
 * x0-x3 carry results, x4-x17 are preserved, as are x18-x30 and SP.
 */
	.macro	call18 name, insn
	.global	\name
\name:
	stp	x19, x30, [sp, #-16]!
	mov	x19, x0
	ldp	x0, x1, [x19, #0]
	ldp	x2, x3, [x19, #16]
	ldp	x4, x5, [x19, #32]
	ldp	x6, x7, [x19, #48]
	ldp	x8, x9, [x19, #64]
	ldp	x10, x11, [x19, #80]
	ldp	x12, x13, [x19, #96]
	ldp	x14, x15, [x19, #112]
	ldp	x16, x17, [x19, #128]
	\insn	#0
	stp	x0, x1, [x19, #0]
	stp	x2, x3, [x19, #16]
	stp	x4, x5, [x19, #32]
	stp	x6, x7, [x19, #48]
	stp	x8, x9, [x19, #64]
	stp	x10, x11, [x19, #80]
	stp	x12, x13, [x19, #96]
	stp	x14, x15, [x19, #112]
	stp	x16, x17, [x19, #128]
	ldp	x19, x30, [sp], #16
	ret
	.endm

	.text
	call18	hvc18, hvc
	call18	smc18, smc
