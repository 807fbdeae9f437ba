// SPDX-License-Identifier: BSD-2-Clause
/* Feature decoding from ID registers and the normal world's SCR_EL3/CPTR_ELx/ZCR/SMCR values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <arch/cpu_features.h>

#define SCR_BASE (SCR_EL3_NS | SCR_EL3_FIQ | SCR_EL3_RES1 | SCR_EL3_HCE | SCR_EL3_SIF | SCR_EL3_RW)

static struct el3_ns_config config_of(const struct cpu_id_regs *id)
{
	struct el3_ns_config c;

	memset(&c, 0xa5, sizeof(c));
	el3_ns_config_from_ids(id, &c);
	return c;
}

/* QEMU's cortex-a57: Armv8.0, nothing beyond the base set may be enabled. */
static void armv8_0_enables_nothing_more(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.pfr0 = 0x2222, .isar0 = 0x11120, .mmfr0 = 0x1124};
	struct el3_ns_config c = config_of(&id);

	assert_int_equal(c.features, 0);
	assert_int_equal(c.scr_el3, SCR_BASE);
	assert_int_equal(c.scr_el3, 0x735);
	assert_int_equal(c.cptr_el3, 0);
	assert_int_equal(c.cptr_el2, 0x33ff);
	assert_int_equal(c.zcr, 0);
	assert_int_equal(c.smcr, 0);
}

static void sve_opens_ez_and_clears_tz(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.pfr0 = 0x1UL << 32};
	struct el3_ns_config c = config_of(&id);

	assert_int_equal(c.features, CPU_FEAT_SVE);
	assert_int_equal(c.cptr_el3, CPTR_EL3_EZ);
	assert_int_equal(c.cptr_el2, 0x33ff & ~CPTR_EL2_TZ);
	assert_int_equal(c.zcr, ZCR_LEN_MAX);
	assert_false(c.cptr_el3 & CPTR_EL3_ESM);
	assert_false(c.scr_el3 & SCR_EL3_ENTP2);
}

static void sme_opens_esm_tp2_and_smcr(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.pfr1 = 0x1UL << 24};
	struct el3_ns_config c = config_of(&id);

	assert_true(c.cptr_el3 & CPTR_EL3_ESM);
	assert_true(c.scr_el3 & SCR_EL3_ENTP2);
	assert_false(c.cptr_el2 & CPTR_EL2_TSM);
	/* No FA64 in ID_AA64SMFR0_EL1, no SME2: only LEN. */
	assert_int_equal(c.smcr, SMCR_LEN_MAX);

	id.pfr1 = 0x2UL << 24;
	id.smfr0 = 1UL << 63;
	c = config_of(&id);
	assert_int_equal(c.smcr, SMCR_LEN_MAX | SMCR_FA64 | SMCR_EZT0);
	/* FA64 alone in SMFR0 without SME is not a feature. */
	id.pfr1 = 0;
	c = config_of(&id);
	assert_int_equal(c.smcr, 0);
	assert_false(c.cptr_el3 & CPTR_EL3_ESM);
}

static void pointer_auth_from_any_algorithm(void **state)
{
	(void)state;
	const uint64_t isar1[] = {0x1UL << 4, 0x1UL << 8, 0};
	const uint64_t isar2[] = {0, 0, 0x1UL << 12};

	for (int i = 0; i < 3; i++) {
		struct cpu_id_regs id = {.isar1 = isar1[i], .isar2 = isar2[i]};
		struct el3_ns_config c = config_of(&id);

		assert_int_equal(c.scr_el3, SCR_BASE | SCR_EL3_APK | SCR_EL3_API);
	}
	/* GPA/GPI alone (generic authentication) do not make address authentication. */
	struct cpu_id_regs id = {.isar1 = (0x1UL << 24) | (0x1UL << 28)};
	assert_int_equal(config_of(&id).scr_el3, SCR_BASE);
}

static void mte_ata_only_with_tag_storage(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.pfr1 = 0x1UL << 8};

	assert_false(config_of(&id).scr_el3 & SCR_EL3_ATA);
	id.pfr1 = 0x2UL << 8;
	assert_true(config_of(&id).scr_el3 & SCR_EL3_ATA);
}

