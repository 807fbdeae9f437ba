// SPDX-License-Identifier: BSD-2-Clause
/*
 * CPU-dependent SMCCC architecture calls (see smccc_arch.h). The per-core facts come from Arm's
 * security bulletins for CVE-2017-5715, CVE-2018-3639 and CVE-2022-23960 and the cores' TRMs;
 * the ID register fields (FEAT_CSV2, FEAT_CSV2_3, FEAT_ECBHB, FEAT_SSBS) from Arm ARM D19.2.
 */
#include <rampart/smccc.h>

#include "smccc_arch.h"

#define MIDR_IMPL(midr)	   (((midr) >> 24) & 0xff)
#define MIDR_PARTNUM(midr) (((midr) >> 4) & 0xfff)
#define IMPL_ARM	   0x41

/* Arm part numbers (MIDR_EL1.PartNum). */
#define PART_A53  0xd03
#define PART_A35  0xd04
#define PART_A55  0xd05
#define PART_A57  0xd07
#define PART_A72  0xd08
#define PART_A76  0xd0b
#define PART_N1	  0xd0c
#define PART_A77  0xd0d
#define PART_V1	  0xd40
#define PART_A78  0xd41
#define PART_X1	  0xd44
#define PART_A710 0xd47
#define PART_N2	  0xd49

/* CPUACTLR_EL1 (Cortex-A57 TRM 4.3.60, Cortex-A72 TRM 4.3.67): bit 55 disables load-pass-store. */
#define CPUACTLR_DIS_LOAD_PASS_STORE (1UL << 55)

static unsigned int field(uint64_t reg, unsigned int shift)
{
	return (unsigned int)((reg >> shift) & 0xf);
}

static int arm_part(const struct smccc_cpu_id *id, unsigned int part)
{
	return MIDR_IMPL(id->midr) == IMPL_ARM && MIDR_PARTNUM(id->midr) == part;
}

/* In-order Arm cores: no speculative indirect branches or store bypass to exploit. */
static int arm_in_order(const struct smccc_cpu_id *id)
{
	return arm_part(id, PART_A53) || arm_part(id, PART_A35) || arm_part(id, PART_A55);
}

enum bp_scrub smccc_bp_scrub_v2(const struct smccc_cpu_id *id)
{
	/* CSV2 >= 1: branch targets trained in one context cannot steer another's. */
	if (field(id->pfr0, 56) >= 1 || arm_in_order(id))
		return BP_SCRUB_NONE;
	/*
	 * Cortex-A57 and A72 invalidate their branch predictor when EL3 turns its MMU off
	 * (Arm's CVE-2017-5715 firmware guidance for these cores).
	 */
	if (arm_part(id, PART_A57) || arm_part(id, PART_A72))
		return BP_SCRUB_MMU_TOGGLE;
	return BP_SCRUB_UNKNOWN;
}

enum bp_scrub smccc_bp_scrub_bhb(const struct smccc_cpu_id *id, unsigned int *loops)
{
	static const struct {
		unsigned int part, loops;
	} affected[] = {
	    {PART_A57, 8},  {PART_A72, 8}, {PART_A76, 24}, {PART_N1, 24},   {PART_A77, 24},
	    {PART_A78, 32}, {PART_X1, 32}, {PART_V1, 32},  {PART_A710, 32}, {PART_N2, 32},
	};

	*loops = 0;
	/* FEAT_CSV2_3 (CSV2 = 3) or FEAT_ECBHB: branch history cannot cross contexts. */
	if (field(id->pfr0, 56) >= 3 || field(id->mmfr1, 60) >= 1 || arm_in_order(id))
		return BP_SCRUB_NONE;
	for (unsigned int i = 0; i < sizeof(affected) / sizeof(affected[0]); i++) {
		if (arm_part(id, affected[i].part)) {
			*loops = affected[i].loops;
			return BP_SCRUB_BRANCH_LOOP;
		}
	}
	return BP_SCRUB_UNKNOWN;
}

uint64_t smccc_ssb_cpuactlr_bits(const struct smccc_cpu_id *id)
{
	if (arm_part(id, PART_A57) || arm_part(id, PART_A72))
		return CPUACTLR_DIS_LOAD_PASS_STORE;
	return 0;
}

static int32_t workaround_2_features(const struct smccc_cpu_id *id)
{
	if (arm_in_order(id))
		return SMCCC_WORKAROUND_UNAFFECTED;
	/* Mitigated for good at every CPU's start (monitor_cpu_errata_init): no call needed. */
	if (smccc_ssb_cpuactlr_bits(id))
		return SMCCC_NOT_REQUIRED;
	/*
	 * Anything else may be affected and the monitor has no firmware switch for it; a CPU
	 * with FEAT_SSBS lets the OS itself control speculative store bypass (PSTATE.SSBS).
	 */
	return SMCCC_NOT_SUPPORTED;
}

int32_t smccc_arch_features_cpu(uint32_t fid, const struct smccc_cpu_id *id, int has_soc_id)
{
	enum bp_scrub v2 = smccc_bp_scrub_v2(id), bhb;
	unsigned int loops;

	switch (fid) {
	case SMCCC_ARCH_WORKAROUND_1:
		if (v2 == BP_SCRUB_NONE)
			return SMCCC_WORKAROUND_UNAFFECTED;
		return v2 == BP_SCRUB_UNKNOWN ? SMCCC_NOT_SUPPORTED : SMCCC_SUCCESS;
	case SMCCC_ARCH_WORKAROUND_2:
		return workaround_2_features(id);
	case SMCCC_ARCH_WORKAROUND_3:
		/* The call also gives WORKAROUND_1's protection (DEN 0070): it needs both recipes.
		 */
		bhb = smccc_bp_scrub_bhb(id, &loops);
		if (v2 == BP_SCRUB_UNKNOWN || bhb == BP_SCRUB_UNKNOWN)
			return SMCCC_NOT_SUPPORTED;
		if (v2 == BP_SCRUB_NONE && bhb == BP_SCRUB_NONE)
			return SMCCC_WORKAROUND_UNAFFECTED;
		return SMCCC_SUCCESS;
	case SMCCC_ARCH_SOC_ID:
		return has_soc_id ? SMCCC_SUCCESS : SMCCC_NOT_SUPPORTED;
	default:
		return SMCCC_NOT_SUPPORTED;
	}
}

int32_t smccc_soc_version(unsigned int jep106_bank, unsigned int jep106_code, unsigned int soc_id)
{
	/*
	 * SMCCC 7.4.4: bit 31 zero, [30:24] the JEP-106 bank (number of continuation codes),
	 * [23:16] the identification code without its parity bit, [15:0] the SoC's own ID.
	 */
	if (jep106_bank > 0x7f || jep106_code == 0 || jep106_code > 0x7f || soc_id > 0xffff)
		return SMCCC_NOT_SUPPORTED;
	return (int32_t)((jep106_bank << 24) | (jep106_code << 16) | soc_id);
}
