// SPDX-License-Identifier: BSD-2-Clause
/*
 * The PKCS#11 token TA's entry points: the ABI libckteec 3.19 speaks (p0 a MEMREF_INOUT with the
 * command's arguments in and its 32-bit PKCS#11 return code out, p2 what the command returns)
 * and the commands that describe the slot and token. One slot with one token (docs/pkcs11.md):
 * which token is the client's login identity's (token.c), bound when its session opens.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* Fixed-size PKCS#11 text fields are blank padded, not NUL terminated (PKCS#11 v2.40 3.2). */
static void blank_pad(uint8_t *dst, size_t size, const char *s)
{
	size_t n = strlen(s);

	memset(dst, ' ', size);
	memcpy(dst, s, n < size ? n : size);
}

/*
 * Writes a command's result into p2: it must be an output memref; a short one gets the size
 * needed back and CKR_BUFFER_TOO_SMALL (libckteec turns the TEE's SHORT_BUFFER into that).
 */
uint32_t p11_put_out(uint32_t types, TEE_Param *p, const void *data, size_t size)
{
	uint32_t t = TEE_PARAM_TYPE_GET(types, 2);

	if (t != TEE_PARAM_TYPE_MEMREF_OUTPUT && t != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	if (p[2].memref.size < size) {
		p[2].memref.size = size;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	if (size)
		TEE_MemMove(p[2].memref.buffer, data, size);
	p[2].memref.size = size;
	return P11_CKR_OK;
}

static bool get_slot(struct p11_args *a, uint32_t *rv)
{
	uint32_t slot = 0;

	if (!p11_get_u32(a, &slot)) {
		*rv = P11_CKR_ARGUMENTS_BAD;
		return false;
	}
	if (slot != P11_SLOT_ID) {
		*rv = P11_CKR_SLOT_ID_INVALID;
		return false;
	}
	return true;
}

static uint32_t cmd_ping(uint32_t types, TEE_Param *p)
{
	const uint32_t version[3] = {P11_TA_VERSION_MAJOR, P11_TA_VERSION_MINOR,
				     P11_TA_VERSION_PATCH};

	if (TEE_PARAM_TYPE_GET(types, 2) == TEE_PARAM_TYPE_NONE)
		return P11_CKR_OK;
	return p11_put_out(types, p, version, sizeof(version));
}

static uint32_t cmd_slot_info(struct p11_args *a, uint32_t types, TEE_Param *p)
{
	struct p11_slot_info info;
	uint32_t rv = P11_CKR_OK;

	if (!get_slot(a, &rv))
		return rv;
	memset(&info, 0, sizeof(info));
	blank_pad(info.description, sizeof(info.description), "Rampart TEE PKCS#11 slot");
	blank_pad(info.manufacturer, sizeof(info.manufacturer), "Rampart");
	info.flags = P11_CKF_TOKEN_PRESENT;
	info.fw_version[0] = P11_TA_VERSION_MAJOR;
	info.fw_version[1] = P11_TA_VERSION_MINOR;
	return p11_put_out(types, p, &info, sizeof(info));
}

static uint32_t cmd_token_info(struct p11_args *a, uint32_t types, TEE_Param *p)
{
	struct p11_token_info info;
	uint32_t rv = P11_CKR_OK;

	if (!get_slot(a, &rv))
		return rv;
	memset(&info, 0, sizeof(info));
	if (p11_cur->rec.initialised)
		memcpy(info.label, p11_cur->rec.label, sizeof(info.label));
	else
		blank_pad(info.label, sizeof(info.label), "");
	blank_pad(info.manufacturer, sizeof(info.manufacturer), "Rampart");
	p11_token_model(info.model);
	blank_pad(info.serial, sizeof(info.serial), "");
	if (p11_cur->rec.initialised)
		p11_token_serial(info.serial);
	info.flags = p11_token_flags();
	info.max_sessions = P11_MAX_SESSIONS;
	info.max_rw_sessions = P11_MAX_SESSIONS;
	p11_session_count(&info.sessions, &info.rw_sessions);
	info.max_pin_len = P11_PIN_MAX;
	info.min_pin_len = P11_PIN_MIN;
	info.total_public_mem = P11_UNAVAILABLE;
	info.free_public_mem = P11_UNAVAILABLE;
	info.total_private_mem = P11_UNAVAILABLE;
	info.free_private_mem = P11_UNAVAILABLE;
	info.fw_version[0] = P11_TA_VERSION_MAJOR;
	info.fw_version[1] = P11_TA_VERSION_MINOR;
	/* No clock on the token (CKF_CLOCK_ON_TOKEN clear): utc_time is blank. */
	blank_pad(info.utc_time, sizeof(info.utc_time), "");
	return p11_put_out(types, p, &info, sizeof(info));
}

/* The mechanisms mech.c lists: exactly those the token implements. */
static uint32_t cmd_mechanism_ids(struct p11_args *a, uint32_t types, TEE_Param *p)
{
	uint32_t ids[64], rv = P11_CKR_OK;
	size_t n = 0;

	if (!get_slot(a, &rv))
		return rv;
	rv = p11_mech_ids(ids, sizeof(ids) / sizeof(ids[0]), &n);
	if (rv != P11_CKR_OK)
		return rv;
	return p11_put_out(types, p, ids, n * sizeof(ids[0]));
}

static uint32_t cmd_mechanism_info(struct p11_args *a, uint32_t types, TEE_Param *p)
{
	const struct p11_mechanism_info *info;
	uint32_t rv = P11_CKR_OK, mech = 0;

	if (!get_slot(a, &rv))
		return rv;
	if (!p11_get_u32(a, &mech))
		return P11_CKR_ARGUMENTS_BAD;
	info = p11_mech_info(mech);
	if (!info)
		return P11_CKR_MECHANISM_INVALID;
	return p11_put_out(types, p, info, sizeof(*info));
}

static uint32_t cmd_session_info(struct p11_client *c, struct p11_args *a, uint32_t types,
				 TEE_Param *p)
{
	struct p11_session_info info;
	uint32_t handle = 0, rv;
	bool rw = false;

	if (!p11_get_u32(a, &handle))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_session_find(c, handle, &rw);
	if (rv != P11_CKR_OK)
		return rv;
	memset(&info, 0, sizeof(info));
	info.slot = P11_SLOT_ID;
	info.state = p11_session_state(c, rw);
	info.flags = P11_CKF_SERIAL_SESSION | (rw ? P11_CKF_RW_SESSION : 0);
	return p11_put_out(types, p, &info, sizeof(info));
}

static uint32_t dispatch(struct p11_client *c, uint32_t cmd, struct p11_args *a, uint32_t types,
			 TEE_Param *p)
{
	uint32_t handle = 0, rv;

	if (cmd == P11_CMD_PING)
		return cmd_ping(types, p);
	/*
	 * The client's token (token.c) is the one every part serves; its record, then its objects
	 * (store.c), read once; until then commands but PING fail with the reason.
	 */
	p11_cur = c->tok;
	if (p11_cur->state != P11_CKR_OK) {
		p11_cur->state = p11_token_load();
		if (p11_cur->state == P11_CKR_OK)
			p11_cur->state = p11_store_load_all();
	}
	if (p11_cur->state != P11_CKR_OK)
		return p11_cur->state;
	switch (cmd) {
	case P11_CMD_SLOT_LIST:
		handle = P11_SLOT_ID;
		return p11_put_out(types, p, &handle, sizeof(handle));
	case P11_CMD_SLOT_INFO:
		return cmd_slot_info(a, types, p);
	case P11_CMD_TOKEN_INFO:
		return cmd_token_info(a, types, p);
	case P11_CMD_MECHANISM_IDS:
		return cmd_mechanism_ids(a, types, p);
	case P11_CMD_MECHANISM_INFO:
		return cmd_mechanism_info(a, types, p);
	case P11_CMD_OPEN_SESSION:
		rv = p11_cmd_open_session(c, a, &handle);
		if (rv != P11_CKR_OK)
			return rv;
		rv = p11_put_out(types, p, &handle, sizeof(handle));
		if (rv != P11_CKR_OK)
			p11_session_close(c, handle);
		return rv;
	case P11_CMD_CLOSE_SESSION:
		if (!p11_get_u32(a, &handle))
			return P11_CKR_ARGUMENTS_BAD;
		return p11_session_close(c, handle);
	case P11_CMD_CLOSE_ALL_SESSIONS:
		if (!get_slot(a, &rv))
			return rv;
		p11_session_close_all(c);
		return P11_CKR_OK;
	case P11_CMD_SESSION_INFO:
		return cmd_session_info(c, a, types, p);
	case P11_CMD_INIT_TOKEN:
		return p11_cmd_init_token(a);
	case P11_CMD_INIT_PIN:
		return p11_cmd_init_pin(c, a);
	case P11_CMD_SET_PIN:
		return p11_cmd_set_pin(c, a);
	case P11_CMD_LOGIN:
		return p11_cmd_login(c, a);
	case P11_CMD_LOGOUT:
		return p11_cmd_logout(c, a);
	case P11_CMD_CREATE_OBJECT:
	case P11_CMD_DESTROY_OBJECT:
	case P11_CMD_GENERATE_KEY:
	case P11_CMD_GENERATE_KEY_PAIR:
	case P11_CMD_FIND_OBJECTS_INIT:
	case P11_CMD_FIND_OBJECTS:
	case P11_CMD_FIND_OBJECTS_FINAL:
	case P11_CMD_GET_OBJECT_SIZE:
	case P11_CMD_GET_ATTRIBUTE_VALUE:
	case P11_CMD_SET_ATTRIBUTE_VALUE:
	case P11_CMD_COPY_OBJECT:
		return p11_cmd_object(c, cmd, a, types, p);
	case P11_CMD_SIGN_INIT:
	case P11_CMD_VERIFY_INIT:
		return p11_cmd_sign_init(c, a, cmd == P11_CMD_SIGN_INIT);
	case P11_CMD_SIGN_UPDATE:
	case P11_CMD_VERIFY_UPDATE:
	case P11_CMD_SIGN_FINAL:
	case P11_CMD_VERIFY_FINAL:
	case P11_CMD_SIGN_ONESHOT:
	case P11_CMD_VERIFY_ONESHOT:
		return p11_cmd_sign_step(c, a, cmd, types, p);
	case P11_CMD_RELEASE_ACTIVE_PROCESSING:
		return p11_cmd_release(c, a);
	case P11_CMD_ENCRYPT_INIT:
	case P11_CMD_DECRYPT_INIT:
		return p11_cmd_cipher_init(c, a, cmd == P11_CMD_ENCRYPT_INIT);
	case P11_CMD_ENCRYPT_UPDATE:
	case P11_CMD_DECRYPT_UPDATE:
	case P11_CMD_ENCRYPT_FINAL:
	case P11_CMD_DECRYPT_FINAL:
	case P11_CMD_ENCRYPT_ONESHOT:
	case P11_CMD_DECRYPT_ONESHOT:
		return p11_cmd_cipher_step(c, a, cmd, types, p);
	case P11_CMD_GENERATE_RANDOM:
		return p11_cmd_generate_random(c, a, types, p);
	case P11_CMD_SEED_RANDOM:
		return p11_cmd_seed_random(c, a);
	case P11_CMD_DIGEST_INIT:
		return p11_cmd_digest_init(c, a);
	case P11_CMD_DIGEST_KEY:
		return p11_cmd_digest_key(c, a);
	case P11_CMD_DIGEST_UPDATE:
	case P11_CMD_DIGEST_FINAL:
	case P11_CMD_DIGEST_ONESHOT:
		return p11_cmd_digest_step(c, a, cmd, types, p);
	case P11_CMD_WRAP_KEY:
		return p11_cmd_wrap_key(c, a, types, p);
	case P11_CMD_UNWRAP_KEY:
		return p11_cmd_unwrap_key(c, a, types, p);
	case P11_CMD_DERIVE_KEY:
		return p11_cmd_derive_key(c, a, types, p);
	default:
		return P11_CKR_FUNCTION_NOT_SUPPORTED;
	}
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **ctx)
{
	struct p11_client *c = TEE_Malloc(sizeof(*c), TEE_MALLOC_FILL_ZERO);
	TEE_Result res;

	if (!c)
		return TEE_ERROR_OUT_OF_MEMORY;
	res = p11_token_bind(c);
	if (res != TEE_SUCCESS) {
		TEE_Free(c);
		return res;
	}
	*ctx = c;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *ctx)
{
	struct p11_client *c = ctx;

	p11_cur = c->tok;
	p11_session_close_all(c);
	p11_token_unbind(c);
	TEE_Free(c);
}

/*
 * p0 is copied into TA memory before it is parsed, so the normal world cannot change an
 * argument between its check and its use; the return code goes back into p0 with size 4, which
 * is how libckteec tells a TA answer from a transport failure. CKR_BUFFER_TOO_SMALL is the TEE's
 * SHORT_BUFFER (p2's size then the size needed), but for C_GetAttributeValue, whose p2 is always
 * the template's size and comes back filled: there the code says an attribute's buffer was short.
 */
TEE_Result TA_InvokeCommandEntryPoint(void *ctx, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	struct p11_args a = {0};
	uint8_t *buf = NULL;
	uint32_t rv;

	if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_MEMREF_INOUT ||
	    p[0].memref.size < sizeof(rv))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].memref.size > P11_CTRL_MAX) {
		rv = P11_CKR_ARGUMENTS_BAD;
	} else {
		buf = TEE_Malloc(p[0].memref.size, 0);
		if (!buf)
			return TEE_ERROR_OUT_OF_MEMORY;
		a.p = buf;
		a.left = p[0].memref.size;
		TEE_MemMove(buf, p[0].memref.buffer, a.left);
		rv = dispatch(ctx, cmd, &a, types, p);
		/* the copy may hold PINs */
		TEE_MemFill(buf, 0, p[0].memref.size);
		TEE_Free(buf);
	}
	TEE_MemMove(p[0].memref.buffer, &rv, sizeof(rv));
	p[0].memref.size = sizeof(rv);
	if (rv == P11_CKR_BUFFER_TOO_SMALL && cmd != P11_CMD_GET_ATTRIBUTE_VALUE)
		return TEE_ERROR_SHORT_BUFFER;
	return TEE_SUCCESS;
}
