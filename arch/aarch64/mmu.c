// SPDX-License-Identifier: BSD-2-Clause
/* EL3 identity map (Arm ARM D8.3 descriptor formats, D8.4 memory attributes). */
#include <arch/cache.h>
#include <arch/el3.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <string.h>

#define DESC_VALID (1UL << 0)
#define DESC_TABLE (1UL << 1) /* at level 1/2: next-level table; at level 3: page */
#define DESC_ATTR_IDX(n) ((uint64_t)(n) << 2)
#define DESC_NS (1UL << 5)
#define DESC_AP_RO (1UL << 7)
#define DESC_SH_INNER (3UL << 8)
#define DESC_AF (1UL << 10)
#define DESC_XN (1UL << 54)  /* EL3 regime: execute-never; EL1&0 regime: UXN */
#define DESC_PXN (1UL << 53) /* EL1&0 regime only */
#define DESC_GP (1UL << 50)  /* guarded page: indirect branches must land on BTI (FEAT_BTI) */
#define DESC_ADDR_MASK 0x0000fffffffff000UL

/*
 * MAIR_EL3 slots: 0 = Device-nGnRnE, 1 = Normal inner/outer write-back read/write-allocate,
 * 2 = Normal inner/outer non-cacheable.
 */
#define MAIR_DEVICE_IDX 0
#define MAIR_NORMAL_IDX 1
#define MAIR_NORMAL_NC_IDX 2
#define MAIR_VALUE (0x00UL | (0xffUL << 8) | (0x44UL << 16))

/* TCR_EL3: T0SZ = 25 (39-bit VA), WBWA inner/outer, inner shareable, 4 KiB, PS = 40 bits. */
#define TCR_T0SZ 25UL
#define TCR_VALUE                                                                                  \
	((1UL << 31) | (1UL << 23) | (2UL << 16) | (3UL << 12) | (1UL << 10) | (1UL << 8) | TCR_T0SZ)

#define SCTLR_EL3_RES1 0x30c50830UL
#define SCTLR_EL3_ENIA (1UL << 31)
#define SCTLR_EL1_RES1 0x30d00800UL
/* TCR_EL1: as TCR_EL3 for TTBR0 (IPS at [34:32]); EPD1 set (TG1 4 KiB): no TTBR1 walks. */
#define TCR_EL1_VALUE                                                                              \
	((2UL << 32) | (2UL << 30) | (1UL << 23) | (3UL << 12) | (1UL << 10) | (1UL << 8) | TCR_T0SZ)
#define SCTLR_M (1UL << 0)
#define SCTLR_C (1UL << 2)
#define SCTLR_SA (1UL << 3)
#define SCTLR_I (1UL << 12)
#define SCTLR_WXN (1UL << 19)
#define SCTLR_PAUTH_ENABLES ((1UL << 31) | (1UL << 30) | (1UL << 27) | (1UL << 13))

static const unsigned int level_shift[4] = {39, 30, 21, 12};

static uint64_t leaf_attrs(unsigned int attr, unsigned int regime)
{
	/* EL0 never executes what the EL1&0 regime maps here (UXN); EL1 unless MMU_EXEC (PXN). */
	uint64_t never_exec = (regime & MMU_REGIME_MASK) == MMU_REGIME_EL1 ? DESC_XN | DESC_PXN
									 : DESC_XN;
	uint64_t d = DESC_AF;

	if (attr & MMU_UNMAPPED)
		return 0; /* map_range writes invalid descriptors */
	if ((regime & MMU_REGIME_MASK) == MMU_REGIME_EL1)
		d |= DESC_XN;
	if (attr & MMU_DEVICE)
		d |= DESC_ATTR_IDX(MAIR_DEVICE_IDX) | never_exec;
	else if (attr & MMU_NORMAL_NC)
		d |= DESC_ATTR_IDX(MAIR_NORMAL_NC_IDX) | DESC_SH_INNER;
	else
		d |= DESC_ATTR_IDX(MAIR_NORMAL_IDX) | DESC_SH_INNER;
	if (attr & MMU_RO)
		d |= DESC_AP_RO;
	if (!(attr & MMU_EXEC))
		d |= never_exec;
	else if (regime & MMU_BTI)
		d |= DESC_GP;
	if (attr & MMU_NS)
		d |= DESC_NS;
	return d;
}

static uint64_t *new_table(struct mmu_tables *t)
{
	uint64_t *table;

	if (t->used >= t->count)
		return NULL;
	table = t->pool + (size_t)t->used * MMU_TABLE_ENTRIES;
	t->used++;
	memset(table, 0, MMU_TABLE_SIZE);
	return table;
}

