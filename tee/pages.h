/* SPDX-License-Identifier: BSD-2-Clause */
/* 4 KiB pages of secure RAM for TA instances: their segments, stacks, heaps and tables. */
#ifndef TEE_PAGES_H
#define TEE_PAGES_H

#include <stddef.h>
#include <stdint.h>

#define PAGE_SIZE 4096UL

void pages_init(uintptr_t base, size_t size);
/* A zeroed page, or 0 when none is left. */
uintptr_t page_alloc(void);
void page_free(uintptr_t page);
size_t pages_in_use(void);
/* By guest slot (guest.h), as heap.h counts the heap: charged, and reclaimed at destruction. */
size_t pages_in_use_by(int slot);
size_t pages_reclaim_slot(int slot);
/* 1 if the address is a page of the pool. */
int page_in_pool(uintptr_t pa);

#endif
