/* SPDX-License-Identifier: BSD-2-Clause */
/* Arm PrimeCell UART (PL011) output, polled (PL011 TRM 3.3). */
#ifndef DRIVERS_PL011_H
#define DRIVERS_PL011_H

#include <stdint.h>

void pl011_init(uintptr_t base);
void pl011_putc(uintptr_t base, char c);

#endif
