/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * One round of rampart-sve-check (sve_check.c): every SVE register loaded with known values, then
 * a long loop that only adds 1 to every byte of Z0..Z31, then everything stored for checking.
 * Nothing in the loop touches memory or makes a system call, so whatever a switch of vCPUs (or of
 * tasks) loses or mixes up shows in the values stored at the end.
 *
 * void sve_round(uint8_t *out, uint64_t seed, uint64_t iters): Z0..Z31 at out, one vector length
 * each (byte i of Zn: seed + n + iters, modulo 256); P0..P15 after them, one predicate length
 * each; FFR after those. P and FFR patterns: sve_check.c's expect_p().
 */
	.arch armv8.2-a+sve
	.text
	.global sve_round
	.type sve_round, %function
sve_round:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	add	w3, w1, #\n
	dup	z\n\().b, w3
	.endr
	ptrue	p0.b, vl1
	ptrue	p1.b, vl2
	ptrue	p2.b, vl3
	ptrue	p3.b, vl4
	ptrue	p4.b, vl5
	ptrue	p5.b, vl6
	ptrue	p6.b, vl7
	ptrue	p7.b, vl8
	ptrue	p8.b, vl16
	ptrue	p9.h, vl7
	ptrue	p10.s, vl5
	ptrue	p11.d, vl2
	ptrue	p12.h, vl8
	ptrue	p13.s, vl3
	ptrue	p14.d, vl1
	ptrue	p15.s, vl1
	wrffr	p3.b
	cbz	x2, 2f
1:	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	add	z\n\().b, z\n\().b, #1
	.endr
	subs	x2, x2, #1
	b.ne	1b
2:	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	str	z\n, [x0, #\n, mul vl]
	.endr
	addvl	x4, x0, #31
	addvl	x4, x4, #1
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	str	p\n, [x4, #\n, mul vl]
	.endr
	addpl	x4, x4, #16
	rdffr	p0.b
	str	p0, [x4]
	ret
	.size sve_round, . - sve_round

/* uint64_t sve_vl(void): the vector length in bytes. */
	.global sve_vl
	.type sve_vl, %function
sve_vl:
	rdvl	x0, #1
	ret
	.size sve_vl, . - sve_vl
