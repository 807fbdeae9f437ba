/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS heap: sessions, TA instances, cached TA images and mbedTLS's bignums. One pool in
 * secure RAM behind a lock; its in-use figure lets tests see that a run leaves nothing behind.
 */
#ifndef TEE_HEAP_H
#define TEE_HEAP_H

#include <stddef.h>

void heap_init(void *base, size_t size);
void *kmalloc(size_t size);
void *kcalloc(size_t count, size_t size);
void kfree(void *p);
/*
 * Charged to the trusted OS itself whoever calls, for what outlives the call and serves every
 * client (the verified TA image cache, bounded by its own limit).
 */
void *kmalloc_tee(size_t size);
/* Bytes handed out and not yet freed (headers included). */
size_t heap_in_use(void);
size_t heap_size(void);
/*
 * By guest (guest.h): what a guest slot is charged for (kmalloc charges the calling client's,
 * within its share of the heap; kmalloc_tee the trusted OS's own count); and what a destroyed
 * guest still had charged (nothing, if it all was freed) moves to the trusted OS's count,
 * returned in bytes, so the slot starts from zero for the next guest.
 */
size_t heap_in_use_by(int slot);
size_t heap_reclaim_slot(int slot);

#endif
