// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, objects and keys: what pkcs11-tool cannot send. Templates that lie (sizes past
 * their buffer, an attribute size that overflows, a count that is not the attributes'), templates
 * beyond the token's limits, attributes a template may not set; another application's object
 * handles; private objects and keys while logged out; read-only sessions; sensitive values; short
 * output buffers; one operation per session; bad signatures. Each gets its PKCS#11 code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"
#include "session.h"

/* Templates that lie, or ask too much, in CREATE_OBJECT */
static bool hostile_templates(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t v, h = 0;
	unsigned n = 0;

	data_object(c, rw, false, false);
	v = c->len - 4 - 8 + 1; /* attrs_size one past the bytes there */
	memcpy(c->b + 4, &v, 4);
	WANT("attrs_size past the buffer", rv_of(a, P11_CMD_CREATE_OBJECT, c),
	     P11_CKR_ARGUMENTS_BAD);
	data_object(c, rw, false, false);
	v = 0xfffffff8; /* attrs_size that wraps a 32-bit sum */
	memcpy(c->b + 4, &v, 4);
	WANT("attrs_size 0xfffffff8", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_ARGUMENTS_BAD);
	data_object(c, rw, false, false);
	v = 0xfffffffc; /* the label's size: past the end, and overflowing an offset */
	memcpy(c->b + c->len - 1 - 4, &v, 4);
	WANT("attribute size 0xfffffffc", rv_of(a, P11_CMD_CREATE_OBJECT, c),
	     P11_CKR_ARGUMENTS_BAD);
	data_object(c, rw, false, false);
	v = 5; /* 4 attributes there */
	memcpy(c->b + 8, &v, 4);
	WANT("attrs_count 5 for 4", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_ARGUMENTS_BAD);
	data_object(c, rw, false, false); /* p0 came back holding the return code */
	v = 3;
	memcpy(c->b + 8, &v, 4);
	WANT("attrs_count 3 for 4", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_ARGUMENTS_BAD);
	data_object(c, rw, false, false);
	c->len -= 2; /* the template cut short */
	WANT("template cut short", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_ARGUMENTS_BAD);
	/* Well formed, but beyond the token's limits: 65 attributes, 8 KiB and more */
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	for (uint32_t i = 0; i < 64; i++)
		attr(c, 0x80000000u + i, NULL, 0);
	tmpl_close(c);
	WANT("65 attributes", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_DEVICE_MEMORY);
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	{
		static uint8_t value[8200];

		memset(value, 'v', sizeof(value));
		attr(c, P11_CKA_VALUE, value, sizeof(value));
	}
	tmpl_close(c);
	WANT("an 8200-byte value", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_DEVICE_MEMORY);
	/* What a template may not say */
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	tmpl_close(c);
	WANT("CKA_CLASS twice", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_TEMPLATE_INCONSISTENT);
	start(c, rw);
	tmpl_open(c);
	attr(c, P11_CKA_LABEL, "x", 1);
	tmpl_close(c);
	WANT("no CKA_CLASS", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_TEMPLATE_INCOMPLETE);
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr_u32(c, P11_CKA_TOKEN, 1);
	tmpl_close(c);
	WANT("a 4-byte CK_BBOOL", rv_of(a, P11_CMD_CREATE_OBJECT, c),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_DATA);
	attr(c, 0x7777, "x", 1);
	tmpl_close(c);
	WANT("an unknown attribute", rv_of(a, P11_CMD_CREATE_OBJECT, c),
	     P11_CKR_ATTRIBUTE_TYPE_INVALID);
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
	attr(c, P11_CKA_VALUE, "0123456789abcdef", 16);
	attr_bool(c, P11_CKA_LOCAL, 1);
	tmpl_close(c);
	WANT("CKA_LOCAL given", rv_of(a, P11_CMD_CREATE_OBJECT, c), P11_CKR_ATTRIBUTE_READ_ONLY);
	/* p0 beyond any template the token takes */
	{
		uint8_t *big = calloc(1, 40 * 1024);
		TEEC_Operation op;
		uint32_t origin = 0;

		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE,
						 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
		memcpy(big, &rw, 4);
		op.params[0].tmpref.buffer = big;
		op.params[0].tmpref.size = 40 * 1024;
		op.params[2].tmpref.buffer = &h;
		op.params[2].tmpref.size = 4;
		TEEC_InvokeCommand(a, P11_CMD_CREATE_OBJECT, &op, &origin);
		memcpy(&v, big, 4);
		free(big);
		WANT("p0 of 40 KiB", v, P11_CKR_ARGUMENTS_BAD);
	}
	free(c);
	*count += n;
	return true;
}

