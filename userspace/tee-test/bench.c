// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee-test --bench: the figures of `make bench` (tests/bench/), measured in the guest:
 *   first-load-ms  the first OpenSession to the test TA after boot (load through tee-supplicant,
 *                  verification, instance creation) plus its close
 *   invoke-us      mean TEEC_InvokeCommand with one value parameter, over INVOKES calls
 *   open-close-ms  mean OpenSession + CloseSession to the test TA, over OPENS rounds
 *   invoke-pta-us  mean TEEC_InvokeCommand of the statistics pseudo-TA: the same path without
 *                  entering a TA at S-EL0, to tell the world switch from the TA's share
 *   invoke-fpu-us  mean TEEC_InvokeCommand of a TA that loads all its FP/SIMD registers at each
 *                  call (ta/rampart_fpu FILL): the lazy FP switch's whole cost, both worlds' share
 *   sha256-mibps, aes128-cbc-mibps, aes128-gcm-mibps  a 1 MiB shared buffer digested /
 *                  encrypted in place by the crypto TA (cases_crypto.c), best of 5
 * Run it on a fresh boot: "first load" only means something before any other session.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_fpu_ta.h>
#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define INVOKES 1000
#define OPENS	50

static int bench_error(const char *what, TEEC_Result res, uint32_t origin)
{
	printf("tee-bench: error %s: 0x%08x (%s), origin %u\n", what, res,
	       res_name(res) ? res_name(res) : "?", origin);
	return 1;
}

int run_bench(TEEC_Context *ctx)
{
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	double t0, first, invoke, open_close, invoke_pta, invoke_fpu;
	int i;

	t0 = now_ms();
	res = try_open(ctx, &s, &test_ta_uuid, &origin);
	if (res != TEEC_SUCCESS)
		return bench_error("first OpenSession", res, origin);
	TEEC_CloseSession(&s);
	first = now_ms() - t0;

	res = try_open(ctx, &s, &test_ta_uuid, &origin);
	if (res != TEEC_SUCCESS)
		return bench_error("OpenSession", res, origin);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	/* One warm-up call, then the measured ones; the result is checked on every call. */
	for (i = -1; i < INVOKES; i++) {
		uint32_t a = op.params[0].value.a;

		if (i == 0)
			t0 = now_ms();
		res = TEEC_InvokeCommand(&s, TEST_CMD_INOUT, &op, &origin);
		if (res != TEEC_SUCCESS || op.params[0].value.a != a + 1) {
			TEEC_CloseSession(&s);
			return bench_error("InvokeCommand(INOUT)", res, origin);
		}
	}
	invoke = (now_ms() - t0) * 1e3 / INVOKES;
	TEEC_CloseSession(&s);

	t0 = now_ms();
	for (i = 0; i < OPENS; i++) {
		res = try_open(ctx, &s, &test_ta_uuid, &origin);
		if (res != TEEC_SUCCESS)
			return bench_error("OpenSession", res, origin);
		TEEC_CloseSession(&s);
	}
	open_close = (now_ms() - t0) / OPENS;

	res = try_open(ctx, &s, &stats_pta_uuid, &origin);
	if (res != TEEC_SUCCESS)
		return bench_error("OpenSession(statistics PTA)", res, origin);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	for (i = -1; i < INVOKES; i++) {
		if (i == 0)
			t0 = now_ms();
		res = TEEC_InvokeCommand(&s, STATS_CMD_MEMORY, &op, &origin);
		if (res != TEEC_SUCCESS) {
			TEEC_CloseSession(&s);
			return bench_error("InvokeCommand(statistics)", res, origin);
		}
	}
	invoke_pta = (now_ms() - t0) * 1e3 / INVOKES;
	TEEC_CloseSession(&s);

	res = try_open(ctx, &s, &fpu_ta_uuid, &origin);
	if (res != TEEC_SUCCESS)
		return bench_error("OpenSession(fpu TA)", res, origin);
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	for (i = -1; i < INVOKES; i++) {
		if (i == 0)
			t0 = now_ms();
		res = TEEC_InvokeCommand(&s, FPU_CMD_FILL, &op, &origin);
		if (res != TEEC_SUCCESS) {
			TEEC_CloseSession(&s);
			return bench_error("InvokeCommand(fpu FILL)", res, origin);
		}
	}
	invoke_fpu = (now_ms() - t0) * 1e3 / INVOKES;
	TEEC_CloseSession(&s);

	printf("tee-bench: first-load-ms %.3f\n", first);
	printf("tee-bench: invoke-us %.3f (mean of %d)\n", invoke, INVOKES);
	printf("tee-bench: open-close-ms %.3f (mean of %d)\n", open_close, OPENS);
	printf("tee-bench: invoke-pta-us %.3f (mean of %d)\n", invoke_pta, INVOKES);
	printf("tee-bench: invoke-fpu-us %.3f (mean of %d)\n", invoke_fpu, INVOKES);
	return crypto_bench(ctx) | asym_bench(ctx);
}
