// SPDX-License-Identifier: BSD-2-Clause
/*
 * Attribute lists in the serialised form libckteec sends (ta/include/rampart_pkcs11_ta.h): an
 * attribute head (id, size) and its value, packed. A template from the normal world is checked
 * whole before any of it is used: its sizes must add up to the bytes given, each attribute must
 * fit, and the count must be the number of attributes found. The same form holds an object's
 * attributes in TA memory and in trusted storage (store.c). Also the reader of a command's
 * control arguments (struct p11_args), which the templates are read through.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* The reader over a command's control arguments: each read within what is left, or none. */
bool p11_get_u32(struct p11_args *a, uint32_t *v)
{
	if (a->left < sizeof(*v))
		return false;
	memcpy(v, a->p, sizeof(*v));
	a->p += sizeof(*v);
	a->left -= sizeof(*v);
	return true;
}

bool p11_get_bytes(struct p11_args *a, size_t n, const uint8_t **v)
{
	if (a->left < n)
		return false;
	*v = a->p;
	a->p += n;
	a->left -= n;
	return true;
}

/*
 * Reads an object head and its attributes from a command's arguments. Malformed input (sizes
 * past the buffer, a count that does not match) is CKR_ARGUMENTS_BAD; a well-formed template
 * beyond the token's limits is CKR_DEVICE_MEMORY. An attribute may be named twice: this reads
 * the template of C_GetAttributeValue, which may ask for one twice (PKCS#11 v2.40 5.7 answers
 * each entry on its own).
 */
uint32_t p11_attrs_parse_query(struct p11_args *a, struct p11_attrs *t)
{
	struct p11_object_head head;
	const uint8_t *p = NULL;
	uint32_t off = 0, n = 0;

	memset(t, 0, sizeof(*t));
	if (!p11_get_u32(a, &head.attrs_size) || !p11_get_u32(a, &head.attrs_count) ||
	    !p11_get_bytes(a, head.attrs_size, &p))
		return P11_CKR_ARGUMENTS_BAD;
	while (off < head.attrs_size) {
		struct p11_attr_head h;

		if (head.attrs_size - off < sizeof(h))
			return P11_CKR_ARGUMENTS_BAD;
		memcpy(&h, p + off, sizeof(h));
		off += sizeof(h);
		if (h.size > head.attrs_size - off)
			return P11_CKR_ARGUMENTS_BAD;
		off += h.size;
		if (++n > head.attrs_count)
			return P11_CKR_ARGUMENTS_BAD;
	}
	if (n != head.attrs_count)
		return P11_CKR_ARGUMENTS_BAD;
	if (n > P11_ATTRS_MAX_COUNT || head.attrs_size > P11_ATTRS_MAX_SIZE)
		return P11_CKR_DEVICE_MEMORY;
	t->p = (uint8_t *)p;
	t->size = head.attrs_size;
	t->count = n;
	return P11_CKR_OK;
}

/*
 * A template that sets or matches attributes: as p11_attrs_parse_query, and an attribute given
 * twice is CKR_TEMPLATE_INCONSISTENT (PKCS#11 v2.40 4.1.1 leaves duplicates undefined; we refuse
 * them).
 */
uint32_t p11_attrs_parse(struct p11_args *a, struct p11_attrs *t)
{
	uint32_t off, rv = p11_attrs_parse_query(a, t);

	if (rv != P11_CKR_OK)
		return rv;
	/* Duplicates: at most 64 attributes, so the square is small. */
	for (off = 0; off < t->size;) {
		struct p11_attr_head h;

		memcpy(&h, t->p + off, sizeof(h));
		if (p11_attrs_count_of(t, h.id) > 1)
			return P11_CKR_TEMPLATE_INCONSISTENT;
		off += sizeof(h) + h.size;
	}
	return P11_CKR_OK;
}

/*
 * A template held as an attribute's value (CKA_WRAP_TEMPLATE and its kin): libckteec serialises
 * it as it does a command's template, an object head and its attributes, and that must fill the
 * value exactly. t points into v.
 */
uint32_t p11_attrs_nested(const uint8_t *v, uint32_t len, struct p11_attrs *t)
{
	struct p11_args a = {.p = v, .left = len};
	uint32_t rv = p11_attrs_parse(&a, t);

	if (rv == P11_CKR_OK && a.left)
		rv = P11_CKR_ARGUMENTS_BAD;
	return rv;
}

