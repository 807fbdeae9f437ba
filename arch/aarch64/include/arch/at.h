/* SPDX-License-Identifier: BSD-2-Clause */
/* Address translation instructions: would a write by this exception level to va fault? */
#ifndef ARCH_AT_H
#define ARCH_AT_H

#include <arch/sysreg.h>

/* AT S1E3W (Arm ARM C5.5.10): PAR_EL1.F is set when a write there would fault. */
static inline int at_s1e3w_faults(uintptr_t va)
{
	__asm__ volatile("at s1e3w, %0" : : "r"(va));
	isb();
	return read_sysreg(par_el1) & 1;
}

/* AT S1E1W (Arm ARM C5.5.8): PAR_EL1.F is set when a write there would fault. */
static inline int at_s1e1w_faults(uintptr_t va)
{
	__asm__ volatile("at s1e1w, %0" : : "r"(va));
	isb();
	return read_sysreg(par_el1) & 1;
}

#endif
