// SPDX-License-Identifier: BSD-2-Clause
/*
 * The conversions' edges and error returns (GP 8.3, 8.5), and the calls that must panic the TA
 * (ARITH_CMD_PANIC): errors GP leaves to "the implementation detects an error".
 */
#include <rampart_arith_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "arith_ta.h"

static void s32_round_trips(uint32_t *checks)
{
	static const int32_t values[] = {0, 1, -1, 0x12345678, INT32_MAX, INT32_MIN};
	TEE_BigInt x[TEE_BigIntSizeInU32(32)];

	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		int32_t back = 7;

		TEE_BigIntInit(x, TEE_BigIntSizeInU32(32));
		TEE_BigIntConvertFromS32(x, values[i]);
		CHECK(TEE_BigIntConvertToS32(&back, x) == TEE_SUCCESS && back == values[i]);
		CHECK(TEE_BigIntCmpS32(x, values[i]) == 0);
	}
}

static void s32_overflow(uint32_t *checks)
{
	static const uint8_t two31[] = {0x80, 0, 0, 0};
	static const uint8_t two31_plus1[] = {0x80, 0, 0, 1};
	TEE_BigInt x[TEE_BigIntSizeInU32(64)];
	int32_t v = 7;

	TEE_BigIntInit(x, TEE_BigIntSizeInU32(64));
	CHECK(TEE_BigIntConvertFromOctetString(x, two31, sizeof(two31), 1) == TEE_SUCCESS);
	CHECK(TEE_BigIntConvertToS32(&v, x) == TEE_ERROR_OVERFLOW);
	CHECK(TEE_BigIntConvertFromOctetString(x, two31, sizeof(two31), -1) == TEE_SUCCESS);
	CHECK(TEE_BigIntConvertToS32(&v, x) == TEE_SUCCESS && v == INT32_MIN);
	CHECK(TEE_BigIntConvertFromOctetString(x, two31_plus1, sizeof(two31_plus1), -1) ==
	      TEE_SUCCESS);
	CHECK(TEE_BigIntConvertToS32(&v, x) == TEE_ERROR_OVERFLOW);
}

static void octet_edges(uint32_t *checks)
{
	static const uint8_t padded[] = {0, 0, 0, 1, 2};
	static const uint8_t nine[] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
	TEE_BigInt x[TEE_BigIntSizeInU32(64)];
	uint8_t out[16];
	size_t len;

	TEE_BigIntInit(x, TEE_BigIntSizeInU32(64));
	/* Leading zero octets are not part of the number. */
	CHECK(TEE_BigIntConvertFromOctetString(x, padded, sizeof(padded), 1) == TEE_SUCCESS);
	CHECK(TEE_BigIntCmpS32(x, 0x102) == 0);
	/* Nine octets do not fit 64 bits; eight do. */
	CHECK(TEE_BigIntConvertFromOctetString(x, nine, sizeof(nine), 1) == TEE_ERROR_OVERFLOW);
	CHECK(TEE_BigIntConvertFromOctetString(x, nine + 1, 8, -1) == TEE_SUCCESS);
	len = 7;
	CHECK(TEE_BigIntConvertToOctetString(out, &len, x) == TEE_ERROR_SHORT_BUFFER && len == 8);
	len = sizeof(out);
	CHECK(TEE_BigIntConvertToOctetString(out, &len, x) == TEE_SUCCESS && len == 8 &&
	      !memcmp(out, nine + 1, 8) && TEE_BigIntCmpS32(x, 0) < 0);
	/* Zero with a negative sign is zero; it takes no octets. */
	CHECK(TEE_BigIntConvertFromOctetString(x, padded, 3, -1) == TEE_SUCCESS);
	CHECK(TEE_BigIntCmpS32(x, 0) == 0 && TEE_BigIntGetBitCount(x) == 0);
	len = sizeof(out);
	CHECK(TEE_BigIntConvertToOctetString(out, &len, x) == TEE_SUCCESS && len == 0);
}

