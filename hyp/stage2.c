// SPDX-License-Identifier: BSD-2-Clause
/* Stage 2 table construction (see stage2.h). No hardware access: the host unit tests run it. */
#include "stage2.h"

#include <string.h>

static const unsigned int level_shift[4] = {39, 30, 21, 12};

static uint64_t *table_at(uint64_t desc)
{
	return (uint64_t *)(uintptr_t)(desc & S2_ADDR_MASK);
}

static uint64_t *new_table(struct s2_pool *pool)
{
	uint64_t *t;

	if (pool->used >= pool->count)
		return NULL;
	t = pool->pages + (size_t)pool->used * S2_TABLE_ENTRIES;
	pool->used++;
	memset(t, 0, S2_TABLE_ENTRIES * sizeof(uint64_t));
	return t;
}

int s2_init(struct s2_pool *pool)
{
	pool->used = 0;
	return new_table(pool) ? 0 : -1;
}

static uint64_t leaf_attrs(enum s2_attr attr)
{
	if (attr == S2_DEVICE)
		return S2_MEMATTR_DEVICE | S2_AP_RW | S2_AF | S2_XN;
	return S2_MEMATTR_NORMAL_WB | S2_AP_RW | S2_SH_INNER | S2_AF;
}

static int map_level(struct s2_pool *pool, uint64_t *table, unsigned int level, uint64_t ipa,
		     uint64_t end, uint64_t pa, uint64_t attrs)
{
	uint64_t span = 1UL << level_shift[level];

	while (ipa < end) {
		unsigned int idx = (ipa >> level_shift[level]) & (S2_TABLE_ENTRIES - 1);
		uint64_t block_end = (ipa & ~(span - 1)) + span;
		uint64_t chunk_end = block_end < end ? block_end : end;
		uint64_t *entry = &table[idx];

		if (level == 3) {
			if (*entry & S2_DESC_VALID)
				return -1;
			*entry = pa | attrs | S2_DESC_VALID | S2_DESC_TABLE;
		} else if (!(ipa & (span - 1)) && chunk_end == block_end && !(pa & (span - 1)) &&
			   !(*entry & S2_DESC_VALID)) {
			/* A whole, aligned, still empty block: one level 1 or level 2 descriptor.
			 */
			*entry = pa | attrs | S2_DESC_VALID;
		} else {
			uint64_t *next;

			if ((*entry & (S2_DESC_VALID | S2_DESC_TABLE)) == S2_DESC_VALID)
				return -1; /* already a block: an overlap */
			if (*entry & S2_DESC_VALID) {
				next = table_at(*entry);
			} else {
				next = new_table(pool);
				if (!next)
					return -1;
				*entry = (uint64_t)(uintptr_t)next | S2_DESC_VALID | S2_DESC_TABLE;
			}
			if (map_level(pool, next, level + 1, ipa, chunk_end, pa, attrs))
				return -1;
		}
		pa += chunk_end - ipa;
		ipa = chunk_end;
	}
	return 0;
}

int s2_map(struct s2_pool *pool, uint64_t ipa, uint64_t pa, uint64_t size, enum s2_attr attr)
{
	if (pool->used == 0 || ((ipa | pa | size) & 0xfff) || size == 0)
		return -1;
	if (ipa >= (1UL << S2_IPA_BITS) || size > (1UL << S2_IPA_BITS) - ipa)
		return -1;
	if (pa & ~S2_ADDR_MASK)
		return -1;
	return map_level(pool, pool->pages, 1, ipa, ipa + size, pa, leaf_attrs(attr));
}

uint64_t s2_translate(const struct s2_pool *pool, uint64_t ipa, uint64_t *desc_out)
{
	const uint64_t *table = pool->pages;

	if (pool->used == 0 || ipa >= (1UL << S2_IPA_BITS))
		return ~0UL;
	for (unsigned int level = 1; level <= 3; level++) {
		uint64_t desc = table[(ipa >> level_shift[level]) & (S2_TABLE_ENTRIES - 1)];
		uint64_t span = 1UL << level_shift[level];

		if (!(desc & S2_DESC_VALID))
			return ~0UL;
		if (level == 3 || !(desc & S2_DESC_TABLE)) {
			if (desc_out)
				*desc_out = desc;
			return (desc & S2_ADDR_MASK & ~(span - 1)) | (ipa & (span - 1));
		}
		table = table_at(desc);
	}
	return ~0UL;
}

uint64_t s2_vtcr(unsigned int parange)
{
	/* PS: the output size the CPU has, capped at 48 bits (4 KiB granule, no LPA). */
	uint64_t ps = parange > 5 ? 5 : parange;

	/* RES1[31], PS, TG0 = 4 KiB, SH0 inner, ORGN0/IRGN0 write-back, SL0 = 1 (level 1). */
	return (1UL << 31) | ps << 16 | 0UL << 14 | 3UL << 12 | 1UL << 10 | 1UL << 8 | 1UL << 6 |
	       (64 - S2_IPA_BITS);
}
