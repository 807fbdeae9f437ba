// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, C_DeriveKey by CKM_ECDH1_DERIVE (PKCS#11 v2.40 Current Mechanisms 2.3.9) from
 * both sides: two key pairs of the token derive one secret (P-256 and P-521, the peer's point
 * raw and DER-wrapped), the known answer of RFC 5903 8.1 with an imported private key, what the
 * new key inherits; and the refusals: KDFs other than CKD_NULL, shared data, lengths that lie,
 * points that are short, compressed, at infinity, off the curve, out of the field or of another
 * curve, base keys that are public, AES, without CKA_DERIVE or not allowed the mechanism,
 * templates the token refuses, another application's base key. No refusal makes a key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"

static const uint8_t oid_p256[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
static const uint8_t oid_p384[] = {0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22};
static const uint8_t oid_p521[] = {0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23};

/* RFC 5903 8.1 (ECDH on P-256): the initiator's i and g^i, the responder's g^r, g^ir's x */
static const uint8_t kat_i[32] = {0xc8, 0x8f, 0x01, 0xf5, 0x10, 0xd9, 0xac, 0x3f, 0x70, 0xa2, 0x92,
				  0xda, 0xa2, 0x31, 0x6d, 0xe5, 0x44, 0xe9, 0xaa, 0xb8, 0xaf, 0xe8,
				  0x40, 0x49, 0xc6, 0x2a, 0x9c, 0x57, 0x86, 0x2d, 0x14, 0x33};
static const uint8_t kat_gi[65] = {0x04, 0xda, 0xd0, 0xb6, 0x53, 0x94, 0x22, 0x1c, 0xf9, 0xb0, 0x51,
				   0xe1, 0xfe, 0xca, 0x57, 0x87, 0xd0, 0x98, 0xdf, 0xe6, 0x37, 0xfc,
				   0x90, 0xb9, 0xef, 0x94, 0x5d, 0x0c, 0x37, 0x72, 0x58, 0x11, 0x80,
				   0x52, 0x71, 0xa0, 0x46, 0x1c, 0xdb, 0x82, 0x52, 0xd6, 0x1f, 0x1c,
				   0x45, 0x6f, 0xa3, 0xe5, 0x9a, 0xb1, 0xf4, 0x5b, 0x33, 0xac, 0xcf,
				   0x5f, 0x58, 0x38, 0x9e, 0x05, 0x77, 0xb8, 0x99, 0x0b, 0xb3};
static const uint8_t kat_gr[65] = {0x04, 0xd1, 0x2d, 0xfb, 0x52, 0x89, 0xc8, 0xd4, 0xf8, 0x12, 0x08,
				   0xb7, 0x02, 0x70, 0x39, 0x8c, 0x34, 0x22, 0x96, 0x97, 0x0a, 0x0b,
				   0xcc, 0xb7, 0x4c, 0x73, 0x6f, 0xc7, 0x55, 0x44, 0x94, 0xbf, 0x63,
				   0x56, 0xfb, 0xf3, 0xca, 0x36, 0x6c, 0xc2, 0x3e, 0x81, 0x57, 0x85,
				   0x4c, 0x13, 0xc5, 0x8d, 0x6a, 0xac, 0x23, 0xf0, 0x46, 0xad, 0xa3,
				   0x0f, 0x83, 0x53, 0xe7, 0x4f, 0x33, 0x03, 0x98, 0x72, 0xab};
static const uint8_t kat_z[32] = {0xd6, 0x84, 0x0f, 0x6b, 0x42, 0xf6, 0xed, 0xaf, 0xd1, 0x31, 0x16,
				  0xe0, 0xe1, 0x25, 0x65, 0x20, 0x2f, 0xef, 0x8e, 0x9e, 0xce, 0x7d,
				  0xce, 0x03, 0x81, 0x24, 0x64, 0xd0, 0x4b, 0x94, 0x42, 0xde};

/* Base key choices for ec_pair() */
#define E_DERIVE     (1u << 0)
#define E_ECDSA_ONLY (1u << 1) /* CKA_ALLOWED_MECHANISMS {CKM_ECDSA} */

/* A public EC session key pair on the curve oid names: pair[0] public, pair[1] private */
static uint32_t ec_pair(TEEC_Session *s, uint32_t h, const uint8_t *oid, uint32_t oid_len,
			uint32_t f, uint32_t pair[2])
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv, ecdsa = P11_CKM_ECDSA;

	start(c, h);
	put32(c, P11_CKM_EC_KEY_PAIR_GEN);
	put32(c, 0);
	tmpl_open(c);
	attr(c, P11_CKA_EC_PARAMS, oid, oid_len);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	tmpl_close(c);
	tmpl_open(c);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_DERIVE, !!(f & E_DERIVE));
	if (f & E_ECDSA_ONLY)
		attr(c, P11_CKA_ALLOWED_MECHANISMS, &ecdsa, sizeof(ecdsa));
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_GENERATE_KEY_PAIR, c, pair, 2);
	free(c);
	return rv;
}

