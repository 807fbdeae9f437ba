// SPDX-License-Identifier: BSD-2-Clause
/*
 * TEE_GenerateKey for the asymmetric types (GP TEE Internal Core API v1.3.1 5.5.7, Table 5-12):
 * one 2048-bit RSA key (the default exponent) and a 1024-bit one with e = 3, ECDSA and ECDH keys
 * on their curves, DH keys on a CAVP group (with and without the optional subprime and private
 * size), DSA keys on CAVP groups, Ed25519 and X25519 keys; each generated key is used both ways
 * (sign and verify, encrypt and decrypt, two parties deriving the same secret) and its attributes
 * read back.
 */
#include <string.h>

#include "asym_ta.h"

static TEE_Result generate(uint32_t type, uint32_t bits, const TEE_Attribute *params, uint32_t n,
			   TEE_ObjectHandle *out)
{
	TEE_Result res = TEE_AllocateTransientObject(type, bits, out);

	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GenerateKey(*out, bits, params, n);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(*out);
		*out = TEE_HANDLE_NULL;
	}
	return res;
}

static bool sign_both_ways(uint32_t alg, TEE_ObjectHandle key, size_t dlen, uint32_t *checks)
{
	TEE_OperationHandle s = keyed(alg, TEE_MODE_SIGN, key);
	TEE_OperationHandle v = keyed(alg, TEE_MODE_VERIFY, key);
	uint8_t digest[64], sig[512];
	size_t len = sizeof(sig);
	bool ok = CHECK(s != TEE_HANDLE_NULL && v != TEE_HANDLE_NULL, checks);

	TEE_GenerateRandom(digest, sizeof(digest));
	if (ok)
		ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, dlen, sig, &len),
				TEE_SUCCESS, checks);
	if (ok)
		ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, digest, dlen, sig, len),
				TEE_SUCCESS, checks);
	TEE_FreeOperation(s);
	TEE_FreeOperation(v);
	return ok;
}

static bool rsa_keys(uint32_t *checks)
{
	static const uint8_t e3[] = {3}, e4[] = {4};
	static const uint32_t parts[] = {
	    TEE_ATTR_RSA_MODULUS,   TEE_ATTR_RSA_PUBLIC_EXPONENT, TEE_ATTR_RSA_PRIVATE_EXPONENT,
	    TEE_ATTR_RSA_PRIME1,    TEE_ATTR_RSA_PRIME2,	  TEE_ATTR_RSA_EXPONENT1,
	    TEE_ATTR_RSA_EXPONENT2, TEE_ATTR_RSA_COEFFICIENT};
	uint8_t buf[256], msg[32], c[256], p[256];
	TEE_ObjectHandle k = TEE_HANDLE_NULL, k3 = TEE_HANDLE_NULL;
	TEE_OperationHandle enc, dec;
	TEE_ObjectInfo info;
	TEE_Attribute e;
	size_t len, clen = sizeof(c), plen = sizeof(p);
	bool ok = true;

	/* the one 2048-bit key of the run: 65537 by default */
	ok &= CHECK_RES(generate(TEE_TYPE_RSA_KEYPAIR, 2048, NULL, 0, &k), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	TEE_GetObjectInfo1(k, &info);
	ok &= CHECK(info.objectSize == 2048 && (info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED),
		    checks);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		len = sizeof(buf);
		ok &= CHECK_RES(TEE_GetObjectBufferAttribute(k, parts[i], buf, &len), TEE_SUCCESS,
				checks);
		if (parts[i] == TEE_ATTR_RSA_MODULUS)
			ok &= CHECK(len == 256 && (buf[0] & 0x80), checks);
		if (parts[i] == TEE_ATTR_RSA_PUBLIC_EXPONENT)
			ok &= CHECK(len == 3 && buf[0] == 1 && buf[1] == 0 && buf[2] == 1, checks);
	}
	ok &= sign_both_ways(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256, k, 32, checks);
	enc = keyed(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512, TEE_MODE_ENCRYPT, k);
	dec = keyed(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512, TEE_MODE_DECRYPT, k);
	TEE_GenerateRandom(msg, sizeof(msg));
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(enc, NULL, 0, msg, sizeof(msg), c, &clen),
			TEE_SUCCESS, checks);
	ok &=
	    CHECK_RES(TEE_AsymmetricDecrypt(dec, NULL, 0, c, clen, p, &plen), TEE_SUCCESS, checks);
	ok &= CHECK(plen == sizeof(msg) && !memcmp(p, msg, plen), checks);
	TEE_FreeOperation(enc);
	TEE_FreeOperation(dec);
	TEE_FreeTransientObject(k);
	/* GP 5.5.7: TEE_ATTR_RSA_PUBLIC_EXPONENT as a parameter */
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, e3, sizeof(e3));
	ok &= CHECK_RES(generate(TEE_TYPE_RSA_KEYPAIR, 1024, &e, 1, &k3), TEE_SUCCESS, checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(k3, TEE_ATTR_RSA_PUBLIC_EXPONENT, buf, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == 1 && buf[0] == 3, checks);
	ok &= sign_both_ways(TEE_ALG_RSASSA_PKCS1_V1_5_SHA1, k3, 20, checks);
	TEE_FreeTransientObject(k3);
	/* an even exponent makes no RSA key: BAD_PARAMETERS */
	TEE_InitRefAttribute(&e, TEE_ATTR_RSA_PUBLIC_EXPONENT, e4, sizeof(e4));
	ok &= CHECK_RES(generate(TEE_TYPE_RSA_KEYPAIR, 512, &e, 1, &k3), TEE_ERROR_BAD_PARAMETERS,
			checks);
	return ok;
}

