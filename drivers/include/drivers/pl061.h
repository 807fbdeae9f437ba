/* SPDX-License-Identifier: BSD-2-Clause */
/* Arm PrimeCell GPIO (PL061): drive one line as an output (PL061 TRM 3.3). */
#ifndef DRIVERS_PL061_H
#define DRIVERS_PL061_H

#include <stdint.h>

void pl061_set_output(uintptr_t base, unsigned int line, int high);

#endif