/* RFC 5903's i imported (C_CreateObject) as a P-256 private key that derives */
static uint32_t kat_key(TEEC_Session *s, uint32_t h, uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint8_t point[67] = {0x04, 65};
	uint32_t rv;

	memcpy(point + 2, kat_gi, 65);
	start(c, h);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_PRIVATE_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_EC);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_DERIVE, 1);
	attr(c, P11_CKA_EC_PARAMS, oid_p256, sizeof(oid_p256));
	attr(c, P11_CKA_EC_POINT, point, sizeof(point));
	attr(c, P11_CKA_VALUE, kat_i, sizeof(kat_i));
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_CREATE_OBJECT, c, key, 1);
	free(c);
	return rv;
}

/* The public key's CKA_EC_POINT, the DER OCTET STRING: its size, 0 if not read */
static uint32_t point_of(TEEC_Session *s, uint32_t h, uint32_t pub, uint8_t der[140])
{
	uint32_t got = 0;

	if (get_attr(s, h, pub, P11_CKA_EC_POINT, 140, &got, der) != P11_CKR_OK || got > 140)
		return 0;
	return got;
}

/* Template choices for ecdh() */
#define T_AES	    (1u << 0) /* CKK_AES, not CKK_GENERIC_SECRET */
#define T_SENSITIVE (1u << 1) /* sensitive and not extractable */
#define T_TOKEN	    (1u << 2)
#define T_PRIVATE   (1u << 3)
#define T_VALUE	    (1u << 4) /* a CKA_VALUE of its own */
#define T_PRIVCLASS (1u << 5) /* CKO_PRIVATE_KEY */

/*
 * DERIVE_KEY by mechanism mech (CKM_ECDH1_DERIVE) as libckteec serialises its
 * CK_ECDH1_DERIVE_PARAMS: kdf, shared bytes of shared data (zeros), the public data pub of len
 * bytes, its length said to be said (len when 0); a new key of template f and value_len (none
 * when 0).
 */
static uint32_t ecdh(TEEC_Session *s, uint32_t h, uint32_t base, uint32_t mech, uint32_t kdf,
		     uint32_t shared, const uint8_t *pub, uint32_t len, uint32_t said, uint32_t f,
		     uint32_t value_len, uint32_t *key)
{
	static const uint8_t zeros[16];
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv;

	start(c, h);
	put32(c, base);
	put32(c, mech);
	put32(c, 12 + shared + len);
	put32(c, kdf);
	put32(c, shared);
	put(c, zeros, shared);
	put32(c, said ? said : len);
	put(c, pub, len);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, f & T_PRIVCLASS ? P11_CKO_PRIVATE_KEY : P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, f & T_AES ? P11_CKK_AES : P11_CKK_GENERIC_SECRET);
	attr_bool(c, P11_CKA_TOKEN, !!(f & T_TOKEN));
	attr_bool(c, P11_CKA_PRIVATE, !!(f & T_PRIVATE));
	attr_bool(c, P11_CKA_SENSITIVE, !!(f & T_SENSITIVE));
	attr_bool(c, P11_CKA_EXTRACTABLE, !(f & T_SENSITIVE));
	if (value_len)
		attr_u32(c, P11_CKA_VALUE_LEN, value_len);
	if (f & T_VALUE)
		attr(c, P11_CKA_VALUE, kat_z, 16);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_DERIVE_KEY, c, key, 1);
	free(c);
	return rv;
}

