/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS's system time: the Arm generic counter (CNTPCT_EL0 at CNTFRQ_EL0), which runs
 * from reset and which the normal world can neither set nor stop. It starts again at every boot.
 */
#ifndef TEE_CLOCK_H
#define TEE_CLOCK_H

#include <stdint.h>

/* Milliseconds since the counter started (this boot). */
uint64_t tee_clock_ms(void);

#endif
