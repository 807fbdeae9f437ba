// SPDX-License-Identifier: BSD-2-Clause
/* Every copy of this TA is spoiled before it ships: if it ever runs, that is the failure. */
#include <tee_internal_api.h>

TEE_Result TA_CreateEntryPoint(void)
{
	TEE_Panic(0xbad);
	return TEE_ERROR_GENERIC;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **session)
{
	return TEE_ERROR_GENERIC;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types,
				      TEE_Param params[4])
{
	return TEE_ERROR_GENERIC;
}
