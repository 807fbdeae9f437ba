/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shape of an OP-TEE message, checked before anything in it is used: how many parameters
 * each command may carry, and which client logins the normal world may claim. Kept apart from
 * the message handling so host tests drive every command with every count.
 */
#ifndef TEE_MSG_CHECK_H
#define TEE_MSG_CHECK_H

#include <rampart/optee_abi.h>
#include <rampart/ta_abi.h>
#include <stdint.h>

#include "pta.h" /* TEE_LOGIN_* */

/*
 * 1 if a message with command cmd may carry n parameters, else 0 (logged). An unknown command
 * gives 1: the caller answers it with OPTEE_SMC_RETURN_EBADCMD.
 */
int msg_num_params_ok(uint32_t cmd, uint32_t n);

/*
 * The client identity of an OPEN_SESSION from its second meta parameter (value.a|b = UUID,
 * value.c = login). TEEC_SUCCESS, or TEEC_ERROR_BAD_PARAMETERS (logged) for a login the normal
 * world may not claim, such as TEE_LOGIN_TRUSTED_APP: only the trusted OS itself says that a
 * client is a TA.
 */
uint32_t msg_client_identity(const struct optee_msg_param *meta, struct ta_client_identity *out);

#endif
