// SPDX-License-Identifier: BSD-2-Clause
/*
 * Cancellation of a waiting call (GP TEE Client API v1.0 4.5.11 TEEC_RequestCancellation; GP
 * TEE Internal Core API v1.3.1 4.9 and 4.10): the client cancelling a TEE_Wait, a masked wait
 * running its full time, cancel requests for calls the requester does not own changing nothing,
 * and a TA-to-TA call's cancellationRequestTimeout ending the callee's TEE_Wait.
 */
#include <linux/tee.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

/* TEST_CMD_WAIT running on its own thread, so this one can cancel it. */
struct wait_call {
	TEEC_Session *session;
	TEEC_Operation op;
	TEEC_Result res;
	uint32_t origin;
	double ms;
	volatile int done;
	pthread_t thread;
};

static void *wait_thread(void *arg)
{
	struct wait_call *c = arg;
	double start = now_ms();

	c->res = TEEC_InvokeCommand(c->session, TEST_CMD_WAIT, &c->op, &c->origin);
	c->ms = now_ms() - start;
	c->done = 1;
	return NULL;
}

static bool start_wait(struct wait_call *c, TEEC_Session *s, uint32_t ms)
{
	memset(c, 0, sizeof(*c));
	c->session = s;
	c->op.started = 0; /* GP: zero so that the operation can be cancelled */
	c->op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	c->op.params[0].value.a = ms;
	if (pthread_create(&c->thread, NULL, wait_thread, c))
		return fail("pthread_create failed");
	return true;
}

/* TEST_CMD_CANCEL_MASK: mask (1) or unmask (0) for the session; *was_masked as the TA saw it. */
static bool set_mask(TEEC_Session *s, TEEC_Operation *op, uint32_t mask, uint32_t *was_masked)
{
	uint32_t origin;
	TEEC_Result res;

	memset(op, 0, sizeof(*op));
	op->paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op->params[0].value.a = mask;
	res = TEEC_InvokeCommand(s, TEST_CMD_CANCEL_MASK, op, &origin);
	if (!expect_res("CANCEL_MASK", res, origin, TEEC_SUCCESS))
		return false;
	if (was_masked)
		*was_masked = op->params[1].value.a;
	return true;
}

/* The client's own cancellation, sent every 100 ms until the call ends (it is best effort). */
static int cancel_until_done(struct wait_call *c, int max_requests)
{
	int requests = 0;

	while (!c->done && requests < max_requests) {
		TEEC_RequestCancellation(&c->op);
		requests++;
		usleep(100 * 1000);
	}
	return requests;
}

/*
 * A session whose TA unmasked cancellation in an earlier command (as OP-TEE's os_test does in
 * its open-session entry): a later TEE_Wait(5 s) is cancelled by the client and ends with
 * TEEC_ERROR_CANCEL, origin TRUSTED_APP, well before its time. A session starts masked.
 */
bool case_cancel_wait(TEEC_Context *ctx)
{
	const uint32_t wait_ms = 5000;
	struct wait_call c;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t was_masked = 0;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	if (!set_mask(&s, &op, 0, &was_masked))
		goto out;
	if (!was_masked) {
		fail("a new session's cancellation was not masked (GP 4.10: masked by default)");
		goto out;
	}
	if (!start_wait(&c, &s, wait_ms))
		goto out;
	usleep(500 * 1000); /* the wait is under way, the thread sleeping in Linux */
	cancel_until_done(&c, 50);
	pthread_join(c.thread, NULL);
	if (!expect_res("TEE_Wait after TEEC_RequestCancellation", c.res, c.origin,
			TEEC_ERROR_CANCEL))
		goto out;
	if (c.origin != TEEC_ORIGIN_TRUSTED_APP) {
		fail("cancelled TEE_Wait: origin %u, not TRUSTED_APP", c.origin);
		goto out;
	}
	if (c.ms > wait_ms / 2) {
		fail("cancelled TEE_Wait(%u) took %.0f ms", wait_ms, c.ms);
		goto out;
	}
	printf("tee-test: TEE_Wait(%u) cancelled after %.0f ms\n", wait_ms, c.ms);
	ok = invoke_add(&s, 5, 6, "ADD after a cancelled wait");
out:
	TEEC_CloseSession(&s);
	return ok;
}

