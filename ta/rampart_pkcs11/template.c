// SPDX-License-Identifier: BSD-2-Clause
/*
 * From a client's template to an object's attributes: each attribute given must be one the
 * object's class has (PKCS#11 v2.40 4.4 to 4.10), of the right form (CK_BBOOL one byte of 0 or
 * 1, CK_ULONG 32 bits, a CK_MECHANISM_TYPE list 32 bits each), and one a template may set; then the
 * defaults the token chooses are added. The token's choices where the specification leaves them to
 * it: keys are sensitive and not extractable, private and secret keys are private objects, usage
 * flags are off unless asked for.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

enum form { BYTES, BOOL, ULONG, ULONGS, TMPL };

#define C_DATA (1u << P11_CKO_DATA)
#define C_CERT (1u << P11_CKO_CERTIFICATE)
#define C_PUB  (1u << P11_CKO_PUBLIC_KEY)
#define C_PRIV (1u << P11_CKO_PRIVATE_KEY)
#define C_SEC  (1u << P11_CKO_SECRET_KEY)
#define C_KEY  (C_PUB | C_PRIV | C_SEC)
#define C_ALL  (C_DATA | C_CERT | C_KEY)

/* How a template may give an attribute. */
#define F_SET	  0u	    /* freely */
#define F_RO	  (1u << 0) /* never: the token sets it (PKCS#11 v2.40 Table 10 footnote 2) */
#define F_KEYDATA (1u << 1) /* in C_CreateObject only: the key itself */
#define F_GENONLY (1u << 2) /* in key generation only (CKA_MODULUS_BITS, CKA_VALUE_LEN) */
/*
 * How an object's attribute may change once it exists (PKCS#11 v2.40 4.2 Table 10's common
 * footnotes, 4.4, 5.7 C_SetAttributeValue and C_CopyObject); an attribute with none of these is
 * fixed when the object is made (CKR_ATTRIBUTE_READ_ONLY).
 */
#define F_MOD  (1u << 3) /* by C_SetAttributeValue, and in the template of C_CopyObject */
#define F_COPY (1u << 4) /* in C_CopyObject only (CKA_TOKEN, _PRIVATE, _MODIFIABLE, 4.4) */
#define F_UP   (1u << 5) /* from CK_FALSE to CK_TRUE only (CKA_SENSITIVE, _WRAP_WITH_TRUSTED) */
#define F_DOWN (1u << 6) /* from CK_TRUE to CK_FALSE only (CKA_EXTRACTABLE, _COPYABLE) */
#define F_SO   (1u << 7) /* set to CK_TRUE by the SO only (CKA_TRUSTED) */

struct attr_rule {
	uint32_t id;
	uint8_t form;
	uint8_t classes;
	uint8_t how;
};

