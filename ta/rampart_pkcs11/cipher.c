// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES encryption and decryption (PKCS#11 v2.40 5.8, 5.9; Current Mechanisms 2.8, 2.10):
 * CKM_AES_ECB, CKM_AES_CBC, CKM_AES_CBC_PAD, CKM_AES_CTR and CKM_AES_CTS on GP's AES
 * (TEE_ALG_AES_ECB_NOPAD, _CBC_NOPAD, _CTR, _CTS). GP has no CBC with padding: the TA keeps the
 * partial block itself, feeds GP whole blocks, and adds or checks the PKCS#7 padding (RFC 5652
 * 6.3) around GP's CBC. CTS leaves the holding to GP, which keeps the last bytes for the stealing
 * at the end. One operation per session; it ends with its result or any error but
 * CKR_BUFFER_TOO_SMALL.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define BLOCK 16u
/* The most one call takes (and gives back): processed in TA memory, then copied out. */
#define CALL_MAX (64u * 1024)
/* CTS: what GP's TEE_CipherUpdate keeps back, 17 to 32 bytes, the final call's two blocks */
#define CTS_HELD_MAX (2 * BLOCK)

struct p11_cipher {
	bool encrypt;
	uint32_t mech;
	TEE_OperationHandle op;
	uint8_t buf[BLOCK]; /* the partial block (CBC_PAD decryption: the last whole one) */
	uint32_t blen;	    /* bytes in buf; CTS: the bytes GP holds */
	bool started;	    /* an update was made: no one-shot call now */
	uint8_t iv[BLOCK];
	uint32_t iv_len;
	bool fin_ready; /* the final part, made once, kept for a retry with a larger buffer */
	uint8_t fin[CTS_HELD_MAX];
	uint32_t fin_len;
	/* CTR with fewer than 128 counter bits: the blocks left before they wrap, less one */
	bool ctr_bounded;
	unsigned __int128 ctr_room;
	uint64_t ctr_bytes; /* the bytes done so far */
};

/*
 * CK_AES_CTR_PARAMS's ulCounterBits (Current Mechanisms v2.40 2.8): only the low bits of the
 * counter block count, 1 to 128 of them. GP's CTR counts with all 128 (GP 6.4.1, NIST SP
 * 800-38A B.1), which gives the same blocks as long as the low bits do not wrap: the room is
 * how many more blocks they take, less one, and data past it is refused, never encrypted with
 * a counter the caller did not mean.
 */
static unsigned __int128 ctr_room_of(const uint8_t cb[BLOCK], uint32_t bits)
{
	unsigned __int128 c = 0, mask = ~(unsigned __int128)0;

	if (bits < 128)
		mask = ((unsigned __int128)1 << bits) - 1;
	for (int i = 0; i < (int)BLOCK; i++)
		c = c << 8 | cb[i];
	return mask - (c & mask);
}

void p11_cipher_free(struct p11_session *s)
{
	if (!s->cipher)
		return;
	if (s->cipher->op != TEE_HANDLE_NULL)
		TEE_FreeOperation(s->cipher->op);
	TEE_MemFill(s->cipher, 0, sizeof(*s->cipher));
	TEE_Free(s->cipher);
	s->cipher = NULL;
}

static void restart(struct p11_cipher *ci);