/*
 * Masked (a new session, and one unmasked and masked again): cancellation requests do not cut
 * TEE_Wait short; it runs its full time and succeeds (GP 4.10).
 */
bool case_cancel_masked(TEEC_Context *ctx)
{
	const uint32_t wait_ms = 1200;
	struct wait_call c;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t was_masked = 1;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	for (int round = 0; round < 2; round++) {
		if (round == 1) {
			if (!set_mask(&s, &op, 0, NULL) || !set_mask(&s, &op, 1, &was_masked))
				goto out;
			if (was_masked) {
				fail("TEE_MaskCancellation after an unmask said it was masked");
				goto out;
			}
		}
		if (!start_wait(&c, &s, wait_ms))
			goto out;
		usleep(200 * 1000);
		cancel_until_done(&c, 40);
		pthread_join(c.thread, NULL);
		if (!expect_res("masked TEE_Wait with cancellation requests", c.res, c.origin,
				TEEC_SUCCESS))
			goto out;
		if (c.ms < wait_ms - 50) {
			fail("masked TEE_Wait(%u) ended after %.0f ms", wait_ms, c.ms);
			goto out;
		}
	}
	ok = true;
out:
	TEEC_CloseSession(&s);
	return ok;
}

/* TEE_IOC_CANCEL as the driver takes it: any cancel ID, for a session of this context. */
static int raw_cancel(TEEC_Context *ctx, uint32_t session, uint32_t cancel_id)
{
	struct tee_ioctl_cancel_arg arg = {.cancel_id = cancel_id, .session = session};

	return ioctl(ctx->fd, TEE_IOC_CANCEL, &arg);
}

/*
 * CANCEL messages that name another call change nothing: the waiting call's own session with a
 * cancel ID it does not have (libteec sends 0), another session of this client, a session of
 * another client. The unmasked TEE_Wait runs its full time; then the right request still ends
 * the next one, so the requests above did reach the trusted OS and were told apart.
 */
bool case_cancel_not_mine(TEEC_Context *ctx)
{
	const uint32_t wait_ms = 1500;
	TEEC_Session a, b, other;
	TEEC_Context ctx2;
	TEEC_Operation op_b, op_other;
	struct wait_call c;
	int requests = 0;
	bool ok = false;

	if (TEEC_InitializeContext(NULL, &ctx2) != TEEC_SUCCESS)
		return fail("TEEC_InitializeContext (a second client) failed");
	if (!open_session(ctx, &a, &test_ta_uuid, "OpenSession(test TA) a"))
		goto out_ctx;
	if (!open_session(ctx, &b, &test_ta_uuid, "OpenSession(test TA) b"))
		goto out_a;
	if (!open_session(&ctx2, &other, &test_ta_uuid, "OpenSession(test TA), second client"))
		goto out_b;
	/* All unmasked; op_b and op_other are now bound to their sessions (libteec). */
	if (!set_mask(&a, &op_b, 0, NULL) || !set_mask(&b, &op_b, 0, NULL) ||
	    !set_mask(&other, &op_other, 0, NULL))
		goto out_all;
	if (!start_wait(&c, &a, wait_ms))
		goto out_all;
	usleep(200 * 1000);
	while (!c.done && requests < 30) {
		for (uint32_t id = 1; id <= 3; id++)
			if (raw_cancel(ctx, a.session_id, id)) {
				fail("TEE_IOC_CANCEL for our own session refused");
				pthread_join(c.thread, NULL);
				goto out_all;
			}
		TEEC_RequestCancellation(&op_b);
		TEEC_RequestCancellation(&op_other);
		requests++;
		usleep(50 * 1000);
	}
	pthread_join(c.thread, NULL);
	if (!expect_res("TEE_Wait with others' cancellations", c.res, c.origin, TEEC_SUCCESS))
		goto out_all;
	if (c.ms < wait_ms - 50) {
		fail("TEE_Wait(%u) ended after %.0f ms by a cancellation for another call", wait_ms,
		     c.ms);
		goto out_all;
	}
	/* The right request (session a, cancel ID 0) still works. */
	if (!start_wait(&c, &a, 5000))
		goto out_all;
	usleep(300 * 1000);
	cancel_until_done(&c, 50);
	pthread_join(c.thread, NULL);
	ok = expect_res("TEE_Wait after its own cancellation", c.res, c.origin, TEEC_ERROR_CANCEL);
	if (ok)
		printf("tee-test: %d rounds of others' cancellations changed nothing\n", requests);
out_all:
	TEEC_CloseSession(&other);
out_b:
	TEEC_CloseSession(&b);
out_a:
	TEEC_CloseSession(&a);
out_ctx:
	TEEC_FinalizeContext(&ctx2);
	return ok;
}

