// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP arithmetical API (GP TEE Internal Core API v1.3.1, chapter 8) in the TA, on the bignum
 * module of the dev kit's mbedTLS (libmbedtls.a). Every function loads its operands into
 * mbedTLS numbers on the TA heap, lets mbedTLS compute, and stores the result back into the
 * caller's TEE_BigInt; so a destination may be one of the operands (GP 8.4 allows it).
 *
 * Memory layout (GP 8.2: an array of uint32_t of TEE_BigIntSizeInU32(bits) words): word 0 the
 * sign (1 or -1; zero is positive), word 1 the capacity (low 16 bits) and the number of words in
 * use (high 16 bits), then the magnitude, least significant word first.
 *
 * Fast modular multiplication (GP 8.8) keeps numbers as they are, reduced modulo n: mbedTLS's
 * modular multiplication is already Montgomery's inside exponentiation, and a separate
 * representation would only add conversions. The context holds a copy of the modulus, so a
 * context used with another modulus is caught.
 *
 * What GP leaves to "the implementation detects an error" panics the TA with the reason on the
 * secure console: a result that does not fit its destination, a zero divisor, a modulus under
 * 2, no inverse, a TEE_BigInt never initialised.
 */
#include <mbedtls/bignum.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

struct bigint_hdr {
	int32_t sign;
	uint16_t capacity; /* 32-bit words of magnitude the caller allocated */
	uint16_t used;	   /* 32-bit words in use, no leading zero word */
};

#define BIGINT_HDR_WORDS 2
#define BIGINT_MAX_WORDS (TEE_BIGINT_MAX_BITS / 32)
/* GP 8.2.2: at least 80 for TEE_BigIntIsProbablePrime's confidence level. */
#define PRIME_MIN_CONFIDENCE 80

static void __attribute__((noreturn)) arith_panic(const char *fn, const char *why)
{
	EMSG("GP panic in %s: %s", fn, why);
	TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
}

/* mbedTLS fails only on memory (or a bad argument we check before): the TA heap is gone. */
static void mpi_ok(int ret, const char *fn)
{
	if (ret) {
		EMSG("GP panic in %s: mbedTLS bignum error -0x%04x (TA heap exhausted?)", fn, -ret);
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	}
}

static const struct bigint_hdr *hdr_of(const uint32_t *b, const char *fn)
{
	const struct bigint_hdr *h = (const struct bigint_hdr *)b;

	if (!b)
		arith_panic(fn, "NULL TEE_BigInt");
	if ((h->sign != 1 && h->sign != -1) || h->used > h->capacity ||
	    h->capacity > BIGINT_MAX_WORDS)
		arith_panic(fn, "not a TEE_BigInt formatted by TEE_BigIntInit");
	return h;
}

static void load(mbedtls_mpi *x, const uint32_t *b, const char *fn)
{
	const struct bigint_hdr *h = hdr_of(b, fn);
	const uint32_t *mag = b + BIGINT_HDR_WORDS;

	mbedtls_mpi_init(x);
	mpi_ok(mbedtls_mpi_lset(x, 0), fn);
	mpi_ok(mbedtls_mpi_grow(x, (h->used + 1) / 2), fn);
	for (uint32_t i = 0; i < h->used; i++)
		x->p[i / 2] |= (mbedtls_mpi_uint)mag[i] << (32 * (i % 2));
	x->s = h->sign;
}

static uint32_t words_of(const mbedtls_mpi *x)
{
	return (mbedtls_mpi_bitlen(x) + 31) / 32;
}

static bool fits(const uint32_t *b, const mbedtls_mpi *x, const char *fn)
{
	return words_of(x) <= hdr_of(b, fn)->capacity;
}

