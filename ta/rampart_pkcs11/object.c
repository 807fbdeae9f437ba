// SPDX-License-Identifier: BSD-2-Clause
/*
 * Objects (PKCS#11 v2.40 4.4, 5.7): one table for every application. A token object
 * (CKA_TOKEN true) is kept in trusted storage (store.c) and seen by every application; a
 * session object belongs to the session that made it and goes with it. A private object
 * (CKA_PRIVATE true) exists for an application only while its user is logged in: its handle is
 * then as invalid as an unknown one. Handles come from a counter, so a stale one does not reach
 * a newer object.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

static struct p11_object *objects[P11_MAX_OBJECTS];
static uint32_t next_handle = 1;

static bool user_in(const struct p11_client *c)
{
	return c->logged_in && c->user == P11_CKU_USER;
}

bool p11_object_visible(const struct p11_client *c, const struct p11_object *o)
{
	/* Another login identity's token, and its objects, do not exist for c (token.c). */
	if (o->tok != c->tok)
		return false;
	if (!o->token && o->owner != c)
		return false;
	return !p11_attrs_bool(&o->attrs, P11_CKA_PRIVATE, true) || user_in(c);
}

struct p11_object *p11_object_get(struct p11_client *c, uint32_t handle)
{
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] && objects[i]->handle == handle && handle &&
		    p11_object_visible(c, objects[i]))
			return objects[i];
	return NULL;
}

uint32_t p11_object_class(const struct p11_object *o)
{
	uint32_t v = P11_UNAVAILABLE;

	p11_attrs_u32(&o->attrs, P11_CKA_CLASS, &v);
	return v;
}

/*
 * Whether key o may be used with mechanism mech: CKA_ALLOWED_MECHANISMS (PKCS#11 v2.40 4.7.2,
 * common key attributes) lists the mechanisms a key may be used with; a key without it has no
 * such limit. An empty list allows none (nothing listed, nothing allowed).
 */
bool p11_key_allows(const struct p11_object *o, uint32_t mech)
{
	const uint8_t *v = NULL;
	uint32_t len = 0, id;

	if (!p11_attrs_get(&o->attrs, P11_CKA_ALLOWED_MECHANISMS, &v, &len))
		return true;
	for (uint32_t i = 0; i + sizeof(id) <= len; i += sizeof(id)) {
		memcpy(&id, v + i, sizeof(id));
		if (id == mech)
			return true;
	}
	return false;
}

/*
 * A private key the user must authenticate for at each use (PKCS#11 v2.40 4.9
 * CKA_ALWAYS_AUTHENTICATE: "the user has to supply the PIN for each use (sign or decrypt)").
 */
bool p11_key_always_auth(const struct p11_object *o)
{
	return p11_object_class(o) == P11_CKO_PRIVATE_KEY &&
	       p11_attrs_bool(&o->attrs, P11_CKA_ALWAYS_AUTHENTICATE, false);
}

/*
 * Whether attrs may become an object in session s: PKCS#11 v2.40 5.7 C_CreateObject. Only the
 * SO makes an object trusted (v2.40 4.9, 4.10: CKA_TRUSTED "can only be set to CK_TRUE by the
 * SO user"), and a copy of a trusted object is a new one.
 */
uint32_t p11_object_may_create(struct p11_client *c, struct p11_session *s,
			       const struct p11_attrs *attrs)
{
	if (p11_attrs_bool(attrs, P11_CKA_TRUSTED, false) &&
	    !(c->logged_in && c->user == P11_CKU_SO))
		return P11_CKR_ATTRIBUTE_READ_ONLY;
	/* A read-only session first: it is the session's fault whoever logs in */
	if (p11_attrs_bool(attrs, P11_CKA_TOKEN, false) && !s->rw)
		return P11_CKR_SESSION_READ_ONLY;
	if (p11_attrs_bool(attrs, P11_CKA_PRIVATE, true) && !user_in(c))
		return P11_CKR_USER_NOT_LOGGED_IN;
	return P11_CKR_OK;
}

