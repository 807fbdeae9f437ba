/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Running the trusted OS from inside the monitor's C code: tee_run() ERETs to S-EL1 and returns
 * when the trusted OS SMCs back and the handler calls tee_return(), which unwinds to tee_run's
 * frame (the SMC's own frame below it is dropped).
 */
#include <arch/gpr_frame.h>
#include <plat/topology.h>
#include <plat/platform.h>

#include "pac_asm.h"

/* EL1h with D, A, I and F masked. */
#define SPSR_EL1H_MASKED 0x3c5

#define RUN_FRAME	112

/* x0 := this CPU's slot in tee_rt_sp; clobbers x1, x2. */
.macro rt_slot
	plat_cpu_index x1, x2
	adrp	x0, tee_rt_sp
	add	x0, x0, :lo12:tee_rt_sp
	add	x0, x0, x1, lsl #3
.endm

	.text
	.global tee_run
	.type tee_run, %function
/* void tee_run(uint64_t entry, uint64_t regs[8]): x0..x7 in, x0..x7 out (via tee_return). */
tee_run:
	sub	sp, sp, #RUN_FRAME
	store_x19_x30 sp
	mrs	x2, scr_el3
	stp	x1, x2, [sp, #96]
	mov	x19, x0
	rt_slot
	mov	x1, sp
	str	x1, [x0]
	msr	elr_el3, x19
	mov	x0, #SPSR_EL1H_MASKED
	msr	spsr_el3, x0
	/* tee_secure_scr (tee_dispatch.c): NS = 0, RW, SIF, pointer auth if present. */
	adrp	x0, tee_secure_scr
	ldr	x0, [x0, :lo12:tee_secure_scr]
	msr	scr_el3, x0
	isb
	/* The secure world's key, which el1_context_restore put in the slot (pac.h). */
	pac_exit_lower x0, x1, x2
	ldr	x8, [sp, #96]
	ldp	x0, x1, [x8, #0]
	ldp	x2, x3, [x8, #16]
	ldp	x4, x5, [x8, #32]
	ldp	x6, x7, [x8, #48]
	eret

	.global tee_return
	.type tee_return, %function
/* void tee_return(const uint64_t regs[8]) __noreturn: x0..x7 the trusted OS passed to its SMC. */
tee_return:
	mov	x9, x0
	rt_slot
	ldr	x1, [x0]
	mov	sp, x1
	ldp	x10, x11, [sp, #96]	/* regs[] of tee_run, saved SCR_EL3 */
	ldp	x0, x1, [x9, #0]
	stp	x0, x1, [x10, #0]
	ldp	x0, x1, [x9, #16]
	stp	x0, x1, [x10, #16]
	ldp	x0, x1, [x9, #32]
	stp	x0, x1, [x10, #32]
	ldp	x0, x1, [x9, #48]
	stp	x0, x1, [x10, #48]
	msr	scr_el3, x11
	isb
	load_x19_x30 sp
	add	sp, sp, #RUN_FRAME
	ret
