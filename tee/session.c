// SPDX-License-Identifier: BSD-2-Clause
#include <arch/spinlock.h>
#include <rampart/optee_abi.h>

#include "session.h"

struct session {
	uint32_t id;
	const struct pta *pta;
};

static struct session sessions[MAX_SESSIONS];
static uint32_t next_id = 1;
static struct spinlock session_lock;

uint32_t session_open(const struct pta *pta, uint32_t *id)
{
	uint32_t ret = TEEC_ERROR_BUSY;

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS; i++) {
		if (sessions[i].pta)
			continue;
		sessions[i].pta = pta;
		sessions[i].id = next_id++;
		if (!next_id) /* 0 never names a session */
			next_id = 1;
		*id = sessions[i].id;
		ret = TEEC_SUCCESS;
		break;
	}
	spin_unlock(&session_lock);
	return ret;
}

const struct pta *session_pta(uint32_t id)
{
	const struct pta *pta = NULL;

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS && !pta; i++)
		if (sessions[i].pta && sessions[i].id == id)
			pta = sessions[i].pta;
	spin_unlock(&session_lock);
	return pta;
}

uint32_t session_close(uint32_t id)
{
	uint32_t ret = TEEC_ERROR_BAD_PARAMETERS;

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS; i++) {
		if (sessions[i].pta && sessions[i].id == id) {
			sessions[i].pta = NULL;
			ret = TEEC_SUCCESS;
			break;
		}
	}
	spin_unlock(&session_lock);
	return ret;
}
