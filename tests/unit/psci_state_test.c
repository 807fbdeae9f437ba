// SPDX-License-Identifier: BSD-2-Clause
/* PSCI bookkeeping: CPU states, CPU_ON/OFF/AFFINITY_INFO/CPU_SUSPEND checks, FEATURES answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <rampart/smccc.h>

#include "psci_state.h"

#define RAM_BASE 0x40000000UL
#define RAM_SIZE 0x80000000UL
#define ENTRY (RAM_BASE + 0x1000)

static struct psci_system sys;

static int setup(void **state)
{
	(void)state;
	psci_system_init(&sys, 4, 0, RAM_BASE, RAM_SIZE);
	return 0;
}

static void boot_cpu_on_others_off(void **state)
{
	(void)state;
	assert_int_equal(psci_affinity_info(&sys, 0, 0), PSCI_AFFINITY_ON);
	for (uint64_t cpu = 1; cpu < 4; cpu++)
		assert_int_equal(psci_affinity_info(&sys, cpu, 0), PSCI_AFFINITY_OFF);
}

static void mpidr_mapping(void **state)
{
	(void)state;
	assert_int_equal(psci_mpidr_to_index(&sys, 0x0), 0);
	assert_int_equal(psci_mpidr_to_index(&sys, 0x3), 3);
	assert_int_equal(psci_mpidr_to_index(&sys, 0x4), -1);	    /* no fifth CPU */
	assert_int_equal(psci_mpidr_to_index(&sys, 0x100), -1);	    /* cluster 1: CPU 8 */
	assert_int_equal(psci_mpidr_to_index(&sys, 0x8), -1);	    /* Aff0 beyond the cluster */
	assert_int_equal(psci_mpidr_to_index(&sys, 1UL << 16), -1); /* Aff2 */
	assert_int_equal(psci_mpidr_to_index(&sys, 1UL << 32), -1); /* Aff3 */
	assert_int_equal(psci_mpidr_to_index(&sys, 0x80000001UL), -1);
}

static void cpu_on_lifecycle(void **state)
{
	uint64_t entry = 0, context = 0;
	int idx = -1;

	(void)state;
	assert_int_equal(psci_cpu_on(&sys, 2, ENTRY, 0x1234, &idx), PSCI_SUCCESS);
	assert_int_equal(idx, 2);
	assert_int_equal(psci_affinity_info(&sys, 2, 0), PSCI_AFFINITY_ON_PENDING);
	assert_int_equal(psci_cpu_on(&sys, 2, ENTRY, 0, &idx), PSCI_ON_PENDING);
	/* Another CPU has nothing pending. */
	assert_int_equal(psci_cpu_take_on(&sys, 1, &entry, &context), 0);
	assert_int_equal(psci_cpu_take_on(&sys, 2, &entry, &context), 1);
	assert_int_equal(entry, ENTRY);
	assert_int_equal(context, 0x1234);
	assert_int_equal(psci_affinity_info(&sys, 2, 0), PSCI_AFFINITY_ON);
	assert_int_equal(psci_cpu_on(&sys, 2, ENTRY, 0, &idx), PSCI_ALREADY_ON);
	assert_int_equal(psci_cpu_take_on(&sys, 2, &entry, &context), 0);
	assert_int_equal(psci_cpu_off(&sys, 2), PSCI_SUCCESS);
	assert_int_equal(psci_affinity_info(&sys, 2, 0), PSCI_AFFINITY_OFF);
	assert_int_equal(psci_cpu_off(&sys, 2), PSCI_DENIED);
}

static void cpu_on_bad_arguments(void **state)
{
	int idx = -1;

	(void)state;
	assert_int_equal(psci_cpu_on(&sys, 7, ENTRY, 0, &idx), PSCI_INVALID_PARAMETERS);
	assert_int_equal(psci_cpu_on(&sys, 1UL << 40, ENTRY, 0, &idx), PSCI_INVALID_PARAMETERS);
	/* Entry points outside normal-world RAM (secure RAM, flash, past the end) or misaligned. */
	assert_int_equal(psci_cpu_on(&sys, 1, 0x0e000000, 0, &idx), PSCI_INVALID_ADDRESS);
	assert_int_equal(psci_cpu_on(&sys, 1, 0, 0, &idx), PSCI_INVALID_ADDRESS);
	assert_int_equal(psci_cpu_on(&sys, 1, RAM_BASE + RAM_SIZE, 0, &idx), PSCI_INVALID_ADDRESS);
	assert_int_equal(psci_cpu_on(&sys, 1, ENTRY + 2, 0, &idx), PSCI_INVALID_ADDRESS);
	assert_int_equal(psci_cpu_on(&sys, 1, UINT64_MAX - 3, 0, &idx), PSCI_INVALID_ADDRESS);
	/* Nothing changed. */
	assert_int_equal(psci_affinity_info(&sys, 1, 0), PSCI_AFFINITY_OFF);
	assert_int_equal(idx, -1);
	/* The last word of RAM is a valid entry. */
	assert_int_equal(psci_cpu_on(&sys, 1, RAM_BASE + RAM_SIZE - 4, 0, &idx), PSCI_SUCCESS);
}

