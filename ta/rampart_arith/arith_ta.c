// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP arithmetical API test TA (ta/include/rampart_arith_ta.h): known answers computed by
 * the host's Python integers (tools/arith_kat_gen.py), the error returns GP names, and the
 * calls that must panic the TA.
 */
#include <rampart_arith_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <trace.h>

#include "arith_ta.h"

/* Failed checks of the current command: any one fails it. */
static uint32_t failures;

bool check(bool ok, const char *what, int line, uint32_t *checks)
{
	(*checks)++;
	if (!ok) {
		EMSG("check failed at line %d: %s", line, what);
		failures++;
	}
	return ok;
}

static TEE_Result verdict(TEE_Result res)
{
	if (res == TEE_SUCCESS && failures)
		res = TEE_ERROR_GENERIC;
	failures = 0;
	return res;
}

TEE_BigInt *bn_new(uint32_t bits)
{
	size_t words = TEE_BigIntSizeInU32(bits);
	TEE_BigInt *b = TEE_Malloc(words * sizeof(*b), TEE_MALLOC_FILL_ZERO);

	if (!b) {
		EMSG("no heap for a %u-bit TEE_BigInt", bits);
		TEE_Panic(TEE_ERROR_OUT_OF_MEMORY);
	}
	TEE_BigIntInit(b, words);
	return b;
}

uint32_t num_bits(const struct arith_num *x)
{
	uint32_t bits = x->len * 8;

	for (uint8_t top = x->len ? x->mag[0] : 0xff; x->len && !(top & 0x80); top <<= 1)
		bits--;
	return bits;
}

TEE_BigInt *bn_from(const struct arith_num *x)
{
	TEE_BigInt *b = bn_new(num_bits(x));
	TEE_Result res = TEE_BigIntConvertFromOctetString(b, x->mag, x->len, x->sign);

	if (res != TEE_SUCCESS) {
		EMSG("TEE_BigIntConvertFromOctetString of %zu octets: 0x%x", x->len, res);
		TEE_Panic(res);
	}
	return b;
}

bool bn_is(const TEE_BigInt *got, const struct arith_num *x)
{
	uint8_t buf[TEE_BIGINT_MAX_BITS / 8];
	size_t len = sizeof(buf);
	int32_t sign = TEE_BigIntCmpS32(got, 0);

	if (TEE_BigIntConvertToOctetString(buf, &len, got) != TEE_SUCCESS || len != x->len ||
	    memcmp(buf, x->mag, len))
		return false;
	return x->len ? sign == x->sign : sign == 0;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **ctx)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *ctx)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void *ctx, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	const uint32_t out = TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
					     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);
	const uint32_t in = TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE,
					    TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE);

	switch (cmd) {
	case ARITH_CMD_KAT:
		if (types != out)
			return TEE_ERROR_BAD_PARAMETERS;
		p[0].value.a = p[0].value.b = 0;
		return verdict(arith_kat(&p[0].value.a, &p[0].value.b));
	case ARITH_CMD_PRIME:
		if (types != out)
			return TEE_ERROR_BAD_PARAMETERS;
		p[0].value.a = p[0].value.b = 0;
		return verdict(arith_prime(&p[0].value.a, &p[0].value.b));
	case ARITH_CMD_CONVERT:
		if (types != out)
			return TEE_ERROR_BAD_PARAMETERS;
		p[0].value.a = 0;
		return verdict(arith_convert(&p[0].value.a));
	case ARITH_CMD_PANIC:
		if (types != in)
			return TEE_ERROR_BAD_PARAMETERS;
		arith_panic(p[0].value.a);
		return TEE_ERROR_BAD_PARAMETERS; /* no such panic case */
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
