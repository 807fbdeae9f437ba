// SPDX-License-Identifier: BSD-2-Clause
/*
 * Cancellation of TA calls (cancel.h). A call is cancelled when
 *  - it is the client's call on this thread and the client's CANCEL message named it
 *    (thread_cancel sets thread->cancelled; GP TEE Client API v1.0 4.5.11), or
 *  - the cancellationRequestTimeout its TA caller gave TEE_OpenTASession or TEE_InvokeTACommand
 *    has expired (GP TEE Internal Core API v1.3.1 4.9.1, 4.9.3: the call is then cancelled as if
 *    the caller had asked), or
 *  - the TA call that made it is cancelled and has cancellation unmasked: GP 4.10.3, unmasked
 *    cancellation "requests the cancellation of operations started with TEE_OpenTASession or
 *    TEE_InvokeTACommand".
 * The TA sees it (TEE_GetCancellationFlag; TEE_Wait, a cancellable function, ends with
 * TEE_ERROR_CANCEL) only while it has cancellation unmasked (GP 4.10).
 *
 * The mask: GP 4.10 has cancellation masked by default. The unmasked state belongs to the
 * session, as OP-TEE keeps it: a TA that unmasks in TA_OpenSessionEntryPoint stays unmasked in
 * that session's later commands. GP speaks of the current task's mask, and of a new task for
 * each entry point (GP 2.1.2), which would start every entry masked; OP-TEE's os_test TA unmasks
 * only when its session opens and xtest 1008 and 1009 expect its TEE_Wait in a later command
 * to be cancelled. A session starts masked; entries without a session (create, destroy) start
 * masked and keep their own state.
 */
#include <rampart/optee_abi.h>

#include "cancel.h"
#include "clock.h"
#include "rpc.h"
#include "ta.h"
#include "thread.h"

/* TEE_Wait sleeps in the normal world (OPTEE_RPC_CMD_SUSPEND) at most this long at a time. */
#define WAIT_STEP_MS 20

uint64_t cancel_deadline(uint32_t timeout_ms)
{
	if (timeout_ms == 0xFFFFFFFFU) /* TEE_TIMEOUT_INFINITE */
		return CANCEL_NEVER;
	return tee_clock_ms() + timeout_ms;
}

/* Where the running entry's mask lives: its session's, or its own for create and destroy. */
static int *unmasked_slot(struct ta_call *c)
{
	return c->sess ? &c->sess->cancel_unmasked : &c->cancel_unmasked;
}

static int unmasked(const struct ta_call *c)
{
	return c->sess ? c->sess->cancel_unmasked : c->cancel_unmasked;
}

/* Whether cancellation of the call was requested, masked or not. */
static int cancel_requested(const struct ta_call *c, uint64_t now_ms)
{
	for (;;) {
		if (now_ms >= c->cancel_at)
			return 1;
		if (!c->prev) /* the client's call */
			return thread_current()->cancelled;
		/* A TA-to-TA call: cancelled with its caller only if the caller is unmasked. */
		c = c->prev;
		if (!unmasked(c))
			return 0;
	}
}

int cancel_pending(void)
{
	const struct ta_call *c = ta_current_call();

	return c && unmasked(c) && cancel_requested(c, tee_clock_ms());
}

uint64_t cancel_set_mask(int mask)
{
	int *slot = unmasked_slot(ta_current_call());
	uint64_t was_masked = !*slot;

	*slot = !mask;
	return was_masked;
}

/*
 * The thread sleeps in Linux in short steps (an RPC each), so a CANCEL message, handled on
 * another thread while this one is suspended, or an expired cancellation timeout, ends the wait
 * within a step. The time is the system clock's, not the sum of the steps asked for.
 */
uint32_t cancel_wait(uint64_t ms)
{
	uint64_t now = tee_clock_ms();
	uint64_t end = ms > CANCEL_NEVER - now ? CANCEL_NEVER : now + ms;

	for (;;) {
		if (cancel_pending())
			return TEEC_ERROR_CANCEL;
		now = tee_clock_ms();
		if (now >= end)
			return TEEC_SUCCESS;
		if (rpc_sleep(end - now > WAIT_STEP_MS ? WAIT_STEP_MS : (uint32_t)(end - now)) !=
		    TEEC_SUCCESS)
			return TEEC_ERROR_COMMUNICATION;
	}
}
