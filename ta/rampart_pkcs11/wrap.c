// SPDX-License-Identifier: BSD-2-Clause
/*
 * C_WrapKey and C_UnwrapKey (PKCS#11 v2.40 5.13) with AES: CKM_AES_ECB, CKM_AES_CBC and
 * CKM_AES_CBC_PAD (Current Mechanisms v2.40 2.8), the mechanisms libckteec 3.19 serialises
 * for them. Only secret keys are wrapped: a private key would need its PKCS#8 encoding, which
 * the token does not make. The crypto is GP's AES (TEE_ALG_AES_ECB_NOPAD, _CBC_NOPAD); the
 * padding is the mechanisms': trailing null bytes to a whole block for ECB and CBC, PKCS#7
 * (RFC 5652 6.3) for CBC_PAD. Also the parts C_DeriveKey (derive.c) shares: one AES pass over
 * a buffer, and the new secret key made from bytes the token computed.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define BLOCK 16u
/* The longest wrapped key: the longest secret and a whole block of padding. */
#define WRAPPED_MAX (P11_SECRET_MAX + BLOCK)

/* One AES pass with key k (an AES secret key object) over len bytes (whole blocks). */
uint32_t p11_aes_run(const struct p11_object *k, uint32_t alg, bool encrypt, const uint8_t *iv,
		     const uint8_t *in, size_t len, uint8_t *out)
{
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectHandle kh = TEE_HANDLE_NULL;
	const uint8_t *v = NULL;
	uint32_t klen = 0;
	size_t out_len = len;
	uint8_t *tmp = NULL;
	TEE_Attribute attr;
	TEE_Result res;

	if (!p11_attrs_get(&k->attrs, P11_CKA_VALUE, &v, &klen) ||
	    (klen != 16 && klen != 24 && klen != 32))
		return P11_CKR_GENERAL_ERROR;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, v, klen);
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, klen * 8, &kh);
	if (res == TEE_SUCCESS)
		res = TEE_PopulateTransientObject(kh, &attr, 1);
	if (res == TEE_SUCCESS)
		res = TEE_AllocateOperation(&op, alg, encrypt ? TEE_MODE_ENCRYPT : TEE_MODE_DECRYPT,
					    klen * 8);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(op, kh);
	/* GP 6.4: the output may not overlap the input, so it goes through tmp */
	tmp = TEE_Malloc(len, 0);
	if (res == TEE_SUCCESS && !tmp)
		res = TEE_ERROR_OUT_OF_MEMORY;
	if (res == TEE_SUCCESS) {
		TEE_CipherInit(op, iv, iv ? BLOCK : 0);
		res = TEE_CipherDoFinal(op, in, len, tmp, &out_len);
	}
	if (res == TEE_SUCCESS && out_len == len)
		memcpy(out, tmp, len);
	if (tmp) {
		TEE_MemFill(tmp, 0, len);
		TEE_Free(tmp);
	}
	if (op != TEE_HANDLE_NULL)
		TEE_FreeOperation(op);
	TEE_FreeTransientObject(kh);
	if (res == TEE_ERROR_OUT_OF_MEMORY)
		return P11_CKR_DEVICE_MEMORY;
	return res == TEE_SUCCESS && out_len == len ? P11_CKR_OK : P11_CKR_GENERAL_ERROR;
}

/* An AES secret key object with a value GP takes. */
bool p11_is_aes_key(const struct p11_object *o)
{
	const uint8_t *v = NULL;
	uint32_t type = P11_UNAVAILABLE, len = 0;

	p11_attrs_u32(&o->attrs, P11_CKA_KEY_TYPE, &type);
	return p11_object_class(o) == P11_CKO_SECRET_KEY && type == P11_CKK_AES &&
	       p11_attrs_get(&o->attrs, P11_CKA_VALUE, &v, &len) &&
	       (len == 16 || len == 24 || len == 32);
}

static bool secret_type(uint32_t type)
{
	switch (type) {
	case P11_CKK_AES:
	case P11_CKK_GENERIC_SECRET:
	case P11_CKK_MD5_HMAC:
	case P11_CKK_SHA_1_HMAC:
	case P11_CKK_SHA224_HMAC:
	case P11_CKK_SHA256_HMAC:
	case P11_CKK_SHA384_HMAC:
	case P11_CKK_SHA512_HMAC:
		return true;
	default:
		return false;
	}
}

