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
    [CRYPTO_PANIC_AE_WRONG_FINAL] = "AEDecryptFinal on an encryption",
    [CRYPTO_PANIC_CTS_SHORT] = "AES-CTS final shorter than a block",
    [CRYPTO_PANIC_XTS_KEY_TOO_LARGE] = "AES-XTS keys over half of maxKeySize",
    [CRYPTO_PANIC_HMAC_SM3_WRONG_KEY] = "HMAC-SM3 with an HMAC-SHA256 key"};

static bool panics(TEEC_Context *ctx)
{
	return expect_panics(ctx, &crypto_ta_uuid, CRYPTO_CMD_PANIC, panic_names, CRYPTO_PANICS,
			     "gp-crypto");
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
	ok = ok && run_ta_checks(&s, CRYPTO_CMD_ERRORS, "gp-crypto", "errors", 0, NULL);
	ok = ok && run_ta_checks(&s, CRYPTO_CMD_KEYS, "gp-crypto", "keys", 0, NULL);
	TEEC_CloseSession(&s);
	return ok && panics(ctx);
}
