// SPDX-License-Identifier: BSD-2-Clause
/*
 * Yielding calls: the OP-TEE message (struct optee_msg_arg) the normal world passes by physical
 * address. It is copied into secure memory before anything reads it (the normal world may change
 * it under us), checked, handled, and only the result fields are written back.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "cancel.h"
#include "pta.h"
#include "session.h"
#include "shm.h"
#include "heap.h"
#include "msg.h"
#include "msg_check.h"
#include "msg_params.h"
#include "tee.h"
#include "thread.h"

static void close_session(struct ta_session *sess)
{
	if (sess->pta)
		kfree(sess);
	else
		ta_close_session(sess);
}

static void open_session(struct msg_copy *m, struct tee_param *p)
{
	const struct optee_msg_param *mp = m->params;
	struct ta_client_identity client;
	struct ta_session *sess = NULL;
	const struct pta *pta;
	uint32_t ret, origin = TEEC_ORIGIN_TEE;
	uint8_t uuid[16];

	if (!msg_is_meta_value_in(&mp[0]) || !msg_is_meta_value_in(&mp[1])) {
		msg_set_result(&m->arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		return;
	}
	/* params[1].value.c is the client's login, set by the Linux driver, not by the client. */
	ret = msg_client_identity(&mp[1], &client);
	if (ret == TEEC_SUCCESS)
		ret = msg_params_in(m, 2, p);
	if (ret != TEEC_SUCCESS) {
		msg_set_result(&m->arg, ret, TEEC_ORIGIN_TEE);
		return;
	}
	/* value.a|b hold the UUID's 16 octets in RFC 4122 order. */
	memcpy(uuid, &mp[0].u.value.a, 8);
	memcpy(uuid + 8, &mp[0].u.value.b, 8);
	pta = pta_find(uuid);
	if (pta) {
		if (!pta_may_open(pta, &client)) {
			msg_set_result(&m->arg, TEEC_ERROR_ACCESS_DENIED, TEEC_ORIGIN_TEE);
			return;
		}
		sess = kcalloc(1, sizeof(*sess));
		ret = sess ? TEEC_SUCCESS : TEEC_ERROR_OUT_OF_MEMORY;
		if (sess) {
			sess->pta = pta;
			sess->client = client;
		}
	} else {
		ret = ta_open_session(uuid, &client, p, CANCEL_NEVER, &sess, &origin);
		if (ret == TEEC_ERROR_ITEM_NOT_FOUND) {
			char name[37];

			ta_uuid_str(uuid, name);
			log_info("open session: no trusted application %s", name);
		}
	}
	if (ret == TEEC_SUCCESS && session_add(sess) != TEEC_SUCCESS) {
		close_session(sess);
		ret = TEEC_ERROR_BUSY;
		origin = TEEC_ORIGIN_TEE;
	}
	if (ret == TEEC_SUCCESS)
		m->arg.session = sess->id;
	msg_set_result(&m->arg, ret, origin);
}

