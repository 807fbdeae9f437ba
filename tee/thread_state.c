// SPDX-License-Identifier: BSD-2-Clause
/* Which RETURN_FROM_RPC may resume a thread (see thread_state.h). */
#include <stddef.h>

#include "thread_state.h"

const char *thread_resume_refusal(uint64_t id, uint32_t count, uint32_t state,
				  uint64_t owner_client, uint64_t caller_client)
{
	if (id >= count)
		return "no such thread";
	if (state == THREAD_FREE)
		return "it runs no call";
	if (state != THREAD_SUSPENDED)
		return "it is running, or still saving its context";
	if (owner_client != caller_client)
		return "another client suspended it";
	return NULL;
}
