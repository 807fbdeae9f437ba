// SPDX-License-Identifier: BSD-2-Clause
/* Undefined Instruction injection: target level, vector offset and PSTATE (Arm ARM D1.10). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "inject.h"

#define EL0T	   0x0
#define EL1T	   0x4
#define EL1H	   0x5
#define EL2T	   0x8
#define EL2H	   0x9
#define DAIF	   0x3c0UL
#define HCR_TGE	   (1UL << 27)
#define SCTLR_SPAN (1UL << 23)

static struct undef_injection inject(uint64_t spsr, uint64_t hcr, uint64_t sctlr, int pan, int ssbs,
				     int mte)
{
	struct undef_injection inj = {0};
	int target = -1;

	assert_int_equal(undef_target(spsr, hcr, &target), 0);
	undef_injection_compute(spsr, target, sctlr, pan, ssbs, mte, &inj);
	return inj;
}

static void target_level(void **state)
{
	(void)state;
	int t;

	assert_int_equal(undef_target(EL2H, 0, &t), 0);
	assert_int_equal(t, 2);
	assert_int_equal(undef_target(EL1H, HCR_TGE, &t), 0);
	assert_int_equal(t, 1);
	assert_int_equal(undef_target(EL0T, 0, &t), 0);
	assert_int_equal(t, 1);
	/* HCR_EL2.TGE routes EL0's exceptions to EL2 (Linux with VHE runs user space so). */
	assert_int_equal(undef_target(EL0T, HCR_TGE, &t), 0);
	assert_int_equal(t, 2);
	/* AArch32 and EL3 contexts cannot take one. */
	assert_int_equal(undef_target(0x10, 0, &t), -1);
	assert_int_equal(undef_target(0x1a, 0, &t), -1);
	assert_int_equal(undef_target(0xd, 0, &t), -1);
}

static void vector_offsets(void **state)
{
	(void)state;
	assert_int_equal(inject(EL2H, 0, 0, 0, 0, 0).vector_offset, 0x200);
	assert_int_equal(inject(EL2T, 0, 0, 0, 0, 0).vector_offset, 0x000);
	assert_int_equal(inject(EL1H, 0, 0, 0, 0, 0).vector_offset, 0x200);
	assert_int_equal(inject(EL1T, 0, 0, 0, 0, 0).vector_offset, 0x000);
	assert_int_equal(inject(EL0T, 0, 0, 0, 0, 0).vector_offset, 0x400);
	assert_int_equal(inject(EL0T, HCR_TGE, 0, 0, 0, 0).vector_offset, 0x400);
	assert_int_equal(inject(EL0T, HCR_TGE, 0, 0, 0, 0).target_el, 2);
}

static void pstate_on_entry(void **state)
{
	(void)state;
	/* NZCV kept; SS (21), IL (20), BTYPE (11:10), SP_EL0 selection and old mode dropped. */
	uint64_t in = (0xaUL << 28) | (1UL << 21) | (1UL << 20) | (3UL << 10) | EL0T;

	assert_int_equal(inject(in, 0, SCTLR_SPAN, 0, 0, 0).spsr, (0xaUL << 28) | DAIF | EL1H);
	assert_int_equal(inject(EL2T, 0, SCTLR_SPAN, 0, 0, 0).spsr, DAIF | EL2H);
}

static void pan_ssbs_tco(void **state)
{
	(void)state;
	/* SCTLR_EL1.SPAN = 0 sets PAN; SPAN = 1 keeps the old value. */
	assert_true(inject(EL0T, 0, 0, 1, 0, 0).spsr & (1UL << 22));
	assert_false(inject(EL0T, 0, SCTLR_SPAN, 1, 0, 0).spsr & (1UL << 22));
	assert_true(inject(EL1H | (1UL << 22), 0, SCTLR_SPAN, 1, 0, 0).spsr & (1UL << 22));
	/* Without FEAT_PAN the bit is never set. */
	assert_false(inject(EL0T, 0, 0, 0, 0, 0).spsr & (1UL << 22));
	/* PSTATE.SSBS from SCTLR_ELx.DSSBS, only with FEAT_SSBS. */
	assert_true(inject(EL1H, 0, SCTLR_SPAN | (1UL << 44), 0, 1, 0).spsr & (1UL << 12));
	assert_false(inject(EL1H, 0, SCTLR_SPAN, 0, 1, 0).spsr & (1UL << 12));
	assert_false(inject(EL1H | (1UL << 12), 0, SCTLR_SPAN | (1UL << 44), 0, 0, 0).spsr &
		     (1UL << 12));
	/* PSTATE.TCO set with FEAT_MTE. */
	assert_true(inject(EL1H, 0, SCTLR_SPAN, 0, 0, 1).spsr & (1UL << 25));
	assert_false(inject(EL1H, 0, SCTLR_SPAN, 0, 0, 0).spsr & (1UL << 25));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(target_level),
	    cmocka_unit_test(vector_offsets),
	    cmocka_unit_test(pstate_on_entry),
	    cmocka_unit_test(pan_ssbs_tco),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
