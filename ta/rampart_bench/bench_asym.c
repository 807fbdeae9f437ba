// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signatures per second: RSA-2048 (RSASSA-PKCS1-v1_5 with SHA-256) and ECDSA on P-256 over a
 * 32-byte digest the client sends, with a key pair TEE_GenerateKey made once for the session
 * (GP TEE Internal Core API 5.6.2 and 6.7). One operation is allocated per signature, as a TA
 * signing for its client does.
 *
 * The asymmetric API is compiled in when the dev kit's headers define it: a kit without it gives
 * a TA that answers TEE_ERROR_NOT_SUPPORTED for these commands and says why through
 * BENCH_CMD_FEATURES, and the same sources measure it once the kit has it.
 */
#include <rampart_bench_ta.h>
#include <tee_internal_api.h>

#include "bench_ta.h"

#if defined(TEE_TYPE_RSA_KEYPAIR) && defined(TEE_ALG_RSASSA_PKCS1_V1_5_SHA256)
#define HAVE_RSA 1
#endif
/* GP 1.3.1 names the 0x70003041 algorithm TEE_ALG_ECDSA_SHA256; OP-TEE 3.19 TEE_ALG_ECDSA_P256. */
#if defined(TEE_ALG_ECDSA_P256)
#define ALG_ECDSA TEE_ALG_ECDSA_P256
#elif defined(TEE_ALG_ECDSA_SHA256)
#define ALG_ECDSA TEE_ALG_ECDSA_SHA256
#endif
#if defined(TEE_TYPE_ECDSA_KEYPAIR) && defined(ALG_ECDSA) && defined(TEE_ATTR_ECC_CURVE) &&        \
    defined(TEE_ECC_CURVE_NIST_P256)
#define HAVE_ECDSA 1
#endif

#define DIGEST_LEN 32 /* SHA-256 */

uint32_t bench_asym_features(void)
{
	uint32_t has = 0;

#ifdef HAVE_RSA
	has |= BENCH_HAS_RSA;
#endif
#ifdef HAVE_ECDSA
	has |= BENCH_HAS_ECDSA;
#endif
	return has;
}

#if defined(HAVE_RSA) || defined(HAVE_ECDSA)

struct scheme {
	uint32_t type; /* key pair object type */
	uint32_t bits;
	uint32_t alg;
};

/* The scheme of a BENCH_ALG_* and the session's key slot for it; false if none. */
static bool scheme_of(struct bench_session *s, uint32_t which, struct scheme *sc,
		      TEE_ObjectHandle **key)
{
#ifdef HAVE_RSA
	if (which == BENCH_ALG_RSA2048) {
		*sc = (struct scheme){TEE_TYPE_RSA_KEYPAIR, 2048, TEE_ALG_RSASSA_PKCS1_V1_5_SHA256};
		*key = &s->rsa;
		return true;
	}
#endif
#ifdef HAVE_ECDSA
	if (which == BENCH_ALG_ECDSA_P256) {
		*sc = (struct scheme){TEE_TYPE_ECDSA_KEYPAIR, 256, ALG_ECDSA};
		*key = &s->ecdsa;
		return true;
	}
#endif
	return false;
}

TEE_Result bench_keygen(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	TEE_ObjectHandle *key, obj;
	TEE_Attribute curve[1];
	uint32_t ncurve = 0;
	struct scheme sc;
	TEE_Result res;

	if (types != PARAMS(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!scheme_of(s, params[0].value.a, &sc, &key))
		return TEE_ERROR_NOT_SUPPORTED;
#ifdef HAVE_ECDSA
	/* ECC key generation takes the curve as a parameter (GP 6.2.3, Table 6-14). */
	if (params[0].value.a == BENCH_ALG_ECDSA_P256)
		TEE_InitValueAttribute(&curve[ncurve++], TEE_ATTR_ECC_CURVE,
				       TEE_ECC_CURVE_NIST_P256, 0);
#endif
	res = TEE_AllocateTransientObject(sc.type, sc.bits, &obj);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_GenerateKey(obj, sc.bits, curve, ncurve);
	if (res != TEE_SUCCESS) {
		TEE_FreeTransientObject(obj);
		return res;
	}
	if (*key != TEE_HANDLE_NULL)
		TEE_FreeTransientObject(*key);
	*key = obj;
	return TEE_SUCCESS;
}

/* An operation of the session's key for it, in mode; BAD_STATE before BENCH_CMD_KEYGEN. */
static TEE_Result key_operation(struct bench_session *s, uint32_t which, uint32_t mode,
				TEE_OperationHandle *op)
{
	TEE_ObjectHandle *key;
	struct scheme sc;
	TEE_Result res;

	if (!scheme_of(s, which, &sc, &key))
		return TEE_ERROR_NOT_SUPPORTED;
	if (*key == TEE_HANDLE_NULL)
		return TEE_ERROR_BAD_STATE;
	res = TEE_AllocateOperation(op, sc.alg, mode, sc.bits);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_SetOperationKey(*op, *key);
	if (res != TEE_SUCCESS)
		TEE_FreeOperation(*op);
	return res;
}

TEE_Result bench_sign(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	TEE_OperationHandle op;
	TEE_Result res;
	bench_len_t len;

	if (types != PARAMS(VALUE_INPUT, MEMREF_INPUT, MEMREF_OUTPUT, NONE) ||
	    params[1].memref.size != DIGEST_LEN)
		return TEE_ERROR_BAD_PARAMETERS;
	res = key_operation(s, params[0].value.a, TEE_MODE_SIGN, &op);
	if (res != TEE_SUCCESS)
		return res;
	len = params[2].memref.size;
	res = TEE_AsymmetricSignDigest(op, NULL, 0, params[1].memref.buffer, DIGEST_LEN,
				       params[2].memref.buffer, &len);
	params[2].memref.size = len;
	TEE_FreeOperation(op);
	return res;
}

TEE_Result bench_verify(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	TEE_OperationHandle op;
	TEE_Result res;

	if (types != PARAMS(VALUE_INPUT, MEMREF_INPUT, MEMREF_INPUT, NONE) ||
	    params[1].memref.size != DIGEST_LEN)
		return TEE_ERROR_BAD_PARAMETERS;
	res = key_operation(s, params[0].value.a, TEE_MODE_VERIFY, &op);
	if (res != TEE_SUCCESS)
		return res;
	res = TEE_AsymmetricVerifyDigest(op, NULL, 0, params[1].memref.buffer, DIGEST_LEN,
					 params[2].memref.buffer, params[2].memref.size);
	TEE_FreeOperation(op);
	return res;
}

void bench_asym_free(struct bench_session *s)
{
	if (s->rsa != TEE_HANDLE_NULL)
		TEE_FreeTransientObject(s->rsa);
	if (s->ecdsa != TEE_HANDLE_NULL)
		TEE_FreeTransientObject(s->ecdsa);
	s->rsa = TEE_HANDLE_NULL;
	s->ecdsa = TEE_HANDLE_NULL;
}

#else /* neither RSA nor ECDSA in the dev kit */

TEE_Result bench_keygen(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result bench_sign(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	return TEE_ERROR_NOT_SUPPORTED;
}

TEE_Result bench_verify(struct bench_session *s, uint32_t types, TEE_Param params[4])
{
	return TEE_ERROR_NOT_SUPPORTED;
}

void bench_asym_free(struct bench_session *s)
{
}

#endif
