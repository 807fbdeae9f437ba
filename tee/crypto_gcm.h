/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AES-GCM (NIST SP 800-38D) for crypto_ae.c and the boot self-test, on one of two engines:
 * - CE: nettle's GCM mode with nettle's arm64 assembly for the AES block encryption (AESE/AESMC)
 *   and GHASH (PMULL), where the CPU implements them (ID_AA64ISAR0_EL1.AES = 0b0010, Arm ARM
 *   D19.2.61: AES instructions and PMULL/PMULL2 on 64-bit elements), run in a kernel SIMD
 *   section (fpu.c);
 * - C: mbedTLS 2.28's GCM, general-purpose registers only, elsewhere.
 * mbedTLS's GHASH multiplies through 4-bit tables, nettle's assembly multiplies carry-less: on
 * the CPUs that have it, several times the throughput (docs/benchmarks.md).
 *
 * The calls follow mbedTLS's order: set the key, start with the nonce and all the additional
 * data, update with whole blocks and at most one partial block last, finish. crypto_gcm_peek
 * gives the output of a partial block without moving the state (crypto_ae.c needs it to give
 * every payload byte out at once).
 */
#ifndef TEE_CRYPTO_GCM_H
#define TEE_CRYPTO_GCM_H

#include <mbedtls/gcm.h>
#include <stddef.h>
#include <stdint.h>

struct gcm_ce;

struct crypto_gcm {
	struct gcm_ce *ce; /* the CE engine's state (key schedule, key powers, counter), or NULL */
	int decrypt;
	mbedtls_gcm_context c; /* the C engine's state, when ce is NULL */
};

/* The engines crypto_gcm_setkey can be asked for. */
enum crypto_gcm_engine {
	CRYPTO_GCM_BEST, /* CE where the CPU has it (and the build allows it), else C */
	CRYPTO_GCM_C,
	CRYPTO_GCM_CE, /* refused (-1) where the CPU lacks it */
};

/* At cold boot: whether this CPU (all of them, as on every platform Rampart runs) has the CE
 * instructions, from ID_AA64ISAR0_EL1; logged. */
void crypto_gcm_init(void);
/* 1 when CRYPTO_GCM_BEST gives the CE engine. */
int crypto_gcm_ce_present(void);
/* 1 when the CPU has the CE instructions (CRYPTO_GCM_CE can be asked for). */
int crypto_gcm_ce_available(void);
/* Known answers on each engine the CPU has (crypto_gcm_selftest.c): how many engines passed,
 * or -1 (logged). */
int crypto_gcm_selftest(void);

void crypto_gcm_init_state(struct crypto_gcm *g);
/* 0, or -1 (bad key length, no memory, engine not available). */
int crypto_gcm_setkey(struct crypto_gcm *g, enum crypto_gcm_engine e, const uint8_t *key,
		      uint32_t key_bits);
void crypto_gcm_starts(struct crypto_gcm *g, int decrypt, const uint8_t *nonce, size_t nonce_len,
		       const uint8_t *aad, size_t aad_len);
/* len a multiple of 16 except in the last call before crypto_gcm_finish. */
void crypto_gcm_update(struct crypto_gcm *g, size_t len, const uint8_t *in, uint8_t *out);
/* The output of len (< 16) bytes at the current position, the state unchanged. */
void crypto_gcm_peek(const struct crypto_gcm *g, size_t len, const uint8_t *in, uint8_t *out);
void crypto_gcm_finish(struct crypto_gcm *g, uint8_t *tag, size_t tag_len);
/* dst, keyed with the same key as src by crypto_gcm_setkey (same engine), takes src's position
 * (TEE_CopyOperation). */
void crypto_gcm_copy_position(struct crypto_gcm *dst, const struct crypto_gcm *src);
/* Wipes and frees what the state holds. */
void crypto_gcm_free(struct crypto_gcm *g);

#endif
