/* SPDX-License-Identifier: BSD-2-Clause */
/* System register access and barriers (Arm ARM D13, "AArch64 System Register Descriptions"). */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#include <stdint.h>

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

/* The register name is macro-expanded first, so encodings like S3_0_C4_C6_0 work too. */
#define read_sysreg(reg)                                                                           \
	({                                                                                         \
		uint64_t __val;                                                                    \
		__asm__ volatile("mrs %0, " __stringify(reg) : "=r"(__val));                                   \
		__val;                                                                             \
	})

#define write_sysreg(reg, val)                                                                     \
	do {                                                                                       \
		uint64_t __val = (uint64_t)(val);                                                  \
		__asm__ volatile("msr " __stringify(reg) ", %0" : : "r"(__val) : "memory");                    \
	} while (0)

/* GICv3 CPU interface registers by encoding, so any assembler accepts them. */
#define ICC_PMR_EL1 S3_0_C4_C6_0
#define ICC_IAR0_EL1 S3_0_C12_C8_0
#define ICC_EOIR0_EL1 S3_0_C12_C8_1
#define ICC_SGI0R_EL1 S3_0_C12_C11_7
#define ICC_IGRPEN0_EL1 S3_0_C12_C12_6
#define ICC_SRE_EL3 S3_6_C12_C12_5
#define ICC_IGRPEN1_EL3 S3_6_C12_C12_7
#define ICC_CTLR_EL3 S3_6_C12_C12_4
/* Cortex-A57 CPU extended control (TRM 4.3.60): SMPEN joins the CPU to the coherency domain. */
#define CORTEX_A57_CPUECTLR_EL1 S3_1_C15_C2_1
#define CORTEX_A57_CPUECTLR_SMPEN (1UL << 6)

static inline void isb(void)
{
	__asm__ volatile("isb" : : : "memory");
}

static inline void dsb_sy(void)
{
	__asm__ volatile("dsb sy" : : : "memory");
}

static inline void dsb_ish(void)
{
	__asm__ volatile("dsb ish" : : : "memory");
}

static inline void sev(void)
{
	__asm__ volatile("sev" : : : "memory");
}

static inline void wfi(void)
{
	__asm__ volatile("wfi" : : : "memory");
}

/* Linear CPU index from MPIDR_EL1 affinity, following the platform's cluster size. */
static inline uint64_t mpidr_affinity(uint64_t mpidr)
{
	return mpidr & 0xff00ffffffUL;
}

#endif
