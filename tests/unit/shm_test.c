// SPDX-License-Identifier: BSD-2-Clause
/*
 * Registered shared memory (tee/shm.c) from the normal world's side: a registration a call
 * uses cannot be unregistered (TEEC_ERROR_BUSY, as OP-TEE answers), its slot is never handed to
 * a new registration, and UNREGISTER plus REGISTER racing with a call never change the pages the
 * call sees.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <rampart/optee_abi.h>

#include "guest.h"
#include "shm.h"

#define NS_PAGE(n) (0x40000000UL + (uint64_t)(n)*SHM_PAGE_SIZE)

/* What shm.c needs from the rest of the trusted OS: all of the host is "normal-world RAM". */
int ns_range_ok(uint64_t pa, uint64_t size)
{
	return pa && size && pa + size > pa;
}

static unsigned int errors_logged;

/* The calling client (tee/guest.h): 0 unless a test plays a guest; guests may hold 2 each. */
static uint64_t current_client;
static uint32_t guest_holds[8];
#define TEST_SHARE 2

uint64_t thread_client(void)
{
	return current_client;
}

int guest_charge(uint64_t id, enum guest_resource r, uint32_t total)
{
	(void)r;
	(void)total;
	if (!id)
		return 0;
	if (guest_holds[id & 7] >= TEST_SHARE)
		return -1;
	guest_holds[id & 7]++;
	return 0;
}

void guest_uncharge(uint64_t id, enum guest_resource r)
{
	(void)r;
	if (id && guest_holds[id & 7])
		guest_holds[id & 7]--;
}

void log_info(const char *fmt, ...)
{
	(void)fmt;
}

void log_error(const char *fmt, ...)
{
	(void)fmt;
	errors_logged++;
}

/* A REGISTER_SHM page list naming pages first..first+n-1; freed by the caller. */
static uint64_t *page_list(uint64_t first, unsigned int n)
{
	uint64_t *list = aligned_alloc(SHM_PAGE_SIZE, SHM_PAGE_SIZE);

	assert_non_null(list);
	memset(list, 0, SHM_PAGE_SIZE);
	for (unsigned int i = 0; i < n; i++)
		list[i] = NS_PAGE(first + i);
	return list;
}

static uint32_t reg(uint64_t cookie, uint64_t first, unsigned int pages)
{
	uint64_t *list = page_list(first, pages);
	uint32_t ret = shm_register(cookie, (uintptr_t)list, pages * SHM_PAGE_SIZE);

	free(list);
	return ret;
}

/* Every registration gone; fails if one is still held (a test leaked a reference). */
static int teardown(void **state __attribute__((unused)))
{
	int held = 0;

	for (uint64_t c = 1; c < 1000; c++)
		held += shm_unregister(c) == TEEC_ERROR_BUSY;
	return held ? -1 : 0;
}

static void unregister_of_a_held_buffer_is_busy(void **state __attribute__((unused)))
{
	struct shm *s;

	assert_int_equal(reg(1, 10, 2), TEEC_SUCCESS);
	s = shm_get(1);
	assert_non_null(s);
	assert_int_equal(shm_unregister(1), TEEC_ERROR_BUSY);
	/* Still registered, still the same pages. */
	assert_ptr_equal(shm_get(1), s);
	shm_put(s);
	assert_int_equal(s->pages[0], NS_PAGE(10));
	shm_put(s);
	assert_int_equal(shm_unregister(1), TEEC_SUCCESS);
	assert_null(shm_get(1));
	assert_int_equal(shm_unregister(1), TEEC_ERROR_ITEM_NOT_FOUND);
}

static void the_same_cookie_cannot_be_registered_twice(void **state __attribute__((unused)))
{
	struct shm *s;

	assert_int_equal(reg(2, 20, 1), TEEC_SUCCESS);
	assert_int_equal(reg(2, 30, 1), TEEC_ERROR_BAD_PARAMETERS);
	s = shm_get(2);
	assert_non_null(s);
	assert_int_equal(s->pages[0], NS_PAGE(20));
	shm_put(s);
}

/* A held registration's slot is not reused when the table is full of new registrations. */
static void a_held_slot_is_never_reused(void **state __attribute__((unused)))
{
	struct shm *held;
	uint64_t c;

	for (c = 1; c <= SHM_MAX_OBJECTS; c++)
		assert_int_equal(reg(c, c, 1), TEEC_SUCCESS);
	assert_int_equal(reg(c, c, 1), TEEC_ERROR_OUT_OF_MEMORY);
	held = shm_get(7);
	assert_non_null(held);
	for (c = 1; c <= SHM_MAX_OBJECTS; c++)
		assert_int_equal(shm_unregister(c), c == 7 ? TEEC_ERROR_BUSY : TEEC_SUCCESS);
	/* Every free slot taken again: the 64th new registration has none. */
	for (c = 100; c < 100 + SHM_MAX_OBJECTS - 1; c++)
		assert_int_equal(reg(c, c, 1), TEEC_SUCCESS);
	assert_int_equal(reg(c, c, 1), TEEC_ERROR_OUT_OF_MEMORY);
	assert_int_equal(held->cookie, 7);
	assert_int_equal(held->pages[0], NS_PAGE(7));
	shm_put(held);
	assert_int_equal(shm_unregister(7), TEEC_SUCCESS);
	assert_int_equal(reg(c, c, 1), TEEC_SUCCESS);
}

