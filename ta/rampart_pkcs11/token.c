// SPDX-License-Identifier: BSD-2-Clause
/*
 * The tokens and their persistent records: label, PIN hashes with their salt, failure counts.
 *
 * Which token a client sees is decided by its login identity, which Linux's TEE driver computes
 * and the trusted OS passes on (GP TEE Internal Core API v1.3.1 4.4, gpd.client.identity): a
 * client of public login sees the shared token; a client of any other login (user, group, ...)
 * sees a token of its own, whose record and objects are named in trusted storage after the login
 * type and the client UUID. A name is all that reaches an object in TEE_STORAGE_PRIVATE, so a
 * client has no way to name, list, read or erase another identity's token or objects
 * (docs/pkcs11-clients.md).
 *
 * A record is one GP persistent object, replaced whole with TEE_DATA_FLAG_OVERWRITE, which GP
 * makes atomic (TEE Internal Core API v1.3.1 5.7.2: the old object stays until the new one is
 * complete), so a power cut leaves either the old or the new record, never a mix.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define TOKEN_MAGIC 0x31317031u /* "1p11" */
/* The shared token's names are those it had before identity tokens: its storage is unchanged. */
static struct p11_tok shared_tok = {
    .shared = true,
    .state = P11_CKR_GENERAL_ERROR,
    .rec_name = "pkcs11-token-0",
    .rec_len = sizeof("pkcs11-token-0") - 1,
    .obj_prefix = "pkcs11-obj-",
    .obj_prefix_len = sizeof("pkcs11-obj-") - 1,
};
static struct p11_tok id_toks[P11_MAX_ID_TOKENS];
struct p11_tok *p11_cur = &shared_tok;

static const char hex[] = "0123456789abcdef";

static size_t put_hex(char *out, const uint8_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[v[i] >> 4];
		out[2 * i + 1] = hex[v[i] & 15];
	}
	return 2 * n;
}

/* The client UUID's 16 octets in RFC 4122 order (most significant first), as Linux made them. */
static void uuid_octets(const TEE_UUID *u, uint8_t o[16])
{
	for (size_t i = 0; i < 4; i++)
		o[i] = (uint8_t)(u->timeLow >> (24 - 8 * i));
	o[4] = (uint8_t)(u->timeMid >> 8);
	o[5] = (uint8_t)u->timeMid;
	o[6] = (uint8_t)(u->timeHiAndVersion >> 8);
	o[7] = (uint8_t)u->timeHiAndVersion;
	memcpy(o + 8, u->clockSeqAndNode, 8);
}

/*
 * An identity token's names: "pkcs11-" LOGIN "-" UUID "-token" and "pkcs11-" LOGIN "-" UUID
 * "-obj-" ID, LOGIN the login type in 8 hex digits and UUID the client UUID in 32. 61 bytes at
 * most, in TEE_OBJECT_ID_MAX_LEN (64). Neither can be a shared token's name: those go on with
 * "obj-" or "token-", which are not hex digits.
 */
static void name_identity(struct p11_tok *t)
{
	uint8_t login[4] = {(uint8_t)(t->login >> 24), (uint8_t)(t->login >> 16),
			    (uint8_t)(t->login >> 8), (uint8_t)t->login};
	uint8_t uuid[16];
	char ns[P11_NAME_MAX];
	size_t n = 0;

	uuid_octets(&t->uuid, uuid);
	memcpy(ns, "pkcs11-", 7);
	n = 7;
	n += put_hex(ns + n, login, sizeof(login));
	ns[n++] = '-';
	n += put_hex(ns + n, uuid, sizeof(uuid));
	ns[n++] = '-';
	memcpy(t->rec_name, ns, n);
	memcpy(t->rec_name + n, "token", 5);
	t->rec_len = n + 5;
	memcpy(t->obj_prefix, ns, n);
	memcpy(t->obj_prefix + n, "obj-", 4);
	t->obj_prefix_len = n + 4;
}

/*
 * TA_OpenSessionEntryPoint: binds the client to the token of its login identity, found among
 * those in memory or set up (and read at its first command). With P11_MAX_ID_TOKENS identities
 * in memory, the session of another is refused with TEE_ERROR_BUSY until one of them leaves:
 * libckteec's C_Initialize then fails with CKR_DEVICE_ERROR.
 */
TEE_Result p11_token_bind(struct p11_client *c)
{
	struct p11_tok *t = NULL;
	TEE_Identity id;
	TEE_Result res;

	res = TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT, "gpd.client.identity", &id);
	if (res != TEE_SUCCESS)
		return res;
	if (id.login == TEE_LOGIN_PUBLIC) {
		c->tok = &shared_tok;
		shared_tok.clients++;
		return TEE_SUCCESS;
	}
	for (size_t i = 0; i < P11_MAX_ID_TOKENS && !t; i++)
		if (id_toks[i].clients && id_toks[i].login == id.login &&
		    !memcmp(&id_toks[i].uuid, &id.uuid, sizeof(id.uuid)))
			t = &id_toks[i];
	for (size_t i = 0; i < P11_MAX_ID_TOKENS && !t; i++) {
		if (id_toks[i].clients)
			continue;
		t = &id_toks[i];
		memset(t, 0, sizeof(*t));
		t->login = id.login;
		t->uuid = id.uuid;
		t->state = P11_CKR_GENERAL_ERROR;
		name_identity(t);
	}
	if (!t) {
		EMSG("pkcs11: %u identity tokens in use: login %#x refused", P11_MAX_ID_TOKENS,
		     id.login);
		return TEE_ERROR_BUSY;
	}
	t->clients++;
	c->tok = t;
	return TEE_SUCCESS;
}

