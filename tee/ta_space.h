/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A TA instance's address space: its own level 1 and level 2 tables for the first GiB, whose
 * first 128 MiB (TA_VA_LIMIT) belong to the TA and whose rest is the kernel's (EL1-only, shared
 * with every space), and its own ASID (Arm ARM D8.2, D8.14 "Translation Lookaside Buffers").
 */
#ifndef TEE_TA_SPACE_H
#define TEE_TA_SPACE_H

#include <stddef.h>
#include <stdint.h>

/* Page permissions for the TA (EL0); the kernel reaches TA pages too, but never executes them. */
#define TA_MAP_READ (1U << 0)
#define TA_MAP_WRITE (1U << 1)
#define TA_MAP_EXEC (1U << 2)
#define TA_MAP_NS (1U << 3) /* normal-world memory (a shared buffer) */

#define TA_L2_ENTRIES 64 /* 2 MiB each: TA_VA_LIMIT */

struct ta_space {
	uint64_t *l1;
	uint64_t *l2;
	uint64_t *l3[TA_L2_ENTRIES];
	uint16_t asid;
};

int ta_space_init(struct ta_space *s, const uint64_t *kernel_l1);
/* Map one page; -1 if va is outside the TA's range or a table page could not be had. */
int ta_space_map(struct ta_space *s, uint64_t va, uint64_t pa, unsigned int prot);
/* Remove mappings of [va, va + len) from the space and the TLBs; pool pages are not freed. */
void ta_space_unmap(struct ta_space *s, uint64_t va, uint64_t len);
/* Unmap [va, va + len) and free the pool pages that were mapped there (a library's pages). */
void ta_space_release(struct ta_space *s, uint64_t va, uint64_t len);
/* The physical page behind va, or 0. */
uint64_t ta_space_lookup(const struct ta_space *s, uint64_t va, unsigned int *prot);
/* Free the tables and every pool page mapped (not normal-world pages), forget the ASID. */
void ta_space_destroy(struct ta_space *s);
uint64_t ta_space_ttbr0(const struct ta_space *s);
/* 1 if [va, va + len) is all mapped with at least prot. */
int ta_space_access_ok(const struct ta_space *s, uint64_t va, uint64_t len, unsigned int prot);

#endif