/* CKD_NULL, no shared data: the common case */
#define DERIVE(s, h, base, pub, len, f, vlen, key)                                                 \
	ecdh(s, h, base, P11_CKM_ECDH1_DERIVE, P11_CKD_NULL, 0, pub, len, 0, f, vlen, key)

static uint32_t value_of(TEEC_Session *s, uint32_t h, uint32_t key, uint8_t v[66], uint32_t *got)
{
	return get_attr(s, h, key, P11_CKA_VALUE, 66, got, v);
}

/* Two key pairs of the token, on curve oid, derive one secret of bytes bytes */
static bool same_secret(TEEC_Session *a, uint32_t rw, const uint8_t *oid, uint32_t oid_len,
			uint32_t bytes, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t pa[2] = {0}, pb[2] = {0}, ka = 0, kb = 0, la = 0, lb = 0, ga = 0, gb = 0;
	uint32_t raw = 1 + 2 * bytes, hd = raw < 128 ? 2 : 3;
	uint8_t da[140], db[140], va[66], vb[66];
	unsigned n = 0;

	WANT("key pair A", ec_pair(a, rw, oid, oid_len, E_DERIVE, pa), P11_CKR_OK);
	WANT("key pair B", ec_pair(a, rw, oid, oid_len, E_DERIVE, pb), P11_CKR_OK);
	la = point_of(a, rw, pa[0], da);
	lb = point_of(a, rw, pb[0], db);
	WANT("their points, DER OCTET STRINGs", la == hd + raw && lb == hd + raw, 1);
	/* A takes B's point raw, B takes A's as CKA_EC_POINT has it (long form for P-521) */
	WANT("A derives with B's raw point", DERIVE(a, rw, pa[1], db + hd, raw, 0, 0, &ka),
	     P11_CKR_OK);
	WANT("B derives with A's DER point", DERIVE(a, rw, pb[1], da, la, 0, 0, &kb), P11_CKR_OK);
	WANT("A's secret", value_of(a, rw, ka, va, &ga), P11_CKR_OK);
	WANT("B's secret", value_of(a, rw, kb, vb, &gb), P11_CKR_OK);
	WANT("... the curve's size, and the same",
	     ga == bytes && gb == bytes && !memcmp(va, vb, ga), 1);
	WANT("... not CKA_LOCAL", bool_of(a, rw, ka, P11_CKA_LOCAL), 0);
	DESTROY(kb);
	/* the truncation removes bytes from the leading end (2.3.9) */
	WANT("B derives a 16-byte secret", DERIVE(a, rw, pb[1], da, la, 0, 16, &kb), P11_CKR_OK);
	WANT("... its value", value_of(a, rw, kb, vb, &gb), P11_CKR_OK);
	WANT("... the secret's last 16 bytes", gb == 16 && !memcmp(vb, va + bytes - 16, 16), 1);
	DESTROY(kb);
	WANT("B derives a secret longer than the curve",
	     DERIVE(a, rw, pb[1], da, la, 0, bytes + 1, &kb), P11_CKR_KEY_SIZE_RANGE);
	DESTROY(ka);
	DESTROY(pa[0]);
	DESTROY(pa[1]);
	DESTROY(pb[0]);
	DESTROY(pb[1]);
	*count += n;
	return true;
}

