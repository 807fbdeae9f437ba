// SPDX-License-Identifier: BSD-2-Clause
/*
 * gp-asym: the GP asymmetric operations and key derivation inside a TA (ta/rampart_asym). Known
 * answers of each family (Debian's cryptography vectors, compiled into the TA), the TEE_ERROR_*
 * paths, key generation, and every call GP says panics: each must kill its own instance only
 * (TEE_ERROR_TARGET_DEAD, origin TEE). Prints "gp-asym: <family> <vectors> vectors <checks>
 * checks" lines before the verdict.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_asym_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static const char *const family_names[ASYM_KAT_FAMILIES] = {
    "rsa-v15-sign", "rsa-v15-verify", "rsa-pss", "rsa-oaep", "rsa-v15-crypt",
    "rsa-nopad",    "ecdsa",	      "ecdh",	 "dh",	     "hkdf",
    "concat-kdf",   "pbkdf2",	      "dsa",	 "ed25519",  "x25519"};
static const char *const panic_names[ASYM_PANICS] = {
    [ASYM_PANIC_PRIVATE_NOT_EXTRACTABLE] = "RSA d of a non-extractable key",
    [ASYM_PANIC_SIGN_ON_VERIFY] = "SignDigest on a verify operation",
    [ASYM_PANIC_PUBLIC_KEY_TO_SIGN] = "a public key for signing",
    [ASYM_PANIC_ENCRYPT_ON_SIGNATURE] = "AsymmetricEncrypt on a signature operation",
    [ASYM_PANIC_ECDH_PEER_OFF_CURVE] = "ECDH with a peer point off the curve",
    [ASYM_PANIC_POPULATE_MISSING] = "an RSA key pair without d",
    [ASYM_PANIC_KEY_OVER_MAX] = "a P-384 key on an ECDSA_P256 operation",
    [ASYM_PANIC_DERIVE_INTO_AES] = "DeriveKey into an AES object",
    [ASYM_PANIC_DSA_PUBLIC_TO_SIGN] = "a DSA public key for signing",
    [ASYM_PANIC_ED25519_PUBLIC_TO_SIGN] = "an Ed25519 public key for signing",
    [ASYM_PANIC_X25519_SHORT_PEER] = "X25519 with a 31-byte peer value"};

bool case_gp_asym(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok = true;

	if (!open_session(ctx, &s, &asym_ta_uuid, "OpenSession(asym TA)"))
		return false;
	for (uint32_t f = 0; ok && f < ASYM_KAT_FAMILIES; f++) {
		TEEC_Operation op;
		uint32_t origin = 0;
		TEEC_Result res;
		double t0 = now_ms();

		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = f;
		res = TEEC_InvokeCommand(&s, ASYM_CMD_KAT, &op, &origin);
		printf("gp-asym: %s %u vectors %u checks (%.0f ms)\n", family_names[f],
		       op.params[1].value.a, op.params[1].value.b, now_ms() - t0);
		ok = expect_res(family_names[f], res, origin, TEEC_SUCCESS);
		if (ok && op.params[1].value.a < 3)
			ok = fail("%s: %u vectors, expected several", family_names[f],
				  op.params[1].value.a);
	}
	ok = ok && run_ta_checks(&s, ASYM_CMD_ERRORS, "gp-asym", "errors", 0, NULL);
	ok = ok && run_ta_checks(&s, ASYM_CMD_KEYGEN, "gp-asym", "keygen", 0, NULL);
	TEEC_CloseSession(&s);
	return ok && expect_panics(ctx, &asym_ta_uuid, ASYM_CMD_PANIC, panic_names, ASYM_PANICS,
				   "gp-asym");
}
