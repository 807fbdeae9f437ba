/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The stack protector's canary (__stack_chk_guard, checked by -fstack-protector-strong code) for
 * each firmware image: set once per boot at the image's entry, before any protected function
 * runs, from the CPU's random number instruction (RNDR, FEAT_RNG) where ID_AA64ISAR0_EL1 says it
 * exists, else from a value the previous stage derived from the board's secret seed.
 */
#ifndef LIB_STACK_GUARD_H
#define LIB_STACK_GUARD_H

#include <stddef.h>
#include <stdint.h>

/* Images that get their own canary from the boot stage's derivation. */
enum stack_guard_image {
	STACK_GUARD_BOOT = 1,
	STACK_GUARD_MONITOR = 2,
	STACK_GUARD_TRUSTED_OS = 3,
	STACK_GUARD_HYPERVISOR = 4,
	/* Not canaries: the two halves of the trusted OS's pointer-authentication key. */
	SEED_LABEL_TEE_PAC_KEY_LO = 5,
	SEED_LABEL_TEE_PAC_KEY_HI = 6,
	/* The monitor's pointer-authentication key. */
	SEED_LABEL_MONITOR_PAC_KEY_LO = 7,
	SEED_LABEL_MONITOR_PAC_KEY_HI = 8,
	/* The boot stage's own, on CPUs without RNDR. */
	SEED_LABEL_BOOT_PAC_KEY_LO = 9,
	SEED_LABEL_BOOT_PAC_KEY_HI = 10,
};

/* Where an image's canary came from, for its boot log line (never the value itself). */
enum stack_guard_source {
	STACK_GUARD_FROM_RNDR,
	STACK_GUARD_FROM_SEED,
	STACK_GUARD_FROM_COUNTER,
};

/*
 * SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012) of msg under a
 * 128-bit key: a keyed PRF small enough for the boot stage.
 */
uint64_t siphash24(const uint8_t key[16], const uint8_t *msg, size_t len);

/*
 * The canary for image from the board's seed: SipHash-2-4 keyed with the seed's first 16 bytes,
 * over the image number and the rest of the seed. Its lowest byte is zero, so a string copy that
 * runs over the canary stops at it. Returns 0 if the seed is shorter than 16 bytes.
 */
uint64_t stack_guard_derive(const uint8_t *seed, size_t seed_len, enum stack_guard_image image);
/* The same PRF output in full, for secrets that are not canaries (label: enum value). */
uint64_t seed_derive64(const uint8_t *seed, size_t seed_len, enum stack_guard_image label);

/*
 * Set this image's canary: RNDR if the CPU has it, else handed (derived by the stage before);
 * a zero handed value without RNDR takes the system counter, the weakest source. Must be called
 * from assembly or a function built without the stack protector, with no protected function on
 * the stack. Returns the source used.
 */
enum stack_guard_source stack_guard_init(uint64_t handed);
/* The source of the last stack_guard_init on this image. */
extern enum stack_guard_source stack_guard_source;
const char *stack_guard_source_name(enum stack_guard_source s);
/* 64 random bits from RNDR: 1 if the CPU has it and it delivered, else 0 (lib/stack_protector.c).
 */
int cpu_rndr(uint64_t *out);

#endif