/* RFC 5903 8.1, and what the derived key inherits (2.3.9) */
static bool known_answer(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t base = 0, gen[2] = {0}, out = 0, got = 0;
	uint8_t v[66], der[140];
	unsigned n = 0;

	WANT("RFC 5903's i imported", kat_key(a, rw, &base), P11_CKR_OK);
	WANT("DERIVE with g^r", DERIVE(a, rw, base, kat_gr, 65, 0, 0, &out), P11_CKR_OK);
	WANT("... its value", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... RFC 5903's g^ir x", got == 32 && !memcmp(v, kat_z, 32), 1);
	WANT("... not CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	DESTROY(out);
	WANT("DERIVE an AES-128 key, sensitive",
	     DERIVE(a, rw, base, kat_gr, 65, T_AES | T_SENSITIVE, 16, &out), P11_CKR_OK);
	WANT("... its value refused", value_of(a, rw, out, v, &got), P11_CKR_ATTRIBUTE_SENSITIVE);
	WANT("... not CKA_ALWAYS_SENSITIVE: its base was imported",
	     bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	DESTROY(out);
	WANT("DERIVE an AES key without CKA_VALUE_LEN",
	     DERIVE(a, rw, base, kat_gr, 65, T_AES, 0, &out), P11_CKR_OK);
	WANT("... all 32 bytes", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... RFC 5903's g^ir x", got == 32 && !memcmp(v, kat_z, 32), 1);
	DESTROY(out);
	WANT("DERIVE a 20-byte AES key", DERIVE(a, rw, base, kat_gr, 65, T_AES, 20, &out),
	     P11_CKR_ATTRIBUTE_VALUE_INVALID);
	/* A generated base is always sensitive and never extractable: so is a key kept so */
	WANT("a generated base", ec_pair(a, rw, oid_p256, sizeof(oid_p256), E_DERIVE, gen),
	     P11_CKR_OK);
	WANT("DERIVE a sensitive key from it",
	     DERIVE(a, rw, gen[1], kat_gr, 65, T_AES | T_SENSITIVE, 16, &out), P11_CKR_OK);
	WANT("... CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 1);
	WANT("... CKA_NEVER_EXTRACTABLE", bool_of(a, rw, out, P11_CKA_NEVER_EXTRACTABLE), 1);
	WANT("... not CKA_LOCAL", bool_of(a, rw, out, P11_CKA_LOCAL), 0);
	DESTROY(out);
	WANT("DERIVE a readable key from it", DERIVE(a, rw, gen[1], kat_gr, 65, 0, 0, &out),
	     P11_CKR_OK);
	WANT("... not CKA_ALWAYS_SENSITIVE", bool_of(a, rw, out, P11_CKA_ALWAYS_SENSITIVE), 0);
	WANT("... not CKA_NEVER_EXTRACTABLE", bool_of(a, rw, out, P11_CKA_NEVER_EXTRACTABLE), 0);
	DESTROY(out);
	/* the token's own point of i, as the other party: g^(i*i) is not g^ir */
	WANT("its public point", point_of(a, rw, gen[0], der), 67);
	WANT("DERIVE the KAT key with it", DERIVE(a, rw, base, der + 2, 65, 0, 0, &out),
	     P11_CKR_OK);
	WANT("... another secret", value_of(a, rw, out, v, &got), P11_CKR_OK);
	WANT("... not g^ir", got == 32 && memcmp(v, kat_z, 32), 1);
	DESTROY(out);
	DESTROY(gen[0]);
	DESTROY(gen[1]);
	DESTROY(base);
	*count += n;
	return true;
}

/* Parameters and points the token refuses: codes, never keys */
static bool bad_points(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t base = 0, p384[2] = {0}, out = 0, len, seen;
	uint8_t pt[140], der[140], der384[140];
	unsigned n = 0;

	WANT("the KAT key", kat_key(a, rw, &base), P11_CKR_OK);
	WANT("a P-384 key pair", ec_pair(a, rw, oid_p384, sizeof(oid_p384), E_DERIVE, p384),
	     P11_CKR_OK);
	WANT("its point", point_of(a, rw, p384[0], der384), 99);
	seen = objects_seen(a, rw);
	WANT("KDF CKD_SHA1_KDF",
	     ecdh(a, rw, base, P11_CKM_ECDH1_DERIVE, 2, 0, kat_gr, 65, 0, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("KDF 0", ecdh(a, rw, base, P11_CKM_ECDH1_DERIVE, 0, 0, kat_gr, 65, 0, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("CKD_NULL with shared data",
	     ecdh(a, rw, base, P11_CKM_ECDH1_DERIVE, P11_CKD_NULL, 8, kat_gr, 65, 0, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("public data said longer than sent",
	     ecdh(a, rw, base, P11_CKM_ECDH1_DERIVE, P11_CKD_NULL, 0, kat_gr, 65, 66, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("public data said shorter than sent",
	     ecdh(a, rw, base, P11_CKM_ECDH1_DERIVE, P11_CKD_NULL, 0, kat_gr, 65, 33, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("no public data", DERIVE(a, rw, base, kat_gr, 0, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("a point one byte short", DERIVE(a, rw, base, kat_gr, 64, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	memcpy(pt, kat_gr, 65);
	pt[65] = 0;
	WANT("a point one byte long", DERIVE(a, rw, base, pt, 66, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	/* g^r's y is odd: 03 || x is its compressed form (SEC 1 2.3.3), not taken */
	pt[0] = 0x03;
	WANT("the point compressed", DERIVE(a, rw, base, pt, 33, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	pt[0] = 0x06;
	WANT("the point hybrid (06)", DERIVE(a, rw, base, pt, 65, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	pt[0] = 0x00;
	WANT("the point at infinity (00)", DERIVE(a, rw, base, pt, 1, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	memset(pt + 1, 0, 64);
	pt[0] = 0x04;
	WANT("the point (0, 0)", DERIVE(a, rw, base, pt, 65, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	memcpy(pt, kat_gr, 65);
	pt[64] ^= 1;
	WANT("a point off the curve", DERIVE(a, rw, base, pt, 65, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	memset(pt + 1, 0xff, 32);
	memcpy(pt + 33, kat_gr + 33, 32);
	WANT("x beyond the field", DERIVE(a, rw, base, pt, 65, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	memcpy(der, "\x04\x41", 2);
	memcpy(der + 2, kat_gr, 65);
	der[1] = 0x40;
	WANT("a DER length that lies", DERIVE(a, rw, base, der, 67, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	der[0] = 0x03;
	der[1] = 0x41;
	WANT("a BIT STRING, not an OCTET STRING", DERIVE(a, rw, base, der, 67, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	/* a point of P-384 for a P-256 key: raw, and as CKA_EC_POINT has it */
	WANT("DERIVE with the P-384 point", DERIVE(a, rw, base, der384 + 2, 97, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("DERIVE with it DER-wrapped", DERIVE(a, rw, base, der384, 99, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("the P-384 key with the P-256 point", DERIVE(a, rw, p384[1], kat_gr, 65, 0, 0, &out),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	len = objects_seen(a, rw);
	WANT("no key made by any of them", len == seen && seen != 0xdead, 1);
	DESTROY(p384[0]);
	DESTROY(p384[1]);
	DESTROY(base);
	*count += n;
	return true;
}

/* Base keys and templates the token refuses */
static bool bad_bases(TEEC_Session *a, TEEC_Session *b, uint32_t rw, uint32_t hb, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t base = 0, nod[2] = {0}, ecdsa[2] = {0}, aes = 0, ro = 0, out = 0, seen, rv;
	uint8_t v[16] = {0};
	unsigned n = 0;

	WANT("the KAT key", kat_key(a, rw, &base), P11_CKR_OK);
	WANT("a pair without CKA_DERIVE", ec_pair(a, rw, oid_p256, sizeof(oid_p256), 0, nod),
	     P11_CKR_OK);
	WANT("a pair allowed CKM_ECDSA only",
	     ec_pair(a, rw, oid_p256, sizeof(oid_p256), E_DERIVE | E_ECDSA_ONLY, ecdsa),
	     P11_CKR_OK);
	/* an AES key that derives: by AES encryption, not by ECDH */
	c = calloc(1, sizeof(*c));
	start(c, rw);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_DERIVE, 1);
	attr(c, P11_CKA_VALUE, v, 16);
	tmpl_close(c);
	WANT("an AES key that derives", rv_handle(a, P11_CMD_CREATE_OBJECT, c, &aes, 1),
	     P11_CKR_OK);
	free(c);
	c = NULL;
	seen = objects_seen(a, rw);
	WANT("DERIVE from the pair without CKA_DERIVE",
	     DERIVE(a, rw, nod[1], kat_gr, 65, 0, 0, &out), P11_CKR_KEY_TYPE_INCONSISTENT);
	WANT("DERIVE from it", DERIVE(a, rw, ecdsa[1], kat_gr, 65, 0, 0, &out),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("DERIVE from a public key", DERIVE(a, rw, ecdsa[0], kat_gr, 65, 0, 0, &out),
	     P11_CKR_KEY_TYPE_INCONSISTENT);
	WANT("ECDH from the AES key", DERIVE(a, rw, aes, kat_gr, 65, 0, 0, &out),
	     P11_CKR_KEY_TYPE_INCONSISTENT);
	/* and the EC key does not derive by AES encryption: [length 16][one block] */
	c = calloc(1, sizeof(*c));
	start(c, rw);
	put32(c, base);
	put32(c, P11_CKM_AES_ECB_ENCRYPT_DATA);
	put32(c, 4 + 16);
	put32(c, 16);
	put(c, v, 16);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	tmpl_close(c);
	rv = rv_handle(a, P11_CMD_DERIVE_KEY, c, &out, 1);
	free(c);
	c = NULL;
	WANT("AES_ECB_ENCRYPT_DATA from the EC key", rv, P11_CKR_KEY_TYPE_INCONSISTENT);
	/* The new key's template: the rules of C_GenerateKey */
	WANT("DERIVE with a CKA_VALUE", DERIVE(a, rw, base, kat_gr, 65, T_VALUE, 0, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("DERIVE a private key object", DERIVE(a, rw, base, kat_gr, 65, T_PRIVCLASS, 0, &out),
	     P11_CKR_TEMPLATE_INCONSISTENT);
	WANT("DERIVE a private object, logged out",
	     DERIVE(a, rw, base, kat_gr, 65, T_PRIVATE, 0, &out), P11_CKR_USER_NOT_LOGGED_IN);
	WANT("R/O session", open_rw(a, false, &ro), P11_CKR_OK);
	WANT("DERIVE a token key in a R/O session",
	     DERIVE(a, ro, base, kat_gr, 65, T_TOKEN, 0, &out), P11_CKR_SESSION_READ_ONLY);
	WANT("close R/O", simple(a, P11_CMD_CLOSE_SESSION, ro, 0), P11_CKR_OK);
	WANT("B derives from A's key", DERIVE(b, hb, base, kat_gr, 65, 0, 0, &out),
	     P11_CKR_KEY_HANDLE_INVALID);
	rv = objects_seen(a, rw);
	WANT("no key made by any of them", rv == seen && seen != 0xdead, 1);
	DESTROY(aes);
	DESTROY(nod[0]);
	DESTROY(nod[1]);
	DESTROY(ecdsa[0]);
	DESTROY(ecdsa[1]);
	DESTROY(base);
	*count += n;
	return true;
}

bool pkcs11_ecdh_checks(TEEC_Session *a, TEEC_Session *b, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t rw = 0, hb = 0;
	unsigned n = 0;
	bool ok;

	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("B opens", open_rw(b, true, &hb), P11_CKR_OK);
	ok = same_secret(a, rw, oid_p256, sizeof(oid_p256), 32, &n) &&
	     same_secret(a, rw, oid_p521, sizeof(oid_p521), 66, &n) && known_answer(a, rw, &n) &&
	     bad_points(a, rw, &n) && bad_bases(a, b, rw, hb, &n);
	simple(a, P11_CMD_CLOSE_SESSION, rw, 0);
	simple(b, P11_CMD_CLOSE_SESSION, hb, 0);
	*count += n;
	return ok;
}
