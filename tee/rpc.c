// SPDX-License-Identifier: BSD-2-Clause
/*
 * RPC requests. Linux's driver answers RPC ALLOC with a buffer in normal-world RAM (a1:a2
 * physical address, a4:a5 cookie) that carries RPC CMD messages (struct optee_msg_arg); every
 * value read back from it is checked, since the normal world may write anything there.
 */
#include <log.h>
#include <string.h>

#include "rpc.h"
#include "tee.h"
#include "thread.h"

#define RPC_ARG_SIZE (sizeof(struct optee_msg_arg) + RPC_MAX_PARAMS * sizeof(struct optee_msg_param))

static uint64_t join(uint64_t hi, uint64_t lo)
{
	return (hi & 0xffffffffUL) << 32 | (lo & 0xffffffffUL);
}

static void split(uint64_t v, uint64_t *hi, uint64_t *lo)
{
	*hi = v >> 32;
	*lo = v & 0xffffffffUL;
}

static int get_arg_buffer(struct thread *t)
{
	uint64_t a[8] = {OPTEE_SMC_RPC_ALLOC, RPC_ARG_SIZE};

	if (t->rpc_arg_pa)
		return 0;
	thread_rpc(a);
	t->rpc_arg_pa = join(a[1], a[2]);
	t->rpc_arg_cookie = join(a[4], a[5]);
	if (!t->rpc_arg_pa)
		return -1;
	if ((t->rpc_arg_pa & 7) || !ns_range_ok(t->rpc_arg_pa, RPC_ARG_SIZE)) {
		log_error("RPC buffer at %#lx is not normal-world RAM", t->rpc_arg_pa);
		t->rpc_arg_pa = 0;
		rpc_release_arg(t);
		return -1;
	}
	return 0;
}

void rpc_release_arg(struct thread *t)
{
	uint64_t a[8] = {OPTEE_SMC_RPC_FREE};

	if (!t->rpc_arg_cookie)
		return;
	split(t->rpc_arg_cookie, &a[1], &a[2]);
	t->rpc_arg_cookie = 0;
	t->rpc_arg_pa = 0;
	thread_rpc(a);
}

uint32_t rpc_cmd(uint32_t cmd, struct optee_msg_param *params, uint32_t n)
{
	struct thread *t = thread_current();
	volatile struct optee_msg_arg *arg;
	uint64_t a[8] = {OPTEE_SMC_RPC_CMD};
	uint32_t ret;

	if (n > RPC_MAX_PARAMS || get_arg_buffer(t))
		return TEEC_ERROR_OUT_OF_MEMORY;
	arg = (volatile struct optee_msg_arg *)(uintptr_t)t->rpc_arg_pa;
	memset((void *)arg, 0, RPC_ARG_SIZE);
	arg->cmd = cmd;
	arg->num_params = n;
	arg->ret = TEEC_ERROR_GENERIC;
	memcpy((void *)arg->params, params, n * sizeof(*params));
	split(t->rpc_arg_cookie, &a[1], &a[2]);
	thread_rpc(a);
	memcpy(params, (const void *)arg->params, n * sizeof(*params));
	ret = arg->ret;
	return ret;
}

void rpc_foreign_interrupt(void)
{
	uint64_t a[8] = {OPTEE_SMC_RPC_FOREIGN_INTR};

	thread_rpc(a);
}

uint32_t rpc_shm_alloc(uint64_t size, struct shm *out)
{
	struct optee_msg_param p = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT};
	uint64_t type, addr;
	uint32_t ret;

	p.u.value.a = OPTEE_RPC_SHM_TYPE_APPL;
	p.u.value.b = size;
	ret = rpc_cmd(OPTEE_RPC_CMD_SHM_ALLOC, &p, 1);
	if (ret != TEEC_SUCCESS)
		return ret;
	type = p.attr & OPTEE_MSG_ATTR_TYPE_MASK;
	addr = p.u.tmem.buf_ptr;
	if (type != OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT || !p.u.tmem.shm_ref || p.u.tmem.size < size) {
		log_error("shared memory from the normal world: bad answer (attr %#lx size %#lx)",
			  p.attr, p.u.tmem.size);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	/* Either a page list (NONCONTIG) or one contiguous range. */
	if (p.attr & OPTEE_MSG_ATTR_NONCONTIG)
		ret = shm_describe(out, p.u.tmem.shm_ref, addr, size);
	else
		ret = shm_describe_contiguous(out, p.u.tmem.shm_ref, addr, size);
	if (ret != TEEC_SUCCESS) {
		log_error("shared memory from the normal world lies outside normal-world RAM");
		out->cookie = p.u.tmem.shm_ref;
		rpc_shm_free(out);
	}
	return ret;
}

void rpc_shm_free(const struct shm *shm)
{
	struct optee_msg_param p = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT};

	p.u.value.a = OPTEE_RPC_SHM_TYPE_APPL;
	p.u.value.b = shm->cookie;
	rpc_cmd(OPTEE_RPC_CMD_SHM_FREE, &p, 1);
}

uint32_t rpc_ree_time(uint64_t *seconds, uint64_t *nanoseconds)
{
	struct optee_msg_param p = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT};
	uint32_t ret = rpc_cmd(OPTEE_RPC_CMD_GET_TIME, &p, 1);

	*seconds = p.u.value.a;
	*nanoseconds = p.u.value.b;
	return ret;
}

uint32_t rpc_sleep(uint32_t ms)
{
	struct optee_msg_param p = {.attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT};

	p.u.value.a = ms;
	return rpc_cmd(OPTEE_RPC_CMD_SUSPEND, &p, 1);
}