/* Objects between applications and login states; a and b are two applications. */
static bool object_rules(TEEC_Session *a, TEEC_Session *b, const char *pin, unsigned *count)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t ro = 0, rw = 0, hb = 0, obj = 0, priv = 0, size = 0, x = 0;
	uint8_t val[16];
	bool found = false;
	unsigned n = 0;

	/* The mechanism list: what works, with its sizes; GCM (libckteec cannot send it) absent */
	{
		struct p11_mechanism_info info;
		uint32_t ids[64];
		size_t len = sizeof(ids);
		bool ecdsa = false, gcm = false;

		c->len = 0;
		put32(c, 0);
		call(a, P11_CMD_MECHANISM_IDS, c, NULL, 0, ids, &len, false, &x);
		WANT("MECHANISM_IDS", x, P11_CKR_OK);
		for (size_t i = 0; i < len / 4; i++) {
			ecdsa |= ids[i] == P11_CKM_ECDSA_SHA256;
			gcm |= ids[i] == 0x1087;
		}
		WANT("ECDSA-SHA256 listed, AES-GCM not", ecdsa && !gcm, 1);
		c->len = 0;
		put32(c, 0);
		put32(c, P11_CKM_EC_KEY_PAIR_GEN);
		len = sizeof(info);
		call(a, P11_CMD_MECHANISM_INFO, c, NULL, 0, &info, &len, false, &x);
		WANT("MECHANISM_INFO EC key pairs", x, P11_CKR_OK);
		WANT("... 256 to 521 bits, key pairs on named prime curves",
		     info.min_key_size == 256 && info.max_key_size == 521 &&
			 (info.flags &
			  (P11_CKF_GENERATE_KEY_PAIR | P11_CKF_EC_F_P | P11_CKF_EC_NAMEDCURVE |
			   P11_CKF_EC_UNCOMPRESS | P11_CKF_SIGN)) ==
			     (P11_CKF_GENERATE_KEY_PAIR | P11_CKF_EC_F_P | P11_CKF_EC_NAMEDCURVE |
			      P11_CKF_EC_UNCOMPRESS),
		     1);
		c->len = 0;
		put32(c, 0);
		put32(c, 0x1087);
		len = sizeof(info);
		call(a, P11_CMD_MECHANISM_INFO, c, NULL, 0, &info, &len, false, &x);
		WANT("MECHANISM_INFO AES-GCM", x, P11_CKR_MECHANISM_INVALID);
	}
	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("A opens R/O", open_rw(a, false, &ro), P11_CKR_OK);
	WANT("B opens", open_rw(b, true, &hb), P11_CKR_OK);
	if (!hostile_templates(a, rw, &n)) {
		free(c);
		return false;
	}
	data_object(c, ro, true, false);
	WANT("a token object in a R/O session", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &x, 1),
	     P11_CKR_SESSION_READ_ONLY);
	data_object(c, rw, false, true);
	WANT("a private object, logged out", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &x, 1),
	     P11_CKR_USER_NOT_LOGGED_IN);
	data_object(c, rw, false, false);
	WANT("A's session object", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &obj, 1), P11_CKR_OK);
	WANT("its label", get_attr(a, rw, obj, P11_CKA_LABEL, 1, &size, val), P11_CKR_OK);
	WANT("its label's size", size, 1);
	WANT("the size asked", get_attr(a, rw, obj, P11_CKA_LABEL, 0, &size, NULL), P11_CKR_OK);
	WANT("the size answered", size, 1);
	WANT("an attribute it lacks", get_attr(a, rw, obj, P11_CKA_MODULUS, 8, &size, NULL),
	     P11_CKR_ATTRIBUTE_TYPE_INVALID);
	WANT("... unavailable", size, P11_UNAVAILABLE);
	{
		uint32_t osize = 0;

		start(c, rw);
		put32(c, obj);
		WANT("GET_OBJECT_SIZE", rv_handle(a, P11_CMD_GET_OBJECT_SIZE, c, &osize, 1),
		     P11_CKR_OK);
		WANT("... some bytes, not more than an object may have", osize && osize <= 8192, 1);
		start(c, hb);
		put32(c, obj);
		WANT("GET_OBJECT_SIZE of A's object from B",
		     rv_handle(b, P11_CMD_GET_OBJECT_SIZE, c, &osize, 1),
		     P11_CKR_OBJECT_HANDLE_INVALID);
	}
	WANT("A's object from B", get_attr(b, hb, obj, P11_CKA_LABEL, 1, &size, NULL),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("B destroys A's object", simple(b, P11_CMD_DESTROY_OBJECT, hb, obj),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("B's search", find_all(b, hb, obj, &found), P11_CKR_OK);
	WANT("B's search misses A's object", found, 0);
	WANT("A's search", find_all(a, ro, obj, &found), P11_CKR_OK);
	WANT("A's search finds it", found, 1);
	start(c, rw);
	WANT("FIND_OBJECTS before its INIT", rv_of(a, P11_CMD_FIND_OBJECTS_FINAL, c),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("an unknown object", simple(a, P11_CMD_DESTROY_OBJECT, rw, 0x7777777),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	/* Logged in: a private key pair (session objects), its private value refused */
	WANT("user login", login_user(a, rw, pin), P11_CKR_OK);
	start(c, rw);
	put32(c, P11_CKM_EC_KEY_PAIR_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr(c, P11_CKA_EC_PARAMS, "\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07", 10);
	attr_bool(c, P11_CKA_VERIFY, 1);
	tmpl_close(c);
	tmpl_open(c);
	attr_bool(c, P11_CKA_SIGN, 1);
	attr_bool(c, P11_CKA_PRIVATE, 1);
	tmpl_close(c);
	{
		uint32_t pair[2] = {0}, rv = rv_handle(a, P11_CMD_GENERATE_KEY_PAIR, c, pair, 2);
		struct ctl *s = calloc(1, sizeof(*s));
		uint8_t sig[64], msg[32] = {1, 2, 3};
		size_t len;

		WANT("EC P-256 key pair", rv, P11_CKR_OK);
		priv = pair[1];
		WANT("the private value", get_attr(a, rw, priv, P11_CKA_VALUE, 32, &size, NULL),
		     P11_CKR_ATTRIBUTE_SENSITIVE);
		WANT("... unavailable", size, P11_UNAVAILABLE);
		WANT("its curve", get_attr(a, rw, priv, P11_CKA_EC_PARAMS, 10, &size, NULL),
		     P11_CKR_OK);
		{
			/* RFC 5480 2: id-ecPublicKey, prime256v1, BIT STRING of the 65-byte point
			 */
			static const uint8_t prefix[] = {0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a,
							 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06,
							 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03,
							 0x01, 0x07, 0x03, 0x42, 0x00};
			uint8_t spki[2][128], point[80];
			uint32_t got[2] = {0}, pl = 0;

			for (int i = 0; i < 2; i++)
				WANT(i ? "the private key's CKA_PUBLIC_KEY_INFO"
				       : "the public key's CKA_PUBLIC_KEY_INFO",
				     get_attr(a, rw, pair[i], P11_CKA_PUBLIC_KEY_INFO, 128, &got[i],
					      spki[i]),
				     P11_CKR_OK);
			WANT("its EC_POINT",
			     get_attr(a, rw, pair[0], P11_CKA_EC_POINT, 80, &pl, point),
			     P11_CKR_OK);
			WANT("... RFC 5480's SubjectPublicKeyInfo of that point, in both keys",
			     got[0] == 91 && got[1] == 91 && pl == 67 &&
				 !memcmp(spki[0], prefix, sizeof(prefix)) &&
				 !memcmp(spki[0] + sizeof(prefix), point + 2, 65) &&
				 !memcmp(spki[0], spki[1], 91),
			     1);
		}
		/* SIGN_INIT, one operation at a time, the size asked with a 0-byte p2 */
		WANT("SIGN_INIT", op_init(a, P11_CMD_SIGN_INIT, rw, priv, P11_CKM_ECDSA, NULL, 0),
		     P11_CKR_OK);
		WANT("SIGN_INIT again",
		     op_init(a, P11_CMD_SIGN_INIT, rw, priv, P11_CKM_ECDSA, NULL, 0),
		     P11_CKR_OPERATION_ACTIVE);
		start(s, rw);
		len = 0;
		call(a, P11_CMD_SIGN_ONESHOT, s, msg, 32, sig, &len, false, &x);
		WANT("a 0-byte signature buffer", x, P11_CKR_BUFFER_TOO_SMALL);
		WANT("... the size needed", len, 64);
		len = 64;
		start(s, rw);
		call(a, P11_CMD_SIGN_ONESHOT, s, msg, 32, sig, &len, false, &x);
		WANT("SIGN_ONESHOT after it", x, P11_CKR_OK);
		start(s, rw);
		WANT("SIGN_FINAL, no operation", rv_of(a, P11_CMD_SIGN_FINAL, s),
		     P11_CKR_OPERATION_NOT_INITIALIZED);
		/* VERIFY: the signature, a flipped bit, a short one */
		for (int i = 0; i < 3; i++) {
			static const uint32_t want[] = {P11_CKR_OK, P11_CKR_SIGNATURE_INVALID,
							P11_CKR_SIGNATURE_LEN_RANGE};
			static const char *what[] = {"VERIFY", "VERIFY, a bit flipped",
						     "VERIFY, 63 bytes"};

			WANT("VERIFY_INIT",
			     op_init(a, P11_CMD_VERIFY_INIT, rw, pair[0], P11_CKM_ECDSA, NULL, 0),
			     P11_CKR_OK);
			sig[5] ^= i == 1;
			len = i == 2 ? 63 : 64;
			start(s, rw);
			call(a, P11_CMD_VERIFY_ONESHOT, s, msg, 32, sig, &len, true, &x);
			sig[5] ^= i == 1;
			WANT(what[i], x, want[i]);
		}
		/* The public key may not sign */
		WANT("SIGN_INIT with the public key",
		     op_init(a, P11_CMD_SIGN_INIT, rw, pair[0], P11_CKM_ECDSA, NULL, 0),
		     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
		free(s);
	}
	/* HMAC-SHA256 with a generic secret given whole: a known answer (Python's hmac) */
	{
		static const uint8_t want_mac[32] = {
		    0x37, 0x82, 0xbf, 0xb1, 0x03, 0x30, 0x4f, 0x53, 0x2a, 0x67, 0x90,
		    0xfa, 0x24, 0x44, 0xf3, 0x62, 0xdf, 0xc4, 0x14, 0x62, 0x87, 0xa1,
		    0xf5, 0xb9, 0x48, 0x3e, 0x1d, 0xf2, 0x17, 0xba, 0xe6, 0x1d};
		static const char msg[] = "Rampart HMAC known answer";
		uint8_t key[32], mac[32];
		uint32_t hk = 0;
		size_t len;

		for (int i = 0; i < 32; i++)
			key[i] = (uint8_t)i;
		start(c, rw);
		tmpl_open(c);
		attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
		attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_GENERIC_SECRET);
		attr(c, P11_CKA_VALUE, key, 32);
		attr_bool(c, P11_CKA_SIGN, 1);
		attr_bool(c, P11_CKA_VERIFY, 1);
		tmpl_close(c);
		WANT("a generic secret given whole", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &hk, 1),
		     P11_CKR_OK);
		WANT("its value, not extractable",
		     get_attr(a, rw, hk, P11_CKA_VALUE, 32, &size, NULL),
		     P11_CKR_ATTRIBUTE_SENSITIVE);
		for (int i = 0; i < 2; i++) {
			WANT(i ? "VERIFY_INIT HMAC" : "SIGN_INIT HMAC",
			     op_init(a, i ? P11_CMD_VERIFY_INIT : P11_CMD_SIGN_INIT, rw, hk,
				     P11_CKM_SHA256_HMAC, NULL, 0),
			     P11_CKR_OK);
			/* in two parts: UPDATE, then FINAL */
			start(c, rw);
			call(a, i ? P11_CMD_VERIFY_UPDATE : P11_CMD_SIGN_UPDATE, c, msg, 10, NULL,
			     NULL, false, &x);
			WANT("HMAC UPDATE", x, P11_CKR_OK);
			start(c, rw);
			call(a, i ? P11_CMD_VERIFY_UPDATE : P11_CMD_SIGN_UPDATE, c, msg + 10,
			     strlen(msg) - 10, NULL, NULL, false, &x);
			WANT("HMAC UPDATE 2", x, P11_CKR_OK);
			len = 32;
			if (i)
				mac[31] ^= 1;
			start(c, rw);
			call(a, i ? P11_CMD_VERIFY_FINAL : P11_CMD_SIGN_FINAL, c, NULL, 0,
			     i ? (void *)mac : mac, &len, i, &x);
			WANT(i ? "HMAC VERIFY_FINAL, a bit flipped" : "HMAC SIGN_FINAL", x,
			     i ? P11_CKR_SIGNATURE_INVALID : P11_CKR_OK);
			if (!i)
				WANT("the HMAC is the known answer", memcmp(mac, want_mac, 32), 0);
		}
	}
	/* A digest and a signature are not run at once in one session */
	start(c, rw);
	put32(c, P11_CKM_SHA256);
	put32(c, 0);
	WANT("DIGEST_INIT", rv_of(a, P11_CMD_DIGEST_INIT, c), P11_CKR_OK);
	WANT("SIGN_INIT beside a digest",
	     op_init(a, P11_CMD_SIGN_INIT, rw, priv, P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_OPERATION_ACTIVE);
	{
		uint8_t h[32];
		size_t len = 16;

		start(c, rw);
		call(a, P11_CMD_DIGEST_ONESHOT, c, "abc", 3, h, &len, false, &x);
		WANT("DIGEST into 16 bytes", x, P11_CKR_BUFFER_TOO_SMALL);
		WANT("... the size needed", len, 32);
		len = 32;
		start(c, rw);
		call(a, P11_CMD_DIGEST_ONESHOT, c, "abc", 3, h, &len, false, &x);
		WANT("DIGEST", x, P11_CKR_OK);
		/* FIPS 180-4's SHA-256("abc") begins ba7816bf */
		WANT("SHA-256 of abc", h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3], 0xba7816bf);
	}
	start(c, rw);
	put32(c, P11_CKM_ECDSA);
	put32(c, 0);
	WANT("DIGEST_INIT with a signature mechanism", rv_of(a, P11_CMD_DIGEST_INIT, c),
	     P11_CKR_MECHANISM_INVALID);
	/* Key parts given whole that GP would refuse: empty, or longer than the key */
	{
		static uint8_t point[67] = {0x04, 0x41, 0x04}, big[100];

		start(c, rw);
		tmpl_open(c);
		attr_u32(c, P11_CKA_CLASS, P11_CKO_PRIVATE_KEY);
		attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_EC);
		attr(c, P11_CKA_EC_PARAMS, "\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07", 10);
		attr(c, P11_CKA_EC_POINT, point, sizeof(point));
		attr(c, P11_CKA_VALUE, big, sizeof(big));
		tmpl_close(c);
		WANT("an EC private value of 100 bytes",
		     rv_handle(a, P11_CMD_CREATE_OBJECT, c, &x, 1),
		     P11_CKR_ATTRIBUTE_VALUE_INVALID);
		start(c, rw);
		tmpl_open(c);
		attr_u32(c, P11_CKA_CLASS, P11_CKO_PUBLIC_KEY);
		attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_RSA);
		attr(c, P11_CKA_MODULUS, big, sizeof(big));
		attr(c, P11_CKA_PUBLIC_EXPONENT, NULL, 0);
		tmpl_close(c);
		WANT("an empty RSA public exponent", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &x, 1),
		     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	}
	/* AES: known answers (Python's cryptography) for CBC_PAD in two parts and CTR in one */
	{
		static const uint8_t cbc[48] = {
		    0x22, 0x1e, 0xee, 0x33, 0xd9, 0x51, 0x04, 0x98, 0x51, 0x2e, 0x03, 0xbf,
		    0x0c, 0xa4, 0x73, 0x14, 0x0f, 0x74, 0x86, 0x93, 0xfe, 0xc9, 0x09, 0xe9,
		    0x02, 0xc0, 0xfd, 0x7d, 0x64, 0x27, 0x0c, 0xac, 0xca, 0x6c, 0x8a, 0x23,
		    0xc3, 0x2f, 0xae, 0xbc, 0xc4, 0x83, 0x0d, 0xef, 0x58, 0xb0, 0x9b, 0x3d};
		static const uint8_t ctr[33] = {
		    0x55, 0x9f, 0x82, 0x04, 0x80, 0xa7, 0x77, 0x4e, 0xd1, 0x4b, 0xbd,
		    0x31, 0xcd, 0xd6, 0xd1, 0xbe, 0xc2, 0x83, 0x81, 0x24, 0xb3, 0x62,
		    0xed, 0x75, 0x28, 0x59, 0x1c, 0x0c, 0xf8, 0x8e, 0xbb, 0x7a, 0xeb};
		static const char msg[] = "Rampart AES CBC-PAD known answer!";
		uint8_t key[16], iv[20], out[64];
		uint32_t ak = 0, bits = 128;
		size_t len, got = 0;

		for (int i = 0; i < 16; i++) {
			key[i] = (uint8_t)i;
			iv[4 + i] = (uint8_t)(16 + i);
		}
		memcpy(iv, &bits, 4);
		/* CKA_ALLOWED_MECHANISMS (PKCS#11 v2.40 4.7.2): 32-bit IDs, and only those */
		for (uint32_t sz = 3; sz <= 4; sz++) {
			uint32_t cbc_pad = P11_CKM_AES_CBC_PAD;

			start(c, rw);
			tmpl_open(c);
			attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
			attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
			attr(c, P11_CKA_VALUE, key, 16);
			attr_bool(c, P11_CKA_ENCRYPT, 1);
			attr(c, P11_CKA_ALLOWED_MECHANISMS, &cbc_pad, sz);
			tmpl_close(c);
			x = rv_handle(a, P11_CMD_CREATE_OBJECT, c, &ak, 1);
			if (sz == 3)
				WANT("a 3-byte mechanism list", x, P11_CKR_ATTRIBUTE_VALUE_INVALID);
			else
				WANT("an AES key for CBC_PAD only", x, P11_CKR_OK);
		}
		WANT("... ENCRYPT_INIT ECB",
		     op_init(a, P11_CMD_ENCRYPT_INIT, rw, ak, P11_CKM_AES_ECB, NULL, 0),
		     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
		WANT("... ENCRYPT_INIT CBC_PAD",
		     op_init(a, P11_CMD_ENCRYPT_INIT, rw, ak, P11_CKM_AES_CBC_PAD, iv + 4, 16),
		     P11_CKR_OK);
		len = sizeof(out);
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_FINAL, c, NULL, 0, out, &len, false, &x);
		WANT("... ENCRYPT_FINAL", x, P11_CKR_OK);
		WANT("... destroyed", simple(a, P11_CMD_DESTROY_OBJECT, rw, ak), P11_CKR_OK);
		start(c, rw);
		tmpl_open(c);
		attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
		attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
		attr(c, P11_CKA_VALUE, key, 16);
		attr_bool(c, P11_CKA_ENCRYPT, 1);
		attr_bool(c, P11_CKA_DECRYPT, 1);
		tmpl_close(c);
		WANT("an AES key given whole", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &ak, 1),
		     P11_CKR_OK);
		WANT("ENCRYPT_INIT CBC_PAD",
		     op_init(a, P11_CMD_ENCRYPT_INIT, rw, ak, P11_CKM_AES_CBC_PAD, iv + 4, 16),
		     P11_CKR_OK);
		len = 8;
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_UPDATE, c, msg, 20, out, &len, false, &x);
		WANT("ENCRYPT_UPDATE into 8 bytes", x, P11_CKR_BUFFER_TOO_SMALL);
		WANT("... 16 needed", len, 16);
		len = sizeof(out);
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_UPDATE, c, msg, 20, out, &len, false, &x);
		WANT("ENCRYPT_UPDATE, 20 bytes", x, P11_CKR_OK);
		got = len;
		len = sizeof(out) - got;
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_UPDATE, c, msg + 20, 13, out + got, &len, false, &x);
		WANT("ENCRYPT_UPDATE, 13 more", x, P11_CKR_OK);
		got += len;
		len = sizeof(out) - got;
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_FINAL, c, NULL, 0, out + got, &len, false, &x);
		WANT("ENCRYPT_FINAL", x, P11_CKR_OK);
		got += len;
		WANT("CBC_PAD: 48 bytes", got, 48);
		WANT("CBC_PAD: the known answer", memcmp(out, cbc, 48), 0);
		/* decrypted in one call, asked its size first */
		WANT("DECRYPT_INIT CBC_PAD",
		     op_init(a, P11_CMD_DECRYPT_INIT, rw, ak, P11_CKM_AES_CBC_PAD, iv + 4, 16),
		     P11_CKR_OK);
		len = 0;
		start(c, rw);
		call(a, P11_CMD_DECRYPT_ONESHOT, c, cbc, 48, out, &len, false, &x);
		WANT("DECRYPT, size asked", x, P11_CKR_BUFFER_TOO_SMALL);
		WANT("... 33", len, 33);
		len = sizeof(out);
		start(c, rw);
		call(a, P11_CMD_DECRYPT_ONESHOT, c, cbc, 48, out, &len, false, &x);
		WANT("DECRYPT", x, P11_CKR_OK);
		WANT("... the message", len == 33 && !memcmp(out, msg, 33), 1);
		/* a last block whose padding is wrong (the second-last as the last) */
		WANT("DECRYPT_INIT",
		     op_init(a, P11_CMD_DECRYPT_INIT, rw, ak, P11_CKM_AES_CBC_PAD, iv + 4, 16),
		     P11_CKR_OK);
		len = sizeof(out);
		start(c, rw);
		call(a, P11_CMD_DECRYPT_ONESHOT, c, cbc, 32, out, &len, false, &x);
		WANT("DECRYPT, bad padding", x, P11_CKR_ENCRYPTED_DATA_INVALID);
		WANT("ENCRYPT_INIT CTR",
		     op_init(a, P11_CMD_ENCRYPT_INIT, rw, ak, P11_CKM_AES_CTR, iv, 20), P11_CKR_OK);
		len = sizeof(out);
		start(c, rw);
		call(a, P11_CMD_ENCRYPT_ONESHOT, c, msg, 33, out, &len, false, &x);
		WANT("ENCRYPT CTR", x, P11_CKR_OK);
		WANT("CTR: the known answer", len == 33 && !memcmp(out, ctr, 33), 1);
		WANT("ENCRYPT_INIT with an EC key",
		     op_init(a, P11_CMD_ENCRYPT_INIT, rw, priv, P11_CKM_AES_ECB, NULL, 0),
		     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	}
	/* RSA-OAEP (SHA-256, a label): a round trip, another label refused (pkcs11-tool 0.23
	 * encrypts with secret keys only) */
	{
		static const char msg[] = "Rampart RSA-OAEP";
		uint8_t ct[256], pt[256];
		uint32_t pair[2] = {0};
		size_t len;

		start(c, rw);
		put32(c, P11_CKM_RSA_PKCS_KEY_PAIR_GEN);
		put32(c, 0);
		tmpl_open(c);
		attr_u32(c, P11_CKA_MODULUS_BITS, 2048);
		attr_bool(c, P11_CKA_ENCRYPT, 1);
		tmpl_close(c);
		tmpl_open(c);
		attr_bool(c, P11_CKA_DECRYPT, 1);
		attr_bool(c, P11_CKA_SIGN, 1);
		tmpl_close(c);
		WANT("an RSA-2048 key pair", rv_handle(a, P11_CMD_GENERATE_KEY_PAIR, c, pair, 2),
		     P11_CKR_OK);
		{
			/* RFC 8017 A.1.1: rsaEncryption, NULL, RSAPublicKey {n, e = 65537} */
			static const uint8_t prefix[] = {
			    0x30, 0x82, 0x01, 0x22, 0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48,
			    0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00, 0x03, 0x82, 0x01,
			    0x0f, 0x00, 0x30, 0x82, 0x01, 0x0a, 0x02, 0x82, 0x01, 0x01, 0x00};
			static const uint8_t tail[] = {0x02, 0x03, 0x01, 0x00, 0x01};
			uint8_t spki[320], n_v[256];
			uint32_t got = 0, nl = 0;

			WANT("its CKA_PUBLIC_KEY_INFO",
			     get_attr(a, rw, pair[0], P11_CKA_PUBLIC_KEY_INFO, sizeof(spki), &got,
				      spki),
			     P11_CKR_OK);
			WANT("its modulus",
			     get_attr(a, rw, pair[0], P11_CKA_MODULUS, 256, &nl, n_v), P11_CKR_OK);
			WANT(
			    "... RFC 8017's RSAPublicKey of that modulus in a SubjectPublicKeyInfo",
			    got == 294 && nl == 256 && !memcmp(spki, prefix, sizeof(prefix)) &&
				!memcmp(spki + sizeof(prefix), n_v, 256) &&
				!memcmp(spki + sizeof(prefix) + 256, tail, sizeof(tail)),
			    1);
		}
		for (int i = 0; i < 3; i++) {
			/* hashAlg, mgf, source (CKZ_DATA_SPECIFIED), label */
			const char *label = i == 2 ? "other" : "label";

			start(c, rw);
			put32(c, pair[i ? 1 : 0]);
			put32(c, P11_CKM_RSA_PKCS_OAEP);
			put32(c, 16 + 5);
			put32(c, P11_CKM_SHA256);
			put32(c, P11_CKG_MGF1_SHA256);
			put32(c, 1);
			put32(c, 5);
			put(c, label, 5);
			WANT(i ? "DECRYPT_INIT OAEP" : "ENCRYPT_INIT OAEP",
			     rv_of(a, i ? P11_CMD_DECRYPT_INIT : P11_CMD_ENCRYPT_INIT, c),
			     P11_CKR_OK);
			len = sizeof(pt);
			start(c, rw);
			if (!i)
				call(a, P11_CMD_ENCRYPT_ONESHOT, c, msg, sizeof(msg), ct, &len,
				     false, &x);
			else
				call(a, P11_CMD_DECRYPT_ONESHOT, c, ct, sizeof(ct), pt, &len, false,
				     &x);
			WANT(i == 0   ? "ENCRYPT OAEP"
			     : i == 1 ? "DECRYPT OAEP"
				      : "DECRYPT OAEP, another label",
			     x, i == 2 ? P11_CKR_ENCRYPTED_DATA_INVALID : P11_CKR_OK);
			if (i == 0)
				WANT("OAEP: 256 bytes", len, 256);
			if (i == 1)
				WANT("OAEP: the message back",
				     len == sizeof(msg) && !memcmp(pt, msg, len), 1);
		}
		start(c, rw);
		put32(c, pair[0]);
		put32(c, P11_CKM_RSA_PKCS_OAEP);
		put32(c, 16);
		put32(c, P11_CKM_SHA256);
		put32(c, P11_CKG_MGF1_SHA384);
		put32(c, 1);
		put32(c, 0);
		WANT("OAEP, MGF1 of another hash", rv_of(a, P11_CMD_ENCRYPT_INIT, c),
		     P11_CKR_MECHANISM_PARAM_INVALID);
		/* A decryption's size query decrypts nothing: garbage gets the longest message */
		start(c, rw);
		put32(c, pair[1]);
		put32(c, P11_CKM_RSA_PKCS_OAEP);
		put32(c, 16);
		put32(c, P11_CKM_SHA256);
		put32(c, P11_CKG_MGF1_SHA256);
		put32(c, 0);
		put32(c, 0);
		WANT("DECRYPT_INIT OAEP", rv_of(a, P11_CMD_DECRYPT_INIT, c), P11_CKR_OK);
		memset(ct, 0x5a, sizeof(ct));
		len = 0;
		start(c, rw);
		call(a, P11_CMD_DECRYPT_ONESHOT, c, ct, sizeof(ct), pt, &len, false, &x);
		WANT("DECRYPT of garbage, the size asked", x, P11_CKR_BUFFER_TOO_SMALL);
		WANT("... 256 - 2 * 32 - 2, RFC 8017's bound", len, 190);
		len = sizeof(pt);
		start(c, rw);
		call(a, P11_CMD_DECRYPT_ONESHOT, c, ct, sizeof(ct), pt, &len, false, &x);
		WANT("... then decrypted: refused", x, P11_CKR_ENCRYPTED_DATA_INVALID);
		/* SHA-224, no label: a round trip */
		for (int i = 0; i < 2; i++) {
			start(c, rw);
			put32(c, pair[i]);
			put32(c, P11_CKM_RSA_PKCS_OAEP);
			put32(c, 16);
			put32(c, P11_CKM_SHA224);
			put32(c, P11_CKG_MGF1_SHA224);
			put32(c, 0);
			put32(c, 0);
			WANT(i ? "DECRYPT_INIT OAEP SHA-224" : "ENCRYPT_INIT OAEP SHA-224",
			     rv_of(a, i ? P11_CMD_DECRYPT_INIT : P11_CMD_ENCRYPT_INIT, c),
			     P11_CKR_OK);
			len = sizeof(pt);
			start(c, rw);
			call(a, i ? P11_CMD_DECRYPT_ONESHOT : P11_CMD_ENCRYPT_ONESHOT, c,
			     i ? (const void *)ct : msg, i ? sizeof(ct) : sizeof(msg), i ? pt : ct,
			     &len, false, &x);
			WANT(i ? "DECRYPT OAEP SHA-224" : "ENCRYPT OAEP SHA-224", x, P11_CKR_OK);
		}
		WANT("OAEP SHA-224: the message back", len == sizeof(msg) && !memcmp(pt, msg, len),
		     1);
		/* SHA-512 leaves 126 bytes of a 2048-bit key: 127 are sized, then refused */
		start(c, rw);
		put32(c, pair[0]);
		put32(c, P11_CKM_RSA_PKCS_OAEP);
		put32(c, 16);
		put32(c, P11_CKM_SHA512);
		put32(c, P11_CKG_MGF1_SHA512);
		put32(c, 0);
		put32(c, 0);
		WANT("ENCRYPT_INIT OAEP SHA-512", rv_of(a, P11_CMD_ENCRYPT_INIT, c), P11_CKR_OK);
		memset(pt, 0x5a, 127);
		for (int i = 0; i < 2; i++) {
			len = i ? sizeof(ct) : 0;
			start(c, rw);
			call(a, P11_CMD_ENCRYPT_ONESHOT, c, pt, 127, ct, &len, false, &x);
			WANT(i ? "ENCRYPT 127 bytes" : "ENCRYPT 127 bytes, the size asked", x,
			     i ? P11_CKR_DATA_LEN_RANGE : P11_CKR_BUFFER_TOO_SMALL);
			if (!i)
				WANT("... 256", len, 256);
		}
		/* PSS: a salt the 2048-bit key has no room for (RFC 8017 9.1.1), and one it has */
		for (uint32_t salt = 224; salt >= 222; salt -= 2) {
			start(c, rw);
			put32(c, pair[1]);
			put32(c, P11_CKM_RSA_PKCS_PSS);
			put32(c, 12);
			put32(c, P11_CKM_SHA256);
			put32(c, P11_CKG_MGF1_SHA256);
			put32(c, salt);
			WANT(salt == 224 ? "PSS, SHA-256 and a 224-byte salt"
					 : "PSS, SHA-256 and a 222-byte salt",
			     rv_of(a, P11_CMD_SIGN_INIT, c),
			     salt == 224 ? P11_CKR_KEY_SIZE_RANGE : P11_CKR_OK);
		}
		start(c, rw);
		put32(c, P11_CMD_SIGN_INIT);
		WANT("release the PSS operation", rv_of(a, P11_CMD_RELEASE_ACTIVE_PROCESSING, c),
		     P11_CKR_OK);
	}
	/* Keys the token does not make */
	start(c, rw);
	put32(c, P11_CKM_EC_KEY_PAIR_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr(c, P11_CKA_EC_PARAMS, "\x06\x05\x2b\x81\x04\x00\x21", 7); /* P-224 */
	tmpl_close(c);
	tmpl_open(c);
	tmpl_close(c);
	WANT("a P-224 key pair", rv_handle(a, P11_CMD_GENERATE_KEY_PAIR, c, &x, 2),
	     P11_CKR_CURVE_NOT_SUPPORTED);
	start(c, rw);
	put32(c, P11_CKM_RSA_PKCS_KEY_PAIR_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr_u32(c, P11_CKA_MODULUS_BITS, 1024);
	tmpl_close(c);
	tmpl_open(c);
	tmpl_close(c);
	WANT("an RSA-1024 key pair", rv_handle(a, P11_CMD_GENERATE_KEY_PAIR, c, &x, 2),
	     P11_CKR_KEY_SIZE_RANGE);
	start(c, rw);
	put32(c, P11_CKM_AES_KEY_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr_u32(c, P11_CKA_VALUE_LEN, 17);
	tmpl_close(c);
	WANT("a 17-byte AES key", rv_handle(a, P11_CMD_GENERATE_KEY, c, &x, 1),
	     P11_CKR_KEY_SIZE_RANGE);
	start(c, rw);
	put32(c, P11_CKM_AES_KEY_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr_u32(c, P11_CKA_VALUE_LEN, 16);
	attr(c, P11_CKA_VALUE, "0123456789abcdef", 16);
	tmpl_close(c);
	WANT("an AES key with its value given", rv_handle(a, P11_CMD_GENERATE_KEY, c, &x, 1),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	/* A's session objects up to its share; B can still make one */
	{
		unsigned made = 0;

		do {
			data_object(c, rw, false, false);
			x = rv_handle(a, P11_CMD_CREATE_OBJECT, c, &size, 1);
		} while (x == P11_CKR_OK && ++made < 64);
		WANT("A's session objects, past its share", x, P11_CKR_DEVICE_MEMORY);
		data_object(c, hb, false, false);
		WANT("B's session object then", rv_handle(b, P11_CMD_CREATE_OBJECT, c, &size, 1),
		     P11_CKR_OK);
	}
	/* Logged out: the private key is gone for A, and for B it never was */
	WANT("B destroys A's private key", simple(b, P11_CMD_DESTROY_OBJECT, hb, priv),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	start(c, rw);
	WANT("logout", rv_of(a, P11_CMD_LOGOUT, c), P11_CKR_OK);
	WANT("the private key, logged out", get_attr(a, rw, priv, P11_CKA_LABEL, 4, &size, NULL),
	     P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("SIGN_INIT, logged out",
	     op_init(a, P11_CMD_SIGN_INIT, rw, priv, P11_CKM_ECDSA, NULL, 0),
	     P11_CKR_KEY_HANDLE_INVALID);
	WANT("A's search, logged out", find_all(a, rw, priv, &found), P11_CKR_OK);
	WANT("... misses the private key", found, 0);
	/* Session objects go with their session */
	WANT("close R/W", simple(a, P11_CMD_CLOSE_SESSION, rw, 0), P11_CKR_OK);
	WANT("A's object after its session closed",
	     get_attr(a, ro, obj, P11_CKA_LABEL, 1, &size, NULL), P11_CKR_OBJECT_HANDLE_INVALID);
	WANT("close R/O", simple(a, P11_CMD_CLOSE_SESSION, ro, 0), P11_CKR_OK);
	WANT("B closes", simple(b, P11_CMD_CLOSE_SESSION, hb, 0), P11_CKR_OK);
	free(c);
	*count += n;
	return true;
}

bool pkcs11_object_checks(TEEC_Session *a, TEEC_Session *b, const char *pin, unsigned *count)
{
	return object_rules(a, b, pin, count);
}
