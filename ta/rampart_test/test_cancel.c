// SPDX-License-Identifier: BSD-2-Clause
/*
 * Test TA commands on cancellation (ta/include/rampart_test_ta.h): the cancellation mask kept
 * for the session, and the cancellationRequestTimeout of a TA-to-TA call (GP TEE Internal Core
 * API v1.3.1 4.9, 4.10).
 */
#include <rampart_test_ta.h>
#include <trace.h>

#include "test_ta.h"

static uint64_t now_ms(void)
{
	TEE_Time t;

	TEE_GetSystemTime(&t);
	return (uint64_t)t.seconds * 1000 + t.millis;
}

TEE_Result test_cancel_mask(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = p[0].value.a ? TEE_MaskCancellation() : TEE_UnmaskCancellation();
	p[1].value.b = TEE_GetCancellationFlag();
	return TEE_SUCCESS;
}

/*
 * TEST_CMD_PEER_WAIT: a new instance of this TA (it is multi-instance) waits; this call gives
 * that TEE_InvokeTACommand the cancellation timeout. The callee's result and origin come back
 * in p2 whatever they are, so the client judges them.
 */
TEE_Result test_peer_wait(uint32_t types, TEE_Param p[4])
{
	const TEE_UUID self = TA_RAMPART_TEST_UUID;
	TEE_TASessionHandle session;
	TEE_Param q[4] = {0};
	uint32_t origin;
	uint64_t start;
	TEE_Result res;

	if (types != PT(VALUE_INPUT, VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&self, TEE_TIMEOUT_INFINITE, PT(NONE, NONE, NONE, NONE), NULL,
				&session, &origin);
	if (res != TEE_SUCCESS)
		return res;
	if (p[1].value.a) {
		q[0].value.a = 0; /* unmask, for the session's later commands too */
		res = TEE_InvokeTACommand(session, TEE_TIMEOUT_INFINITE, TEST_CMD_CANCEL_MASK,
					  PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE), q, &origin);
		if (res != TEE_SUCCESS) {
			EMSG("TEST_CMD_CANCEL_MASK: 0x%x (origin %u)", res, origin);
			TEE_CloseTASession(session);
			return res;
		}
	}
	q[0].value.a = p[0].value.a;
	start = now_ms();
	res = TEE_InvokeTACommand(session, p[0].value.b, TEST_CMD_WAIT,
				  PT(VALUE_INPUT, NONE, NONE, NONE), q, &origin);
	p[3].value.a = (uint32_t)(now_ms() - start);
	p[3].value.b = 0;
	p[2].value.a = res;
	p[2].value.b = origin;
	TEE_CloseTASession(session);
	return TEE_SUCCESS;
}
