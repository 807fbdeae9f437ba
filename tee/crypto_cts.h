/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * AES-CTS for GP's TEE_ALG_AES_CTS (GP TEE Internal Core API v1.3.1 6.10.1: CBC with ciphertext
 * stealing, the CBC-CS3 variant of NIST SP 800-38A Addendum, which is RFC 3962's, after RFC 2040
 * section 8: the last two blocks of output always swapped). tee/crypto_op.c keeps the
 * operation; these do the mode.
 *
 * Stealing takes the last two blocks of input (a whole one and the rest, 1 to 16 bytes), so a
 * TEE_CipherUpdate holds back the last 17 to 32 bytes it has been given (all of them while there
 * are at most 32) and TEE_CipherDoFinal processes them. An input of exactly one block is plain
 * CBC (nothing to steal, SP 800-38A Addendum); a shorter one is no input for the mode.
 */
#ifndef TEE_CRYPTO_CTS_H
#define TEE_CRYPTO_CTS_H

#include <mbedtls/aes.h>
#include <stddef.h>
#include <stdint.h>

#define CTS_BLOCK    16
#define CTS_HELD_MAX (2 * CTS_BLOCK) /* bytes an update may hold back */

/* The bytes a TEE_CipherUpdate of in_len more gives when held are held (a multiple of 16). */
size_t cts_update_len(size_t held, size_t in_len);

/*
 * TEE_CipherUpdate: CBC over all but the last 17 to 32 bytes of held ‖ in; writes
 * cts_update_len(*held_len, in_len) bytes to out and keeps the rest in held (CTS_HELD_MAX bytes).
 * aes is set for the direction (decrypt: mbedtls_aes_setkey_dec), iv the CBC chaining value.
 */
void cts_update(mbedtls_aes_context *aes, int decrypt, uint8_t iv[CTS_BLOCK], uint8_t *held,
		size_t *held_len, const uint8_t *in, size_t in_len, uint8_t *out);

/*
 * TEE_CipherDoFinal after cts_update has taken its input: the 16 to 32 bytes held, into as many
 * at out. The caller has checked there are at least 16.
 */
void cts_final(mbedtls_aes_context *aes, int decrypt, uint8_t iv[CTS_BLOCK], const uint8_t *held,
	       size_t held_len, uint8_t *out);

#endif
