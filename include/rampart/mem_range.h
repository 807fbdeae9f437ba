/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Physical memory ranges [base, base + size) and the checks every placement goes through: no
 * sum that can wrap past 2^64 is ever formed, so a size near 2^64 cannot make a range look
 * small. Pure: used by the boot stage and the hypervisor, unit tested and fuzzed on the host.
 */
#ifndef RAMPART_MEM_RANGE_H
#define RAMPART_MEM_RANGE_H

#include <stddef.h>
#include <stdint.h>

struct mem_range {
	uint64_t base;
	uint64_t size;
	const char *name; /* what it is, for error messages ("the trusted OS") */
};

enum mem_place_error {
	MEM_PLACE_OK = 0,
	MEM_PLACE_EMPTY,     /* size 0 */
	MEM_PLACE_WRAPS,     /* base + size is beyond 2^64 - 1 */
	MEM_PLACE_UNALIGNED, /* base or size not a multiple of the required alignment */
	MEM_PLACE_OVERLAPS,  /* overlaps a range it must stay clear of (*hit says which) */
	MEM_PLACE_OUTSIDE,   /* not wholly inside the RAM it must be in */
};

/* base + size into *end (exclusive); 0 if that wraps past 2^64 - 1, 1 otherwise. */
static inline int mem_range_end(uint64_t base, uint64_t size, uint64_t *end)
{
	return !__builtin_add_overflow(base, size, end);
}

/* 1 if [a_base, +a_size) and [b_base, +b_size) share a byte; empty ranges share none. */
int mem_range_overlaps(uint64_t a_base, uint64_t a_size, uint64_t b_base, uint64_t b_size);

/* 1 if [base, +size) lies wholly inside [outer_base, +outer_size) (an empty range never does). */
int mem_range_inside(uint64_t base, uint64_t size, uint64_t outer_base, uint64_t outer_size);

/*
 * Check one placement: not empty, not wrapping, base and size multiples of align (a power of
 * two; 1 for none), clear of each of the n ranges in avoid, inside ram. The avoid ranges are
 * checked first so the error names the most specific culprit (the monitor rather than "outside
 * RAM"); on MEM_PLACE_OVERLAPS *hit points at the range hit.
 */
enum mem_place_error mem_place_check(const struct mem_range *r, uint64_t align,
				     const struct mem_range *ram, const struct mem_range *avoid,
				     size_t n, const struct mem_range **hit);

/*
 * Check each of the n placements in r with mem_place_check and against each other. 0, or -1
 * with a message in err that names the placement, its range and what it collides with.
 */
int mem_place_all(const struct mem_range *r, size_t n, uint64_t align, const struct mem_range *ram,
		  const struct mem_range *avoid, size_t n_avoid, char *err, size_t err_size);

#endif
