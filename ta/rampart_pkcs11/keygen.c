// SPDX-License-Identifier: BSD-2-Clause
/*
 * C_GenerateKey and C_GenerateKeyPair (PKCS#11 v2.40 5.13): the keys are made by the trusted
 * OS's GP key generation (TEE_GenerateKey, GP TEE Internal Core API v1.3.1 5.5.7, on mbedTLS)
 * and their parts read back into the new objects' attributes; the private parts never leave the
 * TA (template.c makes them sensitive, object.c refuses them).
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* The largest part read back: an RSA-4096 modulus or private exponent. */
#define PART_MAX 512

/* Reads one part of a generated key into attribute id of o, left-padded to pad bytes if given. */
static uint32_t take_part(TEE_ObjectHandle h, uint32_t gp_attr, struct p11_attrs *o, uint32_t id,
			  size_t pad)
{
	uint8_t buf[PART_MAX];
	size_t len = sizeof(buf);
	uint32_t rv;

	if (TEE_GetObjectBufferAttribute(h, gp_attr, buf, &len) != TEE_SUCCESS || len > sizeof(buf))
		return P11_CKR_DEVICE_ERROR;
	if (pad && len < pad) {
		memmove(buf + pad - len, buf, len);
		memset(buf, 0, pad - len);
		len = pad;
	}
	rv = p11_attrs_set(o, id, buf, len);
	TEE_MemFill(buf, 0, sizeof(buf));
	return rv;
}

static uint32_t gen_status(TEE_Result res)
{
	if (res == TEE_ERROR_OUT_OF_MEMORY)
		return P11_CKR_DEVICE_MEMORY;
	return res == TEE_ERROR_NOT_SUPPORTED ? P11_CKR_KEY_SIZE_RANGE : P11_CKR_DEVICE_ERROR;
}

/* A secret key of len bytes: AES (16, 24, 32) or a generic secret (1 to 512 bytes). */
static uint32_t gen_secret(uint32_t mech, struct p11_attrs *o)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	uint32_t len = 0, type, rv;
	TEE_Result res;

	if (!p11_attrs_u32(o, P11_CKA_VALUE_LEN, &len))
		return P11_CKR_TEMPLATE_INCOMPLETE;
	if (mech == P11_CKM_AES_KEY_GEN) {
		type = TEE_TYPE_AES;
		if (len != 16 && len != 24 && len != 32)
			return P11_CKR_KEY_SIZE_RANGE;
	} else {
		type = TEE_TYPE_GENERIC_SECRET;
		if (!len || len > P11_SECRET_MAX)
			return P11_CKR_KEY_SIZE_RANGE;
	}
	res = TEE_AllocateTransientObject(type, len * 8, &h);
	if (res == TEE_SUCCESS)
		res = TEE_GenerateKey(h, len * 8, NULL, 0);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(h);
		return gen_status(res);
	}
	rv = take_part(h, TEE_ATTR_SECRET_VALUE, o, P11_CKA_VALUE, len);
	TEE_FreeTransientObject(h);
	return rv;
}

/* C_GenerateKey: [session][mechanism head + params][template], the session read already */
uint32_t p11_cmd_generate_key(struct p11_client *c, struct p11_session *s, struct p11_args *a,
			      uint32_t *handle)
{
	struct p11_attrs t, o = {0};
	struct p11_mech m;
	uint32_t rv, key_type, len = 0;

	rv = p11_mech_parse(a, &m);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_parse(a, &t);
	if (rv != P11_CKR_OK)
		return rv;
	if (m.id != P11_CKM_AES_KEY_GEN && m.id != P11_CKM_GENERIC_SECRET_KEY_GEN)
		return P11_CKR_MECHANISM_INVALID;
	if (m.len)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	key_type = m.id == P11_CKM_AES_KEY_GEN ? P11_CKK_AES : P11_CKK_GENERIC_SECRET;
	rv = p11_template_build(&t, P11_CKO_SECRET_KEY, key_type, m.id, &o);
	if (rv != P11_CKR_OK)
		return rv;
	/* CKA_VALUE_LEN is the template's (template.c leaves it out of the object). */
	if (p11_attrs_get(&t, P11_CKA_VALUE_LEN, NULL, NULL) &&
	    !p11_attrs_u32(&t, P11_CKA_VALUE_LEN, &len))
		rv = P11_CKR_ATTRIBUTE_VALUE_INVALID;
	else if (!p11_attrs_get(&t, P11_CKA_VALUE_LEN, NULL, NULL))
		rv = P11_CKR_TEMPLATE_INCOMPLETE;
	if (rv == P11_CKR_OK)
		rv = p11_object_may_create(c, s, &o);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_u32(&o, P11_CKA_VALUE_LEN, len);
	if (rv == P11_CKR_OK)
		rv = gen_secret(m.id, &o);
	if (rv != P11_CKR_OK) {
		p11_attrs_free(&o);
		return rv;
	}
	return p11_object_add(c, s, &o, false, 0, handle);
}