static bool ecc_keys(uint32_t *checks)
{
	static const struct {
		uint32_t curve, bits, alg;
	} c[] = {{TEE_ECC_CURVE_NIST_P192, 192, TEE_ALG_ECDSA_P192},
		 {TEE_ECC_CURVE_NIST_P256, 256, TEE_ALG_ECDSA_SHA256},
		 {TEE_ECC_CURVE_NIST_P521, 521, TEE_ALG_ECDSA_P521}};
	TEE_ObjectHandle k, a, b;
	TEE_OperationHandle da, db;
	TEE_Attribute curve, pa[2], pb[2];
	uint8_t ax[48], ay[48], bx[48], by[48], za[64], zb[64];
	size_t axl = sizeof(ax), ayl = sizeof(ay), bxl = sizeof(bx), byl = sizeof(by);
	size_t zal = sizeof(za), zbl = sizeof(zb);
	uint32_t got = 0;
	bool ok = true;

	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE, c[i].curve, 0);
		if (!CHECK_RES(generate(TEE_TYPE_ECDSA_KEYPAIR, c[i].bits, &curve, 1, &k),
			       TEE_SUCCESS, checks))
			return false;
		ok &= CHECK_RES(TEE_GetObjectValueAttribute(k, TEE_ATTR_ECC_CURVE, &got, NULL),
				TEE_SUCCESS, checks);
		ok &= CHECK(got == c[i].curve, checks);
		ok &= sign_both_ways(c[i].alg, k, 32, checks);
		TEE_FreeTransientObject(k);
	}
	/* GP 5.5.7: the curve is mandatory and names the key's size */
	ok &= CHECK_RES(generate(TEE_TYPE_ECDSA_KEYPAIR, 256, NULL, 0, &k),
			TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_NIST_P384, 0);
	ok &= CHECK_RES(generate(TEE_TYPE_ECDSA_KEYPAIR, 256, &curve, 1, &k),
			TEE_ERROR_BAD_PARAMETERS, checks);
	/* ECDH: two parties on P-384 derive the same secret, the curve's size */
	ok &= CHECK_RES(generate(TEE_TYPE_ECDH_KEYPAIR, 384, &curve, 1, &a), TEE_SUCCESS, checks);
	ok &= CHECK_RES(generate(TEE_TYPE_ECDH_KEYPAIR, 384, &curve, 1, &b), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	TEE_GetObjectBufferAttribute(a, TEE_ATTR_ECC_PUBLIC_VALUE_X, ax, &axl);
	TEE_GetObjectBufferAttribute(a, TEE_ATTR_ECC_PUBLIC_VALUE_Y, ay, &ayl);
	TEE_GetObjectBufferAttribute(b, TEE_ATTR_ECC_PUBLIC_VALUE_X, bx, &bxl);
	TEE_GetObjectBufferAttribute(b, TEE_ATTR_ECC_PUBLIC_VALUE_Y, by, &byl);
	TEE_InitRefAttribute(&pa[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, ax, axl);
	TEE_InitRefAttribute(&pa[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, ay, ayl);
	TEE_InitRefAttribute(&pb[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, bx, bxl);
	TEE_InitRefAttribute(&pb[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, by, byl);
	da = keyed(TEE_ALG_ECDH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE, a);
	db = keyed(TEE_ALG_ECDH_P384, TEE_MODE_DERIVE, b);
	ok &= CHECK(derive(da, pb, 2, za, &zal) && derive(db, pa, 2, zb, &zbl), checks);
	ok &= CHECK(zal == 48 && zbl == 48 && !memcmp(za, zb, 48), checks);
	TEE_FreeOperation(da);
	TEE_FreeOperation(db);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/* DH on the CAVP group FA (1024-bit p, 160-bit q): x below q, or of X_BITS bits. */
static bool dh_keys(uint32_t *checks)
{
	const struct akat_key *g = vector_of(AKAT_DH, 0)->key;
	TEE_Attribute params[3], peer;
	TEE_ObjectHandle a, b;
	TEE_OperationHandle da, db;
	uint8_t ya[256], yb[256], xb[256], za[256], zb[256];
	size_t yal = sizeof(ya), ybl = sizeof(yb), xbl = sizeof(xb), zal = sizeof(za),
	       zbl = sizeof(zb);
	bool ok = true;

	to_attrs(params, g->a, 3); /* prime, base, subprime */
	ok &= CHECK_RES(generate(TEE_TYPE_DH_KEYPAIR, g->bits, params, 3, &a), TEE_SUCCESS, checks);
	TEE_InitValueAttribute(&params[2], TEE_ATTR_DH_X_BITS, 150, 0);
	ok &= CHECK_RES(generate(TEE_TYPE_DH_KEYPAIR, g->bits, params, 3, &b), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_DH_PRIVATE_VALUE, xb, &xbl),
			TEE_SUCCESS, checks);
	/* 150 bits: 19 bytes, the top one 0x20..0x3f */
	ok &= CHECK(xbl == 19 && (xb[0] >> 5) == 1, checks);
	TEE_GetObjectBufferAttribute(a, TEE_ATTR_DH_PUBLIC_VALUE, ya, &yal);
	TEE_GetObjectBufferAttribute(b, TEE_ATTR_DH_PUBLIC_VALUE, yb, &ybl);
	da = keyed(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE, a);
	db = keyed(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE, b);
	TEE_InitRefAttribute(&peer, TEE_ATTR_DH_PUBLIC_VALUE, yb, ybl);
	ok &= CHECK(derive(da, &peer, 1, za, &zal), checks);
	TEE_InitRefAttribute(&peer, TEE_ATTR_DH_PUBLIC_VALUE, ya, yal);
	ok &= CHECK(derive(db, &peer, 1, zb, &zbl), checks);
	ok &= CHECK(zal == g->bits / 8 && zal == zbl && !memcmp(za, zb, zal), checks);
	TEE_FreeOperation(da);
	TEE_FreeOperation(db);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/*
 * DH with the prime and base only (GP 5.5.7: the subprime and X_BITS are optional): x anywhere
 * in [1, p - 2]; an X_BITS of 0, as OP-TEE's xtest 4007_dh gives it, sets no size and is kept as
 * given. X_BITS as large as p is BAD_PARAMETERS.
 */
static bool dh_keys_no_limit(uint32_t *checks)
{
	const struct akat_key *g = vector_of(AKAT_DH, 0)->key;
	TEE_Attribute params[3], peer;
	TEE_ObjectHandle a = TEE_HANDLE_NULL, b = TEE_HANDLE_NULL, c;
	TEE_OperationHandle da, db;
	uint8_t x[256], ya[256], yb[256], za[256], zb[256];
	size_t xl = sizeof(x), yal = sizeof(ya), ybl = sizeof(yb), zal = sizeof(za),
	       zbl = sizeof(zb);
	uint32_t xbits = 1;
	bool ok = true;

	to_attrs(params, g->a, 2); /* prime, base */
	ok &= CHECK_RES(generate(TEE_TYPE_DH_KEYPAIR, g->bits, params, 2, &a), TEE_SUCCESS, checks);
	TEE_InitValueAttribute(&params[2], TEE_ATTR_DH_X_BITS, 0, 0);
	ok &= CHECK_RES(generate(TEE_TYPE_DH_KEYPAIR, g->bits, params, 3, &b), TEE_SUCCESS, checks);
	TEE_InitValueAttribute(&params[2], TEE_ATTR_DH_X_BITS, g->bits, 0);
	ok &= CHECK_RES(generate(TEE_TYPE_DH_KEYPAIR, g->bits, params, 3, &c),
			TEE_ERROR_BAD_PARAMETERS, checks);
	if (!ok) {
		TEE_FreeTransientObject(a);
		TEE_FreeTransientObject(b);
		return false;
	}
	ok &= CHECK_RES(TEE_GetObjectValueAttribute(b, TEE_ATTR_DH_X_BITS, &xbits, NULL),
			TEE_SUCCESS, checks);
	ok &= CHECK(xbits == 0, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_DH_PRIVATE_VALUE, x, &xl),
			TEE_SUCCESS, checks);
	ok &= CHECK(xl >= 1 && xl <= g->bits / 8, checks);
	TEE_GetObjectBufferAttribute(a, TEE_ATTR_DH_PUBLIC_VALUE, ya, &yal);
	TEE_GetObjectBufferAttribute(b, TEE_ATTR_DH_PUBLIC_VALUE, yb, &ybl);
	da = keyed(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE, a);
	db = keyed(TEE_ALG_DH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE, b);
	TEE_InitRefAttribute(&peer, TEE_ATTR_DH_PUBLIC_VALUE, yb, ybl);
	ok &= CHECK(derive(da, &peer, 1, za, &zal), checks);
	TEE_InitRefAttribute(&peer, TEE_ATTR_DH_PUBLIC_VALUE, ya, yal);
	ok &= CHECK(derive(db, &peer, 1, zb, &zbl), checks);
	ok &= CHECK(zal == g->bits / 8 && zal == zbl && !memcmp(za, zb, zal), checks);
	TEE_FreeOperation(da);
	TEE_FreeOperation(db);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/* DSA on the CAVP domain of each signing key (L = 1024 and 2048): x below q, y = g^x. */
static bool dsa_keys(uint32_t *checks)
{
	static const uint32_t algs[] = {TEE_ALG_DSA_SHA1, TEE_ALG_DSA_SHA224};
	TEE_Attribute params[3];
	TEE_ObjectHandle k;
	uint8_t p[256], x[32];
	size_t pl, xl;
	bool ok = true;

	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
		const struct akat_key *d = NULL;

		for (size_t j = 0; j < sizeof(akat_vectors) / sizeof(akat_vectors[0]); j++)
			if (akat_vectors[j].alg == algs[i] &&
			    akat_vectors[j].key->type == TEE_TYPE_DSA_KEYPAIR)
				d = akat_vectors[j].key;
		if (!CHECK(d != NULL, checks))
			return false;
		to_attrs(params, d->a, 3); /* prime, subprime, base */
		if (!CHECK_RES(generate(TEE_TYPE_DSA_KEYPAIR, d->bits, params, 3, &k), TEE_SUCCESS,
			       checks))
			return false;
		pl = sizeof(p);
		xl = sizeof(x);
		ok &= CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_DSA_PRIME, p, &pl),
				TEE_SUCCESS, checks);
		ok &= CHECK(pl == d->bits / 8 && !memcmp(p, d->a[0].buf, pl), checks);
		ok &= CHECK_RES(TEE_GetObjectBufferAttribute(k, TEE_ATTR_DSA_PRIVATE_VALUE, x, &xl),
				TEE_SUCCESS, checks);
		/* x below q: no longer than q, and not the vector's own */
		ok &= CHECK(xl <= d->a[1].len && (xl != d->a[4].len || memcmp(x, d->a[4].buf, xl)),
			    checks);
		ok &= sign_both_ways(algs[i], k, i ? 28 : 20, checks);
		TEE_FreeTransientObject(k);
		/* GP 5.5.7: the domain is mandatory, and the key's size is the prime's */
		ok &= CHECK_RES(generate(TEE_TYPE_DSA_KEYPAIR, d->bits, params, 2, &k),
				TEE_ERROR_BAD_PARAMETERS, checks);
		ok &= CHECK_RES(
		    generate(TEE_TYPE_DSA_KEYPAIR, d->bits == 1024 ? 960 : 3072, params, 3, &k),
		    TEE_ERROR_BAD_PARAMETERS, checks);
	}
	return ok;
}

/* Ed25519: two keys, each signing and verifying, their public halves 32 bytes and different. */
static bool ed25519_keys(uint32_t *checks)
{
	TEE_ObjectHandle a, b;
	uint8_t pa[32], pb[32], priv[32];
	size_t pal = sizeof(pa), pbl = sizeof(pb), privl = sizeof(priv);
	bool ok = true;

	ok &= CHECK_RES(generate(TEE_TYPE_ED25519_KEYPAIR, 256, NULL, 0, &a), TEE_SUCCESS, checks);
	ok &= CHECK_RES(generate(TEE_TYPE_ED25519_KEYPAIR, 256, NULL, 0, &b), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(a, TEE_ATTR_ED25519_PUBLIC_VALUE, pa, &pal),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_ED25519_PUBLIC_VALUE, pb, &pbl),
			TEE_SUCCESS, checks);
	ok &=
	    CHECK_RES(TEE_GetObjectBufferAttribute(a, TEE_ATTR_ED25519_PRIVATE_VALUE, priv, &privl),
		      TEE_SUCCESS, checks);
	ok &= CHECK(pal == 32 && pbl == 32 && privl == 32 && memcmp(pa, pb, 32), checks);
	ok &= sign_both_ways(TEE_ALG_ED25519, a, 64, checks);
	ok &= sign_both_ways(TEE_ALG_ED25519, b, 7, checks);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/* X25519: two parties derive the same 32-byte secret; a key's public value is X25519 of its
 * private value and the base point 9 (RFC 7748 6.1). */
static bool x25519_keys(uint32_t *checks)
{
	static const uint8_t base[32] = {9};
	TEE_ObjectHandle a, b;
	TEE_OperationHandle da, db;
	TEE_Attribute peer;
	uint8_t pa[32], pb[32], za[32], zb[32];
	size_t pal = sizeof(pa), pbl = sizeof(pb), zal = sizeof(za), zbl = sizeof(zb);
	bool ok = true;

	ok &= CHECK_RES(generate(TEE_TYPE_X25519_KEYPAIR, 256, NULL, 0, &a), TEE_SUCCESS, checks);
	ok &= CHECK_RES(generate(TEE_TYPE_X25519_KEYPAIR, 256, NULL, 0, &b), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	TEE_GetObjectBufferAttribute(a, TEE_ATTR_X25519_PUBLIC_VALUE, pa, &pal);
	TEE_GetObjectBufferAttribute(b, TEE_ATTR_X25519_PUBLIC_VALUE, pb, &pbl);
	ok &= CHECK(pal == 32 && pbl == 32 && memcmp(pa, pb, 32), checks);
	da = keyed(TEE_ALG_X25519, TEE_MODE_DERIVE, a);
	db = keyed(TEE_ALG_X25519, TEE_MODE_DERIVE, b);
	TEE_InitRefAttribute(&peer, TEE_ATTR_X25519_PUBLIC_VALUE, pb, pbl);
	ok &= CHECK(derive(da, &peer, 1, za, &zal), checks);
	TEE_InitRefAttribute(&peer, TEE_ATTR_X25519_PUBLIC_VALUE, pa, pal);
	ok &= CHECK(derive(db, &peer, 1, zb, &zbl), checks);
	ok &= CHECK(zal == 32 && zbl == 32 && !memcmp(za, zb, 32), checks);
	TEE_InitRefAttribute(&peer, TEE_ATTR_X25519_PUBLIC_VALUE, base, sizeof(base));
	zal = sizeof(za);
	ok &= CHECK(derive(da, &peer, 1, za, &zal), checks);
	ok &= CHECK(zal == 32 && !memcmp(za, pa, 32), checks);
	TEE_FreeOperation(da);
	TEE_FreeOperation(db);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

TEE_Result keygen_run(uint32_t *checks)
{
	bool ok = rsa_keys(checks);

	ok &= ecc_keys(checks);
	ok &= dh_keys(checks);
	ok &= dh_keys_no_limit(checks);
	ok &= dsa_keys(checks);
	ok &= ed25519_keys(checks);
	ok &= x25519_keys(checks);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}
