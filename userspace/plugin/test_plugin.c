// SPDX-License-Identifier: BSD-2-Clause
/*
 * A tee-supplicant plugin for tee-test's supp-plugin case (ta/include/rampart_plugin.h): loaded
 * by Debian's tee-supplicant from its plugin directory, reached by TAs through the trusted OS.
 * OVERSTATE plays a plugin that answers more than it was given, which the trusted OS must not
 * copy past the TA's buffer.
 */
#include <stdint.h>
#include <string.h>
#include <tee_plugin_method.h>

#include <rampart_plugin.h>

static TEEC_Result init(void)
{
	return TEEC_SUCCESS;
}

static TEEC_Result invoke(unsigned int cmd, unsigned int sub_cmd, void *data, size_t in_len,
			  size_t *out_len)
{
	uint8_t *b = data;
	uint32_t v[2];

	switch (cmd) {
	case PLUGIN_CMD_PING:
		*out_len = 0;
		return TEEC_SUCCESS;
	case PLUGIN_CMD_ADD:
		if (in_len != sizeof(v))
			return TEEC_ERROR_BAD_PARAMETERS;
		memcpy(v, data, sizeof(v));
		v[0] = v[0] + v[1] + sub_cmd;
		memcpy(data, v, sizeof(v));
		*out_len = sizeof(v);
		return TEEC_SUCCESS;
	case PLUGIN_CMD_REVERSE:
		for (size_t i = 0; i < in_len / 2; i++) {
			uint8_t t = b[i];

			b[i] = b[in_len - 1 - i];
			b[in_len - 1 - i] = t;
		}
		*out_len = in_len;
		return TEEC_SUCCESS;
	case PLUGIN_CMD_OVERSTATE:
		memset(data, (int)sub_cmd, in_len);
		*out_len = in_len + 4096;
		return TEEC_SUCCESS;
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}

struct plugin_method plugin_method = {
	.name = "rampart-test",
	.uuid = RAMPART_PLUGIN_UUID,
	.init = init,
	.invoke = invoke,
};
