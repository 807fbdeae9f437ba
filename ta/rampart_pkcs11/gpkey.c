// SPDX-License-Identifier: BSD-2-Clause
/*
 * An object's key as a GP transient object (GP TEE Internal Core API v1.3.1 5.6.4,
 * TEE_PopulateTransientObject), for the trusted OS's crypto to use: RSA and EC keys, public or
 * private, and HMAC secrets. The object is freed after each operation.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* Bits of a big-endian unsigned integer (an RSA modulus), leading zeros ignored. */
uint32_t p11_int_bits(const uint8_t *v, uint32_t len)
{
	while (len && !*v) {
		v++;
		len--;
	}
	if (!len)
		return 0;
	return (len - 1) * 8 + 32 - (uint32_t)__builtin_clz(v[0]);
}

static void ref(TEE_Attribute *a, size_t *n, uint32_t gp, const struct p11_attrs *o, uint32_t id)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;

	p11_attrs_get(o, id, &v, &len);
	TEE_InitRefAttribute(&a[(*n)++], gp, v, len);
}

static uint32_t populate(uint32_t type, uint32_t bits, TEE_Attribute *a, size_t n,
			 TEE_ObjectHandle *h)
{
	TEE_Result res = TEE_AllocateTransientObject(type, bits, h);

	if (res == TEE_SUCCESS)
		res = TEE_PopulateTransientObject(*h, a, n);
	if (res == TEE_SUCCESS)
		return P11_CKR_OK;
	TEE_FreeTransientObject(*h);
	*h = TEE_HANDLE_NULL;
	return res == TEE_ERROR_OUT_OF_MEMORY ? P11_CKR_DEVICE_MEMORY
					      : P11_CKR_KEY_TYPE_INCONSISTENT;
}

static bool has_all(const struct p11_attrs *o, const uint32_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!p11_attrs_get(o, ids[i], NULL, NULL))
			return false;
	return true;
}

static uint32_t rsa_key(const struct p11_object *o, bool priv, struct p11_key *k)
{
	static const uint32_t crt[] = {P11_CKA_PRIME_1, P11_CKA_PRIME_2, P11_CKA_EXPONENT_1,
				       P11_CKA_EXPONENT_2, P11_CKA_COEFFICIENT};
	const uint8_t *n_v = NULL;
	uint32_t n_len = 0;
	TEE_Attribute a[8];
	size_t n = 0;

	if (!p11_attrs_get(&o->attrs, P11_CKA_MODULUS, &n_v, &n_len) ||
	    !p11_attrs_get(&o->attrs, P11_CKA_PUBLIC_EXPONENT, NULL, NULL) ||
	    (priv && !p11_attrs_get(&o->attrs, P11_CKA_PRIVATE_EXPONENT, NULL, NULL)))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	k->bits = p11_int_bits(n_v, n_len);
	if (k->bits < P11_RSA_MIN_BITS || k->bits > P11_RSA_MAX_BITS)
		return P11_CKR_KEY_SIZE_RANGE;
	ref(a, &n, TEE_ATTR_RSA_MODULUS, &o->attrs, P11_CKA_MODULUS);
	ref(a, &n, TEE_ATTR_RSA_PUBLIC_EXPONENT, &o->attrs, P11_CKA_PUBLIC_EXPONENT);
	if (!priv)
		return populate(TEE_TYPE_RSA_PUBLIC_KEY, k->bits, a, n, &k->h);
	ref(a, &n, TEE_ATTR_RSA_PRIVATE_EXPONENT, &o->attrs, P11_CKA_PRIVATE_EXPONENT);
	/* The CRT values all or none (GP 5.6.4, Table 6-1 note) */
	if (has_all(&o->attrs, crt, 5)) {
		ref(a, &n, TEE_ATTR_RSA_PRIME1, &o->attrs, P11_CKA_PRIME_1);
		ref(a, &n, TEE_ATTR_RSA_PRIME2, &o->attrs, P11_CKA_PRIME_2);
		ref(a, &n, TEE_ATTR_RSA_EXPONENT1, &o->attrs, P11_CKA_EXPONENT_1);
		ref(a, &n, TEE_ATTR_RSA_EXPONENT2, &o->attrs, P11_CKA_EXPONENT_2);
		ref(a, &n, TEE_ATTR_RSA_COEFFICIENT, &o->attrs, P11_CKA_COEFFICIENT);
	}
	return populate(TEE_TYPE_RSA_KEYPAIR, k->bits, a, n, &k->h);
}

