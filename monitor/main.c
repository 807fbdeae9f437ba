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
#include <stack_guard.h>
#include <stdarg.h>

#include "inject.h"
#include "monitor.h"
#include "ns_fp.h"
#include "pac.h"
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

/*
 * From entry.S at cold boot, before signing is on (a signature made under the boot stage's
 * mapping would not check under this one). The boot stage hands over with the monitor's image
 * read-only (W^X), so nothing in its .data may be written before this.
 */
void monitor_mmu_init(void)
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
	struct mmu_tables t = {&monitor_tables[0][0], MONITOR_MMU_TABLES, 0,
			       MMU_REGIME_EL3 | MMU_WXN};
	const struct mmu_region *bad;
	size_t n = 4;
	int err;

	/* Built with BTI landing pads: guard the code pages (GP applies to EL3's stage 1, D8.9). */
	if (monitor_pac.flags & MONITOR_PAC_BTI)
		t.regime |= MMU_BTI;
	/* Last, so the guard pages are holes in secure RAM's mapping. */
	n += stack_guard_regions(&monitor_stack_guards, regions + n,
				 sizeof(regions) / sizeof(regions[0]) - n);
	err = mmu_build_checked(&t, regions, n, &bad);
	if (err)
		panic("monitor page tables: %s: %s", bad->name, mmu_strerror(err));
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

static enum stack_guard_source monitor_guard_source;

/* What the normal world gets beyond Armv8.0 on this CPU, for the secure console. */
static void log_cpu_features(void)
{
	struct el3_ns_config c;
	char names[160];

	el3_ns_config(&c);
	cpu_features_names(c.features, names, sizeof(names));
	log_info("CPU %#lx: features opened to the normal world: %s", read_sysreg(midr_el1), names);
}

/* From entry.S, before any protected function: RNDR, or the boot stage's derived value. */
__attribute__((no_stack_protector)) void monitor_stack_guard_init(struct boot_handoff *handoff)
{
	monitor_guard_source = stack_guard_init(handoff->stack_guard_monitor);
	handoff->stack_guard_monitor = 0;
}

void monitor_cold_main(struct boot_handoff *handoff)
{
	uint64_t mpidr = read_sysreg(mpidr_el1);
	unsigned int self = plat_cpu_index(mpidr);
	struct boot_handoff h = *handoff;
	unsigned int cpus;

	/* The monitor's own mapping is on (monitor_mmu_init, from entry.S). */
	log_init("rampart-monitor");
	if (h.magic != BOOT_HANDOFF_MAGIC)
		panic("no valid hand-off from the boot stage");
	log_enable_locking();
	log_info("%u stack guard pages unmapped", stack_guards_check(&monitor_stack_guards));
	monitor_stack_guard_selftest(self);
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	monitor_cpu_errata_init();
	cpus = gicv3_count_cpus(&monitor_gic);
	psci_init(h.dram_base, h.dram_size);
	log_info("EL3 monitor up: SMCCC 1.2, PSCI 1.1, %u CPU(s)", cpus);
	log_info("stack protector canary from %s", stack_guard_source_name(monitor_guard_source));
	monitor_pac_log();
	monitor_bti_selftest();
	log_cpu_features();
	/* The trusted OS is ready before the normal world runs its first instruction. */
	/* The seed lives on only in the trusted OS: no copy of it stays in the monitor's memory. */
	memset(handoff->rng_seed, 0, sizeof(handoff->rng_seed));
	handoff->stack_guard_tee = 0;
	memset(handoff->pac_key_tee, 0, sizeof(handoff->pac_key_tee));
	tee_boot(h.tee_entry, h.dram_base, h.dram_size, h.rng_seed,
		 h.rng_seed_len < sizeof(h.rng_seed) ? h.rng_seed_len : sizeof(h.rng_seed),
		 h.stack_guard_tee, h.pac_key_tee);
	memset(h.rng_seed, 0, sizeof(h.rng_seed));
	memset(h.pac_key_tee, 0, sizeof(h.pac_key_tee));
	h.stack_guard_tee = 0;
	release_secondaries(cpus, self);
	gicv3_cpu_init(&monitor_gic, mpidr);
	/* The counter starts at zero with the machine: this is the firmware's own boot time. */
	log_info(
	    "entering the normal world at EL2 %lu us after reset: entry %#lx, device tree %#lx",
	    read_sysreg(cntpct_el0) / (PLAT_TIMER_FREQ_HZ / 1000000), h.ns_entry, h.ns_arg0);
	el3_enter_ns_el2(h.ns_entry, h.ns_arg0, h.ns_arg1, monitor_stack_top(),
			 monitor_pac_lower_key());
}

void monitor_warm_main(unsigned int index)
{
	el3_cpu_init(PLAT_TIMER_FREQ_HZ);
	monitor_cpu_errata_init();
	gicv3_cpu_init(&monitor_gic, read_sysreg(mpidr_el1));
	psci_park(index);
}

void monitor_lower_fiq(struct smc_frame *f)
{
	(void)f;
	/* Only our wake SGI is Group 0; one that arrives late, after the CPU left its park. */
	gicv3_drain_group0();
}

