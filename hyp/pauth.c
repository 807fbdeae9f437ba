// SPDX-License-Identifier: BSD-2-Clause
/* Pointer authentication and BTI at EL2 (see pauth.h). */
#include <arch/cache.h>
#include <arch/sysreg.h>
#include <libfdt.h>
#include <string.h>

#include "el2_traps.h"
#include "pauth.h"

#define APIAKEYLO_EL1	 S3_0_C2_C1_0
#define APIAKEYHI_EL1	 S3_0_C2_C1_1
#define RNDR		 S3_3_C2_C4_0
#define ID_AA64ISAR0_EL1 S3_0_C0_C6_0
#define SCTLR_ENIA	 (1UL << 31)
#define SCTLR_BT	 (1UL << 36)

uint64_t hyp_apia_key[2];
uint32_t hyp_pauth_on;

/*
 * The bits as they are now (EnIA), and BT, only when this image was built for BTI: otherwise
 * there is nothing to enforce.
 */
uint64_t hyp_pauth_sctlr_bits(void)
{
	uint64_t bits = read_sysreg(sctlr_el2) & SCTLR_ENIA;

#ifdef __ARM_FEATURE_BTI_DEFAULT
	/* BT applies to the pages el2_map.c marks guarded (the code). */
	if (el2_has_bti())
		bits |= SCTLR_BT;
#endif
	return bits;
}

/* FEAT_RNG: RNDR sets NZCV.Z when it has no number (Arm ARM C6.2.234 / D17.2 RNDR). */
static int rndr(uint64_t *out)
{
	uint64_t v, fail;

	if (((read_sysreg(ID_AA64ISAR0_EL1) >> 60) & 0xf) == 0)
		return -1;
	for (int tries = 0; tries < 16; tries++) {
		__asm__ volatile("mrs %0, " __stringify(RNDR) "\n\tcset %1, eq"
				 : "=r"(v), "=r"(fail)
				 :
				 : "cc");
		if (!fail) {
			*out = v;
			return 0;
		}
	}
	return -1;
}

static int gather_key(void *board_dt)
{
	int node = fdt_path_offset(board_dt, "/chosen"), len = 0, have = 0;
	uint8_t *seed = node < 0 ? NULL : fdt_getprop_w(board_dt, node, "rng-seed", &len);
	uint64_t r;

	hyp_apia_key[0] = hyp_apia_key[1] = 0;
	if (seed && len >= 16) {
		for (int i = 0; i < len; i++)
			((uint8_t *)hyp_apia_key)[i % 16] ^= seed[i];
		/* Nobody else reads the board's tree; what was the key leaves no trace there. */
		memset(seed, 0, (size_t)len);
		have = 1;
	}
	for (int i = 0; i < 2; i++)
		if (!rndr(&r)) {
			hyp_apia_key[i] ^= r;
			have = 1;
		}
	return have ? 0 : -1;
}

/*
 * Install the key and set SCTLR_EL2.EnIA/BT. Not itself signed (an LR signed with EnIA clear
 * would fail authentication with it set); its callers never return either way, or return with
 * the state unchanged for them.
 */
__attribute__((target("branch-protection=none"))) static void enable_here(void)
{
	if (hyp_pauth_on) {
		write_sysreg(APIAKEYLO_EL1, hyp_apia_key[0]);
		write_sysreg(APIAKEYHI_EL1, hyp_apia_key[1]);
	}
	uint64_t sctlr = read_sysreg(sctlr_el2) | hyp_pauth_sctlr_bits();

#ifdef __ARM_FEATURE_PAC_DEFAULT
	if (hyp_pauth_on)
		sctlr |= SCTLR_ENIA;
#endif
	write_sysreg(sctlr_el2, sctlr);
	isb();
}

/* Not signed either: it turns signing on, then returns. */
__attribute__((target("branch-protection=none"))) int hyp_pauth_init(void *board_dt)
{
	int r = 0;

#ifdef __ARM_FEATURE_PAC_DEFAULT
	if (el2_has_pauth()) {
		r = gather_key(board_dt);
		hyp_pauth_on = r == 0;
	}
#else
	(void)board_dt;
	(void)gather_key;
#endif
	/* Secondary CPUs read them with their MMU off. */
	dcache_clean_range((uintptr_t)hyp_apia_key, sizeof(hyp_apia_key));
	dcache_clean_range((uintptr_t)&hyp_pauth_on, sizeof(hyp_pauth_on));
	enable_here();
	return r;
}

__attribute__((target("branch-protection=none"))) void hyp_pauth_cpu_on(void)
{
	enable_here();
}

const char *hyp_pauth_state(void)
{
#ifdef __ARM_FEATURE_PAC_DEFAULT
	if (!el2_has_pauth())
		return "off (the CPU has no pointer authentication)";
	return hyp_pauth_on ? "on" : "off (no entropy for a key)";
#else
	return "off (image built without -mbranch-protection)";
#endif
}

const char *hyp_bti_state(void)
{
#ifdef __ARM_FEATURE_BTI_DEFAULT
	return el2_has_bti() ? "on" : "off (the CPU has no BTI)";
#else
	return "off (image built without -mbranch-protection)";
#endif
}
