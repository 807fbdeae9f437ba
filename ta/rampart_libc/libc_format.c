// SPDX-License-Identifier: BSD-2-Clause
/*
 * snprintf into the client's buffer (its glibc formats the same and compares), and the
 * standard output streams to the TA log (tests/qemu/baremetal.d/ta-libc.sh reads them back).
 */
#include <inttypes.h>
#include <rampart_libc_ta.h>
#include <stdio.h>
#include <tee_internal_api.h>

#include "libc_ta.h"

TEE_Result libc_format(uint32_t types, TEE_Param p[4])
{
	uint64_t v64;
	int32_t v32;
	int n;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_VALUE_INPUT,
				     TEE_PARAM_TYPE_MEMREF_OUTPUT, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	v64 = (uint64_t)p[0].value.a << 32 | p[0].value.b;
	v32 = (int32_t)p[1].value.a;
	/* The size needed first (C11 7.21.6.5: snprintf with n = 0 writes nothing). */
	n = snprintf(NULL, 0, LIBC_FORMAT(PRIx64, PRIu64, PRId32), v64, v64, v64, v32, v32, v32,
		     "libc", "truncated", 'R', 0xabu, 1234567890123456789UL);
	if (n < 0)
		return TEE_ERROR_GENERIC;
	if (p[2].memref.size < (size_t)n + 1) {
		p[2].memref.size = (size_t)n + 1;
		return TEE_ERROR_SHORT_BUFFER;
	}
	p[2].memref.size =
	    (size_t)snprintf(p[2].memref.buffer, p[2].memref.size,
			     LIBC_FORMAT(PRIx64, PRIu64, PRId32), v64, v64, v64, v32, v32, v32,
			     "libc", "truncated", 'R', 0xabu, 1234567890123456789UL) +
	    1;
	return TEE_SUCCESS;
}

TEE_Result libc_print(uint32_t types, TEE_Param p[4])
{
	uint32_t nonce;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	nonce = p[0].value.a;
	printf("libc-ta printf %" PRIu32 " %s %#x\n", nonce, "ok", 0x5ee1);
	puts("libc-ta puts");
	fprintf(stderr, "libc-ta stderr %" PRIu32 "\n", nonce);
	putchar('<');
	putchar('>');
	putchar('\n');
	/* No line end: the rest of the line goes out when this entry returns. */
	printf("libc-ta unterminated %" PRIu32, nonce);
	return TEE_SUCCESS;
}
