/* SPDX-License-Identifier: BSD-2-Clause */
/* Shared TA library 1's interface (ta/rampart_shlib). */
#ifndef RAMPART_SHLIB_H
#define RAMPART_SHLIB_H

extern int rampart_shlib_counter;
int rampart_shlib_mul(int a, int b);
/* names[0] = SHLIB1_NAME, names[1] = its ninth character on; NULL past them. */
const char *rampart_shlib_name(unsigned int i);
/* The relocated pointer table behind rampart_shlib_name (read-only once relocated). */
const char *const *rampart_shlib_names(void);
/* ++rampart_shlib_counter, as the library sees it. */
int rampart_shlib_bump(void);

#endif
