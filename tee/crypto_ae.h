/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Authenticated encryption (GP TEE Internal Core API v1.3.1 section 6.6): AES-GCM (crypto_gcm.h:
 * nettle's Crypto Extensions code or mbedTLS 2.28) and AES-CCM on mbedTLS 2.28, behind tee/crypto_op.c, which keeps the GP operation state and calls these
 * between TEE_AEInit and the final call.
 *
 * mbedTLS 2.28 takes GCM's additional data in one piece (mbedtls_gcm_starts; crypto_gcm.h keeps
 * that order for both engines) and CCM in one
 * shot (mbedtls_ccm_encrypt_and_tag / _auth_decrypt), while GP hands both over in parts. So the
 * trusted OS holds: for GCM, the additional data until the first payload byte (at most
 * AE_AAD_MAX bytes; more is a panic naming the limit) and the input of a partial block of
 * payload, whose output TEE_AEUpdate has already given (every input byte comes out of the call
 * that takes it); for CCM,
 * the additional data and the whole payload announced in TEE_AEInit (at most AE_CCM_DATA_MAX
 * bytes together; more is refused at TEE_AEInit with TEE_ERROR_NOT_SUPPORTED), so CCM gives
 * all its output in the final call. A final decryption writes nothing unless the tag matches.
 */
#ifndef TEE_CRYPTO_AE_H
#define TEE_CRYPTO_AE_H

#include <stddef.h>
#include <stdint.h>

#define AE_NONCE_MAX	128	    /* bytes of GCM nonce the trusted OS takes (1024 bits) */
#define AE_AAD_MAX	(64 * 1024) /* GCM: additional data held until the payload starts */
#define AE_CCM_DATA_MAX (64 * 1024) /* CCM: additional data plus payload, held to the end */

/* GP TEE_ERROR_MAC_INVALID (Internal Core API only, so not among optee_abi.h's TEEC_*). */
#define GP_ERROR_MAC_INVALID 0xFFFF3071U

struct crypto_ae;

/*
 * TEE_AEInit for algorithm GP_ALG_AES_GCM or GP_ALG_AES_CCM with an AES key. TEE_SUCCESS;
 * TEE_ERROR_NOT_SUPPORTED for a tag length the algorithm does not take (GP 6.6.1), a nonce
 * length it does not take, or CCM data over AE_CCM_DATA_MAX or over what is left of the TA's
 * CRYPTO_HELD_MAX (held: its budget; logged); OUT_OF_MEMORY.
 */
uint32_t crypto_ae_start(struct crypto_ae **out, uint32_t algo, int decrypt, const uint8_t *key,
			 uint32_t key_bits, const uint8_t *nonce, size_t nonce_len,
			 uint32_t tag_bits, uint64_t aad_len, uint64_t payload_len, size_t *held);
void crypto_ae_free(struct crypto_ae *ae);
/* A second, independent state equal to src (TEE_CopyOperation); NULL when out of memory. */
struct crypto_ae *crypto_ae_clone(const struct crypto_ae *src, const uint8_t *key,
				  uint32_t key_bits);
size_t crypto_ae_tag_len(const struct crypto_ae *ae);

/* TEE_AEUpdateAAD: panics after the payload started or past the limits above. */
void crypto_ae_aad(struct crypto_ae *ae, const uint8_t *aad, size_t len);
/* TEE_AEUpdate: *out_len in the room, out what was written (or needed, SHORT_BUFFER). */
uint32_t crypto_ae_update(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			  uint64_t *out_len);
/*
 * TEE_AEEncryptFinal (tag out, *tag_len in the room, out its length) or TEE_AEDecryptFinal
 * (tag in, *tag_len its length): SUCCESS, SHORT_BUFFER (nothing consumed, the sizes needed
 * returned), MAC_INVALID (nothing written), OUT_OF_MEMORY. The state is spent unless
 * SHORT_BUFFER.
 */
uint32_t crypto_ae_final(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			 uint64_t *out_len, uint8_t *tag, uint64_t *tag_len);

#endif
