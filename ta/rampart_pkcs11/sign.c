// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signing and verification (PKCS#11 v2.40 5.11, 5.12): ECDSA (raw r || s, each the curve's
 * size, PKCS#11 Current Mechanisms 2.3.1), RSA PKCS#1 v1.5 and PSS (RFC 8017 8.1, 8.2), HMAC and
 * AES-CMAC, all on the GP operations of the trusted OS. One operation per session at a time; it
 * ends with its result, or with any error but CKR_BUFFER_TOO_SMALL (PKCS#11 v2.40 5.2).
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

enum kind { ECDSA, RSA_V15, RSA_RAW_V15, RSA_PSS, HMAC, CMAC };

/* HMAC and AES-CMAC: GP MACs (TEE_MODE_MAC) over the data as it comes. */
static bool is_mac(uint8_t kind)
{
	return kind == HMAC || kind == CMAC;
}

struct sig_mech {
	uint32_t ckm;
	uint8_t kind;
	uint32_t digest; /* GP digest of the data first, or 0: the data is what is signed */
	uint32_t alg;	 /* GP algorithm (ECDSA: the curve's; PSS: from its hash) */
	uint32_t hash;	 /* PSS, HMAC: the CKM of the hash the mechanism uses */
	bool general;	 /* a *_GENERAL MAC: CK_MAC_GENERAL_PARAMS, the MAC's leading bytes */
};

static const struct sig_mech sig_mechs[] = {
    {P11_CKM_ECDSA, ECDSA, 0, 0, 0, false},
    {P11_CKM_ECDSA_SHA1, ECDSA, TEE_ALG_SHA1, 0, 0, false},
    {P11_CKM_ECDSA_SHA224, ECDSA, TEE_ALG_SHA224, 0, 0, false},
    {P11_CKM_ECDSA_SHA256, ECDSA, TEE_ALG_SHA256, 0, 0, false},
    {P11_CKM_ECDSA_SHA384, ECDSA, TEE_ALG_SHA384, 0, 0, false},
    {P11_CKM_ECDSA_SHA512, ECDSA, TEE_ALG_SHA512, 0, 0, false},
    {P11_CKM_RSA_PKCS, RSA_RAW_V15, 0, TEE_ALG_RSA_NOPAD, 0, false},
    {P11_CKM_SHA1_RSA_PKCS, RSA_V15, TEE_ALG_SHA1, TEE_ALG_RSASSA_PKCS1_V1_5_SHA1, 0, false},
    {P11_CKM_SHA224_RSA_PKCS, RSA_V15, TEE_ALG_SHA224, TEE_ALG_RSASSA_PKCS1_V1_5_SHA224, 0, false},
    {P11_CKM_SHA256_RSA_PKCS, RSA_V15, TEE_ALG_SHA256, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256, 0, false},
    {P11_CKM_SHA384_RSA_PKCS, RSA_V15, TEE_ALG_SHA384, TEE_ALG_RSASSA_PKCS1_V1_5_SHA384, 0, false},
    {P11_CKM_SHA512_RSA_PKCS, RSA_V15, TEE_ALG_SHA512, TEE_ALG_RSASSA_PKCS1_V1_5_SHA512, 0, false},
    {P11_CKM_RSA_PKCS_PSS, RSA_PSS, 0, 0, 0, false},
    {P11_CKM_SHA1_RSA_PKCS_PSS, RSA_PSS, TEE_ALG_SHA1, 0, P11_CKM_SHA_1, false},
    {P11_CKM_SHA224_RSA_PKCS_PSS, RSA_PSS, TEE_ALG_SHA224, 0, P11_CKM_SHA224, false},
    {P11_CKM_SHA256_RSA_PKCS_PSS, RSA_PSS, TEE_ALG_SHA256, 0, P11_CKM_SHA256, false},
    {P11_CKM_SHA384_RSA_PKCS_PSS, RSA_PSS, TEE_ALG_SHA384, 0, P11_CKM_SHA384, false},
    {P11_CKM_SHA512_RSA_PKCS_PSS, RSA_PSS, TEE_ALG_SHA512, 0, P11_CKM_SHA512, false},
    {P11_CKM_MD5_HMAC, HMAC, 0, TEE_ALG_HMAC_MD5, P11_CKM_MD5, false},
    {P11_CKM_SHA_1_HMAC, HMAC, 0, TEE_ALG_HMAC_SHA1, P11_CKM_SHA_1, false},
    {P11_CKM_SHA224_HMAC, HMAC, 0, TEE_ALG_HMAC_SHA224, P11_CKM_SHA224, false},
    {P11_CKM_SHA256_HMAC, HMAC, 0, TEE_ALG_HMAC_SHA256, P11_CKM_SHA256, false},
    {P11_CKM_SHA384_HMAC, HMAC, 0, TEE_ALG_HMAC_SHA384, P11_CKM_SHA384, false},
    {P11_CKM_SHA512_HMAC, HMAC, 0, TEE_ALG_HMAC_SHA512, P11_CKM_SHA512, false},
    /* PKCS#11 v2.40 Current Mechanisms, CKM_AES_CMAC: the full 16 bytes (NIST SP 800-38B) */
    {P11_CKM_AES_CMAC, CMAC, 0, TEE_ALG_AES_CMAC, 0, false},
    /* The _GENERAL forms (CK_MAC_GENERAL_PARAMS): the MAC cut to the length asked */
    {P11_CKM_MD5_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_MD5, P11_CKM_MD5, true},
    {P11_CKM_SHA_1_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_SHA1, P11_CKM_SHA_1, true},
    {P11_CKM_SHA224_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_SHA224, P11_CKM_SHA224, true},
    {P11_CKM_SHA256_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_SHA256, P11_CKM_SHA256, true},
    {P11_CKM_SHA384_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_SHA384, P11_CKM_SHA384, true},
    {P11_CKM_SHA512_HMAC_GENERAL, HMAC, 0, TEE_ALG_HMAC_SHA512, P11_CKM_SHA512, true},
    {P11_CKM_AES_CMAC_GENERAL, CMAC, 0, TEE_ALG_AES_CMAC, 0, true},
};

/*
 * The hashes of the HMACs and of PSS (CKM_SHA*), with their MGF1 and GP algorithms. MD5 is
 * there for HMAC-MD5 alone: it has no MGF1 and no PSS.
 */
static const struct {
	uint32_t ckm, mgf, pss_alg, len, hmac_type;
} hashes[] = {
    {P11_CKM_MD5, 0, 0, 16, TEE_TYPE_HMAC_MD5},
    {P11_CKM_SHA_1, P11_CKG_MGF1_SHA1, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA1, 20, TEE_TYPE_HMAC_SHA1},
    {P11_CKM_SHA224, P11_CKG_MGF1_SHA224, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA224, 28,
     TEE_TYPE_HMAC_SHA224},
    {P11_CKM_SHA256, P11_CKG_MGF1_SHA256, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA256, 32,
     TEE_TYPE_HMAC_SHA256},
    {P11_CKM_SHA384, P11_CKG_MGF1_SHA384, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA384, 48,
     TEE_TYPE_HMAC_SHA384},
    {P11_CKM_SHA512, P11_CKG_MGF1_SHA512, TEE_ALG_RSASSA_PKCS1_PSS_MGF1_SHA512, 64,
     TEE_TYPE_HMAC_SHA512},
};

/* The longest data a mechanism that signs its input as given takes (ECDSA: a digest). */
#define RAW_MAX 512
/* Data is copied out of shared memory in chunks of this size before it is used. */
#define CHUNK 1024

struct p11_op {
	bool sign;
	const struct sig_mech *m;
	TEE_OperationHandle op;
	TEE_OperationHandle digest;
	uint32_t alg;	   /* the GP signature or MAC algorithm */
	uint32_t sig_len;  /* the signature's size */
	uint32_t hash_len; /* RSA_PSS without a digest: the data's size */
	uint32_t salt;
	uint32_t raw_max; /* mechanisms without a digest: the data gathered */
	uint32_t raw_len;
	uint8_t raw[RAW_MAX];
};

void p11_op_free(struct p11_op *op)
{
	if (!op)
		return;
	if (op->op != TEE_HANDLE_NULL)
		TEE_FreeOperation(op->op);
	if (op->digest != TEE_HANDLE_NULL)
		TEE_FreeOperation(op->digest);
	TEE_MemFill(op, 0, sizeof(*op));
	TEE_Free(op);
}

static void end_op(struct p11_session *s)
{
	p11_op_free(s->op);
	s->op = NULL;
}

static int hash_index(uint32_t ckm)
{
	for (size_t i = 0; i < sizeof(hashes) / sizeof(hashes[0]); i++)
		if (hashes[i].ckm == ckm)
			return (int)i;
	return -1;
}

/* PSS parameters: hashAlg, mgf, sLen (32 bits each); the hash must be the mechanism's. */
static uint32_t pss_params(struct p11_op *op, const struct p11_mech *mech, uint32_t key_bytes)
{
	uint32_t p[3];
	int h;

	if (mech->len != sizeof(p))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(p, mech->params, sizeof(p));
	h = hash_index(p[0]);
	/* GP's PSS uses MGF1 with the same hash (GP 6.10.1); another pairing is refused. */
	if (h < 0 || !hashes[h].pss_alg || (op->m->hash && op->m->hash != p[0]) ||
	    hashes[h].mgf != p[1])
		return P11_CKR_MECHANISM_PARAM_INVALID;
	/*
	 * RFC 8017 9.1.1: emLen >= hLen + sLen + 2. A key too short for the hash and salt asked is
	 * CKR_KEY_SIZE_RANGE (PKCS#11 v2.40 5.1: the key's size outside what the operation can
	 * take), the code OP-TEE's TA gives and its clients (optee_test 1022) expect.
	 */
	if (p[2] > key_bytes || key_bytes - p[2] < hashes[h].len + 2)
		return P11_CKR_KEY_SIZE_RANGE;
	op->alg = hashes[h].pss_alg;
	op->hash_len = hashes[h].len;
	op->salt = p[2];
	return P11_CKR_OK;
}

/* Sets up op's GP operations with key k; the key is copied into them (GP 6.2.7). */
static uint32_t setup(struct p11_op *op, struct p11_key *k)
{
	uint32_t mode = op->sign ? TEE_MODE_SIGN : TEE_MODE_VERIFY;
	TEE_Result res;

	if (op->m->kind == RSA_RAW_V15)
		mode = op->sign ? TEE_MODE_DECRYPT : TEE_MODE_ENCRYPT;
	else if (is_mac(op->m->kind))
		mode = TEE_MODE_MAC;
	res = TEE_AllocateOperation(&op->op, op->alg, mode, k->bits);
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(op->op, k->h);
	if (res == TEE_SUCCESS && op->m->digest)
		res = TEE_AllocateOperation(&op->digest, op->m->digest, TEE_MODE_DIGEST, 0);
	if (res != TEE_SUCCESS)
		return res == TEE_ERROR_OUT_OF_MEMORY ? P11_CKR_DEVICE_MEMORY
						      : P11_CKR_GENERAL_ERROR;
	if (is_mac(op->m->kind))
		TEE_MACInit(op->op, NULL, 0);
	return P11_CKR_OK;
}

/* CK_MAC_GENERAL_PARAMS (32 bits): the MAC's length, 1 to the whole MAC's. */
static uint32_t general_len(struct p11_op *op, const struct p11_mech *mech)
{
	uint32_t len = 0;

	if (mech->len != sizeof(len))
		return P11_CKR_MECHANISM_PARAM_INVALID;
	memcpy(&len, mech->params, sizeof(len));
	if (!len || len > op->sig_len)
		return P11_CKR_MECHANISM_PARAM_INVALID;
	op->sig_len = len;
	return P11_CKR_OK;
}

/* The GP parts of op for key k (of k->bits) and mechanism mech. */
static uint32_t prepare(struct p11_op *op, const struct p11_mech *mech, struct p11_key *k)
{
	uint32_t key_bytes = (k->bits + 7) / 8, rv = P11_CKR_OK;

	op->alg = op->m->alg;
	op->raw_max = op->m->digest ? 0 : RAW_MAX;
	switch (op->m->kind) {
	case ECDSA:
		op->alg = k->curve->alg;
		op->sig_len = 2 * k->curve->bytes;
		break;
	case RSA_V15:
		op->sig_len = key_bytes;
		break;
	case RSA_RAW_V15:
		op->sig_len = key_bytes;
		op->raw_max = key_bytes - 11; /* RFC 8017 9.2: at least 8 bytes of padding */
		break;
	case RSA_PSS:
		op->sig_len = key_bytes;
		rv = pss_params(op, mech, key_bytes);
		if (!op->m->digest)
			op->raw_max = op->hash_len;
		break;
	case HMAC:
		op->sig_len = hashes[hash_index(op->m->hash)].len;
		op->raw_max = 0;
		break;
	case CMAC:
		op->sig_len = 16; /* the AES block */
		op->raw_max = 0;
		break;
	}
	if (rv == P11_CKR_OK && op->m->general)
		rv = general_len(op, mech);
	else if (rv == P11_CKR_OK && op->m->kind != RSA_PSS && mech->len)
		rv = P11_CKR_MECHANISM_PARAM_INVALID;
	return rv == P11_CKR_OK ? setup(op, k) : rv;
}

/* SIGN_INIT / VERIFY_INIT: [session][key handle][mechanism] */
uint32_t p11_cmd_sign_init(struct p11_client *c, struct p11_args *a, bool sign)
{
	const struct sig_mech *m = NULL;
	struct p11_session *s = NULL;
	struct p11_object *o;
	struct p11_mech mech;
	struct p11_key k;
	struct p11_op *op;
	uint32_t key = 0, rv, hmac_type = 0;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &key))
		return P11_CKR_ARGUMENTS_BAD;
	rv = p11_mech_parse(a, &mech);
	if (rv != P11_CKR_OK)
		return rv;
	if (p11_session_busy(s))
		return P11_CKR_OPERATION_ACTIVE;
	for (size_t i = 0; i < sizeof(sig_mechs) / sizeof(sig_mechs[0]); i++)
		if (sig_mechs[i].ckm == mech.id)
			m = &sig_mechs[i];
	if (!m)
		return P11_CKR_MECHANISM_INVALID;
	o = p11_object_get(c, key);
	if (!o)
		return P11_CKR_KEY_HANDLE_INVALID;
	/* PKCS#11 v2.40 4.8, 4.9: CKA_SIGN, CKA_VERIFY say what a key may do */
	if (!p11_attrs_bool(&o->attrs, sign ? P11_CKA_SIGN : P11_CKA_VERIFY, false) ||
	    !p11_key_allows(o, mech.id))
		return P11_CKR_KEY_FUNCTION_NOT_PERMITTED;
	if (m->kind == HMAC)
		hmac_type = hashes[hash_index(m->hash)].hmac_type;
	rv = p11_gp_key(o,
			m->kind == HMAC	   ? P11_CKK_GENERIC_SECRET
			: m->kind == CMAC  ? P11_CKK_AES
			: m->kind == ECDSA ? P11_CKK_EC
					   : P11_CKK_RSA,
			sign || is_mac(m->kind), hmac_type, &k);
	if (rv != P11_CKR_OK)
		return rv;
	op = TEE_Malloc(sizeof(*op), TEE_MALLOC_FILL_ZERO);
	if (!op) {
		TEE_FreeTransientObject(k.h);
		return P11_CKR_DEVICE_MEMORY;
	}
	op->sign = sign;
	op->m = m;
	rv = prepare(op, &mech, &k);
	TEE_FreeTransientObject(k.h);
	if (rv != P11_CKR_OK) {
		p11_op_free(op);
		return rv;
	}
	s->op = op;
	s->context_login = sign && p11_key_always_auth(o);
	return P11_CKR_OK;
}

