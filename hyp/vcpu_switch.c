// SPDX-License-Identifier: BSD-2-Clause
/*
 * A vCPU's state into and out of the CPU it runs on, for when CPUs are shared (sched.c). What
 * a guest can observe of its CPU and the hypervisor does not trap or emulate:
 *  - the EL1 and EL0 system registers of the AArch64 EL1&0 regime (Arm ARM D17.2: SCTLR_EL1,
 *    the translation registers, VBAR_EL1, the exception state registers, thread ID registers,
 *    CPACR_EL1, CNTKCTL_EL1, CSSELR_EL1...), and the SVE/SME controls where implemented;
 *  - MDSCR_EL1 (its guest-owned bits, sysreg_emul.h) and the pointer authentication keys,
 *    which guests use untrapped (HCR_EL2.API/APK, el2_traps.c); the APIA key travels in
 *    struct guest_regs already when EL2 signs its own return addresses (pauth.h);
 *  - the EL1 virtual timer (CNTV_CTL_EL0, CNTV_CVAL_EL0; CNTVOFF_EL2 is 0 for every VM, so a
 *    guest's virtual count is the physical count: its clock goes on while it is not running);
 *  - FP/SIMD: V0-V31, FPSR, FPCR; with SVE, Z0-Z31 in full, P0-P15 and FFR instead of the V
 *    registers (an Advanced SIMD write of Vn zeroes Zn above bit 127, Arm ARM "SVE registers",
 *    so V0-V31 alone would lose the rest); with SME, SVCR (PSTATE.SM, PSTATE.ZA), the streaming
 *    Z and P registers (and FFR where FA64 gives streaming mode one), ZA and SME2's ZT0 when ZA
 *    is on (fp_save; vcpu_fp.S; the hypervisor itself is built without FP);
 *  - the GIC virtual CPU interface (vgic_hw.c: list registers, active priorities, VMCR);
 *  - its identity: VMPIDR_EL2 gives the guest its vCPU's MPIDR_EL1, not the CPU's (D17.2.167).
 * The vector lengths are the hardware's: EL2 runs with the longest (ZCR_EL2 and SMCR_EL2 LEN at
 * their maximum, el2_traps.c), and a guest's ZCR_EL1/SMCR_EL1 only lower its own.
 */
#include <arch/sysreg.h>
#include <string.h>

#include "el2_regs.h"
#include "el2_traps.h"
#include "hyp.h"
#include "pauth.h"

#define ZCR_EL1	   S3_0_C1_C2_0
#define SMCR_EL1   S3_0_C1_C2_6
#define TPIDR2_EL0 S3_3_C13_C0_5
#define HCR_FB	   (1UL << 9)  /* guest TLB and I-cache maintenance broadcast (D17.2.48) */
#define HCR_TWI	   (1UL << 13) /* WFI traps (D17.2.48, D1.11.2) */
#define HCR_TWE	   (1UL << 14) /* WFE traps */

enum {
	SCTLR,
	TTBR0,
	TTBR1,
	TCR,
	MAIR,
	AMAIR,
	VBAR,
	CONTEXTIDR,
	TPIDR_EL0_,
	TPIDR_EL1_,
	TPIDRRO,
	SP_EL0_,
	SP_EL1_,
	ELR,
	SPSR,
	ESR,
	FAR,
	AFSR0,
	AFSR1,
	PAR,
	CPACR,
	CNTKCTL,
	CSSELR,
	ACTLR,
	ZCR,
	SMCR,
	TPIDR2,
	EL1_REGS
};
_Static_assert(EL1_REGS <= 32, "struct vcpu_ctx el1[]");

static unsigned int field(uint64_t reg, unsigned int shift)
{
	return (unsigned int)(reg >> shift) & 0xf;
}

static int has_sve(void)
{
	return field(read_sysreg(id_aa64pfr0_el1), 32) != 0;
}

static int has_sme(void)
{
	return field(read_sysreg(S3_0_C0_C4_1), 24) != 0; /* ID_AA64PFR1_EL1.SME */
}

static int has_sme2(void)
{
	return field(read_sysreg(S3_0_C0_C4_1), 24) >= 2;
}

/* ID_AA64SMFR0_EL1.FA64: the full A64 set, FFR included, in Streaming SVE mode. */
static int has_fa64(void)
{
	return (int)(read_sysreg(S3_0_C0_C4_5) >> 63);
}

