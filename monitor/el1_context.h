/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * EL1 system registers are not banked between the security states (only EL3 sees both), so the
 * monitor saves one world's set and restores the other's on every switch (Arm ARM D1.3).
 */
#ifndef MONITOR_EL1_CONTEXT_H
#define MONITOR_EL1_CONTEXT_H

#include <stdint.h>

struct el1_context {
	uint64_t sctlr, actlr, cpacr, csselr, sp_el1, esr, ttbr0, mair, amair, tcr;
	uint64_t tpidr_el1, tpidr_el0, tpidrro_el0, par, far, afsr0, afsr1, contextidr, vbar;
	uint64_t spsr, elr, sp_el0, mdscr, cntkctl;
	/* APIAKeyLo/Hi_EL1 where the CPU has pointer authentication, via the slot of pac.h */
	uint64_t apia_key[2];
};

void el1_context_save(struct el1_context *c);
void el1_context_restore(const struct el1_context *c);
/* A context for an EL1 that has not run yet: MMU off, everything else zero. */
void el1_context_reset(struct el1_context *c);

#endif
