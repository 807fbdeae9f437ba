// SPDX-License-Identifier: BSD-2-Clause
/*
 * The mechanisms the token implements, and nothing else (C_GetMechanismList, PKCS#11 v2.40
 * 5.5). Key sizes as PKCS#11 Current Mechanisms gives them for each: bits for RSA, EC and
 * generic secret generation, bytes for AES and HMAC keys.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

#define EC_FLAGS (P11_CKF_EC_F_P | P11_CKF_EC_NAMEDCURVE | P11_CKF_EC_UNCOMPRESS)
#define SV	 (P11_CKF_SIGN | P11_CKF_VERIFY)
#define WU	 (P11_CKF_WRAP | P11_CKF_UNWRAP)

static const struct {
	uint32_t id;
	struct p11_mechanism_info info;
} mechs[] = {
    {P11_CKM_MD5, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_SHA_1, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_SHA224, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_SHA256, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_SHA384, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_SHA512, {0, 0, P11_CKF_DIGEST}},
    {P11_CKM_AES_KEY_GEN, {16, 32, P11_CKF_GENERATE}},
    {P11_CKM_AES_ECB, {16, 32, P11_CKF_ENCRYPT | P11_CKF_DECRYPT | WU}},
    {P11_CKM_AES_CBC, {16, 32, P11_CKF_ENCRYPT | P11_CKF_DECRYPT | WU}},
    {P11_CKM_AES_CBC_PAD, {16, 32, P11_CKF_ENCRYPT | P11_CKF_DECRYPT | WU}},
    {P11_CKM_AES_ECB_ENCRYPT_DATA, {16, 32, P11_CKF_DERIVE}},
    {P11_CKM_AES_CBC_ENCRYPT_DATA, {16, 32, P11_CKF_DERIVE}},
    {P11_CKM_AES_CTR, {16, 32, P11_CKF_ENCRYPT | P11_CKF_DECRYPT}},
    {P11_CKM_AES_CTS, {16, 32, P11_CKF_ENCRYPT | P11_CKF_DECRYPT}},
    {P11_CKM_AES_CMAC, {16, 32, SV}},
    {P11_CKM_AES_CMAC_GENERAL, {16, 32, SV}},
    {P11_CKM_GENERIC_SECRET_KEY_GEN, {8, 8 * P11_SECRET_MAX, P11_CKF_GENERATE}},
    {P11_CKM_EC_KEY_PAIR_GEN, {256, 521, P11_CKF_GENERATE_KEY_PAIR | EC_FLAGS}},
    {P11_CKM_ECDSA, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDSA_SHA1, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDSA_SHA224, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDSA_SHA256, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDSA_SHA384, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDSA_SHA512, {256, 521, SV | EC_FLAGS}},
    {P11_CKM_ECDH1_DERIVE, {256, 521, P11_CKF_DERIVE | EC_FLAGS}},
    {P11_CKM_RSA_PKCS_KEY_PAIR_GEN,
     {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, P11_CKF_GENERATE_KEY_PAIR}},
    {P11_CKM_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_RSA_PKCS_OAEP,
     {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, P11_CKF_ENCRYPT | P11_CKF_DECRYPT}},
    {P11_CKM_SHA1_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA224_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA256_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA384_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA512_RSA_PKCS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA1_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA224_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA256_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA384_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    {P11_CKM_SHA512_RSA_PKCS_PSS, {P11_RSA_MIN_BITS, P11_RSA_MAX_BITS, SV}},
    /*
     * GP's HMAC key sizes (GP TEE Internal Core API v1.3.1 Table 5-9): MD5 8 to 64 bytes, SHA-1 10
     * to 64, SHA-224 14 to 64, SHA-256 24 to 128, SHA-384 and SHA-512 32 to 128
     */
    {P11_CKM_MD5_HMAC, {8, 64, SV}},
    {P11_CKM_SHA_1_HMAC, {10, 64, SV}},
    {P11_CKM_SHA224_HMAC, {14, 64, SV}},
    {P11_CKM_SHA256_HMAC, {24, 128, SV}},
    {P11_CKM_SHA384_HMAC, {32, 128, SV}},
    {P11_CKM_SHA512_HMAC, {32, 128, SV}},
    {P11_CKM_MD5_HMAC_GENERAL, {8, 64, SV}},
    {P11_CKM_SHA_1_HMAC_GENERAL, {10, 64, SV}},
    {P11_CKM_SHA224_HMAC_GENERAL, {14, 64, SV}},
    {P11_CKM_SHA256_HMAC_GENERAL, {24, 128, SV}},
    {P11_CKM_SHA384_HMAC_GENERAL, {32, 128, SV}},
    {P11_CKM_SHA512_HMAC_GENERAL, {32, 128, SV}},
};

#define MECH_COUNT (sizeof(mechs) / sizeof(mechs[0]))

uint32_t p11_mech_ids(uint32_t *ids, size_t max, size_t *count)
{
	*count = MECH_COUNT;
	if (max < MECH_COUNT)
		return P11_CKR_BUFFER_TOO_SMALL;
	for (size_t i = 0; i < MECH_COUNT; i++)
		ids[i] = mechs[i].id;
	return P11_CKR_OK;
}

const struct p11_mechanism_info *p11_mech_info(uint32_t id)
{
	for (size_t i = 0; i < MECH_COUNT; i++)
		if (mechs[i].id == id)
			return &mechs[i].info;
	return NULL;
}

/* A mechanism as libckteec sends it: an attribute head (the CKM as id) and its parameters. */
uint32_t p11_mech_parse(struct p11_args *a, struct p11_mech *m)
{
	if (!p11_get_u32(a, &m->id) || !p11_get_u32(a, &m->len) ||
	    !p11_get_bytes(a, m->len, &m->params))
		return P11_CKR_ARGUMENTS_BAD;
	if (!p11_mech_info(m->id))
		return P11_CKR_MECHANISM_INVALID;
	return P11_CKR_OK;
}
