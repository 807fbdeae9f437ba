/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nwsve: an SMC made with every SVE register loaded (Z0..Z31, P0..P15, FFR, FPSR, FPCR) and
 * stored again as soon as it returns, at the vector length of the mode the PE is in (Streaming
 * SVE mode included). struct sve_image (nwsve.c): Z at 0, P at SVE_P, FFR at SVE_FFR, FPSR and
 * FPCR at SVE_FPSR.
 */
#include "nwsve_layout.h"

	.arch_extension sve
	.arch_extension sme

	.text
/* x0 = image: load every register from it; clobbers x1, x2. with_ffr in w3. */
.macro load_image
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	ldr	z\n, [x0, #\n, mul vl]
	.endr
	cbz	w3, 1f
	mov	x1, #SVE_FFR
	add	x1, x0, x1
	ldr	p0, [x1]
	wrffr	p0.b
1:	mov	x1, #SVE_P
	add	x1, x0, x1
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	ldr	p\n, [x1, #\n, mul vl]
	.endr
	mov	x9, #SVE_FPSR
	add	x9, x0, x9
	ldp	w1, w2, [x9]
	msr	fpsr, x1
	msr	fpcr, x2
.endm

/* x0 = image: store every register to it; clobbers x1, x2. with_ffr in w3. */
.macro store_image
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [x0, #\n, mul vl]
	.endr
	mov	x1, #SVE_P
	add	x1, x0, x1
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	str	p\n, [x1, #\n, mul vl]
	.endr
	cbz	w3, 1f
	rdffr	p0.b
	mov	x1, #SVE_FFR
	add	x1, x0, x1
	str	p0, [x1]
1:	mrs	x1, fpsr
	mrs	x2, fpcr
	mov	x9, #SVE_FPSR
	add	x9, x0, x9
	stp	w1, w2, [x9]
.endm

/*
 * void sve_smc(uint64_t a[8], const struct sve_image *in, struct sve_image *out, int with_ffr):
 * x0..x7 from a[], the registers from in; SMC; a[] := x0..x7, out := the registers.
 */
	.global sve_smc
	.type sve_smc, %function
sve_smc:
	stp	x19, x20, [sp, #-32]!
	stp	x21, x30, [sp, #16]
	mov	x19, x0
	mov	x20, x2
	mov	w21, w3
	mov	x0, x1
	load_image
	ldp	x0, x1, [x19, #0]
	ldp	x2, x3, [x19, #16]
	ldp	x4, x5, [x19, #32]
	ldp	x6, x7, [x19, #48]
	smc	#0
	stp	x0, x1, [x19, #0]
	stp	x2, x3, [x19, #16]
	stp	x4, x5, [x19, #32]
	stp	x6, x7, [x19, #48]
	mov	x0, x20
	mov	w3, w21
	store_image
	ldp	x21, x30, [sp, #16]
	ldp	x19, x20, [sp], #32
	ret

/* uint64_t sve_vl(void): the current vector length in bytes (the streaming one in streaming mode). */
	.global sve_vl
	.type sve_vl, %function
sve_vl:
	rdvl	x0, #1
	ret

/* void sme_streaming(int on): SMSTART SM / SMSTOP SM. */
	.global sme_streaming
	.type sme_streaming, %function
sme_streaming:
	cbz	w0, 1f
	smstart	sm
	ret
1:	smstop	sm
	ret

/* uint64_t sme_svcr(void) */
	.global sme_svcr
	.type sme_svcr, %function
sme_svcr:
	mrs	x0, svcr
	ret
