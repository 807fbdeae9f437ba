// SPDX-License-Identifier: BSD-2-Clause
#include <arch/spinlock.h>
#include <rampart/optee_abi.h>

#include "guest.h"
#include "session.h"
#include "thread.h"

static struct ta_session *sessions[MAX_SESSIONS];
static uint32_t next_id = 1;
static uint32_t open_count;
static struct spinlock session_lock;

uint32_t session_add(struct ta_session *sess)
{
	uint32_t ret = TEEC_ERROR_BUSY;

	sess->guest = thread_client();
	if (guest_charge(sess->guest, GUEST_SESSIONS, MAX_SESSIONS))
		return TEEC_ERROR_BUSY; /* its share is used up (guest.h); others still open */
	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS; i++) {
		if (sessions[i])
			continue;
		sessions[i] = sess;
		sess->refs = 1;
		sess->id = next_id++;
		if (!next_id) /* 0 never names a session */
			next_id = 1;
		open_count++;
		ret = TEEC_SUCCESS;
		break;
	}
	spin_unlock(&session_lock);
	if (ret != TEEC_SUCCESS)
		guest_uncharge(sess->guest, GUEST_SESSIONS);
	return ret;
}

/* IDs are unique across clients, but a client finds only its own sessions (guest.h). */
static int mine(const struct ta_session *s, uint32_t id, uint64_t client)
{
	return s && s->id == id && s->guest == client;
}

struct ta_session *session_get(uint32_t id)
{
	struct ta_session *s = NULL;
	uint64_t client = thread_client();

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS && !s; i++)
		if (mine(sessions[i], id, client))
			s = sessions[i];
	if (s)
		s->refs++;
	spin_unlock(&session_lock);
	return s;
}

int session_put(struct ta_session *sess)
{
	int last;

	spin_lock(&session_lock);
	last = --sess->refs == 0;
	spin_unlock(&session_lock);
	return last;
}

struct ta_session *session_remove(uint32_t id)
{
	struct ta_session *s = NULL;
	uint64_t client = thread_client();

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS && !s; i++) {
		if (mine(sessions[i], id, client)) {
			s = sessions[i];
			sessions[i] = NULL;
			open_count--;
		}
	}
	spin_unlock(&session_lock);
	if (s)
		guest_uncharge(s->guest, GUEST_SESSIONS);
	return s;
}

struct ta_session *session_remove_any(uint64_t client)
{
	struct ta_session *s = NULL;

	spin_lock(&session_lock);
	for (int i = 0; i < MAX_SESSIONS && !s; i++) {
		if (sessions[i] && sessions[i]->guest == client) {
			s = sessions[i];
			sessions[i] = NULL;
			open_count--;
		}
	}
	spin_unlock(&session_lock);
	if (s)
		guest_uncharge(s->guest, GUEST_SESSIONS);
	return s;
}

uint32_t session_count(void)
{
	return open_count;
}
