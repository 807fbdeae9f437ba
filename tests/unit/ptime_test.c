// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA persistent time's arithmetic (tee/ptime.c, GP TEE Internal Core API v1.3.1 7.2.4,
 * 7.2.5): the time set plus the system time since, in the boot it was set in; plus this boot's
 * system time only in a later boot; seconds past 32 bits as TEE_ERROR_OVERFLOW with the time
 * modulo 2^32; a record that cannot be right as TEE_ERROR_TIME_NEEDS_RESET with a zero time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ptime.h"

static const uint8_t boot_a[PTIME_BOOT_ID_LEN] = {1, 2, 3};
static const uint8_t boot_b[PTIME_BOOT_ID_LEN] = {1, 2, 4};

static void record(struct ptime_record *r, uint32_t s, uint32_t ms, uint64_t at)
{
	struct ta_time t = {.seconds = s, .millis = ms};

	ptime_make(r, &t, at, boot_a);
}

static void same_boot_counts_since_the_set(void **state __attribute__((unused)))
{
	struct ptime_record r;
	struct ta_time t;

	record(&r, 100, 250, 5000);
	assert_int_equal(ptime_now(&r, 5000, boot_a, &t), 0);
	assert_int_equal(t.seconds, 100);
	assert_int_equal(t.millis, 250);
	assert_int_equal(ptime_now(&r, 6800, boot_a, &t), 0);
	assert_int_equal(t.seconds, 102);
	assert_int_equal(t.millis, 50);
}

static void a_later_boot_counts_its_own_system_time_only(void **state __attribute__((unused)))
{
	struct ptime_record r;
	struct ta_time t;

	/* Set 5 s into boot a; boot b's counter started again: 3 s of it is all that is known. */
	record(&r, 100, 250, 5000);
	assert_int_equal(ptime_now(&r, 3000, boot_b, &t), 0);
	assert_int_equal(t.seconds, 103);
	assert_int_equal(t.millis, 250);
	/* Even where boot b's counter has passed the moment of the set in boot a. */
	assert_int_equal(ptime_now(&r, 9000, boot_b, &t), 0);
	assert_int_equal(t.seconds, 109);
}

static void seconds_past_32_bits_overflow(void **state __attribute__((unused)))
{
	struct ptime_record r;
	struct ta_time t;

	record(&r, 0xFFFFFFFFU, 0, 0);
	assert_int_equal(ptime_now(&r, 999, boot_a, &t), 0);
	assert_int_equal(t.seconds, 0xFFFFFFFFU);
	assert_int_equal(t.millis, 999);
	record(&r, 0xFFFFFFFFU, 900, 0);
	assert_int_equal(ptime_now(&r, 200, boot_a, &t), TEE_ERROR_OVERFLOW);
	assert_int_equal(t.seconds, 0); /* 2^32 modulo 2^32 (GP 7.2.4) */
	assert_int_equal(t.millis, 100);
	assert_int_equal(ptime_now(&r, 5200, boot_b, &t), TEE_ERROR_OVERFLOW);
	assert_int_equal(t.seconds, 5); /* 2^32 - 1 s 900 ms + 5.2 s */
	assert_int_equal(t.millis, 100);
}

static void records_that_cannot_be_right_need_a_reset(void **state __attribute__((unused)))
{
	struct ptime_record r, bad;
	struct ta_time t;

	record(&r, 100, 0, 5000);
	bad = r;
	bad.magic ^= 1;
	memset(&t, 0xff, sizeof(t));
	assert_int_equal(ptime_now(&bad, 6000, boot_a, &t), TEE_ERROR_TIME_NEEDS_RESET);
	assert_int_equal(t.seconds, 0);
	assert_int_equal(t.millis, 0);
	bad = r;
	bad.format = PTIME_FORMAT + 1;
	assert_int_equal(ptime_now(&bad, 6000, boot_a, &t), TEE_ERROR_TIME_NEEDS_RESET);
	bad = r;
	bad.set_ms = 0xFFFFFFFFULL * 1000 + 1000; /* no TEE_Time is that late */
	assert_int_equal(ptime_now(&bad, 6000, boot_a, &t), TEE_ERROR_TIME_NEEDS_RESET);
	/* Set later than now in the same boot: the counter never goes back. */
	assert_int_equal(ptime_now(&r, 4999, boot_a, &t), TEE_ERROR_TIME_NEEDS_RESET);
	/* In another boot that is no contradiction. */
	assert_int_equal(ptime_now(&r, 4999, boot_b, &t), 0);
}

static void only_millis_below_1000_can_be_set(void **state __attribute__((unused)))
{
	struct ta_time t = {.seconds = 0xFFFFFFFFU, .millis = 999};

	assert_int_equal(ptime_valid(&t), 0);
	t.millis = 1000;
	assert_int_equal(ptime_valid(&t), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_boot_counts_since_the_set),
	    cmocka_unit_test(a_later_boot_counts_its_own_system_time_only),
	    cmocka_unit_test(seconds_past_32_bits_overflow),
	    cmocka_unit_test(records_that_cannot_be_right_need_a_reset),
	    cmocka_unit_test(only_millis_below_1000_can_be_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