static const struct attr_rule rules[] = {
    {P11_CKA_CLASS, ULONG, C_ALL, F_SET},
    {P11_CKA_TOKEN, BOOL, C_ALL, F_COPY},
    {P11_CKA_PRIVATE, BOOL, C_ALL, F_COPY},
    {P11_CKA_LABEL, BYTES, C_ALL, F_MOD},
    {P11_CKA_MODIFIABLE, BOOL, C_ALL, F_COPY},
    {P11_CKA_COPYABLE, BOOL, C_ALL, F_MOD | F_DOWN},
    /* v3.0 4.4 lets a token refuse changes: an object stays as destroyable as it was made */
    {P11_CKA_DESTROYABLE, BOOL, C_ALL, F_COPY},
    {P11_CKA_APPLICATION, BYTES, C_DATA, F_MOD},
    {P11_CKA_OBJECT_ID, BYTES, C_DATA, F_MOD},
    {P11_CKA_VALUE, BYTES, C_DATA, F_MOD},
    {P11_CKA_VALUE, BYTES, C_CERT, F_SET},
    {P11_CKA_VALUE, BYTES, C_PRIV | C_SEC, F_KEYDATA},
    {P11_CKA_CERTIFICATE_TYPE, ULONG, C_CERT, F_SET},
    {P11_CKA_CERTIFICATE_CATEGORY, ULONG, C_CERT, F_SET},
    {P11_CKA_ISSUER, BYTES, C_CERT, F_MOD},
    {P11_CKA_SERIAL_NUMBER, BYTES, C_CERT, F_MOD},
    {P11_CKA_TRUSTED, BOOL, C_CERT | C_PUB | C_SEC, F_MOD | F_SO},
    {P11_CKA_CHECK_VALUE, BYTES, C_CERT | C_SEC, F_SET},
    /* X.509 certificates (v2.40 4.6.3): kept as given, as the certificate itself is */
    {P11_CKA_JAVA_MIDP_SECURITY_DOMAIN, ULONG, C_CERT, F_SET},
    {P11_CKA_URL, BYTES, C_CERT, F_SET},
    {P11_CKA_HASH_OF_SUBJECT_PUBLIC_KEY, BYTES, C_CERT, F_SET},
    {P11_CKA_HASH_OF_ISSUER_PUBLIC_KEY, BYTES, C_CERT, F_SET},
    {P11_CKA_NAME_HASH_ALGORITHM, ULONG, C_CERT, F_SET},
    {P11_CKA_SUBJECT, BYTES, C_CERT, F_SET},
    {P11_CKA_SUBJECT, BYTES, C_PUB | C_PRIV, F_MOD},
    {P11_CKA_ID, BYTES, C_CERT | C_KEY, F_MOD},
    {P11_CKA_START_DATE, BYTES, C_CERT | C_KEY, F_MOD},
    {P11_CKA_END_DATE, BYTES, C_CERT | C_KEY, F_MOD},
    {P11_CKA_KEY_TYPE, ULONG, C_KEY, F_SET},
    {P11_CKA_DERIVE, BOOL, C_KEY, F_MOD},
    {P11_CKA_LOCAL, BOOL, C_KEY, F_RO},
    {P11_CKA_KEY_GEN_MECHANISM, ULONG, C_KEY, F_RO},
    {P11_CKA_ALLOWED_MECHANISMS, ULONGS, C_KEY, F_SET},
    {P11_CKA_ENCRYPT, BOOL, C_PUB | C_SEC, F_MOD},
    {P11_CKA_VERIFY, BOOL, C_PUB | C_SEC, F_MOD},
    {P11_CKA_VERIFY_RECOVER, BOOL, C_PUB, F_MOD},
    {P11_CKA_WRAP, BOOL, C_PUB | C_SEC, F_MOD},
    {P11_CKA_DECRYPT, BOOL, C_PRIV | C_SEC, F_MOD},
    {P11_CKA_SIGN, BOOL, C_PRIV | C_SEC, F_MOD},
    {P11_CKA_SIGN_RECOVER, BOOL, C_PRIV, F_MOD},
    {P11_CKA_UNWRAP, BOOL, C_PRIV | C_SEC, F_MOD},
    {P11_CKA_SENSITIVE, BOOL, C_PRIV | C_SEC, F_MOD | F_UP},
    {P11_CKA_EXTRACTABLE, BOOL, C_PRIV | C_SEC, F_MOD | F_DOWN},
    {P11_CKA_ALWAYS_SENSITIVE, BOOL, C_PRIV | C_SEC, F_RO},
    {P11_CKA_NEVER_EXTRACTABLE, BOOL, C_PRIV | C_SEC, F_RO},
    {P11_CKA_WRAP_WITH_TRUSTED, BOOL, C_PRIV | C_SEC, F_MOD | F_UP},
    {P11_CKA_ALWAYS_AUTHENTICATE, BOOL, C_PRIV, F_SET},
    {P11_CKA_MODULUS, BYTES, C_PUB | C_PRIV, F_KEYDATA},
    {P11_CKA_MODULUS_BITS, ULONG, C_PUB, F_GENONLY},
    {P11_CKA_PUBLIC_EXPONENT, BYTES, C_PUB, F_SET},
    {P11_CKA_PUBLIC_EXPONENT, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_PRIVATE_EXPONENT, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_PRIME_1, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_PRIME_2, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_EXPONENT_1, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_EXPONENT_2, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_COEFFICIENT, BYTES, C_PRIV, F_KEYDATA},
    {P11_CKA_EC_PARAMS, BYTES, C_PUB | C_PRIV, F_SET},
    {P11_CKA_EC_POINT, BYTES, C_PUB | C_PRIV, F_KEYDATA},
    /* v2.40 4.8, 4.9: the DER SubjectPublicKeyInfo, which may be empty */
    {P11_CKA_PUBLIC_KEY_INFO, BYTES, C_PUB | C_PRIV, F_SET},
    {P11_CKA_VALUE_LEN, ULONG, C_SEC, F_GENONLY},
    /*
     * Templates a key holds for the keys it wraps, unwraps and derives (v2.40 4.8 to 4.10, v3.0
     * 4.7 CKA_DERIVE_TEMPLATE): fixed when the key is made, since widening one would free the
     * keys it guards.
     */
    {P11_CKA_WRAP_TEMPLATE, TMPL, C_PUB | C_SEC, F_SET},
    {P11_CKA_UNWRAP_TEMPLATE, TMPL, C_PRIV | C_SEC, F_SET},
    {P11_CKA_DERIVE_TEMPLATE, TMPL, C_KEY, F_SET},
};

