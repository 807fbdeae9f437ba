/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef LIB_STDLIB_H
#define LIB_STDLIB_H

unsigned long strtoul(const char *s, char **end, int base);

#endif
