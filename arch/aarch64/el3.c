// SPDX-License-Identifier: BSD-2-Clause
/*
 * Per-CPU EL3 set-up and the exit to the normal world at EL2: the features the CPU has (from its
 * ID registers, cpu_features.c) are opened to the normal world, and the EL2 registers that those
 * features make live are given known values before the first normal-world instruction.
 *
 * The secure world keeps the Armv8.0 register set: tee_switch.S runs it with an SCR_EL3 that
 * enables none of the features below, so the registers they add (pointer-authentication keys,
 * ZCR/SMCR_EL1, TPIDR2_EL0, the MTE and SCXTNUM registers, TCR2/SCTLR2_EL1) stay the normal
 * world's alone: a secure access to them traps to EL3 (Arm ARM D19.2.139) instead of reading or
 * clobbering them, so they need no switching per world.
 */
#include <arch/cpu_features.h>
#include <arch/el3.h>
#include <arch/sysreg.h>

#define MIDR_PARTNUM(midr) (((midr) >> 4) & 0xfff)
#define MIDR_IMPL(midr)	   ((midr) >> 24)
#define PARTNUM_CORTEX_A57 0xd07

/* Registers by encoding: the assembler targets Armv8.0 (-mcpu=cortex-a57). */
#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2
#define ID_AA64MMFR3_EL1 S3_0_C0_C7_3
#define ID_AA64SMFR0_EL1 S3_0_C0_C4_5
#define ZCR_EL3		 S3_6_C1_C2_0
#define SMCR_EL3	 S3_6_C1_C2_6
#define ZCR_EL2		 S3_4_C1_C2_0
#define SMCR_EL2	 S3_4_C1_C2_6
#define HCRX_EL2	 S3_4_C1_C2_2
#define HFGRTR_EL2	 S3_4_C1_C1_4
#define HFGWTR_EL2	 S3_4_C1_C1_5
#define HFGITR_EL2	 S3_4_C1_C1_6
#define HDFGRTR_EL2	 S3_4_C3_C1_4
#define HDFGWTR_EL2	 S3_4_C3_C1_5
#define HAFGRTR_EL2	 S3_4_C3_C1_6
#define CNTPOFF_EL2	 S3_4_C14_C0_6
#define MPAM3_EL3	 S3_6_C10_C5_0
#define MPAM3_EL3_MPAMEN (1UL << 63)
#define AMCNTENSET0_EL0	 S3_3_C13_C2_5

void el3_exit_ns_el2(uint64_t entry, uint64_t arg0, uint64_t arg1, uint64_t stack_top, uint64_t scr,
		     uint64_t cptr_el2, const uint64_t *apia_key) __attribute__((noreturn));

void el3_read_id_regs(struct cpu_id_regs *id)
{
	id->pfr0 = read_sysreg(id_aa64pfr0_el1);
	id->pfr1 = read_sysreg(id_aa64pfr1_el1);
	id->isar0 = read_sysreg(id_aa64isar0_el1);
	id->isar1 = read_sysreg(id_aa64isar1_el1);
	/* Unallocated ID register encodings read as zero on earlier CPUs (Arm ARM D19.1.3). */
	id->isar2 = read_sysreg(ID_AA64ISAR2_EL1);
	id->mmfr0 = read_sysreg(id_aa64mmfr0_el1);
	id->mmfr1 = read_sysreg(id_aa64mmfr1_el1);
	id->mmfr3 = read_sysreg(ID_AA64MMFR3_EL1);
	id->smfr0 = read_sysreg(ID_AA64SMFR0_EL1);
}

void el3_ns_config(struct el3_ns_config *c)
{
	struct cpu_id_regs id;

	el3_read_id_regs(&id);
	el3_ns_config_from_ids(&id, c);
}

void el3_cpu_init(uint64_t timer_freq_hz)
{
	uint64_t midr = read_sysreg(midr_el1);
	struct el3_ns_config c;

	el3_ns_config(&c);
	/* CPTR_EL3: FP/SIMD, trace, AMU not trapped; SVE and SME enabled where present. */
	write_sysreg(cptr_el3, c.cptr_el3);
	isb();
	/* The vector lengths EL3 allows below it; the same on every CPU (booting.rst). */
	if (c.features & CPU_FEAT_SVE)
		write_sysreg(ZCR_EL3, c.zcr);
	if (c.features & CPU_FEAT_SME)
		write_sysreg(SMCR_EL3, c.smcr);
	/* MPAM: lower levels use their own MPAM registers, untrapped (booting.rst). */
	if (c.features & CPU_FEAT_MPAM)
		write_sysreg(MPAM3_EL3, MPAM3_EL3_MPAMEN);
	/* The architected activity counters run (booting.rst, AMUv1). */
	if (c.features & CPU_FEAT_AMU)
		write_sysreg(AMCNTENSET0_EL0, 0xf);
	/* MDCR_EL3 = 0: no debug/PMU traps to EL3. */
	write_sysreg(mdcr_el3, 0);
	/* The system counter's frequency: the firmware's to set (Arm ARM D11.1.2). */
	write_sysreg(cntfrq_el0, timer_freq_hz);
	if (MIDR_IMPL(midr) == 0x41 && MIDR_PARTNUM(midr) == PARTNUM_CORTEX_A57) {
		/* Join the coherency domain before caches are on (Cortex-A57 TRM 4.3.60). */
		write_sysreg(CORTEX_A57_CPUECTLR_EL1,
			     read_sysreg(CORTEX_A57_CPUECTLR_EL1) | CORTEX_A57_CPUECTLR_SMPEN);
	}
	isb();
}

void el3_enter_ns_el2(uint64_t entry, uint64_t arg0, uint64_t arg1, uint64_t stack_top,
		      const uint64_t *apia_key)
{
	struct el3_ns_config c;

	el3_ns_config(&c);
	/*
	 * EL2 registers whose reset value is UNKNOWN and that take effect once SCR_EL3 enables
	 * their feature: zero means no extra traps (HCRX_EL2, the fine-grained trap registers,
	 * D19.2.48-52) and no physical counter offset (CNTPOFF_EL2).
	 */
	if (c.features & CPU_FEAT_HCX)
		write_sysreg(HCRX_EL2, 0);
	if (c.features & CPU_FEAT_FGT) {
		write_sysreg(HFGRTR_EL2, 0);
		write_sysreg(HFGWTR_EL2, 0);
		write_sysreg(HFGITR_EL2, 0);
		write_sysreg(HDFGRTR_EL2, 0);
		write_sysreg(HDFGWTR_EL2, 0);
		/* HAFGRTR_EL2 exists with AMUv1p1 (ID_AA64PFR0_EL1.AMU >= 2). */
		if (c.features & CPU_FEAT_AMU && id_field(read_sysreg(id_aa64pfr0_el1), 44) >= 2)
			write_sysreg(HAFGRTR_EL2, 0);
	}
	if (c.features & CPU_FEAT_ECV)
		write_sysreg(CNTPOFF_EL2, 0);
	if (c.features & CPU_FEAT_SVE)
		write_sysreg(ZCR_EL2, c.zcr);
	if (c.features & CPU_FEAT_SME)
		write_sysreg(SMCR_EL2, c.smcr);
	el3_exit_ns_el2(entry, arg0, arg1, stack_top, c.scr_el3, c.cptr_el2, apia_key);
}