static const struct attr_rule *rule_of(uint32_t id, uint32_t class)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].id == id && (rules[i].classes & (1u << class)))
			return &rules[i];
	return NULL;
}

/* The rule of an attribute some class has: an attribute's form is the same in every class. */
static const struct attr_rule *rule_any(uint32_t id)
{
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (rules[i].id == id)
			return &rules[i];
	return NULL;
}

/* Private-key and secret-key parts (PKCS#11 v2.40 4.8, 4.9: the "sensitive" attributes). */
bool p11_attr_is_secret(uint32_t class, uint32_t id)
{
	if (class == P11_CKO_SECRET_KEY)
		return id == P11_CKA_VALUE;
	if (class != P11_CKO_PRIVATE_KEY)
		return false;
	switch (id) {
	case P11_CKA_VALUE:
	case P11_CKA_PRIVATE_EXPONENT:
	case P11_CKA_PRIME_1:
	case P11_CKA_PRIME_2:
	case P11_CKA_EXPONENT_1:
	case P11_CKA_EXPONENT_2:
	case P11_CKA_COEFFICIENT:
		return true;
	default:
		return false;
	}
}

static bool well_formed(const struct attr_rule *r, const struct p11_attr_head *h, const uint8_t *v);

/*
 * A template held as a value (CKA_WRAP_TEMPLATE and its kin): the serialised form libckteec
 * sends a template in, filling the value whole, its attributes ones the token knows, in their
 * forms, each once. Not another template (one level, as libckteec 3.19 serialises), and no
 * secret value: a CKA_VALUE in a wrapping key's template would make C_WrapKey an oracle that
 * answers whether a sensitive key has the value guessed.
 */
static bool template_value_ok(const uint8_t *v, uint32_t len)
{
	struct p11_attrs t;
	struct p11_attr_head h;
	const uint8_t *iv = NULL;
	uint32_t off = 0;

	if (p11_attrs_nested(v, len, &t) != P11_CKR_OK)
		return false;
	while (p11_attrs_next(&t, &off, &h, &iv)) {
		const struct attr_rule *r = rule_any(h.id);

		if (!r || r->form == TMPL || !well_formed(r, &h, iv) ||
		    p11_attr_is_secret(P11_CKO_PRIVATE_KEY, h.id))
			return false;
	}
	return true;
}

/*
 * An attribute's form: CK_BBOOL one byte of 0 or 1, CK_ULONG 32 bits, a list of them, a
 * template; and the values PKCS#11 v2.40 4.6 defines for a certificate's type (CKC_X_509,
 * CKC_X_509_ATTR_CERT, CKC_WTLS) and category (0 to 3, unspecified to "other entity").
 */
static bool well_formed(const struct attr_rule *r, const struct p11_attr_head *h, const uint8_t *v)
{
	uint32_t u = 0;

	if (r->form == TMPL)
		return template_value_ok(v, h->size);
	if (r->form == BOOL)
		return h->size == 1 && *v <= 1;
	if (r->form == ULONGS)
		return !(h->size % sizeof(uint32_t));
	if (r->form != ULONG)
		return true;
	if (h->size != sizeof(u))
		return false;
	memcpy(&u, v, sizeof(u));
	if (h->id == P11_CKA_CERTIFICATE_TYPE)
		return u <= 2;
	return h->id != P11_CKA_CERTIFICATE_CATEGORY || u <= 3;
}

/* Checks one template against its class: known, well-formed, settable. */
static uint32_t check_template(const struct p11_attrs *t, uint32_t class, bool generating)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0;

	while (p11_attrs_next(t, &off, &h, &v)) {
		const struct attr_rule *r = rule_of(h.id, class);

		if (!r)
			return P11_CKR_ATTRIBUTE_TYPE_INVALID;
		if (!well_formed(r, &h, v))
			return P11_CKR_ATTRIBUTE_VALUE_INVALID;
		if (r->how & F_RO)
			return P11_CKR_ATTRIBUTE_READ_ONLY;
		if ((r->how & F_KEYDATA) && generating)
			return P11_CKR_TEMPLATE_INCONSISTENT;
		if ((r->how & F_GENONLY) && !generating)
			return P11_CKR_TEMPLATE_INCONSISTENT;
	}
	return P11_CKR_OK;
}

