// SPDX-License-Identifier: BSD-2-Clause
/*
 * Changing and copying objects (PKCS#11 v2.40 5.7): C_SetAttributeValue and C_CopyObject, as
 * libckteec sends them: [session][object handle][template]. What may change, and how, is
 * template.c's (p11_template_modify): never a key's value, class or type, nor what the token
 * set itself; CKA_SENSITIVE only rises and CKA_EXTRACTABLE only falls, so neither command can
 * bring a key's value out of the token; CKA_TRUSTED becomes true for the SO only.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

static bool so_in(const struct p11_client *c)
{
	return c->logged_in && c->user == P11_CKU_SO;
}

/* A private copy of an object's attributes, to change before they replace the object's. */
static uint32_t attrs_dup(const struct p11_attrs *from, struct p11_attrs *to)
{
	memset(to, 0, sizeof(*to));
	to->p = TEE_Malloc(from->size ? from->size : 1, 0);
	if (!to->p)
		return P11_CKR_DEVICE_MEMORY;
	memcpy(to->p, from->p, from->size);
	to->size = from->size;
	to->count = from->count;
	return P11_CKR_OK;
}

/*
 * C_SetAttributeValue: the object must be one this application sees, a token object changes in
 * an R/W session only (CKR_SESSION_READ_ONLY), and an object made with CKA_MODIFIABLE false
 * does not change at all (CKR_ACTION_PROHIBITED, v2.40 4.4). A token object's record is
 * rewritten first; the object in memory changes only once that is done.
 */
uint32_t p11_cmd_set_attrs(struct p11_client *c, struct p11_session *s, struct p11_args *a)
{
	struct p11_attrs t, n, old;
	struct p11_object *o;
	uint32_t handle = 0, rv;

	if (!p11_get_u32(a, &handle))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_attrs_parse(a, &t);
	if (rv != P11_CKR_OK)
		return rv;
	o = p11_object_get(c, handle);
	if (!o)
		return P11_CKR_OBJECT_HANDLE_INVALID;
	if (o->token && !s->rw)
		return P11_CKR_SESSION_READ_ONLY;
	if (!p11_attrs_bool(&o->attrs, P11_CKA_MODIFIABLE, true))
		return P11_CKR_ACTION_PROHIBITED;
	rv = attrs_dup(&o->attrs, &n);
	if (rv != P11_CKR_OK)
		return rv;
	rv = p11_template_modify(&t, &n, false, so_in(c));
	if (rv != P11_CKR_OK) {
		p11_attrs_free(&n);
		return rv;
	}
	old = o->attrs;
	o->attrs = n;
	if (o->token) {
		rv = p11_store_rewrite(o);
		if (rv != P11_CKR_OK) {
			o->attrs = old;
			p11_attrs_free(&n);
			return rv;
		}
	}
	p11_attrs_free(&old);
	return P11_CKR_OK;
}

/*
 * C_CopyObject: a new object with the attributes of the old and the template's changes, which
 * may also set CKA_TOKEN, CKA_PRIVATE, CKA_MODIFIABLE and CKA_DESTROYABLE (v2.40 4.4). An
 * object with CKA_COPYABLE false is not copied (CKR_ACTION_PROHIBITED, v2.40 4.4). The copy is
 * made as any new object is (p11_object_may_create): private only for the logged-in user, a
 * token object only from an R/W session. CKA_LOCAL and the key's history stay as they were.
 */
uint32_t p11_cmd_copy_object(struct p11_client *c, struct p11_session *s, struct p11_args *a,
			     uint32_t *handle)
{
	struct p11_attrs t, n;
	struct p11_object *o;
	uint32_t from = 0, rv;

	if (!p11_get_u32(a, &from))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_attrs_parse(a, &t);
	if (rv != P11_CKR_OK)
		return rv;
	o = p11_object_get(c, from);
	if (!o)
		return P11_CKR_OBJECT_HANDLE_INVALID;
	if (!p11_attrs_bool(&o->attrs, P11_CKA_COPYABLE, true))
		return P11_CKR_ACTION_PROHIBITED;
	rv = attrs_dup(&o->attrs, &n);
	if (rv != P11_CKR_OK)
		return rv;
	rv = p11_template_modify(&t, &n, true, so_in(c));
	if (rv == P11_CKR_OK)
		rv = p11_object_may_create(c, s, &n);
	if (rv != P11_CKR_OK) {
		p11_attrs_free(&n);
		return rv;
	}
	return p11_object_add(c, s, &n, false, 0, handle);
}
