// SPDX-License-Identifier: BSD-2-Clause
/*
 * C_DeriveKey (PKCS#11 v2.40 5.13) by data encryption with an AES base key (Current Mechanisms
 * v2.40 2.15): CKM_AES_ECB_ENCRYPT_DATA (CK_KEY_DERIVATION_STRING_DATA) and
 * CKM_AES_CBC_ENCRYPT_DATA (CK_AES_CBC_ENCRYPT_DATA_PARAMS), as libckteec 3.19 serialises them:
 * [u32 length][data] and [iv 16][u32 length][data]. The data is whole AES blocks, and the new
 * key is the encryption's first bytes (wrap.c's p11_secret_made). And by CKM_ECDH1_DERIVE
 * (Current Mechanisms v2.40 2.3.9) with an EC private base key, whose parameters and secret
 * ecdh.c makes; the base key's checks are here for both.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define BLOCK 16u

/* The mechanism's data and IV, checked against the length its parameters give. */
static uint32_t derive_params(const struct p11_mech *m, uint32_t *alg, const uint8_t **iv,
			      const uint8_t **data, uint32_t *len)
{
	uint32_t head;

	switch (m->id) {
	case P11_CKM_AES_ECB_ENCRYPT_DATA:
		*alg = TEE_ALG_AES_ECB_NOPAD;
		*iv = NULL;
		head = sizeof(uint32_t);
		break;
	case P11_CKM_AES_CBC_ENCRYPT_DATA:
		*alg = TEE_ALG_AES_CBC_NOPAD;
		*iv = m->params;
		head = BLOCK + sizeof(uint32_t);
		break;
	case P11_CKM_ECDH1_DERIVE:
		return p11_ecdh_params(m);
	default:
		return P11_CKR_MECHANISM_INVALID;
	}
	if (m->len < head)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(len, m->params + head - sizeof(uint32_t), sizeof(*len));
	if (*len != m->len - head)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	*data = m->params + head;
	/* whole blocks, and no longer than the longest secret the token keeps */
	if (!*len || *len % BLOCK || *len > P11_SECRET_MAX)
		return P11_CKR_DATA_LEN_RANGE;
	return P11_CKR_OK;
}

static bool is_ec_private(const struct p11_object *o)
{
	uint32_t type = P11_UNAVAILABLE;

	p11_attrs_u32(&o->attrs, P11_CKA_KEY_TYPE, &type);
	return p11_object_class(o) == P11_CKO_PRIVATE_KEY && type == P11_CKK_EC;
}

/* DERIVE_KEY: [session][base key][mechanism][template]; the new key's handle out in p2 */
uint32_t p11_cmd_derive_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p)
{
	struct p11_session *s = NULL;
	struct p11_object *base;
	struct p11_attrs t, full;
	struct p11_mech m;
	const uint8_t *iv = NULL, *data = NULL;
	uint32_t key = 0, alg = 0, len = 0, handle = 0, rv;
	uint8_t *buf;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &key))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_mech_parse(a, &m);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_parse(a, &t);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	rv = derive_params(&m, &alg, &iv, &data, &len);
	if (rv != P11_CKR_OK)
		return rv;
	base = p11_object_get(c, key);
	if (!base)
		return P11_CKR_KEY_HANDLE_INVALID;
	/*
	 * v2.40 4.7: CKA_DERIVE, and the mechanism among CKA_ALLOWED_MECHANISMS; the base an AES
	 * key, or for ECDH an EC private key (Current Mechanisms v2.40 2.3.9)
	 */
	if (!(m.id == P11_CKM_ECDH1_DERIVE ? is_ec_private(base) : p11_is_aes_key(base)) ||
	    !p11_attrs_bool(&base->attrs, P11_CKA_DERIVE, false))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	if (!p11_key_allows(base, m.id))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	/*
	 * A base key that may also encrypt would give the derived key's value to C_Encrypt of the
	 * same data: refused, with the code OP-TEE's TA gives (its clients expect it).
	 */
	if (m.id != P11_CKM_ECDH1_DERIVE && p11_attrs_bool(&base->attrs, P11_CKA_ENCRYPT, false))
		return P11_CKR_FUNCTION_FAILED;
	rv = p11_template_with(&t, base, P11_CKA_DERIVE_TEMPLATE, &full);
	if (rv != P11_CKR_OK)
		return rv;
	if (m.id == P11_CKM_ECDH1_DERIVE) {
		rv = p11_ecdh_derive(c, s, base, &m, &full, &handle);
	} else {
		buf = TEE_Malloc(len, 0);
		rv = buf ? p11_aes_run(base, alg, true, iv, data, len, buf) : P11_CKR_DEVICE_MEMORY;
		if (rv == P11_CKR_OK)
			rv = p11_secret_made(c, s, &full, buf, len, false, base,
					     P11_CKR_DATA_LEN_RANGE, &handle);
		if (buf) {
			TEE_MemFill(buf, 0, len);
			TEE_Free(buf);
		}
	}
	p11_attrs_free(&full);
	if (rv != P11_CKR_OK)
		return rv;
	return p11_put_new_key(c, handle, types, p);
}
