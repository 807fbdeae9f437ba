// SPDX-License-Identifier: BSD-2-Clause
/*
 * The object commands as libckteec sends them (PKCS#11 v2.40 5.7): C_CreateObject,
 * C_DestroyObject, C_FindObjects*, C_GetAttributeValue, C_GetObjectSize, C_GenerateKey and
 * C_GenerateKeyPair (keygen.c makes the keys), C_SetAttributeValue and C_CopyObject (objmod.c).
 * Each starts with the session handle.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

static bool has(const struct p11_attrs *o, uint32_t id)
{
	return p11_attrs_get(o, id, NULL, NULL);
}

/*
 * Key parts given whole must not be empty nor longer than the largest key the token uses: GP's
 * TEE_PopulateTransientObject is not to see what it would refuse by panicking.
 */
static bool parts_fit(const struct p11_attrs *o, const uint32_t *ids, size_t n, uint32_t max)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	for (size_t i = 0; i < n; i++)
		if (p11_attrs_get(o, ids[i], &v, &len) && (!len || len > max))
			return false;
	return true;
}

static const uint32_t rsa_parts[] = {
    P11_CKA_MODULUS, P11_CKA_PUBLIC_EXPONENT, P11_CKA_PRIVATE_EXPONENT, P11_CKA_PRIME_1,
    P11_CKA_PRIME_2, P11_CKA_EXPONENT_1,      P11_CKA_EXPONENT_2,	P11_CKA_COEFFICIENT};

/* The key parts an object given whole must have, so that the token can use it. */
static uint32_t check_key_data(uint32_t class, uint32_t type, struct p11_attrs *o)
{
	const struct p11_curve *cv = NULL;
	const uint8_t *v = NULL, *x = NULL, *y = NULL;
	uint32_t len = 0, rv = P11_CKR_OK;

	if (class == P11_CKO_SECRET_KEY) {
		if (!p11_attrs_get(o, P11_CKA_VALUE, &v, &len))
			return P11_CKR_TEMPLATE_INCOMPLETE;
		if (!len || len > P11_SECRET_MAX ||
		    (type == P11_CKK_AES && len != 16 && len != 24 && len != 32))
			return P11_CKR_ATTRIBUTE_VALUE_INVALID;
		return p11_attrs_set_u32(o, P11_CKA_VALUE_LEN, len);
	}
	if (type == P11_CKK_RSA) {
		if (!p11_attrs_get(o, P11_CKA_MODULUS, &v, &len) ||
		    !has(o, P11_CKA_PUBLIC_EXPONENT) ||
		    (class == P11_CKO_PRIVATE_KEY && !has(o, P11_CKA_PRIVATE_EXPONENT)))
			return P11_CKR_TEMPLATE_INCOMPLETE;
		if (!parts_fit(o, rsa_parts, sizeof(rsa_parts) / sizeof(rsa_parts[0]),
			       P11_RSA_MAX_BITS / 8))
			return P11_CKR_ATTRIBUTE_VALUE_INVALID;
		if (class == P11_CKO_PUBLIC_KEY)
			rv = p11_attrs_set_u32(o, P11_CKA_MODULUS_BITS, p11_int_bits(v, len));
		return rv;
	}
	cv = p11_ec_curve(o, &rv);
	if (!cv)
		return rv;
	/* GP's EC key pair needs the public point too (GP Table 6-1) */
	if (!has(o, P11_CKA_EC_POINT) || (class == P11_CKO_PRIVATE_KEY && !has(o, P11_CKA_VALUE)))
		return P11_CKR_TEMPLATE_INCOMPLETE;
	if (!p11_ec_point_get(o, cv, &x, &y) ||
	    !parts_fit(o, (const uint32_t[]){P11_CKA_VALUE}, 1, cv->bytes))
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	return P11_CKR_OK;
}

static uint32_t create_object(struct p11_client *c, struct p11_session *s,
			      const struct p11_attrs *t, uint32_t *handle)
{
	struct p11_attrs o = {0};
	uint32_t class = 0, type = P11_UNAVAILABLE, rv;
	bool key;

	if (!p11_attrs_u32(t, P11_CKA_CLASS, &class))
		return has(t, P11_CKA_CLASS) ? P11_CKR_ATTRIBUTE_VALUE_INVALID
					     : P11_CKR_TEMPLATE_INCOMPLETE;
	key = class == P11_CKO_PUBLIC_KEY || class == P11_CKO_PRIVATE_KEY ||
	      class == P11_CKO_SECRET_KEY;
	if (key && !p11_attrs_u32(t, P11_CKA_KEY_TYPE, &type))
		return has(t, P11_CKA_KEY_TYPE) ? P11_CKR_ATTRIBUTE_VALUE_INVALID
						: P11_CKR_TEMPLATE_INCOMPLETE;
	if (key && (class == P11_CKO_SECRET_KEY
			? type != P11_CKK_AES && type != P11_CKK_GENERIC_SECRET &&
			      type != P11_CKK_MD5_HMAC && type != P11_CKK_SHA_1_HMAC &&
			      type != P11_CKK_SHA224_HMAC && type != P11_CKK_SHA256_HMAC &&
			      type != P11_CKK_SHA384_HMAC && type != P11_CKK_SHA512_HMAC
			: type != P11_CKK_RSA && type != P11_CKK_EC))
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	rv = p11_template_build(t, class, type, P11_UNAVAILABLE, &o);
	if (rv != P11_CKR_OK)
		return rv;
	if (key)
		rv = check_key_data(class, type, &o);
	if (rv == P11_CKR_OK)
		rv = p11_object_may_create(c, s, &o);
	if (rv != P11_CKR_OK) {
		p11_attrs_free(&o);
		return rv;
	}
	return p11_object_add(c, s, &o, false, 0, handle);
}

