/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef TEE_TEE_H
#define TEE_TEE_H

#include <stddef.h>
#include <stdint.h>

/* The normal world's a0..a7 on entry; the handler leaves the results a0..a6 in place. */
struct tee_smc_args {
	uint64_t a[8];
};

void tee_fast_call(struct tee_smc_args *args);

/*
 * Normal-world RAM (from the monitor), and of it the calling guest's own (guest.h): the only
 * memory the current call may point us at. Thread context only.
 */
int ns_range_ok(uint64_t pa, uint64_t size);

/* Kernel heap size; the rest of the trusted OS region past the heap holds TA pages. */
#define TEE_HEAP_SIZE (3UL << 20)
extern uintptr_t tee_pages_base;
extern size_t tee_pages_size;

#define RAMPART_TEE_REVISION_MAJOR 0
#define RAMPART_TEE_REVISION_MINOR 1

#endif
