// SPDX-License-Identifier: BSD-2-Clause
/*
 * RSA-OAEP encryption and decryption (CKM_RSA_PKCS_OAEP, PKCS#11 Current Mechanisms 2.1.8;
 * RFC 8017 7.1) on GP's TEE_ALG_RSAES_PKCS1_OAEP_MGF1_*: single-part only, as the mechanism
 * is; encryption with a public key, decryption with a private one. GP ties MGF1's hash to the
 * label's, so the parameters must name the same hash twice.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define LABEL_MAX 256u

struct p11_oaep {
	bool encrypt;
	TEE_OperationHandle op;
	uint32_t k;	 /* the modulus's size in bytes */
	uint32_t pt_max; /* the longest message: k - 2 hLen - 2 (RFC 8017 7.1.1) */
	uint32_t label_len;
	uint8_t label[LABEL_MAX];
};

void p11_oaep_free(struct p11_session *s)
{
	if (!s->oaep)
		return;
	if (s->oaep->op != TEE_HANDLE_NULL)
		TEE_FreeOperation(s->oaep->op);
	TEE_Free(s->oaep);
	s->oaep = NULL;
}

/* CK_RSA_PKCS_OAEP_PARAMS as libckteec sends it: hashAlg, mgf, source, label length, label. */
uint32_t p11_oaep_init(struct p11_client *c, struct p11_session *s, uint32_t key,
		       const struct p11_mech *m, bool encrypt)
{
	static const struct {
		uint32_t ckm, mgf, alg, len;
	} hashes[] = {
	    {P11_CKM_SHA_1, P11_CKG_MGF1_SHA1, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA1, 20},
	    {P11_CKM_SHA224, P11_CKG_MGF1_SHA224, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA224, 28},
	    {P11_CKM_SHA256, P11_CKG_MGF1_SHA256, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA256, 32},
	    {P11_CKM_SHA384, P11_CKG_MGF1_SHA384, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA384, 48},
	    {P11_CKM_SHA512, P11_CKG_MGF1_SHA512, TEE_ALG_RSAES_PKCS1_OAEP_MGF1_SHA512, 64},
	};
	struct p11_object *o;
	struct p11_oaep *oa;
	struct p11_key k;
	uint32_t p[4], alg = 0, hlen = 0, rv;
	TEE_Result res;

	if (m->len < sizeof(p))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(p, m->params, sizeof(p));
	for (size_t i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++)
		if (hashes[i].ckm == p[0] && hashes[i].mgf == p[1]) {
			alg = hashes[i].alg;
			hlen = hashes[i].len;
		}
	/* source: CKZ_DATA_SPECIFIED (1), or none with no label */
	if (!alg || p[3] != m->len - sizeof(p) || p[3] > LABEL_MAX ||
	    (p[2] != 1 && (p[2] != 0 || p[3])))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	o = p11_object_get(c, key);
	if (!o)
		return P11_CKR_KEY_HANDLE_INVALID;
	if (!p11_attrs_bool(&o->attrs, encrypt ? P11_CKA_ENCRYPT : P11_CKA_DECRYPT, false) ||
	    !p11_key_allows(o, m->id))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	rv = p11_gp_key(o, P11_CKK_RSA, !encrypt, 0, &k);
	if (rv != P11_CKR_OK)
		return rv;
	oa = TEE_Malloc(sizeof(*oa), TEE_MALLOC_FILL_ZERO);
	if (!oa) {
		TEE_FreeTransientObject(k.h);
		return P11_CKR_DEVICE_MEMORY;
	}
	oa->encrypt = encrypt;
	oa->k = (k.bits + 7) / 8;
	oa->pt_max = oa->k > 2 * hlen + 2 ? oa->k - 2 * hlen - 2 : 0;
	oa->label_len = p[3];
	memcpy(oa->label, m->params + sizeof(p), p[3]);
	res = TEE_AllocateOperation(&oa->op, alg, encrypt ? TEE_MODE_ENCRYPT : TEE_MODE_DECRYPT,
				    k.bits);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(oa->op, k.h);
	TEE_FreeTransientObject(k.h);
	if (res != TEE_SUCCESS) {
		s->oaep = oa;
		p11_oaep_free(s);
		return P11_CKR_DEVICE_MEMORY;
	}
	s->oaep = oa;
	s->oaep_encrypt = encrypt;
	s->context_login = !encrypt && p11_key_always_auth(o);
	return P11_CKR_OK;
}

