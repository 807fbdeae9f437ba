// SPDX-License-Identifier: BSD-2-Clause
/*
 * The normal world's FP/SIMD, SVE and SME streaming state across calls into the secure world.
 *
 * Trusted applications use FP/SIMD (the trusted OS gives each its own registers, tee/fpu.c), and
 * the normal world's registers are live in the hardware when it calls the monitor. The monitor
 * owns the normal world's context, so it keeps them, lazily:
 *
 * - Every entry into the secure world runs with CPTR_EL3.TFP set, which traps any FP/SIMD access
 *   at S-EL1 or S-EL0 to EL3 (Arm ARM D19.2.30, CPTR_EL3), with EZ and ESM clear, so SVE and SME
 *   are never available to the secure world. A call that never touches FP/SIMD (no TA uses it)
 *   costs two CPTR_EL3 writes and nothing else.
 * - The first access traps here (ESR_EL3.EC 0x07): the normal world's state is saved in full,
 *   every register the secure world could see is cleared, and TFP is cleared until the entry ends;
 *   the access then runs again. So the secure world never reads a normal-world value, and the
 *   trusted OS needs no part in it.
 * - The entry ends (a finished call, an RPC, a foreign interrupt; tee_dispatch.c enter()): what
 *   was saved is loaded back before the normal world runs, and CPTR_EL3 is the normal world's
 *   again.
 *
 * In full means: with SVE, Z0..Z31 at the vector length EL3 runs with (the largest), P0..P15 and
 * FFR, since an Advanced SIMD write of Vn zeroes the bits of Zn above 128 (Arm ARM, "SVE
 * registers"), so saving V0..V31 alone would lose the normal world's upper bits. SMCCC v1.3's SVE
 * hint (function ID bit 16: the caller does not need Z above bit 127, P and FFR) is not taken: the
 * monitor reports SMCCC v1.2, where the bit is not defined, and the cost it would save is paid only
 * by calls into TAs that use FP. A normal world calling in Streaming SVE mode (PSTATE.SM = 1; Linux
 * never does, the kernel runs with SM = 0) has its streaming Z and P registers saved, and FFR where
 * FA64 gives it one, and leaves streaming mode for the secure world; it is put back in it on the
 * way out. ZA is never touched: the secure world cannot reach it.
 */
#include <arch/cpu_features.h>
#include <arch/el3.h>
#include <arch/sysreg.h>
#include <plat/platform.h>
#include <plat/topology.h>

#include "ns_fp.h"

struct ns_fp_regs {
	uint8_t bytes[FP_REGS_SIZE]; /* arch/fp_regs.h */
} __attribute__((aligned(16)));

/* How the normal world's state was saved on this CPU in the running secure entry. */
enum ns_fp_saved {
	NS_FP_NONE,	 /* nothing: the secure world has not touched FP/SIMD */
	NS_FP_SIMD,	 /* V0..V31 */
	NS_FP_SVE,	 /* Z, P, FFR at ZCR_EL3's length */
	NS_FP_STREAMING, /* in Streaming SVE mode: Z, P (and FFR with FA64) at SMCR_EL3's length */
};

struct ns_fp_cpu {
	struct ns_fp_regs regs;
	enum ns_fp_saved saved;
};

static struct ns_fp_cpu ns_fp_cpus[PLAT_MAX_CPUS];
static uint64_t cptr_ns, cptr_secure;
static uint32_t features;

static struct ns_fp_cpu *this_cpu(void)
{
	return &ns_fp_cpus[plat_cpu_index(read_sysreg(mpidr_el1))];
}

void ns_fp_init(const struct el3_ns_config *c)
{
	features = c->features;
	cptr_ns = c->cptr_el3;
	cptr_secure = (c->cptr_el3 & ~(CPTR_EL3_EZ | CPTR_EL3_ESM)) | CPTR_EL3_TFP;
}

void ns_fp_enter_secure(void)
{
	this_cpu()->saved = NS_FP_NONE;
	/* tee_run's ISB after its SCR_EL3 write makes this take effect before the ERET. */
	write_sysreg(cptr_el3, cptr_secure);
}

static int has_ffr(enum ns_fp_saved how)
{
	return how == NS_FP_SVE || (how == NS_FP_STREAMING && (features & CPU_FEAT_SME_FA64));
}

void ns_fp_secure_trap(void)
{
	struct ns_fp_cpu *c = this_cpu();
	int sve = features & CPU_FEAT_SVE;

	/* EL3's own accesses are trapped by TFP too, and need EZ/ESM for Z, P and SVCR. */
	write_sysreg(cptr_el3, cptr_ns);
	isb();
	if (c->saved == NS_FP_NONE) {
		c->saved = sve ? NS_FP_SVE : NS_FP_SIMD;
		if ((features & CPU_FEAT_SME) && (ns_fp_read_svcr() & 1))
			c->saved = NS_FP_STREAMING;
		if (c->saved == NS_FP_SIMD)
			ns_fp_save_simd(&c->regs);
		else
			ns_fp_save_sve(&c->regs, has_ffr(c->saved));
		if (c->saved == NS_FP_STREAMING)
			ns_fp_streaming(0);
		ns_fp_zero(sve);
	}
	/* FP/SIMD open to the secure world until the entry ends; SVE and SME stay closed. */
	write_sysreg(cptr_el3, cptr_secure & ~CPTR_EL3_TFP);
	isb();
}

void ns_fp_leave_secure(void)
{
	struct ns_fp_cpu *c = this_cpu();

	write_sysreg(cptr_el3, cptr_ns);
	isb();
	switch (c->saved) {
	case NS_FP_NONE:
		return;
	case NS_FP_SIMD:
		ns_fp_load_simd(&c->regs);
		break;
	case NS_FP_STREAMING:
		ns_fp_streaming(1);
		/* fall through */
	case NS_FP_SVE:
		ns_fp_load_sve(&c->regs, has_ffr(c->saved));
		break;
	}
	c->saved = NS_FP_NONE;
}