/* ENCRYPT_INIT / DECRYPT_INIT: [session][key handle][mechanism] */
uint32_t p11_cmd_cipher_init(struct p11_client *c, struct p11_args *a, bool encrypt)
{
	struct p11_session *s = NULL;
	struct p11_cipher *ci;
	struct p11_object *o;
	struct p11_mech m;
	const uint8_t *v = NULL, *iv = NULL;
	uint32_t key = 0, len = 0, type = 0, alg, rv, bits = 0;
	TEE_ObjectHandle kh = TEE_HANDLE_NULL;
	TEE_Attribute attr;
	TEE_Result res;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &key))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_mech_parse(a, &m);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	if (m.id == P11_CKM_RSA_PKCS_OAEP)
		return p11_oaep_init(c, s, key, &m, encrypt);
	switch (m.id) {
	case P11_CKM_AES_ECB:
		alg = TEE_ALG_AES_ECB_NOPAD;
		if (m.len)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		break;
	case P11_CKM_AES_CBC:
	case P11_CKM_AES_CBC_PAD:
		alg = TEE_ALG_AES_CBC_NOPAD;
		if (m.len != BLOCK)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		iv = m.params;
		break;
	case P11_CKM_AES_CTR:
		/* CK_AES_CTR_PARAMS: ulCounterBits, cb[16] (ctr_room_of) */
		alg = TEE_ALG_AES_CTR;
		if (m.len != 4 + BLOCK)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		memcpy(&bits, m.params, 4);
		if (!bits || bits > 128)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		iv = m.params + 4;
		break;
	case P11_CKM_AES_CTS:
		/* Current Mechanisms 2.10.2: the parameter is the IV, one block */
		alg = TEE_ALG_AES_CTS;
		if (m.len != BLOCK)
			return P11_CKR_MECHANISM_PARAM_INVALID;
		iv = m.params;
		break;
	default:
		return P11_CKR_MECHANISM_INVALID;
	}
	o = p11_object_get(c, key);
	if (!o)
		return P11_CKR_KEY_HANDLE_INVALID;
	if (!p11_attrs_bool(&o->attrs, encrypt ? P11_CKA_ENCRYPT : P11_CKA_DECRYPT, false) ||
	    !p11_key_allows(o, m.id))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	p11_attrs_u32(&o->attrs, P11_CKA_KEY_TYPE, &type);
	if (p11_object_class(o) != P11_CKO_SECRET_KEY || type != P11_CKK_AES ||
	    !p11_attrs_get(&o->attrs, P11_CKA_VALUE, &v, &len))
		return P11_CKR_KEY_TYPE_INCONSISTENT;
	if (len != 16 && len != 24 && len != 32)
		return P11_CKR_KEY_SIZE_RANGE;
	ci = TEE_Malloc(sizeof(*ci), TEE_MALLOC_FILL_ZERO);
	if (!ci)
		return P11_CKR_DEVICE_MEMORY;
	ci->encrypt = encrypt;
	ci->mech = m.id;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, v, len);
	res = TEE_AllocateTransientObject(TEE_TYPE_AES, len * 8, &kh);
	if (res == TEE_SUCCESS)
		res = TEE_PopulateTransientObject(kh, &attr, 1);
	if (res == TEE_SUCCESS)
		res = TEE_AllocateOperation(&ci->op, alg,
					    encrypt ? TEE_MODE_ENCRYPT : TEE_MODE_DECRYPT, len * 8);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(ci->op, kh);
	TEE_FreeTransientObject(kh);
	if (res != TEE_SUCCESS) {
		if (ci->op != TEE_HANDLE_NULL)
			TEE_FreeOperation(ci->op);
		TEE_Free(ci);
		return P11_CKR_DEVICE_MEMORY;
	}
	if (iv) {
		memcpy(ci->iv, iv, BLOCK);
		ci->iv_len = BLOCK;
	}
	if (m.id == P11_CKM_AES_CTR && bits < 128) {
		ci->ctr_bounded = true;
		ci->ctr_room = ctr_room_of(iv, bits);
	}
	restart(ci);
	s->cipher = ci;
	return P11_CKR_OK;
}

/* Bytes an update of len bytes gives out, and keeps back. */
static uint32_t update_size(const struct p11_cipher *ci, uint32_t len, uint32_t *keep)
{
	uint32_t total = ci->blen + len;

	if (ci->mech == P11_CKM_AES_CTR) {
		*keep = 0;
		return len;
	}
	if (ci->mech == P11_CKM_AES_CTS) {
		/* GP's rule (tee/crypto_cts.c): whole blocks out, leaving 17 to 32 bytes held */
		*keep =
		    total <= CTS_HELD_MAX ? total : BLOCK + 1 + (total - CTS_HELD_MAX - 1) % BLOCK;
		return total - *keep;
	}
	*keep = total % BLOCK;
	/* CBC_PAD decryption keeps the last whole block: it may be the padding's */
	if (ci->mech == P11_CKM_AES_CBC_PAD && !ci->encrypt && !*keep && total)
		*keep = BLOCK;
	return total - *keep;
}

