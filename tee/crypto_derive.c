// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_DeriveKey (GP TEE Internal Core API v1.3.1 6.9.1) on mbedTLS: ECDH on the NIST curves and
 * finite-field DH (the peer's public value in the parameters), and OP-TEE's key-derivation
 * extensions its test suite uses: HKDF (RFC 5869), the concatenation KDF of NIST SP 800-56A
 * 5.8.1 and PBKDF2-HMAC-SHA1 (RFC 8018 5.2); X25519 on nettle (crypto_25519.c). The result
 * becomes the TEE_ATTR_SECRET_VALUE of the empty GENERIC_SECRET object given.
 */
#include <mbedtls/dhm.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/pkcs5.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto_asym.h"
#include "crypto_nettle.h"
#include "heap.h"
#include "ta.h"

/* What a KDF may be asked for: the largest GENERIC_SECRET (4096 bits). */
#define DERIVE_MAX (CRYPTO_SECRET_MAX_BITS / 8)

static const mbedtls_md_info_t *kdf_md(uint32_t algo)
{
	static const mbedtls_md_type_t mds[] = {
	    MBEDTLS_MD_NONE,   MBEDTLS_MD_MD5,	  MBEDTLS_MD_SHA1,  MBEDTLS_MD_SHA224,
	    MBEDTLS_MD_SHA256, MBEDTLS_MD_SHA384, MBEDTLS_MD_SHA512};
	uint32_t n = (algo >> 12) & 0xF;

	return n < sizeof(mds) / sizeof(mds[0]) ? mbedtls_md_info_from_type(mds[n]) : NULL;
}

/* The result into the derived object (its size checked by crypto_derive before). */
static uint32_t store(struct crypto_obj *derived, const uint8_t *secret, size_t len)
{
	if (!crypto_obj_add_ref(derived, GP_ATTR_SECRET_VALUE, secret, len))
		return TEEC_ERROR_OUT_OF_MEMORY;
	derived->bits = (uint32_t)len * 8;
	return TEEC_SUCCESS;
}

static const struct crypto_attr *need(const struct crypto_attr *params, size_t n, uint32_t id)
{
	const struct crypto_attr *a = crypto_attr_find(params, n, id);

	if (!a) /* GP 6.9.1: a parameter the algorithm needs, missing, is a panic */
		ta_kill_current("TEE_DeriveKey: a parameter the algorithm needs is missing");
	return a;
}

/*
 * The size of the result, every parameter the algorithm needs present (else a panic): found
 * before anything is allocated, as a panic leaves no way to free it. 0: a length asked for that
 * the algorithm cannot give (BAD_PARAMETERS).
 */
static size_t derive_len(uint32_t algo, const struct crypto_obj *key,
			 const struct crypto_attr *params, size_t n)
{
	const struct crypto_attr *a;

	switch (algo & 0xFF) {
	case 0x42: /* ECDH: the curve's size */
		need(params, n, GP_ATTR_ECC_PUBLIC_VALUE_X);
		need(params, n, GP_ATTR_ECC_PUBLIC_VALUE_Y);
		return (key->bits + 7) / 8;
	case 0x32: /* DH: the prime's */
		need(params, n, GP_ATTR_DH_PUBLIC_VALUE);
		return (key->bits + 7) / 8;
	case 0x44: /* X25519: 32 bytes */
		need(params, n, GP_ATTR_X25519_PUBLIC_VALUE);
		return 32;
	case 0xC0:
		a = need(params, n, GP_ATTR_HKDF_OKM_LENGTH);
		/* RFC 5869 2.3: at most 255 blocks of the hash */
		return a->a <= 255 * (size_t)mbedtls_md_get_size(kdf_md(algo)) ? a->a : 0;
	case 0xC1:
		return need(params, n, GP_ATTR_CONCAT_KDF_DKM_LENGTH)->a;
	default:
		need(params, n, GP_ATTR_PBKDF2_ITERATION_COUNT);
		return need(params, n, GP_ATTR_PBKDF2_DKM_LENGTH)->a;
	}
}

/* ECDH: the x coordinate of d * Q_peer, the curve's size in bytes (SEC 1 3.3.1). */
static uint32_t ecdh(const struct crypto_obj *key, const struct crypto_attr *params, size_t n,
		     struct crypto_obj *derived)
{
	const struct crypto_attr *x = need(params, n, GP_ATTR_ECC_PUBLIC_VALUE_X);
	const struct crypto_attr *y = need(params, n, GP_ATTR_ECC_PUBLIC_VALUE_Y);
	uint8_t z[66]; /* P-521 */
	mbedtls_ecp_keypair kp;
	mbedtls_ecp_point peer;
	mbedtls_mpi s;
	size_t len;
	uint32_t res;
	int ret;

	mbedtls_ecp_keypair_init(&kp);
	mbedtls_ecp_point_init(&peer);
	mbedtls_mpi_init(&s);
	ret = crypto_keys_ecp(key, &kp);
	len = (kp.grp.nbits + 7) / 8;
	if (!ret)
		ret = mbedtls_mpi_read_binary(&peer.X, x->data, x->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&peer.Y, y->data, y->len);
	if (!ret)
		ret = mbedtls_mpi_lset(&peer.Z, 1);
	/* a peer point off the curve is refused before it meets the private key */
	if (!ret)
		ret = mbedtls_ecp_check_pubkey(&kp.grp, &peer);
	if (!ret)
		ret = mbedtls_ecdh_compute_shared(&kp.grp, &s, &peer, &kp.d, crypto_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&s, z, len);
	mbedtls_mpi_free(&s);
	mbedtls_ecp_point_free(&peer);
	mbedtls_ecp_keypair_free(&kp);
	res = ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : store(derived, z, len);
	memset(z, 0, sizeof(z));
	return res;
}

/* DH: y_peer^x mod p, with the peer's value checked to lie in [2, p - 2] (mbedTLS's DHM,
 * which blinds the exponentiation). */
static uint32_t dh(const struct crypto_obj *key, const struct crypto_attr *params, size_t n,
		   struct crypto_obj *derived)
{
	const struct crypto_attr *peer = need(params, n, GP_ATTR_DH_PUBLIC_VALUE);
	const struct crypto_attr *p = crypto_obj_attr(key, GP_ATTR_DH_PRIME);
	const struct crypto_attr *g = crypto_obj_attr(key, GP_ATTR_DH_BASE);
	const struct crypto_attr *x = crypto_obj_attr(key, GP_ATTR_DH_PRIVATE_VALUE);
	mbedtls_dhm_context d;
	uint8_t *z = kcalloc(1, DERIVE_MAX);
	size_t len = 0;
	uint32_t res;
	int ret;

	if (!z)
		return TEEC_ERROR_OUT_OF_MEMORY;
	mbedtls_dhm_init(&d);
	ret = mbedtls_mpi_read_binary(&d.P, p->data, p->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&d.G, g->data, g->len);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&d.X, x->data, x->len);
	d.len = mbedtls_mpi_size(&d.P);
	if (!ret)
		ret = mbedtls_dhm_read_public(&d, peer->data, peer->len);
	if (!ret)
		ret = mbedtls_dhm_calc_secret(&d, z, DERIVE_MAX, &len, crypto_rng, NULL);
	/* Z is the size of p, leading zeros kept (NIST SP 800-56A 5.7.1.1) */
	if (!ret && len < d.len) {
		memmove(z + d.len - len, z, len);
		memset(z, 0, d.len - len);
		len = d.len;
	}
	mbedtls_dhm_free(&d);
	res = ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : store(derived, z, len);
	memset(z, 0, DERIVE_MAX);
	kfree(z);
	return res;
}

