// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trapped system register accesses from a guest (hyp/sysreg_emul.c), driven with the ESR_EL2
 * values the hardware reports (EC 0x18 ISS, Arm ARM D17.2.37): the PMU reads as zero, debug
 * registers give nothing away but keep the OS lock, the physical timer, trace and profiling
 * registers and anything unknown are undefined for the guest.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "sysreg_emul.h"

#define EC_SYSREG 0x18UL

/* The ESR_EL2 of MRS/MSR Xt, S<op0>_<op1>_C<crn>_C<crm>_<op2>. */
static uint64_t esr(unsigned int op0, unsigned int op1, unsigned int crn, unsigned int crm,
		    unsigned int op2, unsigned int rt, int read)
{
	return EC_SYSREG << 26 | 1UL << 25 | (uint64_t)op0 << 20 | (uint64_t)op2 << 17 |
	       (uint64_t)op1 << 14 | (uint64_t)crn << 10 | (uint64_t)rt << 5 | (uint64_t)crm << 1 |
	       (read ? 1 : 0);
}

struct reg {
	const char *name;
	unsigned int op0, op1, crn, crm, op2;
};

static enum sysreg_result access(const struct reg *r, int read, uint64_t *val,
				 struct sysreg_state *s, enum sysreg_class *cls)
{
	struct sysreg_access a;

	sysreg_decode(esr(r->op0, r->op1, r->crn, r->crm, r->op2, 7, read), &a);
	assert_int_equal(a.rt, 7);
	assert_int_equal(a.read, read);
	return sysreg_emulate(&a, s, val, cls);
}

static const struct reg pmu[] = {
    {"PMCR_EL0", 3, 3, 9, 12, 0},	{"PMCNTENSET_EL0", 3, 3, 9, 12, 1},
    {"PMSELR_EL0", 3, 3, 9, 12, 5},	{"PMCEID0_EL0", 3, 3, 9, 12, 6},
    {"PMCCNTR_EL0", 3, 3, 9, 13, 0},	{"PMXEVCNTR_EL0", 3, 3, 9, 13, 2},
    {"PMUSERENR_EL0", 3, 3, 9, 14, 0},	{"PMOVSSET_EL0", 3, 3, 9, 14, 3},
    {"PMEVCNTR0_EL0", 3, 3, 14, 8, 0},	{"PMEVTYPER30_EL0", 3, 3, 14, 15, 6},
    {"PMCCFILTR_EL0", 3, 3, 14, 15, 7}, {"PMINTENSET_EL1", 3, 0, 9, 14, 1},
    {"PMINTENCLR_EL1", 3, 0, 9, 14, 2},
};

static void pmu_reads_zero_writes_ignored(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(pmu) / sizeof(pmu[0]); i++) {
		struct sysreg_state s = {0};
		enum sysreg_class cls;
		uint64_t v = 0xffffffffffffffffUL;

		print_message("%s\n", pmu[i].name);
		assert_int_equal(access(&pmu[i], 1, &v, &s, &cls), SYSREG_DONE);
		assert_int_equal(cls, SYSREG_CLASS_PMU);
		assert_int_equal(v, 0);
		v = 0x1f; /* PMCR_EL0.E|P|C...: enabling counting changes nothing */
		assert_int_equal(access(&pmu[i], 0, &v, &s, &cls), SYSREG_DONE);
		v = 0xffffffffffffffffUL;
		assert_int_equal(access(&pmu[i], 1, &v, &s, &cls), SYSREG_DONE);
		assert_int_equal(v, 0);
	}
}

