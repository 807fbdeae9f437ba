// SPDX-License-Identifier: BSD-2-Clause
/*
 * Token objects in trusted storage: one GP persistent object in TEE_STORAGE_PRIVATE per token
 * object, named after its token (the shared token's "pkcs11-obj-", an identity token's its login
 * and client UUID, token.c) and 8 hex digits, made whole in one TEE_CreatePersistentObject
 * call with its data (GP TEE Internal Core API v1.3.1 5.7.1: the object exists complete or not
 * at all), so a failed or cut store leaves no half object. The record names the token it belongs
 * to by the token's salt, new at each C_InitToken: records of an earlier token are never loaded,
 * and are erased when found.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define OBJ_MAGIC 0x6a626f70u /* "pobj" */
/* The current token's object names: its prefix and 8 hex digits. */
#define OBJ_ID_SIZE (p11_cur->obj_prefix_len + 8)

struct obj_rec {
	uint32_t magic;
	uint32_t count;
	uint32_t size;
	uint8_t token_salt[P11_SALT_SIZE];
};

static void obj_name(uint32_t id, char name[P11_NAME_MAX])
{
	static const char hex[] = "0123456789abcdef";
	size_t n = p11_cur->obj_prefix_len;

	memcpy(name, p11_cur->obj_prefix, n);
	for (size_t i = 0; i < 8; i++)
		name[n + i] = hex[(id >> (28 - 4 * i)) & 15];
}

/* The record of o: its header and attributes (wiped and freed by the caller). */
static uint8_t *record_of(const struct p11_object *o, size_t *len)
{
	struct obj_rec rec = {.magic = OBJ_MAGIC, .count = o->attrs.count, .size = o->attrs.size};
	uint8_t *buf = TEE_Malloc(sizeof(rec) + o->attrs.size, 0);

	if (!buf)
		return NULL;
	memcpy(rec.token_salt, p11_cur->rec.salt, sizeof(rec.token_salt));
	memcpy(buf, &rec, sizeof(rec));
	memcpy(buf + sizeof(rec), o->attrs.p, o->attrs.size);
	*len = sizeof(rec) + o->attrs.size;
	return buf;
}

static uint32_t store_rv(TEE_Result res)
{
	EMSG("pkcs11: cannot store an object: %#x", res);
	return res == TEE_ERROR_STORAGE_NO_SPACE ? P11_CKR_DEVICE_MEMORY : P11_CKR_DEVICE_ERROR;
}

uint32_t p11_store_put(struct p11_object *o)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	char name[P11_NAME_MAX];
	TEE_Result res = TEE_ERROR_ACCESS_CONFLICT;
	size_t len = 0;
	uint8_t *buf;

	/* An identity token's quota (p11.h): one identity cannot fill the table for the others. */
	if (!p11_cur->shared && p11_cur->objects >= P11_ID_TOKEN_OBJECTS)
		return P11_CKR_DEVICE_MEMORY;
	buf = record_of(o, &len);
	if (!buf)
		return P11_CKR_DEVICE_MEMORY;
	/* A fresh random name; an existing one (ACCESS_CONFLICT) is never overwritten. */
	for (int tries = 0; tries < 8 && res == TEE_ERROR_ACCESS_CONFLICT; tries++) {
		TEE_GenerateRandom(&o->store_id, sizeof(o->store_id));
		if (p11_store_id_used(o->store_id))
			continue;
		obj_name(o->store_id, name);
		res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, name, OBJ_ID_SIZE,
						 TEE_DATA_FLAG_ACCESS_READ, TEE_HANDLE_NULL, buf,
						 len, &h);
	}
	TEE_MemFill(buf, 0, len);
	TEE_Free(buf);
	if (res != TEE_SUCCESS)
		return store_rv(res);
	TEE_CloseObject(h);
	p11_cur->objects++;
	return P11_CKR_OK;
}