static void size_edges(uint32_t *checks)
{
	TEE_BigInt small[TEE_BigIntSizeInU32(32)];
	TEE_BigInt big[TEE_BigIntSizeInU32(96)];
	TEE_BigInt n[TEE_BigIntSizeInU32(32)];
	TEE_BigIntFMMContext ctx[TEE_BigIntSizeInU32(32)];

	/* GP 8.2.2's sizing: two header words, then whole 32-bit words. */
	CHECK(TEE_BigIntSizeInU32(0) == 2 && TEE_BigIntSizeInU32(1) == 3 &&
	      TEE_BigIntSizeInU32(32) == 3 && TEE_BigIntSizeInU32(33) == 4);
	TEE_BigIntInit(small, TEE_BigIntSizeInU32(32));
	TEE_BigIntInit(big, TEE_BigIntSizeInU32(96));
	CHECK(TEE_BigIntSetBit(small, 32, true) == TEE_ERROR_OVERFLOW);
	CHECK(TEE_BigIntSetBit(small, 31, true) == TEE_SUCCESS && TEE_BigIntGetBit(small, 31));
	CHECK(TEE_BigIntSetBit(big, 95, true) == TEE_SUCCESS && TEE_BigIntGetBitCount(big) == 96);
	CHECK(TEE_BigIntAssign(small, big) == TEE_ERROR_OVERFLOW);
	CHECK(TEE_BigIntAssign(big, small) == TEE_SUCCESS && TEE_BigIntCmp(big, small) == 0);
	TEE_BigIntNeg(big, big);
	CHECK(TEE_BigIntAbs(small, big) == TEE_SUCCESS && TEE_BigIntCmpS32(big, 0) < 0 &&
	      TEE_BigIntCmpS32(small, 0) > 0);
	TEE_BigIntSetBit(small, 31, false);
	CHECK(TEE_BigIntGetBitCount(small) == 0);
	/* An even modulus is one mbedTLS's exponentiation does not take: GP's NOT_SUPPORTED. */
	TEE_BigIntInit(n, TEE_BigIntSizeInU32(32));
	TEE_BigIntConvertFromS32(n, 10);
	TEE_BigIntConvertFromS32(small, 3);
	CHECK(TEE_BigIntExpMod(big, small, small, n, NULL) == TEE_ERROR_NOT_SUPPORTED);
	TEE_BigIntConvertFromS32(n, 11);
	CHECK(TEE_BigIntExpMod(big, small, small, n, NULL) == TEE_SUCCESS &&
	      TEE_BigIntCmpS32(big, 5) == 0); /* 27 mod 11 */
	/* A modulus under 2 makes no FMM context. */
	TEE_BigIntConvertFromS32(n, 1);
	CHECK(TEE_BigIntInitFMMContext1(ctx, TEE_BigIntSizeInU32(32), n) ==
	      TEE_ERROR_NOT_SUPPORTED);
}

TEE_Result arith_convert(uint32_t *checks)
{
	s32_round_trips(checks);
	s32_overflow(checks);
	octet_edges(checks);
	size_edges(checks);
	return TEE_SUCCESS;
}

void arith_panic(uint32_t which)
{
	TEE_BigInt a[TEE_BigIntSizeInU32(64)];
	TEE_BigInt b[TEE_BigIntSizeInU32(64)];
	TEE_BigInt d[TEE_BigIntSizeInU32(64)];
	TEE_BigIntFMMContext ctx[TEE_BigIntSizeInU32(64)];

	TEE_BigIntInit(a, TEE_BigIntSizeInU32(64));
	TEE_BigIntInit(b, TEE_BigIntSizeInU32(64));
	TEE_BigIntInit(d, TEE_BigIntSizeInU32(64));
	TEE_BigIntConvertFromS32(a, 6);
	TEE_BigIntConvertFromS32(b, 9);
	switch (which) {
	case ARITH_PANIC_DIV_BY_ZERO:
		TEE_BigIntConvertFromS32(b, 0);
		TEE_BigIntDiv(d, NULL, a, b);
		break;
	case ARITH_PANIC_RESULT_TOO_LARGE:
		/* (2^32 - 1)^2 needs 64 bits; d has 32. */
		TEE_BigIntInit(d, TEE_BigIntSizeInU32(32));
		TEE_BigIntSetBit(a, 0, false);
		for (uint32_t i = 0; i < 32; i++)
			TEE_BigIntSetBit(a, i, true);
		TEE_BigIntMul(d, a, a);
		break;
	case ARITH_PANIC_MODULUS_ONE:
		TEE_BigIntConvertFromS32(b, 1);
		TEE_BigIntMod(d, a, b);
		break;
	case ARITH_PANIC_NOT_INVERTIBLE:
		TEE_BigIntInvMod(d, a, b);
		break;
	case ARITH_PANIC_NOT_INITIALISED:
		memset(b, 0xa5, sizeof(b));
		TEE_BigIntAdd(d, a, b);
		break;
	case ARITH_PANIC_FMM_CONTEXT:
		TEE_BigIntConvertFromS32(a, 11);
		TEE_BigIntConvertFromS32(b, 13);
		if (TEE_BigIntInitFMMContext1(ctx, TEE_BigIntSizeInU32(64), a) != TEE_SUCCESS)
			return;
		TEE_BigIntComputeFMM(d, a, a, b, ctx);
		break;
	case ARITH_PANIC_INIT_TOO_LARGE: {
		static TEE_BigInt huge[TEE_BigIntSizeInU32(TEE_BIGINT_MAX_BITS + 32)];

		TEE_BigIntInit(huge, TEE_BigIntSizeInU32(TEE_BIGINT_MAX_BITS + 32));
		break;
	}
	default:
		return;
	}
	EMSG("panic case %u did not panic", which);
}
