// SPDX-License-Identifier: BSD-2-Clause
/*
 * C_DeriveKey by CKM_ECDH1_DERIVE (PKCS#11 v2.40 Current Mechanisms 2.3.9) with an EC private
 * key of the token and the other party's public point. Its CK_ECDH1_DERIVE_PARAMS (2.3.8) as
 * libckteec 3.19 serialises them: [u32 kdf][u32 shared data length][shared data][u32 public data
 * length][public data]. The KDF is CKD_NULL only, which takes no shared data (2.3.8); the point
 * is uncompressed, raw (04 || X || Y, X9.62 A.5.2, the form a token must take) or in the DER
 * OCTET STRING of CKA_EC_POINT (pkcs11-tool --derive-pass-der), on the base key's curve. A point
 * the token cannot use is CKR_MECHANISM_PARAM_INVALID before the private key meets it: GP's
 * TEE_DeriveKey panics where it fails. The shared secret is the X coordinate of d * Q (SEC 1
 * 3.3.1), the curve's size; it leaves the token only as the new secret key's value.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* The parameters' three lengths agree with the whole, and ask for CKD_NULL alone. */
uint32_t p11_ecdh_params(const struct p11_mech *m)
{
	uint32_t kdf = 0, shared = 0, pub = 0;

	if (m->len < 3 * sizeof(uint32_t))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(&kdf, m->params, sizeof(kdf));
	memcpy(&shared, m->params + 4, sizeof(shared));
	/* the KDFs of X9.63 are not implemented; CKD_NULL has no shared data (2.3.8) */
	if (kdf != P11_CKD_NULL || shared)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(&pub, m->params + 8, sizeof(pub));
	if (pub != m->len - 3 * sizeof(uint32_t))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	return P11_CKR_OK;
}

/* A GP transient object of type from the curve and X, Y (and d for a key pair). */
static TEE_Result ec_object(uint32_t type, const struct p11_curve *cv, const uint8_t *x,
			    const uint8_t *y, const uint8_t *d, uint32_t dlen, TEE_ObjectHandle *h)
{
	TEE_Attribute a[4];
	TEE_Result res;

	TEE_InitValueAttribute(&a[0], TEE_ATTR_ECC_CURVE, cv->gp_curve, 0);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_X, x, cv->bytes);
	TEE_InitRefAttribute(&a[2], TEE_ATTR_ECC_PUBLIC_VALUE_Y, y, cv->bytes);
	if (d)
		TEE_InitRefAttribute(&a[3], TEE_ATTR_ECC_PRIVATE_VALUE, d, dlen);
	res = TEE_AllocateTransientObject(type, cv->bits, h);
	if (res == TEE_SUCCESS)
		res = TEE_PopulateTransientObject(*h, a, d ? 4 : 3);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(*h);
		*h = TEE_HANDLE_NULL;
	}
	return res;
}

/* The shared secret z (cv->bytes) of private key object base and the peer point X, Y. */
static uint32_t shared_secret(const struct p11_object *base, const struct p11_curve *cv,
			      const uint8_t *px, const uint8_t *py, uint8_t *z)
{
	TEE_ObjectHandle peer = TEE_HANDLE_NULL, kp = TEE_HANDLE_NULL, out = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	const uint8_t *x = NULL, *y = NULL, *d = NULL;
	uint32_t dlen = 0, rv = P11_CKR_OK;
	size_t zlen = cv->bytes;
	TEE_Attribute a[2];
	TEE_Result res;

	/* GP 5.6.4: populating the peer's public key checks that the point is on the curve */
	res = ec_object(TEE_TYPE_ECDH_PUBLIC_KEY, cv, px, py, NULL, 0, &peer);
	TEE_FreeTransientObject(peer);
	if (res == TEE_ERROR_OUT_OF_MEMORY)
		return P11_CKR_DEVICE_MEMORY;
	if (res != TEE_SUCCESS)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	if (!p11_ec_point_get(&base->attrs, cv, &x, &y) ||
	    !p11_attrs_get(&base->attrs, P11_CKA_VALUE, &d, &dlen) || !dlen || dlen > cv->bytes)
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	res = ec_object(TEE_TYPE_ECDH_KEYPAIR, cv, x, y, d, dlen, &kp);
	if (res != TEE_SUCCESS)
		return res == TEE_ERROR_OUT_OF_MEMORY ? P11_CKR_DEVICE_MEMORY
						      : P11_CKR_KEY_TYPE_INCONSISTENT;
	res = TEE_AllocateOperation(&op, TEE_ALG_ECDH_DERIVE_SHARED_SECRET, TEE_MODE_DERIVE,
				    cv->bits);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(op, kp);
	/* the secret in whole bytes: 528 bits for P-521 */
	if (res == TEE_SUCCESS)
		res = TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, cv->bytes * 8, &out);
	if (res == TEE_SUCCESS) {
		TEE_InitRefAttribute(&a[0], TEE_ATTR_ECC_PUBLIC_VALUE_X, px, cv->bytes);
		TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_Y, py, cv->bytes);
		TEE_DeriveKey(op, a, 2, out);
		res = TEE_GetObjectBufferAttribute(out, TEE_ATTR_SECRET_VALUE, z, &zlen);
	}
	if (res != TEE_SUCCESS || zlen != cv->bytes)
		rv = res == TEE_ERROR_OUT_OF_MEMORY ? P11_CKR_DEVICE_MEMORY : P11_CKR_GENERAL_ERROR;
	TEE_FreeTransientObject(out);
	if (op != TEE_HANDLE_NULL)
		TEE_FreeOperation(op);
	TEE_FreeTransientObject(kp);
	return rv;
}

/*
 * The new key from base (an EC private key with CKA_DERIVE, checked by the caller) and the
 * mechanism m (its lengths checked by p11_ecdh_params), template t. Its value is the secret's
 * last CKA_VALUE_LEN bytes, all of it without one (2.3.9: the truncation removes bytes from
 * the leading end); a length beyond the secret is CKR_KEY_SIZE_RANGE. It obeys wrap.c's
 * p11_secret_made, which keeps the base's CKA_ALWAYS_SENSITIVE and CKA_NEVER_EXTRACTABLE as
 * 2.3.9 says.
 */
uint32_t p11_ecdh_derive(struct p11_client *c, struct p11_session *s, const struct p11_object *base,
			 const struct p11_mech *m, const struct p11_attrs *t, uint32_t *handle)
{
	const struct p11_curve *cv;
	const uint8_t *px = NULL, *py = NULL;
	uint32_t rv = P11_CKR_OK, want = 0, off = 0;
	uint8_t z[66]; /* P-521 */

	cv = p11_ec_curve(&base->attrs, &rv);
	if (!cv)
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	/* the other party's point, on the base key's curve: of its length, uncompressed */
	if (!p11_ec_point_parse(cv, m->params + 12, m->len - 12, &px, &py))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	rv = shared_secret(base, cv, px, py, z);
	if (p11_attrs_u32(t, P11_CKA_VALUE_LEN, &want) && want && want <= cv->bytes)
		off = cv->bytes - want;
	if (rv == P11_CKR_OK)
		rv = p11_secret_made(c, s, t, z + off, cv->bytes - off, false, base,
				     P11_CKR_KEY_SIZE_RANGE, handle);
	/* also when shared_secret failed after writing part of it */
	TEE_MemFill(z, 0, sizeof(z));
	return rv;
}
