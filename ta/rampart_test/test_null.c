// SPDX-License-Identifier: BSD-2-Clause
/*
 * Null and zero-size memory references as the TA sees them. GP TEE Internal Core API v1.3.1,
 * 4.3.6.2 (TEE_Param): a memref's buffer may be NULL when its size is 0. As on OP-TEE, a client's
 * NULL temporary memref reaches the TA as NULL and a real buffer of size 0 as an address that
 * is not NULL; the size query idiom (GP TEE Client API 4.5.8: an output memref too small, or
 * null, answered with TEE_ERROR_SHORT_BUFFER and the size needed) works through both.
 */
#include "test_ta.h"
#include <rampart_test_ta.h>

TEE_Result test_null_seen(uint32_t types, TEE_Param p[4])
{
	if (types != PT(MEMREF_INPUT, MEMREF_OUTPUT, VALUE_OUTPUT, VALUE_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	p[2].value.a = (p[0].memref.buffer == NULL) | (p[1].memref.buffer == NULL) << 1;
	p[2].value.b = p[0].memref.size;
	p[3].value.a = p[1].memref.size;
	p[3].value.b = 0;
	return TEE_SUCCESS;
}

TEE_Result test_null_need(uint32_t types, TEE_Param p[4])
{
	uint32_t need, fill;

	if (types != PT(MEMREF_OUTPUT, VALUE_INPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	need = p[1].value.a;
	fill = p[1].value.b;
	if (!p[0].memref.buffer && p[0].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].memref.size < need) {
		p[0].memref.size = need;
		return TEE_ERROR_SHORT_BUFFER;
	}
	TEE_MemFill(p[0].memref.buffer, fill, need);
	p[0].memref.size = need;
	return TEE_SUCCESS;
}
