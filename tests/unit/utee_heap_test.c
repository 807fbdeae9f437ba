// SPDX-License-Identifier: BSD-2-Clause
/* libutee: the TA heap allocator (TEE_Malloc/TEE_Realloc/TEE_Free underneath). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "heap.h"

#define REGION 4096

static _Alignas(16) uint8_t region[REGION];
static struct heap h;

static int setup(void **state)
{
	(void)state;
	memset(region, 0xcc, sizeof(region));
	return heap_init(&h, region, sizeof(region)) ? 0 : -1;
}

static void init_refuses_tiny_and_wrapping_regions(void **state)
{
	struct heap t;

	(void)state;
	assert_false(heap_init(&t, region, 16));
	assert_false(heap_init(&t, region + 1, 40)); /* one aligned unit left: too small */
	assert_false(heap_init(&t, (void *)(UINTPTR_MAX - 64), 4096));
	assert_true(heap_init(&t, region + 3, 100));
	assert_int_equal((uintptr_t)heap_alloc(&t, 1) % HEAP_ALIGN, 0);
}

static void alloc_aligned_distinct_accounted(void **state)
{
	void *a, *b, *z1, *z2;

	(void)state;
	a = heap_alloc(&h, 1);
	b = heap_alloc(&h, 100);
	z1 = heap_alloc(&h, 0);
	z2 = heap_alloc(&h, 0);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(z1);
	assert_non_null(z2);
	assert_true(z1 != z2); /* even 0 bytes get a pointer of their own */
	assert_int_equal((uintptr_t)a % HEAP_ALIGN, 0);
	assert_int_equal((uintptr_t)b % HEAP_ALIGN, 0);
	assert_true((uint8_t *)b >= (uint8_t *)a + 1 || (uint8_t *)a >= (uint8_t *)b + 100);
	assert_true(heap_usable_size(&h, b) >= 100);
	assert_true(h.in_use > 0);
	assert_true(heap_free(&h, a));
	assert_true(heap_free(&h, b));
	assert_true(heap_free(&h, z1));
	assert_true(heap_free(&h, z2));
	assert_int_equal(h.in_use, 0);
	/* Everything merged back: the whole region is one block again. */
	assert_non_null(heap_alloc(&h, REGION - 16));
}

static void exhaustion_and_oversize(void **state)
{
	void *p[REGION / 32 + 1];
	size_t n = 0;

	(void)state;
	assert_null(heap_alloc(&h, REGION));
	assert_null(heap_alloc(&h, SIZE_MAX));
	assert_null(heap_alloc(&h, SIZE_MAX - 8));
	while ((p[n] = heap_alloc(&h, 16)))
		n++;
	assert_int_equal(n, REGION / 32);
	assert_null(heap_alloc(&h, 1));
	for (size_t i = 0; i < n; i += 2)
		assert_true(heap_free(&h, p[i]));
	/* Fragmented: 16-byte holes only. */
	assert_null(heap_alloc(&h, 17));
	assert_non_null(heap_alloc(&h, 16));
}

static void bad_and_double_free(void **state)
{
	uint8_t *a = heap_alloc(&h, 64);
	int outside;

	(void)state;
	assert_false(heap_free(&h, &outside));
	assert_false(heap_free(&h, a + 16)); /* inside an allocation */
	assert_false(heap_free(&h, region)); /* a header */
	assert_true(heap_free(&h, a));
	assert_false(heap_free(&h, a));
	assert_int_equal(heap_usable_size(&h, a), 0);
}

static void realloc_keeps_contents(void **state)
{
	uint8_t *a = heap_alloc(&h, 32);
	uint8_t *blocker, *b, *c;

	(void)state;
	memset(a, 0x11, 32);
	/* Grows in place into the free space after it. */
	b = heap_realloc(&h, a, 200);
	assert_ptr_equal(a, b);
	assert_true(heap_usable_size(&h, b) >= 200);
	for (int i = 0; i < 32; i++)
		assert_int_equal(b[i], 0x11);
	/* Shrinks in place, and the freed tail is usable. */
	assert_ptr_equal(heap_realloc(&h, b, 16), b);
	blocker = heap_alloc(&h, 16);
	assert_non_null(blocker);
	/* Blocked: moves, copying. */
	c = heap_realloc(&h, b, 300);
	assert_non_null(c);
	assert_true(c != b);
	for (int i = 0; i < 16; i++)
		assert_int_equal(c[i], 0x11);
	assert_int_equal(heap_usable_size(&h, b), 0); /* the old one was freed */
	/* NULL means allocate. */
	assert_non_null(heap_realloc(&h, NULL, 8));
}

static void realloc_failure_leaves_block(void **state)
{
	uint8_t *a = heap_alloc(&h, 64);
	int outside;

	(void)state;
	memset(a, 0x22, 64);
	assert_null(heap_realloc(&h, a, REGION * 2));
	assert_null(heap_realloc(&h, a, SIZE_MAX));
	assert_true(heap_usable_size(&h, a) >= 64);
	for (int i = 0; i < 64; i++)
		assert_int_equal(a[i], 0x22);
	assert_null(heap_realloc(&h, &outside, 8)); /* not ours */
	assert_true(heap_free(&h, a));
	assert_int_equal(h.in_use, 0);
}

/* Random allocations, reallocations and frees against a shadow copy of every block's bytes. */
static void random_workout(void **state)
{
	enum { SLOTS = 24 };
	uint8_t *ptr[SLOTS] = {0};
	size_t len[SLOTS] = {0};
	uint8_t fill[SLOTS] = {0};

	(void)state;
	srand(1234);
	for (int round = 0; round < 20000; round++) {
		int s = rand() % SLOTS;

		if (ptr[s]) {
			for (size_t i = 0; i < len[s]; i++)
				assert_int_equal(ptr[s][i], fill[s]);
		}
		switch (rand() % 3) {
		case 0:
			if (ptr[s])
				assert_true(heap_free(&h, ptr[s]));
			ptr[s] = NULL;
			len[s] = 0;
			break;
		case 1: {
			size_t n = rand() % 300;
			uint8_t *p = heap_realloc(&h, ptr[s], n);

			if (!p)
				break;
			size_t keep = n < len[s] ? n : len[s];

			ptr[s] = p;
			memset(p + keep, fill[s], n - keep);
			len[s] = n;
			break;
		}
		default:
			if (!ptr[s]) {
				len[s] = rand() % 200;
				fill[s] = (uint8_t)rand();
				ptr[s] = heap_alloc(&h, len[s]);
				if (ptr[s])
					memset(ptr[s], fill[s], len[s]);
				else
					len[s] = 0;
			}
		}
	}
	for (int s = 0; s < SLOTS; s++)
		if (ptr[s])
			assert_true(heap_free(&h, ptr[s]));
	assert_int_equal(h.in_use, 0);
	assert_non_null(heap_alloc(&h, REGION - 16));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(init_refuses_tiny_and_wrapping_regions),
	    cmocka_unit_test_setup(alloc_aligned_distinct_accounted, setup),
	    cmocka_unit_test_setup(exhaustion_and_oversize, setup),
	    cmocka_unit_test_setup(bad_and_double_free, setup),
	    cmocka_unit_test_setup(realloc_keeps_contents, setup),
	    cmocka_unit_test_setup(realloc_failure_leaves_block, setup),
	    cmocka_unit_test_setup(random_workout, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