static uint32_t hkdf(uint32_t algo, const struct crypto_obj *key, const struct crypto_attr *params,
		     size_t n, uint8_t *out, size_t *len)
{
	const struct crypto_attr *ikm = crypto_obj_attr(key, GP_ATTR_HKDF_IKM);
	const struct crypto_attr *salt = crypto_attr_find(params, n, GP_ATTR_HKDF_SALT);
	const struct crypto_attr *info = crypto_attr_find(params, n, GP_ATTR_HKDF_INFO);
	const mbedtls_md_info_t *md = kdf_md(algo);
	int ret;

	ret = mbedtls_hkdf(md, salt ? salt->data : NULL, salt ? salt->len : 0, ikm->data, ikm->len,
			   info ? info->data : NULL, info ? info->len : 0, out, *len);
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : TEEC_SUCCESS;
}

/* NIST SP 800-56A 5.8.1 (single-step, hash): H(counter || Z || OtherInfo), counter from 1. */
static uint32_t concat_kdf(uint32_t algo, const struct crypto_obj *key,
			   const struct crypto_attr *params, size_t n, uint8_t *out, size_t *len)
{
	const struct crypto_attr *z = crypto_obj_attr(key, GP_ATTR_CONCAT_KDF_Z);
	const struct crypto_attr *other =
	    crypto_attr_find(params, n, GP_ATTR_CONCAT_KDF_OTHER_INFO);
	const mbedtls_md_info_t *md = kdf_md(algo);
	size_t hlen = mbedtls_md_get_size(md), done = 0;
	uint8_t block[MBEDTLS_MD_MAX_SIZE];
	mbedtls_md_context_t ctx;
	int ret;

	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, md, 0);
	for (uint32_t counter = 1; !ret && done < *len; counter++) {
		uint8_t c[4] = {counter >> 24, counter >> 16, counter >> 8, counter};
		size_t take = *len - done < hlen ? *len - done : hlen;

		ret = mbedtls_md_starts(&ctx);
		if (!ret)
			ret = mbedtls_md_update(&ctx, c, sizeof(c));
		if (!ret)
			ret = mbedtls_md_update(&ctx, z->data, z->len);
		if (!ret && other)
			ret = mbedtls_md_update(&ctx, other->data, other->len);
		if (!ret)
			ret = mbedtls_md_finish(&ctx, block);
		if (!ret)
			memcpy(out + done, block, take);
		done += take;
	}
	mbedtls_md_free(&ctx);
	memset(block, 0, sizeof(block));
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_GENERIC) : TEEC_SUCCESS;
}

