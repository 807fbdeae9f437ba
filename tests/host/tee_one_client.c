// SPDX-License-Identifier: BSD-2-Clause
/*
 * For host tests and fuzzers of the message layer (tee/msg.c, tee/pta_stats.c): the trusted OS
 * as without a hypervisor, one client, ID 0 (tee/guest.h), so the statistics are the whole
 * trusted OS's and no guest state exists. Linked by tests/unit/msg_test and tests/fuzz/msg.
 */
#include <stddef.h>
#include <stdint.h>

#include "guest.h"
#include "session.h"

uint64_t thread_client(void)
{
	return 0;
}

int guest_slot(uint64_t id)
{
	return id ? -1 : 0;
}

uint32_t guest_held(uint64_t id, enum guest_resource r)
{
	(void)id;
	(void)r;
	return 0;
}

size_t heap_in_use_by(int slot)
{
	(void)slot;
	return 0;
}

size_t pages_in_use_by(int slot)
{
	(void)slot;
	return 0;
}

uint32_t ta_live_instances_of(uint64_t client)
{
	(void)client;
	return 0;
}

struct ta_session *session_remove_any(uint64_t client)
{
	(void)client;
	return NULL;
}
