// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trusted OS's guests (tee/guest.c) from a hostile guest's and a hostile hypervisor's side:
 * only announced IDs are served, ID 0 is never a guest, a second VM_CREATED changes nothing, a
 * guest's addresses must lie in its RAM (no overflow lets one out), each guest gets its share of
 * a table and no more, a guest with calls in flight is closed before it is freed, its slot is
 * reused only after, and its storage name is its own.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <mbedtls/sha256.h>

#include <rampart/optee_abi.h>

#include "guest.h"

/* What guest.c calls in the rest of the trusted OS, recorded. */
static uint64_t freed_client;
static int freeing_fails, frees;
static size_t leftover_bytes;

void log_info(const char *fmt, ...)
{
	(void)fmt;
}

void log_error(const char *fmt, ...)
{
	(void)fmt;
}

int sha256(const void *data, size_t len, uint8_t out[32])
{
	return mbedtls_sha256_ret(data, len, out, 0);
}

int thread_run_for_client(uint64_t client, void (*fn)(uint64_t client))
{
	if (freeing_fails)
		return -1;
	fn(client);
	return 0;
}

void ta_mark_client_dead(uint64_t client)
{
	freed_client = client;
}

void msg_close_client_sessions(uint64_t client)
{
	assert_int_equal(client, freed_client); /* after its instances were marked dead */
}

void ta_free_client_instances(uint64_t client)
{
	assert_int_equal(client, freed_client);
}

void shm_free_client(uint64_t client)
{
	assert_int_equal(client, freed_client);
}

void ta_fetch_forget_client(uint64_t client)
{
	assert_int_equal(client, freed_client);
	frees++;
}

size_t heap_reclaim_slot(int slot)
{
	assert_true(slot > 0);
	return leftover_bytes;
}

size_t pages_reclaim_slot(int slot)
{
	assert_true(slot > 0);
	return 0;
}

static void destroy_all(void)
{
	for (uint64_t id = 1; id < 0x1000; id++)
		if (guest_known(id) && guest_held(id, GUEST_THREADS) == 0)
			guest_destroyed(id);
}

static int teardown(void **state)
{
	(void)state;
	freeing_fails = 0;
	destroy_all();
	return 0;
}

static void only_announced_guests_are_served(void **state)
{
	(void)state;
	assert_true(guest_known(0));
	assert_false(guest_known(0x101));
	assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), -2);
	assert_int_equal(guest_created(0, 0, 0, 0), OPTEE_SMC_RETURN_ENOTAVAIL);
	assert_int_equal(guest_created(0x101, 0x41000000, 0x20000000, 7), OPTEE_SMC_RETURN_OK);
	assert_true(guest_known(0x101));
	/* A second VM_CREATED for a live guest is refused and resets nothing it holds. */
	assert_int_equal(guest_charge(0x101, GUEST_SESSIONS, 128), 0);
	assert_int_equal(guest_created(0x101, 0, 0, 0), OPTEE_SMC_RETURN_EBUSY);
	assert_int_equal(guest_held(0x101, GUEST_SESSIONS), 1);
	assert_true(guest_range_ok(0x101, 0x41000000, 0x1000));
	assert_int_equal(guest_destroyed(0x999), OPTEE_SMC_RETURN_ENOTAVAIL);
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_OK);
	assert_false(guest_known(0x101));
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_ENOTAVAIL);
}

static void a_guest_names_its_own_ram_only(void **state)
{
	(void)state;
	assert_int_equal(guest_created(0x101, 0x41000000, 0x20000000, 0), OPTEE_SMC_RETURN_OK);
	assert_true(guest_range_ok(0x101, 0x41000000, 0x20000000));
	assert_true(guest_range_ok(0x101, 0x60fff000, 0x1000));
	assert_false(guest_range_ok(0x101, 0x60fff000, 0x1001));     /* runs past its end */
	assert_false(guest_range_ok(0x101, 0x40ffffff, 2));	     /* starts before it */
	assert_false(guest_range_ok(0x101, 0x61000000, 0x1000));     /* the next VM's */
	assert_false(guest_range_ok(0x101, 0x40200000, 0x1000));     /* the hypervisor's */
	assert_false(guest_range_ok(0x101, 0x41000000, UINT64_MAX)); /* wraps */
	assert_false(guest_range_ok(0x101, UINT64_MAX - 0xfff, 0x1000));
	assert_false(guest_range_ok(0x102, 0x41000000, 0x1000)); /* an unknown guest: nothing */
	assert_true(guest_range_ok(0, 0x61000000, 0x1000));	 /* ID 0: the caller checks RAM */
	/* A range that is not one, from the hypervisor, is refused outright. */
	assert_int_equal(guest_created(0x102, UINT64_MAX - 0xfff, 0x2000, 0),
			 OPTEE_SMC_RETURN_EBADADDR);
	assert_int_equal(guest_created(0x102, 0x1000, 0, 0), OPTEE_SMC_RETURN_EBADADDR);
	assert_false(guest_known(0x102));
}

