// SPDX-License-Identifier: BSD-2-Clause
/* The monitor's pointer-authentication key and BTI state (see pac.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/platform.h>
#include <rampart/handoff.h>
#include <stack_guard.h>
#include <stddef.h>
#include <string.h>

#include "pac.h"

#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2

_Static_assert(offsetof(struct monitor_pac, key) == MONITOR_PAC_KEY_OFFSET,
	       "pac_asm.h reads the key at MONITOR_PAC_KEY_OFFSET");

/* Zero-initialised (.bss): entry.S zeroes it before monitor_pac_init fills it. */
struct monitor_pac monitor_pac;
/* One slot per CPU, TPIDR_EL3 points at this CPU's (entry.S). */
uint64_t monitor_pac_lower[PLAT_MAX_CPUS][2] __attribute__((aligned(16)));

void monitor_pac_init(struct boot_handoff *handoff)
{
	uint64_t rndr[2] = {0, 0};
	int rndr_ok = cpu_rndr(&rndr[0]) && cpu_rndr(&rndr[1]);
	enum monitor_pac_key_source src;

	src = monitor_pac_pick_key(rndr_ok, rndr, handoff->pac_key_monitor, monitor_pac.key);
	memset(handoff->pac_key_monitor, 0, sizeof(handoff->pac_key_monitor));
	memset(rndr, 0, sizeof(rndr));
	monitor_pac.source = src;
	monitor_pac.flags =
	    monitor_pac_flags(read_sysreg(id_aa64isar1_el1), read_sysreg(ID_AA64ISAR2_EL1),
			      read_sysreg(id_aa64pfr1_el1), src != MONITOR_PAC_KEY_NONE);
	if (!(monitor_pac.flags & MONITOR_PAC_SIGN))
		memset(monitor_pac.key, 0, sizeof(monitor_pac.key));
}

uint64_t *monitor_pac_lower_key(void)
{
	if (!(monitor_pac.flags & MONITOR_PAC_LOWER_KEYS))
		return NULL;
	return (uint64_t *)read_sysreg(tpidr_el3);
}

/*
 * What this CPU's SCTLR_EL3 says, not only what was meant: tests check this line. An error when
 * the CPU could sign or guard and the monitor does not.
 */
void monitor_pac_log(void)
{
	uint64_t sctlr = read_sysreg(sctlr_el3), f = monitor_pac.flags;
	const char *sign, *bti;
	int short_of_cpu = 0;

	if (!(f & MONITOR_PAC_LOWER_KEYS)) {
		sign = "off (not on this CPU)";
	} else if (!(f & MONITOR_PAC_SIGN)) {
		sign = "off (no RNDR and no seed for a key)";
		short_of_cpu = 1;
	} else if (!(sctlr & (1UL << SCTLR_EL3_ENIA_BIT))) {
		sign = "off (SCTLR_EL3.EnIA clear)";
		short_of_cpu = 1;
	} else {
		sign = monitor_pac.source == MONITOR_PAC_KEY_RNDR
			   ? "on (key from the CPU's RNDR)"
			   : "on (key from the board's secret seed)";
	}
	if (!(f & MONITOR_PAC_BTI)) {
		bti = "off (not on this CPU)";
	} else if (!(sctlr & (1UL << SCTLR_EL3_BT_BIT))) {
		bti = "off (SCTLR_EL3.BT clear)";
		short_of_cpu = 1;
	} else {
		bti = "on (code pages guarded)";
	}
	if (short_of_cpu)
		log_error("EL3 return-address signing %s, BTI %s", sign, bti);
	else
		log_info("EL3 return-address signing %s, BTI %s", sign, bti);
}

/* bti_probe.S */
int monitor_bti_probe(void);
extern char monitor_bti_probe_target[], monitor_bti_probe_resume[];

#define ESR_EC(esr) (((esr) >> 26) & 0x3f)
#define ESR_EC_BTI  0x0d /* Branch Target exception, Arm ARM D19.2 ESR_ELx */
static volatile int bti_probe_armed;

uint64_t monitor_bti_probe_fault(uint64_t esr, uint64_t elr)
{
	if (!bti_probe_armed || ESR_EC(esr) != ESR_EC_BTI ||
	    elr != (uintptr_t)monitor_bti_probe_target)
		return 0;
	bti_probe_armed = 0;
	return (uintptr_t)monitor_bti_probe_resume;
}

void monitor_bti_selftest(void)
{
	int faulted;

	if (!(monitor_pac.flags & MONITOR_PAC_BTI))
		return;
	bti_probe_armed = 1;
	faulted = monitor_bti_probe();
	bti_probe_armed = 0;
	if (!faulted)
		panic("BTI self-test: a branch to %p, no landing pad, ran: code pages not guarded",
		      (void *)monitor_bti_probe_target);
	log_info("BTI self-test: a branch to a non-landing pad at %p faulted",
		 (void *)monitor_bti_probe_target);
}
