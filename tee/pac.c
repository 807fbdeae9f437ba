// SPDX-License-Identifier: BSD-2-Clause
/* The trusted OS's pointer-authentication key (see pac.h). */
#include <arch/sysreg.h>
#include <log.h>
#include <stack_guard.h>

#include "pac.h"

#define ID_AA64ISAR2_EL1 S3_0_C0_C6_2
#define SCTLR_ENIA	 (1UL << 31)

struct tee_pac tee_pac;

static int cpu_has_address_auth(void)
{
	uint64_t isar1 = read_sysreg(id_aa64isar1_el1), isar2 = read_sysreg(ID_AA64ISAR2_EL1);

	/* APA (QARMA5), API (IMPLEMENTATION DEFINED) or APA3 (QARMA3), Arm ARM D19.2. */
	return ((isar1 >> 4) & 0xf) || ((isar1 >> 8) & 0xf) || ((isar2 >> 12) & 0xf);
}

void tee_pac_init(uint64_t handed_lo, uint64_t handed_hi)
{
	uint64_t lo, hi;

	if (!cpu_has_address_auth())
		return;
	if (cpu_rndr(&lo) && cpu_rndr(&hi)) {
		tee_pac.from_rndr = 1;
	} else if (handed_lo | handed_hi) {
		lo = handed_lo;
		hi = handed_hi;
	} else {
		/* No key worth the name: leave it off rather than sign with a guessable one. */
		return;
	}
	tee_pac.key[0] = lo;
	tee_pac.key[1] = hi;
	tee_pac.on = 1;
	/* Written with the MMU off: push it out of any stale cache line for later cached reads. */
	__asm__ volatile("dc civac, %0\n\tdsb sy" : : "r"(&tee_pac) : "memory");
}

__attribute__((target("branch-protection=none"))) void tee_pac_enable(void)
{
	if (!tee_pac.on)
		return;
	write_sysreg(S3_0_C2_C1_0, tee_pac.key[0]); /* APIAKeyLo_EL1 */
	write_sysreg(S3_0_C2_C1_1, tee_pac.key[1]); /* APIAKeyHi_EL1 */
	write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_ENIA);
	isb();
}

void tee_pac_log(void)
{
	if (!cpu_has_address_auth())
		log_info("pointer authentication: not on this CPU");
	else if (!tee_pac.on)
		log_error("pointer authentication: off, no RNDR and no seed for a key");
	else
		log_info("pointer authentication: return addresses signed, key from %s",
			 tee_pac.from_rndr ? "the CPU's RNDR" : "the board's secret seed");
}
