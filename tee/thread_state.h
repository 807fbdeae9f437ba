/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Which RETURN_FROM_RPC may resume a thread (thread.c), apart from the locking, so host tests
 * drive it. A thread is resumable only once thread_switch_out has published it as suspended
 * (its context complete) and only by the client (SMCCC client ID, a7) whose call it runs.
 */
#ifndef TEE_THREAD_STATE_H
#define TEE_THREAD_STATE_H

#include <stdint.h>

/* THREAD_SUSPENDED is also in thread_asm.S, which publishes it. */
enum thread_state { THREAD_FREE = 0, THREAD_ACTIVE, THREAD_SUSPENDED };

/* NULL if the caller may resume thread id; otherwise why not, for the secure console. */
const char *thread_resume_refusal(uint64_t id, uint32_t count, uint32_t state,
				  uint64_t owner_client, uint64_t caller_client);

#endif
