// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TEE_ERROR_* paths of the GP asymmetric operations (GP TEE Internal Core API v1.3.1 5.5,
 * 6.8, 6.9), from the side of a TA that gets things wrong or is handed forged data, and the calls
 * GP makes a panic (ASYM_CMD_PANIC).
 */
#include <rampart_asym_ta.h>
#include <string.h>
#include <tee_api_defines_extensions.h>

#include "asym_ta.h"

/* The first PKCS#1 v1.5 encryption key (1024 bits, with its CRT values). */
static TEE_ObjectHandle rsa_key(uint32_t *checks)
{
	TEE_ObjectHandle k;

	if (!CHECK_RES(load_key(vector_of(AKAT_RSA_V15_CRYPT, 0)->key, &k), TEE_SUCCESS, checks))
		TEE_Panic(TEE_ERROR_GENERIC);
	return k;
}

static bool rsa_sign_errors(TEE_ObjectHandle key, TEE_ObjectHandle other, uint32_t *checks)
{
	TEE_OperationHandle s = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN, key);
	TEE_OperationHandle v = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_VERIFY, key);
	TEE_OperationHandle vo = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_VERIFY, other);
	TEE_OperationHandle md5 = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_MD5, TEE_MODE_SIGN, key);
	TEE_OperationHandle md5v = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_MD5, TEE_MODE_VERIFY, key);
	uint8_t digest[64], sig[256];
	size_t len = 10;
	TEE_OperationInfo info;
	bool ok = true;

	memset(digest, 0x5a, sizeof(digest));
	/* GP 6.8.4: SHORT_BUFFER with the modulus's size */
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, 32, sig, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 128, checks);
	/* a digest of another length than the algorithm's: BAD_PARAMETERS */
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, 20, sig, &len),
			TEE_ERROR_BAD_PARAMETERS, checks);
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, 32, sig, &len), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, digest, 32, sig, len), TEE_SUCCESS,
			checks);
	/* the attacker's side: another digest, another key, a cut or lengthened signature */
	digest[0] ^= 1;
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, digest, 32, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	digest[0] ^= 1;
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(vo, NULL, 0, digest, 32, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, digest, 32, sig, len - 1),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, digest, 32, sig, 0),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	/* MD5 (no CAVP vectors): a round trip */
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(md5, NULL, 0, digest, 16, sig, &len), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(md5v, NULL, 0, digest, 16, sig, len),
			TEE_SUCCESS, checks);
	/* GP 6.2.4: the operation's information */
	TEE_GetOperationInfo(s, &info);
	ok &= CHECK(info.operationClass == TEE_OPERATION_ASYMMETRIC_SIGNATURE &&
			info.requiredKeyUsage == TEE_USAGE_SIGN && info.keySize == 1024 &&
			(info.handleState & TEE_HANDLE_FLAG_KEY_SET),
		    checks);
	TEE_FreeOperation(s);
	TEE_FreeOperation(v);
	TEE_FreeOperation(vo);
	TEE_FreeOperation(md5);
	TEE_FreeOperation(md5v);
	return ok;
}

static bool pss_errors(TEE_ObjectHandle key, uint32_t *checks)
{
	TEE_OperationHandle s = keyed(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512, TEE_MODE_SIGN, key);
	TEE_OperationHandle v = keyed(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512, TEE_MODE_VERIFY, key);
	uint8_t digest[64], sig[128];
	TEE_Attribute salt;
	size_t len = sizeof(sig);
	bool ok = true;

	memset(digest, 0xa5, sizeof(digest));
	/* salt 0, and a salt too long for a 1024-bit key with SHA-512 (64 + 64 + 2 > 128) */
	TEE_InitValueAttribute(&salt, TEE_ATTR_RSA_PSS_SALT_LENGTH, 0, 0);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, &salt, 1, digest, 64, sig, &len), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &salt, 1, digest, 64, sig, len), TEE_SUCCESS,
			checks);
	/* the verifier expecting another salt length refuses it */
	TEE_InitValueAttribute(&salt, TEE_ATTR_RSA_PSS_SALT_LENGTH, 20, 0);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &salt, 1, digest, 64, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	TEE_InitValueAttribute(&salt, TEE_ATTR_RSA_PSS_SALT_LENGTH, 64, 0);
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, &salt, 1, digest, 64, sig, &len),
			TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_FreeOperation(s);
	TEE_FreeOperation(v);
	return ok;
}