static void each_guest_gets_its_share(void **state)
{
	(void)state;
	assert_int_equal(guest_created(0x101, 0, 0, 0), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_created(0x102, 0, 0, 0), OPTEE_SMC_RETURN_OK);
	/* Two guests: half of 8 threads each; the fifth is refused, the other guest unaffected. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), 0);
	assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), -1);
	assert_int_equal(guest_charge(0x102, GUEST_THREADS, 8), 0);
	guest_uncharge(0x101, GUEST_THREADS);
	assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), 0);
	/* ID 0 (no hypervisor) has no share: the whole table. */
	for (int i = 0; i < 100; i++)
		assert_int_equal(guest_charge(0, GUEST_THREADS, 8), 0);
	/* A third guest: shares shrink to a third for what is taken from now on. */
	assert_int_equal(guest_created(0x103, 0, 0, 0), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_share(128), 42);
	for (int i = 0; i < 42; i++)
		assert_int_equal(guest_charge(0x103, GUEST_SESSIONS, 128), 0);
	assert_int_equal(guest_charge(0x103, GUEST_SESSIONS, 128), -1);
	/* Uncharging more than was taken never wraps. */
	for (int i = 0; i < 50; i++)
		guest_uncharge(0x102, GUEST_THREADS);
	assert_int_equal(guest_held(0x102, GUEST_THREADS), 0);
	for (int i = 0; i < 4; i++)
		guest_uncharge(0x101, GUEST_THREADS);
}

static void a_guest_with_calls_in_flight_is_closed_first(void **state)
{
	(void)state;
	assert_int_equal(guest_created(0x101, 0x41000000, 0x20000000, 0), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), 0);
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_EBUSY);
	/* Closed: no new call, none of its memory touched; its suspended call still ends. */
	assert_false(guest_known(0x101));
	assert_int_equal(guest_charge(0x101, GUEST_THREADS, 8), -2);
	assert_false(guest_range_ok(0x101, 0x41000000, 0x1000));
	assert_int_equal(guest_slot(0x101), 1);
	guest_uncharge(0x101, GUEST_THREADS);
	/* No thread to free it on: it stays closed, and the next try frees it. */
	freeing_fails = 1;
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_EBUSY);
	freeing_fails = 0;
	frees = 0;
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_OK);
	assert_int_equal(frees, 1);
	assert_int_equal(guest_slot(0x101), -1);
	/* Its slot serves the next guest, which starts with nothing held. */
	assert_int_equal(guest_created(0x201, 0, 0, 0), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_slot(0x201), 1);
	assert_int_equal(guest_held(0x201, GUEST_THREADS), 0);
	/* Leftovers are reported but do not stop the freeing. */
	leftover_bytes = 4096;
	assert_int_equal(guest_destroyed(0x201), OPTEE_SMC_RETURN_OK);
	leftover_bytes = 0;
}

static void at_most_guest_max_guests(void **state)
{
	(void)state;
	for (uint64_t id = 1; id <= GUEST_MAX; id++)
		assert_int_equal(guest_created(id, 0, 0, 0), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_created(GUEST_MAX + 1, 0, 0, 0), OPTEE_SMC_RETURN_ENOTAVAIL);
	assert_int_equal(guest_slot(0), 0);
}

static void each_guest_stores_under_its_own_name(void **state)
{
	const uint8_t ta[16] = {0x5e, 0xe1, 0xc0, 0xde, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
	uint8_t a[16], b[16], c[16], d[16];

	(void)state;
	guest_store_uuid(0, ta, a);
	assert_memory_equal(a, ta, 16); /* without a hypervisor: the TA's UUID, as before */
	assert_int_equal(guest_created(0x101, 0, 0, 0xaaaa), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_created(0x102, 0, 0, 0xbbbb), OPTEE_SMC_RETURN_OK);
	guest_store_uuid(0x101, ta, b);
	guest_store_uuid(0x102, ta, c);
	assert_memory_not_equal(b, ta, 16);
	assert_memory_not_equal(b, c, 16);
	/* The same VM after a reboot (a new client ID, the same identity): the same store. */
	assert_int_equal(guest_destroyed(0x101), OPTEE_SMC_RETURN_OK);
	assert_int_equal(guest_created(0x201, 0, 0, 0xaaaa), OPTEE_SMC_RETURN_OK);
	guest_store_uuid(0x201, ta, d);
	assert_memory_equal(b, d, 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_teardown(only_announced_guests_are_served, teardown),
	    cmocka_unit_test_teardown(a_guest_names_its_own_ram_only, teardown),
	    cmocka_unit_test_teardown(each_guest_gets_its_share, teardown),
	    cmocka_unit_test_teardown(a_guest_with_calls_in_flight_is_closed_first, teardown),
	    cmocka_unit_test_teardown(at_most_guest_max_guests, teardown),
	    cmocka_unit_test_teardown(each_guest_stores_under_its_own_name, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