/* Feeds data (in shared memory) to the operation, copied into TA memory chunk by chunk. */
static uint32_t feed(struct p11_op *op, const uint8_t *data, size_t len)
{
	uint8_t chunk[CHUNK];

	if (!op->m->digest && !is_mac(op->m->kind)) {
		if (len > op->raw_max - op->raw_len)
			return P11_CKR_DATA_LEN_RANGE;
		TEE_MemMove(op->raw + op->raw_len, data, len);
		op->raw_len += len;
		return P11_CKR_OK;
	}
	while (len) {
		size_t n = len < CHUNK ? len : CHUNK;

		TEE_MemMove(chunk, data, n);
		if (is_mac(op->m->kind))
			TEE_MACUpdate(op->op, chunk, n);
		else
			TEE_DigestUpdate(op->digest, chunk, n);
		data += n;
		len -= n;
	}
	return P11_CKR_OK;
}

/* EMSA-PKCS1-v1_5 for CKM_RSA_PKCS (RFC 8017 9.2 step 5, the data taken as T): GP has no raw
 * PKCS#1 v1.5 signature, so the encoding is made here and GP's raw RSA does the rest. */
static void emsa_v15(const struct p11_op *op, uint8_t *em)
{
	size_t ps = op->sig_len - op->raw_len - 3;

	em[0] = 0;
	em[1] = 1;
	memset(em + 2, 0xff, ps);
	em[2 + ps] = 0;
	memcpy(em + 3 + ps, op->raw, op->raw_len);
}

