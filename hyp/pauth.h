/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Return-address signing and branch targets at EL2 (FEAT_PAuth, FEAT_BTI), for a hypervisor
 * built with -mbranch-protection (docs/hypervisor.md "Mitigations").
 *
 * The APIA key registers are EL1 registers that EL2 shares with the guest (Arm ARM D8.10): the
 * guest owns them while it runs. The exception vectors save the guest's key and install the
 * hypervisor's before any C code runs, and put the guest's back before returning to it
 * (entry.S), so neither sees or clobbers the other's.
 */
#ifndef HYP_PAUTH_H
#define HYP_PAUTH_H

#include <stdint.h>

/* entry.S reads these: the key and whether it is in use (0 or 1). */
extern uint64_t hyp_apia_key[2];
extern uint32_t hyp_pauth_on;

/*
 * CPU 0, in hyp_main, before the other CPUs start: draw the key from board_dt's /chosen/rng-seed
 * (and RNDR where the CPU has it), and turn signing on for this CPU. board_dt must be mapped.
 * Returns 0, or -1 with no entropy at all (signing then stays off, and the caller says so).
 */
int hyp_pauth_init(void *board_dt);
/*
 * Secondary CPUs, from entry.S once their MMU is on: install the key, turn signing on. Signing
 * starts only with the final TCR_EL2: the PAC field's position depends on T0SZ (Arm ARM D8.10
 * "PAC field"), so a return address signed before el2_mmu_on would not authenticate after it.
 */
void hyp_pauth_cpu_on(void);
/* SCTLR_EL2 bits to keep when SCTLR_EL2 is rewritten: EnIA as it is now, BT. */
uint64_t hyp_pauth_sctlr_bits(void);
/* For the start-up log: "on", or "off (why)". */
const char *hyp_pauth_state(void);
const char *hyp_bti_state(void);

#endif
