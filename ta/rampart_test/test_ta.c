// SPDX-License-Identifier: BSD-2-Clause
/*
 * The test TA (ta/include/rampart_test_ta.h): entry points, command dispatch, and the commands
 * that exercise parameter passing.
 */
#include <rampart_test_ta.h>
#include <string.h>
#include <trace.h>

#include "test_ta.h"

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

static TEE_Result cmd_add(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = p[0].value.a + p[0].value.b;
	p[1].value.b = p[0].value.a - p[0].value.b;
	return TEE_SUCCESS;
}

static TEE_Result cmd_inout(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[0].value.a += 1;
	p[0].value.b += 2;
	return TEE_SUCCESS;
}

static TEE_Result cmd_fill(uint32_t types, TEE_Param p[4])
{
	uint32_t length = p[1].value.b;

	/* A whole registered buffer comes as INOUT when it was registered for both directions. */
	if (types != PT(MEMREF_OUTPUT, VALUE_INPUT, NONE, NONE) &&
	    types != PT(MEMREF_INOUT, VALUE_INPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	/* A null output buffer only asks for the size, whatever size came with it. */
	if ((!p[0].memref.buffer && length) || p[0].memref.size < length) {
		p[0].memref.size = length;
		return TEE_ERROR_SHORT_BUFFER;
	}
	TEE_MemFill(p[0].memref.buffer, p[1].value.a, length);
	p[0].memref.size = length;
	return TEE_SUCCESS;
}

static uint32_t byte_sum(const void *buf, size_t size)
{
	const uint8_t *b = buf;
	uint32_t sum = 0;

	for (size_t i = 0; i < size; i++)
		sum += b[i];
	return sum;
}

static TEE_Result cmd_sum(uint32_t types, TEE_Param p[4])
{
	if (types != PT(MEMREF_INPUT, VALUE_OUTPUT, NONE, NONE) &&
	    types != PT(MEMREF_INOUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!p[0].memref.buffer && p[0].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = byte_sum(p[0].memref.buffer, p[0].memref.size);
	p[1].value.b = p[0].memref.size;
	return TEE_SUCCESS;
}

static TEE_Result cmd_reverse(uint32_t types, TEE_Param p[4])
{
	uint8_t *b = p[0].memref.buffer;
	size_t n = p[0].memref.size;

	if (types != PT(MEMREF_INOUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!b && n)
		return TEE_ERROR_BAD_PARAMETERS;
	for (size_t i = 0; i < n / 2; i++) {
		uint8_t t = b[i];

		b[i] = b[n - 1 - i];
		b[n - 1 - i] = t;
	}
	return TEE_SUCCESS;
}

static TEE_Result cmd_all_types(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INPUT, VALUE_INOUT, MEMREF_INPUT, MEMREF_OUTPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!p[2].memref.buffer && p[2].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = p[0].value.a + byte_sum(p[2].memref.buffer, p[2].memref.size);
	if ((!p[3].memref.buffer && p[2].memref.size) || p[3].memref.size < p[2].memref.size) {
		p[3].memref.size = p[2].memref.size;
		return TEE_ERROR_SHORT_BUFFER;
	}
	TEE_MemMove(p[3].memref.buffer, p[2].memref.buffer, p[2].memref.size);
	p[3].memref.size = p[2].memref.size;
	return TEE_SUCCESS;
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t command, uint32_t types,
				      TEE_Param params[4])
{
	switch (command) {
	case TEST_CMD_ADD:
		return cmd_add(types, params);
	case TEST_CMD_INOUT:
		return cmd_inout(types, params);
	case TEST_CMD_FILL:
		return cmd_fill(types, params);
	case TEST_CMD_SUM:
		return cmd_sum(types, params);
	case TEST_CMD_REVERSE:
		return cmd_reverse(types, params);
	case TEST_CMD_ALL_TYPES:
		return cmd_all_types(types, params);
	case TEST_CMD_PANIC:
		TEE_Panic(0xdead);
	case TEST_CMD_TOUCH:
		return test_touch(types, params);
	case TEST_CMD_PEER_ADD:
		return test_peer_add(types, params);
	case TEST_CMD_WAIT:
		return test_wait(types, params);
	case TEST_CMD_RANDOM:
		return test_random(types, params);
	case TEST_CMD_TIME:
		return test_time(types, params);
	case TEST_CMD_HEAP:
		return test_heap(types, params);
	case TEST_CMD_PROPS:
		return test_props(types, params);
	case TEST_CMD_ACCESS:
		return test_access(types, params);
	case TEST_CMD_BUSY_CANCEL:
		return test_busy_cancel(types, params);
	case TEST_CMD_TPIDR_SWAP:
		return test_tpidr_swap(types, params);
	case TEST_CMD_TPIDR_NESTED:
		return test_tpidr_nested(types, params);
	case TEST_CMD_TPIDR_WAIT:
		return test_tpidr_wait(types, params);
	case TEST_CMD_RECURSE:
		return test_recurse(types, params);
	case TEST_CMD_CANCEL_MASK:
		return test_cancel_mask(types, params);
	case TEST_CMD_PEER_WAIT:
		return test_peer_wait(types, params);
	case TEST_CMD_NULL_SEEN:
		return test_null_seen(types, params);
	case TEST_CMD_NULL_NEED:
		return test_null_need(types, params);
	default:
		EMSG("unknown command %u", command);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