static const struct reg debug_razwi[] = {
    {"DBGBVR0_EL1", 2, 0, 0, 0, 4},	   {"DBGBCR0_EL1", 2, 0, 0, 0, 5},
    {"DBGBCR15_EL1", 2, 0, 0, 15, 5},	   {"DBGWVR3_EL1", 2, 0, 0, 3, 6},
    {"DBGWCR3_EL1", 2, 0, 0, 3, 7},	   {"MDCCINT_EL1", 2, 0, 0, 2, 0},
    {"OSDLR_EL1", 2, 0, 1, 3, 4},	   {"DBGPRCR_EL1", 2, 0, 1, 4, 4},
    {"DBGCLAIMSET_EL1", 2, 0, 7, 8, 6},	   {"DBGCLAIMCLR_EL1", 2, 0, 7, 9, 6},
    {"DBGAUTHSTATUS_EL1", 2, 0, 7, 14, 6}, {"MDRAR_EL1", 2, 0, 1, 0, 0},
    {"MDCCSR_EL0", 2, 3, 0, 1, 0},	   {"DBGDTR_EL0", 2, 3, 0, 4, 0},
    {"OSECCR_EL1", 2, 0, 0, 6, 2},
};

static void debug_registers_keep_nothing(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(debug_razwi) / sizeof(debug_razwi[0]); i++) {
		struct sysreg_state s = {0};
		enum sysreg_class cls;
		uint64_t v = 0x1ff;

		print_message("%s\n", debug_razwi[i].name);
		assert_int_equal(access(&debug_razwi[i], 0, &v, &s, &cls), SYSREG_DONE);
		assert_int_equal(cls, SYSREG_CLASS_DEBUG);
		v = 0xdead;
		assert_int_equal(access(&debug_razwi[i], 1, &v, &s, &cls), SYSREG_DONE);
		assert_int_equal(v, 0);
	}
}

static const struct reg oslar = {"OSLAR_EL1", 2, 0, 1, 0, 4};
static const struct reg oslsr = {"OSLSR_EL1", 2, 0, 1, 1, 4};
static const struct reg mdscr = {"MDSCR_EL1", 2, 0, 0, 2, 2};

static void os_lock_is_per_vcpu_state(void **state)
{
	struct sysreg_state a = {0}, b = {0};
	enum sysreg_class cls;
	uint64_t v;

	(void)state;
	/* Implemented (OSLM = 0b10), unlocked at vCPU start. */
	assert_int_equal(access(&oslsr, 1, &v, &a, &cls), SYSREG_DONE);
	assert_int_equal(v, 0x8);
	v = 1;
	assert_int_equal(access(&oslar, 0, &v, &a, &cls), SYSREG_DONE);
	assert_int_equal(access(&oslsr, 1, &v, &a, &cls), SYSREG_DONE);
	assert_int_equal(v, 0xa);
	/* Another vCPU's lock is its own. */
	assert_int_equal(access(&oslsr, 1, &v, &b, &cls), SYSREG_DONE);
	assert_int_equal(v, 0x8);
	v = 0; /* Linux's clear_os_lock */
	assert_int_equal(access(&oslar, 0, &v, &a, &cls), SYSREG_DONE);
	assert_int_equal(access(&oslsr, 1, &v, &a, &cls), SYSREG_DONE);
	assert_int_equal(v, 0x8);
}

static void mdscr_keeps_only_the_guests_bits(void **state)
{
	struct sysreg_state s = {0};
	enum sysreg_class cls;
	uint64_t v = 0xffffffffffffffffUL;

	(void)state;
	/* TDA, TXU, RXfull and friends would reach beyond the vCPU: only SS/TDCC/KDE/MDE stay. */
	assert_int_equal(access(&mdscr, 0, &v, &s, &cls), SYSREG_MDSCR);
	assert_int_equal(s.mdscr, MDSCR_GUEST_BITS);
	assert_int_equal(access(&mdscr, 1, &v, &s, &cls), SYSREG_DONE);
	assert_int_equal(v, 0xb001);
	v = 1; /* single step alone */
	assert_int_equal(access(&mdscr, 0, &v, &s, &cls), SYSREG_MDSCR);
	assert_int_equal(s.mdscr, 1);
}

