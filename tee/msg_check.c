// SPDX-License-Identifier: BSD-2-Clause
/* The shape of an OP-TEE message (see msg_check.h). */
#include <log.h>
#include <string.h>

#include "msg_check.h"
#include "msg_params.h"

/*
 * What each command carries (OP-TEE message ABI, optee_msg.h): OPEN_SESSION two meta values
 * and up to four client parameters, INVOKE_COMMAND up to four, REGISTER_SHM and UNREGISTER_SHM
 * exactly one, CLOSE_SESSION and CANCEL none (Linux's driver sends them with num_params 0).
 */
static const struct {
	const char *name;
	uint32_t min, max;
} shape[] = {
    [OPTEE_MSG_CMD_OPEN_SESSION] = {"OPEN_SESSION", 2, 2 + TEE_NUM_PARAMS},
    [OPTEE_MSG_CMD_INVOKE_COMMAND] = {"INVOKE_COMMAND", 0, TEE_NUM_PARAMS},
    [OPTEE_MSG_CMD_CLOSE_SESSION] = {"CLOSE_SESSION", 0, 0},
    [OPTEE_MSG_CMD_CANCEL] = {"CANCEL", 0, 0},
    [OPTEE_MSG_CMD_REGISTER_SHM] = {"REGISTER_SHM", 1, 1},
    [OPTEE_MSG_CMD_UNREGISTER_SHM] = {"UNREGISTER_SHM", 1, 1},
};

_Static_assert(2 + TEE_NUM_PARAMS <= MSG_MAX_PARAMS, "a message copy holds every parameter");

int msg_num_params_ok(uint32_t cmd, uint32_t n)
{
	if (cmd >= sizeof(shape) / sizeof(shape[0]) || !shape[cmd].name)
		return 1;
	if (n >= shape[cmd].min && n <= shape[cmd].max)
		return 1;
	log_info("message refused: %s with %u parameters (it takes %u to %u)", shape[cmd].name, n,
		 shape[cmd].min, shape[cmd].max);
	return 0;
}

uint32_t msg_client_identity(const struct optee_msg_param *meta, struct ta_client_identity *out)
{
	uint32_t login = (uint32_t)meta->u.value.c;

	memset(out, 0, sizeof(*out));
	switch (login) {
	case TEE_LOGIN_PUBLIC:
	case TEE_LOGIN_REE_KERNEL:
		/* No identity comes with these: whatever UUID was sent is not the client's. */
		break;
	case TEE_LOGIN_USER:
	case TEE_LOGIN_GROUP:
	case TEE_LOGIN_APPLICATION:
	case TEE_LOGIN_APPLICATION_USER:
	case TEE_LOGIN_APPLICATION_GROUP:
		/* value.a|b hold the UUID's 16 octets in RFC 4122 order (computed by Linux). */
		memcpy(out->uuid, &meta->u.value.a, 8);
		memcpy(out->uuid + 8, &meta->u.value.b, 8);
		break;
	default:
		/*
		 * TEE_LOGIN_TRUSTED_APP would let the normal world pose as a TA to a TA that
		 * trusts gpd.client.identity; the other values mean nothing.
		 */
		log_error(
		    "open session refused: client login %#x may not come from the normal world",
		    login);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	out->login = login;
	return TEEC_SUCCESS;
}