/* What is signed: the digest of the data, or the data itself. */
static uint32_t to_sign(struct p11_op *op, uint8_t *buf, size_t *len)
{
	if (!op->m->digest) {
		if ((op->m->kind == RSA_PSS && op->raw_len != op->hash_len) || !op->raw_len)
			return P11_CKR_DATA_LEN_RANGE;
		memcpy(buf, op->raw, op->raw_len);
		*len = op->raw_len;
		return P11_CKR_OK;
	}
	*len = 64;
	return TEE_DigestDoFinal(op->digest, NULL, 0, buf, len) == TEE_SUCCESS
		   ? P11_CKR_OK
		   : P11_CKR_GENERAL_ERROR;
}

static void pss_attr(const struct p11_op *op, TEE_Attribute *attr, uint32_t *n)
{
	*n = 0;
	if (op->m->kind == RSA_PSS) {
		TEE_InitValueAttribute(attr, TEE_ATTR_RSA_PSS_SALT_LENGTH, op->salt, 0);
		*n = 1;
	}
}

/* The signature into sig (op->sig_len bytes there). */
static uint32_t finish_sign(struct p11_op *op, uint8_t *sig)
{
	uint8_t in[RAW_MAX], em[P11_RSA_MAX_BITS / 8], out[P11_RSA_MAX_BITS / 8];
	size_t in_len = 0, out_len = sizeof(out);
	TEE_Attribute attr;
	uint32_t n, rv;
	TEE_Result res;

	if (is_mac(op->m->kind)) {
		res = TEE_MACComputeFinal(op->op, NULL, 0, out, &out_len);
		/* a _GENERAL MAC: its leading bytes */
		if (res == TEE_SUCCESS && out_len > op->sig_len)
			out_len = op->sig_len;
	} else if (op->m->kind == RSA_RAW_V15) {
		emsa_v15(op, em);
		res = TEE_AsymmetricDecrypt(op->op, NULL, 0, em, op->sig_len, out, &out_len);
	} else {
		rv = to_sign(op, in, &in_len);
		if (rv != P11_CKR_OK)
			return rv;
		pss_attr(op, &attr, &n);
		res = TEE_AsymmetricSignDigest(op->op, &attr, n, in, in_len, out, &out_len);
	}
	if (res != TEE_SUCCESS || out_len > op->sig_len)
		return P11_CKR_GENERAL_ERROR;
	/* Raw RSA gives the integer without its leading zeros: the signature is k bytes. */
	memset(sig, 0, op->sig_len - out_len);
	TEE_MemMove(sig + op->sig_len - out_len, out, out_len);
	return P11_CKR_OK;
}

