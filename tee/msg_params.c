// SPDX-License-Identifier: BSD-2-Clause
/* OP-TEE message parameters <-> GP parameters (see msg_params.h). */
#include <log.h>
#include <string.h>

#include "msg_params.h"
#include "shm.h"
#include "tee.h"

void msg_set_result(struct optee_msg_arg *arg, uint32_t ret, uint32_t origin)
{
	arg->ret = ret;
	arg->ret_origin = origin;
}

int msg_is_meta_value_in(const struct optee_msg_param *p)
{
	return p->attr == (OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT);
}

/* Message parameters first..n-1 become the GP parameters; TEEC_SUCCESS or why not. */
uint32_t msg_params_in(const struct msg_copy *m, uint32_t first, struct tee_param *p)
{
	memset(p, 0, sizeof(struct tee_param) * TEE_NUM_PARAMS);
	if (m->arg.num_params - first > TEE_NUM_PARAMS)
		return TEEC_ERROR_BAD_PARAMETERS;
	for (uint32_t i = first; i < m->arg.num_params; i++) {
		const struct optee_msg_param *mp = &m->params[i];
		struct tee_param *tp = &p[i - first];
		uint32_t type = mp->attr & OPTEE_MSG_ATTR_TYPE_MASK;

		if (mp->attr & ~(uint64_t)OPTEE_MSG_ATTR_TYPE_MASK)
			return TEEC_ERROR_BAD_PARAMETERS; /* META, NONCONTIG: not here */
		switch (type) {
		case OPTEE_MSG_ATTR_TYPE_NONE:
			break;
		case OPTEE_MSG_ATTR_TYPE_VALUE_INPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_VALUE_INOUT:
			tp->u.value.a = mp->u.value.a;
			tp->u.value.b = mp->u.value.b;
			break;
		case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT: {
			const struct shm *shm = shm_find(mp->u.rmem.shm_ref);

			if (!shm || mp->u.rmem.offs > shm->size ||
			    mp->u.rmem.size > shm->size - mp->u.rmem.offs)
				return TEEC_ERROR_BAD_PARAMETERS;
			tp->u.memref = (struct memref){shm, 0, mp->u.rmem.offs, mp->u.rmem.size};
			break;
		}
		case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
		case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
			/* A null buffer only asks for a size; any other must be normal-world RAM. */
			if (mp->u.tmem.buf_ptr &&
			    !ns_range_ok(mp->u.tmem.buf_ptr, mp->u.tmem.size)) {
				log_info("memref %#lx+%#lx outside normal-world RAM refused",
					 mp->u.tmem.buf_ptr, mp->u.tmem.size);
				return TEEC_ERROR_BAD_PARAMETERS;
			}
			tp->u.memref = (struct memref){NULL, mp->u.tmem.buf_ptr, 0, mp->u.tmem.size};
			type -= OPTEE_MSG_ATTR_TYPE_TMEM_INPUT - OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
			break;
		default:
			return TEEC_ERROR_BAD_PARAMETERS;
		}
		tp->type = type; /* GP's value and memref type numbers match OP-TEE's */
	}
	return TEEC_SUCCESS;
}

/*
 * Write the outputs back: values a, b, c; memrefs their size only. Never more than the
 * TEE_NUM_PARAMS entries of p, whatever num_params says.
 */
void msg_params_out(volatile struct optee_msg_arg *shared, const struct msg_copy *m,
			  uint32_t first, const struct tee_param *p)
{
	for (uint32_t i = first; i < m->arg.num_params && i - first < TEE_NUM_PARAMS; i++) {
		const struct tee_param *tp = &p[i - first];
		volatile struct optee_msg_param *sp = &shared->params[i];

		switch (tp->type) {
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			sp->u.value.a = tp->u.value.a;
			sp->u.value.b = tp->u.value.b;
			sp->u.value.c = 0;
			break;
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			if (!tp->u.memref.shm) /* a temporary (TMEM) reference */
				sp->u.tmem.size = tp->u.memref.size;
			else
				sp->u.rmem.size = tp->u.memref.size;
			break;
		default:
			break;
		}
	}
}