/*
 * ENCRYPT_ONESHOT / DECRYPT_ONESHOT: data in p1, the result in p2. GP's RSA keeps no state, so
 * a short p2 (the size needed back) leaves the operation as it was.
 */
uint32_t p11_oaep_step(struct p11_session *s, bool oneshot, uint32_t types, TEE_Param *p)
{
	struct p11_oaep *oa = s->oaep;
	uint8_t in[P11_RSA_MAX_BITS / 8], out[P11_RSA_MAX_BITS / 8];
	size_t out_len = sizeof(out), in_len = 0;
	TEE_Attribute label;
	uint32_t t1 = TEE_PARAM_TYPE_GET(types, 1), t2 = TEE_PARAM_TYPE_GET(types, 2), rv;
	TEE_Result res;

	if (!oneshot) {
		p11_oaep_free(s);
		return P11_CKR_FUNCTION_NOT_SUPPORTED; /* OAEP is single-part */
	}
	/* v2.40 5.6: no decryption by such a key without the PIN given for this operation */
	if (s->context_login) {
		p11_oaep_free(s);
		return P11_CKR_USER_NOT_LOGGED_IN;
	}
	if ((t1 != TEE_PARAM_TYPE_MEMREF_INPUT && t1 != TEE_PARAM_TYPE_NONE) ||
	    (t2 != TEE_PARAM_TYPE_MEMREF_OUTPUT && t2 != TEE_PARAM_TYPE_MEMREF_INOUT)) {
		p11_oaep_free(s);
		return P11_CKR_ARGUMENTS_BAD;
	}
	if (t1 != TEE_PARAM_TYPE_NONE)
		in_len = p[1].memref.size;
	if (oa->encrypt ? in_len > oa->k : in_len != oa->k) {
		rv = oa->encrypt ? P11_CKR_DATA_LEN_RANGE : P11_CKR_ENCRYPTED_DATA_LEN_RANGE;
		p11_oaep_free(s);
		return rv;
	}
	/*
	 * A ciphertext is the modulus's size whatever the data (RFC 8017 7.1.1): a short p2 is
	 * told so without an encryption, and data too long for the hash is refused when it is
	 * encrypted (PKCS#11 v2.40 5.2: a length query answers the size the result needs).
	 */
	if (oa->encrypt && p[2].memref.size < oa->k) {
		p[2].memref.size = oa->k;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	/*
	 * A decryption's length query gets the longest message the key and hash allow, which
	 * v2.40 5.2 lets a length query answer ("may somewhat exceed the precise number"), and
	 * nothing is decrypted for it: a query that decrypted would let one context-specific login
	 * (CKA_ALWAYS_AUTHENTICATE) serve as many ciphertexts as the caller sends, each answering
	 * whether it decrypts and how long it is.
	 */
	if (!oa->encrypt && p[2].memref.size < oa->pt_max) {
		p[2].memref.size = oa->pt_max;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	if (in_len)
		TEE_MemMove(in, p[1].memref.buffer, in_len);
	TEE_InitRefAttribute(&label, TEE_ATTR_RSA_OAEP_LABEL, oa->label, oa->label_len);
	if (oa->encrypt)
		res = TEE_AsymmetricEncrypt(oa->op, &label, 1, in, in_len, out, &out_len);
	else
		res = TEE_AsymmetricDecrypt(oa->op, &label, 1, in, in_len, out, &out_len);
	if (res == TEE_SUCCESS && p[2].memref.size < out_len) {
		/* not reached: p2 holds k (encryption) or the longest message (decryption) */
		res = TEE_ERROR_SHORT_BUFFER;
	}
	if (res == TEE_SUCCESS) {
		TEE_MemMove(p[2].memref.buffer, out, out_len);
		p[2].memref.size = out_len;
		rv = P11_CKR_OK;
	} else if (res == TEE_ERROR_OUT_OF_MEMORY) {
		rv = P11_CKR_DEVICE_MEMORY;
	} else {
		/* one answer for every fault (RFC 8017 7.1.2 note) */
		rv = oa->encrypt ? P11_CKR_DATA_LEN_RANGE : P11_CKR_ENCRYPTED_DATA_INVALID;
	}
	TEE_MemFill(out, 0, sizeof(out));
	p11_oaep_free(s);
	return rv;
}
