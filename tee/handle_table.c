// SPDX-License-Identifier: BSD-2-Clause
/* Per-instance handle tables (handle_table.h); no locking: one entry runs in an instance at a time.
 */
#include "handle_table.h"

#include <stddef.h>

#define IDX_BITS   8
#define KIND_SHIFT 8
#define KIND_MASK  0xfU
#define GEN_SHIFT  12
#define GEN_MAX	   0xfffffU

void handle_table_init(struct handle_table *t, uint32_t kind)
{
	t->kind = kind & KIND_MASK;
	t->used = 0;
	for (uint32_t i = 0; i < HANDLE_TABLE_SLOTS; i++) {
		t->gen[i] = 0;
		t->slot[i] = NULL;
	}
}

uint32_t handle_alloc(struct handle_table *t, void *p)
{
	if (!p)
		return 0;
	for (uint32_t i = 0; i < HANDLE_TABLE_SLOTS; i++) {
		if (t->slot[i])
			continue;
		t->gen[i] = t->gen[i] >= GEN_MAX ? 1 : t->gen[i] + 1;
		t->slot[i] = p;
		t->used++;
		return t->gen[i] << GEN_SHIFT | t->kind << KIND_SHIFT | (i + 1);
	}
	return 0;
}

static int index_of(const struct handle_table *t, uint32_t h, uint32_t *idx)
{
	uint32_t i = (h & ((1U << IDX_BITS) - 1)) - 1;

	if (!h || ((h >> KIND_SHIFT) & KIND_MASK) != t->kind || i >= HANDLE_TABLE_SLOTS)
		return -1;
	if (!t->slot[i] || t->gen[i] != h >> GEN_SHIFT)
		return -1;
	*idx = i;
	return 0;
}

void *handle_get(const struct handle_table *t, uint32_t h)
{
	uint32_t i;

	return index_of(t, h, &i) ? NULL : t->slot[i];
}

void *handle_release(struct handle_table *t, uint32_t h)
{
	uint32_t i;
	void *p;

	if (index_of(t, h, &i))
		return NULL;
	p = t->slot[i];
	t->slot[i] = NULL;
	t->used--;
	return p;
}

void *handle_slot(const struct handle_table *t, uint32_t i)
{
	return i < HANDLE_TABLE_SLOTS ? t->slot[i] : NULL;
}
