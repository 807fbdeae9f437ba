// SPDX-License-Identifier: BSD-2-Clause
/* Overflow-safe memory range checks (see rampart/mem_range.h). */
#include <rampart/mem_range.h>
#include <stdio.h>

int mem_range_overlaps(uint64_t a_base, uint64_t a_size, uint64_t b_base, uint64_t b_size)
{
	/* Differences of bases only: a sum of base and size could wrap and miss an overlap. */
	if (!a_size || !b_size)
		return 0;
	if (a_base <= b_base)
		return b_base - a_base < a_size;
	return a_base - b_base < b_size;
}

int mem_range_inside(uint64_t base, uint64_t size, uint64_t outer_base, uint64_t outer_size)
{
	return size && base >= outer_base && size <= outer_size &&
	       base - outer_base <= outer_size - size;
}

enum mem_place_error mem_place_check(const struct mem_range *r, uint64_t align,
				     const struct mem_range *ram, const struct mem_range *avoid,
				     size_t n, const struct mem_range **hit)
{
	uint64_t end;

	if (!r->size)
		return MEM_PLACE_EMPTY;
	if (!mem_range_end(r->base, r->size, &end))
		return MEM_PLACE_WRAPS;
	if (align > 1 && ((r->base | r->size) & (align - 1)))
		return MEM_PLACE_UNALIGNED;
	for (size_t i = 0; i < n; i++) {
		if (mem_range_overlaps(r->base, r->size, avoid[i].base, avoid[i].size)) {
			if (hit)
				*hit = &avoid[i];
			return MEM_PLACE_OVERLAPS;
		}
	}
	if (!mem_range_inside(r->base, r->size, ram->base, ram->size))
		return MEM_PLACE_OUTSIDE;
	return MEM_PLACE_OK;
}

/* "0x40000000-0x40200000" for messages; the end saturates rather than wrap. */
static uint64_t shown_end(const struct mem_range *r)
{
	uint64_t end;

	return mem_range_end(r->base, r->size, &end) ? end : UINT64_MAX;
}

int mem_place_all(const struct mem_range *r, size_t n, uint64_t align, const struct mem_range *ram,
		  const struct mem_range *avoid, size_t n_avoid, char *err, size_t err_size)
{
	for (size_t i = 0; i < n; i++) {
		const struct mem_range *hit = NULL;
		unsigned long long base = r[i].base, end = shown_end(&r[i]);

		switch (mem_place_check(&r[i], align, ram, avoid, n_avoid, &hit)) {
		case MEM_PLACE_OK:
			break;
		case MEM_PLACE_EMPTY:
			snprintf(err, err_size, "%s at %#llx is empty", r[i].name, base);
			return -1;
		case MEM_PLACE_WRAPS:
			snprintf(err, err_size,
				 "%s at %#llx is %#llx bytes: it runs past the end of the address "
				 "space",
				 r[i].name, base, (unsigned long long)r[i].size);
			return -1;
		case MEM_PLACE_UNALIGNED:
			snprintf(err, err_size, "%s %#llx-%#llx is not aligned to %#llx bytes",
				 r[i].name, base, end, (unsigned long long)align);
			return -1;
		case MEM_PLACE_OVERLAPS:
			snprintf(err, err_size, "%s %#llx-%#llx overlaps %s (%#llx-%#llx)",
				 r[i].name, base, end, hit->name, (unsigned long long)hit->base,
				 (unsigned long long)shown_end(hit));
			return -1;
		case MEM_PLACE_OUTSIDE:
			snprintf(err, err_size, "%s %#llx-%#llx is outside %s (%#llx-%#llx)",
				 r[i].name, base, end, ram->name, (unsigned long long)ram->base,
				 (unsigned long long)shown_end(ram));
			return -1;
		}
		for (size_t j = 0; j < i; j++) {
			if (mem_range_overlaps(r[i].base, r[i].size, r[j].base, r[j].size)) {
				snprintf(err, err_size, "%s %#llx-%#llx overlaps %s (%#llx-%#llx)",
					 r[i].name, base, end, r[j].name,
					 (unsigned long long)r[j].base,
					 (unsigned long long)shown_end(&r[j]));
				return -1;
			}
		}
	}
	return 0;
}
