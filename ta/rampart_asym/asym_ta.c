// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP asymmetric crypto test TA (ta/include/rampart_asym_ta.h): known answers and failure
 * paths of RSA, ECDSA, ECDH, DH and the key-derivation functions, run inside the TA, and the
 * signature rates of tee-test --bench.
 */
#include <rampart_asym_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "asym_ta.h"

bool check(bool ok, const char *what, int line, uint32_t *checks)
{
	(*checks)++;
	if (!ok)
		EMSG("check failed at line %d: %s", line, what);
	return ok;
}

void to_attrs(TEE_Attribute *out, const struct akat_attr *in, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		if (in[i].buf)
			TEE_InitRefAttribute(&out[i], in[i].id, in[i].buf, in[i].len);
		else
			TEE_InitValueAttribute(&out[i], in[i].id, in[i].len, 0);
	}
}

TEE_Result load_key(const struct akat_key *k, TEE_ObjectHandle *out)
{
	TEE_Attribute attrs[8];
	TEE_Result res;

	*out = TEE_HANDLE_NULL;
	res = TEE_AllocateTransientObject(k->type, k->bits, out);
	if (res != TEE_SUCCESS)
		return res;
	to_attrs(attrs, k->a, k->n);
	res = TEE_PopulateTransientObject(*out, attrs, k->n);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(*out);
		*out = TEE_HANDLE_NULL;
	}
	return res;
}

size_t digest_of(uint32_t hash, const void *msg, size_t len, uint8_t digest[64])
{
	TEE_OperationHandle op;
	size_t n = 64;

	if (TEE_AllocateOperation(&op, hash, TEE_MODE_DIGEST, 0) != TEE_SUCCESS)
		return 0;
	if (TEE_DigestDoFinal(op, msg, len, digest, &n) != TEE_SUCCESS)
		n = 0;
	TEE_FreeOperation(op);
	return n;
}

TEE_OperationHandle keyed(uint32_t alg, uint32_t mode, TEE_ObjectHandle key)
{
	TEE_OperationHandle op;
	TEE_ObjectInfo info;

	TEE_GetObjectInfo1(key, &info);
	if (TEE_AllocateOperation(&op, alg, mode, info.objectSize) != TEE_SUCCESS)
		return TEE_HANDLE_NULL;
	if (TEE_SetOperationKey(op, key) != TEE_SUCCESS) {
		TEE_FreeOperation(op);
		return TEE_HANDLE_NULL;
	}
	return op;
}

const struct akat *vector_of(uint32_t family, uint32_t alg)
{
	for (size_t i = 0; i < sizeof(akat_vectors) / sizeof(akat_vectors[0]); i++)
		if (akat_vectors[i].family == family && (!alg || akat_vectors[i].alg == alg))
			return &akat_vectors[i];
	TEE_Panic(TEE_ERROR_ITEM_NOT_FOUND); /* the generated table lacks what the tests need */
}

bool derive(TEE_OperationHandle op, const TEE_Attribute *params, uint32_t n, uint8_t *out,
	    size_t *len)
{
	TEE_ObjectHandle secret;
	bool ok;

	if (TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, 4096, &secret) != TEE_SUCCESS)
		return false;
	TEE_DeriveKey(op, params, n, secret);
	ok = TEE_GetObjectBufferAttribute(secret, TEE_ATTR_SECRET_VALUE, out, len) == TEE_SUCCESS;
	TEE_FreeTransientObject(secret);
	return ok;
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
	case ASYM_CMD_KAT:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_VALUE_OUTPUT))
			return TEE_ERROR_BAD_PARAMETERS;
		res = kat_run(params[0].value.a, &vectors, &checks);
		params[1].value.a = vectors;
		params[1].value.b = checks;
		return res;
	case ASYM_CMD_ERRORS:
	case ASYM_CMD_KEYGEN:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		res = command == ASYM_CMD_ERRORS ? errors_run(&checks) : keygen_run(&checks);
		params[0].value.a = checks;
		params[0].value.b = 0;
		return res;
	case ASYM_CMD_PANIC:
		if (types != TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		panic_run(params[0].value.a);
		/* still alive: the trusted OS did not panic the TA where GP says it must */
		return TEE_ERROR_GENERIC;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