static bool cipher_errors(TEE_ObjectHandle key, uint32_t *checks)
{
	static const uint8_t msg[] = "a secret for the key's holder";
	static const char label[] = "rampart label";
	TEE_OperationHandle e = keyed(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256, TEE_MODE_ENCRYPT, key);
	TEE_OperationHandle d = keyed(TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256, TEE_MODE_DECRYPT, key);
	TEE_OperationHandle ve = keyed(TEE_ALG_RSAES_PKCS1_V1_5, TEE_MODE_ENCRYPT, key);
	TEE_OperationHandle vd = keyed(TEE_ALG_RSAES_PKCS1_V1_5, TEE_MODE_DECRYPT, key);
	TEE_OperationHandle nd = keyed(TEE_ALG_RSA_NOPAD, TEE_MODE_DECRYPT, key);
	uint8_t c[128], p[128], big[200];
	size_t clen = 127, plen = sizeof(p);
	TEE_Attribute l;
	bool ok = true;

	memset(big, 0xff, sizeof(big));
	/* GP 6.8.1: the room for a whole modulus, or SHORT_BUFFER with it */
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(e, NULL, 0, msg, sizeof(msg), c, &clen),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(clen == 128, checks);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(e, NULL, 0, msg, sizeof(msg), c, &clen), TEE_SUCCESS,
			checks);
	/* GP 6.8.2: SHORT_BUFFER with the plaintext's size */
	plen = 3;
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, c, clen, p, &plen),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(plen == sizeof(msg), checks);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, c, clen, p, &plen), TEE_SUCCESS, checks);
	ok &= CHECK(plen == sizeof(msg) && !memcmp(p, msg, plen), checks);
	/* a forged ciphertext, one of another length, another label: BAD_PARAMETERS */
	c[60] ^= 4;
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, c, clen, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, c, clen - 1, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_InitRefAttribute(&l, TEE_ATTR_RSA_OAEP_LABEL, label, sizeof(label));
	clen = sizeof(c);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(e, &l, 1, msg, sizeof(msg), c, &clen), TEE_SUCCESS,
			checks);
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, NULL, 0, c, clen, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(d, &l, 1, c, clen, p, &plen), TEE_SUCCESS, checks);
	/* a message too long for the padding: BAD_PARAMETERS (OAEP SHA-256: 128 - 66 bytes) */
	clen = sizeof(c);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(e, NULL, 0, big, 63, c, &clen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	clen = sizeof(c);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(ve, NULL, 0, big, 118, c, &clen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	/* PKCS#1 v1.5: the OAEP ciphertext does not decrypt as v1.5 */
	clen = sizeof(c);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(e, NULL, 0, msg, sizeof(msg), c, &clen), TEE_SUCCESS,
			checks);
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(vd, NULL, 0, c, clen, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	/* raw RSA of a number not below the modulus, or longer than it */
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(nd, NULL, 0, big, 128, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	plen = sizeof(p);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(nd, NULL, 0, big, 129, p, &plen),
			TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_FreeOperation(e);
	TEE_FreeOperation(d);
	TEE_FreeOperation(ve);
	TEE_FreeOperation(vd);
	TEE_FreeOperation(nd);
	return ok;
}

/* Attributes: public parts always readable, private ones from extractable objects only, the
 * public half copied out of a pair, and a pair whose parts do not agree refused. */
static bool attr_errors(TEE_ObjectHandle key, uint32_t *checks)
{
	const struct akat_key *k = vector_of(AKAT_RSA_V15_CRYPT, 0)->key;
	TEE_ObjectHandle pub, bad;
	TEE_ObjectInfo info;
	TEE_Attribute attrs[8];
	uint8_t buf[256], d[128];
	size_t len = sizeof(buf);
	bool ok = true;

	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(key, TEE_ATTR_RSA_PRIVATE_EXPONENT, buf, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == k->a[2].len && !memcmp(buf, k->a[2].buf, len), checks);
	memcpy(d, buf, len < sizeof(d) ? len : sizeof(d));
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_RSA_PUBLIC_KEY, 1024, &pub),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_CopyObjectAttributes1(pub, key), TEE_SUCCESS, checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(pub, TEE_ATTR_RSA_PRIVATE_EXPONENT, buf, &len),
			TEE_ERROR_ITEM_NOT_FOUND, checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(pub, TEE_ATTR_RSA_MODULUS, buf, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == 128 && !memcmp(buf, k->a[0].buf, 128), checks);
	/* a non-extractable pair still gives its public parts */
	ok &= CHECK_RES(TEE_RestrictObjectUsage1(key, ~(uint32_t)TEE_USAGE_EXTRACTABLE),
			TEE_SUCCESS, checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(key, TEE_ATTR_RSA_PUBLIC_EXPONENT, buf, &len),
			TEE_SUCCESS, checks);
	TEE_GetObjectInfo1(pub, &info);
	ok &= CHECK(info.objectSize == 1024 && info.objectType == TEE_TYPE_RSA_PUBLIC_KEY, checks);
	TEE_FreeTransientObject(pub);
	/* GP 5.5.4: d that does not belong to n and e: BAD_PARAMETERS, the object still empty */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, 1024, &bad), TEE_SUCCESS,
			checks);
	d[10] ^= 0x40;
	TEE_InitRefAttribute(&attrs[0], TEE_ATTR_RSA_MODULUS, k->a[0].buf, k->a[0].len);
	TEE_InitRefAttribute(&attrs[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, k->a[1].buf, k->a[1].len);
	TEE_InitRefAttribute(&attrs[2], TEE_ATTR_RSA_PRIVATE_EXPONENT, d, k->a[2].len);
	ok &=
	    CHECK_RES(TEE_PopulateTransientObject(bad, attrs, 3), TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_GetObjectInfo1(bad, &info);
	ok &= CHECK(!(info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED), checks);
	/* n, e, d only (GP allows a pair without its CRT values) signs and decrypts too */
	d[10] ^= 0x40;
	ok &= CHECK_RES(TEE_PopulateTransientObject(bad, attrs, 3), TEE_SUCCESS, checks);
	TEE_FreeTransientObject(bad);
	/* a modulus over the object's maximum size is a panic; a size GP does not take is
	 * NOT_SUPPORTED at allocation */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, 8192, &bad),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ECDSA_KEYPAIR, 255, &bad),
			TEE_ERROR_NOT_SUPPORTED, checks);
	return ok;
}