static size_t session_objects_of(const struct p11_client *c)
{
	size_t n = 0;

	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		n += objects[i] && !objects[i]->token && objects[i]->owner == c;
	return n;
}

static void object_free(struct p11_object *o)
{
	p11_attrs_free(&o->attrs);
	TEE_Free(o);
}

/*
 * Puts an object in the table; a token object is stored first, and kept only if stored. Takes
 * attrs (it is emptied, also on failure). Store-loaded objects pass stored = true.
 */
uint32_t p11_object_add(struct p11_client *c, struct p11_session *s, struct p11_attrs *attrs,
			bool stored, uint32_t store_id, uint32_t *handle)
{
	struct p11_object *o = NULL;
	size_t slot = P11_MAX_OBJECTS;
	uint32_t rv;

	for (size_t i = 0; i < P11_MAX_OBJECTS && slot == P11_MAX_OBJECTS; i++)
		if (!objects[i])
			slot = i;
	if (!stored && !p11_attrs_bool(attrs, P11_CKA_TOKEN, false) &&
	    session_objects_of(c) >= P11_MAX_SESSION_OBJECTS)
		slot = P11_MAX_OBJECTS;
	o = slot < P11_MAX_OBJECTS ? TEE_Malloc(sizeof(*o), TEE_MALLOC_FILL_ZERO) : NULL;
	if (!o) {
		p11_attrs_free(attrs);
		return P11_CKR_DEVICE_MEMORY;
	}
	o->attrs = *attrs;
	memset(attrs, 0, sizeof(*attrs));
	o->token = stored || p11_attrs_bool(&o->attrs, P11_CKA_TOKEN, false);
	o->store_id = store_id;
	o->tok = p11_cur;
	if (!o->token) {
		o->owner = c;
		o->session = s->handle;
	} else if (!stored) {
		rv = p11_store_put(o);
		if (rv != P11_CKR_OK) {
			object_free(o);
			return rv;
		}
	}
	o->handle = next_handle++;
	if (!next_handle)
		next_handle = 1;
	objects[slot] = o;
	if (handle)
		*handle = o->handle;
	return P11_CKR_OK;
}

/* Removes an object: from storage first (a token object that cannot be erased stays). */
static uint32_t object_remove(struct p11_object *o)
{
	if (o->token) {
		uint32_t rv = p11_store_delete(o);

		if (rv != P11_CKR_OK)
			return rv;
	}
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] == o)
			objects[i] = NULL;
	object_free(o);
	return P11_CKR_OK;
}

uint32_t p11_object_destroy(struct p11_client *c, uint32_t handle)
{
	struct p11_object *o = p11_object_get(c, handle);

	return o ? object_remove(o) : P11_CKR_OBJECT_HANDLE_INVALID;
}

/* The session objects of a session that closes (PKCS#11 v2.40 4.4). */
void p11_objects_session_closed(struct p11_client *c, uint32_t session)
{
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] && !objects[i]->token && objects[i]->owner == c &&
		    objects[i]->session == session)
			object_remove(objects[i]);
}

/*
 * Logging out (PKCS#11 v2.40 5.6 C_Logout): "all private session objects from sessions
 * belonging to the application are destroyed".
 */
void p11_objects_logout(struct p11_client *c)
{
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] && !objects[i]->token && objects[i]->owner == c &&
		    p11_attrs_bool(&objects[i]->attrs, P11_CKA_PRIVATE, true))
			object_remove(objects[i]);
}

/*
 * Forgets the current token's objects in memory (it was initialised again and store.c erased
 * them, or its last client left, token.c).
 */
void p11_objects_drop_token(void)
{
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++) {
		if (objects[i] && objects[i]->token && objects[i]->tok == p11_cur) {
			object_free(objects[i]);
			objects[i] = NULL;
		}
	}
}

bool p11_store_id_used(uint32_t id)
{
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] && objects[i]->token && objects[i]->store_id == id)
			return true;
	return false;
}

