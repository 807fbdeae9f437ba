// SPDX-License-Identifier: BSD-2-Clause
/*
 * The large TA: proves that a TA file over 1 MiB is read, verified and loaded whole, by reading
 * back every byte of its table (large_table.S) and counting those that hold the pattern.
 */
#include <rampart_test_ta.h>
#include <tee_internal_api.h>

extern const uint8_t large_table[LARGE_TA_TABLE_BYTES];

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

static uint32_t bytes_right(void)
{
	uint32_t right = 0;

	for (uint32_t i = 0; i < LARGE_TA_TABLE_BYTES; i++)
		right += large_table[i] == (i * 7 + 3) % 251;
	return right;
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	if (command != LARGE_CMD_CHECK)
		return TEE_ERROR_NOT_SUPPORTED;
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	params[0].value.a = bytes_right();
	params[0].value.b = LARGE_TA_TABLE_BYTES;
	return TEE_SUCCESS;
}
