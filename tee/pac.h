/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pointer authentication of the trusted OS's return addresses (FEAT_PAuth, Arm ARM D8.8): its C
 * code is built with -mbranch-protection=pac-ret. A signature made with the MMU off does not
 * match one checked with it on (the PAC field's width follows the translation regime), so each
 * CPU turns EnIA on right after its MMU, in the functions that enable the MMU, which are built
 * without signing (tee_cold_main, tee_cpu_on_main). The monitor switches APIAKey per world
 * (monitor/el1_context.c).
 */
#ifndef TEE_PAC_H
#define TEE_PAC_H

#include <stdint.h>

/* key[0..1] for APIAKeyLo/Hi, on = 1 to enable. */
struct tee_pac {
	uint64_t key[2];
	uint64_t on;
	uint64_t from_rndr;
};
extern struct tee_pac tee_pac;

/*
 * Cold boot, from tee/entry.S before any signed function: the key from RNDR, else the halves
 * the boot stage derived from the board's seed; off on a CPU without pointer authentication.
 */
void tee_pac_init(uint64_t handed_lo, uint64_t handed_hi);
/*
 * This CPU: load the key and set SCTLR_EL1.EnIA, if on. Only from a function built without
 * signing and with the MMU already on; no signed return address may be live.
 */
__attribute__((target("branch-protection=none"))) void tee_pac_enable(void);
/* One line on the secure console saying whether and with which key source it is on. */
void tee_pac_log(void);

#endif
