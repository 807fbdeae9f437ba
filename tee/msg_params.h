/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Parameters of an OP-TEE message: checked and turned into GP parameters on the way in, outputs
 * written back on the way out. Kept apart from the message handling so host tests drive it.
 */
#ifndef TEE_MSG_PARAMS_H
#define TEE_MSG_PARAMS_H

#include <rampart/optee_abi.h>

#include "pta.h"

#define MSG_MAX_PARAMS 6 /* OPEN_SESSION: 2 meta + 4 client parameters */

struct msg_copy {
	struct optee_msg_arg arg;
	struct optee_msg_param params[MSG_MAX_PARAMS];
};

void msg_set_result(struct optee_msg_arg *arg, uint32_t ret, uint32_t origin);
int msg_is_meta_value_in(const struct optee_msg_param *p);
/* Message parameters first..num_params-1 become p[0..]; TEEC_SUCCESS or why not. */
uint32_t msg_params_in(const struct msg_copy *m, uint32_t first, struct tee_param *p);
/* Values a, b, c and memref sizes of p back into the shared message. */
void msg_params_out(volatile struct optee_msg_arg *shared, const struct msg_copy *m,
		    uint32_t first, const struct tee_param *p);

#endif
