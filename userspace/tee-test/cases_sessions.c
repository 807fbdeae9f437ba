// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions together: many open at once, TA-to-TA calls, the single-instance peer TA's shared
 * counter, every CPU invoking at once, and cancellation from a second thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define MANY_SESSIONS 32
#define STRESS_MS     2000

bool case_many_sessions(TEEC_Context *ctx)
{
	TEEC_Session s[MANY_SESSIONS];
	char what[64];
	int n, i;
	bool ok = true;

	for (n = 0; n < MANY_SESSIONS; n++) {
		snprintf(what, sizeof(what), "OpenSession #%d of %d", n + 1, MANY_SESSIONS);
		if (!open_session(ctx, &s[n], &test_ta_uuid, what)) {
			ok = false;
			break;
		}
	}
	/* Every session answers while all are open, each with its own operands. */
	for (i = 0; ok && i < n; i++) {
		snprintf(what, sizeof(what), "ADD on session #%d", i + 1);
		ok = invoke_add(&s[i], (uint32_t)i * 1000, (uint32_t)i, what);
	}
	while (n--)
		TEEC_CloseSession(&s[n]);
	return ok;
}

bool case_ta_to_ta(TEEC_Context *ctx)
{
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok = false;
	int i;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	for (i = 0; i < 3; i++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 123456 + i;
		op.params[0].value.b = 654321;
		res = TEEC_InvokeCommand(&s, TEST_CMD_PEER_ADD, &op, &origin);
		if (!expect_res("PEER_ADD (test TA -> peer TA)", res, origin, TEEC_SUCCESS))
			goto out;
		if (op.params[1].value.a != 123456u + i + 654321u) {
			fail("PEER_ADD gave %u, expected %u", op.params[1].value.a,
			     123456u + i + 654321u);
			goto out;
		}
	}
	ok = true;
out:
	TEEC_CloseSession(&s);
	return ok;
}

static bool peer_count(TEEC_Session *s, uint32_t *count, const char *what)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, PEER_CMD_COUNT, &op, &origin);
	*count = op.params[0].value.a;
	return expect_res(what, res, origin, TEEC_SUCCESS);
}

/*
 * The peer TA is single-instance and multi-session (TA_FLAG_SINGLE_INSTANCE |
 * TA_FLAG_MULTI_SESSION): both sessions reach one instance, so one counter.
 */
bool case_peer_shared(TEEC_Context *ctx)
{
	TEEC_Session a, b;
	uint32_t c1, c2, c3;
	bool ok = false;

	if (!open_session(ctx, &a, &peer_ta_uuid, "OpenSession(peer TA) first"))
		return false;
	if (!open_session(ctx, &b, &peer_ta_uuid, "OpenSession(peer TA) second"))
		goto close_a;
	if (!peer_count(&a, &c1, "COUNT on the first session") ||
	    !peer_count(&b, &c2, "COUNT on the second session") ||
	    !peer_count(&a, &c3, "COUNT on the first session again"))
		goto close_b;
	if (c2 != c1 + 1 || c3 != c1 + 2) {
		fail("counter went %u, %u, %u across two sessions: not one shared instance", c1, c2,
		     c3);
		goto close_b;
	}
	ok = true;
close_b:
	TEEC_CloseSession(&b);
close_a:
	TEEC_CloseSession(&a);
	return ok;
}

struct stress {
	pthread_t thread;
	TEEC_Context *ctx;
	unsigned int index;
	unsigned long calls;
	char error[160];
};

