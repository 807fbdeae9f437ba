/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <stdlib.h> as nettle and its mini-gmp see it in the trusted OS (mk/nettle.mk puts this
 * directory first for them only): the kernel's, and the allocation functions and abort() that
 * tee/nettle_libc.c provides on the kernel heap. The rest of the trusted OS does not see these.
 */
#ifndef RAMPART_NETTLE_STDLIB_H
#define RAMPART_NETTLE_STDLIB_H

#include <stddef.h>
#include_next <stdlib.h>

void *malloc(size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void abort(void) __attribute__((noreturn));

#endif
