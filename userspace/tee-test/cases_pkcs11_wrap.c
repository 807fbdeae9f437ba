// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, C_WrapKey, C_UnwrapKey and C_DeriveKey (PKCS#11 v2.40 5.13) from the hostile
 * side: keys that are not extractable, CKA_WRAP_WITH_TRUSTED under an untrusted key, wrapping
 * keys without CKA_WRAP or CKA_UNWRAP, mechanisms the key does not allow, truncated and garbage
 * wrapped keys, lengths that lie, templates the token refuses, another application's handles;
 * and known answers: AES-128 of FIPS-197 C.1 as the wrapped key and as the derived key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"

/* FIPS-197 Appendix C.1: AES-128 of pt under kek is ct */
static const uint8_t kek_v[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
				  0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};
static const uint8_t pt[16] = {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77,
			       0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff};
static const uint8_t ct[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
			       0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
static const uint8_t zero_iv[16];

/* Key flags for aes_key() */
#define K_WRAP	   (1u << 0)
#define K_UNWRAP   (1u << 1)
#define K_DERIVE   (1u << 2)
#define K_EXTRACT  (1u << 3)
#define K_WWT	   (1u << 4) /* CKA_WRAP_WITH_TRUSTED */
#define K_TRUSTED  (1u << 5)
#define K_DECRYPT  (1u << 7)
#define K_ENCRYPT  (1u << 8)
#define K_CBC_ONLY (1u << 6) /* CKA_ALLOWED_MECHANISMS {CKM_AES_CBC}: not ECB */

/* A public, readable AES session key of value v made by C_CreateObject */
static uint32_t aes_key(TEEC_Session *s, uint32_t h, const uint8_t v[16], uint32_t f, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv, cbc = P11_CKM_AES_CBC;

	start(c, h);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_SENSITIVE, 0);
	attr_bool(c, P11_CKA_EXTRACTABLE, !!(f & K_EXTRACT));
	attr_bool(c, P11_CKA_WRAP, !!(f & K_WRAP));
	attr_bool(c, P11_CKA_UNWRAP, !!(f & K_UNWRAP));
	attr_bool(c, P11_CKA_DERIVE, !!(f & K_DERIVE));
	attr_bool(c, P11_CKA_DECRYPT, !!(f & K_DECRYPT));
	attr_bool(c, P11_CKA_ENCRYPT, !!(f & K_ENCRYPT));
	attr_bool(c, P11_CKA_WRAP_WITH_TRUSTED, !!(f & K_WWT));
	if (f & K_TRUSTED)
		attr_bool(c, P11_CKA_TRUSTED, 1);
	if (f & K_CBC_ONLY)
		attr(c, P11_CKA_ALLOWED_MECHANISMS, &cbc, sizeof(cbc));
	attr(c, P11_CKA_VALUE, v, 16);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_CREATE_OBJECT, c, key, 1);
	free(c);
	return rv;
}

/* [mechanism head][params]: AES_ECB without, the others with a 16-byte IV */
static void mech(struct ctl *c, uint32_t id)
{
	put32(c, id);
	if (id == P11_CKM_AES_ECB || id == P11_CKM_AES_CTR) {
		put32(c, 0);
		return;
	}
	put32(c, 16);
	put(c, zero_iv, 16);
}

/* WRAP_KEY with *len bytes of room in out */
static uint32_t wrap(TEEC_Session *s, uint32_t h, uint32_t wk, uint32_t key, uint32_t m,
		     uint8_t *out, size_t *len)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, wk);
	put32(c, key);
	mech(c, m);
	call(s, P11_CMD_WRAP_KEY, c, NULL, 0, out, len, false, &rv);
	free(c);
	return rv;
}

/* Template choices for unwrap() and derive() */
#define T_NOCLASS   (1u << 0) /* no CKA_CLASS */
#define T_GENERIC   (1u << 1) /* CKK_GENERIC_SECRET, not CKK_AES */
#define T_TOKEN	    (1u << 2)
#define T_PRIVATE   (1u << 3)
#define T_VALUE	    (1u << 4) /* a CKA_VALUE of its own */
#define T_SENSITIVE (1u << 5) /* sensitive and not extractable */
#define T_EMPTY	    (1u << 6) /* no attribute at all */

