// SPDX-License-Identifier: BSD-2-Clause
/*
 * PKCS#11 sessions of all client applications, in one table (the TA is single-instance); each
 * is on the token of its application's login identity (token.c), and what a token reports or
 * refuses counts its own sessions only. A
 * handle names a session of the application that opened it only: another application's handle
 * is as invalid as an unknown one. Handles are not reused soon (a counter), so a stale handle
 * does not reach a newer session.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

static struct p11_session sessions[P11_MAX_SESSIONS];
static uint32_t next_handle = 1;

static struct p11_session *lookup(struct p11_client *c, uint32_t handle)
{
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++)
		if (sessions[i].owner == c && sessions[i].handle == handle)
			return &sessions[i];
	return NULL;
}

static size_t count_of(struct p11_client *c)
{
	size_t n = 0;

	for (size_t i = 0; i < P11_MAX_SESSIONS; i++)
		n += sessions[i].owner == c;
	return n;
}

/* A session on the current token (p11_cur). */
static bool on_token(const struct p11_session *s)
{
	return s->owner && s->owner->tok == p11_cur;
}

bool p11_any_session(void)
{
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++)
		if (on_token(&sessions[i]))
			return true;
	return false;
}

bool p11_client_has_ro(struct p11_client *c)
{
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++)
		if (sessions[i].owner == c && !sessions[i].rw)
			return true;
	return false;
}

void p11_session_count(uint32_t *all, uint32_t *rw)
{
	*all = 0;
	*rw = 0;
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++) {
		if (!on_token(&sessions[i]))
			continue;
		(*all)++;
		*rw += sessions[i].rw;
	}
}

/* What a session holds besides its handle: its search, its operations, its objects. */
static void session_clear(struct p11_session *s)
{
	p11_op_free(s->op);
	p11_digest_free(s);
	p11_cipher_free(s);
	p11_oaep_free(s);
	TEE_Free(s->find);
	p11_objects_session_closed(s->owner, s->handle);
	memset(s, 0, sizeof(*s));
}

/* The session named by the next argument, an application's own only. */
uint32_t p11_session_args(struct p11_client *c, struct p11_args *a, struct p11_session **s)
{
	uint32_t handle = 0;

	if (!p11_get_u32(a, &handle))
		return P11_CKR_ARGUMENTS_BAD;
	*s = handle ? lookup(c, handle) : NULL;
	return *s ? P11_CKR_OK : P11_CKR_SESSION_HANDLE_INVALID;
}

/* One operation per session (PKCS#11 v2.40 5.2): a signature, a digest, AES or RSA-OAEP. */
bool p11_session_busy(const struct p11_session *s)
{
	return s->op || s->digest != TEE_HANDLE_NULL || s->cipher || s->oaep;
}

/* Logging out ends the application's operations and searches: they may use private objects. */
void p11_session_logout(struct p11_client *c)
{
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++) {
		if (sessions[i].owner != c)
			continue;
		p11_op_free(sessions[i].op);
		sessions[i].op = NULL;
		p11_cipher_free(&sessions[i]);
		p11_oaep_free(&sessions[i]);
		TEE_Free(sessions[i].find);
		sessions[i].find = NULL;
	}
	p11_objects_logout(c);
	c->logged_in = false;
}

uint32_t p11_session_find(struct p11_client *c, uint32_t handle, bool *rw)
{
	struct p11_session *s = lookup(c, handle);

	if (!s || !handle)
		return P11_CKR_SESSION_HANDLE_INVALID;
	*rw = s->rw;
	return P11_CKR_OK;
}

/* CK_STATE (PKCS#11 v2.40 5.6, session states) from the application's login and the flags. */
uint32_t p11_session_state(struct p11_client *c, bool rw)
{
	if (c->logged_in && c->user == P11_CKU_SO)
		return P11_CKS_RW_SO;
	if (c->logged_in)
		return rw ? P11_CKS_RW_USER : P11_CKS_RO_USER;
	return rw ? P11_CKS_RW_PUBLIC : P11_CKS_RO_PUBLIC;
}

