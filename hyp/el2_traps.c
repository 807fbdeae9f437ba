// SPDX-License-Identifier: BSD-2-Clause
/*
 * EL2 trap and feature controls (see el2_traps.h). Register layouts: Arm ARM D17.2 (HCR_EL2,
 * MDCR_EL2, CPTR_EL2 with HCR_EL2.E2H = 0, CNTHCTL_EL2, HCRX_EL2, HFGRTR_EL2...), ID register
 * fields from D17.2 "ID_AA64*". A field is only set when the ID registers say the feature is
 * there: otherwise the bit is RES0 (or RES1, for CPTR_EL2.TZ/TSM).
 */
#include <arch/sysreg.h>
#include <log.h>

#include "el2_regs.h"
#include "el2_traps.h"

#define ID_AA64PFR1_EL1	 S3_0_C0_C4_1
#define ID_AA64SMFR0_EL1 S3_0_C0_C4_5
#define ID_AA64ISAR1_EL1 S3_0_C0_C6_1
#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2
#define ID_AA64MMFR1_EL1 S3_0_C0_C7_1
#define ID_AA64MMFR3_EL1 S3_0_C0_C7_3
#define ZCR_EL2		 S3_4_C1_C2_0
#define HCRX_EL2	 S3_4_C1_C2_2
#define SMCR_EL2	 S3_4_C1_C2_6
#define HFGRTR_EL2	 S3_4_C1_C1_4
#define HFGWTR_EL2	 S3_4_C1_C1_5
#define HFGITR_EL2	 S3_4_C1_C1_6
#define HDFGRTR_EL2	 S3_4_C3_C1_4
#define HDFGWTR_EL2	 S3_4_C3_C1_5

/* MDCR_EL2 (D17.2.61). TDE stays 0: debug exceptions (BRK included) stay the guest's. */
#define MDCR_HPMN_MASK 0x1fUL
#define MDCR_TPMCR     (1UL << 5)
#define MDCR_TPM       (1UL << 6)
#define MDCR_TDA       (1UL << 9)
#define MDCR_TDOSA     (1UL << 10)
#define MDCR_TDRA      (1UL << 11)
#define MDCR_TPMS      (1UL << 14) /* E2PB [13:12] = 0: the profiling buffer is EL2's */
#define MDCR_TTRF      (1UL << 19) /* E2TB [25:24] = 0: the trace buffer is EL2's */

/* CPTR_EL2 with HCR_EL2.E2H = 0 (D17.2.32): RES1 bits 13, 9, 7:0; TZ and TSM RES1 if absent. */
#define CPTR_RES1 0x22ffUL
#define CPTR_TZ	  (1UL << 8)
#define CPTR_TSM  (1UL << 12)
#define CPTR_TTA  (1UL << 20)

/* CNTHCTL_EL2 with E2H = 0 (D17.2.22): EL1PCTEN (bit 0) set, EL1PCEN (bit 1) clear. */
#define CNTHCTL_EL1PCTEN (1UL << 0)

#define HCR_APK (1UL << 40)
#define HCR_API (1UL << 41)
#define HCR_ATA (1UL << 56)

#define HCRX_MSCEN    (1UL << 11)
#define HCRX_TCR2EN   (1UL << 14)
#define HCRX_SCTLR2EN (1UL << 15)

/* HFGRTR_EL2/HFGWTR_EL2 bits whose 0 means "trap" (D17.2.50): set for features present. */
#define HFG_NSMPRI_EL1	(1UL << 54)
#define HFG_NTPIDR2_EL0 (1UL << 55)
#define HFG_NPIRE0_EL1	(1UL << 57)
#define HFG_NPIR_EL1	(1UL << 58)
#define HFG_NPOR_EL0	(1UL << 59)
#define HFG_NPOR_EL1	(1UL << 60)

