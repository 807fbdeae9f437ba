// SPDX-License-Identifier: BSD-2-Clause
/*
 * The per-instance handle tables of the GP crypto calls (tee/handle_table.c), from a hostile
 * TA's side: a handle is honoured only while it is live, in its own table, with its generation;
 * forged, stale, zero and other-kind handles name nothing; the table holds a bounded number.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "handle_table.h"

static int things[HANDLE_TABLE_SLOTS + 1];

static void a_handle_names_what_was_stored(void **state __attribute__((unused)))
{
	struct handle_table t;
	uint32_t a, b;

	handle_table_init(&t, 1);
	a = handle_alloc(&t, &things[0]);
	b = handle_alloc(&t, &things[1]);
	assert_int_not_equal(a, 0);
	assert_int_not_equal(b, 0);
	assert_int_not_equal(a, b);
	assert_ptr_equal(handle_get(&t, a), &things[0]);
	assert_ptr_equal(handle_get(&t, b), &things[1]);
	assert_int_equal(t.used, 2);
}

static void zero_and_forged_handles_name_nothing(void **state __attribute__((unused)))
{
	struct handle_table t;
	uint32_t h;

	handle_table_init(&t, 1);
	h = handle_alloc(&t, &things[0]);
	assert_null(handle_get(&t, 0));
	assert_null(handle_get(&t, h + 1));		  /* the next slot: empty */
	assert_null(handle_get(&t, h ^ 0x1000));	  /* another generation */
	assert_null(handle_get(&t, (h & ~0xffU) | 0xff)); /* an index past the table */
	assert_null(handle_get(&t, h & ~0xffU));	  /* index 0 is never given */
	assert_null(handle_get(&t, 0xffffffffU));
	assert_null(handle_release(&t, h + 1));
	assert_int_equal(t.used, 1);
}

static void a_freed_handle_stays_dead_when_its_slot_is_reused(void **state __attribute__((unused)))
{
	struct handle_table t;
	uint32_t old, fresh;

	handle_table_init(&t, 1);
	old = handle_alloc(&t, &things[0]);
	assert_ptr_equal(handle_release(&t, old), &things[0]);
	assert_null(handle_get(&t, old));
	assert_null(handle_release(&t, old)); /* a double free changes nothing */
	fresh = handle_alloc(&t, &things[1]);
	assert_int_equal(fresh & 0xff, old & 0xff); /* the same slot... */
	assert_int_not_equal(fresh, old);	    /* ...under another generation */
	assert_null(handle_get(&t, old));
	assert_ptr_equal(handle_get(&t, fresh), &things[1]);
	assert_int_equal(t.used, 1);
}

static void handles_of_another_table_kind_are_refused(void **state __attribute__((unused)))
{
	struct handle_table objs, ops;
	uint32_t o, p;

	handle_table_init(&objs, 1);
	handle_table_init(&ops, 2);
	o = handle_alloc(&objs, &things[0]);
	p = handle_alloc(&ops, &things[1]);
	assert_null(handle_get(&ops, o));
	assert_null(handle_get(&objs, p));
	assert_null(handle_release(&ops, o));
	assert_ptr_equal(handle_get(&objs, o), &things[0]);
}

static void the_table_is_bounded(void **state __attribute__((unused)))
{
	struct handle_table t;
	uint32_t h[HANDLE_TABLE_SLOTS];

	handle_table_init(&t, 3);
	for (int i = 0; i < HANDLE_TABLE_SLOTS; i++) {
		h[i] = handle_alloc(&t, &things[i]);
		assert_int_not_equal(h[i], 0);
	}
	assert_int_equal(handle_alloc(&t, &things[HANDLE_TABLE_SLOTS]), 0);
	assert_int_equal(t.used, HANDLE_TABLE_SLOTS);
	for (int i = 0; i < HANDLE_TABLE_SLOTS; i++)
		assert_ptr_equal(handle_slot(&t, (uint32_t)i), &things[i]);
	assert_null(handle_slot(&t, HANDLE_TABLE_SLOTS));
	handle_release(&t, h[7]);
	assert_int_not_equal(handle_alloc(&t, &things[HANDLE_TABLE_SLOTS]), 0);
	assert_int_equal(handle_alloc(&t, NULL), 0); /* nothing to name: no handle */
}

static void generations_wrap_without_reaching_zero(void **state __attribute__((unused)))
{
	struct handle_table t;
	uint32_t h = 0, first;

	handle_table_init(&t, 1);
	first = handle_alloc(&t, &things[0]);
	handle_release(&t, first);
	/* Every generation of slot 0 in turn: never handle 0, never the kind or index lost. */
	for (uint32_t i = 0; i < 0x100000; i++) {
		h = handle_alloc(&t, &things[0]);
		assert_int_not_equal(h, 0);
		assert_int_equal(h & 0xfff, first & 0xfff);
		handle_release(&t, h);
	}
	assert_null(handle_get(&t, h));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_handle_names_what_was_stored),
	    cmocka_unit_test(zero_and_forged_handles_name_nothing),
	    cmocka_unit_test(a_freed_handle_stays_dead_when_its_slot_is_reused),
	    cmocka_unit_test(handles_of_another_table_kind_are_refused),
	    cmocka_unit_test(the_table_is_bounded),
	    cmocka_unit_test(generations_wrap_without_reaching_zero),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
