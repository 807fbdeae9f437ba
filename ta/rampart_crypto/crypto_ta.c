// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP crypto test TA (ta/include/rampart_crypto_ta.h): known-answer tests and failure paths
 * of the GP Cryptographic Operations API, run inside the TA, and the figures of tee-test --bench.
 */
#include <rampart_crypto_ta.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "crypto_ta.h"

bool check(bool ok, const char *what, int line, uint32_t *checks)
{
	(*checks)++;
	if (!ok)
		EMSG("check failed at line %d: %s", line, what);
	return ok;
}

TEE_ObjectHandle make_key(uint32_t type, const void *key, size_t len)
{
	TEE_ObjectHandle o;
	TEE_Attribute attr;

	if (TEE_AllocateTransientObject(type, len * 8, &o) != TEE_SUCCESS)
		return TEE_HANDLE_NULL;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, len);
	if (TEE_PopulateTransientObject(o, &attr, 1) != TEE_SUCCESS) {
		TEE_FreeTransientObject(o);
		return TEE_HANDLE_NULL;
	}
	return o;
}

/* Throughput: the whole buffer through one operation, as a TA would (tee-test --bench). */
static TEE_Result bench(uint32_t which, void *buf, size_t len)
{
	static const uint8_t key[16] = "rampart-bench-k";
	static const uint8_t iv[16] = "rampart-bench-iv";
	TEE_OperationHandle op;
	TEE_ObjectHandle k;
	TEE_Result res;
	size_t out = len;

	if (which == CRYPTO_BENCH_SHA256) {
		uint8_t md[32];
		size_t md_len = sizeof(md);

		res = TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0);
		if (res != TEE_SUCCESS)
			return res;
		res = TEE_DigestDoFinal(op, buf, len, md, &md_len);
		TEE_FreeOperation(op);
		if (res == TEE_SUCCESS && len >= sizeof(md))
			TEE_MemMove(buf, md, sizeof(md));
		return res;
	}
	if ((which != CRYPTO_BENCH_AES128_CBC && which != CRYPTO_BENCH_AES128_GCM) || len % 16)
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_AllocateOperation(
	    &op, which == CRYPTO_BENCH_AES128_GCM ? TEE_ALG_AES_GCM : TEE_ALG_AES_CBC_NOPAD,
	    TEE_MODE_ENCRYPT, 128);
	if (res != TEE_SUCCESS)
		return res;
	k = make_key(TEE_TYPE_AES, key, sizeof(key));
	if (k == TEE_HANDLE_NULL) {
		TEE_FreeOperation(op);
		return TEE_ERROR_GENERIC;
	}
	TEE_SetOperationKey(op, k);
	TEE_FreeTransientObject(k);
	if (which == CRYPTO_BENCH_AES128_GCM) {
		uint8_t tag[16];
		size_t tag_len = sizeof(tag);

		/* a 96-bit nonce, 16 bytes of AAD, a 128-bit tag: TLS's shape */
		res = TEE_AEInit(op, iv, 12, 128, 16, len);
		if (res == TEE_SUCCESS) {
			TEE_AEUpdateAAD(op, key, 16);
			res = TEE_AEEncryptFinal(op, buf, len, buf, &out, tag, &tag_len);
		}
	} else {
		TEE_CipherInit(op, iv, sizeof(iv));
		res = TEE_CipherDoFinal(op, buf, len, buf, &out);
	}
	TEE_FreeOperation(op);
	return res;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	*session = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

#define TYPES(a, b) TEE_PARAM_TYPES(a, b, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE)

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	uint32_t checks = 0, vectors = 0;
	TEE_Result res;

	switch (command) {
	case CRYPTO_CMD_KAT:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_VALUE_OUTPUT))
			return TEE_ERROR_BAD_PARAMETERS;
		res = kat_run(params[0].value.a, &vectors, &checks);
		params[1].value.a = vectors;
		params[1].value.b = checks;
		return res;
	case CRYPTO_CMD_ERRORS:
	case CRYPTO_CMD_KEYS:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		res = command == CRYPTO_CMD_ERRORS ? errors_run(&checks) : keys_run(&checks);
		params[0].value.a = checks;
		params[0].value.b = 0;
		return res;
	case CRYPTO_CMD_PANIC:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		panic_run(params[0].value.a);
		/* still alive: the trusted OS did not panic the TA where GP says it must */
		return TEE_ERROR_GENERIC;
	case CRYPTO_CMD_BENCH:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_MEMREF_INOUT))
			return TEE_ERROR_BAD_PARAMETERS;
		return bench(params[0].value.a, params[1].memref.buffer, params[1].memref.size);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
