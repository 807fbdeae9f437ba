// SPDX-License-Identifier: BSD-2-Clause
/*
 * What the monitor turns on at EL3 (monitor/pac_policy.c): swapping the lower level's APIA key
 * exactly where the CPU has address authentication (a CPU without it would UNDEF on the key
 * registers; one with it whose key the monitor ignored would leak the monitor's key or lose the
 * kernel's), signing only with a key, and the key's source order.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "pac.h"

#define ISAR1_APA(v)  ((uint64_t)(v) << 4)
#define ISAR1_API(v)  ((uint64_t)(v) << 8)
#define ISAR1_GPA(v)  ((uint64_t)(v) << 24)
#define ISAR1_GPI(v)  ((uint64_t)(v) << 28)
#define ISAR2_APA3(v) ((uint64_t)(v) << 12)
#define ISAR2_GPA3(v) ((uint64_t)(v) << 8)
#define PFR1_BT(v)    ((uint64_t)(v) << 0)
#define PFR1_SSBS(v)  ((uint64_t)(v) << 4)

static void armv8_0_gets_nothing(void **state)
{
	(void)state;
	/* Cortex-A57: all three registers zero. A key alone must not turn anything on. */
	assert_int_equal(monitor_pac_flags(0, 0, 0, 1), 0);
	assert_int_equal(monitor_pac_flags(0, 0, 0, 0), 0);
}

static void each_address_auth_algorithm_counts(void **state)
{
	(void)state;
	const unsigned int both = MONITOR_PAC_LOWER_KEYS | MONITOR_PAC_SIGN;

	assert_int_equal(monitor_pac_flags(ISAR1_APA(1), 0, 0, 1), both);
	assert_int_equal(monitor_pac_flags(ISAR1_APA(5), 0, 0, 1), both);  /* FEAT_FPACCOMBINE */
	assert_int_equal(monitor_pac_flags(ISAR1_API(1), 0, 0, 1), both);  /* pauth-impdef */
	assert_int_equal(monitor_pac_flags(0, ISAR2_APA3(3), 0, 1), both); /* QARMA3 */
}

static void generic_auth_alone_is_not_address_auth(void **state)
{
	(void)state;
	/* GPA/GPI/GPA3 give PACGA only: no APIA key registers to swap. */
	assert_int_equal(monitor_pac_flags(ISAR1_GPA(1) | ISAR1_GPI(1), ISAR2_GPA3(1), 0, 1), 0);
}

static void no_key_still_swaps_the_lower_key(void **state)
{
	(void)state;
	/* The lower levels use their keys whether or not the monitor signs. */
	assert_int_equal(monitor_pac_flags(ISAR1_APA(1), 0, 0, 0), MONITOR_PAC_LOWER_KEYS);
}

static void bti_follows_pfr1_bt_only(void **state)
{
	(void)state;
	assert_int_equal(monitor_pac_flags(0, 0, PFR1_BT(1), 0), MONITOR_PAC_BTI);
	assert_int_equal(monitor_pac_flags(0, 0, PFR1_SSBS(2), 1), 0);
	assert_int_equal(monitor_pac_flags(ISAR1_API(1), 0, PFR1_BT(1) | PFR1_SSBS(2), 1),
			 MONITOR_PAC_LOWER_KEYS | MONITOR_PAC_SIGN | MONITOR_PAC_BTI);
}

static void rndr_first_then_seed_then_none(void **state)
{
	(void)state;
	const uint64_t rndr[2] = {0x1111222233334444ULL, 0x5555666677778888ULL};
	const uint64_t handed[2] = {0x0123456789abcdefULL, 0xfedcba9876543210ULL};
	const uint64_t zero[2] = {0, 0}, half[2] = {0, 0x42};
	uint64_t key[2] = {0xdead, 0xbeef};

	assert_int_equal(monitor_pac_pick_key(1, rndr, handed, key), MONITOR_PAC_KEY_RNDR);
	assert_int_equal(key[0], rndr[0]);
	assert_int_equal(key[1], rndr[1]);
	assert_int_equal(monitor_pac_pick_key(0, rndr, handed, key), MONITOR_PAC_KEY_SEED);
	assert_int_equal(key[0], handed[0]);
	assert_int_equal(key[1], handed[1]);
	/* Half a handed key is still a key (a derivation may yield a zero word). */
	assert_int_equal(monitor_pac_pick_key(0, rndr, half, key), MONITOR_PAC_KEY_SEED);
	assert_int_equal(key[1], 0x42);
	/* Nothing: no key, and no stale one left behind. */
	assert_int_equal(monitor_pac_pick_key(0, rndr, zero, key), MONITOR_PAC_KEY_NONE);
	assert_int_equal(key[0], 0);
	assert_int_equal(key[1], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(armv8_0_gets_nothing),
	    cmocka_unit_test(each_address_auth_algorithm_counts),
	    cmocka_unit_test(generic_auth_alone_is_not_address_auth),
	    cmocka_unit_test(no_key_still_swaps_the_lower_key),
	    cmocka_unit_test(bti_follows_pfr1_bt_only),
	    cmocka_unit_test(rndr_first_then_seed_then_none),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
