/* SPDX-License-Identifier: BSD-2-Clause */
/* The C library allocation functions TAs get, over the same heap as TEE_Malloc. */
#ifndef TA_STDLIB_H
#define TA_STDLIB_H

#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
unsigned long strtoul(const char *s, char **end, int base);

#endif