static uint32_t gen_ec(const struct p11_curve *cv, struct p11_attrs *pub, struct p11_attrs *priv)
{
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	uint8_t x[66], y[66];
	TEE_Attribute curve;
	size_t xl = sizeof(x), yl = sizeof(y);
	uint32_t rv;
	TEE_Result res;

	TEE_InitValueAttribute(&curve, TEE_ATTR_ECC_CURVE, cv->gp_curve, 0);
	res = TEE_AllocateTransientObject(TEE_TYPE_ECDSA_KEYPAIR, cv->bits, &h);
	if (res == TEE_SUCCESS)
		res = TEE_GenerateKey(h, cv->bits, &curve, 1);
	if (res == TEE_SUCCESS)
		res = TEE_GetObjectBufferAttribute(h, TEE_ATTR_ECC_PUBLIC_VALUE_X, x, &xl);
	if (res == TEE_SUCCESS)
		res = TEE_GetObjectBufferAttribute(h, TEE_ATTR_ECC_PUBLIC_VALUE_Y, y, &yl);
	if (res != TEE_SUCCESS || xl > cv->bytes || yl > cv->bytes) {
		TEE_FreeTransientObject(h);
		return gen_status(res);
	}
	/* Each coordinate the curve's size, leading zeros kept (SEC 1 2.3.5). */
	memmove(x + cv->bytes - xl, x, xl);
	memset(x, 0, cv->bytes - xl);
	memmove(y + cv->bytes - yl, y, yl);
	memset(y, 0, cv->bytes - yl);
	rv = p11_ec_point_set(pub, cv, x, y);
	if (rv == P11_CKR_OK)
		rv = p11_ec_point_set(priv, cv, x, y);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set(priv, P11_CKA_EC_PARAMS, cv->oid, cv->oid_len);
	if (rv == P11_CKR_OK)
		rv = take_part(h, TEE_ATTR_ECC_PRIVATE_VALUE, priv, P11_CKA_VALUE, cv->bytes);
	TEE_FreeTransientObject(h);
	return rv;
}

static uint32_t gen_rsa(const struct p11_attrs *pub_t, struct p11_attrs *pub,
			struct p11_attrs *priv)
{
	static const struct {
		uint32_t gp, cka;
	} parts[] = {
	    {TEE_ATTR_RSA_MODULUS, P11_CKA_MODULUS},
	    {TEE_ATTR_RSA_PUBLIC_EXPONENT, P11_CKA_PUBLIC_EXPONENT},
	    {TEE_ATTR_RSA_PRIVATE_EXPONENT, P11_CKA_PRIVATE_EXPONENT},
	    {TEE_ATTR_RSA_PRIME1, P11_CKA_PRIME_1},
	    {TEE_ATTR_RSA_PRIME2, P11_CKA_PRIME_2},
	    {TEE_ATTR_RSA_EXPONENT1, P11_CKA_EXPONENT_1},
	    {TEE_ATTR_RSA_EXPONENT2, P11_CKA_EXPONENT_2},
	    {TEE_ATTR_RSA_COEFFICIENT, P11_CKA_COEFFICIENT},
	};
	TEE_ObjectHandle h = TEE_HANDLE_NULL;
	TEE_Attribute exp = {0};
	const uint8_t *e = NULL;
	uint32_t bits = 0, elen = 0, rv = P11_CKR_OK;
	TEE_Result res;