static uint32_t ec_key(const struct p11_object *o, bool priv, struct p11_key *k)
{
	const uint8_t *x = NULL, *y = NULL, *d = NULL;
	uint32_t rv = P11_CKR_OK, dlen = 0;
	TEE_Attribute a[4];

	k->curve = p11_ec_curve(&o->attrs, &rv);
	if (!k->curve)
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	if (!p11_ec_point_get(&o->attrs, k->curve, &x, &y) ||
	    (priv && !p11_attrs_get(&o->attrs, P11_CKA_VALUE, &d, &dlen)))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	k->bits = k->curve->bits;
	TEE_InitValueAttribute(&a[0], TEE_ATTR_ECC_CURVE, k->curve->gp_curve, 0);
	TEE_InitRefAttribute(&a[1], TEE_ATTR_ECC_PUBLIC_VALUE_X, x, k->curve->bytes);
	TEE_InitRefAttribute(&a[2], TEE_ATTR_ECC_PUBLIC_VALUE_Y, y, k->curve->bytes);
	if (!priv)
		return populate(TEE_TYPE_ECDSA_PUBLIC_KEY, k->bits, a, 3, &k->h);
	TEE_InitRefAttribute(&a[3], TEE_ATTR_ECC_PRIVATE_VALUE, d, dlen);
	return populate(TEE_TYPE_ECDSA_KEYPAIR, k->bits, a, 4, &k->h);
}

/* The HMAC mechanism of a GP HMAC key type. */
static uint32_t hmac_mech(uint32_t hmac_type)
{
	switch (hmac_type) {
	case TEE_TYPE_HMAC_MD5:
		return P11_CKM_MD5_HMAC;
	case TEE_TYPE_HMAC_SHA1:
		return P11_CKM_SHA_1_HMAC;
	case TEE_TYPE_HMAC_SHA224:
		return P11_CKM_SHA224_HMAC;
	case TEE_TYPE_HMAC_SHA256:
		return P11_CKM_SHA256_HMAC;
	case TEE_TYPE_HMAC_SHA384:
		return P11_CKM_SHA384_HMAC;
	default:
		return P11_CKM_SHA512_HMAC;
	}
}

/* An HMAC key of GP type hmac_type from a secret key's CKA_VALUE. */
static uint32_t hmac_key(const struct p11_object *o, uint32_t hmac_type, struct p11_key *k)
{
	const struct p11_mechanism_info *info = p11_mech_info(hmac_mech(hmac_type));
	const uint8_t *v = NULL;
	uint32_t len = 0;
	TEE_Attribute a;

	if (!p11_attrs_get(&o->attrs, P11_CKA_VALUE, &v, &len))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	/* GP Table 5-9's sizes for the type, which the mechanism list gives in bytes */
	if (!info || len > info->max_key_size || len < info->min_key_size)
		return P11_CKR_KEY_SIZE_RANGE;
	k->bits = len * 8;
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, v, len);
	return populate(hmac_type, k->bits, &a, 1, &k->h);
}

/* An AES key (for AES-CMAC) from a secret key of type CKK_AES: 16, 24 or 32 bytes. */
static uint32_t aes_key(const struct p11_object *o, uint32_t type, struct p11_key *k)
{
	const uint8_t *v = NULL;
	uint32_t len = 0;
	TEE_Attribute a;

	if (p11_object_class(o) != P11_CKO_SECRET_KEY || type != P11_CKK_AES ||
	    !p11_attrs_get(&o->attrs, P11_CKA_VALUE, &v, &len))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	if (len != 16 && len != 24 && len != 32)
		return P11_CKR_KEY_SIZE_RANGE;
	k->bits = len * 8;
	TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, v, len);
	return populate(TEE_TYPE_AES, k->bits, &a, 1, &k->h);
}

/*
 * The key of object o for a mechanism needing key type key_type (P11_CKK_*), private (a private
 * key or a secret) or public; hmac_type the GP type of an HMAC key.
 */
uint32_t p11_gp_key(const struct p11_object *o, uint32_t key_type, bool priv, uint32_t hmac_type,
		    struct p11_key *k)
{
	uint32_t class = p11_object_class(o), type = P11_UNAVAILABLE;

	memset(k, 0, sizeof(*k));
	p11_attrs_u32(&o->attrs, P11_CKA_KEY_TYPE, &type);
	if (key_type == P11_CKK_GENERIC_SECRET) {
		/* HMAC: a generic secret, or a key made for that HMAC */
		if (class != P11_CKO_SECRET_KEY ||
		    (type != P11_CKK_GENERIC_SECRET && type != p11_hmac_key_type(hmac_type)))
			return P11_CKR_KEY_TYPE_INCONSISTENT;
		return hmac_key(o, hmac_type, k);
	}
	if (key_type == P11_CKK_AES)
		return aes_key(o, type, k);
	if (type != key_type || class != (priv ? P11_CKO_PRIVATE_KEY : P11_CKO_PUBLIC_KEY))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	return key_type == P11_CKK_RSA ? rsa_key(o, priv, k) : ec_key(o, priv, k);
}

uint32_t p11_hmac_key_type(uint32_t hmac_type)
{
	switch (hmac_type) {
	case TEE_TYPE_HMAC_MD5:
		return P11_CKK_MD5_HMAC;
	case TEE_TYPE_HMAC_SHA1:
		return P11_CKK_SHA_1_HMAC;
	case TEE_TYPE_HMAC_SHA224:
		return P11_CKK_SHA224_HMAC;
	case TEE_TYPE_HMAC_SHA256:
		return P11_CKK_SHA256_HMAC;
	case TEE_TYPE_HMAC_SHA384:
		return P11_CKK_SHA384_HMAC;
	default:
		return P11_CKK_SHA512_HMAC;
	}
}