static bool ecc_errors(uint32_t *checks)
{
	const struct akat *v = vector_of(AKAT_ECDH, TEE_ALG_ECDH_P256);
	TEE_OperationHandle op;
	TEE_ObjectHandle k;
	TEE_Attribute attrs[4];
	uint8_t x[32];
	bool ok = true;

	/* a point not on the curve: BAD_PARAMETERS (GP 5.5.4) */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ECDSA_PUBLIC_KEY, 256, &k),
			TEE_SUCCESS, checks);
	memcpy(x, v->key->a[0].buf, 32);
	x[31] ^= 1;
	TEE_InitRefAttribute(&attrs[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, x, 32);
	TEE_InitRefAttribute(&attrs[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, v->key->a[1].buf, 32);
	TEE_InitValueAttribute(&attrs[2], TEE_ATTR_ECC_CURVE, TEE_ECC_CURVE_NIST_P256, 0);
	ok &= CHECK_RES(TEE_PopulateTransientObject(k, attrs, 3), TEE_ERROR_BAD_PARAMETERS, checks);
	/* a curve GP numbers that is not for ECDSA (25519, 0x300, is Ed25519's and X25519's) */
	TEE_InitValueAttribute(&attrs[2], TEE_ATTR_ECC_CURVE, 0x300, 0);
	ok &= CHECK_RES(TEE_PopulateTransientObject(k, attrs, 3), TEE_ERROR_NOT_SUPPORTED, checks);
	TEE_FreeTransientObject(k);
	/* an operation naming P-256 with another size */
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_ECDSA_P256, TEE_MODE_SIGN, 384),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_ECDSA_P256, TEE_MODE_ENCRYPT, 256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	return ok;
}

