// SPDX-License-Identifier: BSD-2-Clause
/* Shared TA library 2 (rampart_dl_ta.h): built on library 1, loaded by dlopen() only. */
#include <rampart_dl_ta.h>

#include "shlib.h"

extern int dl_init_trace;

static void __attribute__((constructor)) shlib2_init(void)
{
	dl_init_trace = dl_init_trace * 10 + 3;
}

/* a * b through library 1, plus one. */
int rampart_shlib2_mul_plus_one(int a, int b)
{
	return rampart_shlib_mul(a, b) + 1;
}