/* Compares without an early exit: how far a guessed MAC matches must not show in the time. */
static bool same(const uint8_t *a, const uint8_t *b, size_t n)
{
	uint8_t d = 0;

	for (size_t i = 0; i < n; i++)
		d |= a[i] ^ b[i];
	return !d;
}

/* Checks sig (in TA memory, op->sig_len bytes long). */
static uint32_t finish_verify(struct p11_op *op, const uint8_t *sig)
{
	uint8_t in[RAW_MAX], em[P11_RSA_MAX_BITS / 8], out[P11_RSA_MAX_BITS / 8];
	size_t in_len = 0, out_len = sizeof(out);
	TEE_Attribute attr;
	uint32_t n, rv;
	TEE_Result res;

	if (is_mac(op->m->kind) && op->m->general) {
		res = TEE_MACComputeFinal(op->op, NULL, 0, out, &out_len);
		if (res == TEE_SUCCESS)
			res = same(out, sig, op->sig_len) ? TEE_SUCCESS : TEE_ERROR_MAC_INVALID;
	} else if (is_mac(op->m->kind)) {
		res = TEE_MACCompareFinal(op->op, NULL, 0, sig, op->sig_len);
	} else if (op->m->kind == RSA_RAW_V15) {
		emsa_v15(op, em);
		res = TEE_AsymmetricEncrypt(op->op, NULL, 0, sig, op->sig_len, out, &out_len);
		if (res == TEE_SUCCESS) {
			/* out lost its leading zeros; EM starts with 00 01 */
			res = out_len == op->sig_len - 1 && !memcmp(out, em + 1, out_len)
				  ? TEE_SUCCESS
				  : TEE_ERROR_SIGNATURE_INVALID;
		}
	} else {
		rv = to_sign(op, in, &in_len);
		if (rv != P11_CKR_OK)
			return rv;
		pss_attr(op, &attr, &n);
		res = TEE_AsymmetricVerifyDigest(op->op, &attr, n, in, in_len, sig, op->sig_len);
	}
	if (res == TEE_SUCCESS)
		return P11_CKR_OK;
	if (res == TEE_ERROR_OUT_OF_MEMORY)
		return P11_CKR_DEVICE_MEMORY;
	/* SIGNATURE_INVALID, MAC_INVALID, or a raw RSA input not below the modulus */
	return P11_CKR_SIGNATURE_INVALID;
}

