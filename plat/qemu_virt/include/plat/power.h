/* SPDX-License-Identifier: BSD-2-Clause */
/* Whole-system power control, as the board provides it. */
#ifndef PLAT_POWER_H
#define PLAT_POWER_H

void plat_system_off(void) __attribute__((noreturn));
void plat_system_reset(void) __attribute__((noreturn));

#endif
