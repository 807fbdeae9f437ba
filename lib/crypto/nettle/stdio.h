/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * <stdio.h> as mini-gmp sees it in the trusted OS: the kernel's, and the one stream mini-gmp
 * writes to, stderr, before it calls abort() (tee/nettle_libc.c keeps the message for the panic).
 * fwrite is only declared: mpz_out_str, its one caller, is not linked.
 */
#ifndef RAMPART_NETTLE_STDIO_H
#define RAMPART_NETTLE_STDIO_H

#include <stddef.h>
#include_next <stdio.h>

typedef struct nettle_stream FILE;
extern FILE *const stderr;

int fprintf(FILE *stream, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
size_t fwrite(const void *p, size_t size, size_t n, FILE *stream);

#endif
