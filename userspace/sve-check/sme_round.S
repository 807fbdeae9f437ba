/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One SME round of rampart-sve-check (sve_check.c), where the CPU has SME: in Streaming SVE mode
 * with ZA on, ZA loaded row by row from za_in and Z0..Z31 with known values, the same long loop
 * of additions to every Z register, then Z0..Z31 (the streaming ones) and ZA stored.
 *
 * void sme_round(const uint8_t *za_in, uint8_t *za_out, uint8_t *z_out, uint64_t seed,
 *                uint64_t iters): ZA as SVL rows of SVL bytes; byte i of Zn at z_out: seed + n +
 * iters, modulo 256. Leaves streaming mode and ZA off.
 */
	.arch armv9-a+sme
	.text
	.global sme_round
	.type sme_round, %function
sme_round:
	smstart
	rdsvl	x5, #1
	mov	w12, #0
	mov	x6, x0
1:	ldr	za[w12, 0], [x6]
	add	x6, x6, x5
	add	w12, w12, #1
	cmp	x12, x5
	b.ne	1b
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	add	w7, w3, #\n
	dup	z\n\().b, w7
	.endr
	cbz	x4, 3f
2:	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	add	z\n\().b, z\n\().b, #1
	.endr
	subs	x4, x4, #1
	b.ne	2b
3:	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [x2, #\n, mul vl]
	.endr
	mov	w12, #0
	mov	x6, x1
4:	str	za[w12, 0], [x6]
	add	x6, x6, x5
	add	w12, w12, #1
	cmp	x12, x5
	b.ne	4b
	smstop
	ret
	.size sme_round, . - sme_round

/* uint64_t sme_svl(void): the streaming vector length in bytes. */
	.global sme_svl
	.type sme_svl, %function
sme_svl:
	rdsvl	x0, #1
	ret
	.size sme_svl, . - sme_svl
