// SPDX-License-Identifier: BSD-2-Clause
/*
 * First-fit allocator over an address-ordered free list, merging neighbours on free. Blocks are
 * 16-byte aligned with a 16-byte header; a corrupted header stops the trusted OS rather than
 * handing out memory twice.
 */
#include <arch/spinlock.h>
#include <panic.h>
#include <stdint.h>
#include <string.h>

#include "guest.h"
#include "heap.h"
#include "thread.h"

#define HEAP_ALIGN 16
#define HEAP_MAGIC_USED 0x75736564U
#define HEAP_MAGIC_FREE 0x66726565U

struct block {
	uint32_t magic;
	uint32_t owner; /* used blocks: the guest slot charged for it (guest.h) */
	size_t size; /* whole block, header included */
	struct block *next; /* free blocks only, in address order */
};

#define HDR_SIZE 16 /* the header as it stays in front of a used block */

static struct block *free_list;
static struct spinlock heap_lock;
static size_t in_use, total;
static size_t in_use_by[GUEST_SLOTS]; /* by guest slot; slot 0 is the trusted OS and ID 0 */
static uintptr_t heap_start;

void heap_init(void *base, size_t size)
{
	uintptr_t start = ((uintptr_t)base + HEAP_ALIGN - 1) & ~(uintptr_t)(HEAP_ALIGN - 1);

	size -= start - (uintptr_t)base;
	size &= ~(size_t)(HEAP_ALIGN - 1);
	heap_start = start;
	free_list = (struct block *)start;
	free_list->magic = HEAP_MAGIC_FREE;
	free_list->size = size;
	free_list->next = NULL;
	total = size;
	in_use = 0;
}

/* size bytes charged to the guest slot, within share bytes of the heap for that slot. */
static void *alloc_charged(size_t size, int slot, size_t share)
{
	struct block **link, *b;
	size_t need;

	if (!size || size > total)
		return NULL;
	need = (size + HDR_SIZE + HEAP_ALIGN - 1) & ~(size_t)(HEAP_ALIGN - 1);
	if (need < sizeof(struct block))
		need = sizeof(struct block);
	spin_lock(&heap_lock);
	if (in_use_by[slot] + need > share) {
		spin_unlock(&heap_lock);
		return NULL;
	}
	for (link = &free_list; (b = *link); link = &b->next) {
		/* Address order: a free list that goes back (a loop) is as corrupt as a bad magic. */
		if (b->magic != HEAP_MAGIC_FREE || (b->next && b->next <= b))
			panic("heap: free block %p corrupted", (void *)b);
		if (b->size < need)
			continue;
		if (b->size - need >= sizeof(struct block) + HEAP_ALIGN) {
			struct block *rest = (struct block *)((uintptr_t)b + need);

			rest->magic = HEAP_MAGIC_FREE;
			rest->size = b->size - need;
			rest->next = b->next;
			*link = rest;
			b->size = need;
		} else {
			*link = b->next;
		}
		b->magic = HEAP_MAGIC_USED;
		b->owner = (uint32_t)slot;
		in_use += b->size;
		in_use_by[slot] += b->size;
		spin_unlock(&heap_lock);
		return (uint8_t *)b + HDR_SIZE;
	}
	spin_unlock(&heap_lock);
	return NULL;
}

void *kmalloc(size_t size)
{
	/* A guest's allocations count against its share, so that it cannot starve the others. */
	int slot = guest_slot(thread_client());

	if (slot < 0)
		return NULL;
	return alloc_charged(size, slot, slot > 0 ? guest_share(total) : total);
}

void *kmalloc_tee(size_t size)
{
	return alloc_charged(size, 0, total);
}

void *kcalloc(size_t count, size_t size)
{
	void *p;

	if (size && count > SIZE_MAX / size)
		return NULL;
	p = kmalloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void kfree(void *p)
{
	struct block *b, **link, *prev = NULL;

	if (!p)
		return;
	b = (struct block *)((uint8_t *)p - HDR_SIZE);
	spin_lock(&heap_lock);
	/* Under the lock: two CPUs freeing one block must not both pass (the list would loop). */
	if (b->magic != HEAP_MAGIC_USED)
		panic("heap: free of %p, which is not an allocated block", p);
	in_use -= b->size;
	if (b->owner < GUEST_SLOTS)
		in_use_by[b->owner] -= b->size;
	b->magic = HEAP_MAGIC_FREE;
	for (link = &free_list; *link && *link < b; link = &(*link)->next)
		prev = *link;
	b->next = *link;
	*link = b;
	/* Merge with the next block, then with the previous one, when they touch. */
	if (b->next && (uintptr_t)b + b->size == (uintptr_t)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (uintptr_t)prev + prev->size == (uintptr_t)b) {
		prev->size += b->size;
		prev->next = b->next;
	}
	spin_unlock(&heap_lock);
}

size_t heap_in_use(void)
{
	return in_use;
}

size_t heap_size(void)
{
	return total;
}

size_t heap_in_use_by(int slot)
{
	return slot >= 0 && slot < GUEST_SLOTS ? in_use_by[slot] : 0;
}

static void recharge(struct block *b, uint32_t to)
{
	in_use_by[b->owner] -= b->size;
	in_use_by[to] += b->size;
	b->owner = to;
}

size_t heap_reclaim_slot(int slot)
{
	size_t moved;

	if (slot <= 0 || slot >= GUEST_SLOTS)
		return 0;
	spin_lock(&heap_lock);
	moved = in_use_by[slot];
	/* Blocks tile the heap: walk them all, used and free, by their sizes. */
	for (uintptr_t a = heap_start; moved && a < heap_start + total;) {
		struct block *b = (struct block *)a;

		if (b->magic == HEAP_MAGIC_USED && b->owner == (uint32_t)slot)
			recharge(b, 0);
		a += b->size;
	}
	in_use_by[slot] = 0;
	spin_unlock(&heap_lock);
	return moved;
}
