/* SPDX-License-Identifier: BSD-2-Clause */
/* What the GP crypto test TA's files share. */
#ifndef CRYPTO_TA_H
#define CRYPTO_TA_H

#include <tee_internal_api.h>

/* One known-answer vector (kat_vectors.h, generated from Debian's cryptography vectors). */
struct kat {
	uint32_t family; /* KAT_* */
	uint32_t alg;
	uint32_t key_type;
	uint32_t decrypt;
	const uint8_t *key;
	uint32_t key_len;
	const uint8_t *iv;
	uint32_t iv_len;
	const uint8_t *in;
	uint32_t in_len;
	const uint8_t *out;
	uint32_t out_len;
	const char *src;
	const uint8_t *aad; /* KAT_AE: additional data and the expected tag */
	uint32_t aad_len;
	const uint8_t *tag;
	uint32_t tag_len;
};

/*
 * A check: counted in *checks; on failure logs what and where and returns false. CHECK_RES
 * compares a TEE_Result with the one expected.
 */
bool check(bool ok, const char *what, int line, uint32_t *checks);
#define CHECK(cond, checks)	     check((cond), #cond, __LINE__, (checks))
#define CHECK_RES(res, want, checks) check((res) == (want), #res " == " #want, __LINE__, (checks))

/* A key object of the type with the bytes given, extractable; TEE_HANDLE_NULL if refused. */
TEE_ObjectHandle make_key(uint32_t type, const void *key, size_t len);

/* An operation of the vector's algorithm in mode with its key set; TEE_HANDLE_NULL if refused. */
TEE_OperationHandle keyed_op(const struct kat *v, uint32_t mode);
/* The operation's maxKeySize for the vector (AES-XTS: its two keys together). */
uint32_t kat_key_bits(const struct kat *v);
/* Odd part sizes for multi-part runs, cycled by i. */
size_t part(unsigned int i);
bool ae_vector(const struct kat *v, uint32_t *checks);
/* AES-CTS: what each TEE_CipherUpdate gives and holds back (crypto_kat_cts.c). */
bool cts_vector(const struct kat *v, uint32_t *checks);

TEE_Result kat_run(uint32_t family, uint32_t *vectors, uint32_t *checks);
TEE_Result errors_run(uint32_t *checks);
TEE_Result keys_run(uint32_t *checks);
void panic_run(uint32_t which);

#endif
