// SPDX-License-Identifier: BSD-2-Clause
/*
 * Ed25519 (RFC 8032 5.1) and X25519 (RFC 7748 5) for the GP API on nettle:
 * TEE_TYPE_ED25519_PUBLIC_KEY / _KEYPAIR with TEE_ALG_ED25519, TEE_TYPE_X25519_PUBLIC_KEY /
 * _KEYPAIR with TEE_ALG_X25519 (GP TEE Internal Core API v1.3.1 6.10.1). Keys are the RFCs'
 * 32-byte strings as given (GP Table 6-15: octet strings, not big-endian numbers), 256 bits.
 * nettle's curve arithmetic is side-channel silent, mini-gmp underneath or not.
 */
#include <nettle/curve25519.h>
#include <nettle/ecc-internal.h>
#include <nettle/eddsa-internal.h>
#include <nettle/eddsa.h>
#include <nettle/sha2.h>
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
 * Ed25519ctx and Ed25519ph (RFC 8032 5.1): the same signature as Ed25519 but for dom2(phflag,
 * context) hashed before each SHA-512 input, and for Ed25519ph the message's SHA-512 signed in
 * its place. nettle 3.8 has no entry point for them, but its EdDSA core takes the prefix as a hook
 * (struct ecc_eddsa's dom, which Ed448 uses for its dom4): the signature is nettle's
 * _eddsa_sign / _eddsa_verify with Ed25519's parameters and a dom that writes dom2. The hash
 * context the core passes to update, digest and dom is dom2_sha512's, whose first member is the
 * SHA-512 state, so nettle's sha512_update and sha512_digest take it as their own.
 */
struct dom2_sha512 {
	struct sha512_ctx sha; /* first: the core's update and digest see a sha512_ctx */
	uint8_t head[2];       /* phflag, and the context's length (RFC 8032 2: OLEN(x)) */
	const uint8_t *ctx;
};

static void dom2(void *p)
{
	static const char prefix[] = "SigEd25519 no Ed25519 collisions"; /* RFC 8032 2, 32 bytes */
	struct dom2_sha512 *h = p;

	sha512_update(&h->sha, sizeof(prefix) - 1, (const uint8_t *)prefix);
	sha512_update(&h->sha, sizeof(h->head), h->head);
	sha512_update(&h->sha, h->head[1], h->ctx);
}

/* What the TA asked for: pure Ed25519 (*variant 0), Ed25519ctx (1) or Ed25519ph (2). */
struct ed_variant {
	int kind;
	struct dom2_sha512 h;
	struct ecc_eddsa eddsa;
	uint8_t ph[SHA512_DIGEST_SIZE];
};

/*
 * GP 1.3.1 6.8.4 (TEE_AsymmetricSignDigest) and Table 6-6: TEE_ATTR_EDDSA_PREHASH asks for
 * Ed25519ph, a TEE_ATTR_EDDSA_CTX of one byte or more for Ed25519ctx (with the prehash, the
 * context of Ed25519ph); an empty context without the prehash is pure Ed25519, which has no
 * context (RFC 8032 5.1). A context over 255 bytes cannot be encoded (RFC 8032 5.1):
 * BAD_PARAMETERS. For Ed25519ph, *msg and *len become the message's SHA-512.
 */
static uint32_t variant(const struct crypto_attr *params, size_t n, struct ed_variant *v,
			const uint8_t **msg, size_t *len)
{
	const struct crypto_attr *ctx = crypto_attr_find(params, n, GP_ATTR_EDDSA_CTX);
	int ph = crypto_attr_find(params, n, GP_ATTR_EDDSA_PREHASH) != NULL;

	memset(v, 0, sizeof(*v));
	if (ctx && ctx->len > 255)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!ph && !(ctx && ctx->len))
		return TEEC_SUCCESS;
	v->kind = ph ? 2 : 1;
	v->h.head[0] = (uint8_t)ph;
	v->h.head[1] = ctx ? (uint8_t)ctx->len : 0;
	v->h.ctx = ctx ? ctx->data : NULL;
	sha512_init(&v->h.sha);
	v->eddsa = _nettle_ed25519_sha512; /* its hash and scalar masks */
	v->eddsa.dom = dom2;
	if (ph) { /* RFC 8032 5.1: PH(M) = SHA-512(M) */
		sha512_init(&v->h.sha);
		sha512_update(&v->h.sha, *len, *msg);
		sha512_digest(&v->h.sha, SHA512_DIGEST_SIZE, v->ph);
		*msg = v->ph;
		*len = SHA512_DIGEST_SIZE;
	}
	return TEEC_SUCCESS;
}

