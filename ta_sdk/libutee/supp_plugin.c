// SPDX-License-Identifier: BSD-2-Clause
/* tee_invoke_supp_plugin (tee_internal_api_extensions.h): a tee-supplicant plugin, through the trusted OS. */
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "utee_syscalls.h"

TEE_Result tee_invoke_supp_plugin(const TEE_UUID *uuid, uint32_t cmd, uint32_t sub_cmd, void *buf,
				  size_t len, size_t *outlen)
{
	uint8_t octets[16];
	uint64_t out = 0;
	TEE_Result res;

	if (!uuid || !buf != !len)
		return TEE_ERROR_BAD_PARAMETERS;
	tee_uuid_to_octets(octets, uuid);
	res = utee_supp_plugin(octets, cmd, sub_cmd, buf, len, &out);
	if (outlen)
		*outlen = (size_t)out;
	return res;
}
