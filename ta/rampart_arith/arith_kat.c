// SPDX-License-Identifier: BSD-2-Clause
/*
 * Known answers of the GP arithmetical API (GP 8): every operation of every vector of
 * arith_vectors.h, each destination sized for exactly its answer (the tightest size
 * TEE_BigIntSizeInU32 allows), destinations aliasing operands, fast modular multiplication
 * against TEE_BigIntMulMod; primality; the conversions' edges and error returns.
 */
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <trace.h>

#include "arith_ta.h"

#include "arith_vectors.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* dest = f(a, b) into a destination sized for want, then compared with want. */
#define BINARY_OP(fn, x, y, want)                                                                  \
	({                                                                                         \
		TEE_BigInt *d_ = bn_new(num_bits(want));                                           \
		fn(d_, x, y);                                                                      \
		bool ok_ = bn_is(d_, want);                                                        \
		TEE_Free(d_);                                                                      \
		ok_;                                                                               \
	})
#define MOD_OP(fn, x, y, n, want)                                                                  \
	({                                                                                         \
		TEE_BigInt *d_ = bn_new(num_bits(want));                                           \
		fn(d_, x, y, n);                                                                   \
		bool ok_ = bn_is(d_, want);                                                        \
		TEE_Free(d_);                                                                      \
		ok_;                                                                               \
	})

static int32_t sign_of(const struct arith_num *x)
{
	return x->len ? x->sign : 0;
}

/* GP 8.6.1: TEE_BigIntCmp says only negative, zero or positive. */
static int32_t cmp(const TEE_BigInt *x, const TEE_BigInt *y)
{
	int32_t r = TEE_BigIntCmp(x, y);

	return (r > 0) - (r < 0);
}

/* Bezout's coefficients: |u| <= max(1, |b| / gcd), |v| <= max(1, |a| / gcd). */
static uint32_t at_least_one(uint32_t bits)
{
	return bits ? bits : 1;
}

/* gcd = u * a + v * b, with u and v as the TA got them (they are not unique). */
static bool bezout_holds(const TEE_BigInt *g, const TEE_BigInt *u, const TEE_BigInt *v,
			 const TEE_BigInt *a, const TEE_BigInt *b)
{
	TEE_BigInt *ua = bn_new(TEE_BIGINT_MAX_BITS);
	TEE_BigInt *vb = bn_new(TEE_BIGINT_MAX_BITS);
	bool ok;

	TEE_BigIntMul(ua, u, a);
	TEE_BigIntMul(vb, v, b);
	TEE_BigIntAdd(ua, ua, vb);
	ok = cmp(ua, g) == 0;
	TEE_Free(ua);
	TEE_Free(vb);
	return ok;
}

static void gcd_checks(const struct arith_kat *k, const TEE_BigInt *a, const TEE_BigInt *b,
		       uint32_t *checks)
{
	TEE_BigInt *g = bn_new(num_bits(&k->gcd));
	TEE_BigInt *u = bn_new(at_least_one(num_bits(&k->b)));
	TEE_BigInt *v = bn_new(at_least_one(num_bits(&k->a)));

	TEE_BigIntComputeExtendedGcd(g, u, v, a, b);
	CHECK(bn_is(g, &k->gcd));
	CHECK(bezout_holds(g, u, v, a, b));
	TEE_BigIntComputeExtendedGcd(g, NULL, NULL, a, b);
	CHECK(bn_is(g, &k->gcd));
	CHECK(TEE_BigIntRelativePrime(a, b) == (bool)k->rel_prime);
	TEE_Free(g);
	TEE_Free(u);
	TEE_Free(v);
}

static void div_checks(const struct arith_kat *k, const TEE_BigInt *a, const TEE_BigInt *b,
		       uint32_t *checks)
{
	TEE_BigInt *q = bn_new(num_bits(&k->quot));
	TEE_BigInt *r = bn_new(num_bits(&k->rem));

	TEE_BigIntDiv(q, r, a, b);
	CHECK(bn_is(q, &k->quot));
	CHECK(bn_is(r, &k->rem));
	TEE_BigIntInit(q, TEE_BigIntSizeInU32(num_bits(&k->quot)));
	TEE_BigIntDiv(q, NULL, a, b);
	CHECK(bn_is(q, &k->quot));
	TEE_BigIntInit(r, TEE_BigIntSizeInU32(num_bits(&k->rem)));
	TEE_BigIntDiv(NULL, r, a, b);
	CHECK(bn_is(r, &k->rem));
	TEE_Free(q);
	TEE_Free(r);
}

/* ConvertToFMM, ComputeFMM, ConvertFromFMM give TEE_BigIntMulMod's answer. */
static void fmm_checks(const struct arith_kat *k, const TEE_BigInt *a, const TEE_BigInt *b,
		       const TEE_BigInt *n, uint32_t *checks)
{
	uint32_t bits = num_bits(&k->n);
	size_t ctx_len = TEE_BigIntFMMContextSizeInU32(bits);
	size_t fmm_len = TEE_BigIntFMMSizeInU32(bits);
	TEE_BigIntFMMContext *ctx = TEE_Malloc(ctx_len * sizeof(*ctx), 0);
	TEE_BigIntFMM *fa = TEE_Malloc(fmm_len * sizeof(*fa), 0);
	TEE_BigIntFMM *fb = TEE_Malloc(fmm_len * sizeof(*fb), 0);
	TEE_BigInt *r = bn_new(num_bits(&k->mulmod));

	if (!CHECK(ctx && fa && fb))
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	CHECK(TEE_BigIntInitFMMContext1(ctx, ctx_len, n) == TEE_SUCCESS);
	TEE_BigIntInitFMM(fa, fmm_len);
	TEE_BigIntInitFMM(fb, fmm_len);
	TEE_BigIntConvertToFMM(fa, a, n, ctx);
	TEE_BigIntConvertToFMM(fb, b, n, ctx);
	TEE_BigIntComputeFMM(fa, fa, fb, n, ctx);
	TEE_BigIntConvertFromFMM(r, fa, n, ctx);
	CHECK(bn_is(r, &k->mulmod));
	TEE_Free(ctx);
	TEE_Free(fa);
	TEE_Free(fb);
	TEE_Free(r);
}