static void *stress_thread(void *arg)
{
	struct stress *t = arg;
	TEEC_Session s;
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	double end;
	uint32_t a, b;

	res = TEEC_OpenSession(t->ctx, &s, &test_ta_uuid, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
	if (res != TEEC_SUCCESS) {
		snprintf(t->error, sizeof(t->error), "thread %u: OpenSession 0x%08x origin %u",
			 t->index, res, origin);
		return NULL;
	}
	end = now_ms() + STRESS_MS;
	while (now_ms() < end) {
		a = (uint32_t)(t->index << 24) + (uint32_t)t->calls;
		b = (uint32_t)t->calls * 3;
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = a;
		op.params[0].value.b = b;
		res = TEEC_InvokeCommand(&s, TEST_CMD_ADD, &op, &origin);
		if (res != TEEC_SUCCESS || op.params[1].value.a != a + b ||
		    op.params[1].value.b != a - b) {
			snprintf(t->error, sizeof(t->error),
				 "thread %u call %lu: result 0x%08x origin %u, got %u/%u for %u/%u",
				 t->index, t->calls, res, origin, op.params[1].value.a,
				 op.params[1].value.b, a + b, a - b);
			break;
		}
		t->calls++;
	}
	TEEC_CloseSession(&s);
	return NULL;
}

/* One thread per online CPU, each with its own session, invoking for STRESS_MS. */
bool case_all_cpus(TEEC_Context *ctx)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct stress t[64];
	unsigned long total = 0;
	long i, started = 0;
	bool ok = true;

	if (cpus < 1)
		return fail("cannot count the online CPUs");
	if (cpus > 64)
		cpus = 64;
	memset(t, 0, sizeof(t));
	for (i = 0; i < cpus; i++) {
		t[i].ctx = ctx;
		t[i].index = (unsigned int)i;
		if (pthread_create(&t[i].thread, NULL, stress_thread, &t[i])) {
			ok = fail("pthread_create failed");
			break;
		}
		started++;
	}
	for (i = 0; i < started; i++)
		pthread_join(t[i].thread, NULL);
	for (i = 0; i < started; i++) {
		if (t[i].error[0])
			ok = ok && fail("%s", t[i].error);
		else if (t[i].calls == 0)
			ok = ok && fail("thread %ld made no call in %d ms", i, STRESS_MS);
		total += t[i].calls;
	}
	if (ok)
		printf("tee-test: %ld threads made %lu calls in %d ms\n", started, total,
		       STRESS_MS);
	return ok;
}

struct busy_call {
	TEEC_Session *session;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	double ms;
	volatile int done;
};

static void *busy_thread(void *arg)
{
	struct busy_call *c = arg;
	double start = now_ms();

	c->res = TEEC_InvokeCommand(c->session, TEST_CMD_BUSY_CANCEL, &c->op, &c->origin);
	c->ms = now_ms() - start;
	c->done = 1;
	return NULL;
}

/*
 * TEEC_RequestCancellation from this thread while another is inside BUSY_CANCEL: the TA sees
 * its cancellation flag and returns TEEC_ERROR_CANCEL well before its 10 s limit. Repeated
 * until the call returns, as a request that arrives before the TA runs may find nothing to
 * cancel (GP TEE Client API 4.5.11: cancellation is best effort).
 */
bool case_cancel(TEEC_Context *ctx)
{
	const uint32_t limit_ms = 10000;
	struct busy_call c;
	TEEC_Session s;
	pthread_t thread;
	int requests = 0;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	memset(&c, 0, sizeof(c));
	c.session = &s;
	c.op.started = 0; /* GP: zero so that the operation can be cancelled */
	c.op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	c.op.params[0].value.a = limit_ms;
	if (pthread_create(&thread, NULL, busy_thread, &c)) {
		TEEC_CloseSession(&s);
		return fail("pthread_create failed");
	}
	usleep(300 * 1000);
	while (!c.done && requests < 40) {
		TEEC_RequestCancellation(&c.op);
		requests++;
		usleep(200 * 1000);
	}
	pthread_join(thread, NULL);
	if (requests == 0) {
		fail("BUSY_CANCEL returned 0x%08x after %.0f ms, before any cancellation request",
		     c.res, c.ms);
		goto out;
	}
	if (!expect_res("BUSY_CANCEL after TEEC_RequestCancellation", c.res, c.origin,
			TEEC_ERROR_CANCEL))
		goto out;
	if (c.ms >= limit_ms) {
		fail("BUSY_CANCEL returned CANCEL only after its %u ms limit", limit_ms);
		goto out;
	}
	printf("tee-test: cancelled after %.0f ms, %d request(s)\n", c.ms, requests);
	/* The session outlives the cancelled call. */
	ok = invoke_add(&s, 5, 6, "ADD after a cancelled call");
out:
	TEEC_CloseSession(&s);
	return ok;
}
