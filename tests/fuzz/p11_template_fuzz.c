// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: the PKCS#11 TA's templates (ta/rampart_pkcs11/attrs.c, template.c), as the
 * object, key and derivation commands drive them with a control buffer from the normal world.
 *
 * Input: a selector byte (class in bits 0-2, classes 5-7 out of range; key type in bits 3-5), a
 * mode byte (bits 0-1: import as C_CreateObject, generation as C_GenerateKey, or a key made
 * from another as C_UnwrapKey/C_DeriveKey; bit 2: C_CopyObject rather than C_SetAttributeValue;
 * bit 3: the SO is logged in; bits 4-5: the key template applied, CKA_UNWRAP_TEMPLATE,
 * CKA_DERIVE_TEMPLATE or CKA_WRAP_TEMPLATE), then the control arguments: two serialised
 * templates (object head, attributes), the rest ignored.
 *
 * The first template is read by p11_attrs_parse and p11_attrs_parse_query, and an object's
 * attributes are built from it for the class asked; the second is applied to a copy of that
 * object by p11_template_modify, as objmod.c does, and given to p11_template_with with the built
 * object as the key whose stored template (the attacker's own, checked at build) comes first.
 *
 * Checked, beyond memory safety: the two parsers agree (they differ only on duplicates) and a
 * parsed template walks to exactly its size and count; a built object is well formed (its walk
 * adds up, no attribute twice), has CKA_CLASS of the class asked, the key type asked, every
 * attribute the template gave with its bytes, no key data when the token made the key, and
 * CKA_LOCAL, CKA_ALWAYS_SENSITIVE, CKA_NEVER_EXTRACTABLE as PKCS#11 v2.40 4.8 defines them;
 * every template-valued attribute stored parses with p11_attrs_nested and holds no CKA_VALUE,
 * no other secret part and no template. A successful change keeps class, key type, key value
 * and stored templates, gives each attribute the template's bytes and leaves the others alone,
 * and keeps the one-way flags one-way (CKA_SENSITIVE only rises, CKA_EXTRACTABLE only falls,
 * CKA_TRUSTED rises for the SO only, CKA_TOKEN and its kin change in a copy only, no key gains
 * CKA_DERIVE with CKA_ENCRYPT or CKA_WRAP with CKA_DECRYPT); a refused one leaves the object
 * byte for byte as it was (one cut short by the token's limits, CKR_DEVICE_MEMORY, only well
 * formed: objmod.c changes a copy and drops it). The result of p11_template_with is a list with
 * each attribute once, and the key made from it is checked as any built object. After
 * p11_template_with succeeds, every attribute of the key's template and of the caller's is in the
 * result with the same bytes, and nothing else; a failed one leaves the result empty.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "p11.h"

/* The TA's memory calls on the C library (GP TEE Internal Core API 4.11). */
void *TEE_Malloc(size_t size, uint32_t hint)
{
	(void)hint;
	return calloc(1, size ? size : 1); /* zero filled (TEE_MALLOC_FILL_ZERO is 0) */
}

void TEE_Free(void *buffer)
{
	free(buffer);
}

void TEE_MemFill(void *buffer, uint32_t x, size_t size)
{
	memset(buffer, (int)x, size);
}

static const uint32_t key_types[8] = {
    P11_CKK_AES, P11_CKK_GENERIC_SECRET, P11_CKK_SHA256_HMAC, P11_CKK_RSA,
    P11_CKK_EC,	 P11_CKK_SHA_1_HMAC,	 P11_CKK_SHA512_HMAC, 0x12345u,
};
static const uint32_t gen_mechs[8] = {
    P11_CKM_AES_KEY_GEN,
    P11_CKM_GENERIC_SECRET_KEY_GEN,
    P11_CKM_GENERIC_SECRET_KEY_GEN,
    P11_CKM_RSA_PKCS_KEY_PAIR_GEN,
    P11_CKM_EC_KEY_PAIR_GEN,
    P11_CKM_GENERIC_SECRET_KEY_GEN,
    P11_CKM_GENERIC_SECRET_KEY_GEN,
    0x80001234u,
};
static const uint32_t classes[8] = {
    P11_CKO_DATA,
    P11_CKO_CERTIFICATE,
    P11_CKO_PUBLIC_KEY,
    P11_CKO_PRIVATE_KEY,
    P11_CKO_SECRET_KEY,
    5,
    31,
    0xffffffffu,
};
static const uint32_t key_templates[4] = {P11_CKA_UNWRAP_TEMPLATE, P11_CKA_DERIVE_TEMPLATE,
					  P11_CKA_WRAP_TEMPLATE, P11_CKA_DERIVE_TEMPLATE};

static bool is_template_id(uint32_t id)
{
	return id == P11_CKA_WRAP_TEMPLATE || id == P11_CKA_UNWRAP_TEMPLATE ||
	       id == P11_CKA_DERIVE_TEMPLATE;
}

/* An attribute list walks to exactly its size in exactly count steps, within its bytes. */
static void check_walk(const struct p11_attrs *t)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, n = 0;

	if (t->size > P11_ATTRS_MAX_SIZE || t->count > P11_ATTRS_MAX_COUNT)
		abort(); /* past the token's limits */
	while (off < t->size) {
		if (t->size - off < sizeof(h))
			abort(); /* a head cut short */
		memcpy(&h, t->p + off, sizeof(h));
		if (h.size > t->size - off - sizeof(h))
			abort(); /* a value past the end */
		if (!p11_attrs_next(t, &off, &h, &v) || v != t->p + off - h.size)
			abort();
		n++;
	}
	if (off != t->size || n != t->count)
		abort(); /* the count or size the list claims is not what it holds */
}