static void key_tmpl(struct ctl *c, uint32_t f, uint32_t value_len)
{
	tmpl_open(c);
	if (f & T_EMPTY) {
		tmpl_close(c);
		return;
	}
	if (!(f & T_NOCLASS))
		attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, f & T_GENERIC ? P11_CKK_GENERIC_SECRET : P11_CKK_AES);
	attr_bool(c, P11_CKA_TOKEN, !!(f & T_TOKEN));
	attr_bool(c, P11_CKA_PRIVATE, !!(f & T_PRIVATE));
	attr_bool(c, P11_CKA_SENSITIVE, !!(f & T_SENSITIVE));
	attr_bool(c, P11_CKA_EXTRACTABLE, !(f & T_SENSITIVE));
	if (value_len)
		attr_u32(c, P11_CKA_VALUE_LEN, value_len);
	if (f & T_VALUE)
		attr(c, P11_CKA_VALUE, pt, 16);
	tmpl_close(c);
}

/* UNWRAP_KEY of len bytes of in */
static uint32_t unwrap(TEEC_Session *s, uint32_t h, uint32_t uk, uint32_t m, const void *in,
		       size_t len, uint32_t f, uint32_t value_len, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	size_t out_len = sizeof(*key);
	uint32_t rv;

	start(c, h);
	put32(c, uk);
	mech(c, m);
	key_tmpl(c, f, value_len);
	call(s, P11_CMD_UNWRAP_KEY, c, in, len, key, &out_len, false, &rv);
	free(c);
	return rv == P11_CKR_OK && out_len != sizeof(*key) ? 0xbad : rv;
}

/*
 * DERIVE_KEY with AES_ECB_ENCRYPT_DATA (or _CBC_ with a zero IV) of len bytes of data; the
 * parameters' own length is said to be said bytes (len when 0).
 */
static uint32_t derive(TEEC_Session *s, uint32_t h, uint32_t base, uint32_t m, const void *data,
		       uint32_t len, uint32_t said, uint32_t f, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, base);
	put32(c, m);
	if (m == P11_CKM_AES_CBC_ENCRYPT_DATA) {
		put32(c, 16 + 4 + len);
		put(c, zero_iv, 16);
	} else {
		put32(c, 4 + len);
	}
	put32(c, said ? said : len);
	put(c, data, len);
	key_tmpl(c, f, 0);
	rv = rv_handle(s, P11_CMD_DERIVE_KEY, c, key, 1);
	free(c);
	return rv;
}

/* SET_ATTRIBUTE_VALUE (or COPY_OBJECT, its handle in *copy) of one CK_BBOOL true */
static uint32_t set_true(TEEC_Session *s, uint32_t h, uint32_t key, uint32_t id, uint32_t *copy)
{
	static const uint8_t one = 1;

	return set_attr(s, h, key, id, &one, 1, copy);
}

/* SET_ATTRIBUTE_VALUE (or COPY_OBJECT) of {CKA_WRAP false, CKA_DECRYPT true} */
static uint32_t swap_flags(TEEC_Session *s, uint32_t h, uint32_t key, bool copy, uint32_t *out)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, key);
	tmpl_open(c);
	attr_bool(c, P11_CKA_WRAP, 0);
	attr_bool(c, P11_CKA_DECRYPT, 1);
	tmpl_close(c);
	rv = copy ? rv_handle(s, P11_CMD_COPY_OBJECT, c, out, 1)
		  : rv_of(s, P11_CMD_SET_ATTRIBUTE_VALUE, c);
	free(c);
	return rv;
}

static uint32_t value_of(TEEC_Session *s, uint32_t h, uint32_t key, uint8_t v[32], uint32_t *got)
{
	return get_attr(s, h, key, P11_CKA_VALUE, 32, got, v);
}