/*
 * Rewrites the record of a stored object o of the current token with its attributes as they are
 * now (C_SetAttributeValue, objmod.c): under the same name with TEE_DATA_FLAG_OVERWRITE, which
 * replaces the old record atomically (GP TEE Internal Core API v1.3.1 5.7.1), so a cut leaves the
 * old object or the new, never both nor neither.
 */
uint32_t p11_store_rewrite(struct p11_object *o)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	char name[P11_NAME_MAX];
	TEE_Result res;
	size_t len = 0;
	uint8_t *buf = record_of(o, &len);

	if (!buf)
		return P11_CKR_DEVICE_MEMORY;
	obj_name(o->store_id, name);
	res = TEE_CreatePersistentObject(TEE_STORAGE_PRIVATE, name, OBJ_ID_SIZE,
					 TEE_DATA_FLAG_ACCESS_READ | TEE_DATA_FLAG_OVERWRITE,
					 TEE_HANDLE_NULL, buf, len, &h);
	TEE_MemFill(buf, 0, len);
	TEE_Free(buf);
	if (res != TEE_SUCCESS)
		return store_rv(res);
	TEE_CloseObject(h);
	return P11_CKR_OK;
}

static TEE_Result delete_name(const void *name, size_t len)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Result res;

	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name, len,
				       TEE_DATA_FLAG_ACCESS_WRITE_META, &h);
	if (res == TEE_ERROR_ITEM_NOT_FOUND)
		return TEE_SUCCESS;
	if (res != TEE_SUCCESS)
		return res;
	return TEE_CloseAndDeletePersistentObject1(h);
}

uint32_t p11_store_delete(struct p11_object *o)
{
	char name[P11_NAME_MAX];

	obj_name(o->store_id, name);
	if (delete_name(name, OBJ_ID_SIZE) != TEE_SUCCESS) {
		EMSG("pkcs11: cannot erase object %08x", o->store_id);
		return P11_CKR_DEVICE_ERROR;
	}
	if (p11_cur->objects)
		p11_cur->objects--;
	return P11_CKR_OK;
}

static uint32_t parse_hex(const char *s)
{
	uint32_t v = 0;

	for (size_t i = 0; i < 8; i++) {
		char ch = s[i];

		v = v << 4 | (uint32_t)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
	}
	return v;
}

/*
 * Reads one record; a record of an earlier token is erased, an unreadable one left alone (and
 * not shown). Only a full object table is an error: the token is not to be shown in part.
 */
static uint32_t load_one(const char *name)
{
	struct p11_attrs attrs = {0};
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	struct obj_rec rec;
	size_t n = 0;
	TEE_Result res;

	res = TEE_OpenPersistentObject(TEE_STORAGE_PRIVATE, name, OBJ_ID_SIZE,
				       TEE_DATA_FLAG_ACCESS_READ, &h);
	if (res != TEE_SUCCESS)
		goto bad;
	res = TEE_GetObjectInfo1(h, &info);
	if (res == TEE_SUCCESS)
		res = TEE_ReadObjectData(h, &rec, sizeof(rec), &n);
	if (res != TEE_SUCCESS || n != sizeof(rec) || rec.magic != OBJ_MAGIC ||
	    rec.size > P11_ATTRS_MAX_SIZE || rec.count > P11_ATTRS_MAX_COUNT ||
	    info.dataSize != sizeof(rec) + rec.size)
		goto bad;
	if (memcmp(rec.token_salt, p11_cur->rec.salt, sizeof(rec.token_salt))) {
		TEE_CloseObject(h);
		delete_name(name, OBJ_ID_SIZE);
		return P11_CKR_OK;
	}
	attrs.p = TEE_Malloc(rec.size ? rec.size : 1, 0);
	if (!attrs.p)
		goto bad;
	res = TEE_ReadObjectData(h, attrs.p, rec.size, &n);
	TEE_CloseObject(h);
	h = TEE_HANDLE_NULL;
	attrs.size = rec.size;
	attrs.count = rec.count;
	if (res != TEE_SUCCESS || n != rec.size)
		goto bad;
	/* Beyond the quota: never stored by this TA, so not shown. */
	if (!p11_cur->shared && p11_cur->objects >= P11_ID_TOKEN_OBJECTS) {
		res = TEE_ERROR_OVERFLOW;
		goto bad;
	}
	if (p11_object_add(NULL, NULL, &attrs, true, parse_hex(name + p11_cur->obj_prefix_len),
			   NULL) != P11_CKR_OK)
		return P11_CKR_DEVICE_MEMORY;
	p11_cur->objects++;
	return P11_CKR_OK;
bad:
	EMSG("pkcs11: object %.*s not loaded (%#x)", (int)OBJ_ID_SIZE, name, res);
	if (h != TEE_HANDLE_NULL)
		TEE_CloseObject(h);
	p11_attrs_free(&attrs);
	return P11_CKR_OK;
}

