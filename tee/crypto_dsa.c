// SPDX-License-Identifier: BSD-2-Clause
/*
 * DSA (FIPS 186-4 section 4) for the GP API on nettle: TEE_TYPE_DSA_PUBLIC_KEY / _KEYPAIR and
 * TEE_ALG_DSA_SHA1, _SHA224, _SHA256 (GP TEE Internal Core API v1.3.1 6.10.1). The key is GP's
 * big-endian attributes p, q, g, y and x; nettle signs, verifies and makes key pairs, and this
 * file checks keys and sizes. nettle's numbers here are its bundled mini-gmp, which (nettle's
 * manual says so) is not side-channel silent: the exponentiations by the nonce k and by x take
 * data-dependent time. docs/crypto.md says what that means.
 */
#include <nettle/bignum.h>
#include <nettle/dsa.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_asym.h"
#include "crypto_nettle.h"
#include "ta.h"

/*
 * GP 1.3.1 Table 5-9: L (the prime's size) from 512 to 1024 bits in steps of 64 for DSA_SHA1,
 * 2048 for DSA_SHA224, 2048 or 3072 for DSA_SHA256. Each L takes the N (q's size) FIPS 186-4
 * 4.2 pairs it with; L up to 1024 bits, FIPS 186-2's sizes, N = 160.
 */
int crypto_dsa_size_ok(uint32_t bits)
{
	return (bits >= 512 && bits <= 1024 && bits % 64 == 0) || bits == 2048 || bits == 3072;
}

int crypto_dsa_alg_size_fits(uint32_t algo, uint32_t bits)
{
	switch (algo) {
	case GP_ALG_DSA_SHA1:
		return bits >= 512 && bits <= 1024 && bits % 64 == 0;
	case GP_ALG_DSA_SHA224:
		return bits == 2048;
	default:
		return bits == 2048 || bits == 3072;
	}
}

static int n_fits(size_t l, size_t n)
{
	if (l <= 1024)
		return n == 160;
	return l == 2048 ? n == 224 || n == 256 : n == 256;
}

/* The numbers of a key, each read from its big-endian attribute (absent: left at 0). */
struct dsa_key {
	struct dsa_params dp;
	mpz_t y, x;
};

static void key_init(struct dsa_key *k)
{
	dsa_params_init(&k->dp);
	mpz_init(k->y);
	mpz_init(k->x);
}

static void key_clear(struct dsa_key *k)
{
	dsa_params_clear(&k->dp); /* mini-gmp's memory is zeroed as it is freed (nettle_libc.c) */
	mpz_clear(k->y);
	mpz_clear(k->x);
}

static void read_num(mpz_t z, const struct crypto_attr *a)
{
	if (a)
		nettle_mpz_set_str_256_u(z, a->len, a->data);
}

static void key_read(struct dsa_key *k, const struct crypto_attr *p, const struct crypto_attr *q,
		     const struct crypto_attr *g, const struct crypto_attr *y,
		     const struct crypto_attr *x)
{
	read_num(k->dp.p, p);
	read_num(k->dp.q, q);
	read_num(k->dp.g, g);
	read_num(k->y, y);
	read_num(k->x, x);
}

static void key_of(struct dsa_key *k, const struct crypto_obj *o)
{
	key_init(k);
	key_read(k, crypto_obj_attr(o, GP_ATTR_DSA_PRIME), crypto_obj_attr(o, GP_ATTR_DSA_SUBPRIME),
		 crypto_obj_attr(o, GP_ATTR_DSA_BASE), crypto_obj_attr(o, GP_ATTR_DSA_PUBLIC_VALUE),
		 crypto_obj_attr(o, GP_ATTR_DSA_PRIVATE_VALUE));
}

/* 1 < v < p and v^q = 1 (mod p): an element of the subgroup of order q. */
static int in_subgroup(const struct dsa_params *dp, const mpz_t v)
{
	mpz_t t;
	int ok;

	if (mpz_cmp_ui(v, 1) <= 0 || mpz_cmp(v, dp->p) >= 0)
		return 0;
	mpz_init(t);
	mpz_powm(t, v, dp->q, dp->p);
	ok = !mpz_cmp_ui(t, 1);
	mpz_clear(t);
	return ok;
}

/*
 * Domain parameters of a size GP takes, with q dividing p - 1 and g generating the subgroup of
 * order q (FIPS 186-4 A.2.2's partial validation of g). Primality is not tested: it costs
 * seconds at 3072 bits, and a TA can only hurt itself with a bad group.
 */
static int params_ok(const struct dsa_params *dp, uint32_t *bits)
{
	size_t l = mpz_sizeinbase(dp->p, 2), n = mpz_sizeinbase(dp->q, 2);
	mpz_t pm1;
	int ok;

	*bits = (uint32_t)l;
	if (!mpz_sgn(dp->p) || !crypto_dsa_size_ok(l) || !n_fits(l, n) || !mpz_odd_p(dp->p) ||
	    !mpz_odd_p(dp->q))
		return 0;
	mpz_init(pm1);
	mpz_sub_ui(pm1, dp->p, 1);
	ok = mpz_divisible_p(pm1, dp->q) && in_subgroup(dp, dp->g);
	mpz_clear(pm1);
	return ok;
}

