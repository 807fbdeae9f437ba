// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee-test --bench: the figures of `make bench` (tests/bench/, docs/benchmarks.md), measured in
 * the guest through the benchmark TA (ta/rampart_bench), which builds unchanged against OP-TEE's
 * dev kit, so the same binary measures the same code on Rampart and on the reference:
 *   first-load-ms        the first OpenSession to the benchmark TA after boot (load through
 *                        tee-supplicant, verification, instance creation) plus its close
 *   invoke-us            mean TEEC_InvokeCommand with one value parameter, over INVOKES calls
 *   open-close-ms        mean OpenSession + CloseSession, over OPENS rounds
 *   invoke-pta-us        the same invoke on Rampart's statistics pseudo-TA (no TA entry at S-EL0);
 *                        skipped where there is none
 *   invoke-fpu-us        the same invoke on Rampart's FP/SIMD test TA, which loads all its FP/SIMD
 *                        registers each call (ta/rampart_fpu FILL): the lazy FP switch's whole
 *                        cost; skipped where that TA does not load
 *   sha256-mibps, aes128-cbc-mibps, aes128-gcm-mibps
 *                        1 MiB from one shared buffer digested / encrypted into another, best of
 *                        RUNS; "check" lines carry the digest, the last CBC block and the GCM tag
 *   rsa2048-sign-per-s, ecdsa-p256-sign-per-s
 *                        signatures of a SHA-256 digest, one invoke each, for at least SIGN_MS
 *   store-write-ms, store-read-ms
 *                        median over STORE_ROUNDS of creating + writing a 4 KiB persistent object,
 *                        and of opening + reading it back (compared with what was written)
 * Lines: "tee-bench: <figure> <value>", "tee-bench: check <figure> <hex>", "tee-bench: skip
 * <figure> <reason>" for what this TEE does not offer, "tee-bench: error <what>" for failures.
 * Run it on a fresh boot: "first load" only means something before any other session.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_bench_ta.h>
#include <rampart_fpu_ta.h>
#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define INVOKES	     1000
#define OPENS	     50
#define RUNS	     5
#define BULK	     (1u << 20)
#define SIGN_MS	     1000.0
#define SIGN_MAX     200
#define STORE_ROUNDS 15
#define STORE_SIZE   4096
/* GP TEE Internal Core API Table 3-3; the Client API header has no name for it. */
#define TEE_ERROR_SIGNATURE_INVALID 0xFFFF3072u

struct bench {
	TEEC_Context *ctx;
	TEEC_Session s;
	uint32_t features;
	int errors;
};

static void error(struct bench *b, const char *what, TEEC_Result res, uint32_t origin)
{
	printf("tee-bench: error %s: 0x%08x (%s), origin %u\n", what, res,
	       res_name(res) ? res_name(res) : "?", origin);
	b->errors++;
}

/* "not measured": what this TEE or the TA's dev kit lacks, said plainly. */
static void skip(const char *figure, const char *why, TEEC_Result res)
{
	if (res)
		printf("tee-bench: skip %s %s: %s\n", figure, why,
		       res_name(res) ? res_name(res) : "error");
	else
		printf("tee-bench: skip %s %s\n", figure, why);
}

