/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Hypervisor entry at EL2 (MMU off) and the EL2 exception vectors (Arm ARM D1.10.2, "Exception
 * vectors"). TPIDR_EL2 points at the running vCPU, whose first member is its struct guest_regs.
 */
#include <plat/topology.h>
#include "guest_regs.h"
#include <arch/gpr_frame.h>

#define HYP_STACK_SHIFT 14	/* 16 KiB per CPU, see hyp.ld.S */
#define APIAKEYLO_EL1	s3_0_c2_c1_0
#define APIAKEYHI_EL1	s3_0_c2_c1_1

/*
 * The APIA key is shared with the guest (pauth.h): save the guest's into the vCPU at x0 and
 * install the hypervisor's (to_hyp = 1), or put the guest's back (to_hyp = 0). Clobbers x2, x3.
 * Only when the image signs return addresses and the CPU can.
 */
.macro apia_key_switch to_hyp
#ifdef __ARM_FEATURE_PAC_DEFAULT
	adrp	x2, hyp_pauth_on
	ldr	w2, [x2, :lo12:hyp_pauth_on]
	cbz	w2, 9f
	.if \to_hyp
	mrs	x2, APIAKEYLO_EL1
	mrs	x3, APIAKEYHI_EL1
	stp	x2, x3, [x0, #GUEST_REGS_APIA]
	adrp	x2, hyp_apia_key
	add	x2, x2, :lo12:hyp_apia_key
	ldp	x2, x3, [x2]
	.else
	ldp	x2, x3, [x0, #GUEST_REGS_APIA]
	.endif
	msr	APIAKEYLO_EL1, x2
	msr	APIAKEYHI_EL1, x3
	isb
9:
#endif
.endm

	.section .text.entry, "ax"
	.global _start
/* CPU 0 from the monitor: x0 = QEMU's device tree. */
_start:
	mov	x20, x0
	bl	set_stack_and_vectors
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	mov	x0, x20
	bl	hyp_main
	b	.

	.global hyp_secondary_entry
/* Other CPUs, started by hyp_main through PSCI CPU_ON. */
hyp_secondary_entry:
	bl	set_stack_and_vectors
	bl	el2_mmu_on
	/* Signing on with the final TCR_EL2, before a C function here signs anything (pauth.h). */
	bl	hyp_pauth_cpu_on
	bl	hyp_secondary_main
	b	.

/* sp = top of this CPU's stack, VBAR_EL2 = hyp_vectors. Clobbers x0-x2. */
set_stack_and_vectors:
	plat_cpu_index x0, x1
	add	x0, x0, #1
	adrp	x1, hyp_stacks
	add	x1, x1, :lo12:hyp_stacks
	add	x1, x1, x0, lsl #HYP_STACK_SHIFT
	mov	sp, x1
	adr	x2, hyp_vectors
	msr	vbar_el2, x2
	isb
	ret

	.text
	.global hyp_restart_stack
/* hyp_restart_stack(fn): drop this CPU's EL2 stack and call fn (which does not return). */
hyp_restart_stack:
	mov	x19, x0
	plat_cpu_index x0, x1
	add	x0, x0, #1
	adrp	x1, hyp_stacks
	add	x1, x1, :lo12:hyp_stacks
	add	x1, x1, x0, lsl #HYP_STACK_SHIFT
	mov	sp, x1
	blr	x19
	b	.

	.global guest_resume
/* guest_resume(regs): load the vCPU's registers and return to it. */
guest_resume:
	apia_key_switch 0
	ldr	x1, [x0, #GUEST_REGS_ELR]
	msr	elr_el2, x1
	ldr	x1, [x0, #GUEST_REGS_SPSR]
	msr	spsr_el2, x1
	load_x2_x29 x0
	ldr	x30, [x0, #240]
	ldp	x0, x1, [x0, #0]
	eret

/* From the guest: save its registers into the vCPU, call hyp_trap(regs, kind), resume it. */
.macro guest_exit kind
	stp	x0, x1, [sp, #-16]!
	mrs	x0, tpidr_el2
	store_x2_x29 x0
	str	x30, [x0, #240]
	ldp	x2, x3, [sp], #16
	stp	x2, x3, [x0, #0]
	mrs	x1, elr_el2
	str	x1, [x0, #GUEST_REGS_ELR]
	mrs	x1, spsr_el2
	str	x1, [x0, #GUEST_REGS_SPSR]
	mov	x1, #\kind
	b	guest_trap
.endm

.macro hyp_fault kind
	mov	x0, #\kind
	mrs	x1, esr_el2
	mrs	x2, elr_el2
	mrs	x3, far_el2
	b	hyp_unexpected_exception
.endm

guest_trap:
	apia_key_switch 1
	mov	x19, x0
	bl	hyp_trap
	mov	x0, x19
	b	guest_resume

	.balign 2048
hyp_vectors:
	/* Current EL with SP_EL0: never used. */
	.balign 128
	hyp_fault 0
	.balign 128
	hyp_fault 1
	.balign 128
	hyp_fault 2
	.balign 128
	hyp_fault 3
	/* Current EL with SP_EL2: a fault in the hypervisor itself. */
	.balign 128
	hyp_fault 4
	.balign 128
	hyp_fault 5
	.balign 128
	hyp_fault 6
	.balign 128
	hyp_fault 7
	/* Lower EL, AArch64: the guests. */
	.balign 128
	guest_exit TRAP_SYNC
	.balign 128
	guest_exit TRAP_IRQ
	.balign 128
	guest_exit TRAP_FIQ
	.balign 128
	guest_exit TRAP_SERROR
	/* Lower EL, AArch32: our guests are AArch64 only (HCR_EL2.RW). */
	.balign 128
	hyp_fault 12
	.balign 128
	hyp_fault 13
	.balign 128
	hyp_fault 14
	.balign 128
	hyp_fault 15
