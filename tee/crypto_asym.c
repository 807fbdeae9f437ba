// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP asymmetric operations (GP TEE Internal Core API v1.3.1 6.8) on mbedTLS: RSA (RSASSA
 * PKCS#1 v1.5 and PSS, RSAES PKCS#1 v1.5 and OAEP, raw RSA) and ECDSA on the NIST curves; DSA
 * and Ed25519 are handed to their nettle files (crypto_nettle.h). The
 * key is a copy of the TA's object held by the operation; it is turned into an mbedTLS context at
 * the operation's first use and kept there (an RSA key given as n, e, d only has its primes
 * recovered once). Randomness (blinding, PSS salts, OAEP seeds, ECDSA nonces) is the DRBG's.
 */
#include "crypto_asym.h"

#include <mbedtls/bignum.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "crypto_nettle.h"
#include "heap.h"

#define GP_MODE_ENCRYPT 0
#define GP_MODE_DECRYPT 1
#define GP_MODE_SIGN	2

/* GP's algorithm identifiers carry the digest in bits 12..15 (Table 6-12). */
static mbedtls_md_type_t alg_md(uint32_t algo)
{
	switch ((algo >> 12) & 0xF) {
	case 1:
		return MBEDTLS_MD_MD5;
	case 2:
		return MBEDTLS_MD_SHA1;
	case 3:
		return MBEDTLS_MD_SHA224;
	case 4:
		return MBEDTLS_MD_SHA256;
	case 5:
		return MBEDTLS_MD_SHA384;
	case 6:
		return MBEDTLS_MD_SHA512;
	default:
		return MBEDTLS_MD_NONE;
	}
}

static int is_rsa(uint32_t algo)
{
	return (algo & 0xFF) == 0x30;
}

/* OP-TEE 3.19's ECDSA_P192..P521 (0x7000n041) and ECDH_P192..P521 name one curve each; GP
 * 1.3.1's ECDSA_SHA* and ECDH_DERIVE_SHARED_SECRET take any. 0: any. */
static uint32_t alg_curve_bits(uint32_t algo)
{
	static const uint32_t bits[] = {0, 192, 224, 256, 384, 521};
	uint32_t n = (algo >> 12) & 0xF;

	if ((algo & 0xFFFF0FFFU) == 0x70000041U || (algo & 0xFFFF0FFFU) == 0x80000042U)
		return n >= 1 && n <= 5 ? bits[n] : 0;
	return 0;
}

int crypto_asym_size_fits(uint32_t algo, uint32_t max_bits)
{
	uint32_t c = alg_curve_bits(algo);

	if (crypto_dsa_alg(algo))
		return crypto_dsa_alg_size_fits(algo, max_bits);
	return !c || c == max_bits;
}

int crypto_asym_key_fits(uint32_t algo, const struct crypto_obj *key)
{
	uint32_t c = alg_curve_bits(algo);

	return !c || c == key->bits;
}

int crypto_rng(void *p_rng, unsigned char *out, size_t len)
{
	(void)p_rng;
	return tee_random(out, len) == TEEC_SUCCESS ? 0 : MBEDTLS_ERR_MPI_NOT_ACCEPTABLE;
}

uint32_t crypto_mbedtls_err(int err, uint32_t fallback)
{
	int low = -err & 0x7F, high = -err & 0xFF80;

	/* mbedTLS adds a module's error to the bignum error under it */
	if (low == -MBEDTLS_ERR_MPI_ALLOC_FAILED || high == -MBEDTLS_ERR_ECP_ALLOC_FAILED ||
	    high == -MBEDTLS_ERR_MD_ALLOC_FAILED)
		return TEEC_ERROR_OUT_OF_MEMORY;
	return fallback;
}