/* Processes len bytes of in (TA memory) into out (TA memory, update_size() bytes). */
static uint32_t update(struct p11_cipher *ci, const uint8_t *in, uint32_t len, uint8_t *out)
{
	uint32_t keep = 0, n = update_size(ci, len, &keep), from_buf;
	size_t out_len;
	uint8_t *tmp;

	if (ci->mech == P11_CKM_AES_CTR) {
		uint64_t done = ci->ctr_bytes + len;

		if (ci->ctr_bounded && done && (done - 1) / BLOCK > ci->ctr_room)
			return ci->encrypt ? P11_CKR_DATA_LEN_RANGE
					   : P11_CKR_ENCRYPTED_DATA_LEN_RANGE;
		out_len = len;
		if (len && TEE_CipherUpdate(ci->op, in, len, out, &out_len) != TEE_SUCCESS)
			return P11_CKR_GENERAL_ERROR;
		ci->ctr_bytes = done;
		return P11_CKR_OK;
	}
	if (ci->mech == P11_CKM_AES_CTS) {
		/* out has room for the input and two blocks: GP giving out other than n is an
		 * error, never a short buffer */
		out_len = len + CTS_HELD_MAX;
		if (len && (TEE_CipherUpdate(ci->op, in, len, out, &out_len) != TEE_SUCCESS ||
			    out_len != n))
			return P11_CKR_GENERAL_ERROR;
		ci->blen = keep;
		return P11_CKR_OK;
	}
	tmp = TEE_Malloc(ci->blen + len + 1, 0);
	if (!tmp)
		return P11_CKR_DEVICE_MEMORY;
	memcpy(tmp, ci->buf, ci->blen);
	memcpy(tmp + ci->blen, in, len);
	from_buf = ci->blen;
	out_len = n;
	if (n && TEE_CipherUpdate(ci->op, tmp, n, out, &out_len) != TEE_SUCCESS) {
		TEE_Free(tmp);
		return P11_CKR_GENERAL_ERROR;
	}
	memcpy(ci->buf, tmp + n, keep);
	ci->blen = keep;
	TEE_MemFill(tmp, 0, from_buf + len);
	TEE_Free(tmp);
	return P11_CKR_OK;
}

/* The final part into ci->fin, once. */
static uint32_t make_final(struct p11_cipher *ci)
{
	uint8_t block[BLOCK];
	size_t out_len = BLOCK;
	uint32_t pad;

	if (ci->fin_ready)
		return P11_CKR_OK;
	if (ci->mech == P11_CKM_AES_CTS) {
		/*
		 * Current Mechanisms 2.10: data of one block at least. Checked here, on the whole
		 * of it, as parts may be any length; GP panics on less (GP 6.4.4)
		 */
		if (ci->blen < BLOCK)
			return ci->encrypt ? P11_CKR_DATA_LEN_RANGE
					   : P11_CKR_ENCRYPTED_DATA_LEN_RANGE;
		out_len = sizeof(ci->fin);
		if (TEE_CipherDoFinal(ci->op, NULL, 0, ci->fin, &out_len) != TEE_SUCCESS ||
		    out_len != ci->blen)
			return P11_CKR_GENERAL_ERROR;
		ci->fin_len = ci->blen;
	} else if (ci->mech != P11_CKM_AES_CBC_PAD) {
		if (ci->blen)
			return ci->encrypt ? P11_CKR_DATA_LEN_RANGE
					   : P11_CKR_ENCRYPTED_DATA_LEN_RANGE;
		ci->fin_len = 0;
	} else if (ci->encrypt) {
		pad = BLOCK - ci->blen;
		memcpy(block, ci->buf, ci->blen);
		memset(block + ci->blen, (int)pad, pad);
		if (TEE_CipherUpdate(ci->op, block, BLOCK, ci->fin, &out_len) != TEE_SUCCESS)
			return P11_CKR_GENERAL_ERROR;
		ci->fin_len = BLOCK;
	} else {
		if (ci->blen != BLOCK)
			return P11_CKR_ENCRYPTED_DATA_LEN_RANGE;
		if (TEE_CipherUpdate(ci->op, ci->buf, BLOCK, block, &out_len) != TEE_SUCCESS)
			return P11_CKR_GENERAL_ERROR;
		pad = block[BLOCK - 1];
		if (!pad || pad > BLOCK)
			return P11_CKR_ENCRYPTED_DATA_INVALID;
		for (uint32_t i = BLOCK - pad; i < BLOCK; i++)
			if (block[i] != pad)
				return P11_CKR_ENCRYPTED_DATA_INVALID;
		ci->fin_len = BLOCK - pad;
		memcpy(ci->fin, block, ci->fin_len);
	}
	ci->fin_ready = true;
	return P11_CKR_OK;
}

