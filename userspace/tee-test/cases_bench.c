// SPDX-License-Identifier: BSD-2-Clause
/*
 * bench-ta: the benchmark TA (ta/rampart_bench) computes what `make bench` times. Known answers
 * on small inputs (Python's hashlib and cryptography over the bench's fixed key, IV and input
 * pattern), its refusals (wrong parameter types, partial blocks, short buffers, unknown
 * algorithms and commands), and what it says it was built without answering NOT_SUPPORTED: a
 * "not measured" row in make bench then means what it says.
 */
#include <stdio.h>
#include <string.h>

#include <rampart_bench_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define IN_LEN 48 /* three AES blocks */

/* SHA-256, AES-128-CBC and AES-128-GCM (96-bit nonce, 16-byte AAD) of in[i] = i * 7 + 1. */
static const uint8_t sha256_kat[32] = {
    0x9c, 0xf4, 0x0e, 0xe1, 0xd5, 0x7c, 0x7c, 0xe9, 0xce, 0xeb, 0xcc, 0x47, 0x7b, 0x54, 0x8c, 0x08,
    0x9f, 0x2f, 0x18, 0x94, 0x5f, 0x68, 0xc2, 0xac, 0xaf, 0x8b, 0x6c, 0x4a, 0xd3, 0x8b, 0x04, 0x12};
static const uint8_t cbc_kat[IN_LEN] = {
    0xdf, 0xb6, 0x75, 0x35, 0x57, 0xf8, 0x33, 0x0c, 0x02, 0x10, 0xc0, 0xb3, 0x7f, 0xef, 0xa7, 0x17,
    0xe8, 0xcd, 0xc6, 0xe4, 0x26, 0x7e, 0x16, 0x88, 0x84, 0x3e, 0x29, 0x08, 0x9d, 0x09, 0xbe, 0xff,
    0xee, 0x02, 0xc9, 0xa9, 0x38, 0x50, 0xdd, 0xdc, 0x19, 0x02, 0x84, 0xb6, 0x10, 0x09, 0xba, 0x59};
static const uint8_t gcm_kat[IN_LEN] = {
    0xfc, 0x80, 0xdf, 0xd4, 0x9a, 0xa7, 0x46, 0xa5, 0x80, 0xf7, 0x5a, 0xbe, 0x96, 0xdb, 0x49, 0x4d,
    0xde, 0x5f, 0xeb, 0x0e, 0x5b, 0x44, 0x56, 0x80, 0xa1, 0x15, 0x4e, 0xf8, 0x97, 0xc7, 0x8e, 0x5a,
    0x8c, 0xf4, 0xf4, 0xef, 0xd5, 0x9e, 0x5a, 0x2f, 0xcb, 0x19, 0xfb, 0xc6, 0xcf, 0xf6, 0x0a, 0x8c};
static const uint8_t gcm_tag_kat[16] = {0xb0, 0x5f, 0x90, 0x28, 0xfa, 0x15, 0x47, 0x03,
					0x7c, 0x24, 0x56, 0x47, 0x51, 0xc8, 0xf1, 0x76};

/* cmd with p0 VALUE_INPUT a = alg, p1 MEMREF_TEMP_INPUT in, p2/p3 MEMREF_TEMP_OUTPUT (p3 if
 * out2); sizes come back through out_len and out2_len. */
static TEEC_Result run(TEEC_Session *s, uint32_t cmd, uint32_t alg, const void *in, size_t in_len,
		       void *out, size_t *out_len, void *out2, size_t *out2_len, uint32_t *origin)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
			     out2 ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_NONE);
	op.params[0].value.a = alg;
	op.params[1].tmpref.buffer = (void *)in;
	op.params[1].tmpref.size = in_len;
	op.params[2].tmpref.buffer = out;
	op.params[2].tmpref.size = *out_len;
	op.params[3].tmpref.buffer = out2;
	op.params[3].tmpref.size = out2_len ? *out2_len : 0;
	*origin = 0;
	res = TEEC_InvokeCommand(s, cmd, &op, origin);
	*out_len = op.params[2].tmpref.size;
	if (out2_len)
		*out2_len = op.params[3].tmpref.size;
	return res;
}

static bool known_answers(TEEC_Session *s, const uint8_t *in)
{
	uint8_t out[IN_LEN], tag[16];
	size_t len = 32, tag_len = sizeof(tag);
	uint32_t origin;
	TEEC_Result res;

	res =
	    run(s, BENCH_CMD_DIGEST, BENCH_ALG_SHA256, in, IN_LEN, out, &len, NULL, NULL, &origin);
	if (!expect_res("DIGEST(SHA-256)", res, origin, TEEC_SUCCESS))
		return false;
	if (len != 32 || memcmp(out, sha256_kat, 32))
		return fail("SHA-256 of the bench pattern: wrong digest (%zu bytes)", len);
	len = sizeof(out);
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_CBC, in, IN_LEN, out, &len, NULL, NULL,
		  &origin);
	if (!expect_res("CIPHER(AES-128-CBC)", res, origin, TEEC_SUCCESS))
		return false;
	if (len != IN_LEN || memcmp(out, cbc_kat, IN_LEN))
		return fail("AES-128-CBC of the bench pattern: wrong ciphertext (%zu bytes)", len);
	len = sizeof(out);
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_GCM, in, IN_LEN, out, &len, tag, &tag_len,
		  &origin);
	if (!expect_res("CIPHER(AES-128-GCM)", res, origin, TEEC_SUCCESS))
		return false;
	if (len != IN_LEN || memcmp(out, gcm_kat, IN_LEN))
		return fail("AES-128-GCM of the bench pattern: wrong ciphertext (%zu bytes)", len);
	if (tag_len != sizeof(tag) || memcmp(tag, gcm_tag_kat, sizeof(tag)))
		return fail("AES-128-GCM of the bench pattern: wrong tag (%zu bytes)", tag_len);
	return true;
}