/*
 * A new secret key from template t with the first bytes of v (avail bytes): as many as its
 * CKA_VALUE_LEN says, else all of them (PKCS#11 v2.40 Current Mechanisms 2.8 for unwrapping,
 * 2.15 for derivation by encryption: the key type and CKA_VALUE_LEN truncate). nulls: the
 * bytes after the key are the wrapping's null padding, less than a block, and must be zeros.
 * base: the derivation's base key, whose CKA_ALWAYS_SENSITIVE and CKA_NEVER_EXTRACTABLE the
 * new key keeps while it is as sensitive and unextractable; NULL for an unwrapped key, which
 * has both false (v2.40 4.9). short_rv: the code for too few bytes. The key obeys the rules of
 * C_CreateObject and C_GenerateKey (template.c, p11_object_may_create, p11_object_add).
 */
uint32_t p11_secret_made(struct p11_client *c, struct p11_session *s, const struct p11_attrs *t,
			 const uint8_t *v, uint32_t avail, bool nulls,
			 const struct p11_object *base, uint32_t short_rv, uint32_t *handle)
{
	struct p11_attrs o = {0};
	uint32_t class = 0, type = 0, len = avail, rv;
	bool given = p11_attrs_get(t, P11_CKA_VALUE_LEN, NULL, NULL);

	if (!p11_attrs_get(t, P11_CKA_CLASS, NULL, NULL) ||
	    !p11_attrs_get(t, P11_CKA_KEY_TYPE, NULL, NULL))
		return P11_CKR_TEMPLATE_INCOMPLETE;
	if (!p11_attrs_u32(t, P11_CKA_CLASS, &class) || !p11_attrs_u32(t, P11_CKA_KEY_TYPE, &type))
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	if (class != P11_CKO_SECRET_KEY || !secret_type(type))
		return P11_CKR_TEMPLATE_INCONSISTENT;
	if (given && !p11_attrs_u32(t, P11_CKA_VALUE_LEN, &len))
		return P11_CKR_ATTRIBUTE_VALUE_INVALID;
	if ((type == P11_CKK_AES && len != 16 && len != 24 && len != 32) || !len ||
	    len > P11_SECRET_MAX)
		return given ? P11_CKR_ATTRIBUTE_VALUE_INVALID : short_rv;
	if (len > avail)
		return short_rv;
	if (nulls) {
		if (avail - len >= BLOCK)
			return P11_CKR_WRAPPED_KEY_LEN_RANGE;
		for (uint32_t i = len; i < avail; i++)
			if (v[i])
				return P11_CKR_WRAPPED_KEY_INVALID;
	}
	rv = p11_template_build_made(t, class, type, &o);
	if (rv != P11_CKR_OK)
		return rv;
	rv = p11_object_may_create(c, s, &o);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set(&o, P11_CKA_VALUE, v, len);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_set_u32(&o, P11_CKA_VALUE_LEN, len);
	/* Current Mechanisms v2.40 2.15: what the derived key inherits from its base */
	if (rv == P11_CKR_OK && base)
		rv = p11_attrs_set_bool(
		    &o, P11_CKA_ALWAYS_SENSITIVE,
		    p11_attrs_bool(&base->attrs, P11_CKA_ALWAYS_SENSITIVE, false) &&
			p11_attrs_bool(&o, P11_CKA_SENSITIVE, false));
	if (rv == P11_CKR_OK && base)
		rv = p11_attrs_set_bool(
		    &o, P11_CKA_NEVER_EXTRACTABLE,
		    p11_attrs_bool(&base->attrs, P11_CKA_NEVER_EXTRACTABLE, false) &&
			!p11_attrs_bool(&o, P11_CKA_EXTRACTABLE, true));
	if (rv != P11_CKR_OK) {
		p11_attrs_free(&o);
		return rv;
	}
	return p11_object_add(c, s, &o, false, 0, handle);
}

/* Gives the new key's handle out in p2; a key that cannot be given is not kept. */
uint32_t p11_put_new_key(struct p11_client *c, uint32_t handle, uint32_t types, TEE_Param *p)
{
	uint32_t rv = p11_put_out(types, p, &handle, sizeof(handle));

	if (rv != P11_CKR_OK)
		p11_object_destroy(c, handle);
	return rv;
}

