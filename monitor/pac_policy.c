// SPDX-License-Identifier: BSD-2-Clause
/* What the monitor turns on for pointer authentication and BTI (pac.h): pure, host-tested. */
#include "pac.h"

#define ID_FIELD(reg, shift) (((reg) >> (shift)) & 0xf)

unsigned int monitor_pac_flags(uint64_t isar1, uint64_t isar2, uint64_t pfr1, int have_key)
{
	unsigned int f = 0;

	/* APA (QARMA5) ISAR1[7:4], API (IMPLEMENTATION DEFINED) ISAR1[11:8], APA3 ISAR2[15:12]. */
	if (ID_FIELD(isar1, 4) || ID_FIELD(isar1, 8) || ID_FIELD(isar2, 12)) {
		f |= MONITOR_PAC_LOWER_KEYS;
		if (have_key)
			f |= MONITOR_PAC_SIGN;
	}
	/* BT, ID_AA64PFR1_EL1[3:0]. */
	if (ID_FIELD(pfr1, 0))
		f |= MONITOR_PAC_BTI;
	return f;
}

enum monitor_pac_key_source monitor_pac_pick_key(int rndr_ok, const uint64_t rndr[2],
						 const uint64_t handed[2], uint64_t key[2])
{
	if (rndr_ok) {
		key[0] = rndr[0];
		key[1] = rndr[1];
		return MONITOR_PAC_KEY_RNDR;
	}
	if (handed[0] | handed[1]) {
		key[0] = handed[0];
		key[1] = handed[1];
		return MONITOR_PAC_KEY_SEED;
	}
	/* No key worth the name: the monitor does not sign rather than sign with a known one. */
	key[0] = 0;
	key[1] = 0;
	return MONITOR_PAC_KEY_NONE;
}