/* Whether list o holds attribute id with exactly these bytes. */
static bool holds(const struct p11_attrs *o, uint32_t id, const uint8_t *v, uint32_t len)
{
	const uint8_t *ov = NULL;
	uint32_t olen = 0;

	return p11_attrs_get(o, id, &ov, &olen) && olen == len && (!len || !memcmp(ov, v, len));
}

/* Whether a and b give id the same bytes, or both lack it. */
static bool same_attr(const struct p11_attrs *a, const struct p11_attrs *b, uint32_t id)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(a, id, &v, &len))
		return !p11_attrs_get(b, id, NULL, NULL);
	return holds(b, id, v, len);
}

/* A list the TA made: well formed, each attribute once. */
static void check_list(const struct p11_attrs *o)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0;

	check_walk(o);
	while (p11_attrs_next(o, &off, &h, &v))
		if (p11_attrs_count_of(o, h.id) != 1)
			abort(); /* an attribute twice: which one would the token use? */
}

/* An object's own list: as check_list, and its stored templates as build checks them. */
static void check_object(const struct p11_attrs *o)
{
	struct p11_attr_head h, nh;
	const uint8_t *v = NULL, *nv = NULL;
	uint32_t off = 0, noff = 0;

	check_list(o);
	while (p11_attrs_next(o, &off, &h, &v)) {
		struct p11_attrs nt;

		if (!is_template_id(h.id))
			continue;
		if (p11_attrs_nested(v, h.size, &nt) != P11_CKR_OK)
			abort(); /* a stored template p11_template_with cannot read */
		check_walk(&nt);
		if (nt.p != v + sizeof(struct p11_object_head))
			abort(); /* the nested template is not the value's own bytes */
		for (noff = 0; p11_attrs_next(&nt, &noff, &nh, &nv);)
			if (nh.id == P11_CKA_VALUE ||
			    p11_attr_is_secret(P11_CKO_PRIVATE_KEY, nh.id) || is_template_id(nh.id))
				abort(); /* a key value (an oracle in C_WrapKey) or a template */
	}
}

