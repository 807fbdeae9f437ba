// SPDX-License-Identifier: BSD-2-Clause
/* The plugin TA (rampart_plugin.h): tee_invoke_supp_plugin with the client's data. */
#include <rampart/ta_abi.h>
#include <rampart_plugin.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

static const uint8_t read_only[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

#define CANARY	    0x5A
#define CANARY_SIZE 64

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param p[4], void **session)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *session)
{
}

/* The system call as a hostile TA makes it: a buffer at a kernel address. */
static TEE_Result hostile(const TEE_UUID *uuid)
{
	uint8_t octets[16];

	tee_uuid_to_octets(octets, uuid);
	/* No call between these and the svc: a call would clobber them. */
	register uint64_t x8 __asm__("x8") = TA_SYS_SUPP_PLUGIN;
	register uint64_t x0 __asm__("x0") = (uint64_t)(uintptr_t)octets;
	register uint64_t x1 __asm__("x1") = PLUGIN_CMD_PING;
	register uint64_t x2 __asm__("x2") = 0;
	register uint64_t x3 __asm__("x3") = 0xffff000040000000UL;
	register uint64_t x4 __asm__("x4") = 16;
	register uint64_t x5 __asm__("x5") = 0;

	__asm__ volatile("svc #0"
			 : "+r"(x0)
			 : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5), "r"(x8)
			 : "memory");
	return (TEE_Result)x0;
}

/* The data in a buffer of the TA's own with a canary after it: the answer must stay inside. */
static TEE_Result invoke(TEE_Param p[4])
{
	static const TEE_UUID plugin = RAMPART_PLUGIN_UUID, nobody = {0x5ee1c0de, 0, 0, {0}};
	size_t len = p[1].memref.buffer ? p[1].memref.size : 0, out = 0;
	uint8_t *buf = TEE_Malloc(len + CANARY_SIZE, 0);
	TEE_Result res;

	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	if (len)
		memcpy(buf, p[1].memref.buffer, len);
	memset(buf + len, CANARY, CANARY_SIZE);
	switch (p[3].value.a) {
	case 1:
		res = tee_invoke_supp_plugin(NULL, p[0].value.a, p[0].value.b, buf, len, &out);
		break;
	case 2:
		res = tee_invoke_supp_plugin(&nobody, p[0].value.a, p[0].value.b, len ? buf : NULL,
					     len, &out);
		break;
	case 3:
		res = tee_invoke_supp_plugin(&plugin, p[0].value.a, p[0].value.b, buf, 0, &out);
		break;
	case 4:
		res = hostile(&plugin);
		break;
	case 5:
		res = tee_invoke_supp_plugin(&plugin, PLUGIN_CMD_REVERSE, 0, (void *)read_only,
					     sizeof(read_only), &out);
		if (read_only[0] != 1 || read_only[15] != 16)
			res = TEE_ERROR_SECURITY; /* the read-only bytes changed */
		break;
	default:
		res = tee_invoke_supp_plugin(&plugin, p[0].value.a, p[0].value.b, len ? buf : NULL,
					     len, &out);
		break;
	}
	p[2].value.a = (uint32_t)out;
	p[2].value.b = 0;
	for (size_t i = len; i < len + CANARY_SIZE; i++)
		if (buf[i] != CANARY)
			p[2].value.b = 1;
	if (len)
		memcpy(p[1].memref.buffer, buf, len);
	TEE_Free(buf);
	return res;
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	if (cmd != PLUGIN_TA_CMD_INVOKE ||
	    types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_MEMREF_INOUT,
				     TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_VALUE_INPUT))
		return TEE_ERROR_BAD_PARAMETERS;
	return invoke(p);
}
