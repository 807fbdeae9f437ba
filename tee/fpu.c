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
 *
 * The trusted OS itself is compiled without FP/SIMD, but runs nettle's Armv8 Crypto Extensions
 * assembly for AES-GCM (crypto_gcm.c) between fpu_kernel_begin and fpu_kernel_end; see there.
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

/*
 * A section of trusted-OS code that uses the SIMD registers (nettle's AESE/PMULL code). What may
 * be live in them when it starts:
 * - the running TA's registers, when a TA's system call (TEE_AEUpdate) comes here after the TA
 *   used FP/SIMD: fpu_release saves them into the instance and traps again, so the TA reloads
 *   them on its next FP/SIMD instruction (its values are never lost, never seen by the section);
 * - the normal world's registers, if nothing in this secure entry used FP/SIMD yet: the section's
 *   first SIMD instruction traps to EL3 (CPTR_EL3.TFP), which saves them and clears the
 *   registers before it runs (monitor/ns_fp.c), and puts them back when the entry ends.
 * The trusted OS runs with interrupts masked (the monitor enters it with DAIF set and it never
 * clears them), so nothing runs on this CPU between begin and end: no other user of the
 * registers can start inside the section. t is NULL before any thread ran on the CPU.
 */
void fpu_kernel_begin(struct thread *t)
{
	if (t)
		fpu_release(t);
	write_sysreg(cpacr_el1, CPACR_FPEN_OPEN);
	isb();
}

/*
 * The section's registers hold the AES round keys, GHASH's key powers and data: cleared before
 * FP/SIMD is trapped again, so no key material stays in them for whatever runs next on the CPU,
 * whichever way its registers are given to it (a TA's fpu_claim loads all of them, the monitor
 * restores the normal world's: both overwrite them, this does not depend on it).
 */
void fpu_kernel_end(void)
{
	fpu_wipe();
	write_sysreg(cpacr_el1, 0);
	isb();
}
