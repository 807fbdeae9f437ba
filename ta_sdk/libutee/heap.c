// SPDX-License-Identifier: BSD-2-Clause
/* First-fit heap over one region (see heap.h). */
#include "heap.h"

#include <string.h>

struct block {
	size_t size; /* whole block, header included; a multiple of HEAP_ALIGN */
	size_t used; /* BLOCK_USED or BLOCK_FREE: anything else is corruption */
};

#define BLOCK_USED 0x75736564UL
#define BLOCK_FREE 0x66726565UL
#define HDR	   sizeof(struct block)
/* Smallest block worth splitting off: a header and one aligned unit. */
#define MIN_BLOCK (HDR + HEAP_ALIGN)

_Static_assert(sizeof(struct block) == HEAP_ALIGN, "payloads stay aligned");

static struct block *first(const struct heap *h)
{
	return (struct block *)h->start;
}

static struct block *next(const struct heap *h, struct block *b)
{
	uintptr_t n = (uintptr_t)b + b->size;

	return n < h->end ? (struct block *)n : NULL;
}

/* Bytes needed for a payload of size, or 0 if that overflows or exceeds the heap. */
static size_t block_size_for(const struct heap *h, size_t size)
{
	if (size > h->end - h->start)
		return 0;
	if (!size)
		size = 1; /* a distinct pointer for every allocation, even of 0 bytes */
	return HDR + ((size + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1));
}

bool heap_init(struct heap *h, void *base, size_t size)
{
	uintptr_t start = ((uintptr_t)base + HEAP_ALIGN - 1) & ~(uintptr_t)(HEAP_ALIGN - 1);
	uintptr_t end = (uintptr_t)base + size;

	memset(h, 0, sizeof(*h));
	if (end < (uintptr_t)base || end < start)
		return false;
	end = start + ((end - start) & ~(uintptr_t)(HEAP_ALIGN - 1));
	if (end - start < MIN_BLOCK)
		return false;
	h->start = start;
	h->end = end;
	first(h)->size = end - start;
	first(h)->used = BLOCK_FREE;
	return true;
}

/* Cut b down to size bytes when the rest makes a block of its own. */
static void split(struct block *b, size_t size)
{
	if (b->size - size < MIN_BLOCK)
		return;
	struct block *rest = (struct block *)((uintptr_t)b + size);

	rest->size = b->size - size;
	rest->used = BLOCK_FREE;
	b->size = size;
}

/* Merge the free blocks that follow b into it. */
static void absorb_free_next(const struct heap *h, struct block *b)
{
	struct block *n;

	while ((n = next(h, b)) && n->used == BLOCK_FREE)
		b->size += n->size;
}

void *heap_alloc(struct heap *h, size_t size)
{
	size_t need = block_size_for(h, size);

	if (!need || !h->start)
		return NULL;
	for (struct block *b = first(h); b; b = next(h, b)) {
		if (b->used != BLOCK_FREE || b->size < need)
			continue;
		split(b, need);
		b->used = BLOCK_USED;
		h->in_use += b->size;
		return b + 1;
	}
	return NULL;
}

/* The block whose payload is ptr, and the one before it; NULL if ptr is no block's payload. */
static struct block *find(const struct heap *h, const void *ptr, struct block **prev)
{
	struct block *p = NULL;

	if (!h->start || (uintptr_t)ptr < h->start + HDR || (uintptr_t)ptr >= h->end)
		return NULL;
	for (struct block *b = first(h); b; p = b, b = next(h, b)) {
		if (b + 1 == ptr) {
			if (prev)
				*prev = p;
			return b;
		}
		if ((uintptr_t)(b + 1) > (uintptr_t)ptr)
			break;
	}
	return NULL;
}

bool heap_free(struct heap *h, void *ptr)
{
	struct block *prev = NULL;
	struct block *b = find(h, ptr, &prev);

	if (!b || b->used != BLOCK_USED)
		return false;
	b->used = BLOCK_FREE;
	h->in_use -= b->size;
	absorb_free_next(h, b);
	if (prev && prev->used == BLOCK_FREE)
		absorb_free_next(h, prev);
	return true;
}

size_t heap_usable_size(const struct heap *h, const void *ptr)
{
	struct block *b = find(h, ptr, NULL);

	return b && b->used == BLOCK_USED ? b->size - HDR : 0;
}

void *heap_realloc(struct heap *h, void *ptr, size_t size)
{
	if (!ptr)
		return heap_alloc(h, size);

	struct block *b = find(h, ptr, NULL);
	size_t need = block_size_for(h, size);

	if (!b || b->used != BLOCK_USED || !need)
		return NULL;
	/* In place: shrink, or grow into the free blocks that follow. */
	struct block *n = next(h, b);
	size_t room = b->size;

	for (; n && n->used == BLOCK_FREE; n = next(h, n))
		room += n->size;
	if (room >= need) {
		h->in_use -= b->size;
		b->size = room;
		split(b, need);
		h->in_use += b->size;
		if ((n = next(h, b)) && n->used == BLOCK_FREE)
			absorb_free_next(h, n);
		return ptr;
	}
	void *moved = heap_alloc(h, size);

	if (!moved)
		return NULL;
	memcpy(moved, ptr, b->size - HDR);
	heap_free(h, ptr);
	return moved;
}