	if (!p11_attrs_u32(pub_t, P11_CKA_MODULUS_BITS, &bits))
		return p11_attrs_get(pub_t, P11_CKA_MODULUS_BITS, NULL, NULL)
			   ? P11_CKR_ATTRIBUTE_VALUE_INVALID
			   : P11_CKR_TEMPLATE_INCOMPLETE;
	if (bits < P11_RSA_MIN_BITS || bits > P11_RSA_MAX_BITS || bits % 8)
		return P11_CKR_KEY_SIZE_RANGE;
	/* A public exponent, if given: odd, 3 to 2^31 - 1 (what TEE_GenerateKey takes). */
	if (p11_attrs_get(pub_t, P11_CKA_PUBLIC_EXPONENT, &e, &elen)) {
		while (elen && !*e) {
			e++;
			elen--;
		}
		if (!elen || elen > 4 || (elen == 4 && e[0] & 0x80) || !(e[elen - 1] & 1) ||
		    (elen == 1 && e[0] < 3))
			return P11_CKR_ATTRIBUTE_VALUE_INVALID;
		TEE_InitRefAttribute(&exp, TEE_ATTR_RSA_PUBLIC_EXPONENT, e, elen);
	}
	res = TEE_AllocateTransientObject(TEE_TYPE_RSA_KEYPAIR, bits, &h);
	if (res == TEE_SUCCESS)
		res = TEE_GenerateKey(h, bits, &exp, e ? 1 : 0);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(h);
		return gen_status(res);
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]) && rv == P11_CKR_OK; i++) {
		rv = take_part(h, parts[i].gp, priv, parts[i].cka, 0);
		if (rv == P11_CKR_OK && i < 2) {
			const uint8_t *v = NULL;
			uint32_t len = 0;

			p11_attrs_get(priv, parts[i].cka, &v, &len);
			rv = p11_attrs_set(pub, parts[i].cka, v, len);
		}
	}
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_u32(pub, P11_CKA_MODULUS_BITS, bits);
	TEE_FreeTransientObject(h);
	return rv;
}

/*
 * C_GenerateKeyPair: [session][mechanism][public key template][private key template], the
 * session read already
 */
uint32_t p11_cmd_generate_key_pair(struct p11_client *c, struct p11_session *s, struct p11_args *a,
				   uint32_t out[2])
{
	struct p11_attrs pub_t, priv_t, pub = {0}, priv = {0};
	const struct p11_curve *cv = NULL;
	struct p11_mech m;
	uint32_t rv, type;

	rv = p11_mech_parse(a, &m);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_parse(a, &pub_t);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_parse(a, &priv_t);
	if (rv != P11_CKR_OK)
		return rv;
	if (m.id != P11_CKM_EC_KEY_PAIR_GEN && m.id != P11_CKM_RSA_PKCS_KEY_PAIR_GEN)
		return P11_CKR_MECHANISM_INVALID;
	if (m.len)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	type = m.id == P11_CKM_EC_KEY_PAIR_GEN ? P11_CKK_EC : P11_CKK_RSA;
	rv = p11_template_build(&pub_t, P11_CKO_PUBLIC_KEY, type, m.id, &pub);
	if (rv != P11_CKR_OK)
		return rv;
	rv = p11_template_build(&priv_t, P11_CKO_PRIVATE_KEY, type, m.id, &priv);
	if (rv != P11_CKR_OK)
		goto out;
	if (type == P11_CKK_EC) {
		cv = p11_ec_curve(&pub, &rv);
		/* The private template may name the curve too, but not another one. */
		if (cv && p11_attrs_get(&priv_t, P11_CKA_EC_PARAMS, NULL, NULL) &&
		    p11_ec_curve(&priv, &rv) != cv)
			rv = P11_CKR_TEMPLATE_INCONSISTENT;
	}
	if (rv == P11_CKR_OK)
		rv = p11_object_may_create(c, s, &pub);
	if (rv == P11_CKR_OK)
		rv = p11_object_may_create(c, s, &priv);
	if (rv == P11_CKR_OK)
		rv = cv ? gen_ec(cv, &pub, &priv) : gen_rsa(&pub_t, &pub, &priv);
	if (rv == P11_CKR_OK)
		rv = p11_spki_set(type, &pub, &priv);
	if (rv != P11_CKR_OK)
		goto out;
	rv = p11_object_add(c, s, &pub, false, 0, &out[0]);
	if (rv != P11_CKR_OK)
		goto out;
	rv = p11_object_add(c, s, &priv, false, 0, &out[1]);
	/* Both or neither: a private key that cannot be kept takes its public key with it. */
	if (rv != P11_CKR_OK)
		p11_object_destroy(c, out[0]);
out:
	p11_attrs_free(&pub);
	p11_attrs_free(&priv);
	return rv;
}