static void check_built(const struct p11_attrs *t, const struct p11_attrs *o, uint32_t class,
			uint32_t key_type, uint32_t gen_mech, bool made)
{
	bool key = class >= P11_CKO_PUBLIC_KEY, generating = gen_mech != P11_UNAVAILABLE;
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, u = 0;

	check_object(o);
	if (!p11_attrs_u32(o, P11_CKA_CLASS, &u) || u != class)
		abort(); /* an object without its class, or of another */
	if (key && (!p11_attrs_u32(o, P11_CKA_KEY_TYPE, &u) || u != key_type))
		abort(); /* a key without its type, or of another */
	while (p11_attrs_next(t, &off, &h, &v))
		if (h.id != P11_CKA_MODULUS_BITS && h.id != P11_CKA_VALUE_LEN &&
		    !holds(o, h.id, v, h.size))
			abort(); /* an attribute the template gave, lost or changed */
	if (!key)
		return;
	if (made) {
		for (off = 0; p11_attrs_next(o, &off, &h, &v);)
			if (p11_attr_is_secret(class, h.id) || h.id == P11_CKA_MODULUS ||
			    h.id == P11_CKA_EC_POINT)
				abort(); /* key data from the template in a key the token makes */
	}
	if (p11_attrs_bool(o, P11_CKA_LOCAL, !generating) != generating ||
	    !p11_attrs_u32(o, P11_CKA_KEY_GEN_MECHANISM, &u) || u != gen_mech)
		abort(); /* CKA_LOCAL or CKA_KEY_GEN_MECHANISM not what the token did */
	if (class == P11_CKO_PUBLIC_KEY)
		return;
	if (p11_attrs_bool(o, P11_CKA_ALWAYS_SENSITIVE, false) &&
	    !(generating && p11_attrs_bool(o, P11_CKA_SENSITIVE, false)))
		abort(); /* always sensitive, yet not sensitive or not made here */
	if (p11_attrs_bool(o, P11_CKA_NEVER_EXTRACTABLE, false) &&
	    !(generating && !p11_attrs_bool(o, P11_CKA_EXTRACTABLE, true)))
		abort(); /* never extractable, yet extractable or not made here */
}

/* o changed into n by template t (copy: C_CopyObject; so: the SO is logged in). */
static void check_modified(const struct p11_attrs *t, const struct p11_attrs *o,
			   const struct p11_attrs *n, bool copy, bool so)
{
	static const uint32_t fixed[] = {P11_CKA_CLASS,
					 P11_CKA_KEY_TYPE,
					 P11_CKA_VALUE,
					 P11_CKA_WRAP_TEMPLATE,
					 P11_CKA_UNWRAP_TEMPLATE,
					 P11_CKA_DERIVE_TEMPLATE,
					 P11_CKA_LOCAL,
					 P11_CKA_KEY_GEN_MECHANISM,
					 P11_CKA_ALWAYS_SENSITIVE,
					 P11_CKA_NEVER_EXTRACTABLE,
					 P11_CKA_ALWAYS_AUTHENTICATE,
					 P11_CKA_MODULUS,
					 P11_CKA_EC_POINT,
					 P11_CKA_PRIVATE_EXPONENT};
	static const uint32_t copy_only[] = {P11_CKA_TOKEN, P11_CKA_PRIVATE, P11_CKA_MODIFIABLE,
					     P11_CKA_DESTROYABLE};
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, class = 0;

	check_object(n);
	if (!p11_attrs_u32(o, P11_CKA_CLASS, &class))
		abort();
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (!same_attr(o, n, fixed[i]) &&
		    !(class == P11_CKO_DATA && fixed[i] == P11_CKA_VALUE))
			abort(); /* what the object is, or what the token set, changed */
	for (size_t i = 0; i < sizeof(copy_only) / sizeof(copy_only[0]); i++)
		if (!copy && !same_attr(o, n, copy_only[i]))
			abort(); /* CKA_TOKEN and its kin changed outside C_CopyObject */
	while (p11_attrs_next(t, &off, &h, &v))
		if (!holds(n, h.id, v, h.size))
			abort(); /* an accepted change not made */
	for (off = 0; p11_attrs_next(o, &off, &h, &v);)
		if (!p11_attrs_get(t, h.id, NULL, NULL) && !holds(n, h.id, v, h.size))
			abort(); /* an attribute the template left alone changed */
	for (off = 0; p11_attrs_next(n, &off, &h, &v);)
		if (!p11_attrs_get(o, h.id, NULL, NULL) && !p11_attrs_get(t, h.id, NULL, NULL))
			abort(); /* an attribute from nowhere */
	if (!p11_attrs_bool(n, P11_CKA_SENSITIVE, true) &&
	    p11_attrs_bool(o, P11_CKA_SENSITIVE, true))
		abort(); /* a sensitive key made readable */
	if (p11_attrs_bool(n, P11_CKA_EXTRACTABLE, false) &&
	    !p11_attrs_bool(o, P11_CKA_EXTRACTABLE, false))
		abort(); /* an unextractable key made extractable */
	if (!p11_attrs_bool(n, P11_CKA_WRAP_WITH_TRUSTED, true) &&
	    p11_attrs_bool(o, P11_CKA_WRAP_WITH_TRUSTED, true))
		abort(); /* CKA_WRAP_WITH_TRUSTED dropped */
	if (p11_attrs_bool(n, P11_CKA_COPYABLE, false) &&
	    !p11_attrs_bool(o, P11_CKA_COPYABLE, false))
		abort(); /* an uncopyable object made copyable */
	if (!so && p11_attrs_bool(n, P11_CKA_TRUSTED, false) &&
	    !p11_attrs_bool(o, P11_CKA_TRUSTED, false))
		abort(); /* trusted by someone other than the SO */
	if (p11_attrs_bool(n, P11_CKA_DERIVE, false) && p11_attrs_bool(n, P11_CKA_ENCRYPT, false) &&
	    !(p11_attrs_bool(o, P11_CKA_DERIVE, false) &&
	      p11_attrs_bool(o, P11_CKA_ENCRYPT, false)))
		abort(); /* a key that derives and encrypts, which it was not made as */
	if (p11_attrs_bool(n, P11_CKA_WRAP, false) && p11_attrs_bool(n, P11_CKA_DECRYPT, false) &&
	    !(p11_attrs_bool(o, P11_CKA_WRAP, false) && p11_attrs_bool(o, P11_CKA_DECRYPT, false)))
		abort(); /* a key that wraps and decrypts, which it was not made as */
}

