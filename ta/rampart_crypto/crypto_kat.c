// SPDX-License-Identifier: BSD-2-Clause
/*
 * Known-answer tests through the GP API: every vector of a family in one call, in odd-sized
 * parts (split points that cross block boundaries), and continued through a TEE_CopyOperation
 * copy made half way. MACs are also checked with TEE_MACCompareFinal, right and wrong; AES-CTS
 * vectors also fed byte by byte (crypto_kat_cts.c).
 */
#include <rampart_crypto_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "crypto_ta.h"
#include "kat_vectors.h"

#define NVECTORS (sizeof(kat_vectors) / sizeof(kat_vectors[0]))

/* Odd part sizes, cycled: 1, 3, 7, 13, 17, 31, 5. */
size_t part(unsigned int i)
{
	static const uint8_t sizes[] = {1, 3, 7, 13, 17, 31, 5};

	return sizes[i % sizeof(sizes)];
}

static bool digest_vector(const struct kat *v, uint32_t *checks)
{
	TEE_OperationHandle op, copy;
	TEE_OperationInfo info;
	uint8_t md[64], md2[64];
	size_t len = sizeof(md), len2 = sizeof(md2), off = 0, off2 = 0;
	bool ok = true;
	unsigned int i = 0;

	if (TEE_AllocateOperation(&op, v->alg, TEE_MODE_DIGEST, 0) != TEE_SUCCESS)
		return check(false, "TEE_AllocateOperation(digest)", __LINE__, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.digestLength == v->out_len && info.operationClass == TEE_OPERATION_DIGEST,
		    checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, v->in, v->in_len, md, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == v->out_len && !memcmp(md, v->out, len), checks);
	/* In parts; a copy taken half way finishes the same. */
	if (TEE_AllocateOperation(&copy, v->alg, TEE_MODE_DIGEST, 0) != TEE_SUCCESS) {
		TEE_FreeOperation(op);
		return check(false, "TEE_AllocateOperation(copy)", __LINE__, checks);
	}
	while (v->in_len - off > part(i)) {
		TEE_DigestUpdate(op, v->in + off, part(i));
		off += part(i++);
		if (off <= v->in_len / 2) {
			TEE_CopyOperation(copy, op);
			off2 = off;
		}
	}
	len = sizeof(md);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, v->in + off, v->in_len - off, md, &len), TEE_SUCCESS,
			checks);
	ok &= CHECK(len == v->out_len && !memcmp(md, v->out, len), checks);
	/* The copy (or, never taken, the fresh operation) from where it was taken, in one call. */
	ok &= CHECK_RES(TEE_DigestDoFinal(copy, v->in + off2, v->in_len - off2, md2, &len2),
			TEE_SUCCESS, checks);
	ok &= CHECK(len2 == v->out_len && !memcmp(md2, v->out, len2), checks);
	TEE_FreeOperation(op);
	TEE_FreeOperation(copy);
	return ok;
}

/* A MAC or cipher operation with the vector's key set (the key object freed at once: the
 * operation keeps its own copy, GP 6.2.6). */
uint32_t kat_key_bits(const struct kat *v)
{
	/* AES-XTS: the vector's key is two keys side by side, and maxKeySize counts both */
	return v->key_len * 8;
}

TEE_OperationHandle keyed_op(const struct kat *v, uint32_t mode)
{
	TEE_OperationHandle op;
	TEE_ObjectHandle key, key2 = TEE_HANDLE_NULL;
	uint32_t half = v->key_len / 2;

	if (TEE_AllocateOperation(&op, v->alg, mode, kat_key_bits(v)) != TEE_SUCCESS)
		return TEE_HANDLE_NULL;
	if (v->alg == TEE_ALG_AES_XTS) {
		key = make_key(v->key_type, v->key, half);
		key2 = make_key(v->key_type, v->key + half, half);
	} else {
		key = make_key(v->key_type, v->key, v->key_len);
	}
	if (key == TEE_HANDLE_NULL || (v->alg == TEE_ALG_AES_XTS && key2 == TEE_HANDLE_NULL)) {
		TEE_FreeTransientObject(key);
		TEE_FreeTransientObject(key2);
		TEE_FreeOperation(op);
		return TEE_HANDLE_NULL;
	}
	if (v->alg == TEE_ALG_AES_XTS)
		TEE_SetOperationKey2(op, key, key2);
	else
		TEE_SetOperationKey(op, key);
	TEE_FreeTransientObject(key);
	TEE_FreeTransientObject(key2);
	return op;
}