uint32_t crypto_dsa_check(const struct crypto_obj *o, uint32_t *bits)
{
	struct dsa_key k;
	mpz_t gx;
	int ok;

	key_of(&k, o);
	ok = params_ok(&k.dp, bits);
	if (*bits > o->max_bits) {
		key_clear(&k);
		ta_kill_current(
		    "TEE_PopulateTransientObject: prime larger than the object's maximum");
	}
	/* y in the subgroup; x in [1, q - 1] with g^x = y (a pair whose parts disagree) */
	ok = ok && in_subgroup(&k.dp, k.y);
	if (ok && o->type == GP_TYPE_DSA_KEYPAIR) {
		ok = mpz_sgn(k.x) > 0 && mpz_cmp(k.x, k.dp.q) < 0;
		mpz_init(gx);
		if (ok)
			mpz_powm(gx, k.dp.g, k.x, k.dp.p);
		ok = ok && !mpz_cmp(gx, k.y);
		mpz_clear(gx);
	}
	key_clear(&k);
	return ok ? TEEC_SUCCESS : TEEC_ERROR_BAD_PARAMETERS;
}

/* A number into a new buffer attribute of its own size (len 0) or of len bytes. */
static int add_num(struct crypto_obj *o, uint32_t id, const mpz_t z, size_t len)
{
	uint8_t *buf;

	if (!len)
		len = mpz_sgn(z) ? nettle_mpz_sizeinbase_256_u(z) : 1;
	buf = crypto_obj_add_ref(o, id, NULL, len);
	if (!buf)
		return -1;
	nettle_mpz_get_str_256(len, buf, z);
	return 0;
}

/* GP 5.5.7 Table 5-12: the prime, subprime and base are mandatory; x random in [1, q - 1]. */
uint32_t crypto_dsa_generate(struct crypto_obj *o, uint32_t bits, const struct crypto_attr *params,
			     size_t n)
{
	const struct crypto_attr *p = crypto_attr_find(params, n, GP_ATTR_DSA_PRIME);
	const struct crypto_attr *q = crypto_attr_find(params, n, GP_ATTR_DSA_SUBPRIME);
	const struct crypto_attr *g = crypto_attr_find(params, n, GP_ATTR_DSA_BASE);
	uint32_t l, res;
	struct dsa_key k;
	int bad;

	if (!p || !q || !g)
		return TEEC_ERROR_BAD_PARAMETERS;
	res = crypto_nettle_rng_ready();
	if (res)
		return res;
	key_init(&k);
	key_read(&k, p, q, g, NULL, NULL);
	if (!params_ok(&k.dp, &l) || l != bits) {
		key_clear(&k);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	dsa_generate_keypair(&k.dp, k.y, k.x, NULL, crypto_nettle_random);
	/* the prime exactly L / 8 bytes (L is a multiple of 64) */
	bad = add_num(o, GP_ATTR_DSA_PRIME, k.dp.p, bits / 8) ||
	      add_num(o, GP_ATTR_DSA_SUBPRIME, k.dp.q, 0) ||
	      add_num(o, GP_ATTR_DSA_BASE, k.dp.g, 0) ||
	      add_num(o, GP_ATTR_DSA_PUBLIC_VALUE, k.y, 0) ||
	      add_num(o, GP_ATTR_DSA_PRIVATE_VALUE, k.x, 0);
	key_clear(&k);
	if (bad) {
		crypto_obj_clear(o);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	o->bits = bits;
	return TEEC_SUCCESS;
}

/* The size of r and of s: q's, in bytes. */
static size_t half_of(const struct dsa_key *k)
{
	return (mpz_sizeinbase(k->dp.q, 2) + 7) / 8;
}

uint32_t crypto_dsa_sign(const struct crypto_obj *key, const uint8_t *digest, size_t digest_len,
			 uint8_t *sig, size_t *sig_len)
{
	struct dsa_signature s;
	struct dsa_key k;
	uint32_t res;
	size_t half;

	key_of(&k, key);
	half = half_of(&k);
	if (*sig_len < 2 * half) { /* GP 6.8.4: SHORT_BUFFER with the signature's size */
		*sig_len = 2 * half;
		key_clear(&k);
		return TEEC_ERROR_SHORT_BUFFER;
	}
	res = crypto_nettle_rng_ready();
	if (res) {
		key_clear(&k);
		return res;
	}
	dsa_signature_init(&s);
	/* FIPS 186-4 4.6: the leftmost N bits of the digest (nettle's _dsa_hash); GP passes the
	 * digest of the algorithm's hash, used as given */
	if (dsa_sign(&k.dp, k.x, NULL, crypto_nettle_random, digest_len, digest, &s)) {
		nettle_mpz_get_str_256(half, sig, s.r);
		nettle_mpz_get_str_256(half, sig + half, s.s);
		*sig_len = 2 * half;
	} else {
		res = TEEC_ERROR_GENERIC; /* k not invertible mod q: q is not prime */
	}
	dsa_signature_clear(&s);
	key_clear(&k);
	return res;
}

uint32_t crypto_dsa_verify(const struct crypto_obj *key, const uint8_t *digest, size_t digest_len,
			   const uint8_t *sig, size_t sig_len)
{
	struct dsa_signature s;
	struct dsa_key k;
	size_t half;
	int ok;

	key_of(&k, key);
	half = half_of(&k);
	dsa_signature_init(&s);
	/* a signature of another length than r || s cannot be valid; nettle checks 0 < r, s < q */
	ok = sig_len == 2 * half;
	if (ok) {
		nettle_mpz_set_str_256_u(s.r, half, sig);
		nettle_mpz_set_str_256_u(s.s, half, sig + half);
		ok = dsa_verify(&k.dp, k.y, digest_len, digest, &s);
	}
	dsa_signature_clear(&s);
	key_clear(&k);
	return ok ? TEEC_SUCCESS : GP_ERROR_SIGNATURE_INVALID;
}
