/* SPDX-License-Identifier: BSD-2-Clause */
/* Data cache maintenance by VA range; the line size comes from CTR_EL0.DminLine. */

	.text

/* x0 = start, x1 = size; x2..x4 clobbered. \op is the DC operation. */
.macro dcache_range op
	cbz	x1, 2f
	mrs	x3, ctr_el0
	ubfx	x3, x3, #16, #4
	mov	x2, #4
	lsl	x2, x2, x3		/* line size in bytes */
	add	x1, x0, x1		/* end */
	sub	x3, x2, #1
	bic	x0, x0, x3		/* align start down to a line */
1:	dc	\op, x0
	add	x0, x0, x2
	cmp	x0, x1
	b.lo	1b
	dsb	sy
2:	ret
.endm

	.global dcache_clean_range
	.type dcache_clean_range, %function
dcache_clean_range:
	dcache_range cvac

	.global dcache_clean_inval_range
	.type dcache_clean_inval_range, %function
dcache_clean_inval_range:
	dcache_range civac

	.global dcache_inval_range
	.type dcache_inval_range, %function
dcache_inval_range:
	dcache_range ivac