/*
 * Whether template t may change object attributes o (C_SetAttributeValue, or the template of
 * C_CopyObject when copy): each attribute one of the class, well formed, and changeable as asked
 * (the F_MOD ... F_SO rules above). so: the SO is logged in. Checked whole before anything
 * changes, so an object changes completely or not at all.
 */
static uint32_t check_modify(const struct p11_attrs *t, const struct p11_attrs *o, bool copy,
			     bool so)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, class = P11_UNAVAILABLE;

	if (!p11_attrs_u32(o, P11_CKA_CLASS, &class) || class > P11_CKO_SECRET_KEY)
		return P11_CKR_GENERAL_ERROR;
	while (p11_attrs_next(t, &off, &h, &v)) {
		const struct attr_rule *r = rule_of(h.id, class);
		bool old, new;

		if (!r)
			return P11_CKR_ATTRIBUTE_TYPE_INVALID;
		if (!well_formed(r, &h, v))
			return P11_CKR_ATTRIBUTE_VALUE_INVALID;
		if (!(r->how & F_MOD) && !(copy && (r->how & F_COPY)))
			return P11_CKR_ATTRIBUTE_READ_ONLY;
		if (r->form != BOOL)
			continue;
		/* an absent one-way flag counts as already at its safe end */
		old = p11_attrs_bool(o, h.id, !(r->how & F_DOWN));
		new = *v;
		if (((r->how & F_UP) && old && !new) || ((r->how & F_DOWN) && !old && new) ||
		    ((r->how & F_SO) && new && !so))
			return P11_CKR_ATTRIBUTE_READ_ONLY;
	}
	return P11_CKR_OK;
}

/*
 * Applies template t to object attributes o (PKCS#11 v2.40 5.7). CKA_ALWAYS_SENSITIVE and
 * CKA_NEVER_EXTRACTABLE need no update: CKA_SENSITIVE only rises and CKA_EXTRACTABLE only falls,
 * so a key that was not always sensitive (or was once extractable) still was not.
 */
/* A usage flag the key has, or would have after template t. */
static bool flag_ever(const struct p11_attrs *t, const struct p11_attrs *o, uint32_t id)
{
	return p11_attrs_bool(o, id, false) || p11_attrs_bool(t, id, false);
}

/*
 * Usage pairs a key may be made with but not given later: CKA_DERIVE with CKA_ENCRYPT (a key
 * derived by data encryption, Current Mechanisms v2.40 2.15, would be C_Encrypt's output of
 * known data) and CKA_WRAP with CKA_DECRYPT (C_Decrypt would undo C_WrapKey and show a
 * sensitive key). derive.c and wrap.c refuse keys made with both; this keeps a key, and a copy
 * of it, from gaining the second one while it has the first (a copy that drops the first flag
 * for the second would be a decrypting twin of a wrapping key). It keeps no history: a key that
 * sheds its CKA_WRAP may take CKA_DECRYPT later, so a key-encrypting key that must stay one is
 * made CKA_MODIFIABLE and CKA_COPYABLE false (docs/pkcs11.md).
 */
static uint32_t check_pairs(const struct p11_attrs *t, const struct p11_attrs *o)
{
	static const uint32_t pairs[][2] = {{P11_CKA_DERIVE, P11_CKA_ENCRYPT},
					    {P11_CKA_WRAP, P11_CKA_DECRYPT}};

	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++)
		if (flag_ever(t, o, pairs[i][0]) && flag_ever(t, o, pairs[i][1]) &&
		    !(p11_attrs_bool(o, pairs[i][0], false) &&
		      p11_attrs_bool(o, pairs[i][1], false)))
			return P11_CKR_TEMPLATE_INCONSISTENT;
	return P11_CKR_OK;
}

uint32_t p11_template_modify(const struct p11_attrs *t, struct p11_attrs *o, bool copy, bool so)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, rv = check_modify(t, o, copy, so);

	if (rv == P11_CKR_OK)
		rv = check_pairs(t, o);

	while (rv == P11_CKR_OK && p11_attrs_next(t, &off, &h, &v))
		rv = p11_attrs_set(o, h.id, v, h.size);
	return rv;
}