/*
 * TA_CloseSessionEntryPoint, the client's sessions closed: the last client of an identity takes
 * its token out of memory (its objects and its record with the PIN hashes); it stays in storage.
 */
void p11_token_unbind(struct p11_client *c)
{
	struct p11_tok *t = c->tok;

	c->tok = NULL;
	if (!t || --t->clients || t->shared)
		return;
	p11_cur = t;
	p11_objects_drop_token();
	p11_cur = &shared_tok;
	TEE_MemFill(t, 0, sizeof(*t));
}

/* Reads the record; a token never initialised has none and starts blank. */
uint32_t p11_token_load(void)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	size_t n = 0;
	TEE_Result res;

	memset(&p11_cur->rec, 0, sizeof(p11_cur->rec));
	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, p11_cur->rec_name, p11_cur->rec_len,
				       TEE_DATA_FLAG_ACCESS_READ, &h);
	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		return P11_CKR_OK;
	if (res != TEE_SUCCESS)
		return P11_CKR_DEVICE_ERROR;
	res = TEE_ReadObjectData(h, &p11_cur->rec, sizeof(p11_cur->rec), &n);
	TEE_CloseObject(h);
	if (res != TEE_SUCCESS || n != sizeof(p11_cur->rec) || p11_cur->rec.magic != TOKEN_MAGIC) {
		EMSG("pkcs11: token record unreadable (%#x, %zu bytes)", res, n);
		memset(&p11_cur->rec, 0, sizeof(p11_cur->rec));
		return P11_CKR_DEVICE_ERROR;
	}
	return P11_CKR_OK;
}

uint32_t p11_token_save(void)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Result res;

	p11_cur->rec.magic = TOKEN_MAGIC;
	res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, p11_cur->rec_name, p11_cur->rec_len,
					 TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_OVERWRITE,
					 TEE_HANDLE_NULL, &p11_cur->rec, sizeof(p11_cur->rec), &h);
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

	if (!p11_cur->rec.initialised)
		return f;
	f |= P11_CKF_TOKEN_INITIALIZED;
	if (p11_cur->rec.user_pin_set)
		f |= P11_CKF_USER_PIN_INITIALIZED;
	if (p11_cur->rec.user_fails >= P11_PIN_TRIES)
		f |= P11_CKF_USER_PIN_LOCKED;
	else if (p11_cur->rec.user_fails + 1 == P11_PIN_TRIES)
		f |= P11_CKF_USER_PIN_FINAL_TRY | P11_CKF_USER_PIN_COUNT_LOW;
	else if (p11_cur->rec.user_fails)
		f |= P11_CKF_USER_PIN_COUNT_LOW;
	if (p11_cur->rec.so_fails >= P11_SO_PIN_TRIES)
		f |= P11_CKF_SO_PIN_LOCKED;
	else if (p11_cur->rec.so_fails + 1 == P11_SO_PIN_TRIES)
		f |= P11_CKF_SO_PIN_FINAL_TRY | P11_CKF_SO_PIN_COUNT_LOW;
	else if (p11_cur->rec.so_fails)
		f |= P11_CKF_SO_PIN_COUNT_LOW;
	return f;
}

/*
 * The serial number. The shared token's: hex of the salt's first bytes, new at each
 * initialisation. An identity token's: hex of the client UUID's first 8 octets, which anyone can
 * compute from the uid or gid (Linux: UUIDv5 of "uid=" or "gid=" and the id in hex), so a user
 * can see which identity the token is bound to; it stays the same through initialisations.
 */
void p11_token_serial(uint8_t out[16])
{
	uint8_t uuid[16];

	if (p11_cur->shared) {
		put_hex((char *)out, p11_cur->rec.salt, 8);
		return;
	}
	uuid_octets(&p11_cur->uuid, uuid);
	put_hex((char *)out, uuid, 8);
}

/* The model names the login type the token is bound to (CK_TOKEN_INFO model, 16 bytes). */
void p11_token_model(uint8_t out[16])
{
	const char *m = "TEE token";
	size_t n;

	if (!p11_cur->shared) {
		switch (p11_cur->login) {
		case TEE_LOGIN_USER:
			m = "TEE user token";
			break;
		case TEE_LOGIN_GROUP:
			m = "TEE group token";
			break;
		case TEE_LOGIN_APPLICATION:
		case TEE_LOGIN_APPLICATION_USER:
		case TEE_LOGIN_APPLICATION_GROUP:
			m = "TEE app token";
			break;
		default:
			m = "TEE id token";
			break;
		}
	}
	n = strlen(m);
	memset(out, ' ', 16);
	memcpy(out, m, n);
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
	if (p11_cur->rec.initialised) {
		rv = p11_pin_check(P11_CKU_SO, pin, len);
		if (rv != P11_CKR_OK)
			return rv;
	}
	memset(&p11_cur->rec, 0, sizeof(p11_cur->rec));
	TEE_GenerateRandom(p11_cur->rec.salt, sizeof(p11_cur->rec.salt));
	memcpy(p11_cur->rec.label, label, sizeof(p11_cur->rec.label));
	rv = p11_pin_hash(p11_cur->rec.salt, P11_CKU_SO, pin, len, p11_cur->rec.so_hash);
	if (rv == P11_CKR_OK) {
		p11_cur->rec.initialised = 1;
		rv = p11_token_save();
	}
	/* Nothing stored: the token stays as it was. Stored: the old token's objects go. */
	if (rv != P11_CKR_OK)
		p11_token_load();
	else
		p11_store_erase_all();
	return rv;
}