static uint32_t destroy_object(struct p11_client *c, struct p11_session *s, uint32_t handle)
{
	struct p11_object *o = p11_object_get(c, handle);

	if (!o)
		return P11_CKR_OBJECT_HANDLE_INVALID;
	if (o->token && !s->rw)
		return P11_CKR_SESSION_READ_ONLY;
	if (!p11_attrs_bool(&o->attrs, P11_CKA_DESTROYABLE, true))
		return P11_CKR_ACTION_PROHIBITED;
	return p11_object_destroy(c, handle);
}

static uint32_t find_objects(struct p11_session *s, uint32_t types, TEE_Param *p)
{
	struct p11_find *f = s->find;
	size_t n;

	if (!f)
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	if (TEE_PARAM_TYPE_GET(types, 2) != TEE_PARAM_TYPE_MEMREF_OUTPUT &&
	    TEE_PARAM_TYPE_GET(types, 2) != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	n = p[2].memref.size / sizeof(uint32_t);
	if (n > f->count - f->next)
		n = f->count - f->next;
	if (n)
		TEE_MemMove(p[2].memref.buffer, f->handles + f->next, n * sizeof(uint32_t));
	f->next += n;
	p[2].memref.size = n * sizeof(uint32_t);
	return P11_CKR_OK;
}

/* C_GetAttributeValue: the template comes back in p2, as sent, its values and sizes filled. */
static uint32_t get_attrs(struct p11_client *c, uint32_t handle, struct p11_attrs *t,
			  uint32_t types, TEE_Param *p)
{
	struct p11_object_head head = {.attrs_size = t->size, .attrs_count = t->count};
	size_t size = sizeof(head) + t->size;
	uint32_t rv, t2 = TEE_PARAM_TYPE_GET(types, 2);

	if (t2 != TEE_PARAM_TYPE_MEMREF_OUTPUT && t2 != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	if (p[2].memref.size < size) {
		p[2].memref.size = size;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	rv = p11_object_get_attrs(c, handle, t);
	if (rv == P11_CKR_OBJECT_HANDLE_INVALID)
		return rv;
	TEE_MemMove(p[2].memref.buffer, &head, sizeof(head));
	TEE_MemMove((uint8_t *)p[2].memref.buffer + sizeof(head), t->p, t->size);
	p[2].memref.size = size;
	return rv;
}

uint32_t p11_cmd_object(struct p11_client *c, uint32_t cmd, struct p11_args *a, uint32_t types,
			TEE_Param *p)
{
	struct p11_session *s = NULL;
	struct p11_attrs t;
	uint32_t handle = 0, out[2], rv;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	switch (cmd) {
	case P11_CMD_CREATE_OBJECT:
		rv = p11_attrs_parse(a, &t);
		if (rv == P11_CKR_OK)
			rv = create_object(c, s, &t, &handle);
		break;
	case P11_CMD_GENERATE_KEY:
		rv = p11_cmd_generate_key(c, s, a, &handle);
		break;
	case P11_CMD_GENERATE_KEY_PAIR:
		rv = p11_cmd_generate_key_pair(c, s, a, out);
		if (rv == P11_CKR_OK) {
			rv = p11_put_out(types, p, out, sizeof(out));
			if (rv != P11_CKR_OK) {
				p11_object_destroy(c, out[1]);
				p11_object_destroy(c, out[0]);
			}
		}
		return rv;
	case P11_CMD_DESTROY_OBJECT:
		if (!p11_get_u32(a, &handle))
			return P11_CKR_ARGUMENTS_BAD;
		return destroy_object(c, s, handle);
	case P11_CMD_FIND_OBJECTS_INIT:
		rv = p11_attrs_parse(a, &t);
		return rv == P11_CKR_OK ? p11_find_init(c, s, &t) : rv;
	case P11_CMD_FIND_OBJECTS:
		return find_objects(s, types, p);
	case P11_CMD_FIND_OBJECTS_FINAL:
		if (!s->find)
			return P11_CKR_OPERATION_NOT_INITIALIZED;
		TEE_Free(s->find);
		s->find = NULL;
		return P11_CKR_OK;
	case P11_CMD_GET_OBJECT_SIZE:
		if (!p11_get_u32(a, &handle))
			return P11_CKR_ARGUMENTS_BAD;
		rv = p11_object_size(c, handle, &out[0]);
		return rv == P11_CKR_OK ? p11_put_out(types, p, out, sizeof(uint32_t)) : rv;
	case P11_CMD_GET_ATTRIBUTE_VALUE:
		if (!p11_get_u32(a, &handle))
			return P11_CKR_ARGUMENTS_BAD;
		rv = p11_attrs_parse_query(a, &t);
		return rv == P11_CKR_OK ? get_attrs(c, handle, &t, types, p) : rv;
	case P11_CMD_SET_ATTRIBUTE_VALUE:
		return p11_cmd_set_attrs(c, s, a);
	case P11_CMD_COPY_OBJECT:
		rv = p11_cmd_copy_object(c, s, a, &handle);
		break;
	default:
		return P11_CKR_FUNCTION_NOT_SUPPORTED;
	}
	/* CREATE_OBJECT, GENERATE_KEY, COPY_OBJECT: the new handle out, or the object goes again */
	if (rv != P11_CKR_OK)
		return rv;
	rv = p11_put_out(types, p, &handle, sizeof(handle));
	if (rv != P11_CKR_OK)
		p11_object_destroy(c, handle);
	return rv;
}
