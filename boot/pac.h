/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Pointer authentication of the boot stage's return addresses (FEAT_PAuth, Arm ARM D8.8): its C
 * code is built with -mbranch-protection=pac-ret. The boot stage runs before any lower level, so
 * it owns APIAKey_EL1 outright; it wipes the key and clears SCTLR_EL3.EnIA before it starts the
 * monitor, which installs its own (monitor/pac.h). Only boot_main, built without signing and
 * never returning, is live when signing starts, re-keys or stops. No BTI: Debian's libfdt.a,
 * whose switch statements may branch through jump tables, has no landing pads.
 */
#ifndef BOOT_PAC_H
#define BOOT_PAC_H

#include <stddef.h>
#include <stdint.h>

/* After the boot stage's MMU is on: sign with a key from RNDR, where the CPU has both. */
__attribute__((target("branch-protection=none"))) void boot_pac_start_rndr(void);
/* Once the board's seed is read: a key derived from it, if RNDR gave none. */
__attribute__((target("branch-protection=none"))) void boot_pac_start_seed(const uint8_t *seed,
									   size_t len);
/* Before the jump to the monitor: signing off, key registers zeroed. */
__attribute__((target("branch-protection=none"))) void boot_pac_stop(void);
/* One line on the secure console: on (and the key's source) or why not. */
void boot_pac_log(void);

#endif
