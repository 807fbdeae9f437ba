// SPDX-License-Identifier: BSD-2-Clause
/*
 * CKA_PUBLIC_KEY_INFO of a key pair the token makes: the DER SubjectPublicKeyInfo (RFC 5280
 * 4.1.2.7) of its public key, which PKCS#11 v2.40 4.8 and 4.9 give as the attribute's default
 * ("derived from the underlying public key data"). EC keys as RFC 5480 2 has them (id-ecPublicKey
 * with the namedCurve of CKA_EC_PARAMS, the uncompressed point in the BIT STRING), RSA keys as
 * RFC 8017 A.1.1 (rsaEncryption with NULL parameters, RSAPublicKey in the BIT STRING). DER as
 * X.690 8.1.3 (definite lengths, short form below 128) and 8.3 (INTEGER: no leading zero octet
 * but the one that keeps a positive number positive).
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* The largest: RSA-4096, its modulus of 513 octets and the structure around it. */
#define SPKI_MAX 640u

static const uint8_t alg_ec[] = {0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
static const uint8_t alg_rsa[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7,
				  0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

struct der {
	uint8_t b[SPKI_MAX];
	size_t len;
	bool full;
};

static void put(struct der *d, const void *v, size_t n)
{
	if (d->full || n > SPKI_MAX - d->len) {
		d->full = true;
		return;
	}
	memcpy(d->b + d->len, v, n);
	d->len += n;
}

/* A tag and the length of n octets of content to come */
static void head(struct der *d, uint8_t tag, size_t n)
{
	uint8_t h[4] = {tag};

	if (n < 128) {
		h[1] = (uint8_t)n;
		put(d, h, 2);
	} else if (n < 256) {
		h[1] = 0x81;
		h[2] = (uint8_t)n;
		put(d, h, 3);
	} else {
		h[1] = 0x82;
		h[2] = (uint8_t)(n >> 8);
		h[3] = (uint8_t)n;
		put(d, h, 4);
	}
}

/* The size of a tag and length for n octets */
static size_t head_size(size_t n)
{
	return n < 128 ? 2 : n < 256 ? 3 : 4;
}

/* An unsigned big-endian number as a DER INTEGER: its content octets and their count */
static size_t int_size(const uint8_t *v, size_t n, size_t *skip, bool *pad)
{
	while (n > 1 && !*v) {
		v++;
		n--;
		(*skip)++;
	}
	*pad = !n || (*v & 0x80);
	return n + *pad;
}

static void put_int(struct der *d, const uint8_t *v, size_t n)
{
	size_t skip = 0, len;
	bool pad;
	uint8_t zero = 0;

	len = int_size(v, n, &skip, &pad);
	head(d, 0x02, len);
	if (pad)
		put(d, &zero, 1);
	put(d, v + skip, n - skip);
}

/* SEQUENCE { AlgorithmIdentifier of alg (params included), BIT STRING of key_len octets } */
static void spki_head(struct der *d, const uint8_t *alg, size_t alg_len, size_t key_len)
{
	size_t bits = 1 + key_len;
	uint8_t unused = 0;

	head(d, 0x30, head_size(alg_len) + alg_len + head_size(bits) + bits);
	head(d, 0x30, alg_len);
	put(d, alg, alg_len);
	head(d, 0x03, bits);
	put(d, &unused, 1);
}

static uint32_t spki_ec(const struct p11_attrs *o, struct der *d)
{
	const struct p11_curve *cv;
	const uint8_t *x = NULL, *y = NULL;
	uint8_t alg[sizeof(alg_ec) + 16], point = 0x04;
	uint32_t rv = P11_CKR_OK;

	cv = p11_ec_curve(o, &rv);
	if (!cv || !p11_ec_point_get(o, cv, &x, &y) || cv->oid_len > sizeof(alg) - sizeof(alg_ec))
		return P11_CKR_GENERAL_ERROR;
	memcpy(alg, alg_ec, sizeof(alg_ec));
	memcpy(alg + sizeof(alg_ec), cv->oid, cv->oid_len);
	spki_head(d, alg, sizeof(alg_ec) + cv->oid_len, 1 + 2 * cv->bytes);
	put(d, &point, 1);
	put(d, x, cv->bytes);
	put(d, y, cv->bytes);
	return P11_CKR_OK;
}

static uint32_t spki_rsa(const struct p11_attrs *o, struct der *d)
{
	const uint8_t *n = NULL, *e = NULL;
	uint32_t nl = 0, el = 0;
	size_t skip_n = 0, skip_e = 0, in_n, in_e, seq;
	bool pad;

	if (!p11_attrs_get(o, P11_CKA_MODULUS, &n, &nl) ||
	    !p11_attrs_get(o, P11_CKA_PUBLIC_EXPONENT, &e, &el) || !nl || !el)
		return P11_CKR_GENERAL_ERROR;
	in_n = int_size(n, nl, &skip_n, &pad);
	in_e = int_size(e, el, &skip_e, &pad);
	seq = head_size(in_n) + in_n + head_size(in_e) + in_e;
	spki_head(d, alg_rsa, sizeof(alg_rsa), head_size(seq) + seq);
	head(d, 0x30, seq);
	put_int(d, n, nl);
	put_int(d, e, el);
	return P11_CKR_OK;
}

/*
 * Sets CKA_PUBLIC_KEY_INFO of pub and priv, a key pair of type (P11_CKK_EC or _RSA) just made
 * from pub's key data. A template that gave one of its own must have given this one
 * (v2.40 4.9: "if set, MUST be consistent with the underlying private key data").
 */
uint32_t p11_spki_set(uint32_t type, struct p11_attrs *pub, struct p11_attrs *priv)
{
	struct p11_attrs *both[] = {pub, priv};
	struct der d = {.len = 0};
	uint32_t rv, len = 0;
	const uint8_t *v = NULL;

	rv = type == P11_CKK_EC ? spki_ec(pub, &d) : spki_rsa(pub, &d);
	if (rv == P11_CKR_OK && d.full)
		rv = P11_CKR_GENERAL_ERROR;
	for (size_t i = 0; i < 2 && rv == P11_CKR_OK; i++) {
		if (p11_attrs_get(both[i], P11_CKA_PUBLIC_KEY_INFO, &v, &len) && len &&
		    (len != d.len || memcmp(v, d.b, len)))
			return P11_CKR_TEMPLATE_INCONSISTENT;
		rv = p11_attrs_set(both[i], P11_CKA_PUBLIC_KEY_INFO, d.b, d.len);
	}
	return rv;
}
