// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, changing and copying objects (C_SetAttributeValue, C_CopyObject) from the hostile
 * side: read-only attributes, a key's value, one-way flags turned back (CKA_SENSITIVE false,
 * CKA_EXTRACTABLE true), CKA_TRUSTED without the SO, read-only sessions, another application's
 * and private objects, malformed templates; the SHA-1 and SHA-224 digests and HMACs against
 * known answers (FIPS 180-4, RFC 2202, RFC 4231); C_DigestKey of keys it may not digest;
 * AES-CMAC against RFC 4493.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"

/* SET_ATTRIBUTE_VALUE of one attribute */
static uint32_t set1(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, const void *v,
		     uint32_t len)
{
	return set_attr(s, h, obj, id, v, len, NULL);
}

static uint32_t set_bool(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, uint8_t v)
{
	return set1(s, h, obj, id, &v, 1);
}

#define EMPTY 0xffffffffu

/* COPY_OBJECT with a template of one attribute of len bytes, or none (id EMPTY) */
static uint32_t copy_attr(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, const void *v,
			  uint32_t len, uint32_t *out)
{
	struct ctl *c;
	uint32_t rv;

	if (id != EMPTY)
		return set_attr(s, h, obj, id, v, len, out);
	c = calloc(1, sizeof(*c));
	start(c, h);
	put32(c, obj);
	tmpl_open(c);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_COPY_OBJECT, c, out, 1);
	free(c);
	return rv;
}

/* COPY_OBJECT with a template of at most one CK_BBOOL (id EMPTY: an empty template) */
static uint32_t copy1(TEEC_Session *s, uint32_t h, uint32_t obj, uint32_t id, uint8_t v,
		      uint32_t *out)
{
	return copy_attr(s, h, obj, id, &v, 1, out);
}

/* A 32-byte generic secret, public, readable (not sensitive, extractable), for HMAC-SHA256 */
static uint32_t open_secret(TEEC_Session *s, uint32_t h, bool trusted, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint8_t v[32];
	uint32_t rv;

	memset(v, 0x5a, sizeof(v));
	start(c, h);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_GENERIC_SECRET);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_SENSITIVE, 0);
	attr_bool(c, P11_CKA_EXTRACTABLE, 1);
	attr_bool(c, P11_CKA_SIGN, 1);
	attr(c, P11_CKA_LABEL, "k", 1);
	attr(c, P11_CKA_VALUE, v, sizeof(v));
	if (trusted)
		attr_bool(c, P11_CKA_TRUSTED, 1);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_CREATE_OBJECT, c, key, 1);
	free(c);
	return rv;
}

