// SPDX-License-Identifier: BSD-2-Clause
/*
 * The token's persistent record: label, PIN hashes with their salt, failure counts. It is one
 * GP persistent object in TEE_STORAGE_PRIVATE, replaced whole with TEE_DATA_FLAG_OVERWRITE, which
 * GP makes atomic (TEE Internal Core API v1.3.1 5.7.2: the old object stays until the new one is
 * complete), so a power cut leaves either the old or the new record, never a mix.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define TOKEN_MAGIC 0x31317031u /* "1p11" */
static const char token_id[] = "pkcs11-token-0";

struct p11_token_rec p11_token;

/* Reads the record; a token never initialised has none and starts blank. */
uint32_t p11_token_load(void)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	size_t n = 0;
	TEE_Result res;

	memset(&p11_token, 0, sizeof(p11_token));
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, token_id, sizeof(token_id) - 1,
				       TEE_DATA_FLAG_ACCESS_READ, &h);
	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		return P11_CKR_OK;
	if (res != TEE_SUCCESS)
		return P11_CKR_DEVICE_ERROR;
	res = TEE_ReadObjectData(h, &p11_token, sizeof(p11_token), &n);
	TEE_CloseObject(h);
	if (res != TEE_SUCCESS || n != sizeof(p11_token) || p11_token.magic != TOKEN_MAGIC) {
		EMSG("pkcs11: token record unreadable (%#x, %zu bytes)", res, n);
		memset(&p11_token, 0, sizeof(p11_token));
		return P11_CKR_DEVICE_ERROR;
	}
	return P11_CKR_OK;
}

uint32_t p11_token_save(void)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Result res;

	p11_token.magic = TOKEN_MAGIC;
	res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, token_id, sizeof(token_id) - 1,
					 TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_OVERWRITE,
					 TEE_HANDLE_NULL, &p11_token, sizeof(p11_token), &h);
	if (res != TEE_SUCCESS) {
		EMSG("pkcs11: cannot store the token record: %#x", res);
		return P11_CKR_DEVICE_ERROR;
	}
	TEE_CloseObject(h);
	return P11_CKR_OK;
}

/* CK_TOKEN_INFO flags from the record (PKCS#11 v2.40, CK_TOKEN_INFO flags table). */
uint32_t p11_token_flags(void)
{
	uint32_t f = P11_CKF_LOGIN_REQUIRED | P11_CKF_RNG; /* random.c */

	if (!p11_token.initialised)
		return f;
	f |= P11_CKF_TOKEN_INITIALIZED;
	if (p11_token.user_pin_set)
		f |= P11_CKF_USER_PIN_INITIALIZED;
	if (p11_token.user_fails >= P11_PIN_TRIES)
		f |= P11_CKF_USER_PIN_LOCKED;
	else if (p11_token.user_fails + 1 == P11_PIN_TRIES)
		f |= P11_CKF_USER_PIN_FINAL_TRY | P11_CKF_USER_PIN_COUNT_LOW;
	else if (p11_token.user_fails)
		f |= P11_CKF_USER_PIN_COUNT_LOW;
	if (p11_token.so_fails >= P11_SO_PIN_TRIES)
		f |= P11_CKF_SO_PIN_LOCKED;
	else if (p11_token.so_fails + 1 == P11_SO_PIN_TRIES)
		f |= P11_CKF_SO_PIN_FINAL_TRY | P11_CKF_SO_PIN_COUNT_LOW;
	else if (p11_token.so_fails)
		f |= P11_CKF_SO_PIN_COUNT_LOW;
	return f;
}

/* The serial number: hex of the salt's first bytes, new at each initialisation. */
void p11_token_serial(uint8_t out[16])
{
	static const char hex[] = "0123456789abcdef";

	for (size_t i = 0; i < 8; i++) {
		out[2 * i] = hex[p11_token.salt[i] >> 4];
		out[2 * i + 1] = hex[p11_token.salt[i] & 15];
	}
}

/*
 * C_InitToken (PKCS#11 v2.40 5.6): the first call sets the SO PIN; a later one must present it
 * (counted as a login attempt) and wipes the user PIN. Refused while any session is open.
 */
uint32_t p11_cmd_init_token(struct p11_args *a)
{
	const uint8_t *label = NULL, *pin = NULL;
	uint32_t slot = 0, len = 0, rv;

	if (!p11_get_u32(a, &slot) || !p11_get_u32(a, &len) || !p11_get_bytes(a, 32, &label) ||
	    !p11_get_bytes(a, len, &pin))
		return P11_CKR_ARGUMENTS_BAD;
	if (slot != P11_SLOT_ID)
		return P11_CKR_SLOT_ID_INVALID;
	if (len < P11_PIN_MIN || len > P11_PIN_MAX)
		return P11_CKR_PIN_LEN_RANGE;
	if (p11_any_session())
		return P11_CKR_SESSION_EXISTS;
	if (p11_token.initialised) {
		rv = p11_pin_check(P11_CKU_SO, pin, len);
		if (rv != P11_CKR_OK)
			return rv;
	}
	memset(&p11_token, 0, sizeof(p11_token));
	TEE_GenerateRandom(p11_token.salt, sizeof(p11_token.salt));
	memcpy(p11_token.label, label, sizeof(p11_token.label));
	rv = p11_pin_hash(p11_token.salt, P11_CKU_SO, pin, len, p11_token.so_hash);
	if (rv == P11_CKR_OK) {
		p11_token.initialised = 1;
		rv = p11_token_save();
	}
	/* Nothing stored: the token stays as it was. Stored: the old token's objects go. */
	if (rv != P11_CKR_OK)
		p11_token_load();
	else
		p11_store_erase_all();
	return rv;
}
