/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Each CPU's EL2 controls for its guest (docs/hypervisor.md "EL2 set-up"): what guests trap to
 * EL2 (PMU, debug, trace, the EL1 physical timer) and what they get as the CPU has it (FP/SVE/
 * SME, pointer authentication, MTE, MOPS), from the CPU's ID registers.
 */
#ifndef HYP_EL2_TRAPS_H
#define HYP_EL2_TRAPS_H

#include <stddef.h>
#include <stdint.h>

/* Program this CPU's EL2 trap and feature controls (every CPU, before its first guest). */
void el2_traps_init(void);
/* HCR_EL2 while a guest runs on this CPU. */
uint64_t el2_hcr_guest(void);
/* The CPU has pointer authentication (FEAT_PAuth) / BTI (FEAT_BTI). */
int el2_has_pauth(void);
int el2_has_bti(void);
/* For the start-up log: what guests get from this CPU. */
void el2_traps_describe(char *buf, size_t size);

#endif