/* A key of the vector's with one attribute's bytes replaced (the vector's own array kept). */
static TEE_Result load_changed(const struct akat_key *k, uint32_t id, const void *buf, size_t len,
			       uint32_t type, TEE_ObjectHandle *out)
{
	TEE_Attribute attrs[8];
	TEE_Result res;

	res = TEE_AllocateTransientObject(type, k->bits, out);
	if (res != TEE_SUCCESS)
		return res;
	to_attrs(attrs, k->a, k->n);
	for (uint32_t i = 0; i < k->n; i++)
		if (attrs[i].attributeID == id)
			TEE_InitRefAttribute(&attrs[i], id, buf, len);
	res = TEE_PopulateTransientObject(*out, attrs, k->n);
	TEE_FreeTransientObject(*out);
	*out = TEE_HANDLE_NULL;
	return res;
}

/* DSA: sizes GP takes and does not, keys whose parts disagree, short buffers, bad signatures. */
static bool dsa_errors(uint32_t *checks)
{
	const struct akat_key *k = NULL;
	TEE_OperationHandle s, ver, op;
	TEE_ObjectHandle key, obj;
	TEE_ObjectInfo info;
	uint8_t digest[32], sig[64], x[32], one = 1;
	size_t len = 39;
	bool ok = true;

	/* the SHA-1 signing key (L = 1024, N = 160) */
	for (size_t i = 0; i < sizeof(akat_vectors) / sizeof(akat_vectors[0]); i++)
		if (akat_vectors[i].family == AKAT_DSA && akat_vectors[i].alg == TEE_ALG_DSA_SHA1 &&
		    akat_vectors[i].key->type == TEE_TYPE_DSA_KEYPAIR)
			k = akat_vectors[i].key;
	if (!CHECK(k != NULL, checks))
		return false;
	/* GP 1.3.1 Table 5-9 and 6.2.1: sizes of the type, and of each algorithm */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_DSA_KEYPAIR, 1536, &obj),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_DSA_PUBLIC_KEY, 1000, &obj),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA1, TEE_MODE_SIGN, 2048),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA224, TEE_MODE_SIGN, 1024),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA256, TEE_MODE_VERIFY, 1024),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA1, TEE_MODE_ENCRYPT, 1024),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA256, TEE_MODE_SIGN, 3072),
			TEE_SUCCESS, checks);
	TEE_FreeOperation(op);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA1, TEE_MODE_SIGN, 576),
			TEE_SUCCESS, checks);
	TEE_FreeOperation(op);
	/* GP 5.5.4: parts that do not make a key are BAD_PARAMETERS: x not g's exponent for y,
	 * g = 1, a q of another size than L = 1024 takes */
	memcpy(x, k->a[4].buf, k->a[4].len);
	x[k->a[4].len - 1] ^= 1;
	ok &= CHECK_RES(
	    load_changed(k, TEE_ATTR_DSA_PRIVATE_VALUE, x, k->a[4].len, TEE_TYPE_DSA_KEYPAIR, &obj),
	    TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(load_changed(k, TEE_ATTR_DSA_BASE, &one, 1, TEE_TYPE_DSA_KEYPAIR, &obj),
			TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(load_changed(k, TEE_ATTR_DSA_SUBPRIME, x, 28, TEE_TYPE_DSA_KEYPAIR, &obj),
			TEE_ERROR_BAD_PARAMETERS, checks);
	/* a key pair whose x is the vector's: L bits, and SHORT_BUFFER with 2 * N / 8 */
	ok &= CHECK_RES(load_key(k, &key), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	TEE_GetObjectInfo1(key, &info);
	ok &= CHECK(info.objectSize == 1024 && info.objectType == TEE_TYPE_DSA_KEYPAIR, checks);
	s = keyed(TEE_ALG_DSA_SHA1, TEE_MODE_SIGN, key);
	ver = keyed(TEE_ALG_DSA_SHA1, TEE_MODE_VERIFY, key);
	memset(digest, 0x3c, sizeof(digest));
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, 20, sig, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 40, checks);
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, digest, 20, sig, &len), TEE_SUCCESS,
			checks);
	ok &= CHECK(len == 40, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, digest, 20, sig, 40), TEE_SUCCESS,
			checks);
	/* a signature cut short or lengthened, r = 0, another digest: SIGNATURE_INVALID */
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, digest, 20, sig, 39),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, digest, 20, sig, 41),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	digest[19] ^= 1;
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, digest, 20, sig, 40),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	memset(sig, 0, 20);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, NULL, 0, digest, 20, sig, 40),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	TEE_FreeOperation(s);
	TEE_FreeOperation(ver);
	TEE_FreeTransientObject(key);
	return ok;
}