/* out is t with k's template id (kt, if it has one) first. */
static void check_with(const struct p11_attrs *t, const struct p11_attrs *kt,
		       const struct p11_attrs *out)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0;

	/* a template still, the caller's unchecked: p11_template_build_made checks it next */
	check_list(out);
	while (p11_attrs_next(t, &off, &h, &v))
		if (!holds(out, h.id, v, h.size))
			abort(); /* the caller's attribute lost or changed */
	for (off = 0; kt && p11_attrs_next(kt, &off, &h, &v);)
		if (!holds(out, h.id, v, h.size))
			abort(); /* the key's template not applied as it is */
	for (off = 0; p11_attrs_next(out, &off, &h, &v);)
		if (!p11_attrs_get(t, h.id, NULL, NULL) &&
		    !(kt && p11_attrs_get(kt, h.id, NULL, NULL)))
			abort(); /* an attribute neither template gave */
}

static bool has_duplicate(const struct p11_attrs *t)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0;

	while (p11_attrs_next(t, &off, &h, &v))
		if (p11_attrs_count_of(t, h.id) > 1)
			return true;
	return false;
}

/*
 * Reads a template as the commands do (p11_attrs_parse), and with p11_attrs_parse_query (as
 * C_GetAttributeValue does) from the same bytes: both read the same head and bytes, and differ
 * only where an attribute is named twice.
 */
static uint32_t parse_both(struct p11_args *a, struct p11_attrs *t)
{
	struct p11_args qa = *a;
	struct p11_attrs q;
	uint32_t rv = p11_attrs_parse(a, t), qrv = p11_attrs_parse_query(&qa, &q);

	if (qrv == P11_CKR_OK) {
		check_walk(&q);
		if (rv == P11_CKR_OK && (q.p != t->p || q.size != t->size || q.count != t->count ||
					 qa.p != a->p || qa.left != a->left))
			abort(); /* the two readers took different bytes */
		if ((rv == P11_CKR_OK) == has_duplicate(&q))
			abort(); /* a duplicate accepted, or a template refused without one */
		if (rv != P11_CKR_OK && rv != P11_CKR_TEMPLATE_INCONSISTENT)
			abort();
	} else if (rv != qrv) {
		abort(); /* refused for different reasons */
	}
	return rv;
}

