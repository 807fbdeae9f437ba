// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ed25519 (RFC 8032 5.1) and X25519 (RFC 7748 5) for the GP API on nettle:
 * TEE_TYPE_ED25519_PUBLIC_KEY / _KEYPAIR with TEE_ALG_ED25519, TEE_TYPE_X25519_PUBLIC_KEY /
 * _KEYPAIR with TEE_ALG_X25519 (GP TEE Internal Core API v1.3.1 6.10.1). Keys are the RFCs'
 * 32-byte strings as given (GP Table 6-15: octet strings, not big-endian numbers), 256 bits.
 * nettle's curve arithmetic is side-channel silent, mini-gmp underneath or not.
 */
#include <nettle/curve25519.h>
#include <nettle/eddsa.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "crypto_asym.h"
#include "crypto_nettle.h"

#define KEY_LEN 32 /* ED25519_KEY_SIZE and CURVE25519_SIZE */
#define SIG_LEN ED25519_SIGNATURE_SIZE

static int is_ed25519(uint32_t type)
{
	return (type & ~GP_TYPE_KEYPAIR_FLAG) == GP_TYPE_ED25519_PUBLIC_KEY;
}

static const uint8_t *key_part(const struct crypto_obj *o, uint32_t id)
{
	const struct crypto_attr *a = crypto_obj_attr(o, id);

	return a && a->len == KEY_LEN ? a->data : NULL;
}

static uint32_t pub_id(uint32_t type)
{
	return is_ed25519(type) ? GP_ATTR_ED25519_PUBLIC_VALUE : GP_ATTR_X25519_PUBLIC_VALUE;
}

static uint32_t priv_id(uint32_t type)
{
	return is_ed25519(type) ? GP_ATTR_ED25519_PRIVATE_VALUE : GP_ATTR_X25519_PRIVATE_VALUE;
}

/*
 * Each part 32 bytes. An Ed25519 pair's public key must be its private key's: nettle signs
 * with the public key it is handed, and signatures of one private key under two public keys
 * give the private key away. An X25519 pair's public value is taken as given: the derivation
 * uses the private value only (RFC 7748 6.1), and the pair only carries it for the TA.
 */
uint32_t crypto_25519_check(const struct crypto_obj *o, uint32_t *bits)
{
	const uint8_t *pub = key_part(o, pub_id(o->type));
	const uint8_t *priv = key_part(o, priv_id(o->type));
	uint8_t derived[KEY_LEN];
	int ok;

	*bits = 256;
	if (!pub || (!priv && (o->type & GP_TYPE_KEYPAIR_FLAG)))
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!priv || !is_ed25519(o->type))
		return TEEC_SUCCESS;
	ed25519_sha512_public_key(derived, priv);
	ok = !memcmp(derived, pub, KEY_LEN);
	memset(derived, 0, sizeof(derived));
	return ok ? TEEC_SUCCESS : TEEC_ERROR_BAD_PARAMETERS;
}

/* GP 5.5.7 Table 5-12: no parameters; the private key 32 bytes from the DRBG (RFC 8032 5.1.5,
 * RFC 7748 6.1), the public key computed from it. */
uint32_t crypto_25519_generate(struct crypto_obj *o, uint32_t bits,
			       const struct crypto_attr *params, size_t n)
{
	uint8_t *pub, *priv;
	uint32_t res = crypto_nettle_rng_ready();

	if (res)
		return res;
	pub = crypto_obj_add_ref(o, pub_id(o->type), NULL, KEY_LEN);
	priv = pub ? crypto_obj_add_ref(o, priv_id(o->type), NULL, KEY_LEN) : NULL;
	if (!priv) {
		crypto_obj_clear(o);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	crypto_nettle_random(NULL, KEY_LEN, priv);
	if (is_ed25519(o->type))
		ed25519_sha512_public_key(pub, priv);
	else
		curve25519_mul_g(pub, priv); /* nettle clamps the scalar as RFC 7748 5 does */
	o->bits = bits;
	return TEEC_SUCCESS;
}

/*
 * GP 1.3.1 6.8.4: TEE_ATTR_EDDSA_PREHASH asks for Ed25519ph and a TEE_ATTR_EDDSA_CTX of one byte
 * or more for Ed25519ctx (RFC 8032 5.1). nettle 3.8 signs and verifies pure Ed25519 only, so
 * those are NOT_SUPPORTED; an empty context is no context.
 */
static uint32_t pure_only(const struct crypto_attr *params, size_t n)
{
	const struct crypto_attr *ctx = crypto_attr_find(params, n, GP_ATTR_EDDSA_CTX);

	if (crypto_attr_find(params, n, GP_ATTR_EDDSA_PREHASH) || (ctx && ctx->len))
		return TEEC_ERROR_NOT_SUPPORTED;
	return TEEC_SUCCESS;
}

uint32_t crypto_ed25519_sign(const struct crypto_obj *key, const struct crypto_attr *params,
			     size_t n_params, const uint8_t *msg, size_t len, uint8_t *sig,
			     size_t *sig_len)
{
	uint32_t res = pure_only(params, n_params);

	if (res)
		return res;
	if (*sig_len < SIG_LEN) { /* GP 6.8.4: SHORT_BUFFER with the signature's size */
		*sig_len = SIG_LEN;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	/* the operation's key is a checked pair (crypto_25519_check, crypto_op.c) */
	ed25519_sha512_sign(key_part(key, GP_ATTR_ED25519_PUBLIC_VALUE),
			    key_part(key, GP_ATTR_ED25519_PRIVATE_VALUE), len, msg, sig);
	*sig_len = SIG_LEN;
	return TEEC_SUCCESS;
}

uint32_t crypto_ed25519_verify(const struct crypto_obj *key, const struct crypto_attr *params,
			       size_t n_params, const uint8_t *msg, size_t len, const uint8_t *sig,
			       size_t sig_len)
{
	uint32_t res = pure_only(params, n_params);

	if (res)
		return res;
	/* nettle refuses a public key that is no point and an S not below the group's order */
	if (sig_len != SIG_LEN ||
	    !ed25519_sha512_verify(key_part(key, GP_ATTR_ED25519_PUBLIC_VALUE), len, msg, sig))
		return GP_ERROR_SIGNATURE_INVALID;
	return TEEC_SUCCESS;
}

/*
 * X25519(k, u) of the private value and the peer's TEE_ATTR_X25519_PUBLIC_VALUE (32 bytes, else
 * BAD_PARAMETERS, a panic in TEE_DeriveKey). An all-zero result (a peer of small order, RFC 7748
 * 6.1) is given as it is: GP's TEE_DeriveKey can only panic, and the check is the protocol's to
 * make.
 */
uint32_t crypto_x25519_derive(const struct crypto_obj *key, const struct crypto_attr *params,
			      size_t n_params, struct crypto_obj *derived)
{
	const struct crypto_attr *peer =
	    crypto_attr_find(params, n_params, GP_ATTR_X25519_PUBLIC_VALUE);
	uint8_t z[KEY_LEN];
	uint32_t res = TEEC_SUCCESS;

	if (!peer || peer->len != KEY_LEN)
		return TEEC_ERROR_BAD_PARAMETERS;
	curve25519_mul(z, key_part(key, GP_ATTR_X25519_PRIVATE_VALUE), peer->data);
	if (!crypto_obj_add_ref(derived, GP_ATTR_SECRET_VALUE, z, KEY_LEN))
		res = TEEC_ERROR_OUT_OF_MEMORY;
	else
		derived->bits = KEY_LEN * 8;
	memset(z, 0, sizeof(z));
	return res;
}