const struct crypto_attr *crypto_attr_find(const struct crypto_attr *list, size_t n, uint32_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

struct asym_ctx {
	int rsa; /* which of the two */
	mbedtls_rsa_context r;
	mbedtls_ecp_keypair ec;
};

void crypto_asym_ctx_free(struct asym_ctx *c)
{
	if (!c)
		return;
	mbedtls_rsa_free(&c->r);
	mbedtls_ecp_keypair_free(&c->ec);
	kfree(c);
}

static const uint8_t *attr_bytes(const struct crypto_obj *o, uint32_t id, size_t *len)
{
	const struct crypto_attr *a = crypto_obj_attr(o, id);

	*len = a ? a->len : 0;
	return a ? a->data : NULL;
}

/* An RSA key object into mbedTLS: n, e, and d with p and q when the object has them. mbedTLS
 * recovers p and q from n, e, d (GP lets a key pair be given without its CRT values) and then
 * the CRT exponents. */
static int rsa_load(const struct crypto_obj *o, mbedtls_rsa_context *r)
{
	size_t n_len, e_len, d_len, p_len, q_len;
	const uint8_t *n = attr_bytes(o, GP_ATTR_RSA_MODULUS, &n_len);
	const uint8_t *e = attr_bytes(o, GP_ATTR_RSA_PUBLIC_EXPONENT, &e_len);
	const uint8_t *d = attr_bytes(o, GP_ATTR_RSA_PRIVATE_EXPONENT, &d_len);
	const uint8_t *p = attr_bytes(o, GP_ATTR_RSA_PRIME1, &p_len);
	const uint8_t *q = attr_bytes(o, GP_ATTR_RSA_PRIME2, &q_len);
	int ret;

	mbedtls_rsa_init(r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	ret = mbedtls_rsa_import_raw(r, n, n_len, p, p_len, q, q_len, d, d_len, e, e_len);
	if (!ret)
		ret = mbedtls_rsa_complete(r);
	return ret;
}

static uint32_t ctx_get(const struct crypto_obj *key, struct asym_ctx **ctx, int rsa)
{
	struct asym_ctx *c = *ctx;
	int ret;

	if (c)
		return TEEC_SUCCESS;
	c = kcalloc(1, sizeof(*c));
	if (!c)
		return TEEC_ERROR_OUT_OF_MEMORY;
	c->rsa = rsa;
	mbedtls_rsa_init(&c->r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	mbedtls_ecp_keypair_init(&c->ec);
	ret = rsa ? rsa_load(key, &c->r) : crypto_keys_ecp(key, &c->ec);
	if (ret) {
		crypto_asym_ctx_free(c);
		/* the key was checked when it was made: only memory can fail here */
		return crypto_mbedtls_err(ret, TEEC_ERROR_BAD_STATE);
	}
	*ctx = c;
	return TEEC_SUCCESS;
}

/* GP 6.8.1: the PSS salt length (TEE_ATTR_RSA_PSS_SALT_LENGTH), by default the digest's. */
static int pss_salt(const struct crypto_attr *params, size_t n, size_t hash_len)
{
	const struct crypto_attr *a = crypto_attr_find(params, n, GP_ATTR_RSA_PSS_SALT_LENGTH);

	return a ? (a->a > 0xFFFF ? -1 : (int)a->a) : (int)hash_len;
}

static uint32_t rsa_sign(struct asym_ctx *c, uint32_t algo, const struct crypto_attr *params,
			 size_t n_params, const uint8_t *digest, size_t digest_len, uint8_t *sig)
{
	mbedtls_md_type_t md = alg_md(algo);
	size_t hash_len = mbedtls_md_get_size(mbedtls_md_info_from_type(md));
	int ret, salt;

	/* GP 6.8.4: the digest is the algorithm's; another length is BAD_PARAMETERS */
	if (digest_len != hash_len)
		return TEEC_ERROR_BAD_PARAMETERS;
	if ((algo & 0xF00) == 0x900) { /* PSS */
		salt = pss_salt(params, n_params, hash_len);
		if (salt < 0)
			return TEEC_ERROR_BAD_PARAMETERS;
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V21, md);
		ret = mbedtls_rsa_rsassa_pss_sign_ext(&c->r, crypto_rng, NULL, md,
						      (unsigned int)hash_len, digest, salt, sig);
	} else {
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
		ret =
		    mbedtls_rsa_rsassa_pkcs1_v15_sign(&c->r, crypto_rng, NULL, MBEDTLS_RSA_PRIVATE,
						      md, (unsigned int)hash_len, digest, sig);
	}
	/* a salt too long for the modulus is a bad parameter too */
	return ret ? crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS) : TEEC_SUCCESS;
}

/* Raw RSA (TEE_ALG_RSA_NOPAD): x^e or x^d mod n of the input as a big-endian number below n.
 * The result loses its leading zero bytes, as OP-TEE gives it. */
static uint32_t rsa_nopad(struct asym_ctx *c, int decrypt, const uint8_t *in, size_t in_len,
			  uint8_t *out, size_t *out_len)
{
	size_t k = mbedtls_rsa_get_len(&c->r), skip = 0;
	uint8_t *buf;
	uint32_t res = TEEC_SUCCESS;
	int ret;

	if (in_len > k)
		return TEEC_ERROR_BAD_PARAMETERS;
	buf = kcalloc(2, k);
	if (!buf)
		return TEEC_ERROR_OUT_OF_MEMORY;
	memcpy(buf + k - in_len, in, in_len);
	ret = decrypt ? mbedtls_rsa_private(&c->r, crypto_rng, NULL, buf, buf + k)
		      : mbedtls_rsa_public(&c->r, buf, buf + k);
	if (ret) {
		res = crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS); /* input not below n */
	} else {
		while (skip < k - 1 && !buf[k + skip])
			skip++;
		if (*out_len < k - skip) {
			res = TEEC_ERROR_SHORT_BUFFER;
		} else {
			memcpy(out, buf + k + skip, k - skip);
		}
		*out_len = k - skip;
	}
	memset(buf, 0, 2 * k);
	kfree(buf);
	return res;
}