static void an_unbalanced_put_is_caught(void **state __attribute__((unused)))
{
	struct shm *s;

	assert_int_equal(reg(3, 40, 1), TEEC_SUCCESS);
	s = shm_get(3);
	shm_put(s);
	errors_logged = 0;
	shm_put(s);
	assert_int_equal(errors_logged, 1);
	assert_int_equal(s->refs, 0);
	assert_int_equal(shm_unregister(3), TEEC_SUCCESS);
}

/*
 * The attack: while a call holds a registration, another CPU unregisters and registers again,
 * with the same cookie and new pages, as fast as it can. The call must see its pages unchanged.
 */
struct race {
	volatile int stop;
	unsigned long busy, replaced;
};

static void *unregister_register(void *arg)
{
	struct race *r = arg;

	while (!r->stop) {
		uint32_t ret = shm_unregister(5);

		if (ret == TEEC_ERROR_BUSY) {
			r->busy++;
			continue;
		}
		if (ret == TEEC_SUCCESS && reg(5, 900, 4) == TEEC_SUCCESS)
			r->replaced++;
	}
	return NULL;
}

static void unregister_and_register_never_repoint_a_call(void **state __attribute__((unused)))
{
	struct race r = {0};
	pthread_t attacker;

	assert_int_equal(reg(5, 500, 4), TEEC_SUCCESS);
	assert_int_equal(pthread_create(&attacker, NULL, unregister_register, &r), 0);
	/* Until the attacker both hit calls in progress and replaced the buffer between them. */
	for (long call = 0; call < 20000000 && (r.busy < 100 || r.replaced < 100); call++) {
		struct shm *s = shm_get(5);
		uint64_t first;

		if (!s) /* between the attacker's unregister and register */
			continue;
		first = s->pages[0];
		assert_true(first == NS_PAGE(500) || first == NS_PAGE(900));
		for (int i = 0; i < 200; i++) {
			assert_int_equal(s->cookie, 5);
			assert_int_equal(s->pages[0], first);
			assert_int_equal(s->pages[3], first + 3 * SHM_PAGE_SIZE);
		}
		shm_put(s);
	}
	r.stop = 1;
	pthread_join(attacker, NULL);
	assert_true(r.busy >= 100 && r.replaced >= 100); /* the race did happen both ways */
}

/*
 * Two guests of a hypervisor pick their cookies alone (each kernel its own pointers): the same
 * cookie names two registrations, and neither guest reaches the other's, to use or to release.
 */
static void a_guest_finds_only_its_own_cookies(void **state __attribute__((unused)))
{
	struct shm *s;

	current_client = 0x101;
	assert_int_equal(reg(7, 100, 1), TEEC_SUCCESS);
	current_client = 0x102;
	assert_null(shm_get(7));
	assert_int_equal(shm_unregister(7), TEEC_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(reg(7, 200, 1), TEEC_SUCCESS);
	s = shm_get(7);
	assert_non_null(s);
	assert_int_equal(s->pages[0], NS_PAGE(200));
	shm_put(s);
	current_client = 0x101;
	s = shm_get(7);
	assert_non_null(s);
	assert_int_equal(s->pages[0], NS_PAGE(100));
	shm_put(s);
	assert_int_equal(shm_unregister(7), TEEC_SUCCESS);
	current_client = 0x102;
	assert_int_equal(shm_unregister(7), TEEC_SUCCESS);
	current_client = 0;
}

/* A guest past its share of the table is refused; the other still registers, and so does it
 * once it released one; a destroyed guest's registrations go. */
static void a_guest_registers_its_share_and_no_more(void **state __attribute__((unused)))
{
	struct shm *s;

	current_client = 0x101;
	assert_int_equal(reg(20, 300, 1), TEEC_SUCCESS);
	assert_int_equal(reg(21, 301, 1), TEEC_SUCCESS);
	assert_int_equal(reg(22, 302, 1), TEEC_ERROR_OUT_OF_MEMORY);
	current_client = 0x102;
	assert_int_equal(reg(22, 302, 1), TEEC_SUCCESS);
	current_client = 0x101;
	assert_int_equal(shm_unregister(20), TEEC_SUCCESS);
	assert_int_equal(reg(23, 303, 1), TEEC_SUCCESS);
	shm_free_client(0x101);
	memset(guest_holds, 0, sizeof(guest_holds));
	assert_null(shm_get(21));
	assert_null(shm_get(23));
	current_client = 0x102;
	s = shm_get(22);
	assert_non_null(s);
	shm_put(s);
	assert_int_equal(shm_unregister(22), TEEC_SUCCESS);
	current_client = 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_teardown(unregister_of_a_held_buffer_is_busy, teardown),
	    cmocka_unit_test(a_guest_finds_only_its_own_cookies),
	    cmocka_unit_test(a_guest_registers_its_share_and_no_more),
	    cmocka_unit_test_teardown(the_same_cookie_cannot_be_registered_twice, teardown),
	    cmocka_unit_test_teardown(a_held_slot_is_never_reused, teardown),
	    cmocka_unit_test_teardown(an_unbalanced_put_is_caught, teardown),
	    cmocka_unit_test_teardown(unregister_and_register_never_repoint_a_call, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
