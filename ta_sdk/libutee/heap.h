/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A first-fit allocator over one region: blocks lie end to end, each with a 16-byte header;
 * free neighbours merge. Pure C (also built into the host unit tests); TEE_Malloc and malloc
 * run it over the TA heap the trusted OS maps (TA_SYS_GET_HEAP).
 */
#ifndef UTEE_HEAP_H
#define UTEE_HEAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGN 16

struct heap {
	uintptr_t start; /* first block, HEAP_ALIGN aligned */
	uintptr_t end;
	size_t in_use; /* bytes of allocated blocks, headers included */
};

/* False if the region cannot hold a single block. */
bool heap_init(struct heap *h, void *base, size_t size);
/* NULL when no free block is large enough. */
void *heap_alloc(struct heap *h, size_t size);
/* NULL (and ptr untouched) on failure; ptr NULL allocates. */
void *heap_realloc(struct heap *h, void *ptr, size_t size);
/* False if ptr is not a live allocation of this heap (a bad or double free). */
bool heap_free(struct heap *h, void *ptr);
/* Usable size of a live allocation, 0 if ptr is not one. */
size_t heap_usable_size(const struct heap *h, const void *ptr);

#endif
