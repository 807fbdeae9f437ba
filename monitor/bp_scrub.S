/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Branch predictor scrubbing for SMCCC_ARCH_WORKAROUND_1/3 (Arm DEN 0070), chosen per CPU by
 * smccc_arch.c. Neither routine touches memory: the first runs a moment with the MMU off.
 */
	.text
	.global bp_scrub_mmu_toggle
	.type bp_scrub_mmu_toggle, %function
/*
 * Cortex-A57/A72: turning SCTLR_EL3.M off and on again invalidates the branch target buffer.
 * The monitor runs from an identity map, so the instructions between the two writes fetch from
 * the same addresses either way; no load or store happens with the MMU off.
 */
bp_scrub_mmu_toggle:
	mrs	x0, sctlr_el3
	bic	x1, x0, #1
	msr	sctlr_el3, x1
	isb
	msr	sctlr_el3, x0
	isb
	ret

	.global bp_scrub_branch_loop
	.type bp_scrub_branch_loop, %function
/* x0 = count: that many taken branches overwrite the branch history (Spectre-BHB guidance). */
bp_scrub_branch_loop:
	cbz	x0, 2f
1:	b	3f
3:	subs	x0, x0, #1
	b.ne	1b
	dsb	sy
	isb
2:	ret