static uint32_t pbkdf2(uint32_t algo, const struct crypto_obj *key,
		       const struct crypto_attr *params, size_t n, uint8_t *out, size_t *len)
{
	const struct crypto_attr *pw = crypto_obj_attr(key, GP_ATTR_PBKDF2_PASSWORD);
	const struct crypto_attr *salt = crypto_attr_find(params, n, GP_ATTR_PBKDF2_SALT);
	const struct crypto_attr *iter = need(params, n, GP_ATTR_PBKDF2_ITERATION_COUNT);
	mbedtls_md_context_t ctx;
	int ret;

	if (!iter->a)
		return TEEC_ERROR_BAD_PARAMETERS;
	mbedtls_md_init(&ctx);
	ret = mbedtls_md_setup(&ctx, kdf_md(algo), 1);
	if (!ret)
		ret = mbedtls_pkcs5_pbkdf2_hmac(&ctx, pw->data, pw->len, salt ? salt->data : NULL,
						salt ? salt->len : 0, iter->a, (uint32_t)*len, out);
	mbedtls_md_free(&ctx);
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_GENERIC) : TEEC_SUCCESS;
}

uint32_t crypto_derive(uint32_t algo, const struct crypto_obj *key,
		       const struct crypto_attr *params, size_t n_params,
		       struct crypto_obj *derived)
{
	size_t len = derive_len(algo, key, params, n_params);
	uint8_t *out;
	uint32_t res;

	if (!len || len > DERIVE_MAX)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* GP 6.9.1: a derived key object too small for the result is a panic */
	if (len * 8 > derived->max_bits)
		ta_kill_current(
		    "TEE_DeriveKey: the derived key object is too small for the result");
	if ((algo & 0xFF) == 0x42)
		return ecdh(key, params, n_params, derived);
	if (algo == 0x80000032)
		return dh(key, params, n_params, derived);
	if (algo == GP_ALG_X25519)
		return crypto_x25519_derive(key, params, n_params, derived);
	out = kcalloc(1, DERIVE_MAX);
	if (!out)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if ((algo & 0xFF) == 0xC0)
		res = hkdf(algo, key, params, n_params, out, &len);
	else if ((algo & 0xFF) == 0xC1)
		res = concat_kdf(algo, key, params, n_params, out, &len);
	else
		res = pbkdf2(algo, key, params, n_params, out, &len);
	if (res == TEEC_SUCCESS)
		res = store(derived, out, len);
	memset(out, 0, DERIVE_MAX);
	kfree(out);
	return res;
}
