/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Resident EL3 monitor: cold entry (from the boot stage), warm entry (secondary CPUs leaving the
 * holding pen) and the EL3 exception vectors (Arm ARM D1.10.2 vector table layout).
 */
#include <plat/topology.h>
#include <plat/platform.h>
#include <arch/gpr_frame.h>

#include "pac_asm.h"
#include "stacks.h"

#define FRAME_SIZE	(34 * 8)	/* x0-x30, ELR_EL3, SPSR_EL3, padding */

/* sp := top of this CPU's stack (a guard page lies below it, stacks.h); x0 = index; clobbers x1. */
.macro set_stack
	adrp	x1, monitor_stacks
	add	x1, x1, :lo12:monitor_stacks
	add	x0, x0, #1
	add	x1, x1, x0, lsl #MONITOR_STACK_SHIFT
	mov	sp, x1
.endm

	.section .text.entry, "ax"
	.global monitor_cold_entry
monitor_cold_entry:
	/* x0 = boot handoff. MMU on with the boot stage's identity map. Reached by BLR. */
	BTI_C
	mov	x19, x0
	adrp	x0, monitor_vectors
	add	x0, x0, :lo12:monitor_vectors
	msr	vbar_el3, x0
	/* Zero .bss (stacks included) before anything uses it. */
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	stp	xzr, xzr, [x0], #16
	b	1b
2:	plat_cpu_index x0, x1
	pac_set_slot x0, x1
	set_stack
	/* The stack canary before the first protected C function runs. */
	mov	x0, x19
	bl	monitor_stack_guard_init
	/*
	 * The pointer-authentication key and the monitor's own mapping while nothing signs yet
	 * (EnIA is still clear: PACIASP/AUTIASP are NOPs), then signing from here on (pac.h).
	 */
	mov	x0, x19
	bl	monitor_pac_init
	bl	monitor_mmu_init
	pac_enable_el3 x0, x1, x2, x3
	mov	x0, x19
	bl	monitor_cold_main
	b	.

	.global monitor_warm_entry
monitor_warm_entry:
	/* From the holding pen (BLR): MMU off. Turn it on before touching memory. */
	BTI_C
	adrp	x0, monitor_vectors
	add	x0, x0, :lo12:monitor_vectors
	msr	vbar_el3, x0
	adrp	x4, monitor_mmu_regs
	add	x4, x4, :lo12:monitor_mmu_regs
	ldp	x0, x1, [x4]
	ldp	x2, x3, [x4, #16]
	bl	el3_mmu_enable_raw
	/* The same key and BTI state as the primary CPU, with this CPU's MMU on (pac.h). */
	pac_enable_el3 x0, x1, x2, x3
	plat_cpu_index x0, x1
	mov	x19, x0
	pac_set_slot x0, x1
	set_stack
	mov	x0, x19
	bl	monitor_warm_main
	b	.

	.global monitor_stack_top
	.type monitor_stack_top, %function
/* uint64_t monitor_stack_top(void): this CPU's EL3 stack top. */
monitor_stack_top:
	plat_cpu_index x0, x1
	adrp	x1, monitor_stacks
	add	x1, x1, :lo12:monitor_stacks
	add	x0, x0, #1
	add	x0, x1, x0, lsl #MONITOR_STACK_SHIFT
	ret

/*
 * Save x0-x30, ELR and SPSR, call \handler(frame); restore and return to the lower level. The
 * lower level's APIA key is swapped for the monitor's around the call (pac.h).
 */
.macro lower_el_trap handler
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	store_x2_x29 sp
	/* ELR/SPSR too: a call into the trusted OS takes exceptions of its own meanwhile. */
	mrs	x0, elr_el3
	mrs	x1, spsr_el3
	stp	x30, x0, [sp, #240]
	str	x1, [sp, #256]
	pac_enter_lower x0, x1, x2, x3
	mov	x0, sp
	bl	\handler
	pac_exit_lower x0, x1, x2
	ldp	x30, x0, [sp, #240]
	ldr	x1, [sp, #256]
	msr	elr_el3, x0
	msr	spsr_el3, x1
	ldp	x0, x1, [sp, #0]
	load_x2_x29 sp
	add	sp, sp, #FRAME_SIZE
	eret
.endm

lower_sync:
	lower_el_trap monitor_lower_sync
lower_fiq:
	lower_el_trap monitor_lower_fiq

/* From the current EL (SP_EL0): the registers already hold the monitor's key. */
.macro unexpected kind
	mov	x0, #\kind
	mrs	x1, esr_el3
	mrs	x2, elr_el3
	mrs	x3, far_el3
	mov	x4, sp
	b	monitor_unexpected_exception
.endm

/*
 * From a lower level: fatal, but the report runs signed, so with the monitor's key, not one the
 * lower level chose (its own key is kept in the slot all the same).
 */
.macro lower_unexpected kind
	pac_enter_lower x0, x1, x2, x3
	unexpected \kind
.endm

/* A fault in the monitor itself: reported from the abort stack, as sp may be past its guard. */
.macro current_el_fault kind
	mov	x0, #\kind
	b	fault_on_abort_stack
.endm

/*
 * x0 = vector. Fatal, so the report runs on this CPU's abort stack whatever sp was (an overflow
 * into a guard page leaves no room on the stack that hit it). A fault while already on the abort
 * stack (the report itself failed) stops the CPU here instead of faulting again and again.
 */
fault_on_abort_stack:
	mov	x4, sp
	plat_cpu_index x5, x6
	adrp	x6, monitor_abort_stacks
	add	x6, x6, :lo12:monitor_abort_stacks
	add	x5, x6, x5, lsl #MONITOR_ABORT_STACK_SHIFT
	add	x6, x5, #(1 << MONITOR_ABORT_STACK_SHIFT)
	cmp	x4, x5
	b.ls	1f
	cmp	x4, x6
	b.hi	1f
2:	wfi
	b	2b
1:	mov	sp, x6
	mrs	x1, esr_el3
	mrs	x2, elr_el3
	mrs	x3, far_el3
	bl	monitor_unexpected_exception
	/* Back only for the stack guard and BTI self-tests' faults (stacks.c, pac.c). */
	msr	elr_el3, x0
	eret

	.section .text.vectors, "ax"
	.balign 2048
monitor_vectors:
	/* Current EL with SP_EL0: the monitor never runs on SP_EL0. */
	.balign 0x80
	unexpected 0
	.balign 0x80
	unexpected 1
	.balign 0x80
	unexpected 2
	.balign 0x80
	unexpected 3
	/* Current EL with SP_EL3: a fault inside the monitor. */
	.balign 0x80
	current_el_fault 4
	.balign 0x80
	current_el_fault 5
	.balign 0x80
	current_el_fault 6
	.balign 0x80
	current_el_fault 7
	/* Lower EL, AArch64: SMCs, and Group 0 interrupts routed here by SCR_EL3.FIQ. */
	.balign 0x80
	b	lower_sync
	.balign 0x80
	lower_unexpected 9
	.balign 0x80
	b	lower_fiq
	.balign 0x80
	lower_unexpected 11
	/* Lower EL, AArch32: not supported (SCR_EL3.RW = 1). */
	.balign 0x80
	lower_unexpected 12
	.balign 0x80
	lower_unexpected 13
	.balign 0x80
	lower_unexpected 14
	.balign 0x80
	lower_unexpected 15
