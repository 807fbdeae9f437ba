// SPDX-License-Identifier: BSD-2-Clause
/* Monitor start-up: cold boot on the primary CPU, warm boot on the others. */
#include <arch/cache.h>
#include <arch/el3.h>
#include <arch/mmu.h>
#include <arch/sysreg.h>
#include <drivers/gicv3.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <plat/topology.h>
#include <rampart/handoff.h>
#include <stdarg.h>

#include "monitor.h"
#include "psci_state.h"
#include "stacks.h"
#include <string.h>

extern char __text_start[], __text_end[], __rodata_start[], __rodata_end[];
extern void monitor_warm_entry(void);
void log_enable_locking(void);

const struct gicv3 monitor_gic = {
	.gicd = PLAT_GICD_BASE,
	.gicr = PLAT_GICR_BASE,
	.gicr_end = PLAT_GICR_BASE + PLAT_GICR_SIZE,
};

/* Room for the level 3 tables the stack guard pages split secure RAM's blocks into. */
#define MONITOR_MMU_TABLES 8
static uint64_t monitor_tables[MONITOR_MMU_TABLES][MMU_TABLE_ENTRIES]
	__attribute__((aligned(4096)));
/* Read by the warm entry with the MMU off: cleaned to memory once written. */
struct mmu_regs monitor_mmu_regs;

static void monitor_mmu_init(void)
{
	/* Secure RAM is data; only the monitor's own code executes and it is read-only. */
	struct mmu_region regions[4 + 2 * PLAT_MAX_CPUS] = {
		{PLAT_DEVICE_BASE, PLAT_DEVICE_SIZE, MMU_DEVICE, "devices"},
		{PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, MMU_NORMAL, "secure RAM"},
		{(uintptr_t)__text_start, (uintptr_t)(__text_end - __text_start),
		 MMU_NORMAL | MMU_RO | MMU_EXEC, "monitor text"},
		{(uintptr_t)__rodata_start, (uintptr_t)(__rodata_end - __rodata_start),
		 MMU_NORMAL | MMU_RO, "monitor rodata"},
	};
	struct mmu_tables t = {&monitor_tables[0][0], MONITOR_MMU_TABLES, 0, MMU_REGIME_EL3};
	size_t n = 4;

	/* Last, so the guard pages are holes in secure RAM's mapping. */
	n += monitor_stack_guard_regions(regions + n, sizeof(regions) / sizeof(regions[0]) - n);
	if (mmu_build(&t, regions, n))
		panic("monitor page tables do not fit");
	mmu_enable_el3(&t);
	mmu_el3_regs(&t, &monitor_mmu_regs);
	dcache_clean_range((uintptr_t)&monitor_mmu_regs, sizeof(monitor_mmu_regs));
}

static void release_secondaries(unsigned int cpu_count, unsigned int self)
{
	volatile uint64_t *pen = (volatile uint64_t *)PLAT_PEN_BASE;

	/* The pen reads with its MMU off: each slot goes to memory, not just the cache. */
	for (unsigned int i = 0; i < cpu_count; i++) {
		if (i == self)
			continue;
		pen[i] = (uintptr_t)monitor_warm_entry;
	}
	dcache_clean_range(PLAT_PEN_BASE, PLAT_MAX_CPUS * sizeof(uint64_t));
	/* Secondaries read the slots only once the distributor is enabled, after this. */
	gicv3_distributor_init(&monitor_gic);
	for (unsigned int i = 0; i < cpu_count; i++)
		if (i != self)
			gicv3_send_wake(plat_cpu_mpidr(i));
}

void monitor_cold_main(struct boot_handoff *handoff)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	unsigned int self = plat_cpu_index(mpidr);
	struct boot_handoff h = *handoff;
	unsigned int cpus;

	log_init("rampart-monitor");
	if (h.magic != BOOT_HANDOFF_MAGIC)
		panic("no valid hand-off from the boot stage");
	monitor_mmu_init();
	log_enable_locking();
	log_info("%u stack guard pages unmapped", monitor_stack_guards_check());
	monitor_stack_guard_selftest(self);
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	cpus = gicv3_count_cpus(&monitor_gic);
	psci_init(h.dram_base, h.dram_size);
	log_info("EL3 monitor up: SMCCC 1.2, PSCI 1.1, %u CPU(s)", cpus);
	/* The trusted OS is ready before the normal world runs its first instruction. */
	/* The seed lives on only in the trusted OS: no copy of it stays in the monitor's memory. */
	memset(handoff->rng_seed, 0, sizeof(handoff->rng_seed));
	tee_boot(h.tee_entry, h.dram_base, h.dram_size, h.rng_seed,
		 h.rng_seed_len < sizeof(h.rng_seed) ? h.rng_seed_len : sizeof(h.rng_seed));
	memset(h.rng_seed, 0, sizeof(h.rng_seed));
	release_secondaries(cpus, self);
	gicv3_cpu_init(&monitor_gic, mpidr);
	/* The counter starts at zero with the machine: this is the firmware's own boot time. */
	log_info("entering the normal world at EL2 %lu us after reset: entry %#lx, device tree %#lx",
		 read_sysreg(cntpct_el0) / (PLAT_TIMER_FREQ_HZ / 1000000), h.ns_entry, h.ns_arg0);
	el3_enter_ns_el2(h.ns_entry, h.ns_arg0, monitor_stack_top());
}

void monitor_warm_main(unsigned int index)
{
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	gicv3_cpu_init(&monitor_gic, read_sysreg(mpidr_el1));
	psci_park(index);
}

void monitor_lower_fiq(struct smc_frame *f)
{
	(void)f;
	/* Only our wake SGI is Group 0; one that arrives late, after the CPU left its park. */
	gicv3_drain_group0();
}

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_EC_SMC64 0x17

void monitor_lower_sync(struct smc_frame *f)
{
	uint64_t esr = read_sysreg(esr_el3);

	if (ESR_EC(esr) != ESR_EC_SMC64)
		panic("unexpected trap from a lower level: ESR %#lx ELR %#lx SCR %#lx", esr,
		      read_sysreg(elr_el3), read_sysreg(scr_el3));
	/* SCR_EL3.NS tells which world the SMC came from. */
	if (read_sysreg(scr_el3) & 1)
		monitor_smc_dispatch(f);
	else
		tee_secure_smc(f);
}

/*
 * entry.S; a fault in the monitor itself (vectors 4..7) runs here on this CPU's abort stack.
 * Returns only for the stack guard self-test's fault: where it resumes.
 */
uint64_t monitor_unexpected_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far,
				      uint64_t sp)
{
	uint64_t resume = kind >= 4 && kind <= 7 ? monitor_stack_probe_fault(far) : 0;
	char name[40];

	if (resume)
		return resume;
	if (kind >= 4 && kind <= 7 && monitor_stack_guard_name(far, name, sizeof(name)))
		panic("stack overflow: %s hit its guard page at %#lx (ELR %#lx, sp %#lx)", name, far,
		      elr, sp);
	panic("unexpected exception (vector %lu): ESR %#lx ELR %#lx FAR %#lx sp %#lx", kind, esr,
	      elr, far, sp);
}

void panic(const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	log_error("monitor panic on CPU with MPIDR %#lx: %s", read_sysreg(mpidr_el1), msg);
	for (;;)
		wfi();
}
