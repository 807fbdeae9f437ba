// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi: the PKCS#11 token TA (ta/rampart_pkcs11) at the level of the commands libckteec
 * sends, for what pkcs11-tool cannot produce: malformed control buffers, short output buffers,
 * unknown and foreign session handles, and session states following login (PKCS#11 v2.40 5.6).
 * Each bad input must get its PKCS#11 return code in p0, never a dead TA. The login part runs
 * when P11_SO_PIN and P11_USER_PIN name the token's PINs (tests/qemu/guest/pkcs11.sh sets them).
 * Run only on request (tee-test pkcs11-abi): the whole run does not know the PINs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

/* One command: ctrl (ctrl_len bytes) as p0 INOUT, out (*out_len) as p2 OUTPUT when given. */
static TEEC_Result call(TEEC_Session *s, uint32_t cmd, void *ctrl, size_t ctrl_len, void *out,
			size_t *out_len, uint32_t *rv)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
					 out ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = ctrl;
	op.params[0].tmpref.size = ctrl_len;
	op.params[2].tmpref.buffer = out;
	op.params[2].tmpref.size = out ? *out_len : 0;
	res = TEEC_InvokeCommand(s, cmd, &op, &origin);
	*rv = P11_CKR_GENERAL_ERROR;
	if ((res == TEEC_SUCCESS || res == TEEC_ERROR_SHORT_BUFFER) &&
	    op.params[0].tmpref.size == sizeof(*rv))
		memcpy(rv, ctrl, sizeof(*rv));
	if (out)
		*out_len = op.params[2].tmpref.size;
	return res;
}

/* A command whose answer is only its return code, from up to 4 words of arguments. */
static uint32_t cmd_rv(TEEC_Session *s, uint32_t cmd, size_t n, uint32_t a0, uint32_t a1,
		       uint32_t a2)
{
	uint32_t ctrl[4] = {a0, a1, a2, 0}, rv;

	if (call(s, cmd, ctrl, n * sizeof(uint32_t), NULL, NULL, &rv) != TEEC_SUCCESS)
		return 0xdead;
	return rv;
}

static uint32_t open_p11(TEEC_Session *s, uint32_t flags, uint32_t *handle)
{
	uint32_t ctrl[2] = {0, flags}, rv;
	size_t len = sizeof(*handle);

	if (call(s, P11_CMD_OPEN_SESSION, ctrl, sizeof(ctrl), handle, &len, &rv) != TEEC_SUCCESS)
		return 0xdead;
	return rv == P11_CKR_OK && len != sizeof(*handle) ? 0xdead : rv;
}

/* A command whose answer is only its return code, from a prepared control buffer. */
static uint32_t ctrl_rv(TEEC_Session *s, uint32_t cmd, void *ctrl, size_t len)
{
	uint32_t rv;

	if (call(s, cmd, ctrl, len, NULL, NULL, &rv) != TEEC_SUCCESS)
		return 0xdead;
	return rv;
}

/* The state SESSION_INFO reports for handle, or a value no state has. */
static uint32_t state_of(TEEC_Session *s, uint32_t handle)
{
	struct p11_session_info info;
	size_t len = sizeof(info);
	uint32_t rv;

	if (call(s, P11_CMD_SESSION_INFO, &handle, sizeof(handle), &info, &len, &rv) !=
		TEEC_SUCCESS ||
	    rv != P11_CKR_OK || len != sizeof(info))
		return 0xdead;
	return info.state;
}

static uint32_t login(TEEC_Session *s, uint32_t handle, uint32_t user, const char *pin)
{
	uint8_t ctrl[12 + 128];
	uint32_t len = strlen(pin), rv;

	memcpy(ctrl, &handle, 4);
	memcpy(ctrl + 4, &user, 4);
	memcpy(ctrl + 8, &len, 4);
	memcpy(ctrl + 12, pin, len);
	if (call(s, P11_CMD_LOGIN, ctrl, 12 + len, NULL, NULL, &rv) != TEEC_SUCCESS)
		return 0xdead;
	return rv;
}

#define WANT(what, got, want)                                                                      \
	do {                                                                                       \
		uint32_t g_ = (got);                                                               \
		if (g_ != (uint32_t)(want))                                                        \
			return fail("%s: %#x, not %#x", what, g_, (uint32_t)(want));               \
		n++;                                                                               \
	} while (0)

