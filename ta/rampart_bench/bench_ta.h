/* SPDX-License-Identifier: BSD-2-Clause */
/* The benchmark TA's parts (ta/include/rampart_bench_ta.h has the commands). */
#ifndef BENCH_TA_H
#define BENCH_TA_H

#include <tee_internal_api.h>

/*
 * The type of output lengths the API returns through pointers: size_t since the GP TEE Internal
 * Core API v1.2 (whose headers define TEE_CORE_API_MAJOR_VERSION: Rampart's dev kit), uint32_t
 * in v1.1 (OP-TEE 3.19's kit). The same sources build with either.
 */
#ifdef TEE_CORE_API_MAJOR_VERSION
typedef size_t bench_len_t;
#else
typedef uint32_t bench_len_t;
#endif

/* A session's keys, made by BENCH_CMD_KEYGEN and freed with the session. */
struct bench_session {
	TEE_ObjectHandle rsa;
	TEE_ObjectHandle ecdsa;
};

#define PARAMS(a, b, c, d)                                                                         \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b, TEE_PARAM_TYPE_##c,                \
			TEE_PARAM_TYPE_##d)

/* bench_sym.c: BENCH_CMD_DIGEST and BENCH_CMD_CIPHER. */
TEE_Result bench_digest(uint32_t types, TEE_Param params[4]);
TEE_Result bench_cipher(uint32_t types, TEE_Param params[4]);

/* bench_asym.c: BENCH_CMD_KEYGEN, _SIGN and _VERIFY, and the BENCH_HAS_* bits they need. */
uint32_t bench_asym_features(void);
TEE_Result bench_keygen(struct bench_session *s, uint32_t types, TEE_Param params[4]);
TEE_Result bench_sign(struct bench_session *s, uint32_t types, TEE_Param params[4]);
TEE_Result bench_verify(struct bench_session *s, uint32_t types, TEE_Param params[4]);
void bench_asym_free(struct bench_session *s);

/* bench_store.c: BENCH_CMD_STORE_*, and BENCH_HAS_STORAGE if the dev kit has the API. */
uint32_t bench_store_features(void);
TEE_Result bench_store(uint32_t command, uint32_t types, TEE_Param params[4]);

#endif
