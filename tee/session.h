/* SPDX-License-Identifier: BSD-2-Clause */
/* The normal world's sessions, by the IDs handed to Linux. */
#ifndef TEE_SESSION_H
#define TEE_SESSION_H

#include <stdint.h>

#include "ta.h"

#define MAX_SESSIONS 128

/* Give the session an ID (sess->id); TEEC_ERROR_BUSY when the table is full. */
uint32_t session_add(struct ta_session *sess);
struct ta_session *session_get(uint32_t id);
/* Take the session out of the table; NULL for an unknown ID. */
struct ta_session *session_remove(uint32_t id);
uint32_t session_count(void);

#endif