#define SVCR_SM 1UL
#define SVCR_ZA 2UL

/*
 * The FP/SIMD, SVE and SME registers of the vCPU leaving this CPU. In Streaming SVE mode the Z
 * and P registers are the streaming ones, at the streaming vector length; FFR exists there only
 * with FA64. SVCR goes back to 0 so that no guest's ZA or streaming mode stays on this CPU.
 */
static void fp_save(struct vcpu_ctx *c)
{
	uint64_t svcr = has_sme() ? vcpu_sme_read_svcr() : 0;

	c->svcr = svcr;
	if (svcr & SVCR_SM)
		vcpu_fp_save_sve(&c->fp, has_fa64());
	else if (has_sve())
		vcpu_fp_save_sve(&c->fp, 1);
	else
		vcpu_fp_save_simd(&c->fp);
	if (svcr & SVCR_ZA) {
		vcpu_za_save(c->za);
		if (has_sme2())
			vcpu_zt0_save(c->zt0);
	}
	if (svcr)
		vcpu_sme_write_svcr(0);
}

/* SVCR first: changing PSTATE.SM or turning ZA on zeroes what is then loaded. */
static void fp_restore(const struct vcpu_ctx *c)
{
	if (has_sme())
		vcpu_sme_write_svcr(c->svcr);
	if (c->svcr & SVCR_ZA) {
		vcpu_za_load(c->za);
		if (has_sme2())
			vcpu_zt0_load(c->zt0);
	}
	if (c->svcr & SVCR_SM)
		vcpu_fp_load_sve(&c->fp, has_fa64());
	else if (has_sve())
		vcpu_fp_load_sve(&c->fp, 1);
	else
		vcpu_fp_load_simd(&c->fp);
}

static void save_el1(uint64_t *r)
{
	r[SCTLR] = read_sysreg(sctlr_el1);
	r[TTBR0] = read_sysreg(ttbr0_el1);
	r[TTBR1] = read_sysreg(ttbr1_el1);
	r[TCR] = read_sysreg(tcr_el1);
	r[MAIR] = read_sysreg(mair_el1);
	r[AMAIR] = read_sysreg(amair_el1);
	r[VBAR] = read_sysreg(vbar_el1);
	r[CONTEXTIDR] = read_sysreg(contextidr_el1);
	r[TPIDR_EL0_] = read_sysreg(tpidr_el0);
	r[TPIDR_EL1_] = read_sysreg(tpidr_el1);
	r[TPIDRRO] = read_sysreg(tpidrro_el0);
	r[SP_EL0_] = read_sysreg(sp_el0);
	r[SP_EL1_] = read_sysreg(sp_el1);
	r[ELR] = read_sysreg(elr_el1);
	r[SPSR] = read_sysreg(spsr_el1);
	r[ESR] = read_sysreg(esr_el1);
	r[FAR] = read_sysreg(far_el1);
	r[AFSR0] = read_sysreg(afsr0_el1);
	r[AFSR1] = read_sysreg(afsr1_el1);
	r[PAR] = read_sysreg(par_el1);
	r[CPACR] = read_sysreg(cpacr_el1);
	r[CNTKCTL] = read_sysreg(cntkctl_el1);
	r[CSSELR] = read_sysreg(csselr_el1);
	r[ACTLR] = read_sysreg(actlr_el1);
	if (has_sve())
		r[ZCR] = read_sysreg(ZCR_EL1);
	if (has_sme()) {
		r[SMCR] = read_sysreg(SMCR_EL1);
		r[TPIDR2] = read_sysreg(TPIDR2_EL0);
	}
}

