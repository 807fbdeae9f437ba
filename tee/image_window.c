// SPDX-License-Identifier: BSD-2-Clause
/*
 * The threads' image windows (see image_window.h). The windows sit in the last GiB of the 39-bit
 * address space, far above anything mapped at its physical address: one level 2 table there,
 * and for each thread the level 3 tables of its window, all in the image, installed in the
 * kernel's level 1 table at boot. TA address spaces copy that table (ta_space.c), so the windows
 * are the same in every space. Only its own thread ever changes a window: no lock. Descriptor
 * bits from Arm ARM D8.3; the mappings are global (nG clear), EL1 read/write, never executable.
 */
#include <log.h>
#include <panic.h>
#include <string.h>

#include "image_window.h"
#include "page_desc.h"
#include "pages.h"
#include "thread.h"

#define DESC_RUN_START (1UL << 55) /* software bit (D8.3.2): first page of an allocation */

#define WINDOW_L1_INDEX 511UL
#define WINDOW_BASE	(WINDOW_L1_INDEX << 30)
#define WINDOW_PAGES	(IMAGE_WINDOW_SIZE / PAGE_SIZE)
#define L3_ENTRIES	512
#define L3_PER_WINDOW	(WINDOW_PAGES / L3_ENTRIES)

/* A thread's window is L3_PER_WINDOW tables one after the other: WINDOW_PAGES entries. */
static uint64_t window_l3[THREAD_COUNT][WINDOW_PAGES] __attribute__((aligned(PAGE_SIZE)));
static uint64_t window_l2[L3_ENTRIES] __attribute__((aligned(PAGE_SIZE)));

_Static_assert(THREAD_COUNT *L3_PER_WINDOW <= L3_ENTRIES, "the windows fit one level 2 table");
_Static_assert(IMAGE_WINDOW_SIZE % (L3_ENTRIES * PAGE_SIZE) == 0, "whole level 3 tables");

void image_window_init(uint64_t *kernel_l1)
{
	if (kernel_l1[WINDOW_L1_INDEX] & DESC_VALID)
		panic("image windows: the last GiB of addresses is already mapped");
	for (size_t t = 0; t < THREAD_COUNT; t++)
		for (size_t k = 0; k < L3_PER_WINDOW; k++)
			window_l2[t * L3_PER_WINDOW + k] =
			    (uintptr_t)&window_l3[t][k * L3_ENTRIES] | DESC_VALID | DESC_TABLE;
	kernel_l1[WINDOW_L1_INDEX] = (uintptr_t)window_l2 | DESC_VALID | DESC_TABLE;
	/* Tables written before any walk may read them (D8.2.6: no TLB holds an invalid entry). */
	__asm__ volatile("dsb ishst; isb" : : : "memory");
}

static uint64_t *own_window(void)
{
	struct thread *t = thread_current();

	return t && t->id < THREAD_COUNT ? window_l3[t->id] : NULL;
}

static uintptr_t window_va(const uint64_t *w, size_t i)
{
	return WINDOW_BASE + (size_t)(w - &window_l3[0][0]) * PAGE_SIZE + i * PAGE_SIZE;
}

/* Unmap n pages from index i and give them back to the pool once no TLB holds them (D8.14). */
static void unmap_run(uint64_t *w, size_t i, size_t n)
{
	for (size_t k = i; k < i + n; k++) {
		uintptr_t pa = w[k] & DESC_ADDR_MASK;

		w[k] = 0;
		__asm__ volatile("dsb ishst; tlbi vaae1is, %0; dsb ish; isb"
				 :
				 : "r"(window_va(w, k) >> 12)
				 : "memory");
		page_free(pa);
	}
}

/* First run of n unused entries, or -1. */
static long free_run(const uint64_t *w, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < WINDOW_PAGES; i++) {
		run = w[i] ? 0 : run + 1;
		if (run == n)
			return (long)(i + 1 - n);
	}
	return -1;
}

void *image_window_alloc(size_t len)
{
	uint64_t *w = own_window();
	size_t n = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	long first;

	if (!w || !n || n > WINDOW_PAGES)
		return NULL;
	first = free_run(w, n);
	if (first < 0) {
		log_error("image window: no room for %zu more bytes on this thread", len);
		return NULL;
	}
	for (size_t k = 0; k < n; k++) {
		uintptr_t pa = page_alloc();

		if (!pa) {
			unmap_run(w, (size_t)first, k);
			return NULL;
		}
		w[first + k] = pa | DESC_PAGE | DESC_ATTR_NORMAL | DESC_SH_INNER | DESC_AF |
			       DESC_PXN | DESC_UXN | (k ? 0 : DESC_RUN_START);
	}
	__asm__ volatile("dsb ishst; isb" : : : "memory");
	return (void *)window_va(w, (size_t)first);
}

void image_window_free(void *p)
{
	uint64_t *w = own_window();
	uintptr_t va = (uintptr_t)p, base;
	size_t i, n = 1;

	if (!p)
		return;
	base = w ? window_va(w, 0) : 0;
	if (!w || va < base || va - base >= IMAGE_WINDOW_SIZE || va % PAGE_SIZE)
		panic("image window: %p is not in this thread's window", p);
	i = (va - base) / PAGE_SIZE;
	if (!(w[i] & DESC_RUN_START))
		panic("image window: %p was not handed out", p);
	while (i + n < WINDOW_PAGES && (w[i + n] & DESC_VALID) && !(w[i + n] & DESC_RUN_START))
		n++;
	unmap_run(w, i, n);
}
