// SPDX-License-Identifier: BSD-2-Clause
/*
 * gp-crypto: the GP Cryptographic Operations API inside a TA (ta/rampart_crypto). Known answers
 * of each family (Debian's cryptography vectors, compiled into the TA), the TEE_ERROR_* paths,
 * keys and objects, and every call GP says panics the TA: each must kill its own instance only
 * (TEE_ERROR_TARGET_DEAD, origin TEE). Prints "gp-crypto: <family> <vectors> vectors <checks>
 * checks" lines before the verdict.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_crypto_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static const char *const family_names[KAT_FAMILIES] = {
    [KAT_DIGEST] = "digest", [KAT_HMAC] = "hmac",
    [KAT_CMAC] = "aes-cmac", [KAT_CIPHER] = "aes-cipher",
    [KAT_AE] = "aes-ae",     [KAT_CBC_MAC] = "aes-cbc-mac",
    [KAT_DES] = "des"};
static const char *const panic_names[CRYPTO_PANICS] = {
    [CRYPTO_PANIC_FORGED_HANDLE] = "forged handle",
    [CRYPTO_PANIC_UPDATE_BEFORE_INIT] = "CipherUpdate before CipherInit",
    [CRYPTO_PANIC_NOT_EXTRACTABLE] = "secret of a non-extractable object",
    [CRYPTO_PANIC_KEY_TOO_LARGE] = "key over maxKeySize",
    [CRYPTO_PANIC_WRONG_CLASS] = "DigestUpdate on a MAC",
    [CRYPTO_PANIC_STALE_HANDLE] = "freed object handle",
    [CRYPTO_PANIC_NOPAD_PARTIAL] = "NOPAD final with a partial block",
    [CRYPTO_PANIC_AAD_AFTER_PAYLOAD] = "AEUpdateAAD after AEUpdate",
    [CRYPTO_PANIC_AE_WRONG_FINAL] = "AEDecryptFinal on an encryption"};

static bool run_counted(TEEC_Session *s, uint32_t cmd, const char *what)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, cmd, &op, &origin);
	printf("gp-crypto: %s %u checks\n", what, op.params[0].value.a);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	return op.params[0].value.a ? true : fail("%s: no checks ran", what);
}

static bool panics(TEEC_Context *ctx)
{
	return expect_panics(ctx, &crypto_ta_uuid, CRYPTO_CMD_PANIC, panic_names, CRYPTO_PANICS, "gp-crypto");
}

bool case_gp_crypto(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok = true;

	if (!open_session(ctx, &s, &crypto_ta_uuid, "OpenSession(crypto TA)"))
		return false;
	for (uint32_t f = 0; ok && f < KAT_FAMILIES; f++) {
		TEEC_Operation op;
		uint32_t origin = 0;
		TEEC_Result res;

		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = f;
		res = TEEC_InvokeCommand(&s, CRYPTO_CMD_KAT, &op, &origin);
		printf("gp-crypto: %s %u vectors %u checks\n", family_names[f],
		       op.params[1].value.a, op.params[1].value.b);
		ok = expect_res(family_names[f], res, origin, TEEC_SUCCESS);
		if (ok && op.params[1].value.a < 3)
			ok = fail("%s: %u vectors, expected several", family_names[f],
				  op.params[1].value.a);
	}
	ok = ok && run_counted(&s, CRYPTO_CMD_ERRORS, "errors");
	ok = ok && run_counted(&s, CRYPTO_CMD_KEYS, "keys");
	TEEC_CloseSession(&s);
	return ok && panics(ctx);
}