static bool is_in(uint32_t types, int i)
{
	uint32_t t = TEE_PARAM_TYPE_GET(types, i);

	return t == TEE_PARAM_TYPE_MEMREF_INPUT || t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

static bool is_out(uint32_t types, int i)
{
	uint32_t t = TEE_PARAM_TYPE_GET(types, i);

	return t == TEE_PARAM_TYPE_MEMREF_OUTPUT || t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

/*
 * The SIGN and VERIFY steps after INIT: [session] in p0; the data in p1 (absent when empty); the
 * signature out (sign) or in (verify) in p2. cmd says which step.
 */
uint32_t p11_cmd_sign_step(struct p11_client *c, struct p11_args *a, uint32_t cmd, uint32_t types,
			   TEE_Param *p)
{
	bool sign =
	    cmd == P11_CMD_SIGN_UPDATE || cmd == P11_CMD_SIGN_FINAL || cmd == P11_CMD_SIGN_ONESHOT;
	bool update = cmd == P11_CMD_SIGN_UPDATE || cmd == P11_CMD_VERIFY_UPDATE;
	bool oneshot = cmd == P11_CMD_SIGN_ONESHOT || cmd == P11_CMD_VERIFY_ONESHOT;
	uint8_t sig[P11_RSA_MAX_BITS / 8];
	struct p11_session *s = NULL;
	struct p11_op *op;
	uint32_t rv;

	rv = p11_session_args(c, a, &s);
	if (rv != P11_CKR_OK)
		return rv;
	op = s->op;
	if (!op || op->sign != sign)
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	/* v2.40 5.6: no signature by such a key without the PIN given for this operation */
	if (s->context_login) {
		end_op(s);
		return P11_CKR_USER_NOT_LOGGED_IN;
	}
	if ((update || oneshot) && TEE_PARAM_TYPE_GET(types, 1) != TEE_PARAM_TYPE_NONE &&
	    !is_in(types, 1)) {
		end_op(s);
		return P11_CKR_ARGUMENTS_BAD;
	}
	if (!update && !(sign ? is_out(types, 2) : is_in(types, 2))) {
		end_op(s);
		return P11_CKR_ARGUMENTS_BAD;
	}
	/* A short output buffer: the size needed, and the operation goes on (PKCS#11 5.2). */
	if (!update && sign && p[2].memref.size < op->sig_len) {
		p[2].memref.size = op->sig_len;
		return P11_CKR_BUFFER_TOO_SMALL;
	}
	if (!update && !sign && p[2].memref.size != op->sig_len) {
		end_op(s);
		return P11_CKR_SIGNATURE_LEN_RANGE;
	}
	if ((update || oneshot) && is_in(types, 1))
		rv = feed(op, p[1].memref.buffer, p[1].memref.size);
	if (rv != P11_CKR_OK || update) {
		if (rv != P11_CKR_OK)
			end_op(s);
		return rv;
	}
	if (sign) {
		rv = finish_sign(op, sig);
		if (rv == P11_CKR_OK) {
			TEE_MemMove(p[2].memref.buffer, sig, op->sig_len);
			p[2].memref.size = op->sig_len;
		}
	} else {
		TEE_MemMove(sig, p[2].memref.buffer, op->sig_len);
		rv = finish_verify(op, sig);
	}
	end_op(s);
	return rv;
}

/* RELEASE_ACTIVE_PROCESSING: [session][command]; libckteec's way to end an operation. */
uint32_t p11_cmd_release(struct p11_client *c, struct p11_args *a)
{
	struct p11_session *s = NULL;
	uint32_t rv = p11_session_args(c, a, &s), cmd = 0;

	if (rv != P11_CKR_OK)
		return rv;
	if (!p11_get_u32(a, &cmd))
		return P11_CKR_ARGUMENTS_BAD;
	if (!p11_session_busy(s))
		return P11_CKR_OPERATION_NOT_INITIALIZED;
	end_op(s);
	p11_digest_free(s);
	p11_cipher_free(s);
	p11_oaep_free(s);
	return P11_CKR_OK;
}
