// SPDX-License-Identifier: BSD-2-Clause
/*
 * The C allocation functions on the TA heap that TEE_Malloc serves (TA_DATA_SIZE): memory goes
 * back and forth between the two, running out gives NULL with ENOMEM (never a panic), and
 * everything freed is whole again (tee_heap_bytes_in_use).
 */
#include <errno.h>
#include <malloc.h>
#include <rampart_libc_ta.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "libc_ta.h"

#define BLOCK	   1024
#define MAX_BLOCKS (LIBC_TA_DATA_SIZE / BLOCK)

static bool all_bytes(const uint8_t *p, size_t n, uint8_t v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return false;
	return true;
}

static TEE_Result sharing(uint32_t *checks, size_t base)
{
	uint8_t *p = malloc(100);
	void *q;

	CHECK(p && ((uintptr_t)p & 15) == 0);
	CHECK(tee_heap_bytes_in_use() > base);
	CHECK(malloc_usable_size(p) >= 100);
	memset(p, 0xaa, 100);
	TEE_Free(p); /* malloc's memory back through the GP call */
	CHECK(tee_heap_bytes_in_use() == base);
	q = TEE_Malloc(64, TEE_MALLOC_FILL_ZERO);
	CHECK(q);
	free(q); /* and TEE_Malloc's through free() */
	CHECK(tee_heap_bytes_in_use() == base);
	/* calloc zeroes what an earlier allocation dirtied. */
	p = malloc(370);
	CHECK(p);
	memset(p, 0x5a, 370);
	free(p);
	p = calloc(10, 37);
	CHECK(p && all_bytes(p, 370, 0));
	free(p);
	return TEE_SUCCESS;
}

static TEE_Result resizing(uint32_t *checks, size_t base)
{
	static const char text[] = "0123456789abcdef";
	char *p = realloc(NULL, sizeof(text)), *s;
	int n;

	CHECK(p);
	memcpy(p, text, sizeof(text));
	p = realloc(p, 4000);
	CHECK(p && !memcmp(p, text, sizeof(text)));
	p = realloc(p, 8);
	CHECK(p && !memcmp(p, text, 8));
	free(p);
	CHECK(tee_heap_bytes_in_use() == base);
	/* The library's own allocations (strdup, asprintf) use the same heap. */
	s = strdup("a string on the TA heap");
	CHECK(s && !strcmp(s, "a string on the TA heap") && tee_heap_bytes_in_use() > base);
	free(s);
	n = asprintf(&s, "%d-%s", 42, "x");
	CHECK(n == 4 && !strcmp(s, "42-x"));
	free(s);
	CHECK(tee_heap_bytes_in_use() == base);
	CHECK(posix_memalign((void **)&p, 16, 100) == 0 && ((uintptr_t)p & 15) == 0);
	free(p);
	/* Stricter alignments than the heap's 16 bytes are refused, not faked. */
	errno = 0;
	CHECK(!aligned_alloc(64, 64) && errno == EINVAL);
	return TEE_SUCCESS;
}

static TEE_Result exhaustion(uint32_t *checks, size_t base, uint32_t *got)
{
	static void *blocks[MAX_BLOCKS + 1];
	/* Sizes the compiler cannot see, so that it lets the calls be made. */
	volatile size_t half = SIZE_MAX / 2, all = SIZE_MAX;
	uint32_t n = 0;

	errno = 0;
	CHECK(!malloc(LIBC_TA_DATA_SIZE) && errno == ENOMEM);
	errno = 0;
	CHECK(!calloc(half, 3) && errno == ENOMEM); /* the product overflows */
	errno = 0;
	CHECK(!realloc(NULL, all) && errno == ENOMEM);
	while (n <= MAX_BLOCKS && (blocks[n] = malloc(BLOCK))) {
		memset(blocks[n], (int)n, BLOCK);
		n++;
	}
	CHECK(n > 0 && n < MAX_BLOCKS + 1 && errno == ENOMEM);
	/* The GP side sees the same exhausted heap. */
	CHECK(!TEE_Malloc(BLOCK, 0));
	for (uint32_t i = 0; i < n; i++) {
		CHECK(all_bytes(blocks[i], BLOCK, (uint8_t)i));
		free(blocks[i]);
	}
	CHECK(tee_heap_bytes_in_use() == base);
	blocks[0] = malloc(LIBC_TA_DATA_SIZE / 2);
	CHECK(blocks[0]);
	free(blocks[0]);
	*got = n;
	return TEE_SUCCESS;
}

TEE_Result libc_heap(uint32_t types, TEE_Param p[4])
{
	uint32_t count = 0, *checks = &count, got = 0;
	size_t base = tee_heap_bytes_in_use();
	TEE_Result res;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = sharing(checks, base);
	if (res == TEE_SUCCESS)
		res = resizing(checks, base);
	if (res == TEE_SUCCESS)
		res = exhaustion(checks, base, &got);
	CHECK(res != TEE_SUCCESS || tee_heap_bytes_in_use() == base);
	p[0].value.a = count;
	p[0].value.b = got;
	return res;
}