#define SMCR_LEN_MAX 0xfUL
#define SMCR_EZT0    (1UL << 30)
#define SMCR_FA64    (1UL << 31)
#define ZCR_LEN_MAX  0xfUL

static unsigned int field(uint64_t reg, unsigned int shift)
{
	return (unsigned int)(reg >> shift) & 0xf;
}

int el2_has_pauth(void)
{
	uint64_t isar1 = read_sysreg(ID_AA64ISAR1_EL1), isar2 = read_sysreg(ID_AA64ISAR2_EL1);

	/* APA, API, GPA, GPI (ISAR1) or APA3, GPA3 (ISAR2). */
	return field(isar1, 4) || field(isar1, 8) || field(isar1, 24) || field(isar1, 28) ||
	       field(isar2, 12) || field(isar2, 8);
}

int el2_has_bti(void)
{
	return field(read_sysreg(ID_AA64PFR1_EL1), 0) != 0;
}

uint64_t el2_hcr_guest(void)
{
	uint64_t hcr = HCR_GUEST;

	/* Pointer authentication is the guest's: its instructions and keys do not trap. */
	if (el2_has_pauth())
		hcr |= HCR_API | HCR_APK;
	/* FEAT_MTE2: allocation tags and their registers are the guest's. */
	if (field(read_sysreg(ID_AA64PFR1_EL1), 8) >= 2)
		hcr |= HCR_ATA;
	return hcr;
}

static uint64_t mdcr_value(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int pmuver = field(dfr0, 8);
	uint64_t mdcr = MDCR_TDA | MDCR_TDOSA | MDCR_TDRA;

	/* PMUVer 0: none, 0xf: IMPLEMENTATION DEFINED (not the Arm PMU, nothing to trap). */
	if (pmuver && pmuver != 0xf) {
		/* HPMN must not exceed PMCR_EL0.N (CONSTRAINED UNPREDICTABLE otherwise). */
		uint64_t n = (read_sysreg(pmcr_el0) >> 11) & MDCR_HPMN_MASK;

		mdcr |= MDCR_TPM | MDCR_TPMCR | n;
	}
	if (field(dfr0, 32)) /* PMSVer: statistical profiling */
		mdcr |= MDCR_TPMS;
	if (field(dfr0, 40)) /* TraceFilt: TRFCR_EL1 */
		mdcr |= MDCR_TTRF;
	return mdcr;
}

static void fine_grained_traps_init(uint64_t pfr1, uint64_t mmfr3)
{
	uint64_t fg = 0;

	if (field(read_sysreg(id_aa64mmfr0_el1), 56) == 0) /* FGT */
		return;
	if (field(pfr1, 24)) /* SME: TPIDR2_EL0, SMPRI_EL1 */
		fg |= HFG_NTPIDR2_EL0 | HFG_NSMPRI_EL1;
	if (field(mmfr3, 8)) /* S1PIE */
		fg |= HFG_NPIR_EL1 | HFG_NPIRE0_EL1;
	if (field(mmfr3, 16)) /* S1POE */
		fg |= HFG_NPOR_EL1 | HFG_NPOR_EL0;
	/* Reset values are UNKNOWN: nothing else of the guest's EL1 is trapped. */
	write_sysreg(HFGRTR_EL2, fg);
	write_sysreg(HFGWTR_EL2, fg);
	write_sysreg(HFGITR_EL2, 0);
	write_sysreg(HDFGRTR_EL2, 0);
	write_sysreg(HDFGWTR_EL2, 0);
}

