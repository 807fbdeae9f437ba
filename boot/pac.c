// SPDX-License-Identifier: BSD-2-Clause
/* The boot stage's return-address signing (see pac.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <stack_guard.h>

#include "pac.h"

#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2
#define APIAKEYLO_EL1	 S3_0_C2_C1_0
#define APIAKEYHI_EL1	 S3_0_C2_C1_1
#define SCTLR_EL3_ENIA	 (1UL << 31)

enum boot_pac_state { BOOT_PAC_NOT_ON_CPU, BOOT_PAC_NO_KEY, BOOT_PAC_RNDR, BOOT_PAC_SEED };
static enum boot_pac_state boot_pac_state;

__attribute__((target("branch-protection=none"))) static int cpu_has_address_auth(void)
{
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1), isar2 = read_sysreg(ID_AA64ISAR2_EL1);

	/* APA, API (ISAR1[7:4], [11:8]) or APA3 (ISAR2[15:12]), Arm ARM D19.2. */
	return ((isar1 >> 4) & 0xf) || ((isar1 >> 8) & 0xf) || ((isar2 >> 12) & 0xf);
}

__attribute__((target("branch-protection=none"))) static void start(uint64_t lo, uint64_t hi)
{
	write_sysreg(APIAKEYLO_EL1, lo);
	write_sysreg(APIAKEYHI_EL1, hi);
	write_sysreg(sctlr_el3, read_sysreg(sctlr_el3) | SCTLR_EL3_ENIA);
	isb();
}

__attribute__((target("branch-protection=none"))) void boot_pac_start_rndr(void)
{
	uint64_t lo, hi;

	if (!cpu_has_address_auth()) {
		boot_pac_state = BOOT_PAC_NOT_ON_CPU;
		return;
	}
	boot_pac_state = BOOT_PAC_NO_KEY;
	if (!cpu_rndr(&lo) || !cpu_rndr(&hi))
		return;
	start(lo, hi);
	boot_pac_state = BOOT_PAC_RNDR;
}

__attribute__((target("branch-protection=none"))) void boot_pac_start_seed(const uint8_t *seed,
									   size_t len)
{
	uint64_t lo, hi;

	if (boot_pac_state != BOOT_PAC_NO_KEY || len < 16)
		return;
	lo = seed_derive64(seed, len, SEED_LABEL_BOOT_PAC_KEY_LO);
	hi = seed_derive64(seed, len, SEED_LABEL_BOOT_PAC_KEY_HI);
	start(lo, hi);
	boot_pac_state = BOOT_PAC_SEED;
}

__attribute__((target("branch-protection=none"))) void boot_pac_stop(void)
{
	if (boot_pac_state != BOOT_PAC_RNDR && boot_pac_state != BOOT_PAC_SEED)
		return;
	write_sysreg(sctlr_el3, read_sysreg(sctlr_el3) & ~SCTLR_EL3_ENIA);
	isb();
	write_sysreg(APIAKEYLO_EL1, 0);
	write_sysreg(APIAKEYHI_EL1, 0);
	isb();
}

void boot_pac_log(void)
{
	static const char *const state[] = {
	    [BOOT_PAC_NOT_ON_CPU] = "off (not on this CPU)",
	    [BOOT_PAC_NO_KEY] = "off (no RNDR and no seed for a key)",
	    [BOOT_PAC_RNDR] = "on (key from the CPU's RNDR)",
	    [BOOT_PAC_SEED] = "on (key from the board's secret seed)",
	};
	int on = boot_pac_state == BOOT_PAC_RNDR || boot_pac_state == BOOT_PAC_SEED;

	/* What SCTLR_EL3 holds, not only what was meant. */
	if (on && !(read_sysreg(sctlr_el3) & SCTLR_EL3_ENIA))
		log_error("return-address signing off (SCTLR_EL3.EnIA clear), BTI off (libfdt has "
			  "no landing pads)");
	else if (boot_pac_state == BOOT_PAC_NO_KEY)
		log_error("return-address signing %s, BTI off (libfdt has no landing pads)",
			  state[boot_pac_state]);
	else
		log_info("return-address signing %s, BTI off (libfdt has no landing pads)",
			 state[boot_pac_state]);
}