/* Split a block entry into a table of the same mapping one level down. */
static uint64_t *descend(struct mmu_tables *t, uint64_t *entry, unsigned int level)
{
	uint64_t *next;

	if ((*entry & (DESC_VALID | DESC_TABLE)) == (DESC_VALID | DESC_TABLE))
		return (uint64_t *)(uintptr_t)(*entry & DESC_ADDR_MASK);
	next = new_table(t);
	if (!next)
		return NULL;
	if (*entry & DESC_VALID) {
		uint64_t step = 1UL << level_shift[level + 1];
		uint64_t base = *entry & DESC_ADDR_MASK;
		uint64_t attrs = *entry & ~DESC_ADDR_MASK & ~(DESC_VALID | DESC_TABLE);
		uint64_t type = level + 1 == 3 ? (DESC_VALID | DESC_TABLE) : DESC_VALID;

		for (unsigned int i = 0; i < MMU_TABLE_ENTRIES; i++)
			next[i] = (base + i * step) | attrs | type;
	}
	*entry = (uint64_t)(uintptr_t)next | DESC_VALID | DESC_TABLE;
	return next;
}

static int map_range(struct mmu_tables *t, uint64_t *table, unsigned int level, uint64_t base,
		     uint64_t end, uint64_t attrs)
{
	uint64_t span = 1UL << level_shift[level];

	while (base < end) {
		unsigned int idx = (base >> level_shift[level]) & (MMU_TABLE_ENTRIES - 1);
		uint64_t block_end = (base & ~(span - 1)) + span;
		uint64_t chunk_end = block_end < end ? block_end : end;

		if (level == 3) {
			table[idx] = attrs ? base | attrs | DESC_VALID | DESC_TABLE : 0;
		} else if (level >= 1 && !(base & (span - 1)) && chunk_end == block_end) {
			/* Whole block: a level 1 (1 GiB) or level 2 (2 MiB) block descriptor. */
			table[idx] = attrs ? base | attrs | DESC_VALID : 0;
		} else {
			uint64_t *next = descend(t, &table[idx], level);

			if (!next || map_range(t, next, level + 1, base, chunk_end, attrs))
				return -1;
		}
		base = chunk_end;
	}
	return 0;
}

int mmu_build_checked(struct mmu_tables *t, const struct mmu_region *regions, size_t count,
		      const struct mmu_region **bad)
{
	uint64_t *root;

	t->used = 0;
	root = new_table(t);
	if (!root)
		return MMU_ERR_NO_ROOM;
	for (size_t i = 0; i < count; i++) {
		const struct mmu_region *r = &regions[i];

		if (bad)
			*bad = r;
		if ((r->base | r->size) & 0xfff)
			return MMU_ERR_UNALIGNED;
		if ((t->regime & MMU_WXN) && (r->attr & MMU_EXEC) && !(r->attr & MMU_RO))
			return MMU_ERR_WRITABLE_EXEC;
		if (map_range(t, root, 1, r->base, r->base + r->size, leaf_attrs(r->attr, t->regime)))
			return MMU_ERR_NO_ROOM;
	}
	return 0;
}

int mmu_build(struct mmu_tables *t, const struct mmu_region *regions, size_t count)
{
	return mmu_build_checked(t, regions, count, NULL);
}

const char *mmu_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case MMU_ERR_NO_ROOM:
		return "the page tables do not fit their pool";
	case MMU_ERR_UNALIGNED:
		return "a region is not page aligned";
	case MMU_ERR_WRITABLE_EXEC:
		return "a region is both writable and executable (W^X)";
	default:
		return "unknown error";
	}
}

void mmu_el3_regs(const struct mmu_tables *t, struct mmu_regs *regs)
{
	regs->mair = MAIR_VALUE;
	regs->tcr = TCR_VALUE;
	regs->ttbr = (uintptr_t)t->pool;
	regs->sctlr = SCTLR_EL3_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA;
	if (t->regime & MMU_WXN)
		regs->sctlr |= SCTLR_WXN;
}

void mmu_enable_el3(const struct mmu_tables *t)
{
	struct mmu_regs regs;

	mmu_el3_regs(t, &regs);
	/* The walker may not snoop caches that are off: tables must be in memory first. */
	dcache_clean_range((uintptr_t)t->pool, (size_t)t->used * MMU_TABLE_SIZE);
	/*
	 * EnIA stays as it is: this function's own return address may be signed (boot/pac.h),
	 * and TCR_EL3 is the same value each time, so its signature still checks.
	 */
	el3_mmu_enable_raw(regs.mair, regs.tcr, regs.ttbr,
			   regs.sctlr | (read_sysreg(sctlr_el3) & SCTLR_EL3_ENIA));
}

void mmu_enable_el1(const struct mmu_tables *t)
{
	dcache_clean_range((uintptr_t)t->pool, (size_t)t->used * MMU_TABLE_SIZE);
	write_sysreg(mair_el1, MAIR_VALUE);
	write_sysreg(tcr_el1, TCR_EL1_VALUE);
	write_sysreg(ttbr0_el1, (uintptr_t)t->pool);
	isb();
	__asm__ volatile("tlbi vmalle1; dsb sy; isb" : : : "memory");
	/* Pointer-auth enables (EnIA/EnIB/EnDA/EnDB) stay: signed return addresses are live. */
	write_sysreg(sctlr_el1, SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_I | SCTLR_SA |
					((t->regime & MMU_WXN) ? SCTLR_WXN : 0) |
					(read_sysreg(sctlr_el1) & SCTLR_PAUTH_ENABLES));
	isb();
}