#define ESR_EC(esr)  (((esr) >> 26) & 0x3f)
#define ESR_EC_SMC64 0x17
#define ESR_EC_FP    0x07 /* FP/SIMD access trapped by CPTR_EL3.TFP */
#define SCR_NS	     1UL
/* Log the first traps in full; past that a hostile caller could flood the secure console. */
#define UNDEF_LOG_MAX 64

static unsigned int undef_logged;

/*
 * A trap the monitor has no handler for (a register or instruction EL3 keeps to itself, e.g. a
 * Group 0 GIC register while SCR_EL3.FIQ routes Group 0 here): the level that executed it gets
 * an Undefined Instruction exception, as if the instruction did not exist (Arm ARM D1.10), and
 * its own handler decides what that means. The normal world's trap must not stop the machine.
 * A trap from the secure world is a trusted-OS bug; it gets the same exception at S-EL1 so the
 * trusted OS's handler names it (a TA's fault kills the TA, the trusted OS's own panics it).
 */
static void inject_undef(struct smc_frame *f, uint64_t esr)
{
	uint64_t scr = read_sysreg(scr_el3);
	int ns = (scr & SCR_NS) != 0, target;
	struct undef_injection inj;
	uint64_t sctlr, mmfr1 = read_sysreg(id_aa64mmfr1_el1), pfr1 = read_sysreg(id_aa64pfr1_el1);

	if (undef_target(f->spsr, ns ? read_sysreg(hcr_el2) : 0, &target))
		panic("unexpected trap from an AArch32 or EL3 context: ESR %#lx ELR %#lx SPSR %#lx",
		      esr, f->elr, f->spsr);
	sctlr = target == 2 ? read_sysreg(sctlr_el2) : read_sysreg(sctlr_el1);
	undef_injection_compute(f->spsr, target, sctlr, ((mmfr1 >> 20) & 0xf) != 0,
				((pfr1 >> 4) & 0xf) != 0, ((pfr1 >> 8) & 0xf) != 0, &inj);
	/*
	 * The secure console only: a secure-world trap's addresses are not the normal world's to
	 * read, and a normal world that traps on purpose must not flood its users' console.
	 */
	if (undef_logged < UNDEF_LOG_MAX)
		log_info("error: unexpected trap from %s EL%lu: ESR %#lx ELR %#lx; injected an "
			 "Undefined Instruction exception at %sEL%u",
			 ns ? "normal-world" : "secure", (f->spsr >> 2) & 3, esr, f->elr,
			 ns ? "" : "S-", inj.target_el);
	else if (undef_logged == UNDEF_LOG_MAX)
		log_info("error: further unexpected traps are injected without a log line");
	undef_logged++;
	/* D1.10: the target's ELR/SPSR/ESR as the exception would have set them. */
	if (inj.target_el == 2) {
		write_sysreg(elr_el2, f->elr);
		write_sysreg(spsr_el2, f->spsr);
		write_sysreg(esr_el2, ESR_UNDEF_A64);
		f->elr = read_sysreg(vbar_el2) + inj.vector_offset;
	} else {
		write_sysreg(elr_el1, f->elr);
		write_sysreg(spsr_el1, f->spsr);
		write_sysreg(esr_el1, ESR_UNDEF_A64);
		f->elr = read_sysreg(vbar_el1) + inj.vector_offset;
	}
	f->spsr = inj.spsr;
}

void monitor_lower_sync(struct smc_frame *f)
{
	uint64_t esr = read_sysreg(esr_el3);

	/* Only the secure world runs with FP/SIMD trapped to EL3 (ns_fp.c). */
	if (ESR_EC(esr) == ESR_EC_FP && !(read_sysreg(scr_el3) & SCR_NS)) {
		ns_fp_secure_trap();
		return;
	}
	if (ESR_EC(esr) != ESR_EC_SMC64) {
		inject_undef(f, esr);
		return;
	}
	/* SCR_EL3.NS tells which world the SMC came from. */
	if (read_sysreg(scr_el3) & SCR_NS)
		monitor_smc_dispatch(f);
	else
		tee_secure_smc(f);
}

/*
 * entry.S; a fault in the monitor itself (vectors 4..7) runs here on this CPU's abort stack.
 * Returns only for the stack guard and BTI self-tests' faults: where they resume.
 */
uint64_t monitor_unexpected_exception(uint64_t kind, uint64_t esr, uint64_t elr, uint64_t far,
				      uint64_t sp)
{
	int own = kind >= 4 && kind <= 7;
	uint64_t resume = own ? stack_guard_probe_fault(&monitor_stack_guards, far) : 0;
	char name[STACK_GUARD_NAME_LEN];

	/* A fault of the BTI self-test (pac.c) comes from the current EL on SP_EL3. */
	if (!resume && kind == 4)
		resume = monitor_bti_probe_fault(esr, elr);
	if (resume)
		return resume;
	if (own && stack_guard_name(&monitor_stack_guards, far, name, sizeof(name)))
		panic("stack overflow: %s hit its guard page at %#lx (ELR %#lx, sp %#lx)", name,
		      far, elr, sp);
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
