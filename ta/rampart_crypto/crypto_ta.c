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
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
