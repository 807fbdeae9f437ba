// SPDX-License-Identifier: BSD-2-Clause
/*
 * Known answers of the GP asymmetric operations and key derivation (asym_vectors.h, from
 * Debian's python3-cryptography-vectors): every vector's key is populated from its attributes,
 * the message hashed with the GP digest, and the answer checked from both sides: a signature
 * made and verified, the file's signature verified, a tampered one refused; a ciphertext
 * decrypted and a fresh encryption decrypted back; a derived secret compared.
 */
#include <string.h>

#include "asym_ta.h"

#define OUT_MAX 1024

static bool sign_vector(const struct akat *v, TEE_ObjectHandle key, const TEE_Attribute *params,
			uint32_t n, const uint8_t *digest, size_t dlen, uint32_t *checks)
{
	TEE_OperationHandle s = keyed(v->alg, TEE_MODE_SIGN, key);
	TEE_OperationHandle ver = keyed(v->alg, TEE_MODE_VERIFY, key);
	uint8_t sig[OUT_MAX];
	size_t len = v->out_len - 1;
	bool ok = CHECK(s != TEE_HANDLE_NULL && ver != TEE_HANDLE_NULL, checks);

	if (!ok)
		goto out;
	/* GP 6.8.4: a buffer one byte short is SHORT_BUFFER with the size needed */
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, params, n, digest, dlen, sig, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == v->out_len, checks);
	len = sizeof(sig);
	ok &= CHECK_RES(TEE_AsymmetricSignDigest(s, params, n, digest, dlen, sig, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == v->out_len, checks);
	/* PKCS#1 v1.5 is deterministic: the file's signature exactly */
	if (v->kind == AKIND_SIGN)
		ok &= CHECK(!memcmp(sig, v->out, v->out_len), checks);
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, params, n, digest, dlen, sig, len),
			TEE_SUCCESS, checks);
	ok &=
	    CHECK_RES(TEE_AsymmetricVerifyDigest(ver, params, n, digest, dlen, v->out, v->out_len),
		      TEE_SUCCESS, checks);
	sig[len / 2] ^= 0x10;
	ok &= CHECK_RES(TEE_AsymmetricVerifyDigest(ver, params, n, digest, dlen, sig, len),
			TEE_ERROR_SIGNATURE_INVALID, checks);
out:
	TEE_FreeOperation(s);
	TEE_FreeOperation(ver);
	return ok;
}

static bool verify_vector(const struct akat *v, TEE_ObjectHandle key, const TEE_Attribute *params,
			  uint32_t n, const uint8_t *digest, size_t dlen, uint32_t *checks)
{
	TEE_OperationHandle ver = keyed(v->alg, TEE_MODE_VERIFY, key);
	bool ok = CHECK(ver != TEE_HANDLE_NULL, checks);

	if (ok)
		ok &= CHECK_RES(
		    TEE_AsymmetricVerifyDigest(ver, params, n, digest, dlen, v->out, v->out_len),
		    v->valid ? TEE_SUCCESS : TEE_ERROR_SIGNATURE_INVALID, checks);
	TEE_FreeOperation(ver);
	return ok;
}

