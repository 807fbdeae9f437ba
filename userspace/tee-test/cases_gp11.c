// SPDX-License-Identifier: BSD-2-Clause
/*
 * gp11-compat: a TA built for GP TEE Internal Core API v1.1's uint32_t lengths
 * (CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y, as every one of OP-TEE's examples is; ta/rampart_gp11)
 * gets v1.1's functions: digest, MAC and cipher lengths through uint32_t, the word after each
 * untouched, and v1.1's TEE_Param size read back by this client.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_gp11_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

bool case_gp11_compat(TEEC_Context *ctx)
{
	static const uint8_t abc_sha256_head[4] = {0xba, 0x78, 0x16, 0xbf};
	uint8_t digest[64] = {0};
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin;
	TEEC_Result res;

	if (!open_session(ctx, &s, &gp11_ta_uuid, "GP v1.1 TA"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE,
					 TEEC_NONE);
	op.params[1].tmpref.buffer = digest;
	op.params[1].tmpref.size = sizeof(digest);
	res = TEEC_InvokeCommand(&s, GP11_CMD_CHECKS, &op, &origin);
	TEEC_CloseSession(&s);
	if (!expect_res("GP11_CMD_CHECKS", res, origin, TEEC_SUCCESS))
		return false;
	if (op.params[0].value.b)
		return fail("check %u of %u failed in the TA", op.params[0].value.b,
			    op.params[0].value.a);
	if (op.params[1].tmpref.size != 32 || memcmp(digest, abc_sha256_head, 4))
		return fail("the digest came back as %zu bytes, not SHA-256(\"abc\")",
			    op.params[1].tmpref.size);
	printf("gp11-compat: %u checks of v1.1's lengths, guards untouched\n", op.params[0].value.a);
	return true;
}