/* Whether the value of attribute id of o may leave the token (PKCS#11 v2.40 4.8, 4.9). */
bool p11_object_exportable(const struct p11_object *o, uint32_t id)
{
	if (!p11_attr_is_secret(p11_object_class(o), id))
		return true;
	return !p11_attrs_bool(&o->attrs, P11_CKA_SENSITIVE, true) &&
	       p11_attrs_bool(&o->attrs, P11_CKA_EXTRACTABLE, false);
}

/* Every attribute of t has the same value in o (a secret one never matches). */
bool p11_object_matches(const struct p11_object *o, const struct p11_attrs *t)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL, *ov = NULL;
	uint32_t off = 0, olen = 0;

	while (p11_attrs_next(t, &off, &h, &v)) {
		if (!p11_object_exportable(o, h.id) ||
		    !p11_attrs_get(&o->attrs, h.id, &ov, &olen) || olen != h.size ||
		    (h.size && memcmp(ov, v, h.size)))
			return false;
	}
	return true;
}

/* C_FindObjectsInit: the handles found are kept in the session until C_FindObjectsFinal. */
uint32_t p11_find_init(struct p11_client *c, struct p11_session *s, const struct p11_attrs *t)
{
	struct p11_find *f;

	if (s->find)
		return P11_CKR_OPERATION_ACTIVE;
	f = TEE_Malloc(sizeof(*f), TEE_MALLOC_FILL_ZERO);
	if (!f)
		return P11_CKR_DEVICE_MEMORY;
	for (size_t i = 0; i < P11_MAX_OBJECTS; i++)
		if (objects[i] && p11_object_visible(c, objects[i]) &&
		    p11_object_matches(objects[i], t))
			f->handles[f->count++] = objects[i]->handle;
	s->find = f;
	return P11_CKR_OK;
}

/* GET_OBJECT_SIZE: the bytes its attributes take in the token. */
uint32_t p11_object_size(struct p11_client *c, uint32_t handle, uint32_t *size)
{
	struct p11_object *o = p11_object_get(c, handle);

	if (!o)
		return P11_CKR_OBJECT_HANDLE_INVALID;
	*size = o->attrs.size;
	return P11_CKR_OK;
}

/*
 * C_GetAttributeValue (PKCS#11 v2.40 5.7): t is the client's template, rewritten in place with
 * each value and its size, or CK_UNAVAILABLE_INFORMATION as the size of a sensitive (1), absent
 * (2) or too long (5) one; a size of 0 asks for the size (3). The code says which case was met.
 */
uint32_t p11_object_get_attrs(struct p11_client *c, uint32_t handle, struct p11_attrs *t)
{
	struct p11_object *o = p11_object_get(c, handle);
	bool sensitive = false, invalid = false, small = false;
	uint32_t off = 0;

	if (!o)
		return P11_CKR_OBJECT_HANDLE_INVALID;
	while (off < t->size) {
		struct p11_attr_head h;
		uint8_t *head = t->p + off;
		const uint8_t *v = NULL;
		uint32_t len = 0, size;

		memcpy(&h, head, sizeof(h));
		off += sizeof(h) + h.size;
		size = h.size;
		if (!p11_object_exportable(o, h.id)) {
			size = P11_UNAVAILABLE;
			sensitive = true;
		} else if (!p11_attrs_get(&o->attrs, h.id, &v, &len)) {
			size = P11_UNAVAILABLE;
			invalid = true;
		} else if (!h.size) {
			size = len;
		} else if (h.size >= len) {
			memcpy(head + sizeof(h), v, len);
			size = len;
		} else {
			size = P11_UNAVAILABLE;
			small = true;
		}
		memcpy(head + offsetof(struct p11_attr_head, size), &size, sizeof(size));
	}
	if (sensitive)
		return P11_CKR_ATTRIBUTE_SENSITIVE;
	if (invalid)
		return P11_CKR_ATTRIBUTE_TYPE_INVALID;
	return small ? P11_CKR_BUFFER_TOO_SMALL : P11_CKR_OK;
}