/* A private copy of an object's attributes, as objmod.c takes before changing them. */
static bool dup_attrs(const struct p11_attrs *from, struct p11_attrs *to)
{
	to->p = TEE_Malloc(from->size ? from->size : 1, 0);
	if (!to->p)
		return false;
	memcpy(to->p, from->p, from->size);
	to->size = from->size;
	to->count = from->count;
	return true;
}

static void modify(const struct p11_attrs *t, const struct p11_attrs *o, bool copy, bool so)
{
	struct p11_attrs n, was;
	uint32_t rv;

	if (!dup_attrs(o, &n))
		return;
	if (!dup_attrs(o, &was)) {
		p11_attrs_free(&n);
		return;
	}
	rv = p11_template_modify(t, &n, copy, so);
	if (rv == P11_CKR_OK) {
		check_modified(t, o, &n, copy, so);
	} else if (rv == P11_CKR_DEVICE_MEMORY) {
		/*
		 * The token's limits reached while the checked changes are made: the caller
		 * discards its copy (objmod.c), which must still be a list it can free.
		 */
		check_walk(&n);
	} else if (n.size != was.size || n.count != was.count || memcmp(n.p, was.p, was.size)) {
		abort(); /* a refused template changed the object: it is checked whole first */
	}
	p11_attrs_free(&was);
	p11_attrs_free(&n);
}

static void with(const struct p11_attrs *t, const struct p11_attrs *o, uint32_t id, uint32_t class,
		 uint32_t key_type)
{
	struct p11_object k = {.attrs = *o};
	struct p11_attrs out = {0}, kt, built = {0};
	const uint8_t *v = NULL;
	uint32_t len = 0, rv;
	bool has = p11_attrs_get(o, id, &v, &len);

	if (has && p11_attrs_nested(v, len, &kt) != P11_CKR_OK)
		abort(); /* checked by check_object already */
	rv = p11_template_with(t, &k, id, &out);
	if (rv != P11_CKR_OK) {
		if (out.p || out.size || out.count)
			abort(); /* a failed result left behind */
		return;
	}
	check_with(t, has ? &kt : NULL, &out);
	/* And the key made with it, as wrap.c's p11_secret_made makes it. */
	if (p11_template_build_made(&out, class, key_type, &built) == P11_CKR_OK) {
		check_built(&out, &built, class, key_type, P11_UNAVAILABLE, true);
		p11_attrs_free(&built);
	} else if (built.p || built.size || built.count) {
		abort();
	}
	p11_attrs_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct p11_attrs t1, t2, o = {0};
	struct p11_args a;
	uint32_t class, key_type, gen_mech = P11_UNAVAILABLE, rv;
	uint8_t sel, mode;
	bool made;

	if (size < 2)
		return 0;
	sel = data[0];
	mode = data[1];
	a.p = data + 2;
	a.left = size - 2;
	class = classes[sel & 7];
	key_type = key_types[(sel >> 3) & 7];
	if ((mode & 3) == 1 || (mode & 3) == 3)
		gen_mech = gen_mechs[(sel >> 3) & 7];
	made = (mode & 3) == 2;

	if (parse_both(&a, &t1) != P11_CKR_OK)
		return 0;
	check_walk(&t1);
	if (made)
		rv = p11_template_build_made(&t1, class, key_type, &o);
	else
		rv = p11_template_build(&t1, class, key_type, gen_mech, &o);
	if (rv != P11_CKR_OK) {
		if (o.p || o.size || o.count)
			abort(); /* a failed build left attributes behind */
		return 0;
	}
	if (class > P11_CKO_SECRET_KEY)
		abort(); /* an object of no class PKCS#11 defines here */
	check_built(&t1, &o, class, key_type, gen_mech, made || gen_mech != P11_UNAVAILABLE);

	if (parse_both(&a, &t2) == P11_CKR_OK) {
		check_walk(&t2);
		modify(&t2, &o, mode & 4, mode & 8);
		with(&t2, &o, key_templates[(mode >> 4) & 3], class, key_type);
	}
	p11_attrs_free(&o);
	return 0;
}
