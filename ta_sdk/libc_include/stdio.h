/* SPDX-License-Identifier: BSD-2-Clause */
/* Formatting into a buffer: %c %s %d %i %u %x %X %p %%, flags '0' '-' '#', width, l/ll/z. */
#ifndef TA_STDIO_H
#define TA_STDIO_H

#include <stdarg.h>
#include <stddef.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
