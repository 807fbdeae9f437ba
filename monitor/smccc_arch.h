/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * SMCCC Arm Architecture Calls that depend on the calling CPU (SMCCC 1.2 section 7, Arm DEN 0028;
 * "Firmware interfaces for mitigating cache speculation vulnerabilities", Arm DEN 0070):
 * SMCCC_ARCH_WORKAROUND_1/2/3 and SMCCC_ARCH_SOC_ID. Pure logic on the CPU's identity, so the
 * host unit tests can feed it any CPU.
 */
#ifndef MONITOR_SMCCC_ARCH_H
#define MONITOR_SMCCC_ARCH_H

#include <stdint.h>

#define SMCCC_ARCH_SOC_ID	0x80000002U
#define SMCCC_ARCH_WORKAROUND_1 0x80008000U /* CVE-2017-5715, Spectre variant 2 */
#define SMCCC_ARCH_WORKAROUND_2 0x80007fffU /* CVE-2018-3639, speculative store bypass */
#define SMCCC_ARCH_WORKAROUND_3 0x80003fffU /* CVE-2022-23960, Spectre-BHB */

#define SMCCC_NOT_REQUIRED	(-2)
#define SMCCC_INVALID_PARAMETER (-3)
/* ARCH_FEATURES of a workaround: 1 = this PE is not affected, the call need not be made. */
#define SMCCC_WORKAROUND_UNAFFECTED 1

/* What identifies the calling PE for these answers. */
struct smccc_cpu_id {
	uint64_t midr;	/* MIDR_EL1 */
	uint64_t pfr0;	/* ID_AA64PFR0_EL1: CSV2 [59:56], CSV3 [63:60] */
	uint64_t pfr1;	/* ID_AA64PFR1_EL1: SSBS [7:4], CSV2_frac [35:32] */
	uint64_t mmfr1; /* ID_AA64MMFR1_EL1: ECBHB [63:60] */
};

/* How the monitor invalidates or scrubs this CPU's branch prediction on a workaround call. */
enum bp_scrub {
	BP_SCRUB_NONE,	      /* nothing to do: not affected */
	BP_SCRUB_MMU_TOGGLE,  /* Cortex-A57/A72: SCTLR_EL3.M off and on invalidates the BTB */
	BP_SCRUB_BRANCH_LOOP, /* Spectre-BHB: taken branches overwrite the branch history */
	BP_SCRUB_UNKNOWN,     /* a CPU the monitor has no recipe for */
};

enum bp_scrub smccc_bp_scrub_v2(const struct smccc_cpu_id *id);
/* For BP_SCRUB_BRANCH_LOOP: the count of taken branches (Arm's Spectre-BHB guidance). */
enum bp_scrub smccc_bp_scrub_bhb(const struct smccc_cpu_id *id, unsigned int *loops);
/* CPUACTLR_EL1 bits that permanently disable speculative store bypass, 0 if none apply. */
uint64_t smccc_ssb_cpuactlr_bits(const struct smccc_cpu_id *id);

/*
 * SMCCC_ARCH_FEATURES for the CPU-dependent calls above; any other ID is answered by
 * smccc_arch_features() (psci_state.c). has_soc_id: the board has a JEP-106 SoC identity.
 */
int32_t smccc_arch_features_cpu(uint32_t fid, const struct smccc_cpu_id *id, int has_soc_id);

/* SMCCC 7.4 SoC_ID_type 0: JEP-106 bank (continuation codes) and ID code, SoC's own ID. */
int32_t smccc_soc_version(unsigned int jep106_bank, unsigned int jep106_code, unsigned int soc_id);

#endif
