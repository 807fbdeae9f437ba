/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where a powerdown CPU_SUSPEND resumes (tests/nwfuzz/suspend.c): x0 = context_id; what the
 * caller must find (DEN 0022 6.4.3) goes to C as it was on arrival: SCTLR_EL1, DAIF, CurrentEL.
 * Apart from head.S, which nwsve shares and which must not need suspend.c.
 */
#include "nwfuzz_layout.h"

	.text
	.global nwfuzz_resume_entry
nwfuzz_resume_entry:
	mrs	x1, sctlr_el1
	mrs	x2, daif
	mrs	x3, CurrentEL
	msr	daifset, #0xf
	ldr	x4, =nwfuzz_stacks
	add	x4, x4, #NWFUZZ_STACK_SIZE
	mov	sp, x4
	bl	nwfuzz_resumed
1:	wfi
	b	1b