static void one_vector(const struct arith_kat *k, uint32_t *checks)
{
	TEE_BigInt *a = bn_from(&k->a);
	TEE_BigInt *b = bn_from(&k->b);
	TEE_BigInt *n = bn_from(&k->n);
	uint32_t abits = num_bits(&k->a);

	/* The operands read back as written: octet-string round trips. */
	CHECK(bn_is(a, &k->a) && bn_is(b, &k->b) && bn_is(n, &k->n));
	CHECK(TEE_BigIntGetBitCount(a) == abits);
	CHECK(!abits || TEE_BigIntGetBit(a, abits - 1));
	CHECK(!TEE_BigIntGetBit(a, abits));
	CHECK(cmp(a, b) == sign_of(&k->diff));
	CHECK(cmp(b, a) == -sign_of(&k->diff));
	CHECK(cmp(a, a) == 0);

	CHECK(BINARY_OP(TEE_BigIntAdd, a, b, &k->sum));
	CHECK(BINARY_OP(TEE_BigIntSub, a, b, &k->diff));
	CHECK(BINARY_OP(TEE_BigIntMul, a, b, &k->prod));
	if (k->square_fits) {
		TEE_BigInt *d = bn_new(num_bits(&k->square));

		TEE_BigIntSquare(d, a);
		CHECK(bn_is(d, &k->square));
		TEE_Free(d);
	}
	{
		TEE_BigInt *d = bn_new(num_bits(&k->shr));
		TEE_BigInt *neg = bn_new(abits);

		TEE_BigIntShiftRight(d, a, ARITH_SHIFT);
		CHECK(bn_is(d, &k->shr));
		TEE_BigIntNeg(neg, a);
		TEE_BigIntNeg(neg, neg);
		CHECK(bn_is(neg, &k->a));
		TEE_BigIntNeg(neg, a);
		TEE_BigIntAdd(neg, neg, a); /* -a + a, into an operand */
		CHECK(TEE_BigIntCmpS32(neg, 0) == 0);
		TEE_Free(d);
		TEE_Free(neg);
	}
	div_checks(k, a, b, checks);

	{
		TEE_BigInt *d = bn_new(num_bits(&k->amod));

		TEE_BigIntMod(d, a, n);
		CHECK(bn_is(d, &k->amod));
		TEE_Free(d);
	}
	CHECK(MOD_OP(TEE_BigIntAddMod, a, b, n, &k->addmod));
	CHECK(MOD_OP(TEE_BigIntSubMod, a, b, n, &k->submod));
	CHECK(MOD_OP(TEE_BigIntMulMod, a, b, n, &k->mulmod));
	CHECK(BINARY_OP(TEE_BigIntSquareMod, a, n, &k->sqrmod));
	if (k->has_inv)
		CHECK(BINARY_OP(TEE_BigIntInvMod, a, n, &k->inv));
	if (k->n_odd) {
		TEE_BigInt *e = bn_new(num_bits(&k->b));
		TEE_BigInt *d = bn_new(num_bits(&k->expmod));

		CHECK(TEE_BigIntAbs(e, b) == TEE_SUCCESS);
		CHECK(TEE_BigIntExpMod(d, a, e, n, NULL) == TEE_SUCCESS);
		CHECK(bn_is(d, &k->expmod));
		TEE_Free(e);
		TEE_Free(d);
	}
	gcd_checks(k, a, b, checks);
	fmm_checks(k, a, b, n, checks);
	TEE_Free(a);
	TEE_Free(b);
	TEE_Free(n);
}

TEE_Result arith_kat(uint32_t *vectors, uint32_t *checks)
{
	size_t heap_before = tee_heap_bytes_in_use();

	for (size_t i = 0; i < ARRAY_LEN(arith_kats); i++) {
		uint32_t before = *checks;

		one_vector(&arith_kats[i], checks);
		(*vectors)++;
		if (*checks == before)
			return TEE_ERROR_GENERIC;
	}
	/* Every number mbedTLS made on the way was freed. */
	CHECK(tee_heap_bytes_in_use() == heap_before);
	return TEE_SUCCESS;
}

TEE_Result arith_prime(uint32_t *numbers, uint32_t *checks)
{
	for (size_t i = 0; i < ARRAY_LEN(arith_primes); i++) {
		const struct arith_prime *p = &arith_primes[i];
		TEE_BigInt *x = bn_from(&p->v);

		CHECK(TEE_BigIntIsProbablePrime(x, 80) == p->prime);
		/* Under GP's minimum of 80 the minimum applies. */
		CHECK(TEE_BigIntIsProbablePrime(x, 0) == p->prime);
		TEE_Free(x);
		(*numbers)++;
	}
	return TEE_SUCCESS;
}