/* Ed25519: the key's two halves must agree; messages longer than any digest are signed whole;
 * Ed25519ph and Ed25519ctx (RFC 8032 5.1) sign differently from pure Ed25519 and from each other,
 * a context over 255 bytes is refused, an empty one is pure Ed25519. */
static bool ed25519_errors(uint32_t *checks)
{
	const struct akat_key *k = vector_of(AKAT_ED25519, 0)->key; /* RFC 8032 TEST 1 */
	static uint8_t msg[8192];
	static const uint8_t long_ctx[256];
	uint8_t sig[64], sig2[64], other[32];
	TEE_OperationHandle s, v, op;
	TEE_ObjectHandle key, pub;
	TEE_Attribute a;
	size_t len = 63;
	bool ok = true;

	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ED25519_KEYPAIR, 255, &key),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_ED25519, TEE_MODE_SIGN, 512),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_ED25519, TEE_MODE_DERIVE, 256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* GP 5.5.4: a public key that is not the private key's, a part not 32 bytes */
	memcpy(other, k->a[0].buf, 32);
	other[5] ^= 0x20;
	ok &= CHECK_RES(load_changed(k, TEE_ATTR_ED25519_PUBLIC_VALUE, other, 32,
				     TEE_TYPE_ED25519_KEYPAIR, &key),
			TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(load_changed(k, TEE_ATTR_ED25519_PRIVATE_VALUE, other, 31,
				     TEE_TYPE_ED25519_KEYPAIR, &key),
			TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(load_key(k, &key), TEE_SUCCESS, checks);
	if (!ok)
		return false;
	s = keyed(TEE_ALG_ED25519, TEE_MODE_SIGN, key);
	v = keyed(TEE_ALG_ED25519, TEE_MODE_VERIFY, key);
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 7);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, msg, sizeof(msg), sig, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 64, checks);
	/* 8 KiB, far over any digest: the whole message is signed and verified */
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, NULL, 0, msg, sizeof(msg), sig, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, sizeof(msg), sig, len),
			TEE_SUCCESS, checks);
	msg[sizeof(msg) - 1] ^= 1;
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, sizeof(msg), sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, sizeof(msg), sig, 63),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	/* Ed25519ph: a signature of its own, which pure Ed25519 does not take */
	TEE_InitValueAttribute(&a, TEE_ATTR_EDDSA_PREHASH, 0, 0);
	len = sizeof(sig);
	ok &=
	    CHECK_RES(TEE_AsymmetricSignDigest(s, &a, 1, msg, 64, sig, &len), TEE_SUCCESS, checks);
	ok &=
	    CHECK_RES(TEE_AsymmetricVerifyDigest(v, &a, 1, msg, 64, sig, len), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, 64, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	/* Ed25519ctx: the context is signed; another one, or none, does not verify */
	TEE_InitRefAttribute(&a, TEE_ATTR_EDDSA_CTX, "foo", 3);
	len = sizeof(sig2);
	ok &=
	    CHECK_RES(TEE_AsymmetricSignDigest(s, &a, 1, msg, 64, sig2, &len), TEE_SUCCESS, checks);
	ok &= CHECK(memcmp(sig, sig2, sizeof(sig)), checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &a, 1, msg, 64, sig2, len), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, 64, sig2, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	TEE_InitRefAttribute(&a, TEE_ATTR_EDDSA_CTX, "fop", 3);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &a, 1, msg, 64, sig2, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	/* RFC 8032 5.1: a context is at most 255 bytes */
	TEE_InitRefAttribute(&a, TEE_ATTR_EDDSA_CTX, long_ctx, sizeof(long_ctx));
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, &a, 1, msg, 64, sig2, &len),
			TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &a, 1, msg, 64, sig2, 64),
			TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_InitRefAttribute(&a, TEE_ATTR_EDDSA_CTX, long_ctx, 255);
	len = sizeof(sig2);
	ok &=
	    CHECK_RES(TEE_AsymmetricSignDigest(s, &a, 1, msg, 64, sig2, &len), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, &a, 1, msg, 64, sig2, len), TEE_SUCCESS,
			checks);
	len = sizeof(sig);
	TEE_InitRefAttribute(&a, TEE_ATTR_EDDSA_CTX, "", 0);
	ok &=
	    CHECK_RES(TEE_AsymmetricSignDigest(s, &a, 1, msg, 64, sig, &len), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, 64, sig, len), TEE_SUCCESS,
			checks);
	/* the public half copied out verifies, and another key's does not */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_ED25519_PUBLIC_KEY, 256, &pub),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_CopyObjectAttributes1(pub, key), TEE_SUCCESS, checks);
	TEE_FreeOperation(v);
	v = keyed(TEE_ALG_ED25519, TEE_MODE_VERIFY, pub);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, 64, sig, len), TEE_SUCCESS,
			checks);
	TEE_FreeOperation(v);
	TEE_FreeTransientObject(pub);
	/* TEST 2's key: the vector after TEST 1 */
	ok &= CHECK_RES(load_key(vector_of(AKAT_ED25519, 0)[1].key, &pub), TEE_SUCCESS, checks);
	v = keyed(TEE_ALG_ED25519, TEE_MODE_VERIFY, pub);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(v, NULL, 0, msg, 64, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
	TEE_FreeOperation(v);
	TEE_FreeTransientObject(pub);
	TEE_FreeOperation(s);
	TEE_FreeTransientObject(key);
	return ok;
}