static void print_hex(const char *figure, const uint8_t *p, size_t n)
{
	printf("tee-bench: check %s ", figure);
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
	printf("\n");
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static TEEC_Result invoke(struct bench *b, uint32_t cmd, TEEC_Operation *op, uint32_t *origin)
{
	*origin = 0;
	return TEEC_InvokeCommand(&b->s, cmd, op, origin);
}

/* The call path: first load, invoke, open + close; the statistics PTA where there is one. */
static bool bench_calls(struct bench *b)
{
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;
	double t0, first, invoke_us, open_close;
	int i;

	t0 = now_ms();
	res = try_open(b->ctx, &b->s, &bench_ta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		error(b, "first OpenSession(benchmark TA)", res, origin);
		return false;
	}
	TEEC_CloseSession(&b->s);
	first = now_ms() - t0;
	printf("tee-bench: first-load-ms %.3f\n", first);

	res = try_open(b->ctx, &b->s, &bench_ta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		error(b, "OpenSession(benchmark TA)", res, origin);
		return false;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	/* One warm-up call, then the measured ones; the result is checked on every call. */
	for (i = -1; i < INVOKES; i++) {
		uint32_t a = op.params[0].value.a;

		if (i == 0)
			t0 = now_ms();
		res = invoke(b, BENCH_CMD_INOUT, &op, &origin);
		if (res != TEEC_SUCCESS || op.params[0].value.a != a + 1) {
			TEEC_CloseSession(&b->s);
			error(b, "InvokeCommand(INOUT)", res, origin);
			return false;
		}
	}
	invoke_us = (now_ms() - t0) * 1e3 / INVOKES;
	TEEC_CloseSession(&b->s);
	printf("tee-bench: invoke-us %.3f (mean of %d)\n", invoke_us, INVOKES);

	t0 = now_ms();
	for (i = 0; i < OPENS; i++) {
		res = try_open(b->ctx, &b->s, &bench_ta_uuid, &origin);
		if (res != TEEC_SUCCESS) {
			error(b, "OpenSession(benchmark TA)", res, origin);
			return false;
		}
		TEEC_CloseSession(&b->s);
	}
	open_close = (now_ms() - t0) / OPENS;
	printf("tee-bench: open-close-ms %.3f (mean of %d)\n", open_close, OPENS);
	return true;
}

/* Rampart's statistics pseudo-TA: the invoke path without entering a TA. */
static void bench_pta(struct bench *b)
{
	TEEC_Session pta;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	double t0 = 0;

	res = try_open(b->ctx, &pta, &stats_pta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		skip("invoke-pta-us", "no Rampart statistics pseudo-TA", res);
		return;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	for (int i = -1; i < INVOKES; i++) {
		if (i == 0)
			t0 = now_ms();
		res = TEEC_InvokeCommand(&pta, STATS_CMD_MEMORY, &op, &origin);
		if (res != TEEC_SUCCESS) {
			TEEC_CloseSession(&pta);
			error(b, "InvokeCommand(statistics PTA)", res, origin);
			return;
		}
	}
	printf("tee-bench: invoke-pta-us %.3f (mean of %d)\n", (now_ms() - t0) * 1e3 / INVOKES,
	       INVOKES);
	TEEC_CloseSession(&pta);
}

/* Rampart's FP/SIMD test TA: an invoke whose TA loads all its FP/SIMD registers each call. */
static void bench_fpu(struct bench *b)
{
	TEEC_Session fpu;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	double t0 = 0;

	res = try_open(b->ctx, &fpu, &fpu_ta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		skip("invoke-fpu-us", "no Rampart FP/SIMD test TA", res);
		return;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	for (int i = -1; i < INVOKES; i++) {
		if (i == 0)
			t0 = now_ms();
		res = TEEC_InvokeCommand(&fpu, FPU_CMD_FILL, &op, &origin);
		if (res != TEEC_SUCCESS) {
			TEEC_CloseSession(&fpu);
			error(b, "InvokeCommand(fpu FILL)", res, origin);
			return;
		}
	}
	printf("tee-bench: invoke-fpu-us %.3f (mean of %d)\n", (now_ms() - t0) * 1e3 / INVOKES,
	       INVOKES);
	TEEC_CloseSession(&fpu);
}

/* Best of RUNS of one 1 MiB operation: the guest shares the host's cores with everything else. */
static void bench_bulk(struct bench *b, TEEC_SharedMemory *in, TEEC_SharedMemory *out)
{
	static const struct {
		uint32_t cmd, alg;
		const char *figure;
	} figs[] = {{BENCH_CMD_DIGEST, BENCH_ALG_SHA256, "sha256-mibps"},
		    {BENCH_CMD_CIPHER, BENCH_ALG_AES128_CBC, "aes128-cbc-mibps"},
		    {BENCH_CMD_CIPHER, BENCH_ALG_AES128_GCM, "aes128-gcm-mibps"}};
	uint8_t tag[16];

	for (size_t f = 0; f < sizeof(figs) / sizeof(figs[0]); f++) {
		bool gcm = figs[f].alg == BENCH_ALG_AES128_GCM;
		size_t out_size = figs[f].cmd == BENCH_CMD_DIGEST ? 32 : BULK;
		double best = 0;
		TEEC_Operation op;
		uint32_t origin;
		TEEC_Result res;

		for (int run = 0; run < RUNS; run++) {
			double t0;

			memset(&op, 0, sizeof(op));
			op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_WHOLE,
							 TEEC_MEMREF_PARTIAL_OUTPUT,
							 gcm ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_NONE);
			op.params[0].value.a = figs[f].alg;
			op.params[1].memref.parent = in;
			op.params[2].memref.parent = out;
			op.params[2].memref.size = out_size;
			op.params[3].tmpref.buffer = tag;
			op.params[3].tmpref.size = sizeof(tag);
			t0 = now_ms();
			res = invoke(b, figs[f].cmd, &op, &origin);
			t0 = now_ms() - t0;
			if (res != TEEC_SUCCESS) {
				error(b, figs[f].figure, res, origin);
				break;
			}
			if (op.params[2].memref.size != out_size ||
			    (gcm && op.params[3].tmpref.size != sizeof(tag))) {
				printf("tee-bench: error %s: output of %zu bytes, expected %zu\n",
				       figs[f].figure, op.params[2].memref.size, out_size);
				b->errors++;
				break;
			}
			if (!best || t0 < best)
				best = t0;
		}
		if (!best)
			continue;
		printf("tee-bench: %s %.2f (best of %d)\n", figs[f].figure,
		       (BULK / 1048576.0) * 1000.0 / best, RUNS);
		if (gcm)
			print_hex("aes128-gcm", tag, sizeof(tag));
		else if (figs[f].cmd == BENCH_CMD_DIGEST)
			print_hex("sha256", out->buffer, 32);
		else
			print_hex("aes128-cbc", (uint8_t *)out->buffer + BULK - 16, 16);
	}
}

/* Signatures per second with a key pair generated for the session, then one verified. */
static void bench_sign(struct bench *b, uint32_t alg, uint32_t feature, const char *figure,
		       const char *what)
{
	uint8_t digest[32], sig[512];
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;
	size_t sig_len = 0;
	double t0, elapsed = 0;
	int n;

	if (!(b->features & feature)) {
		printf("tee-bench: skip %s the TA's dev kit has no %s API\n", figure, what);
		return;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = alg;
	res = invoke(b, BENCH_CMD_KEYGEN, &op, &origin);
	if (res == TEEC_ERROR_NOT_SUPPORTED) {
		skip(figure, "TEE_GenerateKey", res);
		return;
	}
	if (res != TEEC_SUCCESS) {
		error(b, figure, res, origin);
		return;
	}
	for (size_t i = 0; i < sizeof(digest); i++)
		digest[i] = (uint8_t)(i * 7 + 1);
	t0 = now_ms();
	for (n = 0; n < SIGN_MAX && (n < 3 || elapsed < SIGN_MS); n++) {
		digest[0] = (uint8_t)n; /* a different message each time */
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE);
		op.params[0].value.a = alg;
		op.params[1].tmpref.buffer = digest;
		op.params[1].tmpref.size = sizeof(digest);
		op.params[2].tmpref.buffer = sig;
		op.params[2].tmpref.size = sizeof(sig);
		res = invoke(b, BENCH_CMD_SIGN, &op, &origin);
		if (res == TEEC_ERROR_NOT_SUPPORTED && n == 0) {
			skip(figure, "TEE_AsymmetricSignDigest", res);
			return;
		}
		if (res != TEEC_SUCCESS) {
			error(b, figure, res, origin);
			return;
		}
		sig_len = op.params[2].tmpref.size;
		elapsed = now_ms() - t0;
	}
	printf("tee-bench: %s %.2f (%d signatures)\n", figure, n * 1000.0 / elapsed, n);

	/* The last signature must verify, and fail once one bit of it flips. */
	for (int flip = 0; flip < 2; flip++) {
		TEEC_Result want = flip ? TEE_ERROR_SIGNATURE_INVALID : TEEC_SUCCESS;

		sig[sig_len / 2] ^= (uint8_t)flip;
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_INPUT,
						 TEEC_MEMREF_TEMP_INPUT, TEEC_NONE);
		op.params[0].value.a = alg;
		op.params[1].tmpref.buffer = digest;
		op.params[1].tmpref.size = sizeof(digest);
		op.params[2].tmpref.buffer = sig;
		op.params[2].tmpref.size = sig_len;
		res = invoke(b, BENCH_CMD_VERIFY, &op, &origin);
		if (res != want) {
			printf("tee-bench: error %s: verify%s answered 0x%08x\n", figure,
			       flip ? " of an altered signature" : "", res);
			b->errors++;
			return;
		}
	}
}

static TEEC_Result store(struct bench *b, uint32_t cmd, TEEC_SharedMemory *data, uint32_t *origin,
			 uint32_t *count)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	if (cmd == BENCH_CMD_STORE_DELETE)
		op.paramTypes = 0;
	else
		op.paramTypes =
		    TEEC_PARAM_TYPES(cmd == BENCH_CMD_STORE_READ ? TEEC_VALUE_OUTPUT : TEEC_NONE,
				     TEEC_MEMREF_WHOLE, TEEC_NONE, TEEC_NONE);
	op.params[1].memref.parent = data;
	res = invoke(b, cmd, &op, origin);
	if (count)
		*count = op.params[0].value.a;
	return res;
}

/* Create + write a 4 KiB object, read it back and compare, delete it: STORE_ROUNDS times. */
static void bench_store(struct bench *b)
{
	TEEC_SharedMemory in = {.size = STORE_SIZE, .flags = TEEC_MEM_INPUT};
	TEEC_SharedMemory out = {.size = STORE_SIZE, .flags = TEEC_MEM_OUTPUT};
	double write_ms[STORE_ROUNDS], read_ms[STORE_ROUNDS], t0;
	uint32_t origin, count;
	TEEC_Result res;
	int r;

	if (!(b->features & BENCH_HAS_STORAGE)) {
		printf(
		    "tee-bench: skip store-write-ms the TA's dev kit has no trusted storage API\n");
		printf(
		    "tee-bench: skip store-read-ms the TA's dev kit has no trusted storage API\n");
		return;
	}
	if (TEEC_AllocateSharedMemory(b->ctx, &in) != TEEC_SUCCESS) {
		error(b, "AllocateSharedMemory(4 KiB)", TEEC_ERROR_OUT_OF_MEMORY, 0);
		return;
	}
	if (TEEC_AllocateSharedMemory(b->ctx, &out) != TEEC_SUCCESS) {
		TEEC_ReleaseSharedMemory(&in);
		error(b, "AllocateSharedMemory(4 KiB)", TEEC_ERROR_OUT_OF_MEMORY, 0);
		return;
	}
	/* An object left by an interrupted run would not change the figures; remove it anyway. */
	store(b, BENCH_CMD_STORE_DELETE, NULL, &origin, NULL);
	for (r = 0; r < STORE_ROUNDS; r++) {
		for (size_t i = 0; i < STORE_SIZE; i++)
			((uint8_t *)in.buffer)[i] = (uint8_t)(i * 13 + r);
		memset(out.buffer, 0, STORE_SIZE);
		t0 = now_ms();
		res = store(b, BENCH_CMD_STORE_WRITE, &in, &origin, NULL);
		write_ms[r] = now_ms() - t0;
		if (res == TEEC_ERROR_NOT_SUPPORTED && r == 0) {
			skip("store-write-ms", "TEE_CreatePersistentObject", res);
			skip("store-read-ms", "TEE_CreatePersistentObject", res);
			goto out;
		}
		if (res != TEEC_SUCCESS) {
			error(b, "store-write-ms", res, origin);
			goto out;
		}
		t0 = now_ms();
		res = store(b, BENCH_CMD_STORE_READ, &out, &origin, &count);
		read_ms[r] = now_ms() - t0;
		if (res != TEEC_SUCCESS) {
			error(b, "store-read-ms", res, origin);
			goto out;
		}
		if (count != STORE_SIZE || memcmp(in.buffer, out.buffer, STORE_SIZE)) {
			printf("tee-bench: error store-read-ms: read back %u bytes, not what was "
			       "written\n",
			       count);
			b->errors++;
			goto out;
		}
		res = store(b, BENCH_CMD_STORE_DELETE, NULL, &origin, NULL);
		if (res != TEEC_SUCCESS) {
			error(b, "store delete", res, origin);
			goto out;
		}
	}
	printf("tee-bench: store-write-ms %.3f (median of %d)\n", median(write_ms, r), r);
	printf("tee-bench: store-read-ms %.3f (median of %d)\n", median(read_ms, r), r);
out:
	TEEC_ReleaseSharedMemory(&out);
	TEEC_ReleaseSharedMemory(&in);
}

/* Crypto and storage in one session of the benchmark TA. */
static void bench_work(struct bench *b)
{
	TEEC_SharedMemory in = {.size = BULK, .flags = TEEC_MEM_INPUT};
	TEEC_SharedMemory out = {.size = BULK, .flags = TEEC_MEM_OUTPUT};
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;

	res = try_open(b->ctx, &b->s, &bench_ta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		error(b, "OpenSession(benchmark TA)", res, origin);
		return;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = invoke(b, BENCH_CMD_FEATURES, &op, &origin);
	if (res != TEEC_SUCCESS) {
		error(b, "InvokeCommand(FEATURES)", res, origin);
		goto close;
	}
	b->features = op.params[0].value.a;
	if (TEEC_AllocateSharedMemory(b->ctx, &in) != TEEC_SUCCESS) {
		error(b, "AllocateSharedMemory(1 MiB)", TEEC_ERROR_OUT_OF_MEMORY, 0);
		goto close;
	}
	if (TEEC_AllocateSharedMemory(b->ctx, &out) != TEEC_SUCCESS) {
		TEEC_ReleaseSharedMemory(&in);
		error(b, "AllocateSharedMemory(1 MiB)", TEEC_ERROR_OUT_OF_MEMORY, 0);
		goto close;
	}
	/* A fixed pattern, so both TEEs' outputs can be checked against each other and the host. */
	for (size_t i = 0; i < BULK; i++)
		((uint8_t *)in.buffer)[i] = (uint8_t)(i * 7 + 1);
	bench_bulk(b, &in, &out);
	TEEC_ReleaseSharedMemory(&out);
	TEEC_ReleaseSharedMemory(&in);
	bench_sign(b, BENCH_ALG_RSA2048, BENCH_HAS_RSA, "rsa2048-sign-per-s", "RSA");
	bench_sign(b, BENCH_ALG_ECDSA_P256, BENCH_HAS_ECDSA, "ecdsa-p256-sign-per-s", "ECDSA");
	bench_store(b);
close:
	TEEC_CloseSession(&b->s);
}

int run_bench(TEEC_Context *ctx)
{
	struct bench b = {.ctx = ctx};

	if (bench_calls(&b)) {
		bench_pta(&b);
		bench_fpu(&b);
		bench_work(&b);
	}
	return b.errors ? 1 : 0;
}
