// SPDX-License-Identifier: BSD-2-Clause
#include <arch/el3.h>
#include <arch/sysreg.h>

#define MIDR_PARTNUM(midr) (((midr) >> 4) & 0xfff)
#define MIDR_IMPL(midr) ((midr) >> 24)
#define PARTNUM_CORTEX_A57 0xd07

void el3_cpu_init(uint64_t timer_freq_hz)
{
	uint64_t midr = read_sysreg(midr_el1);

	/* CPTR_EL3 = 0: FP/SIMD and trace accessible below EL3 (Arm ARM D13.2.31). */
	write_sysreg(cptr_el3, 0);
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
