// SPDX-License-Identifier: BSD-2-Clause
/*
 * gp-arith: the GP arithmetical API (TEE_BigInt*, GP 8) inside a TA (ta/rampart_arith), on the
 * dev kit's mbedTLS. Known answers computed by the host's Python integers at build time, the
 * error returns, and every call that must panic the TA: each kills its own instance only
 * (TEE_ERROR_TARGET_DEAD, origin TEE). Prints "gp-arith: ..." lines before the verdict.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_arith_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static const char *const panic_names[ARITH_PANICS] = {
    [ARITH_PANIC_DIV_BY_ZERO] = "division by zero",
    [ARITH_PANIC_RESULT_TOO_LARGE] = "product over its destination",
    [ARITH_PANIC_MODULUS_ONE] = "modulus 1",
    [ARITH_PANIC_NOT_INVERTIBLE] = "InvMod without an inverse",
    [ARITH_PANIC_NOT_INITIALISED] = "TEE_BigInt never initialised",
    [ARITH_PANIC_FMM_CONTEXT] = "FMM context of another modulus",
    [ARITH_PANIC_INIT_TOO_LARGE] = "TEE_BigIntInit over the maximum"};

static bool run(TEEC_Session *s, uint32_t cmd, const char *what, uint32_t min_items)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, cmd, &op, &origin);
	if (min_items)
		printf("gp-arith: %s %u numbers %u checks\n", what, op.params[0].value.a,
		       op.params[0].value.b);
	else
		printf("gp-arith: %s %u checks\n", what, op.params[0].value.a);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	if (min_items && op.params[0].value.a < min_items)
		return fail("%s: %u numbers, expected at least %u", what, op.params[0].value.a,
			    min_items);
	return op.params[0].value.a ? true : fail("%s: no checks ran", what);
}

static bool panics(TEEC_Context *ctx)
{
	return expect_panics(ctx, &arith_ta_uuid, ARITH_CMD_PANIC, panic_names, ARITH_PANICS, "gp-arith");
}

bool case_gp_arith(TEEC_Context *ctx)
{
	TEEC_Session s, other;
	bool ok;

	if (!open_session(ctx, &s, &arith_ta_uuid, "OpenSession(arith TA)"))
		return false;
	ok = run(&s, ARITH_CMD_KAT, "vectors", 20) && run(&s, ARITH_CMD_PRIME, "primes", 15) &&
	     run(&s, ARITH_CMD_CONVERT, "conversions", 0);
	/* The panics kill their own instances; this session's instance stays usable. */
	ok = ok && panics(ctx) && run(&s, ARITH_CMD_CONVERT, "after the panics", 0);
	TEEC_CloseSession(&s);
	if (ok && open_session(ctx, &other, &arith_ta_uuid, "OpenSession(arith TA) again")) {
		ok = run(&other, ARITH_CMD_PRIME, "a fresh instance", 15);
		TEEC_CloseSession(&other);
	}
	return ok;
}
