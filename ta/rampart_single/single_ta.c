// SPDX-License-Identifier: BSD-2-Clause
/*
 * The single TA (ta/include/rampart_test_ta.h): a single instance that is not kept alive, so
 * every last close destroys it and the next open creates a new one. Its canary is set by
 * TA_CreateEntryPoint and cleared by TA_DestroyEntryPoint: an entry that finds it clear ran in
 * an instance after its destruction.
 */
#include <rampart_test_ta.h>
#include <tee_internal_api.h>
#include <trace.h>

#define SINGLE_CANARY	       0x516e6c65
#define SINGLE_DESTROY_WAIT_MS 2

static uint32_t canary;

TEE_Result TA_CreateEntryPoint(void)
{
	canary = SINGLE_CANARY;
	return TEE_SUCCESS;
}

/*
 * Destruction takes a while (TEE_Wait sleeps in the normal world), so opens racing with the last
 * close find the instance while it is being destroyed, not just by rare chance.
 */
void TA_DestroyEntryPoint(void)
{
	TEE_Wait(SINGLE_DESTROY_WAIT_MS);
	canary = 0;
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	if (canary != SINGLE_CANARY) {
		EMSG("session opened in a destroyed instance");
		return TEE_ERROR_BAD_STATE;
	}
	*session = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
	if (canary != SINGLE_CANARY)
		TEE_Panic(TEE_ERROR_BAD_STATE); /* closing in a destroyed instance */
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	if (command != SINGLE_CMD_ADD) {
		EMSG("unknown command %u", command);
		return TEE_ERROR_NOT_SUPPORTED;
	}
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_VALUE_OUTPUT,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	params[1].value.a = params[0].value.a + params[0].value.b;
	params[1].value.b = canary;
	return TEE_SUCCESS;
}
