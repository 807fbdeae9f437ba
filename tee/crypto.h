/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS's cryptography, on mbedTLS (built from Debian's source package with
 * lib/crypto/mbedtls_config.h): TA image verification and the random number generator.
 * Results are GP TEE_Result values (include/rampart/optee_abi.h, TEEC_*).
 */
#ifndef TEE_CRYPTO_H
#define TEE_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "../lib/crypto/ta_verify.h" /* sha256() */

/*
 * Verify a signed TA image (include/rampart/ta_image.h) that the caller has already copied into
 * secure memory, against the TA signing key built into the trusted OS; nothing is copied.
 * TEE_SUCCESS: *elf / *elf_len locate the ELF inside image.
 * TEE_ERROR_BAD_FORMAT (0xFFFF0005): malformed header (wrong magic, type, algorithm, sizes,
 *   truncated or trailing data).
 * TEE_ERROR_EXCESS_DATA (0xFFFF0004): the image is over TA_IMAGE_MAX_SIZE.
 * TEE_ERROR_SECURITY (0xFFFF000F): the hash or the signature does not match.
 * TEE_ERROR_OUT_OF_MEMORY (0xFFFF000C): no heap for the bignums.
 * A refusal is logged on the secure console with the problem named.
 */
uint32_t ta_image_verify(const void *image, size_t len, const void **elf, size_t *elf_len);

/*
 * Seed the DRBG (NIST SP 800-90A CTR_DRBG, AES-256) with the board's secret seed (at least 32
 * bytes); the generic counter and the CPU's IDs are mixed in as non-secret personalisation.
 * Called once on the boot CPU after the heap is up. Without a usable seed the generator stays
 * unseeded and tee_random() refuses.
 */
void tee_crypto_init(const void *seed, size_t seed_len);

/* Fill buf with len random bytes: TEE_SUCCESS, or TEE_ERROR_BAD_STATE when not seeded. */
uint32_t tee_random(void *buf, size_t len);

/* The generator's speed in bytes per second, measured when it was seeded; 0 if not seeded. */
uint64_t tee_random_rate(void);

/*
 * Say on the secure console which key TAs are verified with; a firmware built with the
 * development key (keys/ta_signing_key.pem, the default) says so as a warning at every boot.
 */
void ta_signing_key_report(void);

/* Known-answer tests of SHA-256 and TA image verification at boot: 0, or -1 (logged). */
int tee_crypto_selftest(void);

#endif