/* C_OpenSession (PKCS#11 v2.40 5.6): serial sessions only; no R/O session beside the SO. */
uint32_t p11_cmd_open_session(struct p11_client *c, struct p11_args *a, uint32_t *handle)
{
	uint32_t slot = 0, flags = 0;

	if (!p11_get_u32(a, &slot) || !p11_get_u32(a, &flags))
		return P11_CKR_ARGUMENTS_BAD;
	if (slot != P11_SLOT_ID)
		return P11_CKR_SLOT_ID_INVALID;
	if (!(flags & P11_CKF_SERIAL_SESSION))
		return P11_CKR_SESSION_PARALLEL_NOT_SUPPORTED;
	if (flags & ~(P11_CKF_SERIAL_SESSION | P11_CKF_RW_SESSION))
		return P11_CKR_ARGUMENTS_BAD;
	if (!(flags & P11_CKF_RW_SESSION) && c->logged_in && c->user == P11_CKU_SO)
		return P11_CKR_SESSION_READ_WRITE_SO_EXISTS;
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++) {
		if (sessions[i].owner)
			continue;
		sessions[i].owner = c;
		sessions[i].rw = flags & P11_CKF_RW_SESSION;
		sessions[i].handle = next_handle++;
		if (!next_handle)
			next_handle = 1;
		*handle = sessions[i].handle;
		return P11_CKR_OK;
	}
	return P11_CKR_SESSION_COUNT;
}

/* C_CloseSession: closing an application's last session logs it out (PKCS#11 v2.40 5.6). */
uint32_t p11_session_close(struct p11_client *c, uint32_t handle)
{
	struct p11_session *s = lookup(c, handle);

	if (!s || !handle)
		return P11_CKR_SESSION_HANDLE_INVALID;
	session_clear(s);
	if (!count_of(c))
		p11_session_logout(c);
	return P11_CKR_OK;
}

void p11_session_close_all(struct p11_client *c)
{
	for (size_t i = 0; i < P11_MAX_SESSIONS; i++)
		if (sessions[i].owner == c)
			session_clear(&sessions[i]);
	c->logged_in = false;
}

/*
 * C_Login(CKU_CONTEXT_SPECIFIC) (PKCS#11 v2.40 5.6): the user's PIN again, for the operation just
 * started in session s; with none started, CKR_OPERATION_NOT_INITIALIZED. Only the user, logged
 * in, gives it (a CKA_ALWAYS_AUTHENTICATE key is private), and a wrong one counts towards the
 * PIN's lock as any other. It authenticates that one operation: the next one asks again.
 */
static uint32_t context_login(struct p11_client *c, struct p11_session *s, const uint8_t *pin,
			      uint32_t len)
{
	uint32_t rv;

	if (!p11_session_busy(s))
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	if (!c->logged_in || c->user != P11_CKU_USER)
		return P11_CKR_USER_NOT_LOGGED_IN;
	rv = p11_pin_check(P11_CKU_USER, pin, len);
	if (rv == P11_CKR_OK)
		s->context_login = false;
	return rv;
}

/*
 * C_Login (PKCS#11 v2.40 5.6): one user type at a time per application; the SO only without
 * R/O sessions; the PIN is checked and counted by pin.c.
 */
uint32_t p11_cmd_login(struct p11_client *c, struct p11_args *a)
{
	uint32_t handle = 0, user = 0, len = 0, rv;
	const uint8_t *pin = NULL;
	bool rw = false;

	if (!p11_get_u32(a, &handle) || !p11_get_u32(a, &user) || !p11_get_u32(a, &len) ||
	    !p11_get_bytes(a, len, &pin))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_session_find(c, handle, &rw);
	if (rv != P11_CKR_OK)
		return rv;
	if (user == P11_CKU_CONTEXT_SPECIFIC)
		return context_login(c, lookup(c, handle), pin, len);
	if (user != P11_CKU_SO && user != P11_CKU_USER)
		return P11_CKR_USER_TYPE_INVALID;
	if (c->logged_in)
		return c->user == user ? P11_CKR_USER_ALREADY_LOGGED_IN
				       : P11_CKR_USER_ANOTHER_ALREADY_LOGGED_IN;
	if (!p11_cur->rec.initialised)
		return user == P11_CKU_USER ? P11_CKR_USER_PIN_NOT_INITIALIZED
					    : P11_CKR_TOKEN_NOT_RECOGNIZED;
	if (user == P11_CKU_SO && p11_client_has_ro(c))
		return P11_CKR_SESSION_READ_ONLY_EXISTS;
	rv = p11_pin_check(user, pin, len);
	if (rv != P11_CKR_OK)
		return rv;
	c->logged_in = true;
	c->user = user;
	return P11_CKR_OK;
}

uint32_t p11_cmd_logout(struct p11_client *c, struct p11_args *a)
{
	uint32_t handle = 0, rv;
	bool rw = false;

	if (!p11_get_u32(a, &handle))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_session_find(c, handle, &rw);
	if (rv != P11_CKR_OK)
		return rv;
	if (!c->logged_in)
		return P11_CKR_USER_NOT_LOGGED_IN;
	p11_session_logout(c);
	return P11_CKR_OK;
}