/* TEST_CMD_PEER_WAIT: the test TA waits in a new instance of itself under a timeout. */
static bool peer_wait(TEEC_Session *s, uint32_t ms, uint32_t timeout, uint32_t unmask,
		      TEEC_Result want, uint32_t *took)
{
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;
	char what[96];

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT,
					 TEEC_VALUE_OUTPUT);
	op.params[0].value.a = ms;
	op.params[0].value.b = timeout;
	op.params[1].value.a = unmask;
	res = TEEC_InvokeCommand(s, TEST_CMD_PEER_WAIT, &op, &origin);
	if (!expect_res("PEER_WAIT", res, origin, TEEC_SUCCESS))
		return false;
	snprintf(what, sizeof(what), "TEE_InvokeTACommand(timeout %u) of TEE_Wait(%u), %s", timeout,
		 ms, unmask ? "unmasked" : "masked");
	if (!expect_res(what, op.params[2].value.a, op.params[2].value.b, want))
		return false;
	if (op.params[2].value.b != TEEC_ORIGIN_TRUSTED_APP)
		return fail("%s: origin %u, not TRUSTED_APP", what, op.params[2].value.b);
	*took = op.params[3].value.a;
	return true;
}

/*
 * TA to TA: a cancellationRequestTimeout that expires cancels the callee's call (GP 4.9.3), so
 * its unmasked TEE_Wait ends with TEE_ERROR_CANCEL, origin TRUSTED_APP, soon after the timeout;
 * a masked callee waits its full time; no timeout (TEE_TIMEOUT_INFINITE) cancels nothing.
 */
bool case_cancel_ta_timeout(TEEC_Context *ctx)
{
	TEEC_Session s;
	uint32_t took = 0;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	if (!peer_wait(&s, 4000, 500, 1, TEEC_ERROR_CANCEL, &took))
		goto out;
	if (took < 450 || took > 2000) {
		fail("TEE_Wait(4000) under a 500 ms timeout ended after %u ms", took);
		goto out;
	}
	printf("tee-test: TA-to-TA timeout 500 ms cancelled TEE_Wait(4000) after %u ms\n", took);
	if (!peer_wait(&s, 1000, 200, 0, TEEC_SUCCESS, &took))
		goto out;
	if (took < 950) {
		fail("masked TEE_Wait(1000) under a 200 ms timeout ended after %u ms", took);
		goto out;
	}
	if (!peer_wait(&s, 300, 0xFFFFFFFFU, 1, TEEC_SUCCESS, &took))
		goto out;
	ok = true;
out:
	TEEC_CloseSession(&s);
	return ok;
}
