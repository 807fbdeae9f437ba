// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, context-specific login (PKCS#11 v2.40 4.9 CKA_ALWAYS_AUTHENTICATE, 5.6 C_Login with
 * CKU_CONTEXT_SPECIFIC) from the hostile side: a key that asks for the PIN at each use signs
 * nothing without it, a wrong one counts towards the PIN's lock, a right one serves one
 * operation only, and nobody but the logged-in user gives it.
 */
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"

/* SIGN_ONESHOT of 32 bytes by ECDSA into a 64-byte signature */
static uint32_t sign32(TEEC_Session *s, uint32_t h)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint8_t msg[32] = {7}, sig[64];
	size_t len = sizeof(sig);
	uint32_t rv;

	start(c, h);
	call(s, P11_CMD_SIGN_ONESHOT, c, msg, sizeof(msg), sig, &len, false, &rv);
	free(c);
	return rv;
}

/* The user PIN's flags in TOKEN_INFO */
static uint32_t token_flags(TEEC_Session *s)
{
	struct ctl *c = calloc(1, sizeof(*c));
	struct p11_token_info info;
	size_t len = sizeof(info);
	uint32_t rv;

	put32(c, 0);
	call(s, P11_CMD_TOKEN_INFO, c, NULL, 0, &info, &len, false, &rv);
	free(c);
	return rv == P11_CKR_OK ? info.flags : 0;
}

/* An EC P-256 key pair whose private key is CKA_ALWAYS_AUTHENTICATE as always says */
static uint32_t pair_of(TEEC_Session *s, uint32_t h, bool always, uint32_t pair[2])
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, P11_CKM_EC_KEY_PAIR_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr(c, P11_CKA_EC_PARAMS, "\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07", 10);
	attr_bool(c, P11_CKA_VERIFY, 1);
	tmpl_close(c);
	tmpl_open(c);
	attr_bool(c, P11_CKA_SIGN, 1);
	attr_bool(c, P11_CKA_ALWAYS_AUTHENTICATE, always);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_GENERATE_KEY_PAIR, c, pair, 2);
	free(c);
	return rv;
}

bool pkcs11_auth_checks(TEEC_Session *a, TEEC_Session *b, const char *so, const char *pin,
			unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t rw = 0, hb = 0, pair[2] = {0}, plain[2] = {0};
	unsigned n = 0;

	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("B opens", open_rw(b, true, &hb), P11_CKR_OK);
	WANT("context login, no operation", login_as(a, rw, P11_CKU_CONTEXT_SPECIFIC, pin),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("user login", login_user(a, rw, pin), P11_CKR_OK);
	WANT("a key pair, CKA_ALWAYS_AUTHENTICATE", pair_of(a, rw, true, pair), P11_CKR_OK);
	WANT("a key pair without it", pair_of(a, rw, false, plain), P11_CKR_OK);
	/* Logged in is not enough: the PIN again, for each operation */
	WANT("SIGN_INIT", op_init(a, P11_CMD_SIGN_INIT, rw, pair[1], P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_OK);
	WANT("SIGN without the context PIN", sign32(a, rw), P11_CKR_USER_NOT_LOGGED_IN);
	WANT("... which ended the operation", sign32(a, rw), P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("SIGN_INIT", op_init(a, P11_CMD_SIGN_INIT, rw, pair[1], P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_OK);
	WANT("context login, a wrong PIN", login_as(a, rw, P11_CKU_CONTEXT_SPECIFIC, "wrong-pin"),
	     P11_CKR_PIN_INCORRECT);
	WANT("context login, wrong again", login_as(a, rw, P11_CKU_CONTEXT_SPECIFIC, "wrong-pin"),
	     P11_CKR_PIN_INCORRECT);
	WANT("... counted: the user PIN's final try",
	     !!(token_flags(a) & P11_CKF_USER_PIN_FINAL_TRY), 1);
	WANT("SIGN still waits", sign32(a, rw), P11_CKR_USER_NOT_LOGGED_IN);
	WANT("SIGN_INIT", op_init(a, P11_CMD_SIGN_INIT, rw, pair[1], P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_OK);
	WANT("context login, the PIN", login_as(a, rw, P11_CKU_CONTEXT_SPECIFIC, pin), P11_CKR_OK);
	WANT("... the failures cleared", token_flags(a) & P11_CKF_USER_PIN_FINAL_TRY, 0);
	WANT("SIGN", sign32(a, rw), P11_CKR_OK);
	WANT("SIGN_INIT, the next operation",
	     op_init(a, P11_CMD_SIGN_INIT, rw, pair[1], P11_CKM_ECDSA, NULL, 0), P11_CKR_OK);
	WANT("SIGN: the last PIN served one operation", sign32(a, rw), P11_CKR_USER_NOT_LOGGED_IN);
	/* The other key, and verification, ask nothing */
	WANT("SIGN_INIT, the plain key",
	     op_init(a, P11_CMD_SIGN_INIT, rw, plain[1], P11_CKM_ECDSA, NULL, 0), P11_CKR_OK);
	WANT("SIGN by it", sign32(a, rw), P11_CKR_OK);
	/* Only the logged-in user gives it: not another application, not the SO */
	WANT("SIGN_INIT", op_init(a, P11_CMD_SIGN_INIT, rw, pair[1], P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_OK);
	WANT("B's context login on A's session", login_as(b, rw, P11_CKU_CONTEXT_SPECIFIC, pin),
	     P11_CKR_SESSION_HANDLE_INVALID);
	WANT("B's context login on its own, idle session",
	     login_as(b, hb, P11_CKU_CONTEXT_SPECIFIC, pin), P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("SIGN still waits", sign32(a, rw), P11_CKR_USER_NOT_LOGGED_IN);
	c = calloc(1, sizeof(*c));
	start(c, rw);
	WANT("user logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	WANT("SO login", login_so(a, rw, so), P11_CKR_OK);
	start(c, rw);
	put32(c, P11_CKM_SHA256);
	put32(c, 0);
	WANT("DIGEST_INIT as the SO", rv_of(a, P11_CMD_DIGEST_INIT, c), P11_CKR_OK);
	WANT("the SO's context login", login_as(a, rw, P11_CKU_CONTEXT_SPECIFIC, so),
	     P11_CKR_USER_NOT_LOGGED_IN);
	start(c, rw);
	WANT("SO logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	free(c);
	c = NULL;
	WANT("the key pairs went with the user's login",
	     simple(a, P11_CMD_DESTROY_OBJECT, rw, pair[1]), P11_CKR_OBJECT_HANDLE_INVALID);
	simple(a, P11_CMD_CLOSE_SESSION, rw, 0);
	simple(b, P11_CMD_CLOSE_SESSION, hb, 0);
	*count += n;
	return true;
}
