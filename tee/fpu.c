// SPDX-License-Identifier: BSD-2-Clause
/*
 * Lazy FP/SIMD for trusted applications.
 *
 * Every entry into the trusted OS starts with FP/SIMD trapped at S-EL1 and S-EL0 (CPACR_EL1.FPEN
 * = 0b00, Arm ARM D19.2.31; the trusted OS leaves it so on every way out). A TA's first FP/SIMD
 * instruction traps to S-EL1 (ESR_EL1.EC 0x07); fpu_claim opens FP/SIMD and loads that instance's
 * registers, so the instruction runs again on them. Loading them is the secure world's first
 * FP/SIMD access in the entry, which the monitor traps in turn to save the normal world's state
 * (monitor/ns_fp.c): a call whose TAs never use FP costs nothing here.
 *
 * The registers belong to the instance (struct ta_instance.fp), as one entry at a time runs in an
 * instance (ta.c): they start zero when the instance is made, so a TA never sees another's or the
 * normal world's values, and stay the instance's between its entries. fpu_release saves them and
 * traps FP/SIMD again whenever the instance stops running: its entry ends (or it dies), it calls
 * another TA (the callee traps on its first use and gets its own), or the thread is suspended for
 * an RPC (and may resume on another CPU, whose registers hold nothing of it).
 */
#include <arch/sysreg.h>
#include <stddef.h>

#include "fpu.h"
#include "thread.h"

/* CPACR_EL1.FPEN (bits 21:20): 0b11 lets EL1 and EL0 use FP/SIMD, 0b00 traps both. */
#define CPACR_FPEN_OPEN (3UL << 20)

_Static_assert(sizeof(struct ta_fp_state) == 528, "fpu_asm.S: V0..V31 then FPSR, FPCR");

void fpu_claim(struct thread *t, struct ta_fp_state *s)
{
	fpu_release(t);
	write_sysreg(cpacr_el1, CPACR_FPEN_OPEN);
	isb();
	fpu_load(s);
	t->fp_live = s;
}

void fpu_release(struct thread *t)
{
	if (!t->fp_live)
		return;
	fpu_save(t->fp_live);
	t->fp_live = NULL;
	/* SVE (ZEN) and SME (SMEN) stay trapped as well: TAs get Advanced SIMD and FP only. */
	write_sysreg(cpacr_el1, 0);
	isb();
}