static bool param_is(uint32_t types, int i, bool out)
{
	uint32_t t = TEE_PARAM_TYPE_GET(types, i);

	return t == TEE_PARAM_TYPE_MEMREF_INOUT ||
	       t == (out ? TEE_PARAM_TYPE_MEMREF_OUTPUT : TEE_PARAM_TYPE_MEMREF_INPUT);
}

/* Back to the state C_EncryptInit/C_DecryptInit left (GP 6.4.1: TEE_CipherInit resets). */
static void restart(struct p11_cipher *ci)
{
	TEE_CipherInit(ci->op, ci->iv_len ? ci->iv : NULL, ci->iv_len);
	ci->blen = 0;
	ci->ctr_bytes = 0;
	ci->fin_ready = false;
}

/*
 * ENCRYPT_/DECRYPT_ UPDATE, FINAL, ONESHOT: [session]; data in p1 (absent when empty), the
 * result out in p2. A short p2 gets the size needed and leaves the operation as it was: a
 * one-shot call starts again from its IV, a final one keeps the part it made.
 */
uint32_t p11_cmd_cipher_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			     TEE_Param *p)
{
	bool encrypt = cmd == P11_CMD_ENCRYPT_UPDATE || cmd == P11_CMD_ENCRYPT_FINAL ||
		       cmd == P11_CMD_ENCRYPT_ONESHOT;
	bool final = cmd == P11_CMD_ENCRYPT_FINAL || cmd == P11_CMD_DECRYPT_FINAL;
	bool oneshot = cmd == P11_CMD_ENCRYPT_ONESHOT || cmd == P11_CMD_DECRYPT_ONESHOT;
	struct p11_session *s = NULL;
	struct p11_cipher *ci;
	uint32_t rv = p11_session_args(c, a, &s), in_len = 0, keep = 0, n = 0;
	uint8_t *in = NULL, *out = NULL;

	if (rv != P11_CKR_OK)
		return rv;
	if (s->oaep && s->oaep_encrypt == encrypt)
		return p11_oaep_step(s, oneshot, types, p);
	ci = s->cipher;
	if (!ci || ci->encrypt != encrypt)
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	if (!param_is(types, 2, true) ||
	    (!final && TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_NONE &&
	     !param_is(types, 1, false)) ||
	    (oneshot && ci->started)) {
		p11_cipher_free(s);
		return oneshot && ci ? P11_CKR_OPERATION_ACTIVE : P11_CKR_ARGUMENTS_BAD;
	}
	if (!final && param_is(types, 1, false))
		in_len = p[1].memref.size;
	if (in_len > CALL_MAX) {
		p11_cipher_free(s);
		return P11_CKR_DEVICE_MEMORY;
	}
	if (!final && !oneshot && update_size(ci, in_len, &keep) > p[2].memref.size) {
		p[2].memref.size = update_size(ci, in_len, &keep);
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	in = TEE_Malloc(in_len + 1, 0);
	out = TEE_Malloc(in_len + 2 * BLOCK, 0);
	if (!in || !out) {
		rv = P11_CKR_DEVICE_MEMORY;
		goto end;
	}
	if (in_len)
		TEE_MemMove(in, p[1].memref.buffer, in_len);
	if (!final) {
		n = update_size(ci, in_len, &keep);
		rv = update(ci, in, in_len, out);
		ci->started = !oneshot;
	}
	if (rv == P11_CKR_OK && !final && !oneshot) {
		TEE_MemMove(p[2].memref.buffer, out, n);
		p[2].memref.size = n;
		goto done;
	}
	if (rv == P11_CKR_OK)
		rv = make_final(ci);
	if (rv != P11_CKR_OK)
		goto end;
	if (p[2].memref.size < n + ci->fin_len) {
		p[2].memref.size = n + ci->fin_len;
		if (oneshot)
			restart(ci);
		rv = P11_CKR_BUFFER_TOO_SMALL;
		goto done;
	}
	memcpy(out + n, ci->fin, ci->fin_len);
	TEE_MemMove(p[2].memref.buffer, out, n + ci->fin_len);
	p[2].memref.size = n + ci->fin_len;
end:
	p11_cipher_free(s);
done:
	TEE_Free(in);
	if (out) {
		TEE_MemFill(out, 0, in_len + 2 * BLOCK);
		TEE_Free(out);
	}
	return rv;
}
