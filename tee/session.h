/* SPDX-License-Identifier: BSD-2-Clause */
/* The normal world's sessions, by the IDs handed to Linux. */
#ifndef TEE_SESSION_H
#define TEE_SESSION_H

#include <stdint.h>

#include "ta.h"

#define MAX_SESSIONS 128

/*
 * Sessions are counted: the table holds one reference, every call using a session another, so a
 * CLOSE_SESSION racing with an INVOKE on the same session (a client may do that) ends the session
 * only when the last user lets go.
 */
/*
 * Give the session an ID (sess->id), the calling client (sess->guest) and the table's reference;
 * TEEC_ERROR_BUSY when the table or the client's share of it (guest.h) is full. session_get and
 * session_remove find the calling client's sessions only.
 */
uint32_t session_add(struct ta_session *sess);
/* The session with a reference taken, or NULL for an unknown ID. */
struct ta_session *session_get(uint32_t id);
/* Take the session out of the table; the table's reference passes to the caller. */
struct ta_session *session_remove(uint32_t id);
/* Drop a reference: 1 when it was the last, and the caller must then end the session. */
int session_put(struct ta_session *sess);
/* Take any one session of that client out of the table (NULL when it has none left). */
struct ta_session *session_remove_any(uint64_t client);
uint32_t session_count(void);

#endif
