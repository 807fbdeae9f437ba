// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared TA library 1 (rampart_dl_ta.h): a function, an initialised object the TA reads in
 * place (a copy relocation in the TA), pointers the loader relocates (R_AARCH64_RELATIVE), and
 * a constructor that writes the TA's own variable (a symbol the library leaves to the TA).
 */
#include <rampart_dl_ta.h>
#include <tee_internal_api.h>

#include "shlib.h"

extern int dl_init_trace;

int rampart_shlib_counter = SHLIB1_COUNTER_INIT;

static const char name[] = SHLIB1_NAME;
static const char *const names[] = {name, name + 8};

static void __attribute__((constructor)) shlib_init(void)
{
	dl_init_trace = dl_init_trace * 10 + 1;
}

int rampart_shlib_mul(int a, int b)
{
	return a * b;
}

const char *rampart_shlib_name(unsigned int i)
{
	return i < 2 ? names[i] : NULL;
}

int rampart_shlib_bump(void)
{
	return ++rampart_shlib_counter;
}

const char *const *rampart_shlib_names(void)
{
	return names;
}
