// SPDX-License-Identifier: BSD-2-Clause
/*
 * Feature decoding from ID registers and the EL3 controls that follow from it. Each enable bit
 * is set only when the ID register says the feature exists (where it does not, the bit is RES0).
 * The values follow Linux's arm64 booting requirements for firmware (Documentation/arch/arm64/
 * booting.rst, "the kernel is entered at EL2") and the Arm ARM register descriptions cited.
 */
#include <arch/cpu_features.h>

uint32_t cpu_features_decode(const struct cpu_id_regs *id)
{
	uint32_t f = 0;
	unsigned int csv2 = id_field(id->pfr0, 56), csv2_frac = id_field(id->pfr1, 32);

	if (id_field(id->pfr0, 32))
		f |= CPU_FEAT_SVE;
	if (id_field(id->pfr1, 24) >= 1)
		f |= CPU_FEAT_SME;
	if (id_field(id->pfr1, 24) >= 2)
		f |= CPU_FEAT_SME2;
	if ((f & CPU_FEAT_SME) && (id->smfr0 >> 63))
		f |= CPU_FEAT_SME_FA64;
	/* Address authentication: QARMA5 (APA), IMPLEMENTATION DEFINED (API) or QARMA3 (APA3). */
	if (id_field(id->isar1, 4) || id_field(id->isar1, 8) || id_field(id->isar2, 12))
		f |= CPU_FEAT_PAUTH;
	if (id_field(id->pfr1, 0))
		f |= CPU_FEAT_BTI;
	/* MTE = 1 is EL0 instructions only (no tag storage): SCR_EL3.ATA exists from MTE2. */
	if (id_field(id->pfr1, 8) >= 2)
		f |= CPU_FEAT_MTE2;
	if (id_field(id->pfr0, 44))
		f |= CPU_FEAT_AMU;
	if (id_field(id->pfr0, 40))
		f |= CPU_FEAT_MPAM;
	if (id_field(id->mmfr0, 56))
		f |= CPU_FEAT_FGT;
	/* ECV = 1 is the self-synchronised counter views only; CNTPOFF_EL2 needs ECV = 2. */
	if (id_field(id->mmfr0, 60) >= 2)
		f |= CPU_FEAT_ECV;
	if (id_field(id->mmfr1, 40))
		f |= CPU_FEAT_HCX;
	/* SCXTNUM_ELx exist with FEAT_CSV2_2 (CSV2 = 2) or FEAT_CSV2_1p2 (CSV2 = 1, frac >= 2). */
	if (csv2 >= 2 || (csv2 == 1 && csv2_frac >= 2))
		f |= CPU_FEAT_SCXT;
	if (id_field(id->isar0, 60))
		f |= CPU_FEAT_RNG;
	if (id_field(id->mmfr3, 0))
		f |= CPU_FEAT_TCR2;
	if (id_field(id->mmfr3, 4))
		f |= CPU_FEAT_SCTLR2;
	if (id_field(id->mmfr3, 8))
		f |= CPU_FEAT_S1PIE;
	return f;
}

void el3_ns_config_from_ids(const struct cpu_id_regs *id, struct el3_ns_config *c)
{
	uint32_t f = cpu_features_decode(id);
	uint64_t scr =
	    SCR_EL3_NS | SCR_EL3_FIQ | SCR_EL3_RES1 | SCR_EL3_HCE | SCR_EL3_SIF | SCR_EL3_RW;
	/* CPTR_EL3 (D19.2.30): FP/SIMD, trace and activity monitors (TAM = 0) never trapped. */
	uint64_t cptr3 = 0, cptr2 = CPTR_EL2_RES1;

	if (f & CPU_FEAT_SVE) {
		/* booting.rst: CPTR_EL3.EZ = 1, CPTR_EL2.TZ = 0, ZCR_EL3.LEN equal on all CPUs. */
		cptr3 |= CPTR_EL3_EZ;
		cptr2 &= ~CPTR_EL2_TZ;
	}
	if (f & CPU_FEAT_SME) {
		/* booting.rst: CPTR_EL3.ESM = 1, SCR_EL3.EnTP2 = 1, CPTR_EL2.TSM = 0. */
		cptr3 |= CPTR_EL3_ESM;
		cptr2 &= ~CPTR_EL2_TSM;
		scr |= SCR_EL3_ENTP2;
	}
	/* Pointer authentication keys and instructions at EL2/EL1/EL0 not trapped (D19.2.139). */
	if (f & CPU_FEAT_PAUTH)
		scr |= SCR_EL3_APK | SCR_EL3_API;
	if (f & CPU_FEAT_MTE2)
		scr |= SCR_EL3_ATA;
	if (f & CPU_FEAT_FGT)
		scr |= SCR_EL3_FGTEN;
	if (f & CPU_FEAT_ECV)
		scr |= SCR_EL3_ECVEN;
	if (f & CPU_FEAT_HCX)
		scr |= SCR_EL3_HXEN;
	if (f & CPU_FEAT_SCXT)
		scr |= SCR_EL3_ENSCXT;
	if (f & CPU_FEAT_TCR2)
		scr |= SCR_EL3_TCR2EN;
	if (f & CPU_FEAT_SCTLR2)
		scr |= SCR_EL3_SCTLR2EN;
	if (f & CPU_FEAT_S1PIE)
		scr |= SCR_EL3_PIEN;
	/* SCR_EL3.TRNDR stays 0: RNDR/RNDRRS are answered by the CPU, not trapped to EL3. */

	c->features = f;
	c->scr_el3 = scr;
	c->cptr_el3 = cptr3;
	c->cptr_el2 = cptr2;
	c->zcr = (f & CPU_FEAT_SVE) ? ZCR_LEN_MAX : 0;
	c->smcr = 0;
	if (f & CPU_FEAT_SME) {
		/* booting.rst: FA64 and EZT0 set where implemented, LEN equal on all CPUs. */
		c->smcr = SMCR_LEN_MAX;
		if (f & CPU_FEAT_SME_FA64)
			c->smcr |= SMCR_FA64;
		if (f & CPU_FEAT_SME2)
			c->smcr |= SMCR_EZT0;
	}
}

void cpu_features_names(uint32_t f, char *buf, unsigned int len)
{
	static const char *const names[] = {
	    "sve", "sme", "sme2",    "sme-fa64", "pauth", "bti",    "mte2",  "amu",  "fgt",
	    "hcx", "ecv", "scxtnum", "rng",	 "tcr2",  "sctlr2", "s1pie", "mpam",
	};
	unsigned int pos = 0;

	if (!len)
		return;
	buf[0] = 0;
	for (unsigned int i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *n = names[i];

		if (!(f & (1U << i)))
			continue;
		if (pos && pos + 1 < len)
			buf[pos++] = ' ';
		while (*n && pos + 1 < len)
			buf[pos++] = *n++;
		buf[pos] = 0;
	}
	if (!pos) {
		const char *none = "none";

		while (*none && pos + 1 < len)
			buf[pos++] = *none++;
		buf[pos] = 0;
	}
}
