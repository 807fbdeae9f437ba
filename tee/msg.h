/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef TEE_MSG_H
#define TEE_MSG_H

#include <stdint.h>

struct thread;

/* Handle the OP-TEE message of the thread's yielding call; the OPTEE_SMC_RETURN_* for a0. */
uint64_t msg_handle_call(struct thread *t);
/* Close every session of that client (a destroyed guest's, guest.c): no TA entry runs for them. */
void msg_close_client_sessions(uint64_t client);

#endif
