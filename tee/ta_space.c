// SPDX-License-Identifier: BSD-2-Clause
/* TA address spaces (see ta_space.h); descriptor bits from Arm ARM D8.3. */
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/ta_abi.h>
#include <string.h>

#include "page_desc.h"
#include "pages.h"
#include "ta_space.h"

#define ASID_COUNT 256

static uint64_t asid_bitmap[ASID_COUNT / 64] = {1}; /* ASID 0 is the kernel's */
static struct spinlock asid_lock;

static uint16_t asid_alloc(void)
{
	uint16_t asid = 0;

	spin_lock(&asid_lock);
	for (int i = 1; i < ASID_COUNT && !asid; i++) {
		if (!(asid_bitmap[i / 64] & (1UL << (i % 64)))) {
			asid_bitmap[i / 64] |= 1UL << (i % 64);
			asid = (uint16_t)i;
		}
	}
	spin_unlock(&asid_lock);
	return asid;
}

static void asid_free(uint16_t asid)
{
	/* Nothing tagged with it may survive in any CPU's TLB before it is reused. */
	__asm__ volatile("dsb ishst; tlbi aside1is, %0; dsb ish; isb"
			 :
			 : "r"((uint64_t)asid << 48)
			 : "memory");
	spin_lock(&asid_lock);
	asid_bitmap[asid / 64] &= ~(1UL << (asid % 64));
	spin_unlock(&asid_lock);
}

int ta_space_init(struct ta_space *s, const uint64_t *kernel_l1)
{
	const uint64_t *kernel_l2 = (const uint64_t *)(uintptr_t)(kernel_l1[0] & DESC_ADDR_MASK);

	memset(s, 0, sizeof(*s));
	if ((kernel_l1[0] & 3) != (DESC_VALID | DESC_TABLE))
		return -1;
	s->asid = asid_alloc();
	s->l1 = (uint64_t *)page_alloc();
	s->l2 = (uint64_t *)page_alloc();
	if (!s->asid || !s->l1 || !s->l2) {
		ta_space_destroy(s);
		return -1;
	}
	memcpy(s->l1, kernel_l1, PAGE_SIZE);
	memcpy(s->l2, kernel_l2, PAGE_SIZE);
	memset(s->l2, 0, TA_L2_ENTRIES * sizeof(uint64_t));
	s->l1[0] = (uintptr_t)s->l2 | DESC_VALID | DESC_TABLE;
	return 0;
}

static uint64_t page_desc(uint64_t pa, unsigned int prot)
{
	uint64_t d = pa | DESC_PAGE | DESC_ATTR_NORMAL | DESC_SH_INNER | DESC_AF | DESC_NG |
		     DESC_AP_EL0 | DESC_PXN;

	if (!(prot & TA_MAP_WRITE))
		d |= DESC_AP_RO;
	if (!(prot & TA_MAP_EXEC))
		d |= DESC_UXN;
	if (prot & TA_MAP_NS)
		d |= DESC_NS;
	return d;
}

int ta_space_map(struct ta_space *s, uint64_t va, uint64_t pa, unsigned int prot)
{
	unsigned int l2i = va >> 21;
	uint64_t *l3;

	if (va >= TA_VA_LIMIT || (va & (PAGE_SIZE - 1)) || (pa & (PAGE_SIZE - 1)))
		return -1;
	if ((prot & TA_MAP_WRITE) && (prot & TA_MAP_EXEC))
		return -1; /* never writable and executable at once */
	l3 = s->l3[l2i];
	if (!l3) {
		l3 = (uint64_t *)page_alloc();
		if (!l3)
			return -1;
		s->l3[l2i] = l3;
		__asm__ volatile("dsb ishst" : : : "memory");
		s->l2[l2i] = (uintptr_t)l3 | DESC_VALID | DESC_TABLE;
	}
	l3[(va >> 12) & 511] = page_desc(pa, prot);
	__asm__ volatile("dsb ishst" : : : "memory");
	return 0;
}

void ta_space_unmap(struct ta_space *s, uint64_t va, uint64_t len)
{
	uint64_t end = va + len < TA_VA_LIMIT ? va + len : TA_VA_LIMIT;
	int removed = 0;

	for (uint64_t a = va; a < end;) {
		uint64_t *l3 = s->l3[a >> 21];

		if (!l3) { /* nothing mapped in this 2 MiB */
			a = (a | ((1UL << 21) - 1)) + 1;
			continue;
		}
		if (l3[(a >> 12) & 511] & DESC_VALID) {
			l3[(a >> 12) & 511] = 0;
			__asm__ volatile("dsb ishst; tlbi vae1is, %0"
					 :
					 : "r"((uint64_t)s->asid << 48 | a >> 12)
					 : "memory");
			removed = 1;
		}
		a += PAGE_SIZE;
	}
	if (removed)
		__asm__ volatile("dsb ish; isb" : : : "memory");
}

void ta_space_release(struct ta_space *s, uint64_t va, uint64_t len)
{
	for (uint64_t a = va & ~(PAGE_SIZE - 1); a < va + len && a < TA_VA_LIMIT; a += PAGE_SIZE) {
		unsigned int prot;
		uint64_t pa = ta_space_lookup(s, a, &prot);

		if (!pa)
			continue;
		ta_space_unmap(s, a, PAGE_SIZE);
		if (!(prot & TA_MAP_NS) && page_in_pool(pa))
			page_free(pa);
	}
}

uint64_t ta_space_lookup(const struct ta_space *s, uint64_t va, unsigned int *prot)
{
	const uint64_t *l3;
	uint64_t d;

	if (va >= TA_VA_LIMIT || !(l3 = s->l3[va >> 21]))
		return 0;
	d = l3[(va >> 12) & 511];
	if (!(d & DESC_VALID))
		return 0;
	if (prot) {
		*prot = TA_MAP_READ;
		if (!(d & DESC_AP_RO))
			*prot |= TA_MAP_WRITE;
		if (!(d & DESC_UXN))
			*prot |= TA_MAP_EXEC;
		if (d & DESC_NS)
			*prot |= TA_MAP_NS;
	}
	return d & DESC_ADDR_MASK;
}

int ta_space_access_ok(const struct ta_space *s, uint64_t va, uint64_t len, unsigned int prot)
{
	uint64_t end;

	if (__builtin_add_overflow(va, len, &end) || end > TA_VA_LIMIT)
		return 0;
	if (!len)
		return 1;
	for (uint64_t a = va & ~(PAGE_SIZE - 1); a < end; a += PAGE_SIZE) {
		unsigned int have;

		if (!ta_space_lookup(s, a, &have) || (have & prot) != prot)
			return 0;
	}
	return 1;
}

void ta_space_destroy(struct ta_space *s)
{
	for (unsigned int i = 0; i < TA_L2_ENTRIES; i++) {
		uint64_t *l3 = s->l3[i];

		if (!l3)
			continue;
		for (unsigned int j = 0; j < 512; j++) {
			uint64_t pa = l3[j] & DESC_ADDR_MASK;

			if ((l3[j] & DESC_VALID) && !(l3[j] & DESC_NS) && page_in_pool(pa))
				page_free(pa);
		}
		page_free((uintptr_t)l3);
	}
	if (s->asid)
		asid_free(s->asid);
	if (s->l2)
		page_free((uintptr_t)s->l2);
	if (s->l1)
		page_free((uintptr_t)s->l1);
	memset(s, 0, sizeof(*s));
}

uint64_t ta_space_ttbr0(const struct ta_space *s)
{
	return (uint64_t)s->asid << 48 | (uintptr_t)s->l1;
}
