// SPDX-License-Identifier: BSD-2-Clause
/* The peer TA (ta/include/rampart_test_ta.h): adds for the test TA, counts across sessions. */
#include <rampart_test_ta.h>
#include <tee_internal_api.h>
#include <trace.h>

/* One instance serves every session (single instance, kept alive): the count is shared. */
static uint32_t counter;

TEE_Result TA_CreateEntryPoint(void)
{
	DMSG("peer TA created");
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	*session = NULL;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

static TEE_Result add(uint32_t types, TEE_Param params[4])
{
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_VALUE_OUTPUT,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	params[1].value.a = params[0].value.a + params[0].value.b;
	params[1].value.b = 0;
	return TEE_SUCCESS;
}

static TEE_Result count(uint32_t types, TEE_Param params[4])
{
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	params[0].value.a = ++counter;
	params[0].value.b = 0;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	switch (command) {
	case PEER_CMD_ADD:
		return add(types, params);
	case PEER_CMD_COUNT:
		return count(types, params);
	default:
		EMSG("unknown command %u", command);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
