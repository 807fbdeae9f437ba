/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What the CPU implements, decoded from its ID registers (Arm ARM D19.2 "Identification
 * registers"), and the EL3/EL2 control values that open those features to the normal world.
 * Pure logic: the monitor reads the registers, the host unit tests feed values.
 */
#ifndef ARCH_CPU_FEATURES_H
#define ARCH_CPU_FEATURES_H

#include <stdint.h>

struct cpu_id_regs {
	uint64_t pfr0;	/* ID_AA64PFR0_EL1 */
	uint64_t pfr1;	/* ID_AA64PFR1_EL1 */
	uint64_t isar0; /* ID_AA64ISAR0_EL1 */
	uint64_t isar1; /* ID_AA64ISAR1_EL1 */
	uint64_t isar2; /* ID_AA64ISAR2_EL1 (RAZ before Armv8.7) */
	uint64_t mmfr0; /* ID_AA64MMFR0_EL1 */
	uint64_t mmfr1; /* ID_AA64MMFR1_EL1 */
	uint64_t mmfr3; /* ID_AA64MMFR3_EL1 (RAZ before Armv8.9) */
	uint64_t smfr0; /* ID_AA64SMFR0_EL1 (RAZ without SME) */
};

/* One bit a feature, for logging and tests. */
#define CPU_FEAT_SVE	  (1U << 0)
#define CPU_FEAT_SME	  (1U << 1)
#define CPU_FEAT_SME2	  (1U << 2)
#define CPU_FEAT_SME_FA64 (1U << 3)
#define CPU_FEAT_PAUTH	  (1U << 4)
#define CPU_FEAT_BTI	  (1U << 5)
#define CPU_FEAT_MTE2	  (1U << 6)
#define CPU_FEAT_AMU	  (1U << 7)
#define CPU_FEAT_FGT	  (1U << 8)
#define CPU_FEAT_HCX	  (1U << 9)
#define CPU_FEAT_ECV	  (1U << 10) /* with CNTPOFF_EL2 (ECV >= 2) */
#define CPU_FEAT_SCXT	  (1U << 11)
#define CPU_FEAT_RNG	  (1U << 12)
#define CPU_FEAT_TCR2	  (1U << 13)
#define CPU_FEAT_SCTLR2	  (1U << 14)
#define CPU_FEAT_S1PIE	  (1U << 15)
#define CPU_FEAT_MPAM	  (1U << 16)

/* SCR_EL3 bits (Arm ARM D19.2.139). */
#define SCR_EL3_NS	 (1UL << 0)
#define SCR_EL3_FIQ	 (1UL << 2)
#define SCR_EL3_RES1	 (3UL << 4)
#define SCR_EL3_HCE	 (1UL << 8)
#define SCR_EL3_SIF	 (1UL << 9)
#define SCR_EL3_RW	 (1UL << 10)
#define SCR_EL3_APK	 (1UL << 16)
#define SCR_EL3_API	 (1UL << 17)
#define SCR_EL3_ENSCXT	 (1UL << 25)
#define SCR_EL3_ATA	 (1UL << 26)
#define SCR_EL3_FGTEN	 (1UL << 27)
#define SCR_EL3_ECVEN	 (1UL << 28)
#define SCR_EL3_HXEN	 (1UL << 38)
#define SCR_EL3_TRNDR	 (1UL << 40)
#define SCR_EL3_ENTP2	 (1UL << 41)
#define SCR_EL3_TCR2EN	 (1UL << 43)
#define SCR_EL3_SCTLR2EN (1UL << 44)
#define SCR_EL3_PIEN	 (1UL << 45)

/* CPTR_EL3 bits (D19.2.30): a 1 in EZ/ESM enables, a 1 in TFP/TTA/TAM/TCPAC traps. */
#define CPTR_EL3_EZ  (1UL << 8)
#define CPTR_EL3_TFP (1UL << 10)
#define CPTR_EL3_ESM (1UL << 12)
#define CPTR_EL3_TAM (1UL << 30)

/* CPTR_EL2 with HCR_EL2.E2H = 0 (D19.2.29): RES1 bits, TZ and TSM traps. */
#define CPTR_EL2_RES1 0x33ffUL
#define CPTR_EL2_TZ   (1UL << 8)
#define CPTR_EL2_TSM  (1UL << 12)

/* ZCR_ELx.LEN / SMCR_ELx.LEN: the largest value; the CPU clamps it to what it implements. */
#define ZCR_LEN_MAX  0xfUL
#define SMCR_LEN_MAX 0xfUL
#define SMCR_EZT0    (1UL << 30)
#define SMCR_FA64    (1UL << 31)

/* The normal world's controls. The secure world keeps the Armv8.0 set (see el3.c). */
struct el3_ns_config {
	uint32_t features; /* CPU_FEAT_* */
	uint64_t scr_el3;  /* for the normal world (NS = 1, EL2 in AArch64) */
	uint64_t cptr_el3; /* for both worlds */
	uint64_t cptr_el2; /* the normal world's EL2 at entry */
	uint64_t zcr;	   /* ZCR_EL3/ZCR_EL2 when SVE */
	uint64_t smcr;	   /* SMCR_EL3/SMCR_EL2 when SME */
};

/* ID register field, 4 bits at shift (Arm ARM D19.1.3: unsigned fields). */
static inline unsigned int id_field(uint64_t reg, unsigned int shift)
{
	return (unsigned int)((reg >> shift) & 0xf);
}

uint32_t cpu_features_decode(const struct cpu_id_regs *id);
void el3_ns_config_from_ids(const struct cpu_id_regs *id, struct el3_ns_config *c);
/* The names of the features in f, space-separated, into buf ("none" if there are none). */
void cpu_features_names(uint32_t f, char *buf, unsigned int len);

#endif