static bool login_states(TEEC_Session *s, const char *so, const char *user, unsigned *count)
{
	uint32_t ro = 0, rw = 0, other = 0;
	unsigned n = 0;
	uint32_t pin_ctrl[12];

	WANT("open R/O", open_p11(s, P11_CKF_SERIAL_SESSION, &ro), P11_CKR_OK);
	WANT("open R/W", open_p11(s, P11_CKF_SERIAL_SESSION | P11_CKF_RW_SESSION, &rw), P11_CKR_OK);
	WANT("SO login beside a R/O session", login(s, rw, P11_CKU_SO, so),
	     P11_CKR_SESSION_READ_ONLY_EXISTS);
	WANT("user type 7", login(s, rw, 7, user), P11_CKR_USER_TYPE_INVALID);
	WANT("context-specific login, no operation", login(s, rw, P11_CKU_CONTEXT_SPECIFIC, user),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("logout before login", cmd_rv(s, P11_CMD_LOGOUT, 1, rw, 0, 0),
	     P11_CKR_USER_NOT_LOGGED_IN);
	WANT("user login", login(s, ro, P11_CKU_USER, user), P11_CKR_OK);
	WANT("R/O state after user login", state_of(s, ro), P11_CKS_RO_USER);
	WANT("R/W state after user login", state_of(s, rw), P11_CKS_RW_USER);
	WANT("user login again", login(s, rw, P11_CKU_USER, user), P11_CKR_USER_ALREADY_LOGGED_IN);
	WANT("SO login while the user is", login(s, rw, P11_CKU_SO, so),
	     P11_CKR_USER_ANOTHER_ALREADY_LOGGED_IN);
	/* C_SetPIN on a R/O session: [handle][old len][new len][old][new] */
	pin_ctrl[0] = ro;
	pin_ctrl[1] = 4;
	pin_ctrl[2] = 4;
	memcpy(&pin_ctrl[3], "11112222", 8);
	WANT("SET_PIN on a R/O session", ctrl_rv(s, P11_CMD_SET_PIN, pin_ctrl, 20),
	     P11_CKR_SESSION_READ_ONLY);
	WANT("logout", cmd_rv(s, P11_CMD_LOGOUT, 1, ro, 0, 0), P11_CKR_OK);
	WANT("R/W state after logout", state_of(s, rw), P11_CKS_RW_PUBLIC);
	WANT("close R/O", cmd_rv(s, P11_CMD_CLOSE_SESSION, 1, ro, 0, 0), P11_CKR_OK);
	WANT("SO login", login(s, rw, P11_CKU_SO, so), P11_CKR_OK);
	WANT("state after SO login", state_of(s, rw), P11_CKS_RW_SO);
	WANT("R/O session beside the SO", open_p11(s, P11_CKF_SERIAL_SESSION, &other),
	     P11_CKR_SESSION_READ_WRITE_SO_EXISTS);
	WANT("close all", cmd_rv(s, P11_CMD_CLOSE_ALL_SESSIONS, 1, 0, 0, 0), P11_CKR_OK);
	WANT("a handle after close-all", cmd_rv(s, P11_CMD_CLOSE_SESSION, 1, rw, 0, 0),
	     P11_CKR_SESSION_HANDLE_INVALID);
	WANT("open after close-all", open_p11(s, P11_CKF_SERIAL_SESSION, &ro), P11_CKR_OK);
	WANT("closing the last session logged the SO out", state_of(s, ro), P11_CKS_RO_PUBLIC);
	WANT("close", cmd_rv(s, P11_CMD_CLOSE_SESSION, 1, ro, 0, 0), P11_CKR_OK);
	*count += n;
	return true;
}

static bool abi_checks(TEEC_Session *a, TEEC_Session *b, unsigned *count)
{
	struct p11_token_info info;
	uint32_t ctrl[4] = {0}, version[3] = {0}, rv, ha = 0, hb = 0;
	uint8_t big[1024] = {0};
	size_t len;
	unsigned n = 0;

	len = sizeof(version);
	WANT("PING", call(a, P11_CMD_PING, ctrl, 4, version, &len, &rv), TEEC_SUCCESS);
	WANT("PING's version", version[0] << 16 | version[1] << 8 | version[2], 0x000100);
	WANT("p0 of 2 bytes", call(a, P11_CMD_PING, ctrl, 2, NULL, NULL, &rv),
	     TEEC_ERROR_BAD_PARAMETERS);
	WANT("p0 of 1 KiB", call(a, P11_CMD_SLOT_INFO, big, sizeof(big), NULL, NULL, &rv),
	     TEEC_SUCCESS);
	WANT("p0 of 1 KiB: its code", rv, P11_CKR_ARGUMENTS_BAD);
	len = 10;
	ctrl[0] = 0;
	WANT("TOKEN_INFO into 10 bytes", call(a, P11_CMD_TOKEN_INFO, ctrl, 4, &info, &len, &rv),
	     TEEC_ERROR_SHORT_BUFFER);
	WANT("TOKEN_INFO into 10 bytes: its code", rv, P11_CKR_BUFFER_TOO_SMALL);
	WANT("TOKEN_INFO into 10 bytes: the size needed", len, sizeof(info));
	WANT("TOKEN_INFO without p2", cmd_rv(a, P11_CMD_TOKEN_INFO, 1, 0, 0, 0),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("TOKEN_INFO of slot 7", cmd_rv(a, P11_CMD_TOKEN_INFO, 1, 7, 0, 0),
	     P11_CKR_SLOT_ID_INVALID);
	WANT("SLOT_INFO of slot 7", cmd_rv(a, P11_CMD_SLOT_INFO, 1, 7, 0, 0),
	     P11_CKR_SLOT_ID_INVALID);
	WANT("MECHANISM_INFO without its mechanism", cmd_rv(a, P11_CMD_MECHANISM_INFO, 1, 0, 0, 0),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("an unknown command", cmd_rv(a, 200, 1, 0, 0, 0), P11_CKR_FUNCTION_NOT_SUPPORTED);
	WANT("OPEN_SESSION without flags", cmd_rv(a, P11_CMD_OPEN_SESSION, 1, 0, 0, 0),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("OPEN_SESSION, not serial", open_p11(a, P11_CKF_RW_SESSION, &ha),
	     P11_CKR_SESSION_PARALLEL_NOT_SUPPORTED);
	WANT("OPEN_SESSION, unknown flag", open_p11(a, P11_CKF_SERIAL_SESSION | 0x100, &ha),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("client A opens", open_p11(a, P11_CKF_SERIAL_SESSION, &ha), P11_CKR_OK);
	WANT("client B opens", open_p11(b, P11_CKF_SERIAL_SESSION, &hb), P11_CKR_OK);
	WANT("handles differ", ha != hb, 1);
	WANT("A's session, public R/O", state_of(a, ha), P11_CKS_RO_PUBLIC);
	WANT("A's handle from B", cmd_rv(b, P11_CMD_CLOSE_SESSION, 1, ha, 0, 0),
	     P11_CKR_SESSION_HANDLE_INVALID);
	WANT("an unknown handle", cmd_rv(a, P11_CMD_CLOSE_SESSION, 1, 0x7777777, 0, 0),
	     P11_CKR_SESSION_HANDLE_INVALID);
	WANT("handle 0", cmd_rv(a, P11_CMD_LOGOUT, 1, 0, 0, 0), P11_CKR_SESSION_HANDLE_INVALID);
	/* LOGIN saying 100 PIN bytes follow, with none there */
	WANT("LOGIN with a PIN past p0's end", cmd_rv(a, P11_CMD_LOGIN, 3, ha, P11_CKU_USER, 100),
	     P11_CKR_ARGUMENTS_BAD);
	/* C_InitToken: [slot][PIN length][label, 32 bytes][PIN] */
	memset(big, ' ', 48);
	memset(big, 0, 4);
	big[4] = 8;
	memset(big + 4 + 1, 0, 3);
	memcpy(big + 40, "00000000", 8);
	WANT("INIT_TOKEN while sessions are open", ctrl_rv(a, P11_CMD_INIT_TOKEN, big, 48),
	     P11_CKR_SESSION_EXISTS);
	WANT("INIT_TOKEN with its PIN past p0's end", ctrl_rv(a, P11_CMD_INIT_TOKEN, big, 44),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("A still has its session", state_of(a, ha), P11_CKS_RO_PUBLIC);
	WANT("A closes", cmd_rv(a, P11_CMD_CLOSE_SESSION, 1, ha, 0, 0), P11_CKR_OK);
	WANT("A closes again", cmd_rv(a, P11_CMD_CLOSE_SESSION, 1, ha, 0, 0),
	     P11_CKR_SESSION_HANDLE_INVALID);
	WANT("B closes", cmd_rv(b, P11_CMD_CLOSE_SESSION, 1, hb, 0, 0), P11_CKR_OK);
	*count += n;
	return true;
}

bool case_pkcs11_abi(TEEC_Context *ctx)
{
	const char *so = getenv("P11_SO_PIN"), *user = getenv("P11_USER_PIN");
	TEEC_Session a, b;
	unsigned n = 0;
	bool ok;

	if (!open_session(ctx, &a, &pkcs11_ta_uuid, "pkcs11 TA, client A"))
		return false;
	if (!open_session(ctx, &b, &pkcs11_ta_uuid, "pkcs11 TA, client B")) {
		TEEC_CloseSession(&a);
		return false;
	}
	ok = abi_checks(&a, &b, &n);
	if (ok && so && user)
		ok = login_states(&a, so, user, &n);
	if (ok && so && user)
		ok = pkcs11_object_checks(&a, &b, user, &n);
	if (ok && so && user)
		ok = pkcs11_modify_checks(&a, &b, so, user, &n);
	if (ok && so && user)
		ok = pkcs11_wrap_checks(&a, &b, so, &n);
	if (ok && so && user)
		ok = pkcs11_auth_checks(&a, &b, so, user, &n);
	if (ok && so && user)
		ok = pkcs11_cts_checks(&a, &n);
	if (ok && so && user)
		ok = pkcs11_ecdh_checks(&a, &b, &n);
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&a);
	if (ok)
		printf("pkcs11-abi: %u checks%s\n", n,
		       so && user ? ", login states included, objects and keys included" : "");
	return ok;
}