/* The wrapping mechanism: its GP algorithm and IV (CK_AES_CBC's parameter is the IV alone). */
static uint32_t wrap_mech(const struct p11_mech *m, uint32_t *alg, const uint8_t **iv)
{
	switch (m->id) {
	case P11_CKM_AES_ECB:
		*alg = TEE_ALG_AES_ECB_NOPAD;
		*iv = NULL;
		return m->len ? P11_CKR_MECHANISM_PARAM_INVALID : P11_CKR_OK;
	case P11_CKM_AES_CBC:
	case P11_CKM_AES_CBC_PAD:
		*alg = TEE_ALG_AES_CBC_NOPAD;
		*iv = m->params;
		return m->len != BLOCK ? P11_CKR_MECHANISM_PARAM_INVALID : P11_CKR_OK;
	default:
		return P11_CKR_MECHANISM_INVALID;
	}
}

/*
 * Whether key k may (un)wrap with mechanism mech: an AES secret key with CKA_WRAP (CKA_UNWRAP)
 * that allows the mechanism (PKCS#11 v2.40 4.7 CKA_ALLOWED_MECHANISMS).
 */
static uint32_t check_wrapping_key(const struct p11_object *k, uint32_t mech, bool wrap)
{
	if (!p11_is_aes_key(k) ||
	    !p11_attrs_bool(&k->attrs, wrap ? P11_CKA_WRAP : P11_CKA_UNWRAP, false))
		return wrap ? P11_CKR_WRAPPING_KEY_TYPE_INCONSISTENT
			    : P11_CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT;
	if (!p11_key_allows(k, mech))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	/* a wrapping key that may also decrypt would undo its wrapping (template.c) */
	if (wrap && p11_attrs_bool(&k->attrs, P11_CKA_DECRYPT, false))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	return P11_CKR_OK;
}

/*
 * PKCS#11 v2.40 4.9 CKA_WRAP_TEMPLATE: "keys that do not match cannot be wrapped". The
 * specification names no code; C_WrapKey answers CKR_KEY_HANDLE_INVALID, as OP-TEE's TA does
 * and its clients (optee_test 1020) expect.
 */
static bool matches_wrap_template(const struct p11_object *wk, const struct p11_object *k)
{
	struct p11_attrs t;
	const uint8_t *v = NULL;
	uint32_t len = 0;

	if (!p11_attrs_get(&wk->attrs, P11_CKA_WRAP_TEMPLATE, &v, &len))
		return true;
	return p11_attrs_nested(v, len, &t) == P11_CKR_OK && p11_object_matches(k, &t);
}

/*
 * WRAP_KEY: [session][wrapping key][key][mechanism]; the wrapped key out in p2 (a short p2 gets
 * the size needed). PKCS#11 v2.40 5.13 C_WrapKey and 4.9: only a CKA_EXTRACTABLE key, and one
 * with CKA_WRAP_WITH_TRUSTED only under a CKA_TRUSTED wrapping key.
 */