/* Walks the list: the next head at *off (advanced), its value in *v. */
bool p11_attrs_next(const struct p11_attrs *t, uint32_t *off, struct p11_attr_head *h,
		    const uint8_t **v)
{
	if (*off >= t->size)
		return false;
	memcpy(h, t->p + *off, sizeof(*h));
	*v = t->p + *off + sizeof(*h);
	*off += sizeof(*h) + h->size;
	return true;
}

uint32_t p11_attrs_count_of(const struct p11_attrs *t, uint32_t id)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, n = 0;

	while (p11_attrs_next(t, &off, &h, &v))
		n += h.id == id;
	return n;
}

bool p11_attrs_get(const struct p11_attrs *t, uint32_t id, const uint8_t **v, uint32_t *len)
{
	struct p11_attr_head h;
	const uint8_t *val = NULL;
	uint32_t off = 0;

	while (p11_attrs_next(t, &off, &h, &val)) {
		if (h.id != id)
			continue;
		if (v)
			*v = val;
		if (len)
			*len = h.size;
		return true;
	}
	return false;
}

/* A CK_BBOOL attribute: absent gives def. The value was checked when the object was made. */
bool p11_attrs_bool(const struct p11_attrs *t, uint32_t id, bool def)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(t, id, &v, &len) || len != 1)
		return def;
	return *v != 0;
}

/* A CK_ULONG attribute, 32 bits in the ABI. */
bool p11_attrs_u32(const struct p11_attrs *t, uint32_t id, uint32_t *val)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(t, id, &v, &len) || len != sizeof(*val))
		return false;
	memcpy(val, v, sizeof(*val));
	return true;
}

/* Sets an attribute of an object's own list (not a template): replaced if present. */
uint32_t p11_attrs_set(struct p11_attrs *o, uint32_t id, const void *val, uint32_t len)
{
	struct p11_attr_head h = {.id = id, .size = len};
	const uint8_t *old = NULL;
	uint32_t old_len = 0, at = o->size, end = o->size, rest, size, count = o->count + 1;
	uint8_t *buf;

	if (len > P11_ATTRS_MAX_SIZE)
		return P11_CKR_DEVICE_MEMORY;
	/* The old one, [at, end), is left out of the new list */
	if (p11_attrs_get(o, id, &old, &old_len)) {
		at = (uint32_t)(old - o->p) - sizeof(h);
		end = at + sizeof(h) + old_len;
		count--;
	}
	rest = o->size - (end - at);
	size = rest + sizeof(h) + len;
	if (size > P11_ATTRS_MAX_SIZE || count > P11_ATTRS_MAX_COUNT)
		return P11_CKR_DEVICE_MEMORY;
	/*
	 * A new buffer rather than TEE_Realloc, which may move the list and free the old block
	 * unwiped: the list may hold key parts, and none may be left in free memory. The list
	 * changes whole or not at all, and val may point into it.
	 */
	buf = TEE_Malloc(size, TEE_MALLOC_FILL_ZERO);
	if (!buf)
		return P11_CKR_DEVICE_MEMORY;
	if (at)
		memcpy(buf, o->p, at);
	if (o->size > end)
		memcpy(buf + at, o->p + end, o->size - end);
	memcpy(buf + rest, &h, sizeof(h));
	if (len)
		memcpy(buf + rest + sizeof(h), val, len);
	if (o->p) {
		TEE_MemFill(o->p, 0, o->size);
		TEE_Free(o->p);
	}
	o->p = buf;
	o->size = size;
	o->count = count;
	return P11_CKR_OK;
}

uint32_t p11_attrs_set_bool(struct p11_attrs *o, uint32_t id, bool v)
{
	uint8_t b = v;

	return p11_attrs_set(o, id, &b, 1);
}

uint32_t p11_attrs_set_u32(struct p11_attrs *o, uint32_t id, uint32_t v)
{
	return p11_attrs_set(o, id, &v, sizeof(v));
}

/* Frees an object's list, wiping it first: it may hold key material. */
void p11_attrs_free(struct p11_attrs *o)
{
	if (o->p) {
		TEE_MemFill(o->p, 0, o->size);
		TEE_Free(o->p);
	}
	memset(o, 0, sizeof(*o));
}
