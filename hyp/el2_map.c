// SPDX-License-Identifier: BSD-2-Clause
/*
 * EL2 stage 1 translation (see el2_map.h). The EL2 regime of a non-VHE hypervisor has the EL3
 * descriptor format (Arm ARM D8.3: one XN bit, no EL0), so arch/mmu.c builds its tables. Two
 * table sets: the hypervisor's, which every CPU runs on, and the window's, rebuilt for each
 * window and installed in TTBR0_EL2 on the one CPU that opened it. EL2 has no ASIDs, so the TLB
 * entries of a window go with a TLBI ALLE2 on that CPU when it closes (D8.13).
 */
#include <arch/cache.h>
#include <arch/mmu.h>
#include <arch/spinlock.h>
#include <arch/sysreg.h>

#include "el2_map.h"
#include "hyp.h"
#include "pauth.h"

#define POOL_TABLES 16
#define PAGE_SIZE   0x1000UL
#define SCTLR_WXN   (1UL << 19)

/* hyp.ld.S: the image's sections, page aligned. */
extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[], __data_start[],
    __hyp_end[];

static uint64_t hyp_pool[POOL_TABLES][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
static uint64_t window_pool[POOL_TABLES][MMU_TABLE_ENTRIES] __attribute__((aligned(4096)));
static struct mmu_tables hyp_tables = {&hyp_pool[0][0], POOL_TABLES, 0, MMU_REGIME_EL3};
static struct mmu_tables window_tables = {&window_pool[0][0], POOL_TABLES, 0, MMU_REGIME_EL3};
static struct spinlock window_lock;

/* The regions every view has, and room for the window. */
static unsigned int base_regions(struct mmu_region *r)
{
	uintptr_t text = (uintptr_t)__text_start, ro = (uintptr_t)__rodata_start;
	uintptr_t data = (uintptr_t)__data_start;

	r[0] = (struct mmu_region){PLAT_DEVICE_BASE, PLAT_DEVICE_SIZE, MMU_DEVICE, "devices"};
	r[1] = (struct mmu_region){text, (uintptr_t)__text_end - text,
				   MMU_NORMAL | MMU_RO | MMU_EXEC, "hyp code"};
	r[2] = (struct mmu_region){ro, (uintptr_t)__rodata_end - ro, MMU_NORMAL | MMU_RO,
				   "hyp read-only data"};
	r[3] = (struct mmu_region){data, (uintptr_t)__hyp_end - data, MMU_NORMAL,
				   "hyp data, tables and stacks"};
	return 4;
}

#define DESC_VALID   (1UL << 0)
#define DESC_TABLE   (1UL << 1)
#define DESC_GP	     (1UL << 50) /* guarded page: BTI checks branches into it (D8.3.2) */
#define DESC_ADDRESS 0x0000fffffffff000UL

/* The leaf descriptor that maps va in t (levels 1 to 3, 4 KiB granule), or NULL. */
static uint64_t *leaf(const struct mmu_tables *t, uint64_t va)
{
	uint64_t *table = t->pool;

	for (unsigned int level = 1; level <= 3; level++) {
		uint64_t *d = &table[(va >> (39 - 9 * level)) & (MMU_TABLE_ENTRIES - 1)];

		if (!(*d & DESC_VALID))
			return NULL;
		if (level == 3 || !(*d & DESC_TABLE))
			return d;
		table = (uint64_t *)(uintptr_t)(*d & DESC_ADDRESS);
	}
	return NULL;
}

/* With BTI, the code pages are guarded: an indirect branch must land on a BTI instruction. */
static void guard_code(const struct mmu_tables *t)
{
#ifdef __ARM_FEATURE_BTI_DEFAULT
	for (uintptr_t va = (uintptr_t)__text_start; va < (uintptr_t)__text_end; va += PAGE_SIZE) {
		uint64_t *d = leaf(t, va);

		if (d)
			*d |= DESC_GP;
	}
#else
	(void)t;
	(void)leaf;
#endif
}

static void build(struct mmu_tables *t, const struct mmu_region *extra)
{
	struct mmu_region r[5];
	unsigned int n = base_regions(r);

	if (extra)
		r[n++] = *extra;
	if (mmu_build(t, r, n))
		hyp_panic("EL2 page tables: %u tables are not enough", POOL_TABLES);
	guard_code(t);
	/* The first CPU builds them with its MMU off: the walker must find them in memory. */
	dcache_clean_range((uintptr_t)t->pool, (size_t)t->used * MMU_TABLE_SIZE);
	dsb_sy();
}

void el2_map_init(void)
{
	build(&hyp_tables, 0);
}

static void tlb_flush_local(void)
{
	__asm__ volatile("tlbi alle2; dsb nsh; isb" : : : "memory");
}

void el2_mmu_on(void)
{
	struct mmu_regs regs;

	mmu_el3_regs(&hyp_tables, &regs);
	write_sysreg(mair_el2, regs.mair);
	write_sysreg(tcr_el2, regs.tcr);
	write_sysreg(ttbr0_el2, regs.ttbr);
	isb();
	tlb_flush_local();
	/* WXN: whatever a table says, a writable page does not execute (D8.5.3). */
	write_sysreg(sctlr_el2, regs.sctlr | SCTLR_WXN | hyp_pauth_sctlr_bits());
	isb();
}

static int overlaps(uint64_t base, uint64_t end, uint64_t b2, uint64_t e2)
{
	return base < e2 && b2 < end;
}

void el2_window_open(uint64_t base, uint64_t size)
{
	uint64_t start = base & ~(PAGE_SIZE - 1), end = base + size;
	struct mmu_region window = {start, 0, MMU_NORMAL, "window"};

	if (end < base || end > UINT64_MAX - PAGE_SIZE)
		hyp_panic("EL2 window %#lx+%#lx wraps", base, size);
	end = (end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	if (overlaps(start, end, PLAT_HYP_BASE, PLAT_HYP_BASE + PLAT_HYP_SIZE) ||
	    overlaps(start, end, PLAT_DEVICE_BASE, PLAT_DEVICE_BASE + PLAT_DEVICE_SIZE) ||
	    start < PLAT_DRAM_BASE)
		hyp_panic("EL2 window %#lx-%#lx refused: not RAM outside the hypervisor", start,
			  end);
	window.size = end - start;
	spin_lock(&window_lock);
	build(&window_tables, &window);
	write_sysreg(ttbr0_el2, (uintptr_t)window_tables.pool);
	isb();
	tlb_flush_local();
}

void el2_window_close(void)
{
	write_sysreg(ttbr0_el2, (uintptr_t)hyp_tables.pool);
	isb();
	tlb_flush_local();
	spin_unlock(&window_lock);
}

/* Whether this CPU's EL2 stage 1 lets the hypervisor read (or write) va: AT S1E2R/W, PAR_EL1.F. */
static int el2_can(uint64_t va, int write)
{
	uint64_t par;

	if (write)
		__asm__ volatile("at s1e2w, %0" : : "r"(va));
	else
		__asm__ volatile("at s1e2r, %0" : : "r"(va));
	isb();
	par = read_sysreg(par_el1);
	return !(par & 1);
}

void el2_map_check(void)
{
	const char *bad = 0;

	/* PAR_EL1 is the guest's too: this runs before any guest has run on this CPU. */
	if (!(read_sysreg(sctlr_el2) & SCTLR_WXN))
		bad = "SCTLR_EL2.WXN is clear";
	else if (el2_can((uintptr_t)__text_start, 1) || !el2_can((uintptr_t)__text_start, 0))
		bad = "the code is writable or unreadable";
	else if (el2_can((uintptr_t)__rodata_start, 1))
		bad = "the read-only data is writable";
	else if (!el2_can((uintptr_t)__data_start, 1) || !el2_can((uintptr_t)__hyp_end - 8, 1))
		bad = "the data or the stacks are not writable";
	else if (el2_can(PLAT_DRAM_BASE, 0) || el2_can((uintptr_t)__hyp_end, 0))
		bad = "RAM outside the image is mapped";
	for (unsigned int i = 0; !bad && i < hyp_vm_count; i++) {
		const struct vm_config *c = hyp_vms[i].cfg;

		if (el2_can(c->mem_base, 0) || el2_can(c->mem_base + c->mem_size - 8, 0))
			bad = "a VM's RAM is mapped";
	}
	if (bad)
		hyp_panic("EL2 memory map check failed: %s", bad);
	hyp_log("EL2 memory: code read-only, data execute-never (SCTLR_EL2.WXN), VM RAM not "
		"mapped: checked");
}
