// SPDX-License-Identifier: BSD-2-Clause
/*
 * RETURN_FROM_RPC from the normal world's side (tee/thread_state.c): only a thread that has
 * finished saving its context (published as suspended) and that the same client suspended is
 * resumed; every other thread index, state and client is refused (ERESUME in thread.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "thread_state.h"

#define COUNT 8
#define LINUX 0 /* the SMCCC client ID of the hypervisor or of a normal world without one */

static void a_suspended_thread_resumes_for_its_client(void **state __attribute__((unused)))
{
	for (uint64_t id = 0; id < COUNT; id++)
		assert_null(thread_resume_refusal(id, COUNT, THREAD_SUSPENDED, LINUX, LINUX));
	assert_null(thread_resume_refusal(3, COUNT, THREAD_SUSPENDED, 5, 5));
}

/* A thread marked active is running, or still saving its context: never resumed. */
static void a_thread_still_saving_is_refused(void **state __attribute__((unused)))
{
	assert_non_null(thread_resume_refusal(2, COUNT, THREAD_ACTIVE, LINUX, LINUX));
	assert_non_null(thread_resume_refusal(2, COUNT, THREAD_FREE, LINUX, LINUX));
	assert_non_null(thread_resume_refusal(2, COUNT, 7, LINUX, LINUX));
}

static void another_client_cannot_resume(void **state __attribute__((unused)))
{
	assert_non_null(thread_resume_refusal(1, COUNT, THREAD_SUSPENDED, 1, 2));
	assert_non_null(thread_resume_refusal(1, COUNT, THREAD_SUSPENDED, LINUX, 1));
}

static void indices_past_the_pool_are_refused(void **state __attribute__((unused)))
{
	assert_non_null(thread_resume_refusal(COUNT, COUNT, THREAD_SUSPENDED, LINUX, LINUX));
	assert_non_null(thread_resume_refusal(UINT64_MAX, COUNT, THREAD_SUSPENDED, LINUX, LINUX));
	assert_non_null(
	    thread_resume_refusal((uint64_t)1 << 32, COUNT, THREAD_SUSPENDED, LINUX, LINUX));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(a_suspended_thread_resumes_for_its_client),
	    cmocka_unit_test(a_thread_still_saving_is_refused),
	    cmocka_unit_test(another_client_cannot_resume),
	    cmocka_unit_test(indices_past_the_pool_are_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