/* nettle's ed25519_sha512_sign with dom2 (RFC 8032 5.1.6; the key expanded as 5.1.5). */
static void sign_dom2(struct ed_variant *v, const uint8_t *pub, const uint8_t *priv, size_t len,
		      const uint8_t *msg, uint8_t *sig)
{
	const struct ecc_curve *ecc = &_nettle_curve25519;
	mp_size_t itch = ecc->q.size + _eddsa_sign_itch(ecc);
	mp_limb_t *scratch = gmp_alloc_limbs(itch);
	uint8_t digest[SHA512_DIGEST_SIZE];

	sha512_init(&v->h.sha);
	_eddsa_expand_key(ecc, &v->eddsa, &v->h, priv, digest, scratch);
	_eddsa_sign(ecc, &v->eddsa, &v->h, pub, digest + ED25519_KEY_SIZE, scratch, len, msg, sig,
		    scratch + ecc->q.size);
	memset(digest, 0, sizeof(digest));
	memset(scratch, 0, itch * sizeof(*scratch));
	gmp_free_limbs(scratch, itch);
}

/* nettle's ed25519_sha512_verify with dom2 (RFC 8032 5.1.7). */
static int verify_dom2(struct ed_variant *v, const uint8_t *pub, size_t len, const uint8_t *msg,
		       const uint8_t *sig)
{
	const struct ecc_curve *ecc = &_nettle_curve25519;
	mp_size_t itch = 3 * ecc->p.size + _eddsa_verify_itch(ecc);
	mp_limb_t *scratch = gmp_alloc_limbs(itch);
	int ok;

	sha512_init(&v->h.sha);
	ok = _eddsa_decompress(ecc, scratch, pub, scratch + 3 * ecc->p.size) &&
	     _eddsa_verify(ecc, &v->eddsa, pub, scratch, &v->h, len, msg, sig,
			   scratch + 3 * ecc->p.size);
	gmp_free_limbs(scratch, itch);
	return ok;
}

uint32_t crypto_ed25519_sign(const struct crypto_obj *key, const struct crypto_attr *params,
			     size_t n_params, const uint8_t *msg, size_t len, uint8_t *sig,
			     size_t *sig_len)
{
	struct ed_variant v;
	uint32_t res = variant(params, n_params, &v, &msg, &len);
	const uint8_t *pub = key_part(key, GP_ATTR_ED25519_PUBLIC_VALUE);
	const uint8_t *priv = key_part(key, GP_ATTR_ED25519_PRIVATE_VALUE);

	if (res)
		return res;
	if (*sig_len < SIG_LEN) { /* GP 6.8.4: SHORT_BUFFER with the signature's size */
		*sig_len = SIG_LEN;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	/* the operation's key is a checked pair (crypto_25519_check, crypto_op.c) */
	if (v.kind)
		sign_dom2(&v, pub, priv, len, msg, sig);
	else
		ed25519_sha512_sign(pub, priv, len, msg, sig);
	memset(&v, 0, sizeof(v));
	*sig_len = SIG_LEN;
	return TEEC_SUCCESS;
}

uint32_t crypto_ed25519_verify(const struct crypto_obj *key, const struct crypto_attr *params,
			       size_t n_params, const uint8_t *msg, size_t len, const uint8_t *sig,
			       size_t sig_len)
{
	struct ed_variant v;
	uint32_t res = variant(params, n_params, &v, &msg, &len);
	const uint8_t *pub = key_part(key, GP_ATTR_ED25519_PUBLIC_VALUE);
	int ok;

	if (res)
		return res;
	/* nettle refuses a public key that is no point and an S not below the group's order */
	if (sig_len != SIG_LEN)
		return GP_ERROR_SIGNATURE_INVALID;
	ok = v.kind ? verify_dom2(&v, pub, len, msg, sig)
		    : ed25519_sha512_verify(pub, len, msg, sig);
	return ok ? TEEC_SUCCESS : GP_ERROR_SIGNATURE_INVALID;
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
