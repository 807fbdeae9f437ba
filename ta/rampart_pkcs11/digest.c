// SPDX-License-Identifier: BSD-2-Clause
/*
 * Message digests (PKCS#11 v2.40 5.10): CKM_MD5, CKM_SHA_1, CKM_SHA224, CKM_SHA256, CKM_SHA384
 * and CKM_SHA512 on GP's digests (MD5 and SHA-1 for old formats: no signature uses MD5, only
 * HMAC-MD5). A session runs one operation at a time: a digest, or a signature (sign.c). It ends
 * with its result, or with any error but CKR_BUFFER_TOO_SMALL (PKCS#11 v2.40 5.2).
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define CHUNK 1024

static void end_digest(struct p11_session *s)
{
	if (s->digest != TEE_HANDLE_NULL)
		TEE_FreeOperation(s->digest);
	s->digest = TEE_HANDLE_NULL;
	s->digest_len = 0;
}

void p11_digest_free(struct p11_session *s)
{
	end_digest(s);
}

/* DIGEST_INIT: [session][mechanism] */
uint32_t p11_cmd_digest_init(struct p11_client *c, struct p11_args *a)
{
	static const struct {
		uint32_t ckm, alg, len;
	} algs[] = {
	    {P11_CKM_MD5, TEE_ALG_MD5, 16},	  {P11_CKM_SHA_1, TEE_ALG_SHA1, 20},
	    {P11_CKM_SHA224, TEE_ALG_SHA224, 28}, {P11_CKM_SHA256, TEE_ALG_SHA256, 32},
	    {P11_CKM_SHA384, TEE_ALG_SHA384, 48}, {P11_CKM_SHA512, TEE_ALG_SHA512, 64},
	};
	struct p11_session *s = NULL;
	struct p11_mech m;
	uint32_t rv = p11_session_args(c, a, &s);

	if (rv == P11_CKR_OK)
		rv = p11_mech_parse(a, &m);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++) {
		if (algs[i].ckm != m.id)
			continue;
		if (m.len)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		if (TEE_AllocateOperation(&s->digest, algs[i].alg, TEE_MODE_DIGEST, 0) !=
		    TEE_SUCCESS) {
			s->digest = TEE_HANDLE_NULL;
			return P11_CKR_DEVICE_MEMORY;
		}
		s->digest_len = algs[i].len;
		return P11_CKR_OK;
	}
	return P11_CKR_MECHANISM_INVALID;
}

/* The value of the key named in a's next argument, if a digest may take it (below). */
static uint32_t digestible(struct p11_client *c, struct p11_args *a, const uint8_t **v,
			   uint32_t *len)
{
	const struct p11_object *o;
	uint32_t key = 0;

	if (!p11_get_u32(a, &key))
		return P11_CKR_ARGUMENTS_BAD;
	o = p11_object_get(c, key);
	if (!o)
		return P11_CKR_KEY_HANDLE_INVALID;
	if (p11_object_class(o) != P11_CKO_SECRET_KEY || !p11_object_exportable(o, P11_CKA_VALUE) ||
	    !p11_attrs_get(&o->attrs, P11_CKA_VALUE, v, len))
		return P11_CKR_KEY_INDIGESTIBLE;
	return P11_CKR_OK;
}

/*
 * DIGEST_KEY: [session][key handle] (PKCS#11 v2.40 5.10 C_DigestKey): the value of a secret key
 * goes into the digest. Only a key whose value may be read anyway (not sensitive, extractable):
 * the digest of a short secret would give the secret away to a search. Anything else is
 * CKR_KEY_INDIGESTIBLE, and, as any error, ends the digest (v2.40 5.2).
 */
uint32_t p11_cmd_digest_key(struct p11_client *c, struct p11_args *a)
{
	struct p11_session *s = NULL;
	const uint8_t *v = NULL;
	uint32_t len = 0, rv = p11_session_args(c, a, &s);

	if (rv != P11_CKR_OK)
		return rv;
	if (s->digest == TEE_HANDLE_NULL)
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	rv = digestible(c, a, &v, &len);
	if (rv != P11_CKR_OK) {
		end_digest(s);
		return rv;
	}
	TEE_DigestUpdate(s->digest, v, len);
	return P11_CKR_OK;
}

static bool memref(uint32_t types, int i, bool out)
{
	uint32_t t = TEE_PARAM_TYPE_GET(types, i);

	return t == TEE_PARAM_TYPE_MEMREF_INOUT ||
	       t == (out ? TEE_PARAM_TYPE_MEMREF_OUTPUT : TEE_PARAM_TYPE_MEMREF_INPUT);
}

/* DIGEST_UPDATE, _FINAL, _ONESHOT: [session]; data in p1 (absent when empty), digest out in p2 */
uint32_t p11_cmd_digest_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			     TEE_Param *p)
{
	struct p11_session *s = NULL;
	uint8_t chunk[CHUNK], out[64];
	uint32_t rv = p11_session_args(c, a, &s);
	size_t out_len = sizeof(out);
	const uint8_t *data;
	size_t left;

	if (rv != P11_CKR_OK)
		return rv;
	if (s->digest == TEE_HANDLE_NULL)
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	if ((cmd != P11_CMD_DIGEST_FINAL && TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_NONE &&
	     !memref(types, 1, false)) ||
	    (cmd != P11_CMD_DIGEST_UPDATE && !memref(types, 2, true))) {
		end_digest(s);
		return P11_CKR_ARGUMENTS_BAD;
	}
	if (cmd != P11_CMD_DIGEST_UPDATE && p[2].memref.size < s->digest_len) {
		p[2].memref.size = s->digest_len;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	if (cmd != P11_CMD_DIGEST_FINAL && memref(types, 1, false)) {
		data = p[1].memref.buffer;
		for (left = p[1].memref.size; left;) {
			size_t n = left < CHUNK ? left : CHUNK;

			TEE_MemMove(chunk, data, n);
			TEE_DigestUpdate(s->digest, chunk, n);
			data += n;
			left -= n;
		}
	}
	if (cmd == P11_CMD_DIGEST_UPDATE)
		return P11_CKR_OK;
	if (TEE_DigestDoFinal(s->digest, NULL, 0, out, &out_len) != TEE_SUCCESS)
		rv = P11_CKR_GENERAL_ERROR;
	else {
		TEE_MemMove(p[2].memref.buffer, out, out_len);
		p[2].memref.size = out_len;
	}
	end_digest(s);
	return rv;
}