static bool crypt_vector(const struct akat *v, TEE_ObjectHandle key, uint32_t *checks)
{
	TEE_OperationHandle enc = keyed(v->alg, TEE_MODE_ENCRYPT, key);
	TEE_OperationHandle dec = keyed(v->alg, TEE_MODE_DECRYPT, key);
	uint8_t out[OUT_MAX], back[OUT_MAX];
	size_t len = sizeof(out), blen = sizeof(back);
	bool ok = CHECK(enc != TEE_HANDLE_NULL && dec != TEE_HANDLE_NULL, checks);

	if (!ok)
		goto done;
	if (v->kind == AKIND_ENCRYPT) { /* raw RSA: deterministic */
		ok &= CHECK_RES(TEE_AsymmetricEncrypt(enc, NULL, 0, v->msg, v->msg_len, out, &len),
				TEE_SUCCESS, checks);
		ok &= CHECK(len == v->out_len && !memcmp(out, v->out, len), checks);
		goto done;
	}
	/* the file's ciphertext decrypts to its message */
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(dec, NULL, 0, v->out, v->out_len, out, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == v->msg_len && !memcmp(out, v->msg, len), checks);
	/* a fresh encryption of the message decrypts back (randomized but for NOPAD) */
	len = sizeof(out);
	ok &= CHECK_RES(TEE_AsymmetricEncrypt(enc, NULL, 0, v->msg, v->msg_len, out, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AsymmetricDecrypt(dec, NULL, 0, out, len, back, &blen), TEE_SUCCESS,
			checks);
	ok &= CHECK(blen == v->msg_len && !memcmp(back, v->msg, blen), checks);
	if (v->alg != TEE_ALG_RSA_NOPAD)
		ok &= CHECK(len != v->out_len || memcmp(out, v->out, len), checks);
done:
	TEE_FreeOperation(enc);
	TEE_FreeOperation(dec);
	return ok;
}

static bool derive_vector(const struct akat *v, TEE_ObjectHandle key, const TEE_Attribute *params,
			  uint32_t n, uint32_t *checks)
{
	TEE_OperationHandle op = keyed(v->alg, TEE_MODE_DERIVE, key);
	uint8_t out[OUT_MAX];
	size_t len = sizeof(out);
	bool ok = CHECK(op != TEE_HANDLE_NULL, checks);

	if (ok)
		ok &= CHECK(derive(op, params, n, out, &len), checks);
	/* a CAVP "Z changed" vector: the secret computed is not the one the file gives */
	if (ok && v->valid)
		ok &= CHECK(len == v->out_len && !memcmp(out, v->out, len), checks);
	else if (ok)
		ok &= CHECK(len != v->out_len || memcmp(out, v->out, len), checks);
	TEE_FreeOperation(op);
	return ok;
}

static bool run_vector(const struct akat *v, uint32_t *checks)
{
	TEE_Attribute params[4];
	uint8_t digest[64];
	const uint8_t *in = v->msg;
	size_t dlen = v->msg_len;
	TEE_ObjectHandle key;
	TEE_Result res = load_key(v->key, &key);
	bool ok;

	/* a CAVP vector whose public key was changed may not be a key at all: refused as an
	 * incorrect attribute (GP 5.5.4 BAD_PARAMETERS) is a right answer for an invalid one */
	if (res == TEE_ERROR_BAD_PARAMETERS && !v->valid && v->kind == AKIND_VERIFY)
		return CHECK(true, checks);
	if (!CHECK_RES(res, TEE_SUCCESS, checks)) {
		EMSG("key refused (%#x), vector from %s", res, v->src);
		return false;
	}
	to_attrs(params, v->params, v->n_params);
	if (v->hash) {
		dlen = digest_of(v->hash, v->msg, v->msg_len, digest);
		in = digest;
	}
	switch (v->kind) {
	case AKIND_SIGN:
	case AKIND_SIGN_RANDOM:
		ok = sign_vector(v, key, params, v->n_params, in, dlen, checks);
		break;
	case AKIND_VERIFY:
		ok = verify_vector(v, key, params, v->n_params, in, dlen, checks);
		break;
	case AKIND_DERIVE:
		ok = derive_vector(v, key, params, v->n_params, checks);
		break;
	default:
		ok = crypt_vector(v, key, checks);
		break;
	}
	TEE_FreeTransientObject(key);
	if (!ok)
		EMSG("vector from %s", v->src);
	return ok;
}

TEE_Result kat_run(uint32_t family, uint32_t *vectors, uint32_t *checks)
{
	bool ok = true;

	if (family >= AKAT_FAMILIES)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < sizeof(akat_vectors) / sizeof(akat_vectors[0]); i++) {
		if (akat_vectors[i].family != family)
			continue;
		(*vectors)++;
		ok &= run_vector(&akat_vectors[i], checks);
	}
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}
