/* SPDX-License-Identifier: BSD-2-Clause */
/* Client sessions with pseudo-TAs. */
#ifndef TEE_SESSION_H
#define TEE_SESSION_H

#include <stdint.h>

#include "pta.h"

#define MAX_SESSIONS 64

uint32_t session_open(const struct pta *pta, uint32_t *id);
/* The session's pseudo-TA, or NULL for an unknown ID. */
const struct pta *session_pta(uint32_t id);
uint32_t session_close(uint32_t id);

#endif
