// SPDX-License-Identifier: BSD-2-Clause
/* Test TA commands on how deep TA-to-TA calls may nest (ta/include/rampart_test_ta.h). */
#include <rampart_test_ta.h>
#include <trace.h>

#include "test_ta.h"

/*
 * TEST_CMD_RECURSE: the test TA is multi-instance, so every level is a new instance and nothing
 * but the trusted OS's nesting bound stops the recursion.
 */
TEE_Result test_recurse(uint32_t types, TEE_Param p[4])
{
	const TEE_UUID self = TA_RAMPART_TEST_UUID;
	TEE_TASessionHandle session;
	TEE_Param q[4] = {0};
	uint32_t depth = p[0].value.a;
	uint32_t origin;
	TEE_Result res;

	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&self, TEE_TIMEOUT_INFINITE, PT(NONE, NONE, NONE, NONE), NULL,
				&session, &origin);
	if (res != TEE_SUCCESS) { /* the bound: this level is the deepest */
		p[1].value.a = depth;
		p[1].value.b = res;
		return origin == TEE_ORIGIN_TEE ? TEE_SUCCESS : TEE_ERROR_GENERIC;
	}
	q[0].value.a = depth + 1;
	res = TEE_InvokeTACommand(session, TEE_TIMEOUT_INFINITE, TEST_CMD_RECURSE,
				  PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE), q, &origin);
	TEE_CloseTASession(session);
	if (res != TEE_SUCCESS) {
		EMSG("TEST_CMD_RECURSE at depth %u: 0x%x (origin %u)", depth + 1, res, origin);
		return res;
	}
	p[1].value.a = q[1].value.a;
	p[1].value.b = q[1].value.b;
	return TEE_SUCCESS;
}
