// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trapped system register accesses (see sysreg_emul.h). Encodings: Arm ARM D17 (op0, op1, CRn,
 * CRm, op2 of each register's "Accessing" section).
 */
#include "sysreg_emul.h"

#define REG(op0, op1, crn, crm, op2)                                                               \
	((unsigned int)(op0) << 14 | (unsigned int)(op1) << 11 | (unsigned int)(crn) << 7 |        \
	 (unsigned int)(crm) << 3 | (unsigned int)(op2))

#define ICC_SGI1R_EL1 REG(3, 0, 12, 11, 5)
#define MDSCR_EL1     REG(2, 0, 0, 2, 2)
#define OSLAR_EL1     REG(2, 0, 1, 0, 4)
#define OSLSR_EL1     REG(2, 0, 1, 1, 4)

/* OSLSR_EL1 (D17.3.27): OSLM = 0b10 (bits 3 and 0), the OS lock is implemented; OSLK bit 1. */
#define OSLSR_OSLM_IMPLEMENTED (1UL << 3)
#define OSLSR_OSLK	       (1UL << 1)

void sysreg_decode(uint64_t esr, struct sysreg_access *a)
{
	a->op0 = (esr >> 20) & 3;
	a->op2 = (esr >> 17) & 7;
	a->op1 = (esr >> 14) & 7;
	a->crn = (esr >> 10) & 0xf;
	a->rt = (esr >> 5) & 0x1f;
	a->crm = (esr >> 1) & 0xf;
	a->read = esr & 1;
}

static unsigned int encoding(const struct sysreg_access *a)
{
	return REG(a->op0, a->op1, a->crn, a->crm, a->op2);
}

enum sysreg_class sysreg_classify(const struct sysreg_access *a)
{
	if (encoding(a) == ICC_SGI1R_EL1)
		return SYSREG_CLASS_SGI;
	if (a->op0 == 2)
		/* op1 0 and 3: debug and DCC registers; op1 1: the trace unit's (ETM). */
		return a->op1 == 0 || a->op1 == 3 ? SYSREG_CLASS_DEBUG
		       : a->op1 == 1		  ? SYSREG_CLASS_TRACE
						  : SYSREG_CLASS_OTHER;
	if (a->op0 != 3)
		return SYSREG_CLASS_OTHER;
	if (a->op1 == 3 && a->crn == 9 && a->crm >= 12) /* PMCR_EL0 .. PMOVSSET_EL0 */
		return SYSREG_CLASS_PMU;
	if (a->op1 == 3 && a->crn == 14 && a->crm >= 8) /* PMEVCNTR<n>, PMEVTYPER<n>, PMCCFILTR */
		return SYSREG_CLASS_PMU;
	if (a->op1 == 0 && a->crn == 9 && a->crm == 14) /* PMINTENSET/CLR_EL1, PMMIR_EL1 */
		return SYSREG_CLASS_PMU;
	if (a->op1 == 0 && a->crn == 9 && (a->crm == 9 || a->crm == 10)) /* PMS*, PMB* */
		return SYSREG_CLASS_PROFILING;
	if (a->op1 == 0 && a->crn == 9 && a->crm == 11) /* TRBE: TRBLIMITR_EL1 .. TRBIDR_EL1 */
		return SYSREG_CLASS_TRACE;
	if (a->op1 == 0 && a->crn == 1 && a->crm == 2 && a->op2 == 1) /* TRFCR_EL1 */
		return SYSREG_CLASS_TRACE;
	/* CNTP_TVAL/CTL/CVAL_EL0, and the physical counter should it ever trap. */
	if (a->op1 == 3 && a->crn == 14 &&
	    (a->crm == 2 || (a->crm == 0 && (a->op2 == 1 || a->op2 == 5))))
		return SYSREG_CLASS_PHYS_TIMER;
	return SYSREG_CLASS_OTHER;
}

const char *sysreg_class_name(enum sysreg_class c)
{
	static const char *const names[SYSREG_CLASSES] = {
	    [SYSREG_CLASS_SGI] = "SGI",
	    [SYSREG_CLASS_PMU] = "PMU",
	    [SYSREG_CLASS_DEBUG] = "debug",
	    [SYSREG_CLASS_TRACE] = "trace",
	    [SYSREG_CLASS_PROFILING] = "statistical profiling",
	    [SYSREG_CLASS_PHYS_TIMER] = "EL1 physical timer",
	    [SYSREG_CLASS_OTHER] = "unhandled",
	};

	return (unsigned int)c < SYSREG_CLASSES ? names[c] : "unhandled";
}

static enum sysreg_result debug_access(const struct sysreg_access *a, struct sysreg_state *s,
				       uint64_t *val)
{
	switch (encoding(a)) {
	case OSLAR_EL1:
		if (!a->read)
			s->os_lock = (int)(*val & 1);
		else
			*val = 0;
		return SYSREG_DONE;
	case OSLSR_EL1:
		if (a->read)
			*val = OSLSR_OSLM_IMPLEMENTED | (s->os_lock ? OSLSR_OSLK : 0);
		return SYSREG_DONE;
	case MDSCR_EL1:
		if (a->read) {
			*val = s->mdscr;
			return SYSREG_DONE;
		}
		s->mdscr = *val & MDSCR_GUEST_BITS;
		return SYSREG_MDSCR;
	default:
		/* No breakpoint, watchpoint, claim tag or DCC state leaves the vCPU. */
		if (a->read)
			*val = 0;
		return SYSREG_DONE;
	}
}

enum sysreg_result sysreg_emulate(const struct sysreg_access *a, struct sysreg_state *s,
				  uint64_t *val, enum sysreg_class *cls)
{
	*cls = sysreg_classify(a);
	switch (*cls) {
	case SYSREG_CLASS_SGI:
		if (a->read)
			return SYSREG_UNDEF; /* ICC_SGI1R_EL1 is write-only */
		return SYSREG_SGI;
	case SYSREG_CLASS_PMU:
		if (a->read)
			*val = 0;
		return SYSREG_DONE;
	case SYSREG_CLASS_DEBUG:
		return debug_access(a, s, val);
	default:
		return SYSREG_UNDEF;
	}
}