static bool wrap_rules(TEEC_Session *a, TEEC_Session *b, uint32_t rw, uint32_t hb, const char *so,
		       unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t kek = 0, key = 0, nox = 0, nowrap = 0, cbc_only = 0, wwt = 0, tkek = 0, out = 0;
	uint32_t bk = 0, ro = 0, got = 0, dec = 0;
	uint8_t w[64], v[32];
	size_t len;
	unsigned n = 0;

	WANT("a KEK", aes_key(a, rw, kek_v, K_WRAP | K_UNWRAP, &kek), P11_CKR_OK);
	WANT("a key to wrap", aes_key(a, rw, pt, K_EXTRACT, &key), P11_CKR_OK);
	/* C_WrapKey's size query, then the known answer */
	len = 0;
	WANT("WRAP, no room", wrap(a, rw, kek, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	WANT("... the size needed", len, 16);
	len = sizeof(w);
	WANT("WRAP AES-ECB", wrap(a, rw, kek, key, P11_CKM_AES_ECB, w, &len), P11_CKR_OK);
	WANT("... 16 bytes", len, 16);
	WANT("... FIPS-197 C.1's ciphertext", !memcmp(w, ct, 16), 1);
	WANT("UNWRAP AES-ECB", unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 16, 0, 0, &out), P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... is the wrapped key", got == 16 && !memcmp(v, pt, 16), 1);
	WANT("... not CKA_LOCAL", bool_of(a, rw, out, P11_CKA_LOCAL), 0);
	WANT("... not CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	WANT("... not CKA_NEVER_EXTRACTABLE", bool_of(a, rw, out, P11_CKA_NEVER_EXTRACTABLE), 0);
	DESTROY(out);
	WANT("UNWRAP sensitive", unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 16, T_SENSITIVE, 0, &out),
	     P11_CKR_OK);
	WANT("... its value refused", value_of(a, rw, out, v, &got), P11_CKR_ATTRIBUTE_SENSITIVE);
	WANT("... still not CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE),
	     0);
	DESTROY(out);
	/* CBC_PAD: a round trip, one block of padding */
	len = sizeof(w);
	WANT("WRAP AES-CBC-PAD", wrap(a, rw, kek, key, P11_CKM_AES_CBC_PAD, w, &len), P11_CKR_OK);
	WANT("... 32 bytes", len, 32);
	WANT("UNWRAP AES-CBC-PAD", unwrap(a, rw, kek, P11_CKM_AES_CBC_PAD, w, 32, 0, 0, &out),
	     P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... is the wrapped key", got == 16 && !memcmp(v, pt, 16), 1);
	DESTROY(out);
	/* Truncated, garbage, lying lengths: errors, never keys */
	WANT("UNWRAP 31 bytes", unwrap(a, rw, kek, P11_CKM_AES_CBC_PAD, w, 31, 0, 0, &out),
	     P11_CKR_WRAPPED_KEY_LEN_RANGE);
	WANT("UNWRAP the padding block alone",
	     unwrap(a, rw, kek, P11_CKM_AES_CBC_PAD, w + 16, 16, 0, 0, &out),
	     P11_CKR_WRAPPED_KEY_INVALID);
	WANT("UNWRAP, no data", unwrap(a, rw, kek, P11_CKM_AES_ECB, NULL, 0, 0, 0, &out),
	     P11_CKR_ARGUMENTS_BAD);
	/* CBC of the key, whose last byte 0xff is no padding */
	len = sizeof(w);
	WANT("WRAP AES-CBC", wrap(a, rw, kek, key, P11_CKM_AES_CBC, w, &len), P11_CKR_OK);
	WANT("UNWRAP it as CBC-PAD", unwrap(a, rw, kek, P11_CKM_AES_CBC_PAD, w, 16, 0, 0, &out),
	     P11_CKR_WRAPPED_KEY_INVALID);
	WANT("UNWRAP, CKA_VALUE_LEN beyond the data",
	     unwrap(a, rw, kek, P11_CKM_AES_CBC, w, 16, T_GENERIC, 32, &out),
	     P11_CKR_WRAPPED_KEY_LEN_RANGE);
	WANT("UNWRAP, 8 bytes of 16 not null padded",
	     unwrap(a, rw, kek, P11_CKM_AES_CBC, w, 16, T_GENERIC, 8, &out),
	     P11_CKR_WRAPPED_KEY_INVALID);
	memset(w, 0x5a, 48);
	WANT("UNWRAP 48 bytes as AES", unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 48, 0, 0, &out),
	     P11_CKR_WRAPPED_KEY_LEN_RANGE);
	/* Templates: the rules of C_CreateObject and C_GenerateKey */
	len = sizeof(w);
	WANT("WRAP again", wrap(a, rw, kek, key, P11_CKM_AES_ECB, w, &len), P11_CKR_OK);
	WANT("UNWRAP with a CKA_VALUE",
	     unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 16, T_VALUE, 0, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("UNWRAP without CKA_CLASS",
	     unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 16, T_NOCLASS, 0, &out),
	     P11_CKR_TEMPLATE_INCOMPLETE);
	WANT("UNWRAP a private key, logged out",
	     unwrap(a, rw, kek, P11_CKM_AES_ECB, w, 16, T_PRIVATE, 0, &out),
	     P11_CKR_USER_NOT_LOGGED_IN);
	WANT("R/O session", open_rw(a, false, &ro), P11_CKR_OK);
	WANT("UNWRAP a token key in a R/O session",
	     unwrap(a, ro, kek, P11_CKM_AES_ECB, w, 16, T_TOKEN, 0, &out),
	     P11_CKR_SESSION_READ_ONLY);
	WANT("close R/O", simple(a, P11_CMD_CLOSE_SESSION, ro, 0), P11_CKR_OK);
	/* The wrapped key's and the wrapping key's attributes */
	WANT("a key not extractable", aes_key(a, rw, pt, 0, &nox), P11_CKR_OK);
	len = sizeof(w);
	WANT("WRAP it", wrap(a, rw, kek, nox, P11_CKM_AES_ECB, w, &len), P11_CKR_KEY_UNEXTRACTABLE);
	WANT("a key without CKA_WRAP", aes_key(a, rw, kek_v, K_EXTRACT, &nowrap), P11_CKR_OK);
	WANT("WRAP with it", wrap(a, rw, nowrap, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_WRAPPING_KEY_TYPE_INCONSISTENT);
	WANT("UNWRAP with it", unwrap(a, rw, nowrap, P11_CKM_AES_ECB, ct, 16, 0, 0, &out),
	     P11_CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT);
	WANT("WRAP a key with itself", wrap(a, rw, kek, kek, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_WRAPPING_KEY_HANDLE_INVALID);
	WANT("WRAP with AES-CTR", wrap(a, rw, kek, key, P11_CKM_AES_CTR, w, &len),
	     P11_CKR_MECHANISM_INVALID);
	WANT("a KEK allowed AES-CBC only",
	     aes_key(a, rw, kek_v, K_WRAP | K_UNWRAP | K_CBC_ONLY, &cbc_only), P11_CKR_OK);
	WANT("WRAP with it by AES-ECB", wrap(a, rw, cbc_only, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("UNWRAP with it by AES-ECB",
	     unwrap(a, rw, cbc_only, P11_CKM_AES_ECB, ct, 16, 0, 0, &out),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	len = sizeof(w);
	WANT("WRAP with it by AES-CBC", wrap(a, rw, cbc_only, key, P11_CKM_AES_CBC, w, &len),
	     P11_CKR_OK);
	/* A wrapping key that could decrypt what it wraps: not made so, not used so */
	WANT("KEK: CKA_DECRYPT set", set_true(a, rw, kek, P11_CKA_DECRYPT, NULL),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("KEK: copied with CKA_DECRYPT", set_true(a, rw, kek, P11_CKA_DECRYPT, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("KEK: CKA_WRAP dropped for CKA_DECRYPT", swap_flags(a, rw, kek, false, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("KEK: copied as a decrypting twin", swap_flags(a, rw, kek, true, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("a KEK that decrypts", aes_key(a, rw, kek_v, K_WRAP | K_DECRYPT, &dec), P11_CKR_OK);
	WANT("WRAP with it", wrap(a, rw, dec, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	DESTROY(dec);
	WANT("a key with CKA_WRAP_WITH_TRUSTED", aes_key(a, rw, pt, K_EXTRACT | K_WWT, &wwt),
	     P11_CKR_OK);
	WANT("WRAP it by an untrusted key", wrap(a, rw, kek, wwt, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_KEY_NOT_WRAPPABLE);
	WANT("SO login", login_so(a, rw, so), P11_CKR_OK);
	WANT("a trusted KEK, by the SO", aes_key(a, rw, kek_v, K_WRAP | K_TRUSTED, &tkek),
	     P11_CKR_OK);
	c = calloc(1, sizeof(*c));
	start(c, rw);
	WANT("SO logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	free(c);
	c = NULL;
	len = sizeof(w);
	WANT("WRAP it by the trusted key", wrap(a, rw, tkek, wwt, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_OK);
	WANT("... FIPS-197 C.1's ciphertext", len == 16 && !memcmp(w, ct, 16), 1);
	/* Another application's handles */
	len = sizeof(w);
	WANT("B wraps with A's KEK", wrap(b, hb, kek, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_WRAPPING_KEY_HANDLE_INVALID);
	WANT("B unwraps with A's KEK", unwrap(b, hb, kek, P11_CKM_AES_ECB, ct, 16, 0, 0, &out),
	     P11_CKR_UNWRAPPING_KEY_HANDLE_INVALID);
	WANT("B's KEK", aes_key(b, hb, kek_v, K_WRAP, &bk), P11_CKR_OK);
	WANT("B wraps A's key", wrap(b, hb, bk, key, P11_CKM_AES_ECB, w, &len),
	     P11_CKR_KEY_HANDLE_INVALID);
	WANT("B derives from A's key",
	     derive(b, hb, kek, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out),
	     P11_CKR_KEY_HANDLE_INVALID);
	WANT("B destroys its KEK", simple(b, P11_CMD_DESTROY_OBJECT, hb, bk), P11_CKR_OK);
	DESTROY(kek);
	DESTROY(key);
	DESTROY(nox);
	DESTROY(nowrap);
	DESTROY(cbc_only);
	DESTROY(wwt);
	DESTROY(tkek);
	*count += n;
	return true;
}

/* A generated AES-128 key, sensitive and never extractable, for deriving */
static uint32_t gen_base(TEEC_Session *s, uint32_t h, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, P11_CKM_AES_KEY_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr_u32(c, P11_CKA_VALUE_LEN, 16);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_DERIVE, 1);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_GENERATE_KEY, c, key, 1);
	free(c);
	return rv;
}

static bool derive_rules(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t base = 0, noder = 0, gen = 0, out = 0, got = 0, enc = 0;
	uint8_t v[32], data[48];
	unsigned n = 0;

	WANT("a base key", aes_key(a, rw, kek_v, K_DERIVE, &base), P11_CKR_OK);
	WANT("DERIVE by AES-ECB encryption",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out), P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... FIPS-197 C.1's ciphertext", got == 16 && !memcmp(v, ct, 16), 1);
	WANT("... not CKA_LOCAL", bool_of(a, rw, out, P11_CKA_LOCAL), 0);
	WANT("... not CKA_ALWAYS_SENSITIVE, as its base",
	     bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	DESTROY(out);
	WANT("DERIVE by AES-CBC encryption, zero IV",
	     derive(a, rw, base, P11_CKM_AES_CBC_ENCRYPT_DATA, pt, 16, 0, 0, &out), P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... FIPS-197 C.1's ciphertext", got == 16 && !memcmp(v, ct, 16), 1);
	DESTROY(out);
	memcpy(data, pt, 16);
	memcpy(data + 16, pt, 16);
	memcpy(data + 32, pt, 16);
	WANT("DERIVE a generic secret of 32 bytes",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, data, 32, 0, T_GENERIC, &out),
	     P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... two ciphertexts", got == 32 && !memcmp(v, ct, 16) && !memcmp(v + 16, ct, 16), 1);
	DESTROY(out);
	WANT("DERIVE from 15 bytes",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 15, 0, 0, &out),
	     P11_CKR_DATA_LEN_RANGE);
	WANT("DERIVE, parameters lying about the length",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 32, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("DERIVE a 48-byte AES key",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, data, 48, 0, 0, &out),
	     P11_CKR_DATA_LEN_RANGE);
	WANT("DERIVE with a CKA_VALUE",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, T_VALUE, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("DERIVE a private key, logged out",
	     derive(a, rw, base, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, T_PRIVATE, &out),
	     P11_CKR_USER_NOT_LOGGED_IN);
	WANT("a key without CKA_DERIVE", aes_key(a, rw, kek_v, K_EXTRACT, &noder), P11_CKR_OK);
	WANT("DERIVE from it",
	     derive(a, rw, noder, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out),
	     P11_CKR_KEY_TYPE_INCONSISTENT);
	/* A base key that could encrypt the data itself: not made so, not used so */
	WANT("base: CKA_ENCRYPT set", set_true(a, rw, base, P11_CKA_ENCRYPT, NULL),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("a base that encrypts", aes_key(a, rw, kek_v, K_DERIVE | K_ENCRYPT, &enc), P11_CKR_OK);
	WANT("DERIVE from it", derive(a, rw, enc, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out),
	     P11_CKR_FUNCTION_FAILED);
	DESTROY(enc);
	/* PKCS#11 v2.40 Current Mechanisms 2.15: what a derived key inherits */
	WANT("a generated base", gen_base(a, rw, &gen), P11_CKR_OK);
	WANT("DERIVE a sensitive key from it",
	     derive(a, rw, gen, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, T_SENSITIVE, &out),
	     P11_CKR_OK);
	WANT("... CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 1);
	WANT("... CKA_NEVER_EXTRACTABLE", bool_of(a, rw, out, P11_CKA_NEVER_EXTRACTABLE), 1);
	WANT("... its value refused", value_of(a, rw, out, v, &got), P11_CKR_ATTRIBUTE_SENSITIVE);
	DESTROY(out);
	WANT("DERIVE a readable key from it",
	     derive(a, rw, gen, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out), P11_CKR_OK);
	WANT("... not CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	WANT("... not CKA_NEVER_EXTRACTABLE", bool_of(a, rw, out, P11_CKA_NEVER_EXTRACTABLE), 0);
	DESTROY(out);
	WANT("DERIVE by AES-ECB itself", derive(a, rw, base, P11_CKM_AES_ECB, pt, 16, 0, 0, &out),
	     P11_CKR_MECHANISM_INVALID);
	DESTROY(base);
	DESTROY(noder);
	DESTROY(gen);
	*count += n;
	return true;
}

/*
 * An AES key of value kek_v, public and readable, with CKA_WRAP, _UNWRAP and _DERIVE as f says
 * (K_*), made by C_CreateObject (C_GenerateKey when gen) with attribute id holding the len
 * bytes of inner as they are: the hostile cases lie in them.
 */
static uint32_t tmpl_key(TEEC_Session *s, uint32_t h, uint32_t f, bool gen, uint32_t id,
			 const void *inner, uint32_t len, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	if (gen) {
		put32(c, P11_CKM_AES_KEY_GEN);
		put32(c, 0);
	}
	tmpl_open(c);
	if (gen) {
		attr_u32(c, P11_CKA_VALUE_LEN, 16);
	} else {
		attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
		attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
		attr(c, P11_CKA_VALUE, kek_v, 16);
	}
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_SENSITIVE, 0);
	attr_bool(c, P11_CKA_WRAP, !!(f & K_WRAP));
	attr_bool(c, P11_CKA_UNWRAP, !!(f & K_UNWRAP));
	attr_bool(c, P11_CKA_DERIVE, !!(f & K_DERIVE));
	attr(c, id, inner, len);
	tmpl_close(c);
	rv = rv_handle(s, gen ? P11_CMD_GENERATE_KEY : P11_CMD_CREATE_OBJECT, c, key, 1);
	free(c);
	return rv;
}

/* A template held in a value: {id: v (len bytes)}, in t's buffer, t->len bytes of it */
static void inner1(struct ctl *t, uint32_t id, const void *v, uint32_t len)
{
	memset(t, 0, sizeof(*t));
	tmpl_open(t);
	attr(t, id, v, len);
	tmpl_close(t);
}

/*
 * CKA_WRAP_TEMPLATE, CKA_UNWRAP_TEMPLATE and CKA_DERIVE_TEMPLATE (PKCS#11 v2.40 4.9, v3.0 4.7):
 * what a key holds binds the keys it wraps, unwraps and derives; a template that lies about its
 * own form, nests, names a secret value or forges provenance is refused, and none is changed
 * once the key exists.
 */
static bool template_rules(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	static const uint8_t yes = 1, no = 0, empty[8] = {0};
	struct ctl *c = NULL, *t = calloc(1, sizeof(*t)), *bad = calloc(1, sizeof(*bad));
	uint32_t w = 0, wcopy = 0, key = 0, sens = 0, u = 0, ul = 0, d = 0, dx = 0, out = 0;
	uint32_t got = 0, cls = P11_CKO_SECRET_KEY, type = P11_CKK_AES, lie = 2;
	uint8_t buf[64], v[64];
	size_t len;
	unsigned n = 0;

	/* Malformed templates: the value is checked whole when the key is made */
	WANT("UNWRAP_TEMPLATE of no bytes",
	     tmpl_key(a, rw, K_UNWRAP, false, P11_CKA_UNWRAP_TEMPLATE, "", 0, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	inner1(t, P11_CKA_SENSITIVE, &yes, 1);
	memcpy(bad, t, sizeof(*t));
	memcpy(bad->b + 4, &lie, 4);
	WANT("UNWRAP_TEMPLATE whose count lies",
	     tmpl_key(a, rw, K_UNWRAP, false, P11_CKA_UNWRAP_TEMPLATE, bad->b, bad->len, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	WANT("UNWRAP_TEMPLATE with a byte past its end",
	     tmpl_key(a, rw, K_UNWRAP, false, P11_CKA_UNWRAP_TEMPLATE, t->b, t->len + 1, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	inner1(bad, P11_CKA_VALUE, pt, 16);
	WANT("WRAP_TEMPLATE naming a CKA_VALUE",
	     tmpl_key(a, rw, K_WRAP, false, P11_CKA_WRAP_TEMPLATE, bad->b, bad->len, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	inner1(bad, P11_CKA_WRAP_TEMPLATE, t->b, t->len);
	WANT("WRAP_TEMPLATE holding a template",
	     tmpl_key(a, rw, K_WRAP, false, P11_CKA_WRAP_TEMPLATE, bad->b, bad->len, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	inner1(bad, P11_CKA_SENSITIVE, "\x01\x00", 2);
	WANT("DERIVE_TEMPLATE with a 2-byte CK_BBOOL",
	     tmpl_key(a, rw, K_DERIVE, false, P11_CKA_DERIVE_TEMPLATE, bad->b, bad->len, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	inner1(bad, 0x7fff0000, &yes, 1);
	WANT("DERIVE_TEMPLATE with an unknown attribute",
	     tmpl_key(a, rw, K_DERIVE, false, P11_CKA_DERIVE_TEMPLATE, bad->b, bad->len, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	c = calloc(1, sizeof(*c));
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr(c, P11_CKA_WRAP_TEMPLATE, t->b, t->len);
	tmpl_close(c);
	WANT("a data object with a WRAP_TEMPLATE", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &out, 1),
	     P11_CKR_ATTRIBUTE_TYPE_INVALID);
	free(c);
	c = NULL;

	/* CKA_WRAP_TEMPLATE {CKA_SENSITIVE true}: only sensitive keys are wrapped */
	WANT("a generated KEK with WRAP_TEMPLATE {SENSITIVE}",
	     tmpl_key(a, rw, K_WRAP, true, P11_CKA_WRAP_TEMPLATE, t->b, t->len, &w), P11_CKR_OK);
	WANT("... the template read back",
	     get_attr(a, rw, w, P11_CKA_WRAP_TEMPLATE, sizeof(v), &got, v), P11_CKR_OK);
	WANT("... as given", got == t->len && !memcmp(v, t->b, got), 1);
	WANT("a key to wrap, not sensitive", aes_key(a, rw, pt, K_EXTRACT, &key), P11_CKR_OK);
	len = sizeof(buf);
	WANT("WRAP it", wrap(a, rw, w, key, P11_CKM_AES_ECB, buf, &len),
	     P11_CKR_KEY_HANDLE_INVALID);
	WANT("a sensitive copy of it", set_true(a, rw, key, P11_CKA_SENSITIVE, &sens), P11_CKR_OK);
	len = sizeof(buf);
	WANT("WRAP the copy", wrap(a, rw, w, sens, P11_CKM_AES_ECB, buf, &len), P11_CKR_OK);
	/* fixed once made: not emptied, in place or in a copy */
	WANT("SET the WRAP_TEMPLATE", set_attr(a, rw, w, P11_CKA_WRAP_TEMPLATE, empty, 8, NULL),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("COPY with another WRAP_TEMPLATE",
	     set_attr(a, rw, w, P11_CKA_WRAP_TEMPLATE, empty, 8, &out),
	     P11_CKR_ATTRIBUTE_READ_ONLY);
	WANT("a plain copy of the KEK", set_true(a, rw, w, P11_CKA_SENSITIVE, &wcopy), P11_CKR_OK);
	len = sizeof(buf);
	WANT("WRAP the readable key by the copy",
	     wrap(a, rw, wcopy, key, P11_CKM_AES_ECB, buf, &len), P11_CKR_KEY_HANDLE_INVALID);

	/* CKA_UNWRAP_TEMPLATE: the new key's attributes, which the caller's must agree with */
	memset(t, 0, sizeof(*t));
	tmpl_open(t);
	attr_u32(t, P11_CKA_CLASS, cls);
	attr_u32(t, P11_CKA_KEY_TYPE, type);
	attr_bool(t, P11_CKA_PRIVATE, 0);
	attr_bool(t, P11_CKA_SENSITIVE, 1);
	attr(t, P11_CKA_LABEL, "unwrapped", 9);
	tmpl_close(t);
	WANT("a KEK with UNWRAP_TEMPLATE {SECRET, AES, public, SENSITIVE, LABEL}",
	     tmpl_key(a, rw, K_UNWRAP, false, P11_CKA_UNWRAP_TEMPLATE, t->b, t->len, &u),
	     P11_CKR_OK);
	WANT("UNWRAP with an empty template",
	     unwrap(a, rw, u, P11_CKM_AES_ECB, ct, 16, T_EMPTY, 0, &out), P11_CKR_OK);
	WANT("... the template's label", get_attr(a, rw, out, P11_CKA_LABEL, 32, &got, v),
	     P11_CKR_OK);
	WANT("... \"unwrapped\"", got == 9 && !memcmp(v, "unwrapped", 9), 1);
	WANT("... sensitive", value_of(a, rw, out, v, &got), P11_CKR_ATTRIBUTE_SENSITIVE);
	DESTROY(out);
	WANT("UNWRAP asking for it not sensitive",
	     unwrap(a, rw, u, P11_CKM_AES_ECB, ct, 16, 0, 0, &out), P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("UNWRAP asking for it sensitive",
	     unwrap(a, rw, u, P11_CKM_AES_ECB, ct, 16, T_SENSITIVE, 0, &out), P11_CKR_OK);
	DESTROY(out);
	inner1(bad, P11_CKA_LOCAL, &yes, 1);
	WANT("a KEK with UNWRAP_TEMPLATE {LOCAL}",
	     tmpl_key(a, rw, K_UNWRAP, false, P11_CKA_UNWRAP_TEMPLATE, bad->b, bad->len, &ul),
	     P11_CKR_OK);
	WANT("UNWRAP by it: no key claims to be made in the token",
	     unwrap(a, rw, ul, P11_CKM_AES_ECB, ct, 16, 0, 0, &out), P11_CKR_ATTRIBUTE_READ_ONLY);

	/* CKA_DERIVE_TEMPLATE */
	inner1(t, P11_CKA_LABEL, "derived", 7);
	WANT("a base with DERIVE_TEMPLATE {LABEL}",
	     tmpl_key(a, rw, K_DERIVE, false, P11_CKA_DERIVE_TEMPLATE, t->b, t->len, &d),
	     P11_CKR_OK);
	WANT("DERIVE from it", derive(a, rw, d, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out),
	     P11_CKR_OK);
	WANT("... the template's label", get_attr(a, rw, out, P11_CKA_LABEL, 32, &got, v),
	     P11_CKR_OK);
	WANT("... \"derived\"", got == 7 && !memcmp(v, "derived", 7), 1);
	WANT("... FIPS-197 C.1's ciphertext",
	     value_of(a, rw, out, v, &got) == P11_CKR_OK && got == 16 && !memcmp(v, ct, 16), 1);
	DESTROY(out);
	inner1(t, P11_CKA_EXTRACTABLE, &no, 1);
	WANT("a base with DERIVE_TEMPLATE {EXTRACTABLE false}",
	     tmpl_key(a, rw, K_DERIVE, false, P11_CKA_DERIVE_TEMPLATE, t->b, t->len, &dx),
	     P11_CKR_OK);
	WANT("DERIVE an extractable key from it",
	     derive(a, rw, dx, P11_CKM_AES_ECB_ENCRYPT_DATA, pt, 16, 0, 0, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	DESTROY(w);
	DESTROY(wcopy);
	DESTROY(key);
	DESTROY(sens);
	DESTROY(u);
	DESTROY(ul);
	DESTROY(d);
	DESTROY(dx);
	free(t);
	free(bad);
	*count += n;
	return true;
}

bool pkcs11_wrap_checks(TEEC_Session *a, TEEC_Session *b, const char *so, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t rw = 0, hb = 0;
	unsigned n = 0;
	bool ok;

	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("B opens", open_rw(b, true, &hb), P11_CKR_OK);
	ok = wrap_rules(a, b, rw, hb, so, &n) && derive_rules(a, rw, &n) &&
	     template_rules(a, rw, &n);
	simple(a, P11_CMD_CLOSE_SESSION, rw, 0);
	simple(b, P11_CMD_CLOSE_SESSION, hb, 0);
	*count += n;
	return ok;
}
