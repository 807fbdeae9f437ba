/* SPDX-License-Identifier: BSD-2-Clause */
/* The key moves of pac.h's invariant, for the monitor's entry and exit paths. */
#ifndef MONITOR_PAC_ASM_H
#define MONITOR_PAC_ASM_H

#include "pac.h"

#ifdef __ASSEMBLER__
/* BTI landing pad for a target of BLR/BR (hint space: a NOP without FEAT_BTI). */
#define BTI_C hint #34

/* TPIDR_EL3 := &monitor_pac_lower[\idx] (this CPU's slot); clobbers \tmp. */
.macro pac_set_slot idx, tmp
	adrp	\tmp, monitor_pac_lower
	add	\tmp, \tmp, :lo12:monitor_pac_lower
	add	\tmp, \tmp, \idx, lsl #4
	msr	tpidr_el3, \tmp
.endm

/*
 * This CPU, once the monitor's own MMU is on (a signature depends on the translation regime)
 * and before its first signed function: the monitor's key, SCTLR_EL3.EnIA, and SCTLR_EL3.BT
 * (PACIASP is then no landing pad for a BR through a register other than x16/x17, D8.9).
 * No signed return address may be live. Clobbers \t0-\t3.
 */
.macro pac_enable_el3 t0, t1, t2, t3
	adrp	\t0, monitor_pac
	add	\t0, \t0, :lo12:monitor_pac
	ldr	\t1, [\t0]
	mrs	\t2, sctlr_el3
	tbz	\t1, #MONITOR_PAC_BTI_BIT, .Lpac_en_sign\@
	orr	\t2, \t2, #(1 << SCTLR_EL3_BT_BIT)
.Lpac_en_sign\@:
	tbz	\t1, #MONITOR_PAC_SIGN_BIT, .Lpac_en_write\@
	ldp	\t1, \t3, [\t0, #MONITOR_PAC_KEY_OFFSET]
	msr	APIAKEYLO_EL1, \t1
	msr	APIAKEYHI_EL1, \t3
	orr	\t2, \t2, #(1 << SCTLR_EL3_ENIA_BIT)
.Lpac_en_write\@:
	msr	sctlr_el3, \t2
	isb
.endm

/*
 * Entry from a lower level, before the first signed function: its APIA key to this CPU's slot,
 * the monitor's key into the registers (ISB: a key write reaches PACIASP only after a context
 * synchronization event). Clobbers \t0-\t3.
 */
.macro pac_enter_lower t0, t1, t2, t3
	adrp	\t0, monitor_pac
	add	\t0, \t0, :lo12:monitor_pac
	ldr	\t1, [\t0]
	tbz	\t1, #MONITOR_PAC_LOWER_KEYS_BIT, .Lpac_in_done\@
	mrs	\t2, tpidr_el3
	mrs	\t3, APIAKEYLO_EL1
	str	\t3, [\t2]
	mrs	\t3, APIAKEYHI_EL1
	str	\t3, [\t2, #8]
	tbz	\t1, #MONITOR_PAC_SIGN_BIT, .Lpac_in_done\@
	ldp	\t2, \t3, [\t0, #MONITOR_PAC_KEY_OFFSET]
	msr	APIAKEYLO_EL1, \t2
	msr	APIAKEYHI_EL1, \t3
	isb
.Lpac_in_done\@:
.endm

/*
 * Exit to a lower level, after the last signed function returned: the slot's key (the lower
 * context's, pac.h) into the registers. The ERET that follows synchronizes. Clobbers \t0-\t2.
 */
.macro pac_exit_lower t0, t1, t2
	adrp	\t0, monitor_pac
	ldr	\t0, [\t0, :lo12:monitor_pac]
	tbz	\t0, #MONITOR_PAC_LOWER_KEYS_BIT, .Lpac_out_done\@
	mrs	\t0, tpidr_el3
	ldp	\t1, \t2, [\t0]
	msr	APIAKEYLO_EL1, \t1
	msr	APIAKEYHI_EL1, \t2
.Lpac_out_done\@:
.endm
#endif

#endif
