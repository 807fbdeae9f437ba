/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP algorithms the trusted OS takes from nettle (Debian's source, mk/nettle.mk) because
 * mbedTLS 2.28 has none of them: DSA (crypto_dsa.c), Ed25519 and X25519 (crypto_25519.c), with
 * their key types (GP TEE Internal Core API v1.3.1 5.5, 6.8, 6.9, 6.10). They plug into the same
 * places as the mbedTLS algorithms: crypto_keys.c for keys, crypto_asym.c for signatures,
 * crypto_derive.c for TEE_DeriveKey. Every TEE_ERROR_* is returned to the caller; a GP panic is
 * the caller's, except where noted.
 */
#ifndef TEE_CRYPTO_NETTLE_H
#define TEE_CRYPTO_NETTLE_H

#include <stddef.h>
#include <stdint.h>

#include "crypto_obj.h"

/* The DRBG as nettle's random function (tee/nettle_libc.c); ctx unused. */
void crypto_nettle_random(void *ctx, size_t len, uint8_t *dst);
/* TEEC_SUCCESS when the DRBG gives bytes (it is seeded), else its error: checked before nettle
 * is handed crypto_nettle_random, which has no way to fail. */
uint32_t crypto_nettle_rng_ready(void);

/* DSA (crypto_dsa.c). */
static inline int crypto_dsa_type(uint32_t type)
{
	return type == GP_TYPE_DSA_PUBLIC_KEY || type == GP_TYPE_DSA_KEYPAIR;
}
static inline int crypto_dsa_alg(uint32_t algo)
{
	return algo == GP_ALG_DSA_SHA1 || algo == GP_ALG_DSA_SHA224 || algo == GP_ALG_DSA_SHA256;
}
/* Whether bits (L, the prime's size) is a DSA key size GP takes (GP 1.3.1 Table 5-9). */
int crypto_dsa_size_ok(uint32_t bits);
/* Whether an operation of algo may be allocated with maxKeySize bits (GP 6.2.1). */
int crypto_dsa_alg_size_fits(uint32_t algo, uint32_t bits);
/* TEE_PopulateTransientObject's check of a DSA key whose attributes are in o: SUCCESS with
 * *bits = L, or BAD_PARAMETERS. */
uint32_t crypto_dsa_check(const struct crypto_obj *o, uint32_t *bits);
/* TEE_GenerateKey: a key pair of L = bits from TEE_ATTR_DSA_PRIME, _SUBPRIME and _BASE. */
uint32_t crypto_dsa_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			     size_t n);
/* TEE_AsymmetricSignDigest: r || s, each the size of q; the digest truncated to q's size. */
uint32_t crypto_dsa_sign(const struct crypto_obj *key, const uint8_t *digest, size_t digest_len,
			 uint8_t *sig, size_t *sig_len);
uint32_t crypto_dsa_verify(const struct crypto_obj *key, const uint8_t *digest, size_t digest_len,
			   const uint8_t *sig, size_t sig_len);

/* Ed25519 and X25519 (crypto_25519.c); keys are 256 bits. */
static inline int crypto_25519_type(uint32_t type)
{
	return type == GP_TYPE_ED25519_PUBLIC_KEY || type == GP_TYPE_ED25519_KEYPAIR ||
	       type == GP_TYPE_X25519_PUBLIC_KEY || type == GP_TYPE_X25519_KEYPAIR;
}
uint32_t crypto_25519_check(const struct crypto_obj *o, uint32_t *bits);
uint32_t crypto_25519_generate(struct crypto_obj *o, uint32_t bits,
			       const struct crypto_attr *params, size_t n);
/* TEE_AsymmetricSignDigest / VerifyDigest with TEE_ALG_ED25519: the message itself. */
uint32_t crypto_ed25519_sign(const struct crypto_obj *key, const struct crypto_attr *params,
			     size_t n_params, const uint8_t *msg, size_t len, uint8_t *sig,
			     size_t *sig_len);
uint32_t crypto_ed25519_verify(const struct crypto_obj *key, const struct crypto_attr *params,
			       size_t n_params, const uint8_t *msg, size_t len, const uint8_t *sig,
			       size_t sig_len);
/* TEE_DeriveKey with TEE_ALG_X25519: the 32-byte secret into derived (crypto_derive.c has
 * checked the object and the peer's attribute). */
uint32_t crypto_x25519_derive(const struct crypto_obj *key, const struct crypto_attr *params,
			      size_t n_params, struct crypto_obj *derived);

#endif