/*
 * The template of a key made with key k (C_UnwrapKey, C_DeriveKey): t, with k's template id
 * (CKA_UNWRAP_TEMPLATE, CKA_DERIVE_TEMPLATE) applied first. PKCS#11 v2.40 4.9: "any user
 * supplied template is applied after this template as if the object has already been created",
 * so an attribute both give must agree (CKR_TEMPLATE_INCONSISTENT), and one only k's template
 * gives is the new key's. out is the caller's to free.
 */
uint32_t p11_template_with(const struct p11_attrs *t, const struct p11_object *k, uint32_t id,
			   struct p11_attrs *out)
{
	struct p11_attrs kt;
	struct p11_attr_head h;
	const uint8_t *v = NULL, *tv = NULL;
	uint32_t off = 0, len = 0, tlen = 0, rv = P11_CKR_OK;

	memset(out, 0, sizeof(*out));
	while (rv == P11_CKR_OK && p11_attrs_next(t, &off, &h, &v))
		rv = p11_attrs_set(out, h.id, v, h.size);
	if (rv != P11_CKR_OK || !p11_attrs_get(&k->attrs, id, &v, &len))
		goto out;
	/* checked when k was made (template_value_ok) */
	if (p11_attrs_nested(v, len, &kt) != P11_CKR_OK)
		rv = P11_CKR_GENERAL_ERROR;
	off = 0;
	while (rv == P11_CKR_OK && p11_attrs_next(&kt, &off, &h, &v)) {
		if (!p11_attrs_get(t, h.id, &tv, &tlen))
			rv = p11_attrs_set(out, h.id, v, h.size);
		else if (tlen != h.size || (tlen && memcmp(tv, v, tlen)))
			rv = P11_CKR_TEMPLATE_INCONSISTENT;
	}
out:
	if (rv != P11_CKR_OK)
		p11_attrs_free(out);
	return rv;
}

/* A CK_ULONG the template must give (or agree with) as want. */
static uint32_t check_u32(const struct p11_attrs *t, uint32_t id, uint32_t want)
{
	uint32_t v = 0;

	if (!p11_attrs_get(t, id, NULL, NULL))
		return P11_CKR_OK;
	if (!p11_attrs_u32(t, id, &v))
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	return v == want ? P11_CKR_OK : P11_CKR_TEMPLATE_INCONSISTENT;
}

static uint32_t copy_template(const struct p11_attrs *t, struct p11_attrs *o)
{
	struct p11_attr_head h;
	const uint8_t *v = NULL;
	uint32_t off = 0, rv;

	while (p11_attrs_next(t, &off, &h, &v)) {
		if (h.id == P11_CKA_MODULUS_BITS || h.id == P11_CKA_VALUE_LEN)
			continue; /* set from the key made */
		rv = p11_attrs_set(o, h.id, v, h.size);
		if (rv != P11_CKR_OK)
			return rv;
	}
	return P11_CKR_OK;
}

static uint32_t set_default_bool(struct p11_attrs *o, uint32_t id, bool v)
{
	if (p11_attrs_get(o, id, NULL, NULL))
		return P11_CKR_OK;
	return p11_attrs_set_bool(o, id, v);
}

static uint32_t set_default_empty(struct p11_attrs *o, uint32_t id)
{
	if (p11_attrs_get(o, id, NULL, NULL))
		return P11_CKR_OK;
	return p11_attrs_set(o, id, NULL, 0);
}

/*
 * Builds an object's attributes in o (empty on entry) from template t, for an object of class
 * and key_type (key_type unused for data and certificates); gen_mech is the mechanism that made
 * the key in the token, or P11_UNAVAILABLE for an object given whole by the client. On failure
 * o is freed.
 */
static uint32_t build(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
		      uint32_t gen_mech, bool made, struct p11_attrs *o);

uint32_t p11_template_build(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
			    uint32_t gen_mech, struct p11_attrs *o)
{
	return build(t, class, key_type, gen_mech, gen_mech != P11_UNAVAILABLE, o);
}

/*
 * The template of a key whose value the token makes from another key (C_UnwrapKey,
 * C_DeriveKey, PKCS#11 v2.40 5.13): as in key generation, the template may give CKA_VALUE_LEN
 * but never CKA_VALUE; the key is not local (4.7), its CKA_KEY_GEN_MECHANISM unavailable, and
 * CKA_ALWAYS_SENSITIVE and CKA_NEVER_EXTRACTABLE false (4.9) until the caller, a derivation,
 * sets them from its base key.
 */
