// SPDX-License-Identifier: BSD-2-Clause
/* Undefined Instruction exception injection (see inject.h); Arm ARM references per line. */
#include "inject.h"

#define SPSR_M_MASK    0x1fUL
#define SPSR_M_AARCH32 0x10UL
#define SPSR_EL(spsr)  (((spsr) >> 2) & 3)
#define SPSR_SP_ELX    1UL
#define SPSR_NZCV      (0xfUL << 28)
#define SPSR_DAIF      (0xfUL << 6)
#define SPSR_PAN       (1UL << 22)
#define SPSR_SSBS      (1UL << 12)
#define SPSR_TCO       (1UL << 25)
#define HCR_TGE	       (1UL << 27)
#define SCTLR_SPAN     (1UL << 23)
#define SCTLR_DSSBS    (1UL << 44)

int undef_target(uint64_t spsr_el3, uint64_t hcr_el2, int *target_el)
{
	unsigned int el = SPSR_EL(spsr_el3);

	/* The monitor runs every lower level in AArch64 (SCR_EL3.RW, HCR_EL2.RW). */
	if ((spsr_el3 & SPSR_M_AARCH32) || el == 3)
		return -1;
	/* EL0 exceptions go to EL1, or to EL2 when HCR_EL2.TGE routes them there (D1.10.1). */
	if (el == 0)
		*target_el = (hcr_el2 & HCR_TGE) ? 2 : 1;
	else
		*target_el = (int)el;
	return 0;
}

void undef_injection_compute(uint64_t spsr_el3, int target_el, uint64_t sctlr_target, int pan,
			     int ssbs, int mte, struct undef_injection *out)
{
	unsigned int from = SPSR_EL(spsr_el3);
	uint64_t spsr;

	/* D1.10.2: same level with SP_ELx at +0x200, with SP_EL0 at +0x000; lower AArch64 +0x400.
	 */
	if (from == (unsigned int)target_el)
		out->vector_offset = (spsr_el3 & SPSR_SP_ELX) ? 0x200 : 0x000;
	else
		out->vector_offset = 0x400;
	/* D1.10.3 PSTATE on entry: ELxh, D/A/I/F masked, flags kept; SS, IL, BTYPE cleared. */
	spsr = (spsr_el3 & SPSR_NZCV) | SPSR_DAIF | ((uint64_t)target_el << 2) | SPSR_SP_ELX;
	/* PSTATE.PAN keeps its value, or is set when SCTLR_ELx.SPAN is 0 (FEAT_PAN). */
	if (pan && ((spsr_el3 & SPSR_PAN) || !(sctlr_target & SCTLR_SPAN)))
		spsr |= SPSR_PAN;
	/* PSTATE.SSBS := SCTLR_ELx.DSSBS (FEAT_SSBS). */
	if (ssbs && (sctlr_target & SCTLR_DSSBS))
		spsr |= SPSR_SSBS;
	/* PSTATE.TCO is set on entry (FEAT_MTE). */
	if (mte)
		spsr |= SPSR_TCO;
	out->target_el = (unsigned int)target_el;
	out->spsr = spsr;
}
