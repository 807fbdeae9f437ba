// SPDX-License-Identifier: BSD-2-Clause
/*
 * supp-plugin: a TA (ta/rampart_plugin) invokes tee-test's plugin in Debian's tee-supplicant
 * (userspace/plugin) through the trusted OS: values, a 3000-byte buffer both ways, a plugin that
 * answers more than it was given (nothing written past the TA's buffer), a plugin's own error,
 * the refusals tee_invoke_supp_plugin names, and a hostile buffer address killing the TA.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_plugin.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static TEEC_Result plugin_call(TEEC_Session *s, uint32_t cmd, uint32_t sub_cmd, void *buf,
			       size_t len, uint32_t mode, uint32_t out[2], uint32_t *origin)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INOUT,
					 TEEC_VALUE_OUTPUT, TEEC_VALUE_INPUT);
	op.params[0].value.a = cmd;
	op.params[0].value.b = sub_cmd;
	op.params[1].tmpref.buffer = buf;
	op.params[1].tmpref.size = len;
	op.params[3].value.a = mode;
	res = TEEC_InvokeCommand(s, PLUGIN_TA_CMD_INVOKE, &op, origin);
	out[0] = op.params[2].value.a;
	out[1] = op.params[2].value.b;
	return res;
}

static bool plugin_cases(TEEC_Session *s)
{
	static uint8_t data[3000], want[3000];
	uint32_t out[2], origin, v[2] = {7, 30};
	TEEC_Result res;

	res = plugin_call(s, PLUGIN_CMD_PING, 0, NULL, 0, 0, out, &origin);
	if (!expect_res("ping", res, origin, TEEC_SUCCESS))
		return false;
	res = plugin_call(s, PLUGIN_CMD_ADD, 5, v, sizeof(v), 0, out, &origin);
	if (!expect_res("add", res, origin, TEEC_SUCCESS))
		return false;
	if (v[0] != 42 || out[0] != sizeof(v))
		return fail("add: %u (want 42), length %u", v[0], out[0]);
	for (size_t i = 0; i < sizeof(data); i++) {
		data[i] = (uint8_t)(i * 7 + 1);
		want[sizeof(data) - 1 - i] = data[i];
	}
	res = plugin_call(s, PLUGIN_CMD_REVERSE, 0, data, sizeof(data), 0, out, &origin);
	if (!expect_res("reverse 3000 bytes", res, origin, TEEC_SUCCESS))
		return false;
	if (memcmp(data, want, sizeof(data)) || out[0] != sizeof(data))
		return fail("reverse: the bytes came back wrong, length %u", out[0]);
	res = plugin_call(s, PLUGIN_CMD_OVERSTATE, 0x77, data, 100, 0, out, &origin);
	if (!expect_res("a plugin claiming 4096 bytes more", res, origin, TEEC_SUCCESS))
		return false;
	if (out[1] || out[0] != 100 + 4096 || data[0] != 0x77 || data[99] != 0x77 || data[100] == 0x77)
		return fail("a plugin claiming more: length %u, written past the buffer %u", out[0],
			    out[1]);
	printf("supp-plugin: values, 3000 bytes reversed, a plugin claiming 4196 bytes of 100: "
	       "told, nothing written past the buffer\n");
	res = plugin_call(s, 99, 0, NULL, 0, 0, out, &origin);
	if (!expect_res("a command the plugin does not know", res, origin, TEEC_ERROR_NOT_SUPPORTED))
		return false;
	res = plugin_call(s, PLUGIN_CMD_PING, 0, data, 16, 1, out, &origin);
	if (!expect_res("a NULL UUID", res, origin, TEEC_ERROR_BAD_PARAMETERS))
		return false;
	res = plugin_call(s, PLUGIN_CMD_PING, 0, data, 16, 3, out, &origin);
	if (!expect_res("a buffer without a length", res, origin, TEEC_ERROR_BAD_PARAMETERS))
		return false;
	res = plugin_call(s, PLUGIN_CMD_PING, 0, data, 16, 2, out, &origin);
	if (!expect_res("a plugin that is not there", res, origin, TEEC_ERROR_ITEM_NOT_FOUND))
		return false;
	res = plugin_call(s, PLUGIN_CMD_PING, 0, NULL, 0, 5, out, &origin);
	if (!expect_res("an answer for a read-only buffer", res, origin, TEEC_ERROR_ACCESS_DENIED))
		return false;
	printf("supp-plugin: refused: an unknown command (the plugin's NOT_SUPPORTED), a NULL UUID "
	       "and a buffer without a length (BAD_PARAMETERS), no such plugin (ITEM_NOT_FOUND), an answer for a read-only buffer (ACCESS_DENIED, the bytes "
	       "unchanged)\n");
	return true;
}

bool case_supp_plugin(TEEC_Context *ctx)
{
	uint32_t out[2], origin;
	TEEC_Session s;
	TEEC_Result res;
	bool ok;

	if (!open_session(ctx, &s, &plugin_ta_uuid, "plugin TA"))
		return false;
	ok = plugin_cases(&s);
	if (ok) {
		res = plugin_call(&s, PLUGIN_CMD_PING, 0, NULL, 0, 4, out, &origin);
		ok = expect_res("a plugin buffer at a kernel address", res, origin,
				TEEC_ERROR_TARGET_DEAD);
	}
	TEEC_CloseSession(&s);
	return ok;
}
