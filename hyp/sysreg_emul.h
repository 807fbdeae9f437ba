/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What a guest gets for a system register access that traps to EL2 (ESR_EL2 EC 0x18, Arm ARM
 * D17.2.37 "ISS encoding for an exception from MSR, MRS or System instruction execution").
 * Pure: the caller (trap.c) applies the result to the vCPU and the hardware.
 *
 * Policy (docs/hypervisor.md, "What guests may touch"):
 *   - ICC_SGI1R_EL1 writes: SGIs between the VM's vCPUs (the caller's vGIC).
 *   - PMU (MDCR_EL2.TPM/TPMCR): read as zero, writes ignored. The guest's device tree has no
 *     PMU node, PMCR_EL0.N reads 0 (no event counters); Linux still writes PMUSERENR_EL0 at
 *     boot when ID_AA64DFR0_EL1.PMUVer says a PMU exists, so an UNDEF there would kill it.
 *   - Self-hosted debug (MDCR_EL2.TDA/TDOSA/TDRA): breakpoint, watchpoint, claim, DCC and
 *     power-down registers read as zero, writes ignored; the OS lock is per-vCPU state
 *     (OSLAR_EL1 sets it, OSLSR_EL1 reports it, D2.5 "The OS lock"), and MDSCR_EL1 keeps only
 *     the guest's own software-step and debug-enable bits, which the caller writes through.
 *   - Trace (CPTR_EL2.TTA, MDCR_EL2.TTRF/E2TB), statistical profiling (MDCR_EL2.TPMS/E2PB), the
 *     EL1 physical timer (CNTHCTL_EL2.EL1PCEN = 0) and anything else: UNDEF.
 */
#ifndef HYP_SYSREG_EMUL_H
#define HYP_SYSREG_EMUL_H

#include <stdint.h>

/* The register an access names, from the ISS. */
struct sysreg_access {
	unsigned int op0, op1, crn, crm, op2;
	unsigned int rt;
	int read;
};

/* Per-vCPU state of the emulated registers. */
struct sysreg_state {
	uint64_t mdscr; /* the MDSCR_EL1 bits a guest keeps */
	int os_lock;
};

enum sysreg_class {
	SYSREG_CLASS_SGI = 0,
	SYSREG_CLASS_PMU,
	SYSREG_CLASS_DEBUG,
	SYSREG_CLASS_TRACE,
	SYSREG_CLASS_PROFILING,
	SYSREG_CLASS_PHYS_TIMER,
	SYSREG_CLASS_OTHER,
	SYSREG_CLASSES
};

enum sysreg_result {
	SYSREG_DONE = 0, /* emulated: reads return *val; the instruction is complete */
	SYSREG_SGI,	 /* an ICC_SGI1R_EL1 write of *val */
	SYSREG_MDSCR,	 /* emulated, and MDSCR_EL1 must now hold state->mdscr */
	SYSREG_UNDEF,	 /* inject an undefined instruction exception */
};

/* MDSCR_EL1 bits a guest may set (D17.3.20): SS, TDCC, KDE, MDE. */
#define MDSCR_GUEST_BITS ((1UL << 0) | (1UL << 12) | (1UL << 13) | (1UL << 15))

void sysreg_decode(uint64_t esr, struct sysreg_access *a);
enum sysreg_class sysreg_classify(const struct sysreg_access *a);
const char *sysreg_class_name(enum sysreg_class c);
/*
 * Emulate access a; *val is the value written (for writes) or receives the value read. The
 * class is returned in *cls for the caller's log.
 */
enum sysreg_result sysreg_emulate(const struct sysreg_access *a, struct sysreg_state *s,
				  uint64_t *val, enum sysreg_class *cls);

#endif
