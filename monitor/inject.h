/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Turning a trap that reached EL3 unexpectedly into an Undefined Instruction exception of the
 * level that caused it (Arm ARM D1.10 "Exception entry", D1.10.2 vector offsets). Pure logic on
 * register values; monitor/main.c reads and writes the registers.
 */
#ifndef MONITOR_INJECT_H
#define MONITOR_INJECT_H

#include <stdint.h>

/* ESR_ELx for "Unknown reason" (EC 0x00) from an A64 instruction: IL = 1, ISS = 0. */
#define ESR_UNDEF_A64 (1UL << 25)

/* What the target level's registers and the return to it must become. */
struct undef_injection {
	unsigned int target_el; /* 1 or 2 */
	uint64_t vector_offset; /* from VBAR_ELx: 0x000, 0x200 or 0x400 */
	uint64_t spsr;		/* PSTATE at the vector */
};

/*
 * spsr_el3: the trapped context's saved PSTATE; hcr_el2: the normal world's HCR_EL2 (0 for the
 * secure world, which has no EL2 here); sctlr_target: SCTLR_EL1 or SCTLR_EL2 as it will be for
 * the target level (callers may pass the one of the level this returns, see inject.c);
 * pan/ssbs/mte: the CPU has FEAT_PAN, FEAT_SSBS, FEAT_MTE. Returns -1 for a context that cannot
 * take one (AArch32 or EL3 itself), 0 otherwise.
 */
int undef_target(uint64_t spsr_el3, uint64_t hcr_el2, int *target_el);
void undef_injection_compute(uint64_t spsr_el3, int target_el, uint64_t sctlr_target, int pan,
			     int ssbs, int mte, struct undef_injection *out);

#endif