static uint32_t rsa_cipher(struct asym_ctx *c, uint32_t algo, int decrypt,
			   const struct crypto_attr *params, size_t n_params, const uint8_t *in,
			   size_t in_len, uint8_t *out, size_t *out_len)
{
	const struct crypto_attr *label =
	    crypto_attr_find(params, n_params, GP_ATTR_RSA_OAEP_LABEL);
	size_t k = mbedtls_rsa_get_len(&c->r), n = 0;
	int oaep = algo != 0x60000130, ret;
	uint32_t res = TEEC_SUCCESS;
	uint8_t *buf;

	if (algo == 0x60000030)
		return rsa_nopad(c, decrypt, in, in_len, out, out_len);
	/* OAEP's identifiers carry the digest in bits 20..23 (0x60210230: SHA-1) */
	if (oaep)
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V21, alg_md(algo >> 8));
	else
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
	if (!decrypt && *out_len < k) { /* GP 6.8.1: the room for a whole modulus first */
		*out_len = k;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	if (decrypt && in_len != k) /* a ciphertext is the modulus's size (RFC 8017 7.1.2) */
		return TEEC_ERROR_BAD_PARAMETERS;
	buf = kcalloc(1, k);
	if (!buf)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (decrypt && oaep)
		ret = mbedtls_rsa_rsaes_oaep_decrypt(&c->r, crypto_rng, NULL, MBEDTLS_RSA_PRIVATE,
						     label ? label->data : NULL,
						     label ? label->len : 0, &n, in, buf, k);
	else if (decrypt)
		ret = mbedtls_rsa_rsaes_pkcs1_v15_decrypt(&c->r, crypto_rng, NULL,
							  MBEDTLS_RSA_PRIVATE, &n, in, buf, k);
	else if (oaep)
		ret = mbedtls_rsa_rsaes_oaep_encrypt(&c->r, crypto_rng, NULL, MBEDTLS_RSA_PUBLIC,
						     label ? label->data : NULL,
						     label ? label->len : 0, in_len, in, buf);
	else
		ret = mbedtls_rsa_rsaes_pkcs1_v15_encrypt(&c->r, crypto_rng, NULL,
							  MBEDTLS_RSA_PUBLIC, in_len, in, buf);
	if (!decrypt)
		n = k;
	/* GP 6.8.1 / 6.8.2: a message too long, or a ciphertext whose padding does not check,
	 * is BAD_PARAMETERS (the same answer for every padding fault: no oracle) */
	if (ret)
		res = crypto_mbedtls_err(ret, TEEC_ERROR_BAD_PARAMETERS);
	else if (*out_len < n)
		res = TEEC_ERROR_SHORT_BUFFER;
	else
		memcpy(out, buf, n);
	if (!ret)
		*out_len = n;
	memset(buf, 0, k);
	kfree(buf);
	return res;
}

/* ECDSA: the signature is r || s, each the size of the curve's order (GP 6.8.4). */
static uint32_t ecdsa_sign(struct asym_ctx *c, const uint8_t *digest, size_t digest_len,
			   uint8_t *sig, size_t *sig_len)
{
	size_t n = (c->ec.grp.nbits + 7) / 8;
	mbedtls_mpi r, s;
	int ret;

	if (*sig_len < 2 * n) {
		*sig_len = 2 * n;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	ret =
	    mbedtls_ecdsa_sign(&c->ec.grp, &r, &s, &c->ec.d, digest, digest_len, crypto_rng, NULL);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&r, sig, n);
	if (!ret)
		ret = mbedtls_mpi_write_binary(&s, sig + n, n);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	if (ret)
		return crypto_mbedtls_err(ret, TEEC_ERROR_GENERIC);
	*sig_len = 2 * n;
	return TEEC_SUCCESS;
}