uint32_t p11_template_build_made(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
				 struct p11_attrs *o)
{
	return build(t, class, key_type, P11_UNAVAILABLE, true, o);
}

static uint32_t build(const struct p11_attrs *t, uint32_t class, uint32_t key_type,
		      uint32_t gen_mech, bool made, struct p11_attrs *o)
{
	static const uint32_t empty[] = {P11_CKA_LABEL,	     P11_CKA_ID,
					 P11_CKA_START_DATE, P11_CKA_END_DATE,
					 P11_CKA_SUBJECT,    P11_CKA_PUBLIC_KEY_INFO};
	static const uint32_t usage[] = {P11_CKA_DERIVE,
					 P11_CKA_ENCRYPT,
					 P11_CKA_VERIFY,
					 P11_CKA_VERIFY_RECOVER,
					 P11_CKA_WRAP,
					 P11_CKA_DECRYPT,
					 P11_CKA_SIGN,
					 P11_CKA_SIGN_RECOVER,
					 P11_CKA_UNWRAP,
					 P11_CKA_TRUSTED,
					 P11_CKA_WRAP_WITH_TRUSTED,
					 P11_CKA_ALWAYS_AUTHENTICATE};
	bool generating = gen_mech != P11_UNAVAILABLE, key = class >= P11_CKO_PUBLIC_KEY;
	uint32_t rv;

	if (class > P11_CKO_SECRET_KEY)
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	rv = check_template(t, class, made);
	if (rv == P11_CKR_OK)
		rv = check_u32(t, P11_CKA_CLASS, class);
	if (rv == P11_CKR_OK && key)
		rv = check_u32(t, P11_CKA_KEY_TYPE, key_type);
	if (rv == P11_CKR_OK)
		rv = copy_template(t, o);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_u32(o, P11_CKA_CLASS, class);
	if (rv == P11_CKR_OK && key)
		rv = p11_attrs_set_u32(o, P11_CKA_KEY_TYPE, key_type);
	if (rv == P11_CKR_OK)
		rv = set_default_bool(o, P11_CKA_TOKEN, false);
	if (rv == P11_CKR_OK)
		rv = set_default_bool(o, P11_CKA_PRIVATE,
				      class == P11_CKO_PRIVATE_KEY || class == P11_CKO_SECRET_KEY);
	if (rv == P11_CKR_OK)
		rv = set_default_bool(o, P11_CKA_MODIFIABLE, true);
	if (rv == P11_CKR_OK)
		rv = set_default_bool(o, P11_CKA_COPYABLE, true);
	if (rv == P11_CKR_OK)
		rv = set_default_bool(o, P11_CKA_DESTROYABLE, true);
	if (rv == P11_CKR_OK)
		rv = set_default_empty(o, P11_CKA_LABEL);
	if (rv != P11_CKR_OK || !key)
		goto out;
	for (size_t i = 1; i < sizeof(empty) / sizeof(empty[0]) && rv == P11_CKR_OK; i++)
		if (rule_of(empty[i], class))
			rv = set_default_empty(o, empty[i]);
	for (size_t i = 0; i < sizeof(usage) / sizeof(usage[0]) && rv == P11_CKR_OK; i++)
		if (rule_of(usage[i], class))
			rv = set_default_bool(o, usage[i], false);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_bool(o, P11_CKA_LOCAL, generating);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_u32(o, P11_CKA_KEY_GEN_MECHANISM, gen_mech);
	if (rv == P11_CKR_OK && class != P11_CKO_PUBLIC_KEY) {
		rv = set_default_bool(o, P11_CKA_SENSITIVE, true);
		if (rv == P11_CKR_OK)
			rv = set_default_bool(o, P11_CKA_EXTRACTABLE, false);
		/* PKCS#11 v2.40 4.8: true only if the key has been so since it was made here */
		if (rv == P11_CKR_OK)
			rv = p11_attrs_set_bool(o, P11_CKA_ALWAYS_SENSITIVE,
						generating &&
						    p11_attrs_bool(o, P11_CKA_SENSITIVE, true));
		if (rv == P11_CKR_OK)
			rv = p11_attrs_set_bool(o, P11_CKA_NEVER_EXTRACTABLE,
						generating &&
						    !p11_attrs_bool(o, P11_CKA_EXTRACTABLE, false));
	}
out:
	if (rv != P11_CKR_OK)
		p11_attrs_free(o);
	return rv;
}
