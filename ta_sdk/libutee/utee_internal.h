/* SPDX-License-Identifier: BSD-2-Clause */
/* What libutee's parts share among themselves. */
#ifndef UTEE_INTERNAL_H
#define UTEE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

/* Whether ptr is a live TEE_Malloc/malloc allocation of at least size bytes: how handles
 * (enumerators, TA sessions) are checked before libutee reads them. */
bool utee_heap_owns(const void *ptr, size_t size);
/* Usable bytes of a live allocation; panics the TA if ptr is not one (malloc_usable_size). */
size_t utee_heap_usable_size(const void *ptr);
/* Writes out what the TA printed to stdout/stderr without a line end yet (libc_stdio.c). */
void utee_stdio_flush(void) __attribute__((weak));

/* Run the constructors of the modules loaded since the last call, dependencies first (dl.c). */
void utee_dl_run_init(void);

#endif
