// SPDX-License-Identifier: BSD-2-Clause
/* Sessions to the test TAs and the statistics PTA (see session.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <rampart_arith_ta.h>
#include <rampart_bench_ta.h>
#include <rampart_dl_ta.h>
#include <rampart_libc_ta.h>
#include <rampart_fpu_ta.h>
#include <rampart_asym_ta.h>
#include <rampart_crypto_ta.h>
#include <rampart_gp11_ta.h>
#include <rampart_pkcs11_ta.h>
#include <rampart_plugin.h>
#include <rampart_socket_ta.h>
#include <rampart_storage_ta.h>
#include <rampart_test_ta.h>

#include "check.h"
#include "session.h"

const TEEC_UUID test_ta_uuid = TA_RAMPART_TEST_UUID;
const TEEC_UUID peer_ta_uuid = TA_RAMPART_PEER_UUID;
const TEEC_UUID single_ta_uuid = TA_RAMPART_SINGLE_UUID;
const TEEC_UUID crypto_ta_uuid = TA_RAMPART_CRYPTO_UUID;
const TEEC_UUID arith_ta_uuid = TA_RAMPART_ARITH_UUID;
const TEEC_UUID bench_ta_uuid = TA_RAMPART_BENCH_UUID;
const TEEC_UUID libc_ta_uuid = TA_RAMPART_LIBC_UUID;
const TEEC_UUID dl_ta_uuid = TA_RAMPART_DL_UUID;
const TEEC_UUID fpu_ta_uuid = TA_RAMPART_FPU_UUID;
const TEEC_UUID asym_ta_uuid = TA_RAMPART_ASYM_UUID;
const TEEC_UUID storage_ta_uuid = TA_RAMPART_STORAGE_UUID;
const TEEC_UUID socket_ta_uuid = TA_RAMPART_SOCKET_UUID;
const TEEC_UUID plugin_ta_uuid = TA_RAMPART_PLUGIN_UUID;
const TEEC_UUID gp11_ta_uuid = TA_RAMPART_GP11_UUID;
const TEEC_UUID pkcs11_ta_uuid = TA_RAMPART_PKCS11_UUID;
const TEEC_UUID storage_b_ta_uuid = TA_RAMPART_STORAGE_B_UUID;
const TEEC_UUID stats_pta_uuid = PTA_RAMPART_STATS_UUID;

TEEC_Result try_open(TEEC_Context *ctx, TEEC_Session *s, const TEEC_UUID *uuid, uint32_t *origin)
{
	/* The statistics PTA answers root alone: Linux derives the client UUID from our uid. */
	uint32_t login =
	    !memcmp(uuid, &stats_pta_uuid, sizeof(*uuid)) ? TEEC_LOGIN_USER : TEEC_LOGIN_PUBLIC;

	*origin = 0;
	return TEEC_OpenSession(ctx, s, uuid, login, NULL, NULL, origin);
}

bool open_session(TEEC_Context *ctx, TEEC_Session *s, const TEEC_UUID *uuid, const char *what)
{
	uint32_t origin;
	TEEC_Result res = try_open(ctx, s, uuid, &origin);

	return expect_res(what, res, origin, TEEC_SUCCESS);
}

bool invoke_add(TEEC_Session *s, uint32_t a, uint32_t b, const char *what)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = a;
	op.params[0].value.b = b;
	op.params[1].value.a = 0xdeadbeef;
	op.params[1].value.b = 0xdeadbeef;
	res = TEEC_InvokeCommand(s, TEST_CMD_ADD, &op, &origin);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	if (op.params[1].value.a != a + b || op.params[1].value.b != a - b)
		return fail("%s: ADD(%u, %u) gave a = %u, b = %u, expected %u, %u", what, a, b,
			    op.params[1].value.a, op.params[1].value.b, a + b, a - b);
	return true;
}

bool read_stats(TEEC_Session *stats, struct tee_stats *out)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(stats, STATS_CMD_MEMORY, &op, &origin);
	if (!expect_res("STATS_CMD_MEMORY", res, origin, TEEC_SUCCESS))
		return false;
	out->heap_bytes = op.params[0].value.a;
	out->ta_pages = op.params[0].value.b;
	out->instances = op.params[1].value.a;
	out->sessions = op.params[1].value.b;
	return true;
}

double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

bool expect_panics(TEEC_Context *ctx, const TEEC_UUID *uuid, uint32_t cmd, const char *const *names,
		   uint32_t count, const char *label)
{
	for (uint32_t i = 0; i < count; i++) {
		TEEC_Session s;
		TEEC_Operation op;
		uint32_t origin = 0;
		TEEC_Result res;
		bool ok;

		if (!open_session(ctx, &s, uuid, label))
			return false;
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = i;
		res = TEEC_InvokeCommand(&s, cmd, &op, &origin);
		ok = res == TEEC_ERROR_TARGET_DEAD && origin == TEEC_ORIGIN_TEE;
		TEEC_CloseSession(&s);
		if (!ok)
			return fail(
			    "panic case '%s': 0x%08x origin %u, expected TARGET_DEAD from the TEE",
			    names[i], res, origin);
	}
	printf("%s: panics %u of %u\n", label, count, count);
	return true;
}
