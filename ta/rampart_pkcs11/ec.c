// SPDX-License-Identifier: BSD-2-Clause
/*
 * EC keys as PKCS#11 gives them: CKA_EC_PARAMS a DER-encoded namedCurve OID (PKCS#11 v2.40
 * Current Mechanisms 2.3.3, X9.62 ECParameters, the OIDs of RFC 5480 2.1.1.1), CKA_EC_POINT a
 * DER OCTET STRING holding the uncompressed point 04 || X || Y (X9.62 / SEC 1 2.3.3), as
 * pkcs11-tool and OpenSSH read it.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

static const uint8_t oid_p256[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
static const uint8_t oid_p384[] = {0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22};
static const uint8_t oid_p521[] = {0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23};

static const struct p11_curve curves[] = {
    {oid_p256, sizeof(oid_p256), TEE_ECC_CURVE_NIST_P256, 256, 32, TEE_ALG_ECDSA_P256},
    {oid_p384, sizeof(oid_p384), TEE_ECC_CURVE_NIST_P384, 384, 48, TEE_ALG_ECDSA_P384},
    {oid_p521, sizeof(oid_p521), TEE_ECC_CURVE_NIST_P521, 521, 66, TEE_ALG_ECDSA_P521},
};

/* The curve CKA_EC_PARAMS names: NULL if absent or not one of the three. */
const struct p11_curve *p11_ec_curve(const struct p11_attrs *a, uint32_t *rv)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(a, P11_CKA_EC_PARAMS, &v, &len)) {
		*rv = P11_CKR_TEMPLATE_INCOMPLETE;
		return NULL;
	}
	for (size_t i = 0; i < sizeof(curves) / sizeof(curves[0]); i++)
		if (len == curves[i].oid_len && !memcmp(v, curves[i].oid, len))
			return &curves[i];
	*rv = len && v[0] == 0x06 ? P11_CKR_CURVE_NOT_SUPPORTED : P11_CKR_DOMAIN_PARAMS_INVALID;
	return NULL;
}

/* CKA_EC_POINT from X and Y, each cv->bytes long. */
uint32_t p11_ec_point_set(struct p11_attrs *o, const struct p11_curve *cv, const uint8_t *x,
			  const uint8_t *y)
{
	uint8_t buf[3 + 1 + 2 * 66];
	size_t n = 0, plen = 1 + 2 * cv->bytes;

	buf[n++] = 0x04; /* OCTET STRING */
	if (plen > 127)
		buf[n++] = 0x81;
	buf[n++] = (uint8_t)plen;
	buf[n++] = 0x04; /* uncompressed */
	memcpy(buf + n, x, cv->bytes);
	memcpy(buf + n + cv->bytes, y, cv->bytes);
	return p11_attrs_set(o, P11_CKA_EC_POINT, buf, n + 2 * cv->bytes);
}

/*
 * X and Y (pointers into v) from a point of curve cv, uncompressed (04 || X || Y, SEC 1 2.3.3),
 * bare or in the DER OCTET STRING of CKA_EC_POINT; the lengths tell the two apart, as the bare
 * point is 1 + 2 * cv->bytes long and the wrapped one 2 or 3 bytes longer.
 */
bool p11_ec_point_parse(const struct p11_curve *cv, const uint8_t *v, uint32_t len,
			const uint8_t **x, const uint8_t **y)
{
	uint32_t plen = 1 + 2 * cv->bytes;

	if (!v)
		return false;
	if (len == plen + 2 && plen < 128 && v[0] == 0x04 && v[1] == plen)
		v += 2;
	else if (len == plen + 3 && plen >= 128 && v[0] == 0x04 && v[1] == 0x81 && v[2] == plen)
		v += 3;
	else if (len != plen)
		return false;
	if (v[0] != 0x04)
		return false;
	*x = v + 1;
	*y = v + 1 + cv->bytes;
	return true;
}

/* X and Y (pointers into the attribute) from CKA_EC_POINT, DER-wrapped or bare. */
bool p11_ec_point_get(const struct p11_attrs *o, const struct p11_curve *cv, const uint8_t **x,
		      const uint8_t **y)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(o, P11_CKA_EC_POINT, &v, &len))
		return false;
	return p11_ec_point_parse(cv, v, len, x, y);
}
