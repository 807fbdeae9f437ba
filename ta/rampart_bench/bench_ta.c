// SPDX-License-Identifier: BSD-2-Clause
/*
 * The benchmark TA (ta/include/rampart_bench_ta.h): what `tee-test --bench` times on Rampart and,
 * built unchanged against OP-TEE's dev kit, on the reference (docs/benchmarks.md). Entry points
 * and command dispatch (GP TEE Internal Core API 4.3).
 */
#include <rampart_bench_ta.h>
#include <tee_internal_api.h>

#include "bench_ta.h"

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	struct bench_session *s = TEE_Malloc(sizeof(*s), TEE_MALLOC_FILL_ZERO);

	if (!s)
		return TEE_ERROR_OUT_OF_MEMORY;
	s->rsa = TEE_HANDLE_NULL;
	s->ecdsa = TEE_HANDLE_NULL;
	*session = s;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
	bench_asym_free(session);
	TEE_Free(session);
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	switch (command) {
	case BENCH_CMD_INOUT:
		/* The smallest useful call: what the invoke figure times end to end. */
		if (types != PARAMS(VALUE_INOUT, NONE, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		params[0].value.a += 1;
		params[0].value.b += 2;
		return TEE_SUCCESS;
	case BENCH_CMD_FEATURES:
		if (types != PARAMS(VALUE_OUTPUT, NONE, NONE, NONE))
			return TEE_ERROR_BAD_PARAMETERS;
		params[0].value.a = bench_asym_features() | bench_store_features();
		params[0].value.b = 0;
		return TEE_SUCCESS;
	case BENCH_CMD_DIGEST:
		return bench_digest(types, params);
	case BENCH_CMD_CIPHER:
		return bench_cipher(types, params);
	case BENCH_CMD_KEYGEN:
		return bench_keygen(session, types, params);
	case BENCH_CMD_SIGN:
		return bench_sign(session, types, params);
	case BENCH_CMD_VERIFY:
		return bench_verify(session, types, params);
	case BENCH_CMD_STORE_WRITE:
	case BENCH_CMD_STORE_READ:
	case BENCH_CMD_STORE_DELETE:
		return bench_store(command, types, params);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
