// SPDX-License-Identifier: BSD-2-Clause
/*
 * Statistics pseudo-TA: what the trusted OS holds right now, so a test can see that a run leaves
 * nothing behind (ta/include/rampart_test_ta.h). How much secure memory is in use tells an
 * observer about other clients' work, so only the REE kernel and root (a TEEC_LOGIN_USER session
 * whose client UUID Linux derived from uid 0) may open it: a normal user's process may not.
 */
#include <rampart/optee_abi.h>

#include "fs_rpc.h"
#include "guest.h"
#include "heap.h"
#include "pages.h"
#include "pta.h"
#include "session.h"
#include "thread.h"

/* The command numbers as ta/include/rampart_test_ta.h gives them to clients. */
#define STATS_CMD_MEMORY 0
#define STATS_CMD_ENTRY_TABLES 1
#define STATS_CMD_FS_REQUESTS 2
#define STATS_CMD_MEMORY_ALL 3

static uint32_t invoke(uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS])
{
	uint64_t client;

	if (cmd == STATS_CMD_ENTRY_TABLES) {
		uint64_t n = thread_stale_table_entries();

		if (!params_are(p, TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
			return TEEC_ERROR_BAD_PARAMETERS;
		p[0].u.value.a = (uint32_t)n;
		p[0].u.value.b = (uint32_t)(n >> 32);
		return TEEC_SUCCESS;
	}
	if (cmd == STATS_CMD_FS_REQUESTS) {
		uint32_t n[FS_REQUEST_KINDS];

		if (!params_are(p, TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_VALUE_OUTPUT,
				TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_VALUE_OUTPUT))
			return TEEC_ERROR_BAD_PARAMETERS;
		fs_requests(n);
		for (int i = 0; i < TEE_NUM_PARAMS; i++) {
			p[i].u.value.a = n[2 * i];
			p[i].u.value.b = n[2 * i + 1];
		}
		return TEEC_SUCCESS;
	}
	if (cmd != STATS_CMD_MEMORY && cmd != STATS_CMD_MEMORY_ALL)
		return TEEC_ERROR_NOT_SUPPORTED;
	if (!params_are(p, TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_VALUE_OUTPUT,
			TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEEC_ERROR_BAD_PARAMETERS;
	/*
	 * A guest of a hypervisor sees what it holds itself (guest.h), so that its figures are
	 * its own work's and tell it nothing of the other guests'; MEMORY_ALL gives the whole
	 * trusted OS's. Without a hypervisor the two are the same.
	 */
	client = thread_client();
	if (cmd == STATS_CMD_MEMORY && client) {
		int slot = guest_slot(client);

		p[0].u.value.a = heap_in_use_by(slot);
		p[0].u.value.b = pages_in_use_by(slot);
		p[1].u.value.a = ta_live_instances_of(client);
		p[1].u.value.b = guest_held(client, GUEST_SESSIONS);
		return TEEC_SUCCESS;
	}
	p[0].u.value.a = heap_in_use();
	p[0].u.value.b = pages_in_use();
	p[1].u.value.a = ta_live_instances();
	p[1].u.value.b = session_count();
	return TEEC_SUCCESS;
}

const struct pta pta_stats = {
	/* 5ee1c0de-7a11-4e57-9a6e-737461747300 */
	.uuid = {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57, 0x9a, 0x6e, 0x73, 0x74, 0x61, 0x74,
		 0x73, 0x00},
	.name = "statistics",
	.privileged = 1,
	.invoke = invoke,
};
