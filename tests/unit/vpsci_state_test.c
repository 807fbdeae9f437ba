// SPDX-License-Identifier: BSD-2-Clause
/* A vCPU's CPU_SUSPEND power_state (hyp/vpsci_state.h): the states taken and every refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <rampart/smccc.h>

#include "vpsci_state.h"

static void expect_state(uint32_t ps, int powerdown)
{
	int pd = -1;

	assert_int_equal(vpsci_power_state(ps, &pd), PSCI_SUCCESS);
	assert_int_equal(pd, powerdown);
}

static void expect_invalid(uint32_t ps)
{
	int pd;

	assert_int_equal(vpsci_power_state(ps, &pd), PSCI_INVALID_PARAMETERS);
}

/* The recommended StateIDs (DEN 0022 6.5) with the StateType they mean, and StateID 0. */
static void valid_states(void **state)
{
	(void)state;
	expect_state(0x00000001, 0); /* core standby */
	expect_state(0x00000002, 0); /* core retention */
	expect_state(0x00010003, 1); /* core powerdown */
	expect_state(0x00000000, 0); /* StateType alone decides */
	expect_state(0x00010000, 1);
}

static void reserved_bits(void **state)
{
	(void)state;
	for (unsigned int bit = 17; bit < 32; bit++) {
		if (bit == 24 || bit == 25)
			continue; /* PowerLevel, below */
		expect_invalid(0x00000001U | 1U << bit);
		expect_invalid(0x00010003U | 1U << bit);
	}
}

/* A vCPU has no cluster or system level of its own (DEN 0022 5.4.2.1 PowerLevel). */
static void power_levels_above_the_core(void **state)
{
	(void)state;
	for (uint32_t level = 1; level < 4; level++) {
		expect_invalid(level << 24 | 0x00000001U);
		expect_invalid(level << 24 | 0x00010003U);
		expect_invalid(level << 24);
	}
}

static void state_id_and_type_disagree(void **state)
{
	(void)state;
	expect_invalid(0x00000003); /* powerdown StateID, standby type */
	expect_invalid(0x00010001); /* standby StateID, powerdown type */
	expect_invalid(0x00010002); /* retention StateID, powerdown type */
}

static void unknown_state_ids(void **state)
{
	(void)state;
	for (uint32_t id = 4; id <= 0xffff; id++) {
		expect_invalid(id);
		expect_invalid(0x00010000U | id);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(valid_states),
	    cmocka_unit_test(reserved_bits),
	    cmocka_unit_test(power_levels_above_the_core),
	    cmocka_unit_test(state_id_and_type_disagree),
	    cmocka_unit_test(unknown_state_ids),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
