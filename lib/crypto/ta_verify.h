/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TA image verification with mbedTLS: built into the trusted OS (its own freestanding mbedTLS)
 * and into the host unit tests (Debian's libmbedtls), so both run the same code.
 */
#ifndef LIB_CRYPTO_TA_VERIFY_H
#define LIB_CRYPTO_TA_VERIFY_H

#include <stddef.h>
#include <stdint.h>

/* An RSA public key as big-endian byte strings. */
struct ta_pubkey {
	const uint8_t *modulus;
	size_t modulus_len; /* also the signature size */
	const uint8_t *exponent;
	size_t exponent_len;
};

/* 1 if a and b are the same RSA public key (leading zero bytes aside), else 0. */
int ta_pubkey_equal(const struct ta_pubkey *a, const struct ta_pubkey *b);

/* SHA-256 of len bytes; 0, or an mbedTLS error. */
int sha256(const void *data, size_t len, uint8_t out[32]);

/*
 * Check a signed TA image (include/rampart/ta_image.h) against key, in place. Returns a GP
 * TEE_Result: TEE_SUCCESS with *elf / *elf_len set to the ELF inside the image;
 * TEE_ERROR_BAD_FORMAT for a malformed header; TEE_ERROR_EXCESS_DATA for an image over
 * TA_IMAGE_MAX_SIZE; TEE_ERROR_SECURITY when the hash or the signature does not match;
 * TEE_ERROR_OUT_OF_MEMORY when mbedTLS finds no memory; TEE_ERROR_BAD_PARAMETERS for an unusable
 * key. Every refusal is logged with log_error, naming the problem.
 */
uint32_t ta_image_verify_with_key(const struct ta_pubkey *key, const void *image, size_t len,
				  const void **elf, size_t *elf_len);

#endif