static void affinity_info_arguments(void **state)
{
	(void)state;
	assert_int_equal(psci_affinity_info(&sys, 0, 1), PSCI_INVALID_PARAMETERS);
	assert_int_equal(psci_affinity_info(&sys, 0, 3), PSCI_INVALID_PARAMETERS);
	assert_int_equal(psci_affinity_info(&sys, 9, 0), PSCI_INVALID_PARAMETERS);
}

static void suspend_checks(void **state)
{
	int powerdown = -1;

	(void)state;
	assert_int_equal(psci_suspend_check(&sys, 0, 0, &powerdown), PSCI_SUCCESS);
	assert_int_equal(powerdown, 0);
	assert_int_equal(psci_suspend_check(&sys, 0x1234, 0, &powerdown), PSCI_SUCCESS);
	assert_int_equal(psci_suspend_check(&sys, 1U << 16, ENTRY, &powerdown), PSCI_SUCCESS);
	assert_int_equal(powerdown, 1);
	assert_int_equal(psci_suspend_check(&sys, 1U << 16, 0x0e000000, &powerdown),
			 PSCI_INVALID_ADDRESS);
	assert_int_equal(psci_suspend_check(&sys, 1U << 17, ENTRY, &powerdown),
			 PSCI_INVALID_PARAMETERS);
	assert_int_equal(psci_suspend_check(&sys, 1U << 24, ENTRY, &powerdown),
			 PSCI_INVALID_PARAMETERS);
	assert_int_equal(psci_suspend_check(&sys, 1U << 30, ENTRY, &powerdown),
			 PSCI_INVALID_PARAMETERS);
}

static void features(void **state)
{
	const uint32_t implemented[] = {
		PSCI_VERSION,	    PSCI_CPU_SUSPEND,	      PSCI_FN64(PSCI_CPU_SUSPEND),
		PSCI_CPU_OFF,	    PSCI_CPU_ON,	      PSCI_FN64(PSCI_CPU_ON),
		PSCI_AFFINITY_INFO, PSCI_FN64(PSCI_AFFINITY_INFO), PSCI_MIGRATE_INFO_TYPE,
		PSCI_SYSTEM_OFF,    PSCI_SYSTEM_RESET,	      PSCI_FEATURES,
		SMCCC_VERSION,
	};
	const uint32_t missing[] = {PSCI_MIGRATE, PSCI_FN64(PSCI_MIGRATE), 0xC400000E, 0x8400000E,
				    0x84000012, 0x8400001F, PSCI_FN64(PSCI_VERSION), 0x12345678};

	(void)state;
	for (size_t i = 0; i < sizeof(implemented) / sizeof(implemented[0]); i++)
		assert_int_equal(psci_features(implemented[i]), PSCI_SUCCESS);
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++)
		assert_int_equal(psci_features(missing[i]), PSCI_NOT_SUPPORTED);
	assert_int_equal(smccc_arch_features(SMCCC_VERSION), SMCCC_SUCCESS);
	assert_int_equal(smccc_arch_features(SMCCC_ARCH_FEATURES), SMCCC_SUCCESS);
	assert_int_equal(smccc_arch_features(0x80008000), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_arch_features(0x80007fff), SMCCC_NOT_SUPPORTED);
}

static void many_cycles(void **state)
{
	uint64_t entry, context;
	int idx;

	(void)state;
	for (int round = 0; round < 1000; round++) {
		for (uint64_t cpu = 1; cpu < 4; cpu++) {
			assert_int_equal(psci_cpu_on(&sys, cpu, ENTRY + 4 * cpu, round, &idx),
					 PSCI_SUCCESS);
			assert_int_equal(psci_cpu_take_on(&sys, (unsigned int)cpu, &entry, &context),
					 1);
			assert_int_equal(entry, ENTRY + 4 * cpu);
			assert_int_equal(context, (uint64_t)round);
		}
		for (unsigned int cpu = 1; cpu < 4; cpu++)
			assert_int_equal(psci_cpu_off(&sys, cpu), PSCI_SUCCESS);
	}
	for (uint64_t cpu = 1; cpu < 4; cpu++)
		assert_int_equal(psci_affinity_info(&sys, cpu, 0), PSCI_AFFINITY_OFF);
}

static void cpu_count_capped(void **state)
{
	struct psci_system big;

	(void)state;
	psci_system_init(&big, 64, 0, RAM_BASE, RAM_SIZE);
	assert_int_equal(big.cpu_count, PLAT_MAX_CPUS);
	assert_int_equal(psci_mpidr_to_index(&big, 0x7), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(boot_cpu_on_others_off, setup),
		cmocka_unit_test_setup(mpidr_mapping, setup),
		cmocka_unit_test_setup(cpu_on_lifecycle, setup),
		cmocka_unit_test_setup(cpu_on_bad_arguments, setup),
		cmocka_unit_test_setup(affinity_info_arguments, setup),
		cmocka_unit_test_setup(suspend_checks, setup),
		cmocka_unit_test_setup(features, setup),
		cmocka_unit_test_setup(many_cycles, setup),
		cmocka_unit_test(cpu_count_capped),
	};

	return cmocka_run_group_tests_name("psci_state", tests, NULL, NULL);
}
