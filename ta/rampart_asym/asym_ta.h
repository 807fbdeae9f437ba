/* SPDX-License-Identifier: BSD-2-Clause */
/* What the GP asymmetric test TA's files share. */
#ifndef ASYM_TA_H
#define ASYM_TA_H

#include <asym_vectors.h>
#include <tee_internal_api.h>

/* A check: counted in *checks; on failure logs what and where and returns false. */
bool check(bool ok, const char *what, int line, uint32_t *checks);
#define CHECK(cond, checks)	     check((cond), #cond, __LINE__, (checks))
#define CHECK_RES(res, want, checks) check((res) == (want), #res " == " #want, __LINE__, (checks))

/* A vector's attribute list as GP TEE_Attributes (value attributes: a = len). */
void to_attrs(TEE_Attribute *out, const struct akat_attr *in, uint32_t n);
/* A key object of the vector key: TEE_SUCCESS or what TEE_PopulateTransientObject said. */
TEE_Result load_key(const struct akat_key *k, TEE_ObjectHandle *out);
/* digest = hash(msg) with the GP digest algorithm; its length, 0 if refused. */
size_t digest_of(uint32_t hash, const void *msg, size_t len, uint8_t digest[64]);
/* An operation of alg in mode with key set (maxKeySize: the key's size). */
TEE_OperationHandle keyed(uint32_t alg, uint32_t mode, TEE_ObjectHandle key);
/* The first vector of a family with the given algorithm (0: any), for keys to test with. */
const struct akat *vector_of(uint32_t family, uint32_t alg);
/* TEE_DeriveKey into a new GENERIC_SECRET object; its secret copied to out, *len its size. */
bool derive(TEE_OperationHandle op, const TEE_Attribute *params, uint32_t n, uint8_t *out,
	    size_t *len);

TEE_Result kat_run(uint32_t family, uint32_t *vectors, uint32_t *checks);
TEE_Result errors_run(uint32_t *checks);
TEE_Result keygen_run(uint32_t *checks);
void panic_run(uint32_t which);

#endif
