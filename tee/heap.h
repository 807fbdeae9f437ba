/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS heap: sessions, TA instances, loader buffers and mbedTLS's bignums. One pool in
 * secure RAM behind a lock; its in-use figure lets tests see that a run leaves nothing behind.
 */
#ifndef TEE_HEAP_H
#define TEE_HEAP_H

#include <stddef.h>

void heap_init(void *base, size_t size);
void *kmalloc(size_t size);
void *kcalloc(size_t count, size_t size);
void kfree(void *p);
/* Bytes handed out and not yet freed (headers included). */
size_t heap_in_use(void);
size_t heap_size(void);

#endif