uint32_t p11_cmd_wrap_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p)
{
	struct p11_session *s = NULL;
	struct p11_object *wk, *k;
	struct p11_mech m;
	const uint8_t *iv = NULL, *v = NULL;
	uint32_t wkey = 0, key = 0, alg = 0, len = 0, out_len, rv;
	uint8_t *buf;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &wkey) || !p11_get_u32(a, &key))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_mech_parse(a, &m);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	rv = wrap_mech(&m, &alg, &iv);
	if (rv != P11_CKR_OK)
		return rv;
	wk = p11_object_get(c, wkey);
	/* a key does not wrap itself */
	if (!wk || wkey == key)
		return P11_CKR_WRAPPING_KEY_HANDLE_INVALID;
	k = p11_object_get(c, key);
	if (!k)
		return P11_CKR_KEY_HANDLE_INVALID;
	rv = check_wrapping_key(wk, m.id, true);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_object_class(k) != P11_CKO_SECRET_KEY ||
	    !p11_attrs_get(&k->attrs, P11_CKA_VALUE, &v, &len) || !len || len > P11_SECRET_MAX)
		return P11_CKR_KEY_NOT_WRAPPABLE;
	if (!p11_attrs_bool(&k->attrs, P11_CKA_EXTRACTABLE, false))
		return P11_CKR_KEY_UNEXTRACTABLE;
	if (p11_attrs_bool(&k->attrs, P11_CKA_WRAP_WITH_TRUSTED, false) &&
	    !p11_attrs_bool(&wk->attrs, P11_CKA_TRUSTED, false))
		return P11_CKR_KEY_NOT_WRAPPABLE;
	if (!matches_wrap_template(wk, k))
		return P11_CKR_KEY_HANDLE_INVALID;
	out_len = m.id == P11_CKM_AES_CBC_PAD ? (len / BLOCK + 1) * BLOCK
					      : (len + BLOCK - 1) / BLOCK * BLOCK;
	if (TEE_PARAM_TYPE_GET(types, 2) != TEE_PARAM_TYPE_MEMREF_OUTPUT &&
	    TEE_PARAM_TYPE_GET(types, 2) != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	if (p[2].memref.size < out_len) {
		p[2].memref.size = out_len;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	buf = TEE_Malloc(out_len, TEE_MALLOC_FILL_ZERO);
	if (!buf)
		return P11_CKR_DEVICE_MEMORY;
	memcpy(buf, v, len);
	if (m.id == P11_CKM_AES_CBC_PAD)
		memset(buf + len, (int)(out_len - len), out_len - len);
	rv = p11_aes_run(wk, alg, true, iv, buf, out_len, buf);
	if (rv == P11_CKR_OK)
		rv = p11_put_out(types, p, buf, out_len);
	TEE_MemFill(buf, 0, out_len);
	TEE_Free(buf);
	return rv;
}

/*
 * UNWRAP_KEY: [session][unwrapping key][mechanism][template]; the wrapped key in p1, the new
 * key's handle out in p2. A wrapped key of a wrong length, or whose padding does not check,
 * unwraps to an error, never to a key.
 */
uint32_t p11_cmd_unwrap_key(struct p11_client *c, struct p11_args *a, uint32_t types, TEE_Param *p)
{
	struct p11_session *s = NULL;
	struct p11_object *uk;
	struct p11_attrs t, full;
	struct p11_mech m;
	const uint8_t *iv = NULL;
	uint32_t ukey = 0, alg = 0, len, size, pad, handle = 0, rv;
	uint8_t *buf;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &ukey))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_mech_parse(a, &m);
	if (rv == P11_CKR_OK)
		rv = p11_attrs_parse(a, &t);
	if (rv != P11_CKR_OK)
		return rv;
	if (TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_MEMREF_INPUT &&
	    TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	rv = wrap_mech(&m, &alg, &iv);
	if (rv != P11_CKR_OK)
		return rv;
	uk = p11_object_get(c, ukey);
	if (!uk)
		return P11_CKR_UNWRAPPING_KEY_HANDLE_INVALID;
	rv = check_wrapping_key(uk, m.id, false);
	if (rv != P11_CKR_OK)
		return rv;
	len = size = p[1].memref.size;
	if (!len || len % BLOCK || len > WRAPPED_MAX)
		return P11_CKR_WRAPPED_KEY_LEN_RANGE;
	rv = p11_template_with(&t, uk, P11_CKA_UNWRAP_TEMPLATE, &full);
	if (rv != P11_CKR_OK)
		return rv;
	/* decrypted in TA memory: the normal world sees neither the key nor its padding */
	buf = TEE_Malloc(len, 0);
	if (!buf) {
		p11_attrs_free(&full);
		return P11_CKR_DEVICE_MEMORY;
	}
	TEE_MemMove(buf, p[1].memref.buffer, len);
	rv = p11_aes_run(uk, alg, false, iv, buf, len, buf);
	if (rv == P11_CKR_OK && m.id == P11_CKM_AES_CBC_PAD) {
		pad = buf[len - 1];
		if (!pad || pad > BLOCK)
			rv = P11_CKR_WRAPPED_KEY_INVALID;
		for (uint32_t i = len - BLOCK; rv == P11_CKR_OK && i < len; i++)
			if (i >= len - pad && buf[i] != pad)
				rv = P11_CKR_WRAPPED_KEY_INVALID;
		len -= pad;
	}
	if (rv == P11_CKR_OK)
		rv = p11_secret_made(c, s, &full, buf, len, m.id != P11_CKM_AES_CBC_PAD, NULL,
				     P11_CKR_WRAPPED_KEY_LEN_RANGE, &handle);
	p11_attrs_free(&full);
	TEE_MemFill(buf, 0, size);
	TEE_Free(buf);
	if (rv != P11_CKR_OK)
		return rv;
	return p11_put_new_key(c, handle, types, p);
}
