// SPDX-License-Identifier: BSD-2-Clause
/* SMC dispatch by owning entity (SMCCC 1.2, section 6: function ID ranges). */
#include <arch/sysreg.h>
#include <plat/platform.h>
#include <rampart/smccc.h>

#include "monitor.h"
#include "psci_state.h"
#include "smccc_arch.h"

void bp_scrub_mmu_toggle(void);
void bp_scrub_branch_loop(uint64_t count);

/*
 * SMCCC_ARCH_SOC_ID needs a JEP-106 identity for the SoC (SMCCC 7.4). A board that has one
 * defines PLAT_SOC_JEP106_BANK/CODE, PLAT_SOC_ID and PLAT_SOC_REVISION; QEMU's virt board has no
 * manufacturer code or SoC revision to report, and SMCCC 7.4.2 lets it answer NOT_SUPPORTED.
 */
#ifdef PLAT_SOC_JEP106_CODE
#define HAS_SOC_ID 1
#else
#define HAS_SOC_ID 0
#endif

/* The calling PE's identity: the answers are per PE (DEN 0070 section 2). */
static void this_cpu_id(struct smccc_cpu_id *id)
{
	id->midr = read_sysreg(midr_el1);
	id->pfr0 = read_sysreg(id_aa64pfr0_el1);
	id->pfr1 = read_sysreg(id_aa64pfr1_el1);
	id->mmfr1 = read_sysreg(id_aa64mmfr1_el1);
}

void monitor_cpu_errata_init(void)
{
	struct smccc_cpu_id id;
	uint64_t bits;

	this_cpu_id(&id);
	/* CVE-2018-3639 on Cortex-A57/A72: store bypass off for good, at every level. */
	bits = smccc_ssb_cpuactlr_bits(&id);
	if (bits)
		write_sysreg(S3_1_C15_C2_0, read_sysreg(S3_1_C15_C2_0) | bits);
}

static void bp_scrub(const struct smccc_cpu_id *id, int with_bhb)
{
	unsigned int loops;

	if (smccc_bp_scrub_v2(id) == BP_SCRUB_MMU_TOGGLE)
		bp_scrub_mmu_toggle();
	if (with_bhb && smccc_bp_scrub_bhb(id, &loops) == BP_SCRUB_BRANCH_LOOP)
		bp_scrub_branch_loop(loops);
}

static int64_t soc_id_call(uint32_t type)
{
#if HAS_SOC_ID
	if (type == 0)
		return smccc_soc_version(PLAT_SOC_JEP106_BANK, PLAT_SOC_JEP106_CODE, PLAT_SOC_ID);
	if (type == 1)
		return PLAT_SOC_REVISION & 0x7fffffff;
	return SMCCC_INVALID_PARAMETER;
#else
	(void)type;
	return SMCCC_NOT_SUPPORTED;
#endif
}

static void smccc_arch_call(uint32_t fid, struct smc_frame *f)
{
	struct smccc_cpu_id id;
	int32_t features;

	this_cpu_id(&id);
	switch (fid) {
	case SMCCC_VERSION:
		f->x[0] = SMCCC_VERSION_1_2;
		break;
	case SMCCC_ARCH_FEATURES:
		features = smccc_arch_features_cpu((uint32_t)f->x[1], &id, HAS_SOC_ID);
		if (features == SMCCC_NOT_SUPPORTED)
			features = smccc_arch_features((uint32_t)f->x[1]);
		f->x[0] = (uint64_t)(int64_t)features;
		break;
	case SMCCC_ARCH_SOC_ID:
		f->x[0] = (uint64_t)soc_id_call((uint32_t)f->x[1]);
		break;
	case SMCCC_ARCH_WORKAROUND_1:
	case SMCCC_ARCH_WORKAROUND_2:
	case SMCCC_ARCH_WORKAROUND_3:
		/* A call ARCH_FEATURES did not offer is refused the same way. */
		if (smccc_arch_features_cpu(fid, &id, HAS_SOC_ID) == SMCCC_NOT_SUPPORTED) {
			f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
			break;
		}
		/* WORKAROUND_2 has nothing left to switch: unaffected or mitigated at start. */
		if (fid != SMCCC_ARCH_WORKAROUND_2)
			bp_scrub(&id, fid == SMCCC_ARCH_WORKAROUND_3);
		f->x[0] = SMCCC_SUCCESS;
		break;
	default:
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	}
}

void monitor_smc_dispatch(struct smc_frame *f)
{
	/* SMCCC 2.5: the function ID is W0; the upper half of X0 is ignored. */
	uint32_t fid = (uint32_t)f->x[0];

	/* Owners 50-63: Trusted Application and Trusted OS calls, fast or yielding (SMCCC 6.1). */
	if (SMCCC_OWNER(fid) >= SMCCC_OWNER_TRUSTED_APP_FIRST) {
		tee_forward(fid, f);
		return;
	}
	if (!(fid & SMCCC_FAST_CALL)) {
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		return;
	}
	switch (SMCCC_OWNER(fid)) {
	case SMCCC_OWNER_ARCH:
		/*
		 * Every architecture call we implement is SMC32 (SMCCC 7); the SMC64 SoC name
		 * of SMCCC_ARCH_SOC_ID is not offered (no SoC ID on this board).
		 */
		if (fid & SMCCC_SMC64)
			f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		else
			smccc_arch_call(fid, f);
		break;
	case SMCCC_OWNER_STANDARD:
		/* Standard secure service calls 0x00-0x1f are PSCI (SMCCC 6.3). */
		if (SMCCC_FUNC_NUM(fid) <= 0x1f)
			psci_handle(fid, f);
		else
			f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	default:
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		break;
	}
}