static void restore_el1(const uint64_t *r)
{
	write_sysreg(sctlr_el1, r[SCTLR]);
	write_sysreg(ttbr0_el1, r[TTBR0]);
	write_sysreg(ttbr1_el1, r[TTBR1]);
	write_sysreg(tcr_el1, r[TCR]);
	write_sysreg(mair_el1, r[MAIR]);
	write_sysreg(amair_el1, r[AMAIR]);
	write_sysreg(vbar_el1, r[VBAR]);
	write_sysreg(contextidr_el1, r[CONTEXTIDR]);
	write_sysreg(tpidr_el0, r[TPIDR_EL0_]);
	write_sysreg(tpidr_el1, r[TPIDR_EL1_]);
	write_sysreg(tpidrro_el0, r[TPIDRRO]);
	write_sysreg(sp_el0, r[SP_EL0_]);
	write_sysreg(sp_el1, r[SP_EL1_]);
	write_sysreg(elr_el1, r[ELR]);
	write_sysreg(spsr_el1, r[SPSR]);
	write_sysreg(esr_el1, r[ESR]);
	write_sysreg(far_el1, r[FAR]);
	write_sysreg(afsr0_el1, r[AFSR0]);
	write_sysreg(afsr1_el1, r[AFSR1]);
	write_sysreg(par_el1, r[PAR]);
	write_sysreg(cpacr_el1, r[CPACR]);
	write_sysreg(cntkctl_el1, r[CNTKCTL]);
	write_sysreg(csselr_el1, r[CSSELR]);
	write_sysreg(actlr_el1, r[ACTLR]);
	if (has_sve())
		write_sysreg(ZCR_EL1, r[ZCR]);
	if (has_sme()) {
		write_sysreg(SMCR_EL1, r[SMCR]);
		write_sysreg(TPIDR2_EL0, r[TPIDR2]);
	}
}

/* APIB, APDA, APDB, APGA (Arm ARM D8.10); APIA as pauth.h says. */
static void save_keys(struct vcpu *v)
{
	uint64_t *k = v->ctx.pauth;

	if (!el2_has_pauth())
		return;
	k[0] = read_sysreg(S3_0_C2_C1_2);
	k[1] = read_sysreg(S3_0_C2_C1_3);
	k[2] = read_sysreg(S3_0_C2_C2_0);
	k[3] = read_sysreg(S3_0_C2_C2_1);
	k[4] = read_sysreg(S3_0_C2_C2_2);
	k[5] = read_sysreg(S3_0_C2_C2_3);
	k[6] = read_sysreg(S3_0_C2_C3_0);
	k[7] = read_sysreg(S3_0_C2_C3_1);
	if (!hyp_pauth_on) { /* entry.S left the guest's APIA key in the registers */
		v->regs.apia_key[0] = read_sysreg(S3_0_C2_C1_0);
		v->regs.apia_key[1] = read_sysreg(S3_0_C2_C1_1);
	}
}

static void restore_keys(const struct vcpu *v)
{
	const uint64_t *k = v->ctx.pauth;

	if (!el2_has_pauth())
		return;
	write_sysreg(S3_0_C2_C1_2, k[0]);
	write_sysreg(S3_0_C2_C1_3, k[1]);
	write_sysreg(S3_0_C2_C2_0, k[2]);
	write_sysreg(S3_0_C2_C2_1, k[3]);
	write_sysreg(S3_0_C2_C2_2, k[4]);
	write_sysreg(S3_0_C2_C2_3, k[5]);
	write_sysreg(S3_0_C2_C3_0, k[6]);
	write_sysreg(S3_0_C2_C3_1, k[7]);
	if (!hyp_pauth_on) {
		write_sysreg(S3_0_C2_C1_0, v->regs.apia_key[0]);
		write_sysreg(S3_0_C2_C1_1, v->regs.apia_key[1]);
	}
}

/* A vCPU coming out of reset: MMU and caches off (Booting.rst), everything else zero. */
void vcpu_ctx_reset(struct vcpu *v)
{
	memset(&v->ctx, 0, sizeof(v->ctx));
	v->ctx.el1[SCTLR] = SCTLR_EL1_RES1;
	v->ctx.vmcr = 0;
	v->ctx.ich_hcr = ICH_HCR_EN;
	for (unsigned int l = 0; l < 16; l++)
		v->lr_intid[l] = -1;
	memset(v->regs.apia_key, 0, sizeof(v->regs.apia_key));
}

void vcpu_save(struct vcpu *v)
{
	struct vcpu_ctx *c = &v->ctx;

	save_el1(c->el1);
	save_keys(v);
	fp_save(c);
	/* Stop its timer here before its interrupt state leaves this CPU (vgic_hw.c). */
	c->cntv_cval = read_sysreg(cntv_cval_el0);
	c->cntv_ctl = read_sysreg(cntv_ctl_el0);
	write_sysreg(cntv_ctl_el0, 0);
	isb();
	vgic_cpu_save(c);
	v->loaded_cpu = -1;
	hyp_cpus[this_cpu_index()].loaded = NULL;
}

