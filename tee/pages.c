// SPDX-License-Identifier: BSD-2-Clause
/* A bitmap over the TA page pool; pages are zeroed when handed out, so no TA sees another's data. */
#include <arch/spinlock.h>
#include <panic.h>
#include <string.h>

#include "guest.h"
#include "pages.h"
#include "thread.h"

#define MAX_POOL_PAGES 4096 /* 16 MiB: more than secure RAM holds */

static uint64_t bitmap[MAX_POOL_PAGES / 64];
static uint8_t owner[MAX_POOL_PAGES];	      /* the guest slot charged for each page */
static size_t used_by[GUEST_SLOTS];
static uintptr_t pool_base;
static size_t pool_pages, used_pages, next_hint;
static struct spinlock pages_lock;

void pages_init(uintptr_t base, size_t size)
{
	pool_base = base;
	pool_pages = size / PAGE_SIZE;
	if (pool_pages > MAX_POOL_PAGES)
		pool_pages = MAX_POOL_PAGES;
}

uintptr_t page_alloc(void)
{
	uintptr_t page = 0;
	int slot = guest_slot(thread_client());
	size_t share = slot > 0 ? guest_share(pool_pages) : pool_pages;

	if (slot < 0)
		return 0;
	spin_lock(&pages_lock);
	/* A guest's pages count against its share (guest.h), so it cannot starve the others. */
	for (size_t n = 0; used_by[slot] < share && n < pool_pages; n++) {
		size_t i = (next_hint + n) % pool_pages;

		if (bitmap[i / 64] & (1UL << (i % 64)))
			continue;
		bitmap[i / 64] |= 1UL << (i % 64);
		used_pages++;
		owner[i] = (uint8_t)slot;
		used_by[slot]++;
		next_hint = i + 1;
		page = pool_base + i * PAGE_SIZE;
		break;
	}
	spin_unlock(&pages_lock);
	if (page)
		memset((void *)page, 0, PAGE_SIZE);
	return page;
}

void page_free(uintptr_t page)
{
	size_t i = (page - pool_base) / PAGE_SIZE;

	if (!page_in_pool(page) || (page & (PAGE_SIZE - 1)))
		panic("page_free(%#lx): not a pool page", page);
	spin_lock(&pages_lock);
	if (!(bitmap[i / 64] & (1UL << (i % 64))))
		panic("page_free(%#lx): page is already free", page);
	bitmap[i / 64] &= ~(1UL << (i % 64));
	used_pages--;
	used_by[owner[i]]--;
	spin_unlock(&pages_lock);
}

size_t pages_in_use(void)
{
	return used_pages;
}

int page_in_pool(uintptr_t pa)
{
	return pa >= pool_base && pa < pool_base + pool_pages * PAGE_SIZE;
}

size_t pages_in_use_by(int slot)
{
	return slot >= 0 && slot < GUEST_SLOTS ? used_by[slot] : 0;
}

size_t pages_reclaim_slot(int slot)
{
	size_t moved;

	if (slot <= 0 || slot >= GUEST_SLOTS)
		return 0;
	spin_lock(&pages_lock);
	moved = used_by[slot];
	for (size_t i = 0; moved && i < pool_pages; i++) {
		if ((bitmap[i / 64] & (1UL << (i % 64))) && owner[i] == slot) {
			owner[i] = 0;
			used_by[0]++;
		}
	}
	used_by[slot] = 0;
	spin_unlock(&pages_lock);
	return moved;
}
