// SPDX-License-Identifier: BSD-2-Clause
/*
 * Lifetimes and bounds in the trusted OS: TA-to-TA recursion stops at the nesting bound with an
 * error and leaves nothing behind; opens and closes of a single instance that is not kept alive
 * race from every CPU without an entry ever running in a destroyed instance; registered memory
 * registered and released by other threads while calls use theirs never changes what a call
 * sees. (The unmodified Linux driver never unregisters a buffer a call uses; the trusted OS's
 * refusal of that is tested on the host, tests/unit/shm_test.c.)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define SINGLE_CANARY 0x516e6c65 /* ta/rampart_single/single_ta.c */
#define RACE_MS	      3000
#define MAX_THREADS   16

static long online_cpus(void)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	return cpus < 1 ? 1 : cpus;
}

/* Run the calling thread on one CPU only, so the threads of a case spread over all of them. */
static void pin_to_cpu(unsigned int index)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(index % online_cpus(), &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/* Instances and sessions as the statistics PTA counts them, less its own session. */
static bool count_live(TEEC_Context *ctx, struct tee_stats *out)
{
	TEEC_Session stats;
	bool ok;

	if (!open_session(ctx, &stats, &stats_pta_uuid, "OpenSession(statistics PTA)"))
		return false;
	ok = read_stats(&stats, out);
	TEEC_CloseSession(&stats);
	return ok;
}

static bool same_live(const struct tee_stats *before, const struct tee_stats *after,
		      const char *what)
{
	if (after->instances != before->instances || after->sessions != before->sessions ||
	    after->ta_pages != before->ta_pages)
		return fail("%s: %u instances, %u sessions, %u TA pages live, %u, %u, %u before",
			    what, after->instances, after->sessions, after->ta_pages,
			    before->instances, before->sessions, before->ta_pages);
	return true;
}

/*
 * The test TA opens a session to its own UUID and recurses: the trusted OS refuses the level past
 * TEST_TA_NESTING_LIMIT with OUT_OF_MEMORY (origin TEE), every level unwinds, and the trusted OS
 * goes on: a call afterwards works and no instance or session is left.
 */
bool case_ta_nesting_bound(TEEC_Context *ctx)
{
	struct tee_stats before, after;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok = true;

	if (!count_live(ctx, &before))
		return false;
	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	for (int round = 0; round < 3 && ok; round++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 1;
		res = TEEC_InvokeCommand(&s, TEST_CMD_RECURSE, &op, &origin);
		ok = expect_res("TEST_CMD_RECURSE", res, origin, TEEC_SUCCESS);
		if (ok && (op.params[1].value.a != TEST_TA_NESTING_LIMIT ||
			   op.params[1].value.b != TEEC_ERROR_OUT_OF_MEMORY))
			ok = fail(
			    "recursion stopped at depth %u with 0x%08x, expected depth %u with "
			    "OUT_OF_MEMORY",
			    op.params[1].value.a, op.params[1].value.b, TEST_TA_NESTING_LIMIT);
	}
	if (ok)
		ok = invoke_add(&s, 40, 2, "ADD after the recursion");
	TEEC_CloseSession(&s);
	if (ok)
		ok = count_live(ctx, &after) && same_live(&before, &after, "after the recursion");
	if (ok)
		printf("tee-test: recursion refused past depth %u, trusted OS alive\n",
		       TEST_TA_NESTING_LIMIT);
	return ok;
}

struct racer {
	pthread_t thread;
	TEEC_Context *ctx;
	unsigned int index;
	unsigned long rounds;
	char error[200];
};

/* Open, invoke, close the single TA as fast as possible: every last close destroys it. */
static void *single_racer(void *arg)
{
	struct racer *r = arg;
	double end = now_ms() + RACE_MS;

	pin_to_cpu(r->index);
	while (now_ms() < end) {
		TEEC_Operation op;
		TEEC_Session s;
		uint32_t origin = 0, a = r->index << 20 | (uint32_t)r->rounds;
		TEEC_Result res;

		res = TEEC_OpenSession(r->ctx, &s, &single_ta_uuid, TEEC_LOGIN_PUBLIC, NULL, NULL,
				       &origin);
		if (res != TEEC_SUCCESS) {
			snprintf(r->error, sizeof(r->error),
				 "thread %u round %lu: OpenSession(single TA) 0x%08x origin %u",
				 r->index, r->rounds, res, origin);
			return NULL;
		}
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = a;
		op.params[0].value.b = 7;
		res = TEEC_InvokeCommand(&s, SINGLE_CMD_ADD, &op, &origin);
		TEEC_CloseSession(&s);
		if (res != TEEC_SUCCESS || op.params[1].value.a != a + 7 ||
		    op.params[1].value.b != SINGLE_CANARY) {
			snprintf(r->error, sizeof(r->error),
				 "thread %u round %lu: ADD 0x%08x origin %u, a = %u (want %u), "
				 "canary %#x",
				 r->index, r->rounds, res, origin, op.params[1].value.a, a + 7,
				 op.params[1].value.b);
			return NULL;
		}
		r->rounds++;
	}
	return NULL;
}

/* Runs fn on threads spread over every CPU (at least 4 threads); false with the first error. */
static bool run_racers(TEEC_Context *ctx, void *(*fn)(void *), const char *what)
{
	long n = online_cpus() < 4 ? 4 : online_cpus();
	struct racer r[MAX_THREADS];
	unsigned long total = 0;
	long i, started = 0;
	bool ok = true;

	if (n > MAX_THREADS)
		n = MAX_THREADS;
	memset(r, 0, sizeof(r));
	for (i = 0; i < n; i++) {
		r[i].ctx = ctx;
		r[i].index = (unsigned int)i;
		if (pthread_create(&r[i].thread, NULL, fn, &r[i])) {
			ok = fail("pthread_create failed");
			break;
		}
		started++;
	}
	for (i = 0; i < started; i++)
		pthread_join(r[i].thread, NULL);
	for (i = 0; i < started; i++) {
		if (r[i].error[0])
			ok = ok && fail("%s", r[i].error);
		else if (!r[i].rounds)
			ok = ok && fail("thread %ld made no round in %d ms", i, RACE_MS);
		total += r[i].rounds;
	}
	if (ok)
		printf("tee-test: %s: %ld threads on %ld CPUs, %lu rounds in %d ms\n", what,
		       started, online_cpus(), total, RACE_MS);
	return ok;
}

bool case_single_instance_race(TEEC_Context *ctx)
{
	struct tee_stats before, after;

	if (!count_live(ctx, &before))
		return false;
	if (!run_racers(ctx, single_racer, "single-instance open/close"))
		return false;
	return count_live(ctx, &after) && same_live(&before, &after, "after the race");
}

/*
 * Thread 0 sums a registered buffer over and over; the others register buffers of their own,
 * sum them and release them meanwhile, so registrations come and go (and their slots are
 * reused) while calls are using others. Every sum must be the sum of the caller's own bytes.
 */
static void *shm_racer(void *arg)
{
	struct racer *r = arg;
	const size_t size = 2 * 4096 + 100;
	double end = now_ms() + RACE_MS;
	uint8_t *buf = malloc(size);
	TEEC_SharedMemory shm;
	TEEC_Session s;
	uint32_t origin = 0, want = 0;
	TEEC_Result res;

	if (!buf) {
		snprintf(r->error, sizeof(r->error), "thread %u: malloc failed", r->index);
		return NULL;
	}
	pin_to_cpu(r->index);
	res = TEEC_OpenSession(r->ctx, &s, &test_ta_uuid, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
	if (res != TEEC_SUCCESS) {
		snprintf(r->error, sizeof(r->error), "thread %u: OpenSession 0x%08x origin %u",
			 r->index, res, origin);
		free(buf);
		return NULL;
	}
	while (now_ms() < end && !r->error[0]) {
		TEEC_Operation op;

		for (size_t i = 0; i < size; i++)
			buf[i] = (uint8_t)(r->index * 37 + r->rounds + i);
		want = 0;
		for (size_t i = 0; i < size; i++)
			want += buf[i];
		memset(&shm, 0, sizeof(shm));
		shm.buffer = buf;
		shm.size = size;
		shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
		res = TEEC_RegisterSharedMemory(r->ctx, &shm);
		if (res != TEEC_SUCCESS) {
			snprintf(r->error, sizeof(r->error),
				 "thread %u: RegisterSharedMemory 0x%08x", r->index, res);
			break;
		}
		/* Thread 0 keeps its registration for many calls; the others churn. */
		for (int call = 0; call < (r->index ? 1 : 50) && now_ms() < end; call++) {
			memset(&op, 0, sizeof(op));
			op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT,
							 TEEC_NONE, TEEC_NONE);
			op.params[0].memref.parent = &shm;
			res = TEEC_InvokeCommand(&s, TEST_CMD_SUM, &op, &origin);
			if (res != TEEC_SUCCESS || op.params[1].value.a != want ||
			    op.params[1].value.b != size) {
				snprintf(r->error, sizeof(r->error),
					 "thread %u round %lu: SUM 0x%08x origin %u, sum %u of %u "
					 "bytes (want %u of %zu)",
					 r->index, r->rounds, res, origin, op.params[1].value.a,
					 op.params[1].value.b, want, size);
				break;
			}
			r->rounds++;
		}
		TEEC_ReleaseSharedMemory(&shm);
	}
	TEEC_CloseSession(&s);
	free(buf);
	return NULL;
}

bool case_shm_churn(TEEC_Context *ctx)
{
	struct tee_stats before, after;

	if (!count_live(ctx, &before))
		return false;
	if (!run_racers(ctx, shm_racer, "register/release during calls"))
		return false;
	return count_live(ctx, &after) && same_live(&before, &after, "after the churn");
}
