// SPDX-License-Identifier: BSD-2-Clause
/*
 * The verified TA image cache (tee/ta_cache.c): one image per UUID, a newer verified file
 * replaces the older image without freeing it under a thread that still holds it, a removed
 * file's image can be dropped, and the size bound evicts only images nobody holds. Every image
 * the cache copies is freed exactly once (counted here, and AddressSanitizer watches for a
 * use after free), and a full heap makes unused images give way to a new one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ta_cache.h"

static long live;		 /* heap blocks handed out and not freed */
static size_t room = (size_t)-1; /* bytes the stub heap may still hand out */
static struct {
	void *p;
	size_t size;
} blocks[64];

/* The trusted OS's heap, as far as the cache uses it: it can run out (room). */
void *kmalloc_tee(size_t size)
{
	void *p;

	if (size > room)
		return NULL;
	p = malloc(size);
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		if (!blocks[i].p) {
			blocks[i].p = p;
			blocks[i].size = size;
			break;
		}
	}
	room -= size;
	live++;
	return p;
}

void kfree(void *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		if (blocks[i].p == p) {
			room += blocks[i].size;
			blocks[i].p = NULL;
		}
	}
	live--;
	free(p);
}

static const uint8_t uuid_a[16] = {0xa}, uuid_b[16] = {0xb};

/*
 * A verified image of len bytes, each byte fill, as ta_load.c hands it over: the cache keeps a
 * copy, the caller's own buffer is gone (overwritten, then freed) right after.
 */
static struct ta_cached_image *add(const uint8_t uuid[16], size_t len, uint8_t fill)
{
	uint8_t *image = malloc(len);
	struct ta_cached_image *c;

	memset(image, fill, len);
	c = ta_cache_add(uuid, image, len, image + 16, len - 16);
	memset(image, 0xee, len);
	free(image);
	return c;
}

static void one_image_per_uuid(void **state __attribute__((unused)))
{
	struct ta_cached_image *c;

	ta_cache_put(add(uuid_a, 1000, 1));
	ta_cache_put(add(uuid_b, 1000, 2));
	/* The file changed: the newer verified image replaces the older one. */
	ta_cache_put(add(uuid_a, 2000, 3));
	c = ta_cache_get(uuid_a);
	assert_non_null(c);
	assert_int_equal(c->len, 2000);
	assert_int_equal(c->image[0], 3);
	assert_ptr_equal(c->elf, c->image + 16);
	ta_cache_put(c);
	c = ta_cache_get(uuid_b);
	assert_non_null(c);
	assert_int_equal(c->image[0], 2);
	ta_cache_put(c);
	ta_cache_drop(uuid_a);
	ta_cache_drop(uuid_b);
	assert_null(ta_cache_get(uuid_a));
	assert_null(ta_cache_get(uuid_b));
	assert_int_equal(live, 0);
}

static void replaced_while_held(void **state __attribute__((unused)))
{
	struct ta_cached_image *held, *c;

	ta_cache_put(add(uuid_a, 1000, 1));
	held = ta_cache_get(uuid_a);
	assert_non_null(held);
	ta_cache_put(add(uuid_a, 1000, 2));
	/* The holder still reads its image; new lookups get the new one. */
	assert_int_equal(held->image[999], 1);
	c = ta_cache_get(uuid_a);
	assert_ptr_not_equal(c, held);
	assert_int_equal(c->image[0], 2);
	ta_cache_put(c);
	assert_int_equal(live, 4); /* two images, two records */
	ta_cache_put(held);	   /* the last holder frees the replaced image */
	assert_int_equal(live, 2);
	/* Dropped while held: gone for lookups, freed by the last put. */
	held = ta_cache_get(uuid_a);
	ta_cache_drop(uuid_a);
	assert_null(ta_cache_get(uuid_a));
	assert_int_equal(held->image[0], 2);
	assert_int_equal(live, 2);
	ta_cache_put(held);
	assert_int_equal(live, 0);
	ta_cache_drop(uuid_a); /* nothing left: harmless */
}