uint32_t crypto_asym_crypt(uint32_t algo, uint32_t mode, const struct crypto_obj *key,
			   struct asym_ctx **ctx, const struct crypto_attr *params, size_t n_params,
			   const uint8_t *in, size_t in_len, uint8_t *out, size_t *out_len)
{
	uint32_t res;
	size_t k;

	/* DSA and Ed25519 are nettle's (crypto_nettle.h): no mbedTLS context */
	if (crypto_dsa_alg(algo))
		return crypto_dsa_sign(key, in, in_len, out, out_len);
	if (algo == GP_ALG_ED25519)
		return crypto_ed25519_sign(key, params, n_params, in, in_len, out, out_len);
	res = ctx_get(key, ctx, is_rsa(algo));
	if (res)
		return res;
	if (!is_rsa(algo))
		return ecdsa_sign(*ctx, in, in_len, out, out_len);
	if (mode != GP_MODE_SIGN)
		return rsa_cipher(*ctx, algo, mode == GP_MODE_DECRYPT, params, n_params, in, in_len,
				  out, out_len);
	k = mbedtls_rsa_get_len(&(*ctx)->r);
	if (*out_len < k) { /* GP 6.8.4: SHORT_BUFFER with the signature's size */
		*out_len = k;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	res = rsa_sign(*ctx, algo, params, n_params, in, in_len, out);
	if (res == TEEC_SUCCESS)
		*out_len = k;
	return res;
}

static uint32_t ecdsa_verify(struct asym_ctx *c, const uint8_t *digest, size_t digest_len,
			     const uint8_t *sig, size_t sig_len)
{
	size_t n = (c->ec.grp.nbits + 7) / 8;
	mbedtls_mpi r, s;
	int ret;

	if (sig_len != 2 * n)
		return GP_ERROR_SIGNATURE_INVALID;
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	ret = mbedtls_mpi_read_binary(&r, sig, n);
	if (!ret)
		ret = mbedtls_mpi_read_binary(&s, sig + n, n);
	if (!ret)
		ret = mbedtls_ecdsa_verify(&c->ec.grp, digest, digest_len, &c->ec.Q, &r, &s);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&s);
	return ret ? crypto_mbedtls_err(ret, GP_ERROR_SIGNATURE_INVALID) : TEEC_SUCCESS;
}

uint32_t crypto_asym_verify(uint32_t algo, const struct crypto_obj *key, struct asym_ctx **ctx,
			    const struct crypto_attr *params, size_t n_params,
			    const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			    size_t sig_len)
{
	mbedtls_md_type_t md = alg_md(algo);
	struct asym_ctx *c;
	size_t hash_len;
	uint32_t res;
	int ret, salt;

	if (crypto_dsa_alg(algo))
		return crypto_dsa_verify(key, digest, digest_len, sig, sig_len);
	if (algo == GP_ALG_ED25519)
		return crypto_ed25519_verify(key, params, n_params, digest, digest_len, sig,
					     sig_len);
	res = ctx_get(key, ctx, is_rsa(algo));
	if (res)
		return res;
	c = *ctx;
	if (!is_rsa(algo))
		return ecdsa_verify(c, digest, digest_len, sig, sig_len);
	hash_len = mbedtls_md_get_size(mbedtls_md_info_from_type(md));
	if (digest_len != hash_len)
		return TEEC_ERROR_BAD_PARAMETERS;
	/* a signature of another length than the modulus's cannot be valid */
	if (sig_len != mbedtls_rsa_get_len(&c->r))
		return GP_ERROR_SIGNATURE_INVALID;
	if ((algo & 0xF00) == 0x900) {
		salt = pss_salt(params, n_params, hash_len);
		if (salt < 0)
			return TEEC_ERROR_BAD_PARAMETERS;
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V21, md);
		ret = mbedtls_rsa_rsassa_pss_verify_ext(&c->r, NULL, NULL, MBEDTLS_RSA_PUBLIC, md,
							(unsigned int)hash_len, digest, md, salt,
							sig);
	} else {
		mbedtls_rsa_set_padding(&c->r, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);
		ret = mbedtls_rsa_rsassa_pkcs1_v15_verify(&c->r, NULL, NULL, MBEDTLS_RSA_PUBLIC, md,
							  (unsigned int)hash_len, digest, sig);
	}
	return ret ? crypto_mbedtls_err(ret, GP_ERROR_SIGNATURE_INVALID) : TEEC_SUCCESS;
}