/* X25519: sizes, and a peer value of the wrong size never reaching the curve (a panic: see
 * ASYM_PANIC_X25519_SHORT_PEER). */
static bool x25519_errors(uint32_t *checks)
{
	TEE_OperationHandle op;
	TEE_ObjectHandle key;
	static const uint8_t part[32] = {9};
	TEE_Attribute attrs[2];
	bool ok = true;

	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_X25519_KEYPAIR, 448, &key),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_X25519, TEE_MODE_DERIVE, 255),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_X25519, TEE_MODE_SIGN, 256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* GP 5.5.4: parts of 32 bytes */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_X25519_KEYPAIR, 256, &key),
			TEE_SUCCESS, checks);
	TEE_InitRefAttribute(&attrs[0], TEE_ATTR_X25519_PUBLIC_VALUE, part, 32);
	TEE_InitRefAttribute(&attrs[1], TEE_ATTR_X25519_PRIVATE_VALUE, part, 31);
	ok &=
	    CHECK_RES(TEE_PopulateTransientObject(key, attrs, 2), TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_InitRefAttribute(&attrs[1], TEE_ATTR_X25519_PRIVATE_VALUE, part, 32);
	ok &= CHECK_RES(TEE_PopulateTransientObject(key, attrs, 2), TEE_SUCCESS, checks);
	TEE_FreeTransientObject(key);
	return ok;
}