static void bounded_and_held_images_stay(void **state __attribute__((unused)))
{
	uint8_t uuid[16] = {0};
	struct ta_cached_image *held, *c;

	/* Too big for the cache: refused, nothing allocated. */
	assert_null(add(uuid_a, TA_CACHE_BYTES + 1, 0));
	assert_int_equal(live, 0);
	held = add(uuid_a, TA_CACHE_BYTES / 2, 1); /* held throughout */
	assert_non_null(held);
	/* Filling the rest evicts the least recently used images nobody holds, never this one. */
	for (int i = 1; i <= 8; i++) {
		uuid[0] = (uint8_t)(0x40 + i);
		c = add(uuid, TA_CACHE_BYTES / 8, (uint8_t)i);
		assert_non_null(c);
		ta_cache_put(c);
	}
	assert_ptr_equal(ta_cache_get(uuid_a), held);
	ta_cache_put(held);
	uuid[0] = 0x41; /* the oldest: evicted */
	assert_null(ta_cache_get(uuid));
	uuid[0] = 0x48; /* the newest: kept */
	c = ta_cache_get(uuid);
	assert_non_null(c);
	ta_cache_put(c);
	/* With every byte held, nothing more fits. */
	uuid[0] = 0x60;
	c = ta_cache_get(uuid_a);
	assert_null(add(uuid, TA_CACHE_BYTES, 9));
	ta_cache_put(c);
	ta_cache_put(held);
	for (int i = 0; i < 256; i++) {
		uuid[0] = (uint8_t)i;
		ta_cache_drop(uuid);
	}
	assert_int_equal(live, 0);
}

/* Eviction on demand takes unused images, oldest first; held ones stay. */
static void evict_for_a_file(void **state __attribute__((unused)))
{
	struct ta_cached_image *held, *c;

	held = add(uuid_a, 1000, 1);
	c = add(uuid_b, 2000, 2);
	ta_cache_put(c);
	assert_int_equal(ta_cache_evict(), 1); /* b: the only one nobody holds */
	assert_null(ta_cache_get(uuid_b));
	assert_int_equal(ta_cache_evict(), 0); /* a is held */
	assert_ptr_equal(ta_cache_get(uuid_a), held);
	ta_cache_put(held);
	ta_cache_put(held);
	assert_int_equal(ta_cache_evict(), 1);
	assert_null(ta_cache_get(uuid_a));
	assert_int_equal(ta_cache_evict(), 0); /* empty */
	assert_int_equal(live, 0);
}

/* The heap cannot hold the copy: images nobody holds go, oldest first, until it fits. */
static void full_heap_evicts_for_a_copy(void **state __attribute__((unused)))
{
	struct ta_cached_image *held, *c;
	uint8_t uuid_c[16] = {0xc};

	room = 2 * (1000 + sizeof(*held)) + 200 + sizeof(*held);
	held = add(uuid_a, 1000, 1);
	ta_cache_put(add(uuid_b, 1000, 2));
	c = add(uuid_c, 1000, 3); /* b goes, a is held */
	assert_non_null(c);
	assert_int_equal(c->image[999], 3);
	assert_ptr_equal(c->elf, c->image + 16);
	assert_null(ta_cache_get(uuid_b));
	ta_cache_put(c);
	/* Nothing left to evict that is not held: refused, nothing leaked. */
	c = ta_cache_get(uuid_c);
	assert_null(add(uuid_b, 1000, 4));
	assert_int_equal(live, 4);
	ta_cache_put(c);
	ta_cache_put(held);
	ta_cache_drop(uuid_a);
	ta_cache_drop(uuid_c);
	assert_int_equal(live, 0);
	room = (size_t)-1;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(one_image_per_uuid),
	    cmocka_unit_test(replaced_while_held),
	    cmocka_unit_test(bounded_and_held_images_stay),
	    cmocka_unit_test(evict_for_a_file),
	    cmocka_unit_test(full_heap_evicts_for_a_copy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
