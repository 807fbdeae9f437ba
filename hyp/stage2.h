/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stage 2 translation tables for a VM (Arm ARM D8, "The AArch64 Virtual Memory System
 * Architecture"): 4 KiB granule, 39-bit IPA starting at level 1 (VTCR_EL2.T0SZ = 25, SL0 = 1).
 * Pure table construction over a caller's pool of pages: unit tested on the host.
 */
#ifndef HYP_STAGE2_H
#define HYP_STAGE2_H

#include <stddef.h>
#include <stdint.h>

#define S2_IPA_BITS	 39
#define S2_TABLE_ENTRIES 512

/* Descriptor bits (Arm ARM D8.3, stage 2 block and page descriptors). */
#define S2_DESC_VALID	     (1UL << 0)
#define S2_DESC_TABLE	     (1UL << 1)	  /* level 1/2: next table; level 3: page */
#define S2_MEMATTR_NORMAL_WB (0xfUL << 2) /* MemAttr 0b1111: Normal, inner/outer write-back */
#define S2_MEMATTR_DEVICE    (0x0UL << 2) /* MemAttr 0b0000: Device-nGnRnE */
#define S2_AP_RW	     (3UL << 6)
#define S2_AP_RO	     (1UL << 6)
#define S2_SH_INNER	     (3UL << 8)
#define S2_AF		     (1UL << 10)
#define S2_XN		     (1UL << 54)
#define S2_ADDR_MASK	     0x0000fffffffff000UL

enum s2_attr {
	S2_RAM,	   /* normal memory, read/write/execute */
	S2_DEVICE, /* device memory, read/write, never executable */
};

struct s2_pool {
	uint64_t *pages;    /* page aligned, count * 512 entries */
	unsigned int count; /* tables available */
	unsigned int used;  /* pages[0] is the level 1 root once s2_init has run */
};

/* Start an empty address space: the root table comes from the pool. 0, or -1 if it is empty. */
int s2_init(struct s2_pool *pool);
/*
 * Map [ipa, ipa + size) to [pa, ...). Page aligned; blocks (1 GiB, 2 MiB) where alignment
 * allows. 0, or -1: misaligned, outside the IPA space, overlapping a mapping, or out of tables.
 */
int s2_map(struct s2_pool *pool, uint64_t ipa, uint64_t pa, uint64_t size, enum s2_attr attr);
/* Walk the tables: the PA ipa maps to, or -1 (all ones) if it is unmapped. For tests and logs. */
uint64_t s2_translate(const struct s2_pool *pool, uint64_t ipa, uint64_t *desc_out);
/* VTCR_EL2 for these tables, given ID_AA64MMFR0_EL1.PARange. */
uint64_t s2_vtcr(unsigned int parange);

#endif