static bool mac_vector(const struct kat *v, uint32_t *checks)
{
	TEE_OperationHandle op = keyed_op(v, TEE_MODE_MAC), copy;
	uint8_t mac[64], wrong[64];
	size_t len = sizeof(mac), off = 0, off2 = 0;
	unsigned int i = 0;
	bool ok = true;

	if (op == TEE_HANDLE_NULL)
		return check(false, "MAC operation with the vector's key", __LINE__, checks);
	TEE_MACInit(op, NULL, 0);
	ok &= CHECK_RES(TEE_MACComputeFinal(op, v->in, v->in_len, mac, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == v->out_len && !memcmp(mac, v->out, len), checks);
	TEE_MACInit(op, NULL, 0);
	ok &= CHECK_RES(TEE_MACCompareFinal(op, v->in, v->in_len, v->out, v->out_len), TEE_SUCCESS,
			checks);
	memcpy(wrong, v->out, v->out_len);
	wrong[v->out_len - 1] ^= 0x01;
	TEE_MACInit(op, NULL, 0);
	ok &= CHECK_RES(TEE_MACCompareFinal(op, v->in, v->in_len, wrong, v->out_len),
			TEE_ERROR_MAC_INVALID, checks);
	/* In parts, the copy half way. */
	if (TEE_AllocateOperation(&copy, v->alg, TEE_MODE_MAC, v->key_len * 8) != TEE_SUCCESS) {
		TEE_FreeOperation(op);
		return check(false, "TEE_AllocateOperation(copy)", __LINE__, checks);
	}
	TEE_MACInit(op, NULL, 0);
	TEE_CopyOperation(copy, op); /* the key and the started MAC */
	while (v->in_len - off > part(i)) {
		TEE_MACUpdate(op, v->in + off, part(i));
		off += part(i++);
		if (off <= v->in_len / 2) {
			TEE_CopyOperation(copy, op);
			off2 = off;
		}
	}
	len = sizeof(mac);
	ok &= CHECK_RES(TEE_MACComputeFinal(op, v->in + off, v->in_len - off, mac, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == v->out_len && !memcmp(mac, v->out, len), checks);
	ok &=
	    CHECK_RES(TEE_MACCompareFinal(copy, v->in + off2, v->in_len - off2, v->out, v->out_len),
		      TEE_SUCCESS, checks);
	TEE_FreeOperation(op);
	TEE_FreeOperation(copy);
	return ok;
}

static bool cipher_vector(const struct kat *v, uint32_t *checks)
{
	uint32_t mode = v->decrypt ? TEE_MODE_DECRYPT : TEE_MODE_ENCRYPT;
	TEE_OperationHandle op = keyed_op(v, mode), copy;
	uint8_t *out = TEE_Malloc(2 * v->in_len + 16, TEE_MALLOC_FILL_ZERO);
	uint8_t *out2 = out + v->in_len;
	size_t len = v->in_len, done = 0, done2 = 0, off = 0, off2 = 0;
	unsigned int i = 0;
	bool ok = true;

	if (op == TEE_HANDLE_NULL || !out) {
		TEE_FreeOperation(op);
		TEE_Free(out);
		return check(false, "cipher operation with the vector's key", __LINE__, checks);
	}
	TEE_CipherInit(op, v->iv, v->iv_len);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, v->in, v->in_len, out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == v->out_len && !memcmp(out, v->out, len), checks);
	/* In parts: outputs come a block at a time (CTR: at once); a copy half way. */
	TEE_MemFill(out, 0, v->in_len);
	if (TEE_AllocateOperation(&copy, v->alg, mode, kat_key_bits(v)) != TEE_SUCCESS) {
		TEE_FreeOperation(op);
		TEE_Free(out);
		return check(false, "TEE_AllocateOperation(copy)", __LINE__, checks);
	}
	TEE_CipherInit(op, v->iv, v->iv_len);
	TEE_CopyOperation(copy, op); /* the key and the initialized state */
	while (ok && v->in_len - off > part(i)) {
		len = v->in_len - done;
		ok &= CHECK_RES(TEE_CipherUpdate(op, v->in + off, part(i), out + done, &len),
				TEE_SUCCESS, checks);
		done += len;
		off += part(i++);
		if (off <= v->in_len / 2) {
			TEE_CopyOperation(copy, op);
			done2 = done;
			off2 = off;
		}
	}
	/* The copy goes on from where it was taken: the rest of the input in one call. */
	TEE_MemMove(out2, out, done2);
	len = v->in_len - done;
	ok &= CHECK_RES(TEE_CipherDoFinal(op, v->in + off, v->in_len - off, out + done, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(done + len == v->out_len && !memcmp(out, v->out, v->out_len), checks);
	len = v->in_len - done2;
	ok &= CHECK_RES(TEE_CipherDoFinal(copy, v->in + off2, v->in_len - off2, out2 + done2, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(done2 + len == v->out_len && !memcmp(out2, v->out, v->out_len), checks);
	TEE_FreeOperation(op);
	TEE_FreeOperation(copy);
	TEE_Free(out);
	return ok;
}

TEE_Result kat_run(uint32_t family, uint32_t *vectors, uint32_t *checks)
{
	uint32_t failed = 0;

	if (family >= KAT_FAMILIES)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t n = 0; n < NVECTORS; n++) {
		const struct kat *v = &kat_vectors[n];
		bool ok;

		if (v->family != family)
			continue;
		if (family == KAT_DIGEST)
			ok = digest_vector(v, checks);
		else if (family == KAT_CIPHER || (family == KAT_DES && v->alg >> 28 == 1))
			ok = cipher_vector(v, checks);
		else if (family == KAT_AE)
			ok = ae_vector(v, checks);
		else
			ok = mac_vector(v, checks);
		if (v->alg == TEE_ALG_AES_CTS)
			ok &= cts_vector(v, checks);
		if (!ok) {
			EMSG("vector %zu (algorithm 0x%08x, %s) failed", n, v->alg, v->src);
			failed++;
		}
		(*vectors)++;
	}
	return failed ? TEE_ERROR_GENERIC : TEE_SUCCESS;
}
