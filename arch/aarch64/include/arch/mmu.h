/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * EL3 stage 1 translation: identity map, 4 KiB granule, 39-bit VA starting at level 1
 * (Arm ARM D8.2 "Translation table walk").
 */
#ifndef ARCH_MMU_H
#define ARCH_MMU_H

#include <stddef.h>
#include <stdint.h>

enum mmu_attr {
	MMU_DEVICE = 1 << 0,  /* Device-nGnRnE, never executable */
	MMU_NORMAL = 1 << 1,  /* Normal write-back cacheable, inner shareable */
	MMU_RO = 1 << 2,      /* read-only */
	MMU_EXEC = 1 << 3,    /* executable (otherwise XN) */
	MMU_NS = 1 << 4,      /* non-secure physical address space */
	MMU_NORMAL_NC = 1 << 5, /* Normal non-cacheable: shared with devices or MMU-off code */
	MMU_UNMAPPED = 1 << 6,	/* no mapping: a hole (a stack's guard page) in an earlier region */
};

struct mmu_region {
	uint64_t base;
	uint64_t size;
	unsigned int attr;
	const char *name;
};

#define MMU_TABLE_ENTRIES 512
#define MMU_TABLE_SIZE (MMU_TABLE_ENTRIES * 8)

enum mmu_regime {
	MMU_REGIME_EL3 = 0, /* EL3: one XN bit */
	MMU_REGIME_EL1,	    /* (secure) EL1&0: PXN for EL1, UXN for EL0 */
};

struct mmu_tables {
	uint64_t *pool;	    /* page-aligned, count * 512 entries */
	unsigned int count; /* tables available */
	unsigned int used;
	enum mmu_regime regime;
};

/*
 * Build identity tables for the regions into the pool; returns 0, or -1 when the pool runs out
 * or a region is not page aligned. pool[0] is the level 1 table.
 */
int mmu_build(struct mmu_tables *t, const struct mmu_region *regions, size_t count);
/* The register values that install the tables (the warm boot path applies them from assembly). */
struct mmu_regs {
	uint64_t mair, tcr, ttbr, sctlr;
};
void mmu_el3_regs(const struct mmu_tables *t, struct mmu_regs *regs);
/* Install the tables in TTBR0_EL3 and turn on the MMU and caches. */
void mmu_enable_el3(const struct mmu_tables *t);
/* The same at EL1 (TTBR0_EL1 only; TTBR1 walks disabled). */
void mmu_enable_el1(const struct mmu_tables *t);

#endif