/* TEE_IsAlgorithmSupported tells the truth (GP 6.2.9). */
static bool supported(uint32_t *checks)
{
	static const uint32_t algs[] = {TEE_ALG_RSASSA_PKCS1_V1_5_MD5,
					TEE_ALG_RSASSA_PKCS1_V1_5_SHA1,
					TEE_ALG_RSASSA_PKCS1_V1_5_SHA224,
					TEE_ALG_RSASSA_PKCS1_V1_5_SHA256,
					TEE_ALG_RSASSA_PKCS1_V1_5_SHA384,
					TEE_ALG_RSASSA_PKCS1_V1_5_SHA512,
					TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1,
					TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA224,
					TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256,
					TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384,
					TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512,
					TEE_ALG_RSAES_PKCS1_V1_5,
					TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1,
					TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224,
					TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256,
					TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384,
					TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512,
					TEE_ALG_RSA_NOPAD,
					TEE_ALG_DH_DERIVE_SHARED_SECRET,
					TEE_ALG_ECDH_DERIVE_SHARED_SECRET,
					TEE_ALG_ECDSA_SHA1,
					TEE_ALG_ECDSA_SHA512,
					TEE_ALG_HKDF_MD5_DERIVE_KEY,
					TEE_ALG_HKDF_SHA512_DERIVE_KEY,
					TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY,
					TEE_ALG_CONCAT_KDF_SHA512_DERIVE_KEY,
					TEE_ALG_PBKDF2_HMAC_SHA1_DERIVE_KEY,
					TEE_ALG_DSA_SHA1,
					TEE_ALG_DSA_SHA224,
					TEE_ALG_DSA_SHA256,
					TEE_ALG_ED25519,
					TEE_ALG_X25519};
	static const uint32_t curves[] = {TEE_ECC_CURVE_NIST_P192, TEE_ECC_CURVE_NIST_P224,
					  TEE_ECC_CURVE_NIST_P256, TEE_ECC_CURVE_NIST_P384,
					  TEE_ECC_CURVE_NIST_P521};
	static const uint32_t ecdsa[] = {TEE_ALG_ECDSA_P192, TEE_ALG_ECDSA_P224, TEE_ALG_ECDSA_P256,
					 TEE_ALG_ECDSA_P384, TEE_ALG_ECDSA_P521};
	static const uint32_t ecdh[] = {TEE_ALG_ECDH_P192, TEE_ALG_ECDH_P224, TEE_ALG_ECDH_P256,
					TEE_ALG_ECDH_P384, TEE_ALG_ECDH_P521};
	bool ok = true;

	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		ok &= CHECK_RES(TEE_IsAlgorithmSupported(algs[i], TEE_CRYPTO_ELEMENT_NONE),
				TEE_SUCCESS, checks);
	for (size_t i = 0; i < 5; i++) {
		for (size_t j = 0; j < 5; j++) {
			TEE_Result want = i == j ? TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;

			ok &=
			    CHECK_RES(TEE_IsAlgorithmSupported(ecdsa[i], curves[j]), want, checks);
			ok &= CHECK_RES(TEE_IsAlgorithmSupported(ecdh[i], curves[j]), want, checks);
		}
		ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDSA_SHA256, curves[i]),
				TEE_SUCCESS, checks);
	}
	/* Ed25519 and X25519 on their curve (GP 6.10.3), and on no other; 25519 for no other */
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ED25519, TEE_ECC_CURVE_25519), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_X25519, TEE_ECC_CURVE_25519), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_X25519, TEE_ECC_CURVE_NIST_P256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(
	    TEE_IsAlgorithmSupported(TEE_ALG_ECDH_DERIVE_SHARED_SECRET, TEE_ECC_CURVE_25519),
	    TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_DSA_SHA256, TEE_ECC_CURVE_25519),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* a curve for an algorithm that takes none, an unknown curve */
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_RSA_NOPAD, TEE_ECC_CURVE_NIST_P256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_ECDH_DERIVE_SHARED_SECRET, 6),
			TEE_ERROR_NOT_SUPPORTED, checks);
	return ok;
}