/* No breakpoint or watchpoint of a previous owner stays armed (their reset values are UNKNOWN). */
#define CLEAR_BP(i)                                                                                \
	do {                                                                                       \
		if ((i) < brps)                                                                    \
			write_sysreg(S2_0_C0_C##i##_5, 0);                                         \
		if ((i) < wrps)                                                                    \
			write_sysreg(S2_0_C0_C##i##_7, 0);                                         \
	} while (0)

static void debug_reset(void)
{
	uint64_t dfr0 = read_sysreg(id_aa64dfr0_el1);
	unsigned int brps = field(dfr0, 12) + 1, wrps = field(dfr0, 20) + 1;

	CLEAR_BP(0);
	CLEAR_BP(1);
	CLEAR_BP(2);
	CLEAR_BP(3);
	CLEAR_BP(4);
	CLEAR_BP(5);
	CLEAR_BP(6);
	CLEAR_BP(7);
	CLEAR_BP(8);
	CLEAR_BP(9);
	CLEAR_BP(10);
	CLEAR_BP(11);
	CLEAR_BP(12);
	CLEAR_BP(13);
	CLEAR_BP(14);
	CLEAR_BP(15);
	write_sysreg(mdscr_el1, 0);
	/* D2.5: the OS lock is set at cold reset; the guest's view is emulated per vCPU. */
	write_sysreg(oslar_el1, 0);
}

void el2_traps_init(void)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), pfr1 = read_sysreg(ID_AA64PFR1_EL1);
	uint64_t mmfr3 = read_sysreg(ID_AA64MMFR3_EL1);
	int sve = field(pfr0, 32) != 0, sme = field(pfr1, 24) != 0;
	uint64_t cptr = CPTR_RES1 | CPTR_TTA;

	/* FP/SIMD, SVE and SME stay with the guest; trace registers trap. */
	if (!sve)
		cptr |= CPTR_TZ;
	if (!sme)
		cptr |= CPTR_TSM;
	write_sysreg(cptr_el2, cptr);
	isb();
	/* The longest vector length the CPU has (LEN is clamped to what is implemented). */
	if (sve)
		write_sysreg(ZCR_EL2, ZCR_LEN_MAX);
	if (sme) {
		uint64_t smfr0 = read_sysreg(ID_AA64SMFR0_EL1);
		uint64_t smcr = SMCR_LEN_MAX;

		if (smfr0 >> 63) /* FA64 */
			smcr |= SMCR_FA64;
		if (field(pfr1, 24) >= 2) /* SME2: ZT0 */
			smcr |= SMCR_EZT0;
		write_sysreg(SMCR_EL2, smcr);
	}
	write_sysreg(mdcr_el2, mdcr_value());
	write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN);
	if (field(read_sysreg(ID_AA64MMFR1_EL1), 40)) { /* HCX */
		uint64_t hcrx = 0;

		if (field(read_sysreg(ID_AA64ISAR2_EL1), 16)) /* MOPS */
			hcrx |= HCRX_MSCEN;
		if (field(mmfr3, 0)) /* TCRX */
			hcrx |= HCRX_TCR2EN;
		if (field(mmfr3, 4)) /* SCTLRX */
			hcrx |= HCRX_SCTLR2EN;
		write_sysreg(HCRX_EL2, hcrx);
	}
	fine_grained_traps_init(pfr1, mmfr3);
	debug_reset();
	isb();
}

void el2_traps_describe(char *buf, size_t size)
{
	uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1), pfr1 = read_sysreg(ID_AA64PFR1_EL1);
	uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1), mmfr1 = read_sysreg(ID_AA64MMFR1_EL1);
	uint64_t isar2 = read_sysreg(ID_AA64ISAR2_EL1);

	snprintf(buf, size, "FP/SIMD%s%s%s%s%s%s (EL2 controls set: HCR, CPTR, MDCR, CNTHCTL%s%s)",
		 field(pfr0, 32) ? ", SVE" : "", field(pfr1, 24) ? ", SME" : "",
		 el2_has_pauth() ? ", pointer authentication" : "", el2_has_bti() ? ", BTI" : "",
		 field(pfr1, 8) >= 2 ? ", MTE" : "", field(isar2, 16) ? ", MOPS" : "",
		 field(mmfr1, 40) ? ", HCRX" : "", field(mmfr0, 56) ? ", fine-grained traps" : "");
}
