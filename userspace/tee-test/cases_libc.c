// SPDX-License-Identifier: BSD-2-Clause
/*
 * ta-libc: the dev kit's C library (picolibc) inside a TA (ta/rampart_libc). snprintf's output
 * against this program's own C library on the same format and values; printf/puts/stderr to
 * the TA log (the nonce printed here is looked for in the secure log by
 * tests/qemu/baremetal.d/ta-libc.sh); malloc and TEE_Malloc on one heap, its exhaustion;
 * stdlib, ctype, inttypes, setjmp, strings; assert, abort, exit and a bad free() each panic
 * the TA. Prints "ta-libc: ..." lines before the verdict.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rampart_libc_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static const char *const panic_names[LIBC_PANICS] = {
    [LIBC_PANIC_ASSERT] = "assert() of a false expression",
    [LIBC_PANIC_ABORT] = "abort()",
    [LIBC_PANIC_EXIT] = "exit()",
    [LIBC_PANIC_FREE] = "free() of a static array"};

static bool format(TEEC_Session *s, uint64_t v64, int32_t v32)
{
	char got[512], want[512];
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
	op.params[0].value.a = v64 >> 32;
	op.params[0].value.b = (uint32_t)v64;
	op.params[1].value.a = (uint32_t)v32;
	op.params[2].tmpref.buffer = got;
	op.params[2].tmpref.size = sizeof(got);
	res = TEEC_InvokeCommand(s, LIBC_CMD_FORMAT, &op, &origin);
	if (!expect_res("LIBC_CMD_FORMAT", res, origin, TEEC_SUCCESS))
		return false;
	snprintf(want, sizeof(want), LIBC_FORMAT(PRIx64, PRIu64, PRId32), v64, v64, v64, v32, v32,
		 v32, "libc", "truncated", 'R', 0xabu, 1234567890123456789UL);
	if (op.params[2].tmpref.size != strlen(want) + 1 || strcmp(got, want))
		return fail("snprintf in the TA gave \"%.*s\" (%zu bytes), expected \"%s\"",
			    (int)sizeof(got), got, op.params[2].tmpref.size, want);
	/* Too small a buffer: the size needed comes back. */
	op.params[2].tmpref.size = 4;
	res = TEEC_InvokeCommand(s, LIBC_CMD_FORMAT, &op, &origin);
	if (!expect_res("LIBC_CMD_FORMAT into 4 bytes", res, origin, TEEC_ERROR_SHORT_BUFFER))
		return false;
	if (op.params[2].tmpref.size != strlen(want) + 1)
		return fail("LIBC_CMD_FORMAT asked for %zu bytes, the text takes %zu",
			    op.params[2].tmpref.size, strlen(want) + 1);
	return true;
}

static bool print(TEEC_Session *s)
{
	TEEC_Operation op;
	uint32_t origin = 0, nonce;
	TEEC_Result res;

	/* A value the secure log cannot hold by chance. */
	nonce = (uint32_t)time(NULL) ^ (uint32_t)getpid() << 16;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = nonce;
	res = TEEC_InvokeCommand(s, LIBC_CMD_PRINT, &op, &origin);
	if (!expect_res("LIBC_CMD_PRINT", res, origin, TEEC_SUCCESS))
		return false;
	printf("ta-libc: printed nonce %u\n", nonce);
	return true;
}

bool case_ta_libc(TEEC_Context *ctx)
{
	TEEC_Session s;
	uint32_t blocks = 0;
	bool ok;

	if (!open_session(ctx, &s, &libc_ta_uuid, "OpenSession(libc TA)"))
		return false;
	ok = format(&s, 0xfedcba9876543210ULL, -123456) && format(&s, 0, INT32_MIN) &&
	     format(&s, UINT64_MAX, INT32_MAX) && print(&s) &&
	     run_ta_checks(&s, LIBC_CMD_HEAP, "ta-libc", "heap", 20, &blocks) &&
	     run_ta_checks(&s, LIBC_CMD_STDLIB, "ta-libc", "stdlib", 1000, NULL);
	if (ok)
		printf("ta-libc: heap ran out after %u blocks of 1 KiB\n", blocks);
	/* The exhausted and refilled heap still serves this instance. */
	ok = ok && run_ta_checks(&s, LIBC_CMD_HEAP, "ta-libc", "heap again", 20, NULL);
	TEEC_CloseSession(&s);
	return ok && expect_panics(ctx, &libc_ta_uuid, LIBC_CMD_PANIC, panic_names, LIBC_PANICS,
				   "ta-libc");
}