static void store(uint32_t *b, const mbedtls_mpi *x, const char *fn)
{
	struct bigint_hdr *h = (struct bigint_hdr *)b;
	uint32_t words = words_of(x);

	if (!fits(b, x, fn)) {
		EMSG("GP panic in %s: the result (%u bits) does not fit its destination (%u bits)",
		     fn, (unsigned)mbedtls_mpi_bitlen(x), (unsigned)h->capacity * 32);
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	for (uint32_t i = 0; i < h->capacity; i++)
		b[BIGINT_HDR_WORDS + i] = i < words ? (uint32_t)(x->p[i / 2] >> (32 * (i % 2))) : 0;
	h->used = words;
	h->sign = words ? x->s : 1;
}

static void free_all(mbedtls_mpi *x, size_t n)
{
	for (size_t i = 0; i < n; i++)
		mbedtls_mpi_free(&x[i]);
}

/* GP 8.4.x: a modulus must be at least 2. */
static void load_modulus(mbedtls_mpi *n, const uint32_t *b, const char *fn)
{
	load(n, b, fn);
	if (mbedtls_mpi_cmp_int(n, 2) < 0)
		arith_panic(fn, "modulus n < 2");
}

void TEE_BigIntInit(TEE_BigInt *bigInt, size_t len)
{
	struct bigint_hdr *h = (struct bigint_hdr *)bigInt;

	if (!bigInt)
		arith_panic(__func__, "NULL TEE_BigInt");
	if (len < BIGINT_HDR_WORDS || len - BIGINT_HDR_WORDS > BIGINT_MAX_WORDS) {
		EMSG("GP panic in %s: %zu words is not a TEE_BigInt size (2 to %u)", __func__, len,
		     BIGINT_HDR_WORDS + BIGINT_MAX_WORDS);
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	}
	memset(bigInt, 0, len * sizeof(*bigInt));
	h->sign = 1;
	h->capacity = len - BIGINT_HDR_WORDS;
	h->used = 0;
}

TEE_Result TEE_BigIntConvertFromOctetString(TEE_BigInt *dest, const uint8_t *buffer,
					    size_t bufferLen, int32_t sign)
{
	TEE_Result res = TEE_SUCCESS;
	mbedtls_mpi x;

	hdr_of(dest, __func__);
	if (!buffer && bufferLen)
		arith_panic(__func__, "NULL buffer");
	/* Leading zero octets carry nothing; mbedTLS reads at most MBEDTLS_MPI_MAX_SIZE. */
	while (bufferLen && !*buffer) {
		buffer++;
		bufferLen--;
	}
	if (bufferLen > (size_t)hdr_of(dest, __func__)->capacity * 4)
		return TEE_ERROR_OVERFLOW;
	mbedtls_mpi_init(&x);
	mpi_ok(mbedtls_mpi_read_binary(&x, buffer, bufferLen), __func__);
	if (sign < 0 && mbedtls_mpi_cmp_int(&x, 0))
		x.s = -1;
	if (fits(dest, &x, __func__))
		store(dest, &x, __func__);
	else
		res = TEE_ERROR_OVERFLOW;
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result TEE_BigIntConvertToOctetString(void *buffer, size_t *bufferLen, const TEE_BigInt *bigInt)
{
	TEE_Result res = TEE_SUCCESS;
	mbedtls_mpi x;
	size_t size;

	if (!bufferLen)
		arith_panic(__func__, "NULL bufferLen");
	load(&x, bigInt, __func__);
	size = mbedtls_mpi_size(&x);
	if (*bufferLen < size)
		res = TEE_ERROR_SHORT_BUFFER;
	else if (!buffer && size)
		arith_panic(__func__, "NULL buffer");
	else
		mpi_ok(mbedtls_mpi_write_binary(&x, buffer, size), __func__);
	*bufferLen = size;
	mbedtls_mpi_free(&x);
	return res;
}

void TEE_BigIntConvertFromS32(TEE_BigInt *dest, int32_t shortVal)
{
	mbedtls_mpi x;

	mbedtls_mpi_init(&x);
	mpi_ok(mbedtls_mpi_lset(&x, shortVal), __func__);
	store(dest, &x, __func__);
	mbedtls_mpi_free(&x);
}

TEE_Result TEE_BigIntConvertToS32(int32_t *dest, const TEE_BigInt *src)
{
	TEE_Result res = TEE_ERROR_OVERFLOW;
	mbedtls_mpi x;

	if (!dest)
		arith_panic(__func__, "NULL dest");
	load(&x, src, __func__);
	if (mbedtls_mpi_cmp_int(&x, INT32_MAX) <= 0 && mbedtls_mpi_cmp_int(&x, INT32_MIN) >= 0) {
		int64_t mag = x.n ? (int64_t)x.p[0] : 0;

		*dest = (int32_t)(x.s < 0 ? -mag : mag);
		res = TEE_SUCCESS;
	}
	mbedtls_mpi_free(&x);
	return res;
}

int32_t TEE_BigIntCmp(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[2];
	int32_t r;

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	r = mbedtls_mpi_cmp_mpi(&x[0], &x[1]);
	free_all(x, 2);
	return r;
}

int32_t TEE_BigIntCmpS32(const TEE_BigInt *op, int32_t shortVal)
{
	mbedtls_mpi x;
	int32_t r;

	load(&x, op, __func__);
	r = mbedtls_mpi_cmp_int(&x, shortVal);
	mbedtls_mpi_free(&x);
	return r;
}

/* GP 8.5.3: the magnitude shifted, the sign kept (a result of zero is positive). */
void TEE_BigIntShiftRight(TEE_BigInt *dest, const TEE_BigInt *op, size_t bits)
{
	mbedtls_mpi x;

	load(&x, op, __func__);
	mpi_ok(mbedtls_mpi_shift_r(&x, bits), __func__);
	store(dest, &x, __func__);
	mbedtls_mpi_free(&x);
}

bool TEE_BigIntGetBit(const TEE_BigInt *src, uint32_t bitIndex)
{
	mbedtls_mpi x;
	bool bit;

	load(&x, src, __func__);
	bit = mbedtls_mpi_get_bit(&x, bitIndex) == 1;
	mbedtls_mpi_free(&x);
	return bit;
}

uint32_t TEE_BigIntGetBitCount(const TEE_BigInt *src)
{
	mbedtls_mpi x;
	uint32_t n;

	load(&x, src, __func__);
	n = mbedtls_mpi_bitlen(&x);
	mbedtls_mpi_free(&x);
	return n;
}

/* GP 8.5.6: TEE_ERROR_OVERFLOW for a bit beyond the number's capacity. */
TEE_Result TEE_BigIntSetBit(TEE_BigInt *op, uint32_t bitIndex, bool value)
{
	mbedtls_mpi x;

	if (bitIndex >= (uint32_t)hdr_of(op, __func__)->capacity * 32)
		return TEE_ERROR_OVERFLOW;
	load(&x, op, __func__);
	mpi_ok(mbedtls_mpi_set_bit(&x, bitIndex, value), __func__);
	store(op, &x, __func__);
	mbedtls_mpi_free(&x);
	return TEE_SUCCESS;
}

static TEE_Result copy_checked(TEE_BigInt *dest, const TEE_BigInt *src, bool absolute,
			       const char *fn)
{
	TEE_Result res = TEE_ERROR_OVERFLOW;
	mbedtls_mpi x;

	load(&x, src, fn);
	if (absolute)
		x.s = 1;
	if (fits(dest, &x, fn)) {
		store(dest, &x, fn);
		res = TEE_SUCCESS;
	}
	mbedtls_mpi_free(&x);
	return res;
}

TEE_Result TEE_BigIntAssign(TEE_BigInt *dest, const TEE_BigInt *src)
{
	return copy_checked(dest, src, false, __func__);
}

TEE_Result TEE_BigIntAbs(TEE_BigInt *dest, const TEE_BigInt *src)
{
	return copy_checked(dest, src, true, __func__);
}

void TEE_BigIntAdd(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[3];

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	mbedtls_mpi_init(&x[2]);
	mpi_ok(mbedtls_mpi_add_mpi(&x[2], &x[0], &x[1]), __func__);
	store(dest, &x[2], __func__);
	free_all(x, 3);
}

void TEE_BigIntSub(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[3];

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	mbedtls_mpi_init(&x[2]);
	mpi_ok(mbedtls_mpi_sub_mpi(&x[2], &x[0], &x[1]), __func__);
	store(dest, &x[2], __func__);
	free_all(x, 3);
}

void TEE_BigIntNeg(TEE_BigInt *dest, const TEE_BigInt *op)
{
	mbedtls_mpi x;

	load(&x, op, __func__);
	x.s = -x.s;
	store(dest, &x, __func__);
	mbedtls_mpi_free(&x);
}

void TEE_BigIntMul(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[3];

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	mbedtls_mpi_init(&x[2]);
	mpi_ok(mbedtls_mpi_mul_mpi(&x[2], &x[0], &x[1]), __func__);
	store(dest, &x[2], __func__);
	free_all(x, 3);
}

void TEE_BigIntSquare(TEE_BigInt *dest, const TEE_BigInt *op)
{
	TEE_BigIntMul(dest, op, op);
}

/*
 * GP 8.6.5: op1 = dest_q * op2 + dest_r, the quotient rounded toward zero and dest_r of op1's
 * sign, mbedTLS's own convention; either destination may be NULL; op2 = 0 panics.
 */
void TEE_BigIntDiv(TEE_BigInt *dest_q, TEE_BigInt *dest_r, const TEE_BigInt *op1,
		   const TEE_BigInt *op2)
{
	mbedtls_mpi x[4];

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	if (!mbedtls_mpi_cmp_int(&x[1], 0))
		arith_panic(__func__, "division by zero");
	mbedtls_mpi_init(&x[2]);
	mbedtls_mpi_init(&x[3]);
	mpi_ok(mbedtls_mpi_div_mpi(&x[2], &x[3], &x[0], &x[1]), __func__);
	if (dest_q)
		store(dest_q, &x[2], __func__);
	if (dest_r)
		store(dest_r, &x[3], __func__);
	free_all(x, 4);
}

/* GP 8.7.1: 0 <= dest < n. */
void TEE_BigIntMod(TEE_BigInt *dest, const TEE_BigInt *op, const TEE_BigInt *n)
{
	mbedtls_mpi x[3];

	load_modulus(&x[1], n, __func__);
	load(&x[0], op, __func__);
	mbedtls_mpi_init(&x[2]);
	mpi_ok(mbedtls_mpi_mod_mpi(&x[2], &x[0], &x[1]), __func__);
	store(dest, &x[2], __func__);
	free_all(x, 3);
}

enum mod_op { MOD_ADD, MOD_SUB, MOD_MUL };

static void mod_op(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2,
		   const TEE_BigInt *n, enum mod_op what, const char *fn)
{
	mbedtls_mpi x[4];

	load_modulus(&x[2], n, fn);
	load(&x[0], op1, fn);
	load(&x[1], op2, fn);
	mbedtls_mpi_init(&x[3]);
	if (what == MOD_ADD)
		mpi_ok(mbedtls_mpi_add_mpi(&x[3], &x[0], &x[1]), fn);
	else if (what == MOD_SUB)
		mpi_ok(mbedtls_mpi_sub_mpi(&x[3], &x[0], &x[1]), fn);
	else
		mpi_ok(mbedtls_mpi_mul_mpi(&x[3], &x[0], &x[1]), fn);
	mpi_ok(mbedtls_mpi_mod_mpi(&x[3], &x[3], &x[2]), fn);
	store(dest, &x[3], fn);
	free_all(x, 4);
}

void TEE_BigIntAddMod(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2,
		      const TEE_BigInt *n)
{
	mod_op(dest, op1, op2, n, MOD_ADD, __func__);
}

void TEE_BigIntSubMod(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2,
		      const TEE_BigInt *n)
{
	mod_op(dest, op1, op2, n, MOD_SUB, __func__);
}

void TEE_BigIntMulMod(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2,
		      const TEE_BigInt *n)
{
	mod_op(dest, op1, op2, n, MOD_MUL, __func__);
}

void TEE_BigIntSquareMod(TEE_BigInt *dest, const TEE_BigInt *op, const TEE_BigInt *n)
{
	mod_op(dest, op, op, n, MOD_MUL, __func__);
}

/* GP 8.7.6: op * dest = 1 (mod n); op = 0, n < 2 or op not invertible modulo n panics. */
void TEE_BigIntInvMod(TEE_BigInt *dest, const TEE_BigInt *op, const TEE_BigInt *n)
{
	mbedtls_mpi x[3];
	int ret;

	load_modulus(&x[1], n, __func__);
	load(&x[0], op, __func__);
	if (!mbedtls_mpi_cmp_int(&x[0], 0))
		arith_panic(__func__, "op = 0 has no inverse");
	mbedtls_mpi_init(&x[2]);
	ret = mbedtls_mpi_inv_mod(&x[2], &x[0], &x[1]);
	if (ret == MBEDTLS_ERR_MPI_NOT_ACCEPTABLE)
		arith_panic(__func__, "op is not invertible modulo n (gcd(op, n) > 1)");
	mpi_ok(ret, __func__);
	store(dest, &x[2], __func__);
	free_all(x, 3);
}

/*
 * GP 8.7.7 (v1.2 on): dest = op1^op2 mod n. mbedTLS's Montgomery exponentiation needs an odd
 * n: an even one is TEE_ERROR_NOT_SUPPORTED, which GP allows. The context is optional.
 */
TEE_Result TEE_BigIntExpMod(TEE_BigInt *dest, const TEE_BigInt *op1, const TEE_BigInt *op2,
			    const TEE_BigInt *n, const TEE_BigIntFMMContext *context)
{
	mbedtls_mpi x[4];

	load_modulus(&x[2], n, __func__);
	if (!mbedtls_mpi_get_bit(&x[2], 0)) {
		mbedtls_mpi_free(&x[2]);
		return TEE_ERROR_NOT_SUPPORTED;
	}
	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	if (x[1].s < 0 && mbedtls_mpi_cmp_int(&x[1], 0))
		arith_panic(__func__, "negative exponent");
	mbedtls_mpi_init(&x[3]);
	mpi_ok(mbedtls_mpi_mod_mpi(&x[0], &x[0], &x[2]), __func__);
	mpi_ok(mbedtls_mpi_exp_mod(&x[3], &x[0], &x[1], &x[2], NULL), __func__);
	store(dest, &x[3], __func__);
	free_all(x, 4);
	return TEE_SUCCESS;
}

bool TEE_BigIntRelativePrime(const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	mbedtls_mpi x[3];
	bool coprime;

	load(&x[0], op1, __func__);
	load(&x[1], op2, __func__);
	mbedtls_mpi_init(&x[2]);
	mpi_ok(mbedtls_mpi_gcd(&x[2], &x[0], &x[1]), __func__);
	coprime = !mbedtls_mpi_cmp_int(&x[2], 1);
	free_all(x, 3);
	return coprime;
}

/*
 * GP 8.8.2: gcd = u * op1 + v * op2, u and v optional. mbedTLS has the gcd but not Bezout's
 * coefficients: the extended Euclidean algorithm over |op1| and |op2| with its division, then the
 * operands' signs moved onto u and v. |u| <= |op2| / gcd and |v| <= |op1| / gcd, so they fit a
 * destination sized like the operands.
 */
void TEE_BigIntComputeExtendedGcd(TEE_BigInt *gcd, TEE_BigInt *u, TEE_BigInt *v,
				  const TEE_BigInt *op1, const TEE_BigInt *op2)
{
	enum { A, B, R0, R1, S0, S1, T0, T1, Q, TMP, COUNT };
	mbedtls_mpi x[COUNT];
	const char *fn = __func__;
	int sign_a, sign_b;

	if (!gcd)
		arith_panic(fn, "NULL gcd");
	load(&x[A], op1, fn);
	load(&x[B], op2, fn);
	sign_a = x[A].s;
	sign_b = x[B].s;
	for (int i = R0; i < COUNT; i++)
		mbedtls_mpi_init(&x[i]);
	mpi_ok(mbedtls_mpi_copy(&x[R0], &x[A]), fn);
	mpi_ok(mbedtls_mpi_copy(&x[R1], &x[B]), fn);
	x[R0].s = x[R1].s = 1;
	mpi_ok(mbedtls_mpi_lset(&x[S0], 1), fn);
	mpi_ok(mbedtls_mpi_lset(&x[S1], 0), fn);
	mpi_ok(mbedtls_mpi_lset(&x[T0], 0), fn);
	mpi_ok(mbedtls_mpi_lset(&x[T1], 1), fn);
	/* Invariant: r_i = s_i * |op1| + t_i * |op2|. */
	while (mbedtls_mpi_cmp_int(&x[R1], 0)) {
		mpi_ok(mbedtls_mpi_div_mpi(&x[Q], &x[TMP], &x[R0], &x[R1]), fn);
		mbedtls_mpi_swap(&x[R0], &x[R1]);
		mbedtls_mpi_swap(&x[R1], &x[TMP]); /* r0, r1 = r1, r0 mod r1 */
		mpi_ok(mbedtls_mpi_mul_mpi(&x[TMP], &x[Q], &x[S1]), fn);
		mpi_ok(mbedtls_mpi_sub_mpi(&x[TMP], &x[S0], &x[TMP]), fn);
		mbedtls_mpi_swap(&x[S0], &x[S1]);
		mbedtls_mpi_swap(&x[S1], &x[TMP]); /* s0, s1 = s1, s0 - q * s1 */
		mpi_ok(mbedtls_mpi_mul_mpi(&x[TMP], &x[Q], &x[T1]), fn);
		mpi_ok(mbedtls_mpi_sub_mpi(&x[TMP], &x[T0], &x[TMP]), fn);
		mbedtls_mpi_swap(&x[T0], &x[T1]);
		mbedtls_mpi_swap(&x[T1], &x[TMP]); /* t0, t1 = t1, t0 - q * t1 */
	}
	x[S0].s *= sign_a;
	x[T0].s *= sign_b;
	store(gcd, &x[R0], fn);
	if (u)
		store(u, &x[S0], fn);
	if (v)
		store(v, &x[T0], fn);
	free_all(x, COUNT);
}

static int ta_random(void *ctx, unsigned char *buf, size_t len)
{
	TEE_GenerateRandom(buf, len);
	return 0;
}

/*
 * GP 8.8.3: 1 when op is prime with an error probability of at most 2^-confidenceLevel (80 at
 * least), 0 when composite. Miller-Rabin errs with probability at most 4^-rounds per number.
 */
int32_t TEE_BigIntIsProbablePrime(const TEE_BigInt *op, uint32_t confidenceLevel)
{
	uint32_t level =
	    confidenceLevel < PRIME_MIN_CONFIDENCE ? PRIME_MIN_CONFIDENCE : confidenceLevel;
	mbedtls_mpi x;
	int ret;

	if (level > 1000)
		level = 1000;
	load(&x, op, __func__);
	ret = mbedtls_mpi_is_prime_ext(&x, (int)((level + 1) / 2), ta_random, NULL);
	mbedtls_mpi_free(&x);
	if (ret == MBEDTLS_ERR_MPI_NOT_ACCEPTABLE)
		return 0;
	mpi_ok(ret, __func__);
	return 1;
}

/* GP 8.9: fast modular multiplication, numbers kept as they are (see the top of the file). */
size_t TEE_BigIntFMMContextSizeInU32(size_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

size_t TEE_BigIntFMMSizeInU32(size_t modulusSizeInBits)
{
	return TEE_BigIntSizeInU32(modulusSizeInBits);
}

TEE_Result TEE_BigIntInitFMMContext1(TEE_BigIntFMMContext *context, size_t len,
				     const TEE_BigInt *modulus)
{
	mbedtls_mpi n;
	TEE_Result res = TEE_ERROR_NOT_SUPPORTED;

	TEE_BigIntInit(context, len);
	load(&n, modulus, __func__);
	if (mbedtls_mpi_cmp_int(&n, 2) >= 0 && fits(context, &n, __func__)) {
		store(context, &n, __func__);
		res = TEE_SUCCESS;
	}
	mbedtls_mpi_free(&n);
	return res;
}

void TEE_BigIntInitFMMContext(TEE_BigIntFMMContext *context, size_t len, const TEE_BigInt *modulus)
{
	if (TEE_BigIntInitFMMContext1(context, len, modulus) != TEE_SUCCESS)
		arith_panic(__func__, "modulus < 2 or larger than the context");
}

void TEE_BigIntInitFMM(TEE_BigIntFMM *bigIntFMM, size_t len)
{
	TEE_BigIntInit(bigIntFMM, len);
}

/* The context must be the one made for n. */
static void check_context(const TEE_BigInt *n, const TEE_BigIntFMMContext *context, const char *fn)
{
	mbedtls_mpi x[2];

	load_modulus(&x[0], n, fn);
	load(&x[1], context, fn);
	if (mbedtls_mpi_cmp_mpi(&x[0], &x[1]))
		arith_panic(fn, "the FMM context was made for another modulus");
	free_all(x, 2);
}

void TEE_BigIntConvertToFMM(TEE_BigIntFMM *dest, const TEE_BigInt *src, const TEE_BigInt *n,
			    const TEE_BigIntFMMContext *context)
{
	check_context(n, context, __func__);
	TEE_BigIntMod(dest, src, n);
}

void TEE_BigIntConvertFromFMM(TEE_BigInt *dest, const TEE_BigIntFMM *src, const TEE_BigInt *n,
			      const TEE_BigIntFMMContext *context)
{
	check_context(n, context, __func__);
	TEE_BigIntMod(dest, src, n);
}

void TEE_BigIntComputeFMM(TEE_BigIntFMM *dest, const TEE_BigIntFMM *op1, const TEE_BigIntFMM *op2,
			  const TEE_BigInt *n, const TEE_BigIntFMMContext *context)
{
	check_context(n, context, __func__);
	mod_op(dest, op1, op2, n, MOD_MUL, __func__);
}