static void invoke_command(struct thread *t, struct msg_copy *m, struct tee_param *p)
{
	struct ta_session *sess = session_get(m->arg.session);
	uint32_t ret, origin = TEEC_ORIGIN_TEE;

	if (!sess) {
		msg_set_result(&m->arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		return;
	}
	ret = msg_params_in(m, 0, p);
	if (ret != TEEC_SUCCESS) {
		if (session_put(sess))
			close_session(sess);
		msg_set_result(&m->arg, ret, TEEC_ORIGIN_TEE);
		return;
	}
	t->session = m->arg.session;
	t->cancel_id = m->arg.cancel_id;
	if (sess->pta) {
		ret = sess->pta->invoke(m->arg.func, p);
		origin = TEEC_ORIGIN_TRUSTED_APP;
	} else {
		ret = ta_invoke(sess, m->arg.func, p, CANCEL_NEVER, &origin);
	}
	if (session_put(sess)) /* closed by the client meanwhile */
		close_session(sess);
	msg_set_result(&m->arg, ret, origin);
}

static void register_shm(struct msg_copy *m)
{
	const struct optee_msg_param *mp = &m->params[0];
	uint64_t want = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;

	if (mp->attr != want) {
		msg_set_result(&m->arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		return;
	}
	msg_set_result(&m->arg, shm_register(mp->u.tmem.shm_ref, mp->u.tmem.buf_ptr, mp->u.tmem.size),
		   TEEC_ORIGIN_TEE);
}

static void unregister_shm(struct msg_copy *m)
{
	const struct optee_msg_param *mp = &m->params[0];

	if (mp->attr != OPTEE_MSG_ATTR_TYPE_RMEM_INPUT) {
		msg_set_result(&m->arg, TEEC_ERROR_BAD_PARAMETERS, TEEC_ORIGIN_TEE);
		return;
	}
	msg_set_result(&m->arg, shm_unregister(mp->u.rmem.shm_ref), TEEC_ORIGIN_TEE);
}

void msg_close_client_sessions(uint64_t client)
{
	struct ta_session *sess;

	while ((sess = session_remove_any(client)))
		if (session_put(sess))
			close_session(sess);
}

/* Returns an OPTEE_SMC_RETURN_* code for a0. */
static uint32_t handle_msg(struct thread *t, uint64_t pa)
{
	struct ta_session *sess;
	volatile struct optee_msg_arg *shared = (void *)(uintptr_t)pa;
	struct tee_param params[TEE_NUM_PARAMS];
	uint32_t n, first = 0;
	struct msg_copy m;

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
	memset(params, 0, sizeof(params));
	/* Each command reads and writes back only what it may carry: checked before any read. */
	if (!msg_num_params_ok(m.arg.cmd, n)) {
		shared->ret = TEEC_ERROR_BAD_PARAMETERS;
		shared->ret_origin = TEEC_ORIGIN_TEE;
		return OPTEE_SMC_RETURN_OK;
	}

	switch (m.arg.cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		open_session(&m, params);
		first = 2;
		break;
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
		invoke_command(t, &m, params);
		break;
	case OPTEE_MSG_CMD_CLOSE_SESSION:
		sess = session_remove(m.arg.session);
		if (sess && session_put(sess))
			close_session(sess);
		msg_set_result(&m.arg, sess ? TEEC_SUCCESS : TEEC_ERROR_BAD_PARAMETERS,
			   TEEC_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_CANCEL:
		/*
		 * Flags the call with that session and cancel ID, if this client made it; the TA
		 * sees it when it looks, if it has cancellation unmasked (cancel.c). The answer is
		 * the same whether anything matched: cancellation is best effort (GP TEE Client
		 * API v1.0 4.5.11).
		 */
		thread_cancel(m.arg.session, m.arg.cancel_id);
		msg_set_result(&m.arg, TEEC_SUCCESS, TEEC_ORIGIN_TEE);
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM:
		register_shm(&m);
		break;
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		unregister_shm(&m);
		break;
	default:
		log_info("message at %#lx: unknown command %u", pa, m.arg.cmd);
		return OPTEE_SMC_RETURN_EBADCMD;
	}
	/*
	 * The TA's outputs go back whatever it answered, as OP-TEE gives them (a TA may explain an
	 * error in a value: the GP Sockets protocol error, say); an error of the TEE's own means the
	 * TA did not run, and nothing is written.
	 */
	if (m.arg.ret == TEEC_SUCCESS || m.arg.ret == TEEC_ERROR_SHORT_BUFFER ||
	    m.arg.ret_origin == TEEC_ORIGIN_TRUSTED_APP)
		msg_params_out(shared, &m, first, params);
	shared->ret = m.arg.ret;
	shared->ret_origin = m.arg.ret_origin;
	shared->session = m.arg.session;
	return OPTEE_SMC_RETURN_OK;
}

uint64_t msg_handle_call(struct thread *t)
{
	/* CALL_WITH_ARG: a1:a2 = physical address, high:low 32 bits each. */
	return handle_msg(t, (t->args[1] & 0xffffffffUL) << 32 | (t->args[2] & 0xffffffffUL));
}