/* C_SetAttributeValue's rules on a secret key and a token object */
static bool set_rules(TEEC_Session *a, TEEC_Session *b, uint32_t rw, uint32_t hb, unsigned *count)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t key = 0, size = 0, obj = 0, ro = 0, v = 0, num = 0;
	uint8_t val[32];
	unsigned n = 0;

	WANT("a readable secret key", open_secret(a, rw, false, &key), P11_CKR_OK);
	WANT("its value, readable", get_attr(a, rw, key, P11_CKA_VALUE, 32, &size, val),
	     P11_CKR_OK);
	WANT("SET CKA_LABEL", set1(a, rw, key, P11_CKA_LABEL, "new", 3), P11_CKR_OK);
	WANT("... the new label", get_attr(a, rw, key, P11_CKA_LABEL, 3, &size, val), P11_CKR_OK);
	WANT("... is new", size == 3 && !memcmp(val, "new", 3), 1);
	/* What never changes once the object is made (PKCS#11 v2.40 4.4, 4.7, 4.9) */
	{
		static const uint32_t fixed[] = {P11_CKA_CLASS,
						 P11_CKA_KEY_TYPE,
						 P11_CKA_LOCAL,
						 P11_CKA_ALWAYS_SENSITIVE,
						 P11_CKA_NEVER_EXTRACTABLE,
						 P11_CKA_TOKEN,
						 P11_CKA_PRIVATE,
						 P11_CKA_MODIFIABLE,
						 P11_CKA_DESTROYABLE,
						 P11_CKA_KEY_GEN_MECHANISM};

		for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++) {
			char what[48];

			snprintf(what, sizeof(what), "SET attribute %#x", fixed[i]);
			v = fixed[i] == P11_CKA_CLASS || fixed[i] == P11_CKA_KEY_TYPE ||
				    fixed[i] == P11_CKA_KEY_GEN_MECHANISM
				? set1(a, rw, key, fixed[i], &num, 4)
				: set_bool(a, rw, key, fixed[i], 1);
			WANT(what, v, P11_CKR_ATTRIBUTE_READ_ONLY);
		}
	}
	WANT("SET CKA_VALUE of a key", set1(a, rw, key, P11_CKA_VALUE, val, 32),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	v = P11_CKM_SHA256_HMAC;
	WANT("SET CKA_ALLOWED_MECHANISMS", set1(a, rw, key, P11_CKA_ALLOWED_MECHANISMS, &v, 4),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("SET CKA_APPLICATION of a key", set1(a, rw, key, P11_CKA_APPLICATION, "x", 1),
	     P11_CKR_ATTRIBUTE_TYPE_INVALID);
	WANT("SET an unknown attribute", set1(a, rw, key, 0x7777, "x", 1),
	     P11_CKR_ATTRIBUTE_TYPE_INVALID);
	v = 1;
	WANT("SET a 4-byte CK_BBOOL", set1(a, rw, key, P11_CKA_SIGN, &v, 4),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	WANT("SET CKA_TRUSTED, not the SO", set_bool(a, rw, key, P11_CKA_TRUSTED, 1),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	/* A template with one bad attribute changes nothing */
	start(c, rw);
	put32(c, key);
	tmpl_open(c);
	attr(c, P11_CKA_LABEL, "zzz", 3);
	attr(c, P11_CKA_VALUE, val, 32);
	tmpl_close(c);
	WANT("SET a label and the value", rv_of(a, P11_CMD_SET_ATTRIBUTE_VALUE, c),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("... the label", get_attr(a, rw, key, P11_CKA_LABEL, 3, &size, val), P11_CKR_OK);
	WANT("... unchanged", size == 3 && !memcmp(val, "new", 3), 1);
	/* Templates that lie */
	start(c, rw);
	put32(c, key);
	tmpl_open(c);
	attr_bool(c, P11_CKA_SIGN, 0);
	tmpl_close(c);
	v = 2;
	memcpy(c->b + 12, &v, 4); /* attrs_count 2 for 1 */
	WANT("SET, attrs_count 2 for 1", rv_of(a, P11_CMD_SET_ATTRIBUTE_VALUE, c),
	     P11_CKR_ARGUMENTS_BAD);
	start(c, rw);
	put32(c, key);
	WANT("SET without a template", rv_of(a, P11_CMD_SET_ATTRIBUTE_VALUE, c),
	     P11_CKR_ARGUMENTS_BAD);
	WANT("SET of an unknown handle", set_bool(a, rw, 0x7777777, P11_CKA_SIGN, 0),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("B sets A's key", set_bool(b, hb, key, P11_CKA_SENSITIVE, 0),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	/* One-way flags: sensitive for good, extractable never again */
	WANT("SET CKA_SENSITIVE true", set_bool(a, rw, key, P11_CKA_SENSITIVE, 1), P11_CKR_OK);
	WANT("... the value then", get_attr(a, rw, key, P11_CKA_VALUE, 32, &size, val),
	     P11_CKR_ATTRIBUTE_SENSITIVE);
	WANT("SET CKA_SENSITIVE false again", set_bool(a, rw, key, P11_CKA_SENSITIVE, 0),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("... the value still", get_attr(a, rw, key, P11_CKA_VALUE, 32, &size, val),
	     P11_CKR_ATTRIBUTE_SENSITIVE);
	WANT("SET CKA_EXTRACTABLE false", set_bool(a, rw, key, P11_CKA_EXTRACTABLE, 0), P11_CKR_OK);
	WANT("SET CKA_EXTRACTABLE true again", set_bool(a, rw, key, P11_CKA_EXTRACTABLE, 1),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	/* A usage flag taken away is taken away */
	WANT("SET CKA_SIGN false", set_bool(a, rw, key, P11_CKA_SIGN, 0), P11_CKR_OK);
	WANT("SIGN_INIT then", op_init(a, P11_CMD_SIGN_INIT, rw, key, P11_CKM_SHA256_HMAC, NULL, 0),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("SET CKA_WRAP_WITH_TRUSTED true", set_bool(a, rw, key, P11_CKA_WRAP_WITH_TRUSTED, 1),
	     P11_CKR_OK);
	WANT("... and false again", set_bool(a, rw, key, P11_CKA_WRAP_WITH_TRUSTED, 0),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	/* A token object: not from a read-only session; its record rewritten */
	data_object(c, rw, true, false);
	WANT("a token data object", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &obj, 1), P11_CKR_OK);
	WANT("SET its CKA_VALUE", set1(a, rw, obj, P11_CKA_VALUE, "data", 4), P11_CKR_OK);
	WANT("R/O session", open_rw(a, false, &ro), P11_CKR_OK);
	WANT("SET it from a R/O session", set1(a, ro, obj, P11_CKA_LABEL, "y", 1),
	     P11_CKR_SESSION_READ_ONLY);
	WANT("... its value", get_attr(a, ro, obj, P11_CKA_VALUE, 4, &size, val), P11_CKR_OK);
	WANT("... the new one", size == 4 && !memcmp(val, "data", 4), 1);
	WANT("... its label", get_attr(a, ro, obj, P11_CKA_LABEL, 1, &size, val), P11_CKR_OK);
	WANT("... the old one", size == 1 && val[0] == 'x', 1);
	WANT("COPY it as a token object from a R/O session",
	     copy1(a, ro, obj, P11_CKA_TOKEN, 1, &v), P11_CKR_SESSION_READ_ONLY);
	WANT("close R/O", simple(a, P11_CMD_CLOSE_SESSION, ro, 0), P11_CKR_OK);
	WANT("SET CKA_DESTROYABLE false", set_bool(a, rw, obj, P11_CKA_DESTROYABLE, 0),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("the token object destroyed", simple(a, P11_CMD_DESTROY_OBJECT, rw, obj), P11_CKR_OK);
	WANT("SET of it then", set1(a, rw, obj, P11_CKA_LABEL, "z", 1),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	free(c);
	*count += n;
	return true;
}

/* C_CopyObject's rules */
static bool copy_rules(TEEC_Session *a, TEEC_Session *b, uint32_t rw, uint32_t hb, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t key = 0, cp = 0, x = 0, size = 0;
	uint8_t val[32];
	unsigned n = 0;

	WANT("a readable secret key", open_secret(a, rw, false, &key), P11_CKR_OK);
	WANT("COPY, empty template", copy1(a, rw, key, EMPTY, 0, &cp), P11_CKR_OK);
	WANT("... a new handle", cp != key && cp, 1);
	WANT("... its value, readable as the original's",
	     get_attr(a, rw, cp, P11_CKA_VALUE, 32, &size, val), P11_CKR_OK);
	WANT("... the original's", size == 32 && val[0] == 0x5a && val[31] == 0x5a, 1);
	WANT("... its label", get_attr(a, rw, cp, P11_CKA_LABEL, 1, &size, val), P11_CKR_OK);
	WANT("... the original's", size == 1 && val[0] == 'k', 1);
	WANT("... destroyed", simple(a, P11_CMD_DESTROY_OBJECT, rw, cp), P11_CKR_OK);
	WANT("COPY as sensitive", copy1(a, rw, key, P11_CKA_SENSITIVE, 1, &cp), P11_CKR_OK);
	WANT("... its value", get_attr(a, rw, cp, P11_CKA_VALUE, 32, &size, val),
	     P11_CKR_ATTRIBUTE_SENSITIVE);
	WANT("... COPY of the copy, not sensitive", copy1(a, rw, cp, P11_CKA_SENSITIVE, 0, &x),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("... SET of the copy, not sensitive", set_bool(a, rw, cp, P11_CKA_SENSITIVE, 0),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("... its CKA_ALWAYS_SENSITIVE",
	     get_attr(a, rw, cp, P11_CKA_ALWAYS_SENSITIVE, 1, &size, val), P11_CKR_OK);
	WANT("... false: it was not always", val[0], 0);
	WANT("COPY as not extractable", copy1(a, rw, key, P11_CKA_EXTRACTABLE, 0, &x), P11_CKR_OK);
	WANT("... COPY of that, extractable", copy1(a, rw, x, P11_CKA_EXTRACTABLE, 1, &cp),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("COPY as not modifiable", copy1(a, rw, key, P11_CKA_MODIFIABLE, 0, &cp), P11_CKR_OK);
	WANT("... SET of the copy", set1(a, rw, cp, P11_CKA_LABEL, "y", 1),
	     P11_CKR_ACTION_PROHIBITED);
	WANT("COPY as private, logged out", copy1(a, rw, key, P11_CKA_PRIVATE, 1, &cp),
	     P11_CKR_USER_NOT_LOGGED_IN);
	WANT("COPY as trusted, not the SO", copy1(a, rw, key, P11_CKA_TRUSTED, 1, &cp),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("COPY with CKA_LOCAL", copy1(a, rw, key, P11_CKA_LOCAL, 1, &cp),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	x = P11_CKO_DATA;
	WANT("COPY with CKA_CLASS", copy_attr(a, rw, key, P11_CKA_CLASS, &x, 4, &cp),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	memset(val, 0, sizeof(val));
	WANT("COPY with another CKA_VALUE", copy_attr(a, rw, key, P11_CKA_VALUE, val, 32, &cp),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("COPY of an unknown handle", copy1(a, rw, 0x7777777, EMPTY, 0, &cp),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("B copies A's key", copy1(b, hb, key, EMPTY, 0, &cp), P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("SET CKA_COPYABLE false", set_bool(a, rw, key, P11_CKA_COPYABLE, 0), P11_CKR_OK);
	WANT("... COPY then", copy1(a, rw, key, EMPTY, 0, &cp), P11_CKR_ACTION_PROHIBITED);
	WANT("... SET CKA_COPYABLE true again", set_bool(a, rw, key, P11_CKA_COPYABLE, 1),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	*count += n;
	return true;
}

/* Private objects, logged out; CKA_TRUSTED and the SO */
static bool login_rules(TEEC_Session *a, uint32_t rw, const char *so, const char *pin,
			unsigned *count)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t key = 0, priv = 0, cp = 0, size = 0;
	uint8_t val[4];
	unsigned n = 0;

	WANT("user login", login_user(a, rw, pin), P11_CKR_OK);
	data_object(c, rw, false, true);
	WANT("a private data object", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &priv, 1), P11_CKR_OK);
	WANT("... SET logged in", set1(a, rw, priv, P11_CKA_LABEL, "p", 1), P11_CKR_OK);
	WANT("... COPY logged in", copy1(a, rw, priv, EMPTY, 0, &cp), P11_CKR_OK);
	start(c, rw);
	WANT("logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	WANT("SET a private object, logged out", set1(a, rw, priv, P11_CKA_LABEL, "q", 1),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("COPY a private object, logged out", copy1(a, rw, priv, P11_CKA_PRIVATE, 0, &cp),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	/* PKCS#11 v2.40 5.6: logging out destroyed the private session objects */
	WANT("user login again", login_user(a, rw, pin), P11_CKR_OK);
	WANT("the private object after a logout",
	     get_attr(a, rw, priv, P11_CKA_LABEL, 1, &size, val), P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("... its copy", get_attr(a, rw, cp, P11_CKA_LABEL, 1, &size, val),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	start(c, rw);
	WANT("logout again", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	WANT("a trusted key made, not the SO", open_secret(a, rw, true, &key),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("a key", open_secret(a, rw, false, &key), P11_CKR_OK);
	WANT("SO login", login_so(a, rw, so), P11_CKR_OK);
	WANT("SET CKA_TRUSTED true, the SO", set_bool(a, rw, key, P11_CKA_TRUSTED, 1), P11_CKR_OK);
	WANT("... CKA_TRUSTED", get_attr(a, rw, key, P11_CKA_TRUSTED, 1, &size, val), P11_CKR_OK);
	WANT("... true", val[0], 1);
	start(c, rw);
	WANT("SO logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	free(c);
	*count += n;
	return true;
}

/* One digest of "abc" and its first 4 bytes */
static uint32_t digest_abc(TEEC_Session *a, uint32_t rw, uint32_t mech, size_t want_len,
			   uint32_t *first)
{
	struct ctl c;
	uint8_t h[64];
	size_t len = sizeof(h);
	uint32_t rv;

	start(&c, rw);
	put32(&c, mech);
	put32(&c, 0);
	rv = rv_of(a, P11_CMD_DIGEST_INIT, &c);
	if (rv != P11_CKR_OK)
		return rv;
	start(&c, rw);
	call(a, P11_CMD_DIGEST_ONESHOT, &c, "abc", 3, h, &len, false, &rv);
	if (rv == P11_CKR_OK && len != want_len)
		return 0xbad;
	*first = (uint32_t)h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3];
	return rv;
}

/* An HMAC key of type type and len bytes of 0x0b, HMAC of "Hi There" (RFC 2202, RFC 4231 1) */
static uint32_t hmac_hi_there(TEEC_Session *a, uint32_t rw, uint32_t type, uint32_t klen,
			      uint32_t mech, uint8_t *mac, size_t *len)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t key = 0, rv;
	uint8_t k[64];

	memset(k, 0x0b, sizeof(k));
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, type);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_SIGN, 1);
	attr(c, P11_CKA_VALUE, k, klen);
	tmpl_close(c);
	rv = rv_handle(a, P11_CMD_CREATE_OBJECT, c, &key, 1);
	if (rv == P11_CKR_OK)
		rv = op_init(a, P11_CMD_SIGN_INIT, rw, key, mech, NULL, 0);
	if (rv == P11_CKR_OK) {
		start(c, rw);
		call(a, P11_CMD_SIGN_ONESHOT, c, "Hi There", 8, mac, len, false, &rv);
	}
	free(c);
	return rv;
}

static bool sha1_sha224(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	static const uint8_t hmac_md5[16] = {0x92, 0x94, 0x72, 0x7a, 0x36, 0x38, 0xbb, 0x1c,
					     0x13, 0xf4, 0x8e, 0xf8, 0x15, 0x8b, 0xfc, 0x9d};
	static const uint8_t hmac_sha1[20] = {0xb6, 0x17, 0x31, 0x86, 0x55, 0x05, 0x72,
					      0x64, 0xe2, 0x8b, 0xc0, 0xb6, 0xfb, 0x37,
					      0x8c, 0x8e, 0xf1, 0x46, 0xbe, 0x00};
	static const uint8_t hmac_sha224[28] = {
	    0x89, 0x6f, 0xb1, 0x12, 0x8a, 0xbb, 0xdf, 0x19, 0x68, 0x32, 0x10, 0x7c, 0xd4, 0x9d,
	    0xf3, 0x3f, 0x47, 0xb4, 0xb1, 0x16, 0x99, 0x12, 0xba, 0x4f, 0x53, 0x68, 0x4b, 0x22};
	struct ctl *c = NULL;
	uint8_t mac[64];
	uint32_t first = 0;
	size_t len;
	unsigned n = 0;

	/* FIPS 180-4 examples: SHA-1("abc") a9993e36..., SHA-224("abc") 23097d22... */
	WANT("SHA-1 of abc", digest_abc(a, rw, P11_CKM_SHA_1, 20, &first), P11_CKR_OK);
	WANT("... a9993e36", first, 0xa9993e36);
	WANT("SHA-224 of abc", digest_abc(a, rw, P11_CKM_SHA224, 28, &first), P11_CKR_OK);
	WANT("... 23097d22", first, 0x23097d22);
	len = sizeof(mac);
	WANT("HMAC-SHA1, a CKK_SHA_1_HMAC key",
	     hmac_hi_there(a, rw, P11_CKK_SHA_1_HMAC, 20, P11_CKM_SHA_1_HMAC, mac, &len),
	     P11_CKR_OK);
	WANT("... RFC 2202 case 1", len == 20 && !memcmp(mac, hmac_sha1, 20), 1);
	len = sizeof(mac);
	WANT("HMAC-SHA224, a generic secret",
	     hmac_hi_there(a, rw, P11_CKK_GENERIC_SECRET, 20, P11_CKM_SHA224_HMAC, mac, &len),
	     P11_CKR_OK);
	WANT("... RFC 4231 case 1", len == 28 && !memcmp(mac, hmac_sha224, 28), 1);
	len = sizeof(mac);
	WANT("HMAC-MD5, a CKK_MD5_HMAC key",
	     hmac_hi_there(a, rw, P11_CKK_MD5_HMAC, 16, P11_CKM_MD5_HMAC, mac, &len), P11_CKR_OK);
	WANT("... RFC 2202 case 1", len == 16 && !memcmp(mac, hmac_md5, 16), 1);
	len = sizeof(mac);
	WANT("HMAC-SHA1 with a 9-byte key (GP: 10 to 64)",
	     hmac_hi_there(a, rw, P11_CKK_GENERIC_SECRET, 9, P11_CKM_SHA_1_HMAC, mac, &len),
	     P11_CKR_KEY_SIZE_RANGE);
	len = sizeof(mac);
	WANT("HMAC-SHA224 with a CKK_SHA256_HMAC key",
	     hmac_hi_there(a, rw, P11_CKK_SHA256_HMAC, 32, P11_CKM_SHA224_HMAC, mac, &len),
	     P11_CKR_KEY_TYPE_INCONSISTENT);
	*count += n;
	return true;
}

/*
 * A key of type and len bytes of value v for SIGN and VERIFY; SIGN of msg with mech (a _GENERAL
 * one with a MAC of general bytes) into mac
 */
static uint32_t mac_of(TEEC_Session *a, uint32_t rw, uint32_t type, const uint8_t *v, uint32_t len,
		       uint32_t mech, uint32_t general, const void *msg, size_t msg_len,
		       uint8_t *mac, size_t *mac_len, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, type);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_SIGN, 1);
	attr_bool(c, P11_CKA_VERIFY, 1);
	attr(c, P11_CKA_VALUE, v, len);
	tmpl_close(c);
	rv = rv_handle(a, P11_CMD_CREATE_OBJECT, c, key, 1);
	if (rv == P11_CKR_OK)
		rv = op_init(a, P11_CMD_SIGN_INIT, rw, *key, mech, &general,
			     general ? sizeof(general) : 0);
	if (rv == P11_CKR_OK) {
		start(c, rw);
		call(a, P11_CMD_SIGN_ONESHOT, c, msg, msg_len, mac, mac_len, false, &rv);
	}
	free(c);
	return rv;
}

/* AES-CMAC: RFC 4493 example 2 signed and verified, a flipped bit, a key of another type */
static bool cmac_checks(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	static const uint8_t k[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
				      0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
	static const uint8_t m[16] = {0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96,
				      0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a};
	static const uint8_t t[16] = {0x07, 0x0a, 0x16, 0xb4, 0x6b, 0x4d, 0x41, 0x44,
				      0xf7, 0x9b, 0xdd, 0x9d, 0xd0, 0x4a, 0x28, 0x7c};
	struct ctl *c = calloc(1, sizeof(*c));
	uint8_t mac[32];
	uint32_t key = 0, x = 0;
	size_t len = sizeof(mac);
	unsigned n = 0;

	WANT("AES-CMAC",
	     mac_of(a, rw, P11_CKK_AES, k, 16, P11_CKM_AES_CMAC, 0, m, 16, mac, &len, &key),
	     P11_CKR_OK);
	WANT("... RFC 4493 example 2", len == 16 && !memcmp(mac, t, 16), 1);
	for (int i = 0; i < 2; i++) {
		WANT("VERIFY_INIT AES-CMAC",
		     op_init(a, P11_CMD_VERIFY_INIT, rw, key, P11_CKM_AES_CMAC, NULL, 0),
		     P11_CKR_OK);
		memcpy(mac, t, 16);
		mac[15] ^= i;
		len = 16;
		start(c, rw);
		call(a, P11_CMD_VERIFY_ONESHOT, c, m, 16, mac, &len, true, &x);
		WANT(i ? "VERIFY AES-CMAC, a bit flipped" : "VERIFY AES-CMAC", x,
		     i ? P11_CKR_SIGNATURE_INVALID : P11_CKR_OK);
	}
	/* CKM_AES_CMAC_GENERAL: the leading bytes, 1 to 16 of them */
	len = sizeof(mac);
	WANT("AES-CMAC-GENERAL, 8 bytes",
	     mac_of(a, rw, P11_CKK_AES, k, 16, P11_CKM_AES_CMAC_GENERAL, 8, m, 16, mac, &len, &key),
	     P11_CKR_OK);
	WANT("... RFC 4493's first 8", len == 8 && !memcmp(mac, t, 8), 1);
	for (uint32_t bad = 0; bad <= 17; bad += 17) {
		WANT(bad ? "AES-CMAC-GENERAL, 17 bytes" : "AES-CMAC-GENERAL, 0 bytes",
		     op_init(a, P11_CMD_SIGN_INIT, rw, key, P11_CKM_AES_CMAC_GENERAL, &bad, 4),
		     P11_CKR_MECHANISM_PARAM_INVALID);
	}
	for (int i = 0; i < 3; i++) {
		x = 8;
		WANT("VERIFY_INIT AES-CMAC-GENERAL",
		     op_init(a, P11_CMD_VERIFY_INIT, rw, key, P11_CKM_AES_CMAC_GENERAL, &x, 4),
		     P11_CKR_OK);
		memcpy(mac, t, 16);
		mac[7] ^= i == 1;
		len = i == 2 ? 16 : 8;
		start(c, rw);
		call(a, P11_CMD_VERIFY_ONESHOT, c, m, 16, mac, &len, true, &x);
		WANT(i == 0   ? "VERIFY AES-CMAC-GENERAL"
		     : i == 1 ? "VERIFY AES-CMAC-GENERAL, a bit flipped"
			      : "VERIFY AES-CMAC-GENERAL, 16 bytes for 8",
		     x,
		     i == 0   ? P11_CKR_OK
		     : i == 1 ? P11_CKR_SIGNATURE_INVALID
			      : P11_CKR_SIGNATURE_LEN_RANGE);
	}
	len = sizeof(mac);
	WANT("AES-CMAC with a generic secret",
	     mac_of(a, rw, P11_CKK_GENERIC_SECRET, k, 16, P11_CKM_AES_CMAC, 0, m, 16, mac, &len,
		    &key),
	     P11_CKR_KEY_TYPE_INCONSISTENT);
	free(c);
	*count += n;
	return true;
}

/* DIGEST_KEY of key after "abc": its code, and the SHA-256's first 4 bytes when it worked */
static uint32_t digest_key(TEEC_Session *a, uint32_t rw, uint32_t key, uint32_t *first)
{
	struct ctl c;
	uint8_t h[32];
	size_t len = sizeof(h);
	uint32_t rv;

	start(&c, rw);
	put32(&c, P11_CKM_SHA256);
	put32(&c, 0);
	rv = rv_of(a, P11_CMD_DIGEST_INIT, &c);
	if (rv != P11_CKR_OK)
		return rv;
	start(&c, rw);
	call(a, P11_CMD_DIGEST_UPDATE, &c, "abc", 3, NULL, NULL, false, &rv);
	if (rv != P11_CKR_OK)
		return rv;
	start(&c, rw);
	put32(&c, key);
	rv = rv_of(a, P11_CMD_DIGEST_KEY, &c);
	if (rv != P11_CKR_OK) {
		start(&c, rw);
		put32(&c, key);
		/* an error ended the digest (PKCS#11 v2.40 5.2) */
		return rv_of(a, P11_CMD_DIGEST_KEY, &c) == P11_CKR_OPERATION_NOT_INITIALIZED
			   ? rv
			   : 0xbad;
	}
	start(&c, rw);
	call(a, P11_CMD_DIGEST_FINAL, &c, NULL, 0, h, &len, false, &rv);
	*first = (uint32_t)h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3];
	return rv;
}

/* C_DigestKey, templates with an attribute twice, the order of refusals, certificates */
static bool more_rules(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t key = 0, sens = 0, obj = 0, ro = 0, first = 0, size = 0;
	uint8_t out[64];
	size_t len;
	unsigned n = 0;

	WANT("a readable key", open_secret(a, rw, false, &key), P11_CKR_OK);
	WANT("DIGEST_KEY of a readable key", digest_key(a, rw, key, &first), P11_CKR_OK);
	WANT("... SHA-256(abc || key)", first, 0xc72ada2e);
	WANT("a sensitive copy", copy1(a, rw, key, P11_CKA_SENSITIVE, 1, &sens), P11_CKR_OK);
	WANT("DIGEST_KEY of a sensitive key", digest_key(a, rw, sens, &first),
	     P11_CKR_KEY_INDIGESTIBLE);
	WANT("DIGEST_KEY of an unknown handle", digest_key(a, rw, 0x7777777, &first),
	     P11_CKR_KEY_HANDLE_INVALID);
	data_object(c, rw, false, false);
	WANT("a data object", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &obj, 1), P11_CKR_OK);
	WANT("DIGEST_KEY of a data object", digest_key(a, rw, obj, &first),
	     P11_CKR_KEY_INDIGESTIBLE);
	start(c, rw);
	put32(c, key);
	WANT("DIGEST_KEY, no digest", rv_of(a, P11_CMD_DIGEST_KEY, c),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	/* C_GetAttributeValue may ask for one attribute twice; a new object may not give it twice
	 */
	start(c, rw);
	put32(c, obj);
	tmpl_open(c);
	attr(c, P11_CKA_LABEL, "..", 2);
	attr(c, P11_CKA_LABEL, "..", 2);
	tmpl_close(c);
	len = sizeof(out);
	call(a, P11_CMD_GET_ATTRIBUTE_VALUE, c, NULL, 0, out, &len, false, &first);
	WANT("GET CKA_LABEL twice", first, P11_CKR_OK);
	WANT("... both answered", out[16] == 'x' && out[26] == 'x', 1);
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr(c, P11_CKA_LABEL, "x", 1);
	attr(c, P11_CKA_LABEL, "y", 1);
	tmpl_close(c);
	WANT("CREATE with CKA_LABEL twice", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &size, 1),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	/* A private token object from a read-only session, logged out: the session is named */
	WANT("R/O session", open_rw(a, false, &ro), P11_CKR_OK);
	data_object(c, ro, true, true);
	WANT("a private token object, R/O and logged out",
	     rv_handle(a, P11_CMD_CREATE_OBJECT, c, &size, 1), P11_CKR_SESSION_READ_ONLY);
	WANT("close R/O", simple(a, P11_CMD_CLOSE_SESSION, ro, 0), P11_CKR_OK);
	/* Certificates: the categories and types PKCS#11 v2.40 4.6 defines, and no others */
	for (uint32_t cat = 3; cat <= 4; cat++) {
		start(c, rw);
		tmpl_open(c);
		attr_u32(c, P11_CKA_CLASS, P11_CKO_CERTIFICATE);
		attr_u32(c, P11_CKA_CERTIFICATE_TYPE, 0);
		attr_u32(c, P11_CKA_CERTIFICATE_CATEGORY, cat);
		attr(c, P11_CKA_VALUE, "cert", 4);
		tmpl_close(c);
		WANT(cat == 3 ? "a certificate of category 3" : "a certificate of category 4",
		     rv_handle(a, P11_CMD_CREATE_OBJECT, c, &size, 1),
		     cat == 3 ? P11_CKR_OK : P11_CKR_ATTRIBUTE_VALUE_INVALID);
	}
	/* within the application's 16 session objects */
	WANT("destroy the key", simple(a, P11_CMD_DESTROY_OBJECT, rw, key), P11_CKR_OK);
	WANT("destroy its copy", simple(a, P11_CMD_DESTROY_OBJECT, rw, sens), P11_CKR_OK);
	WANT("destroy the data object", simple(a, P11_CMD_DESTROY_OBJECT, rw, obj), P11_CKR_OK);
	free(c);
	*count += n;
	return true;
}

bool pkcs11_modify_checks(TEEC_Session *a, TEEC_Session *b, const char *so, const char *pin,
			  unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t rw = 0, hb = 0;
	unsigned n = 0;
	bool ok;

	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("B opens", open_rw(b, true, &hb), P11_CKR_OK);
	ok = set_rules(a, b, rw, hb, &n) && copy_rules(a, b, rw, hb, &n) &&
	     login_rules(a, rw, so, pin, &n) && sha1_sha224(a, rw, &n) && more_rules(a, rw, &n) &&
	     cmac_checks(a, rw, &n);
	simple(a, P11_CMD_CLOSE_SESSION, rw, 0);
	simple(b, P11_CMD_CLOSE_SESSION, hb, 0);
	*count += n;
	return ok;
}