static bool refusals(TEEC_Session *s, const uint8_t *in)
{
	uint8_t out[IN_LEN], tag[16];
	size_t len = 16, tag_len = 8;
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;

	/* A digest that does not fit: SHORT_BUFFER with the size it needs (GP 6.3.4). */
	res =
	    run(s, BENCH_CMD_DIGEST, BENCH_ALG_SHA256, in, IN_LEN, out, &len, NULL, NULL, &origin);
	if (!expect_res("DIGEST into 16 bytes", res, origin, TEEC_ERROR_SHORT_BUFFER))
		return false;
	if (len != 32)
		return fail("DIGEST into 16 bytes: asked for %zu bytes, not 32", len);
	len = sizeof(out);
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_CBC, in, IN_LEN - 1, out, &len, NULL, NULL,
		  &origin);
	if (!expect_res("CBC of a partial block", res, origin, TEEC_ERROR_BAD_PARAMETERS))
		return false;
	len = IN_LEN - 16;
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_CBC, in, IN_LEN, out, &len, NULL, NULL,
		  &origin);
	if (!expect_res("CBC into a short output", res, origin, TEEC_ERROR_SHORT_BUFFER))
		return false;
	if (len != IN_LEN)
		return fail("CBC into a short output: asked for %zu bytes, not %d", len, IN_LEN);
	len = sizeof(out);
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_GCM, in, IN_LEN, out, &len, tag, &tag_len,
		  &origin);
	if (!expect_res("GCM with an 8-byte tag buffer", res, origin, TEEC_ERROR_SHORT_BUFFER))
		return false;
	len = sizeof(out);
	res = run(s, BENCH_CMD_CIPHER, BENCH_ALG_AES128_GCM, in, IN_LEN, out, &len, NULL, NULL,
		  &origin);
	if (!expect_res("GCM without a tag parameter", res, origin, TEEC_ERROR_BAD_PARAMETERS))
		return false;
	len = sizeof(out);
	res = run(s, BENCH_CMD_DIGEST, BENCH_ALG_AES128_CBC, in, IN_LEN, out, &len, NULL, NULL,
		  &origin);
	if (!expect_res("DIGEST with a cipher's selector", res, origin, TEEC_ERROR_NOT_SUPPORTED))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, BENCH_CMD_INOUT, &op, &origin);
	if (!expect_res("INOUT with VALUE_INPUT", res, origin, TEEC_ERROR_BAD_PARAMETERS))
		return false;
	res = TEEC_InvokeCommand(s, 0x7fff, &op, &origin);
	return expect_res("an unknown command", res, origin, TEEC_ERROR_NOT_SUPPORTED);
}

/* What the TA was built without must answer NOT_SUPPORTED, from the TA (origin TRUSTED_APP). */
static bool missing_apis(TEEC_Session *s)
{
	static const struct {
		uint32_t bit, cmd, alg;
		const char *what;
	} apis[] = {
	    {BENCH_HAS_RSA, BENCH_CMD_KEYGEN, BENCH_ALG_RSA2048, "KEYGEN(RSA-2048)"},
	    {BENCH_HAS_ECDSA, BENCH_CMD_KEYGEN, BENCH_ALG_ECDSA_P256, "KEYGEN(ECDSA P-256)"},
	    {BENCH_HAS_STORAGE, BENCH_CMD_STORE_DELETE, 0, "STORE_DELETE"}};
	TEEC_Operation op;
	uint32_t origin = 0, features;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, BENCH_CMD_FEATURES, &op, &origin);
	if (!expect_res("FEATURES", res, origin, TEEC_SUCCESS))
		return false;
	features = op.params[0].value.a;
	if (features & ~(BENCH_HAS_RSA | BENCH_HAS_ECDSA | BENCH_HAS_STORAGE))
		return fail("FEATURES: unknown bits 0x%x", features);
	printf("bench-ta: built with RSA %s, ECDSA %s, storage %s\n",
	       features & BENCH_HAS_RSA ? "yes" : "no", features & BENCH_HAS_ECDSA ? "yes" : "no",
	       features & BENCH_HAS_STORAGE ? "yes" : "no");
	for (size_t i = 0; i < sizeof(apis) / sizeof(apis[0]); i++) {
		if (features & apis[i].bit)
			continue;
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    apis[i].cmd == BENCH_CMD_KEYGEN
			? TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE)
			: TEEC_PARAM_TYPES(TEEC_NONE, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = apis[i].alg;
		res = TEEC_InvokeCommand(s, apis[i].cmd, &op, &origin);
		if (!expect_res(apis[i].what, res, origin, TEEC_ERROR_NOT_SUPPORTED))
			return false;
		if (origin != TEEC_ORIGIN_TRUSTED_APP)
			return fail("%s: NOT_SUPPORTED from origin %u, not the TA", apis[i].what,
				    origin);
	}
	return true;
}

bool case_bench_ta(TEEC_Context *ctx)
{
	uint8_t in[IN_LEN];
	TEEC_Session s;
	bool ok;

	for (size_t i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7 + 1);
	if (!open_session(ctx, &s, &bench_ta_uuid, "OpenSession(benchmark TA)"))
		return false;
	ok = known_answers(&s, in) && refusals(&s, in) && missing_apis(&s);
	TEEC_CloseSession(&s);
	return ok;
}
