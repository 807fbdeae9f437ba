// SPDX-License-Identifier: BSD-2-Clause
/*
 * Yielding calls: the OP-TEE message (struct optee_msg_arg) the normal world passes by physical
 * address. It is copied into secure memory before anything reads it (the normal world may change
 * it under us), checked, handled, and only the result fields are written back.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "tee.h"

#define MSG_MAX_PARAMS 6 /* OPEN_SESSION: 2 meta + 4 client parameters */

struct msg_copy {
	struct optee_msg_arg arg;
	struct optee_msg_param params[MSG_MAX_PARAMS];
};

static void set_result(struct optee_msg_arg *arg, uint32_t ret, uint32_t origin)
{
	arg->ret = ret;
	arg->ret_origin = origin;
}

static int is_meta_value_in(const struct optee_msg_param *p)
{
	return p->attr == (OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT);
}

static void open_session(struct msg_copy *m)
{
	const struct optee_msg_param *p = m->params;
	uint8_t uuid[16];

	if (m->arg.num_params < 2 || !is_meta_value_in(&p[0]) || !is_meta_value_in(&p[1])) {
		set_result(&m->arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		return;
	}
	/* value.a|b hold the UUID's 16 octets in RFC 4122 order. */
	memcpy(uuid, &p[0].u.value.a, 8);
	memcpy(uuid + 8, &p[0].u.value.b, 8);
	log_info("open session: no trusted application %02x%02x%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x-%02x%02x%02x%02x%02x%02x",
		 uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5], uuid[6], uuid[7], uuid[8],
		 uuid[9], uuid[10], uuid[11], uuid[12], uuid[13], uuid[14], uuid[15]);
	set_result(&m->arg, TEEC_ERROR_ITEM_NOT_FOUND, TEEC_ORIGIN_TEE);
}

/* Returns an OPTEE_SMC_RETURN_* code for a0. */
static uint32_t handle_msg(uint64_t pa)
{
	volatile struct optee_msg_arg *shared = (void *)(uintptr_t)pa;
	struct msg_copy m;
	uint32_t n;

	if ((pa & 7) || !ns_range_ok(pa, sizeof(struct optee_msg_arg))) {
		log_info("message at %#lx: not in normal-world RAM", pa);
		return OPTEE_SMC_RETURN_EBADADDR;
	}
	n = shared->num_params;
	if (n > MSG_MAX_PARAMS || !ns_range_ok(pa, sizeof(m.arg) + n * sizeof(m.params[0]))) {
		log_info("message at %#lx: %u parameters do not fit", pa, n);
		return OPTEE_SMC_RETURN_EBADADDR;
	}
	memcpy(&m, (const void *)shared, sizeof(m.arg) + n * sizeof(m.params[0]));
	m.arg.num_params = n; /* as checked, whatever the copy read */

	switch (m.arg.cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		open_session(&m);
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		/* No session can exist yet: every session ID is unknown. */
		set_result(&m.arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_CANCEL:
		set_result(&m.arg, TEEC_SUCCESS, TEEC_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM:
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		set_result(&m.arg, TEEC_ERROR_NOT_SUPPORTED, TEEC_ORIGIN_TEE);
		break;
	default:
		log_info("message at %#lx: unknown command %u", pa, m.arg.cmd);
		return OPTEE_SMC_RETURN_EBADCMD;
	}
	shared->ret = m.arg.ret;
	shared->ret_origin = m.arg.ret_origin;
	shared->session = m.arg.session;
	return OPTEE_SMC_RETURN_OK;
}

void tee_yield_call(struct tee_smc_args *args)
{
	switch ((uint32_t)args->a[0]) {
	case OPTEE_SMC_CALL_WITH_ARG:
		/* a1:a2 = physical address, high:low 32 bits each. */
		args->a[0] = handle_msg((args->a[1] & 0xffffffffUL) << 32 |
					(args->a[2] & 0xffffffffUL));
		break;
	case OPTEE_SMC_CALL_RETURN_FROM_RPC:
		/* No call is ever suspended in an RPC yet. */
		args->a[0] = OPTEE_SMC_RETURN_EBADCMD;
		break;
	default:
		args->a[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
		break;
	}
}
