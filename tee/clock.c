// SPDX-License-Identifier: BSD-2-Clause
/* The system time (clock.h). */
#include "clock.h"

#include <arch/sysreg.h>

uint64_t tee_clock_ms(void)
{
	uint64_t count = read_sysreg(cntpct_el0), freq = read_sysreg(cntfrq_el0);

	/* Whole seconds first: count * 1000 would wrap after some years at 62.5 MHz. */
	return count / freq * 1000 + count % freq * 1000 / freq;
}