/*
 * Stage 1 and stage 2 TLB entries carry the VMID, not the vCPU: another vCPU of the same VM,
 * or an earlier run of it, may have left entries on this CPU that the guest believes belong to
 * another CPU's TLB (or to a machine it has reset). Invalidate this VMID's entries on this CPU
 * when the vCPU that ran here last is a different one (Arm ARM D8.17 "TLB maintenance"). The
 * guest's own local maintenance is broadcast (HCR_EL2.FB) while its vCPUs float, so entries it
 * left on a CPU it ran on before are invalidated as well.
 */
static void tlb_check(struct pcpu *p, struct vcpu *v)
{
	uint32_t key = (v->index + 1) | v->vm->boots << 8;

	if (p->last_ran[v->vm->id] == key)
		return;
	p->last_ran[v->vm->id] = key;
	__asm__ volatile("tlbi vmalls12e1; dsb nsh; ic iallu; dsb nsh; isb" : : : "memory");
}

void vcpu_restore(struct vcpu *v)
{
	struct pcpu *p = &hyp_cpus[this_cpu_index()];
	uint64_t hcr = el2_hcr_guest();

	/* Shared CPUs: an idle vCPU gives its CPU away (D1.11.2 "Wait for Interrupt"). */
	if (!v->exclusive)
		hcr |= HCR_TWI | HCR_TWE | HCR_FB;
	write_sysreg(vmpidr_el2, 1UL << 31 | v->index);
	write_sysreg(vpidr_el2, read_sysreg(midr_el1));
	write_sysreg(vttbr_el2, v->vm->vttbr);
	write_sysreg(hcr_el2, hcr);
	write_sysreg(cntvoff_el2, 0);
	restore_el1(v->ctx.el1);
	write_sysreg(mdscr_el1, v->sysregs.mdscr);
	restore_keys(v);
	fp_restore(&v->ctx);
	isb();
	tlb_check(p, v);
	vgic_cpu_restore(&v->ctx);
	write_sysreg(cntv_cval_el0, v->ctx.cntv_cval);
	write_sysreg(cntv_ctl_el0, v->ctx.cntv_ctl);
	isb();
	v->loaded_cpu = (int)p->index;
	v->cpu = p->index;
	v->ran_on |= 1U << p->index;
	v->switches++;
	p->loaded = v;
	passthrough_follow(v);
}

/* The vCPU is off: nothing of its state is kept, and nothing of it may act on this CPU. */
void vcpu_discard(struct vcpu *v)
{
	vgic_cpu_reset();
	v->loaded_cpu = -1;
	hyp_cpus[this_cpu_index()].loaded = NULL;
}

/*
 * PSCI CPU_SUSPEND to a powerdown state (DEN 0022 5.4.2, 6.4.3): the core loses its context and
 * wakes at entry with context_id in x0, as after CPU_ON: EL1h with D, A, I and F masked, the
 * MMU and caches off (SCTLR_EL1 at its reset value but for EE: the caller's endianness), the
 * other general, EL1 system, FP/SIMD, SVE and SME registers and the pointer authentication keys
 * reset, the emulated debug state too, and nothing of its stage 1 left in this CPU's TLBs. What
 * is not the core's context stays: the virtual timer, and the vGIC with the list registers and
 * the virtual CPU interface, so that the interrupt that wakes it is still pending when it
 * resumes (the guest sets its CPU interface up again, as after any powerdown). Done now rather
 * than at the wake-up: nothing can observe the vCPU in between.
 */
void vcpu_powerdown(struct vcpu *v, uint64_t entry, uint64_t context)
{
	struct vcpu_ctx *c = &v->ctx;
	uint64_t ee;

	vcpu_save(v);
	ee = c->el1[SCTLR] & SCTLR_EL1_EE;
	memset(c->el1, 0, sizeof(c->el1));
	c->el1[SCTLR] = SCTLR_EL1_RES1 | ee;
	memset(c->pauth, 0, sizeof(c->pauth));
	memset(&c->fp, 0, sizeof(c->fp));
	c->svcr = 0;
	memset(&v->regs, 0, sizeof(v->regs));
	memset(&v->sysregs, 0, sizeof(v->sysregs));
	v->regs.x[0] = context;
	v->regs.elr = entry;
	v->regs.spsr = SPSR_EL1H_MASKED;
	hyp_cpus[this_cpu_index()].last_ran[v->vm->id] = 0; /* tlb_check invalidates its VMID */
	vcpu_restore(v);
}
