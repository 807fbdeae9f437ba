/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Cancellation of TA calls: GP TEE Internal Core API v1.3.1 4.10 (the cancellation flag and
 * mask, TEE_Wait), 4.9 (cancellationRequestTimeout of TEE_OpenTASession and
 * TEE_InvokeTACommand) and GP TEE Client API v1.0 4.5.11 (TEEC_RequestCancellation, which
 * reaches the trusted OS as an OPTEE_MSG_CMD_CANCEL message: thread_cancel).
 */
#ifndef TEE_CANCEL_H
#define TEE_CANCEL_H

#include <stdint.h>

/* A call with no cancellation deadline (TEE_TIMEOUT_INFINITE, or a client's call). */
#define CANCEL_NEVER UINT64_MAX

/* The system time (tee_clock_ms) at which a cancellationRequestTimeout of ms expires. */
uint64_t cancel_deadline(uint32_t timeout_ms);
/* TEE_GetCancellationFlag: requested for the running call and unmasked. */
int cancel_pending(void);
/* TEE_MaskCancellation (mask 1) and TEE_UnmaskCancellation (0): 1 if it was masked before. */
uint64_t cancel_set_mask(int mask);
/* TEE_Wait: TEEC_SUCCESS after ms, or TEEC_ERROR_CANCEL as soon as cancel_pending. */
uint32_t cancel_wait(uint64_t ms);

#endif
