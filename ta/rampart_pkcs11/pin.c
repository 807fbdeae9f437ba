// SPDX-License-Identifier: BSD-2-Clause
/*
 * PINs: stored as SHA-256 (GP TEE_ALG_SHA256) over the token's random salt, the user type and
 * the PIN, never in clear. Every check counts as a failure in storage before the comparison,
 * and the count is cleared only after a match: a normal world that blocks the storage write
 * learns nothing, as a check whose count cannot be stored is refused before it compares.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

uint32_t p11_pin_hash(const uint8_t salt[P11_SALT_SIZE], uint32_t user, const uint8_t *pin,
		      size_t len, uint8_t out[P11_HASH_SIZE])
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	uint8_t who = (uint8_t)user;
	size_t out_len = P11_HASH_SIZE;
	TEE_Result res;

	res = TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0);
	if (res != TEE_SUCCESS)
		return P11_CKR_DEVICE_MEMORY;
	TEE_DigestUpdate(op, salt, P11_SALT_SIZE);
	TEE_DigestUpdate(op, &who, 1);
	res = TEE_DigestDoFinal(op, pin, len, out, &out_len);
	TEE_FreeOperation(op);
	return res == TEE_SUCCESS && out_len == P11_HASH_SIZE ? P11_CKR_OK : P11_CKR_DEVICE_ERROR;
}

/* Compares without an early exit, so the time taken does not tell where hashes differ. */
static bool same_hash(const uint8_t *a, const uint8_t *b)
{
	uint8_t d = 0;

	for (size_t i = 0; i < P11_HASH_SIZE; i++)
		d |= a[i] ^ b[i];
	return d == 0;
}

uint32_t p11_pin_check(uint32_t user, const uint8_t *pin, size_t len)
{
	bool so = user == P11_CKU_SO;
	uint32_t *fails = so ? &p11_cur->rec.so_fails : &p11_cur->rec.user_fails;
	uint32_t tries = so ? P11_SO_PIN_TRIES : P11_PIN_TRIES;
	uint8_t hash[P11_HASH_SIZE];
	uint32_t rv;
	bool match;

	if (!so && !p11_cur->rec.user_pin_set)
		return P11_CKR_USER_PIN_NOT_INITIALIZED;
	if (*fails >= tries)
		return P11_CKR_PIN_LOCKED;
	if (len < P11_PIN_MIN || len > P11_PIN_MAX)
		return P11_CKR_PIN_INCORRECT;
	(*fails)++;
	if (p11_token_save() != P11_CKR_OK) {
		(*fails)--;
		return P11_CKR_DEVICE_ERROR;
	}
	rv = p11_pin_hash(p11_cur->rec.salt, user, pin, len, hash);
	if (rv != P11_CKR_OK)
		return rv;
	match = same_hash(hash, so ? p11_cur->rec.so_hash : p11_cur->rec.user_hash);
	if (!match)
		return *fails >= tries ? P11_CKR_PIN_LOCKED : P11_CKR_PIN_INCORRECT;
	*fails = 0;
	if (p11_token_save() != P11_CKR_OK)
		EMSG("pkcs11: failure count not cleared in storage");
	return P11_CKR_OK;
}

/* Sets a PIN and clears its failure count (C_InitPIN unlocks a locked user PIN this way). */
uint32_t p11_pin_set(uint32_t user, const uint8_t *pin, size_t len)
{
	struct p11_token_rec old = p11_cur->rec;
	bool so = user == P11_CKU_SO;
	uint32_t rv;

	if (len < P11_PIN_MIN || len > P11_PIN_MAX)
		return P11_CKR_PIN_LEN_RANGE;
	rv = p11_pin_hash(p11_cur->rec.salt, user, pin, len,
			  so ? p11_cur->rec.so_hash : p11_cur->rec.user_hash);
	if (rv != P11_CKR_OK)
		return rv;
	if (so) {
		p11_cur->rec.so_fails = 0;
	} else {
		p11_cur->rec.user_fails = 0;
		p11_cur->rec.user_pin_set = 1;
	}
	rv = p11_token_save();
	if (rv != P11_CKR_OK)
		p11_cur->rec = old;
	return rv;
}

/* C_InitPIN (PKCS#11 v2.40 5.6): the SO sets the user PIN, in a R/W SO session. */
uint32_t p11_cmd_init_pin(struct p11_client *c, struct p11_args *a)
{
	uint32_t handle = 0, len = 0, rv;
	const uint8_t *pin = NULL;
	bool rw = false;

	if (!p11_get_u32(a, &handle) || !p11_get_u32(a, &len) || !p11_get_bytes(a, len, &pin))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_session_find(c, handle, &rw);
	if (rv != P11_CKR_OK)
		return rv;
	if (!c->logged_in || c->user != P11_CKU_SO)
		return P11_CKR_USER_NOT_LOGGED_IN;
	return p11_pin_set(P11_CKU_USER, pin, len);
}

/*
 * C_SetPIN (PKCS#11 v2.40 5.6): changes the PIN of who is logged in, or the user's PIN in a
 * public session; the old PIN is checked (and counted) first; R/W sessions only.
 */
uint32_t p11_cmd_set_pin(struct p11_client *c, struct p11_args *a)
{
	uint32_t handle = 0, old_len = 0, new_len = 0, user, rv;
	const uint8_t *old = NULL, *new = NULL;
	bool rw = false;

	if (!p11_get_u32(a, &handle) || !p11_get_u32(a, &old_len) || !p11_get_u32(a, &new_len) ||
	    !p11_get_bytes(a, old_len, &old) || !p11_get_bytes(a, new_len, &new))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_session_find(c, handle, &rw);
	if (rv != P11_CKR_OK)
		return rv;
	if (!rw)
		return P11_CKR_SESSION_READ_ONLY;
	if (new_len < P11_PIN_MIN || new_len > P11_PIN_MAX)
		return P11_CKR_PIN_LEN_RANGE;
	user = c->logged_in && c->user == P11_CKU_SO ? P11_CKU_SO : P11_CKU_USER;
	rv = p11_pin_check(user, old, old_len);
	if (rv != P11_CKR_OK)
		return rv;
	return p11_pin_set(user, new, new_len);
}