static const struct reg undefined[] = {
    {"CNTP_CTL_EL0", 3, 3, 14, 2, 1},
    {"CNTP_CVAL_EL0", 3, 3, 14, 2, 2},
    {"CNTP_TVAL_EL0", 3, 3, 14, 2, 0},
    {"TRFCR_EL1", 3, 0, 1, 2, 1},
    {"TRBLIMITR_EL1", 3, 0, 9, 11, 0},
    {"PMSCR_EL1", 3, 0, 9, 9, 0},
    {"PMBPTR_EL1", 3, 0, 9, 10, 1},
    {"TRCPRGCTLR", 2, 1, 0, 1, 0},
    {"ICC_SRE_EL1 (not trapped)", 3, 0, 12, 12, 5},
    {"ACTLR_EL1", 3, 0, 1, 0, 1},
};

static void the_rest_is_undefined(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(undefined) / sizeof(undefined[0]); i++) {
		struct sysreg_state s = {0};
		enum sysreg_class cls;
		uint64_t v = 0x1234;

		print_message("%s\n", undefined[i].name);
		assert_int_equal(access(&undefined[i], 1, &v, &s, &cls), SYSREG_UNDEF);
		assert_int_equal(v, 0x1234);
		assert_int_equal(access(&undefined[i], 0, &v, &s, &cls), SYSREG_UNDEF);
	}
	{
		struct sysreg_state s = {0};
		enum sysreg_class cls;
		uint64_t v;

		access(&undefined[0], 1, &v, &s, &cls);
		assert_int_equal(cls, SYSREG_CLASS_PHYS_TIMER);
		access(&undefined[3], 1, &v, &s, &cls);
		assert_int_equal(cls, SYSREG_CLASS_TRACE);
		access(&undefined[5], 1, &v, &s, &cls);
		assert_int_equal(cls, SYSREG_CLASS_PROFILING);
	}
}

static void sgi_writes_only(void **state)
{
	static const struct reg sgi1r = {"ICC_SGI1R_EL1", 3, 0, 12, 11, 5};
	struct sysreg_state s = {0};
	enum sysreg_class cls;
	uint64_t v = 0x1000001;

	(void)state;
	assert_int_equal(access(&sgi1r, 0, &v, &s, &cls), SYSREG_SGI);
	assert_int_equal(v, 0x1000001);
	assert_int_equal(access(&sgi1r, 1, &v, &s, &cls), SYSREG_UNDEF);
}

static void decode_fields(void **state)
{
	struct sysreg_access a;

	(void)state;
	/* msr pmuserenr_el0, xzr as Linux's __cpu_setup does it. */
	sysreg_decode(esr(3, 3, 9, 14, 0, 31, 0), &a);
	assert_int_equal(a.op0, 3);
	assert_int_equal(a.op1, 3);
	assert_int_equal(a.crn, 9);
	assert_int_equal(a.crm, 14);
	assert_int_equal(a.op2, 0);
	assert_int_equal(a.rt, 31);
	assert_int_equal(a.read, 0);
	assert_int_equal(sysreg_classify(&a), SYSREG_CLASS_PMU);
	sysreg_decode(esr(2, 0, 0, 15, 7, 0, 1), &a);
	assert_int_equal(a.op0, 2);
	assert_int_equal(a.crm, 15);
	assert_int_equal(a.op2, 7);
	assert_int_equal(a.read, 1);
	assert_string_equal(sysreg_class_name(SYSREG_CLASS_PHYS_TIMER), "EL1 physical timer");
	assert_string_equal(sysreg_class_name(SYSREG_CLASSES), "unhandled");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(pmu_reads_zero_writes_ignored),
	    cmocka_unit_test(debug_registers_keep_nothing),
	    cmocka_unit_test(os_lock_is_per_vcpu_state),
	    cmocka_unit_test(mdscr_keeps_only_the_guests_bits),
	    cmocka_unit_test(the_rest_is_undefined),
	    cmocka_unit_test(sgi_writes_only),
	    cmocka_unit_test(decode_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