/*
 * Walks trusted storage: each object record of the current token (its prefix, token.c) loaded
 * (load) or erased (!load). Other tokens' records are passed over, never opened.
 */
static uint32_t walk(bool load)
{
	TEE_ObjectEnumHandle e = TEE_HANDLE_NULL;
	char name[TEE_OBJECT_ID_MAX_LEN];
	char(*names)[P11_NAME_MAX];
	size_t count = 0, max = P11_MAX_OBJECTS * 2, len;
	TEE_ObjectInfo info;
	uint32_t rv = P11_CKR_OK;
	TEE_Result res;

	/* On the heap: 128 names of up to 64 bytes are too many for the TA's stack. */
	names = TEE_Malloc(max * P11_NAME_MAX, 0);
	if (!names)
		return P11_CKR_DEVICE_MEMORY;
	if (TEE_AllocatePersistentObjectEnumerator(&e) != TEE_SUCCESS) {
		TEE_Free(names);
		return P11_CKR_DEVICE_MEMORY;
	}
	res = TEE_StartPersistentObjectEnumerator(e, TEE_STORAGE_PRIVATE);
	while (res == TEE_SUCCESS) {
		len = sizeof(name);
		res = TEE_GetNextPersistentObject(e, &info, name, &len);
		if (res != TEE_SUCCESS)
			break;
		if (len != OBJ_ID_SIZE ||
		    memcmp(name, p11_cur->obj_prefix, p11_cur->obj_prefix_len))
			continue;
		/* Gathered first: the enumeration is not to see the storage change under it. */
		if (count < max)
			memcpy(names[count++], name, OBJ_ID_SIZE);
	}
	TEE_FreePersistentObjectEnumerator(e);
	if (res != TEE_SUCCESS && res != TEE_ERROR_ITEM_NOT_FOUND)
		rv = P11_CKR_DEVICE_ERROR;
	for (size_t i = 0; i < count && rv == P11_CKR_OK; i++) {
		if (load)
			rv = load_one(names[i]);
		else if (delete_name(names[i], OBJ_ID_SIZE) != TEE_SUCCESS)
			EMSG("pkcs11: %.*s not erased", (int)OBJ_ID_SIZE, names[i]);
	}
	TEE_Free(names);
	return rv;
}

/*
 * The current token's objects into the table. If they do not all fit (other tokens' and session
 * objects hold it), none stays: the token answers CKR_DEVICE_MEMORY until there is room, rather
 * than show some of its objects and not others.
 */
uint32_t p11_store_load_all(void)
{
	uint32_t rv;

	p11_cur->objects = 0;
	if (!p11_cur->rec.initialised)
		return P11_CKR_OK;
	rv = walk(true);
	if (rv != P11_CKR_OK) {
		EMSG("pkcs11: token objects not loaded: %#x", rv);
		p11_objects_drop_token();
		p11_cur->objects = 0;
	}
	return rv;
}

/*
 * After C_InitToken stored the new token: its objects go. A record left behind (a failed erase,
 * a power cut) names the old salt and is erased at the next load.
 */
void p11_store_erase_all(void)
{
	p11_objects_drop_token();
	p11_cur->objects = 0;
	walk(false);
}
