/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Asymmetric keys and operations of the GP crypto API (GP TEE Internal Core API v1.3.1 5.5.4,
 * 5.5.7, 6.8, 6.9) on mbedTLS: RSA (crypto_asym.c), ECDSA (crypto_asym.c), ECDH, DH and OP-TEE's
 * key-derivation extensions (crypto_derive.c), the attributes each type takes and key generation
 * (crypto_keys.c). Every TEE_ERROR_* the specification names is returned; a GP panic is left to
 * the caller (crypto_op.c, syscall_crypto.c) except where noted.
 */
#ifndef TEE_CRYPTO_ASYM_H
#define TEE_CRYPTO_ASYM_H

#include <mbedtls/ecp.h>
#include <stddef.h>
#include <stdint.h>

#include "crypto_obj.h"

/* GP 6.8.5 (TEE_ERROR_SIGNATURE_INVALID, not a TEEC code). */
#define GP_ERROR_SIGNATURE_INVALID 0xFFFF3072U

struct asym_ctx; /* a key made ready for mbedTLS, kept by the operation between calls */

/* Whether an operation of algo may be allocated with maxKeySize bits (ECC: the named curve). */
int crypto_asym_size_fits(uint32_t algo, uint32_t max_bits);
/* Whether key suits algo beyond its type (ECDSA_P256 and ECDH_P256: a P-256 key). */
int crypto_asym_key_fits(uint32_t algo, const struct crypto_obj *key);
void crypto_asym_ctx_free(struct asym_ctx *c);

/* Encrypt, decrypt or sign (mode: GP TEE_MODE_*); *ctx made at first use. */
uint32_t crypto_asym_crypt(uint32_t algo, uint32_t mode, const struct crypto_obj *key,
			   struct asym_ctx **ctx, const struct crypto_attr *params, size_t n_params,
			   const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len);
uint32_t crypto_asym_verify(uint32_t algo, const struct crypto_obj *key, struct asym_ctx **ctx,
			    const struct crypto_attr *params, size_t n_params,
			    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			    size_t sig_len);
/* TEE_DeriveKey (crypto_derive.c): the result into derived, an empty GENERIC_SECRET object. */
uint32_t crypto_derive(uint32_t algo, const struct crypto_obj *key,
		       const struct crypto_attr *params, size_t n_params,
		       struct crypto_obj *derived);

/* Keys (crypto_keys.c). */
/* TEE_PopulateTransientObject for an asymmetric type: attributes checked against the type's
 * list (a missing or unknown one panics, in the caller's name) and the key checked by mbedTLS. */
uint32_t crypto_keys_populate(struct crypto_obj *o, const struct crypto_attr *attrs, size_t n);
/* TEE_GenerateKey for an asymmetric type. */
uint32_t crypto_keys_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			      size_t n);
/* The mbedTLS group of a GP curve (TEE_ECC_CURVE_*), or MBEDTLS_ECP_DP_NONE; its size in bits. */
mbedtls_ecp_group_id crypto_curve_group(uint32_t curve, uint32_t *bits);
/* An ECC key object into an mbedTLS key pair (Q, and d for a key pair): 0 or an mbedTLS error. */
int crypto_keys_ecp(const struct crypto_obj *o, mbedtls_ecp_keypair *kp);
/* The DRBG as mbedTLS's f_rng (p_rng unused). */
int crypto_rng(void *p_rng, unsigned char *out, size_t len);
/* An mbedTLS error as a GP result: OUT_OF_MEMORY for allocation failures, else fallback. */
uint32_t crypto_mbedtls_err(int err, uint32_t fallback);
/* The value of a value attribute in a list, or the buffer attribute; NULL if absent. */
const struct crypto_attr *crypto_attr_find(const struct crypto_attr *list, size_t n, uint32_t id);

#endif
