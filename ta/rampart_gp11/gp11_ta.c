// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP v1.1 test TA (rampart_gp11_ta.h). Built with v1.1's uint32_t lengths: were the v1.3
 * functions called, each length below would be read and written as 8 bytes, and the guard
 * after it would change (or the length read would be huge).
 */
#include <rampart_gp11_ta.h>
#include <string.h>
#include <tee_internal_api.h>

#define GUARD 0x6b6b6b6bU

/* A length with a guard word right after it, as a uint32_t local next to another would be. */
struct len32 {
	uint32_t len;
	uint32_t guard;
} __attribute__((aligned(8)));

static const uint8_t abc_sha256[32] = {
    0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
    0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};

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

static uint32_t checks, failed;

static void check(int ok)
{
	checks++;
	if (!ok && !failed)
		failed = checks;
}

static void digest(uint8_t out[32])
{
	TEE_OperationHandle op;
	struct len32 l = {32, GUARD};

	check(TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0) == TEE_SUCCESS);
	check(TEE_DigestDoFinal(op, "abc", 3, out, &l.len) == TEE_SUCCESS);
	check(l.len == 32 && l.guard == GUARD && !memcmp(out, abc_sha256, 32));
	/* Too small: SHORT_BUFFER and the size needed, through the uint32_t. */
	l = (struct len32){16, GUARD};
	TEE_ResetOperation(op);
	check(TEE_DigestDoFinal(op, "abc", 3, out, &l.len) == TEE_ERROR_SHORT_BUFFER);
	check(l.len == 32 && l.guard == GUARD);
	TEE_FreeOperation(op);
}

static void mac(void)
{
	static const uint8_t key[32] = "rampart gp11 key, 32 bytes long";
	TEE_Attribute attr;
	TEE_ObjectHandle k;
	TEE_OperationHandle op;
	uint8_t out[32];
	struct len32 l = {sizeof(out), GUARD}, a = {sizeof(key), GUARD};
	uint8_t back[32];

	check(TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA256, 256, &k) == TEE_SUCCESS);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, sizeof(key));
	check(TEE_PopulateTransientObject(k, &attr, 1) == TEE_SUCCESS);
	check(TEE_AllocateOperation(&op, TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 256) == TEE_SUCCESS);
	check(TEE_SetOperationKey(op, k) == TEE_SUCCESS);
	TEE_MACInit(op, NULL, 0);
	check(TEE_MACComputeFinal(op, "abc", 3, out, &l.len) == TEE_SUCCESS);
	check(l.len == 32 && l.guard == GUARD);
	/* An attribute read back into a uint32_t length (not extractable: refused, guard kept). */
	check(TEE_GetObjectBufferAttribute(k, TEE_ATTR_SECRET_VALUE, back, &a.len) !=
	      TEE_SUCCESS || (a.len == sizeof(key) && !memcmp(back, key, sizeof(key))));
	check(a.guard == GUARD);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

static void cipher(void)
{
	static const uint8_t key[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
	TEE_Attribute attr;
	TEE_ObjectHandle k;
	TEE_OperationHandle op;
	uint8_t in[32] = {0}, out[32];
	struct len32 l = {sizeof(out), GUARD};

	check(TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &k) == TEE_SUCCESS);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key, sizeof(key));
	check(TEE_PopulateTransientObject(k, &attr, 1) == TEE_SUCCESS);
	check(TEE_AllocateOperation(&op, TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128) ==
	      TEE_SUCCESS);
	check(TEE_SetOperationKey(op, k) == TEE_SUCCESS);
	TEE_CipherInit(op, NULL, 0);
	check(TEE_CipherUpdate(op, in, 16, out, &l.len) == TEE_SUCCESS);
	check(l.len == 16 && l.guard == GUARD);
	l = (struct len32){16, GUARD};
	check(TEE_CipherDoFinal(op, in, 16, out + 16, &l.len) == TEE_SUCCESS);
	check(l.len == 16 && l.guard == GUARD && !memcmp(out, out + 16, 16));
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	if (cmd != GP11_CMD_CHECKS ||
	    types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_MEMREF_OUTPUT,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE) ||
	    p[1].memref.size < 32)
		return TEE_ERROR_BAD_PARAMETERS;
	checks = failed = 0;
	digest(p[1].memref.buffer);
	mac();
	cipher();
	/* v1.1's TEE_Param: a uint32_t size, which the client must read back as 32. */
	p[1].memref.size = 32;
	p[0].value.a = checks;
	p[0].value.b = failed;
	return TEE_SUCCESS;
}
