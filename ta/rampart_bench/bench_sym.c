// SPDX-License-Identifier: BSD-2-Clause
/*
 * Throughput figures: SHA-256, AES-128-CBC and AES-128-GCM over the client's buffer. The data
 * stays where the client put it, in shared memory: input read from one buffer, output written
 * to another, one operation for the whole buffer, as a TA encrypting or hashing for its client
 * does (OP-TEE's own aes_perf and sha_perf benchmarks work the same way).
 */
#include <rampart_bench_ta.h>
#include <tee_internal_api.h>

#include "bench_ta.h"

#define AES_BLOCK 16
#define GCM_NONCE 12 /* 96 bits: the length GCM is specified for (NIST SP 800-38D 5.2.1.1) */
#define GCM_TAG	  16
#define GCM_AAD	  16

TEE_Result bench_digest(uint32_t types, TEE_Param params[4])
{
	TEE_OperationHandle op;
	TEE_Result res;
	bench_len_t len;

	if (types != PARAMS(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (params[0].value.a != BENCH_ALG_SHA256)
		return TEE_ERROR_NOT_SUPPORTED;
	res = TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0);
	if (res != TEE_SUCCESS)
		return res;
	len = params[2].memref.size;
	/* GP 6.3.4: SHORT_BUFFER (and the size needed) when the digest does not fit. */
	res = TEE_DigestDoFinal(op, params[1].memref.buffer, params[1].memref.size,
				params[2].memref.buffer, &len);
	params[2].memref.size = len;
	TEE_FreeOperation(op);
	return res;
}

static TEE_Result aes_key(TEE_ObjectHandle *key)
{
	TEE_Attribute attr;
	TEE_Result res;

	res = TEE_AllocateTransientObject(TEE_TYPE_AES, 128, key);
	if (res != TEE_SUCCESS)
		return res;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, BENCH_KEY, 16);
	res = TEE_PopulateTransientObject(*key, &attr, 1);
	if (res != TEE_SUCCESS)
		TEE_FreeTransientObject(*key);
	return res;
}

static TEE_Result gcm_encrypt(TEE_OperationHandle op, TEE_Param params[4], bench_len_t *out_len)
{
	bench_len_t tag_len = params[3].memref.size;
	TEE_Result res;

	if (tag_len < GCM_TAG) {
		params[3].memref.size = GCM_TAG;
		return TEE_ERROR_SHORT_BUFFER;
	}
	res = TEE_AEInit(op, BENCH_IV, GCM_NONCE, GCM_TAG * 8, GCM_AAD, params[1].memref.size);
	if (res != TEE_SUCCESS)
		return res;
	TEE_AEUpdateAAD(op, BENCH_IV, GCM_AAD);
	res =
	    TEE_AEEncryptFinal(op, params[1].memref.buffer, params[1].memref.size,
			       params[2].memref.buffer, out_len, params[3].memref.buffer, &tag_len);
	params[3].memref.size = tag_len;
	return res;
}

TEE_Result bench_cipher(uint32_t types, TEE_Param params[4])
{
	uint32_t alg = params[0].value.a;
	TEE_OperationHandle op;
	TEE_ObjectHandle key;
	TEE_Result res;
	bench_len_t out_len;

	if (alg == BENCH_ALG_AES128_CBC) {
		if (types != PARAMS(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
	} else if (alg == BENCH_ALG_AES128_GCM) {
		if (types != PARAMS(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT, MEMREF_OUTPUT))
			return TEE_ERROR_BAD_PARAMETERS;
	} else {
		return TEE_ERROR_NOT_SUPPORTED;
	}
	/* CBC without padding takes whole blocks only (GP 6.4.3: a partial one panics the TA). */
	if (params[1].memref.size % AES_BLOCK)
		return TEE_ERROR_BAD_PARAMETERS;
	if (params[2].memref.size < params[1].memref.size) {
		params[2].memref.size = params[1].memref.size;
		return TEE_ERROR_SHORT_BUFFER;
	}
	res = TEE_AllocateOperation(
	    &op, alg == BENCH_ALG_AES128_GCM ? TEE_ALG_AES_GCM : TEE_ALG_AES_CBC_NOPAD,
	    TEE_MODE_ENCRYPT, 128);
	if (res != TEE_SUCCESS)
		return res;
	res = aes_key(&key);
	if (res != TEE_SUCCESS)
		goto out;
	res = TEE_SetOperationKey(op, key);
	TEE_FreeTransientObject(key);
	if (res != TEE_SUCCESS)
		goto out;
	out_len = params[2].memref.size;
	if (alg == BENCH_ALG_AES128_GCM) {
		res = gcm_encrypt(op, params, &out_len);
	} else {
		TEE_CipherInit(op, BENCH_IV, AES_BLOCK);
		res = TEE_CipherDoFinal(op, params[1].memref.buffer, params[1].memref.size,
					params[2].memref.buffer, &out_len);
	}
	if (res == TEE_SUCCESS)
		params[2].memref.size = out_len;
out:
	TEE_FreeOperation(op);
	return res;
}
