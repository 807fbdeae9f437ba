// SPDX-License-Identifier: BSD-2-Clause
/* The C library test TA: the GP entry points and the panics (rampart_libc_ta.h). */
#include <assert.h>
#include <rampart_libc_ta.h>
#include <stdlib.h>
#include <tee_internal_api.h>

#include "libc_ta.h"

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param p[4], void **session)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

/* Each one ends the instance (GP 2.3.3: the client sees TEE_ERROR_TARGET_DEAD). */
static TEE_Result panic(uint32_t types, TEE_Param p[4])
{
	static int not_from_malloc[4];
	volatile uint32_t which;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	which = p[0].value.a;
	switch (which) {
	case LIBC_PANIC_ASSERT:
		assert(which != LIBC_PANIC_ASSERT);
		break;
	case LIBC_PANIC_ABORT:
		abort();
	case LIBC_PANIC_EXIT:
		exit(3);
	case LIBC_PANIC_FREE:
		free(not_from_malloc);
		break;
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
	return TEE_SUCCESS; /* the panic did not happen: the client reports it */
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	switch (cmd) {
	case LIBC_CMD_FORMAT:
		return libc_format(types, p);
	case LIBC_CMD_PRINT:
		return libc_print(types, p);
	case LIBC_CMD_HEAP:
		return libc_heap(types, p);
	case LIBC_CMD_STDLIB:
		return libc_stdlib(types, p);
	case LIBC_CMD_PANIC:
		return panic(types, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
