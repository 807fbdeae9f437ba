// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP Internal Core API as a TA sees it, checked from outside through the test TA's
 * commands: the TA heap functions, properties, time, TEE_Wait, TEE_GenerateRandom and
 * TEE_CheckMemoryAccessRights (GP TEE Internal Core API v1.1, chapters 4, 7).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

/* Opens the test TA, runs one command with the given parameter types, returns its result. */
static bool one_call(TEEC_Context *ctx, uint32_t cmd, TEEC_Operation *op, const char *what)
{
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	res = TEEC_InvokeCommand(&s, cmd, op, &origin);
	TEEC_CloseSession(&s);
	return expect_res(what, res, origin, TEEC_SUCCESS);
}

bool case_ta_heap(TEEC_Context *ctx)
{
	/* The test TA has a 64 KiB heap (TA_DATA_SIZE); the round trip holds about 3x the size. */
	static const uint32_t sizes[] = {1, 4096, 12000};
	TEEC_Operation op;
	char what[64];
	size_t i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = sizes[i];
		snprintf(what, sizeof(what), "HEAP with %u bytes", sizes[i]);
		if (!one_call(ctx, TEST_CMD_HEAP, &op, what))
			return false;
		if (op.params[1].value.a != 1)
			return fail("HEAP with %u bytes: the TA's malloc/realloc/fill/compare/free "
				    "checks did not hold",
				    sizes[i]);
	}
	return true;
}

bool case_ta_properties(TEEC_Context *ctx)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = op.params[0].value.b = 0xdeadbeef;
	if (!one_call(ctx, TEST_CMD_PROPS, &op, "PROPS"))
		return false;
	if (op.params[0].value.a != TEEC_LOGIN_PUBLIC)
		return fail("PROPS: the TA sees client login 0x%x, expected public (0)",
			    op.params[0].value.a);
	if (op.params[0].value.b != 1)
		return fail("PROPS: gpd.ta.appID or the implementation properties are wrong");
	return true;
}

/* System time advances across a wait; REE time is Linux's wall clock. */
bool case_ta_time(TEEC_Context *ctx)
{
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0, sys1_ms, sys2_ms;
	uint64_t t1, t2;
	TEEC_Result res;
	time_t linux_now;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&s, TEST_CMD_TIME, &op, &origin);
	linux_now = time(NULL);
	if (!expect_res("TIME", res, origin, TEEC_SUCCESS))
		goto out;
	sys1_ms = op.params[0].value.b;
	t1 = (uint64_t)op.params[0].value.a * 1000 + sys1_ms;
	if (sys1_ms >= 1000 || op.params[1].value.b >= 1000) {
		fail("TIME: milliseconds out of range (%u, %u)", sys1_ms, op.params[1].value.b);
		goto out;
	}
	if ((int64_t)op.params[1].value.a < (int64_t)linux_now - 2 ||
	    (int64_t)op.params[1].value.a > (int64_t)linux_now + 2) {
		fail("TIME: REE time %u s, Linux says %lld s", op.params[1].value.a,
		     (long long)linux_now);
		goto out;
	}
	usleep(200 * 1000);
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&s, TEST_CMD_TIME, &op, &origin);
	if (!expect_res("TIME again", res, origin, TEEC_SUCCESS))
		goto out;
	sys2_ms = op.params[0].value.b;
	t2 = (uint64_t)op.params[0].value.a * 1000 + sys2_ms;
	if (t2 < t1 + 190) {
		fail("TIME: system time went from %llu ms to %llu ms across a 200 ms sleep",
		     (unsigned long long)t1, (unsigned long long)t2);
		goto out;
	}
	ok = true;
out:
	TEEC_CloseSession(&s);
	return ok;
}

/* TEE_Wait(ms) waits at least that long (GP Internal Core API 7.2.3). */
bool case_ta_wait(TEEC_Context *ctx)
{
	TEEC_Operation op;
	double start, ms;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 300;
	start = now_ms();
	if (!one_call(ctx, TEST_CMD_WAIT, &op, "WAIT 300 ms"))
		return false;
	ms = now_ms() - start;
	if (ms < 300)
		return fail("WAIT 300 ms returned after %.0f ms", ms);
	return true;
}

int wait_call(TEEC_Context *ctx, unsigned int ms)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = ms;
	printf("tee-test: waiting %u ms in the TA\n", ms);
	return one_call(ctx, TEST_CMD_WAIT, &op, "WAIT") ? 0 : 1;
}

bool case_ta_random(TEEC_Context *ctx)
{
	uint8_t a[64], b[64], zero[64] = {0};
	TEEC_Operation op;
	uint8_t *bufs[2] = {a, b};
	int i;

	for (i = 0; i < 2; i++) {
		memset(bufs[i], 0, sizeof(a));
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		op.params[0].tmpref.buffer = bufs[i];
		op.params[0].tmpref.size = sizeof(a);
		if (!one_call(ctx, TEST_CMD_RANDOM, &op, "RANDOM"))
			return false;
	}
	if (!memcmp(a, zero, sizeof(a)) || !memcmp(b, zero, sizeof(b)))
		return fail("TEE_GenerateRandom left 64 bytes at zero");
	if (!memcmp(a, b, sizeof(a)))
		return fail("TEE_GenerateRandom gave the same 64 bytes twice");
	return true;
}

bool case_ta_access_rights(TEEC_Context *ctx)
{
	uint8_t buf[256];
	TEEC_Operation op;

	memset(buf, 0x42, sizeof(buf));
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = buf;
	op.params[0].tmpref.size = sizeof(buf);
	if (!one_call(ctx, TEST_CMD_ACCESS, &op, "ACCESS"))
		return false;
	if (op.params[1].value.a != 1)
		return fail(
		    "TEE_CheckMemoryAccessRights: a shared buffer refused, the TA's code "
		    "allowed for writing, or secure/non-secure memory misjudged (secure log)");
	return true;
}