static void el2_features(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.mmfr0 = 0x1UL << 56};

	assert_int_equal(config_of(&id).scr_el3, SCR_BASE | SCR_EL3_FGTEN);
	id.mmfr0 = 0x1UL << 60; /* ECV without CNTPOFF_EL2 */
	assert_int_equal(config_of(&id).scr_el3, SCR_BASE);
	id.mmfr0 = 0x2UL << 60;
	assert_int_equal(config_of(&id).scr_el3, SCR_BASE | SCR_EL3_ECVEN);
	id.mmfr0 = 0;
	id.mmfr1 = 0x1UL << 40;
	assert_int_equal(config_of(&id).scr_el3, SCR_BASE | SCR_EL3_HXEN);
	id.mmfr1 = 0;
	id.mmfr3 = 0x111;
	assert_int_equal(config_of(&id).scr_el3,
			 SCR_BASE | SCR_EL3_TCR2EN | SCR_EL3_SCTLR2EN | SCR_EL3_PIEN);
}

static void scxtnum_needs_csv2_2_or_1p2(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.pfr0 = 0x1UL << 56, .pfr1 = 0x1UL << 32};

	assert_false(config_of(&id).scr_el3 & SCR_EL3_ENSCXT);
	id.pfr1 = 0x2UL << 32;
	assert_true(config_of(&id).scr_el3 & SCR_EL3_ENSCXT);
	id.pfr0 = 0x2UL << 56;
	id.pfr1 = 0;
	assert_true(config_of(&id).scr_el3 & SCR_EL3_ENSCXT);
}

static void rndr_never_trapped(void **state)
{
	(void)state;
	struct cpu_id_regs id = {.isar0 = 0x1UL << 60};
	struct el3_ns_config c = config_of(&id);

	assert_true(c.features & CPU_FEAT_RNG);
	assert_false(c.scr_el3 & SCR_EL3_TRNDR);
}

/* Every field at its maximum: no bit outside the architected enables, never EEL2 or traps. */
static void everything_present(void **state)
{
	(void)state;
	struct cpu_id_regs id;
	struct el3_ns_config c;
	uint64_t allowed = SCR_BASE | SCR_EL3_APK | SCR_EL3_API | SCR_EL3_ENSCXT | SCR_EL3_ATA |
			   SCR_EL3_FGTEN | SCR_EL3_ECVEN | SCR_EL3_HXEN | SCR_EL3_ENTP2 |
			   SCR_EL3_TCR2EN | SCR_EL3_SCTLR2EN | SCR_EL3_PIEN;

	memset(&id, 0xff, sizeof(id));
	c = config_of(&id);
	assert_int_equal(c.scr_el3, allowed);
	assert_int_equal(c.cptr_el3, CPTR_EL3_EZ | CPTR_EL3_ESM);
	assert_false(c.cptr_el3 & (CPTR_EL3_TFP | CPTR_EL3_TAM));
	assert_int_equal(c.cptr_el2, 0x33ff & ~(CPTR_EL2_TZ | CPTR_EL2_TSM));
}

static void feature_names(void **state)
{
	(void)state;
	char buf[160], small[8];

	cpu_features_names(0, buf, sizeof(buf));
	assert_string_equal(buf, "none");
	cpu_features_names(CPU_FEAT_SVE | CPU_FEAT_PAUTH | CPU_FEAT_BTI, buf, sizeof(buf));
	assert_string_equal(buf, "sve pauth bti");
	/* A short buffer is cut, never overrun. */
	cpu_features_names(CPU_FEAT_SVE | CPU_FEAT_PAUTH, small, sizeof(small));
	assert_string_equal(small, "sve pau");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(armv8_0_enables_nothing_more),
	    cmocka_unit_test(sve_opens_ez_and_clears_tz),
	    cmocka_unit_test(sme_opens_esm_tp2_and_smcr),
	    cmocka_unit_test(pointer_auth_from_any_algorithm),
	    cmocka_unit_test(mte_ata_only_with_tag_storage),
	    cmocka_unit_test(el2_features),
	    cmocka_unit_test(scxtnum_needs_csv2_2_or_1p2),
	    cmocka_unit_test(rndr_never_trapped),
	    cmocka_unit_test(everything_present),
	    cmocka_unit_test(feature_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