TEE_Result errors_run(uint32_t *checks)
{
	TEE_ObjectHandle key = rsa_key(checks);
	/* another 1024-bit key: the first public key of the CAVP verification file */
	const struct akat *other = vector_of(AKAT_RSA_V15_VERIFY, 0);
	TEE_ObjectHandle okey;
	bool ok;

	if (load_key(other->key, &okey) != TEE_SUCCESS)
		return TEE_ERROR_GENERIC;
	ok = rsa_sign_errors(key, okey, checks);
	ok &= pss_errors(key, checks);
	ok &= cipher_errors(key, checks);
	ok &= attr_errors(key, checks);
	ok &= ecc_errors(checks);
	ok &= dsa_errors(checks);
	ok &= ed25519_errors(checks);
	ok &= x25519_errors(checks);
	ok &= supported(checks);
	TEE_FreeTransientObject(key);
	TEE_FreeTransientObject(okey);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

void panic_run(uint32_t which)
{
	const struct akat_key *rk = vector_of(AKAT_RSA_V15_CRYPT, 0)->key;
	const struct akat *ecdh = vector_of(AKAT_ECDH, TEE_ALG_ECDH_P256);
	TEE_ObjectHandle key, pub, obj;
	TEE_OperationHandle op;
	TEE_Attribute attrs[3];
	uint8_t buf[512];
	size_t len = sizeof(buf);
	uint32_t checks = 0;

	switch (which) {
	case ASYM_PANIC_PRIVATE_NOT_EXTRACTABLE:
		key = rsa_key(&checks);
		TEE_RestrictObjectUsage1(key, ~(uint32_t)TEE_USAGE_EXTRACTABLE);
		TEE_GetObjectBufferAttribute(key, TEE_ATTR_RSA_PRIVATE_EXPONENT, buf, &len);
		break;
	case ASYM_PANIC_SIGN_ON_VERIFY:
		key = rsa_key(&checks);
		op = keyed(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_VERIFY, key);
		TEE_AsymmetricSignDigest(op, NULL, 0, buf, 32, buf, &len);
		break;
	case ASYM_PANIC_PUBLIC_KEY_TO_SIGN:
		key = rsa_key(&checks);
		TEE_AllocateTransientObject(TEE_TYPE_RSA_PUBLIC_KEY, 1024, &pub);
		TEE_CopyObjectAttributes1(pub, key);
		TEE_AllocateOperation(&op, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, TEE_MODE_SIGN, 1024);
		TEE_SetOperationKey(op, pub);
		break;
	case ASYM_PANIC_ENCRYPT_ON_SIGNATURE:
		key = rsa_key(&checks);
		op = keyed(TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1, TEE_MODE_SIGN, key);
		TEE_AsymmetricEncrypt(op, NULL, 0, buf, 16, buf, &len);
		break;
	case ASYM_PANIC_ECDH_PEER_OFF_CURVE:
		load_key(ecdh->key, &key);
		op = keyed(TEE_ALG_ECDH_P256, TEE_MODE_DERIVE, key);
		memcpy(buf, ecdh->params[0].buf, 32);
		buf[0] ^= 0x80;
		TEE_InitRefAttribute(&attrs[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, buf, 32);
		TEE_InitRefAttribute(&attrs[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, ecdh->params[1].buf,
				     32);
		derive(op, attrs, 2, buf, &len);
		break;
	case ASYM_PANIC_POPULATE_MISSING:
		TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, 1024, &obj);
		TEE_InitRefAttribute(&attrs[0], TEE_ATTR_RSA_MODULUS, rk->a[0].buf, rk->a[0].len);
		TEE_InitRefAttribute(&attrs[1], TEE_ATTR_RSA_PUBLIC_EXPONENT, rk->a[1].buf,
				     rk->a[1].len);
		TEE_PopulateTransientObject(obj, attrs, 2);
		break;
	case ASYM_PANIC_KEY_OVER_MAX:
		load_key(vector_of(AKAT_ECDSA, TEE_ALG_ECDSA_P384)->key, &key);
		TEE_AllocateOperation(&op, TEE_ALG_ECDSA_P256, TEE_MODE_VERIFY, 256);
		TEE_SetOperationKey(op, key);
		break;
	case ASYM_PANIC_DERIVE_INTO_AES:
		load_key(ecdh->key, &key);
		op = keyed(TEE_ALG_ECDH_P256, TEE_MODE_DERIVE, key);
		TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &obj);
		to_attrs(attrs, ecdh->params, 2);
		TEE_DeriveKey(op, attrs, 2, obj);
		break;
	case ASYM_PANIC_DSA_PUBLIC_TO_SIGN:
		/* the first DSA vector verifies with a public key, L = 1024 */
		load_key(vector_of(AKAT_DSA, TEE_ALG_DSA_SHA1)->key, &pub);
		TEE_AllocateOperation(&op, TEE_ALG_DSA_SHA1, TEE_MODE_SIGN, 1024);
		TEE_SetOperationKey(op, pub);
		break;
	case ASYM_PANIC_ED25519_PUBLIC_TO_SIGN:
		load_key(vector_of(AKAT_ED25519, 0)->key, &key);
		TEE_AllocateTransientObject(TEE_TYPE_ED25519_PUBLIC_KEY, 256, &pub);
		TEE_CopyObjectAttributes1(pub, key);
		TEE_AllocateOperation(&op, TEE_ALG_ED25519, TEE_MODE_SIGN, 256);
		TEE_SetOperationKey(op, pub);
		break;
	case ASYM_PANIC_X25519_SHORT_PEER:
		load_key(vector_of(AKAT_X25519, 0)->key, &key);
		op = keyed(TEE_ALG_X25519, TEE_MODE_DERIVE, key);
		TEE_InitRefAttribute(&attrs[0], TEE_ATTR_X25519_PUBLIC_VALUE, buf, 31);
		derive(op, attrs, 1, buf, &len);
		break;
	}
}
