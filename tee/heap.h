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
/*
 * By guest (guest.h): what a guest slot is charged for (kmalloc charges the calling client's,
 * within its share of the heap); a block that outlives the guest's use of it (a cached TA image)
 * goes to the trusted OS's own count; and what a destroyed guest still had charged (nothing, if
 * it all was freed) moves there too, returned in bytes, so the slot starts from zero for the
 * next guest.
 */
size_t heap_in_use_by(int slot);
void heap_give_to_tee(void *p);
size_t heap_reclaim_slot(int slot);

#endif
