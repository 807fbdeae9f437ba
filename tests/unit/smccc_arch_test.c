// SPDX-License-Identifier: BSD-2-Clause
/* SMCCC_ARCH_WORKAROUND_1/2/3 and SOC_ID answers for the CPUs QEMU models and some it does not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <rampart/smccc.h>

#include "smccc_arch.h"

/* MIDR and ID register values as QEMU 7.2 reports them for each -cpu. */
static const struct smccc_cpu_id a53 = {.midr = 0x410fd034, .pfr0 = 0x2222};
static const struct smccc_cpu_id a57 = {.midr = 0x411fd070, .pfr0 = 0x2222};
static const struct smccc_cpu_id a72 = {.midr = 0x410fd083, .pfr0 = 0x2222};
static const struct smccc_cpu_id a76 = {
    .midr = 0x414fd0b1, .pfr0 = 0x1100000010111112UL, .pfr1 = 0x10};
static const struct smccc_cpu_id n1 = {
    .midr = 0x414fd0c1, .pfr0 = 0x1100000010111112UL, .pfr1 = 0x20};
/* -cpu max: implementer 0, CSV2 = 2 and SSBS, no ECBHB. */
static const struct smccc_cpu_id max = {
    .midr = 0x000f0510, .pfr0 = 0x1201111123111112UL, .pfr1 = 0x21};

static int32_t features(uint32_t fid, const struct smccc_cpu_id *id)
{
	return smccc_arch_features_cpu(fid, id, 0);
}

static void in_order_cores_are_unaffected(void **state)
{
	(void)state;
	unsigned int loops;

	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, &a53), SMCCC_WORKAROUND_UNAFFECTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_2, &a53), SMCCC_WORKAROUND_UNAFFECTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, &a53), SMCCC_WORKAROUND_UNAFFECTED);
	assert_int_equal(smccc_bp_scrub_bhb(&a53, &loops), BP_SCRUB_NONE);
	assert_int_equal(smccc_ssb_cpuactlr_bits(&a53), 0);
}

static void a57_a72_need_and_get_every_workaround(void **state)
{
	(void)state;
	const struct smccc_cpu_id *cpus[] = {&a57, &a72};
	unsigned int loops;

	for (int i = 0; i < 2; i++) {
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, cpus[i]), SMCCC_SUCCESS);
		assert_int_equal(smccc_bp_scrub_v2(cpus[i]), BP_SCRUB_MMU_TOGGLE);
		/* Store bypass disabled for good at start: nothing to call. */
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_2, cpus[i]), SMCCC_NOT_REQUIRED);
		assert_int_equal(smccc_ssb_cpuactlr_bits(cpus[i]), 1UL << 55);
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, cpus[i]), SMCCC_SUCCESS);
		assert_int_equal(smccc_bp_scrub_bhb(cpus[i], &loops), BP_SCRUB_BRANCH_LOOP);
		assert_int_equal(loops, 8);
	}
}

static void csv2_cores_need_only_bhb(void **state)
{
	(void)state;
	const struct smccc_cpu_id *cpus[] = {&a76, &n1};
	unsigned int loops;

	for (int i = 0; i < 2; i++) {
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, cpus[i]),
				 SMCCC_WORKAROUND_UNAFFECTED);
		/* FEAT_SSBS: the OS controls store bypass; the firmware has no switch to offer. */
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_2, cpus[i]), SMCCC_NOT_SUPPORTED);
		assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, cpus[i]), SMCCC_SUCCESS);
		assert_int_equal(smccc_bp_scrub_bhb(cpus[i], &loops), BP_SCRUB_BRANCH_LOOP);
		assert_int_equal(loops, 24);
	}
}

static void unknown_cpu_is_never_called_safe(void **state)
{
	(void)state;
	/* A CPU we know nothing about and without CSV2: no claim either way. */
	struct smccc_cpu_id other = {.midr = 0x510f8000, .pfr0 = 0x2222};

	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, &other), SMCCC_NOT_SUPPORTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_2, &other), SMCCC_NOT_SUPPORTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, &other), SMCCC_NOT_SUPPORTED);
	/* Another implementer's part 0xd07 is not a Cortex-A57. */
	other.midr = 0x510fd070;
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, &other), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_ssb_cpuactlr_bits(&other), 0);
}

static void max_cpu_answers_from_id_registers(void **state)
{
	(void)state;
	struct smccc_cpu_id id = max;

	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1, &id), SMCCC_WORKAROUND_UNAFFECTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_2, &id), SMCCC_NOT_SUPPORTED);
	/* CSV2 = 2 says nothing about branch history, and no recipe for this CPU. */
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, &id), SMCCC_NOT_SUPPORTED);
	/* FEAT_CSV2_3 or FEAT_ECBHB: unaffected by Spectre-BHB. */
	id.pfr0 = (id.pfr0 & ~(0xfUL << 56)) | (3UL << 56);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, &id), SMCCC_WORKAROUND_UNAFFECTED);
	id = max;
	id.mmfr1 = 1UL << 60;
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_3, &id), SMCCC_WORKAROUND_UNAFFECTED);
}

static void soc_id(void **state)
{
	(void)state;
	assert_int_equal(smccc_arch_features_cpu(SMCCC_ARCH_SOC_ID, &a57, 0), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_arch_features_cpu(SMCCC_ARCH_SOC_ID, &a57, 1), SMCCC_SUCCESS);
	assert_int_equal(smccc_soc_version(4, 0x3b, 0x1234), 0x043b1234);
	/* A code with its parity bit still set, a bank past 127, a 17-bit SoC ID: refused. */
	assert_int_equal(smccc_soc_version(4, 0xbb, 0x1234), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_soc_version(0x80, 0x3b, 0), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_soc_version(0, 0x3b, 0x10000), SMCCC_NOT_SUPPORTED);
	assert_int_equal(smccc_soc_version(0, 0, 1), SMCCC_NOT_SUPPORTED);
	assert_true(smccc_soc_version(0x7f, 0x7f, 0xffff) >= 0);
}

static void other_ids_not_answered_here(void **state)
{
	(void)state;
	assert_int_equal(features(SMCCC_VERSION, &a57), SMCCC_NOT_SUPPORTED);
	assert_int_equal(features(0x80008001, &a57), SMCCC_NOT_SUPPORTED);
	assert_int_equal(features(SMCCC_ARCH_WORKAROUND_1 | SMCCC_SMC64, &a57),
			 SMCCC_NOT_SUPPORTED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(in_order_cores_are_unaffected),
	    cmocka_unit_test(a57_a72_need_and_get_every_workaround),
	    cmocka_unit_test(csv2_cores_need_only_bhb),
	    cmocka_unit_test(unknown_cpu_is_never_called_safe),
	    cmocka_unit_test(max_cpu_answers_from_id_registers),
	    cmocka_unit_test(soc_id),
	    cmocka_unit_test(other_ids_not_answered_here),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
