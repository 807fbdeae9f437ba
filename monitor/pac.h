/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pointer authentication of the monitor's return addresses and BTI for its code (FEAT_PAuth,
 * FEAT_BTI; Arm ARM D8.8, D8.9). The monitor's C code is built with -mbranch-protection=standard.
 *
 * EL3 has no APIA key of its own: PACIASP/AUTIASP at EL3 use APIAKeyLo/Hi_EL1, which belong to
 * whichever world runs below. So every entry from a lower level (entry.S) moves the lower
 * level's key out of the registers and loads the monitor's, and every exit loads the lower
 * level's back, in assembly, with no signed frame live across either step.
 *
 * Invariant, per CPU, whenever the monitor's C code runs:
 *   - APIAKey_EL1 holds the monitor's key (when the monitor signs, MONITOR_PAC_SIGN);
 *   - monitor_pac_lower[cpu] (TPIDR_EL3 points at it) holds the key of the EL1/EL2 context that
 *     is live in this CPU's EL1 registers, i.e. the one the next exception return goes to.
 * So the slot *is* the APIA key register as far as the world switch is concerned: the entry
 * path fills it from the registers, el1_context_save() copies it into the outgoing world's
 * el1_context, el1_context_restore() copies the incoming world's key into it, and every ERET to
 * a lower level (entry.S lower_el_trap, tee_run in tee_switch.S, el3_exit_ns_el2) loads it into
 * the registers first. A world switch (tee_run ... tee_return) thus leaves the slot holding the
 * right world's key at every exit, and the monitor's key never reaches a lower level.
 */
#ifndef MONITOR_PAC_H
#define MONITOR_PAC_H

/* monitor_pac.flags: */
/* The CPU has address authentication: entry and exit move the lower level's APIA key. */
#define MONITOR_PAC_LOWER_KEYS_BIT 0
/* The monitor has a key: it loads it on entry and signs (SCTLR_EL3.EnIA). */
#define MONITOR_PAC_SIGN_BIT 1
/* The CPU has BTI: the monitor's code pages are guarded, SCTLR_EL3.BT set. */
#define MONITOR_PAC_BTI_BIT    2
#define MONITOR_PAC_KEY_OFFSET 8

#define SCTLR_EL3_ENIA_BIT 31
#define SCTLR_EL3_BT_BIT   36

#define APIAKEYLO_EL1 S3_0_C2_C1_0
#define APIAKEYHI_EL1 S3_0_C2_C1_1

#ifndef __ASSEMBLER__
#include <stdint.h>

#define MONITOR_PAC_LOWER_KEYS (1U << MONITOR_PAC_LOWER_KEYS_BIT)
#define MONITOR_PAC_SIGN       (1U << MONITOR_PAC_SIGN_BIT)
#define MONITOR_PAC_BTI	       (1U << MONITOR_PAC_BTI_BIT)

enum monitor_pac_key_source {
	MONITOR_PAC_KEY_NONE,
	MONITOR_PAC_KEY_RNDR,
	MONITOR_PAC_KEY_SEED,
};

/* Read by the assembly (pac_asm.h): flags at 0, key at MONITOR_PAC_KEY_OFFSET. */
struct monitor_pac {
	uint64_t flags;
	uint64_t key[2];
	uint64_t source; /* enum monitor_pac_key_source, for the log line */
};
extern struct monitor_pac monitor_pac;

/*
 * Pure (pac_policy.c, host-tested): the flags for a CPU with these ID registers, given whether
 * a key was found. Address authentication: ID_AA64ISAR1_EL1.APA or .API, or ID_AA64ISAR2_EL1
 * .APA3 (Arm ARM D19.2); BTI: ID_AA64PFR1_EL1.BT.
 */
unsigned int monitor_pac_flags(uint64_t isar1, uint64_t isar2, uint64_t pfr1, int have_key);
/*
 * Pure: the key from RNDR (rndr_ok, two values) else the boot stage's derivation of the board's
 * seed (handed, all-zero when the board had none); none when neither. Writes key[2].
 */
enum monitor_pac_key_source monitor_pac_pick_key(int rndr_ok, const uint64_t rndr[2],
						 const uint64_t handed[2], uint64_t key[2]);

struct boot_handoff;
/* Cold boot, from entry.S before the monitor's MMU is on: flags and key; wipes the handed key. */
void monitor_pac_init(struct boot_handoff *handoff);
/*
 * This CPU's slot: the APIA key of the lower level the next exit returns to (see above); NULL
 * on a CPU without address authentication.
 */
uint64_t *monitor_pac_lower_key(void);
/* One line on the secure console: signing and BTI state at EL3. */
void monitor_pac_log(void);
/*
 * Where BTI is on: branch to a non-landing pad on purpose and panic unless it faults (so the
 * log line's "guarded" is what the CPU enforces). Cold boot, after monitor_pac_log.
 */
void monitor_bti_selftest(void);
/* From the fault handler: the self-test's resume address for its own fault, else 0. */
uint64_t monitor_bti_probe_fault(uint64_t esr, uint64_t elr);
#endif

#endif
