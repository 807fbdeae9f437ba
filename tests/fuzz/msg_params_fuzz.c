// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: OP-TEE message parameters (tee/msg_params.c), as tee/msg.c drives them.
 *
 * Input: one byte choosing the first GP parameter (OPEN_SESSION starts at 2, the other commands
 * at 0), then the message header and up to MSG_MAX_PARAMS parameters as the normal world wrote
 * them. num_params is capped as tee/msg.c caps it before it copies the message in; everything
 * else is the attacker's. Checked: nothing is read or written outside the message (ASan), every
 * accepted temporary memref lies in normal-world RAM, every registered one inside its buffer,
 * and the write-back leaves the fields the driver relies on (attr, buf_ptr/offs, shm_ref) alone.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "msg_params.h"
#include "shm.h"

#define NS_BASE 0x40000000UL
#define NS_SIZE 0x80000000UL
#define COOKIE	0x1234

/* What msg_params.c needs from the rest of the trusted OS: one registered buffer, RAM bounds. */
static struct shm registered = {.cookie = COOKIE, .size = 3 * 4096 - 100, .npages = 3, .used = 1};

int ns_range_ok(uint64_t pa, uint64_t size)
{
	return pa >= NS_BASE && size <= NS_SIZE && pa - NS_BASE <= NS_SIZE - size;
}

const struct shm *shm_find(uint64_t cookie)
{
	return cookie == COOKIE ? &registered : NULL;
}

void log_info(const char *fmt, ...)
{
	(void)fmt;
}

static void check_accepted(const struct tee_param *p)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		const struct memref *r = &p[i].u.memref;

		if (p[i].type < TEE_PARAM_TYPE_MEMREF_INPUT)
			continue;
		if (r->shm) {
			if (r->shm != &registered || r->offs > r->shm->size ||
			    r->size > r->shm->size - r->offs)
				abort(); /* a registered memref past its registration */
		} else if (r->pa && !ns_range_ok(r->pa, r->size)) {
			abort(); /* a temporary memref outside normal-world RAM */
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct msg_copy m;
	struct tee_param p[TEE_NUM_PARAMS];
	struct optee_msg_arg *shared;
	size_t shared_size;
	uint32_t first;

	if (size < 1)
		return 0;
	first = data[0] % 3;
	data++;
	size--;
	memset(&m, 0, sizeof(m));
	memcpy(&m, data, size < sizeof(m) ? size : sizeof(m));
	if (m.arg.num_params > MSG_MAX_PARAMS)
		return 0; /* tee/msg.c refuses the message before copying it */

	if (msg_params_in(&m, first, p) != TEEC_SUCCESS)
		return 0;
	check_accepted(p);

	/* The shared message is exactly as long as its parameters: ASan sees any write past it. */
	shared_size = sizeof(m.arg) + m.arg.num_params * sizeof(m.params[0]);
	shared = malloc(shared_size);
	if (!shared)
		return 0;
	memcpy(shared, &m, shared_size);
	for (int i = 0; i < TEE_NUM_PARAMS; i++) { /* what a TA might leave in its outputs */
		if (p[i].type >= TEE_PARAM_TYPE_MEMREF_INPUT)
			p[i].u.memref.size = ~p[i].u.memref.size;
		else
			p[i].u.value.a ^= 0x5a5a5a5a;
	}
	msg_params_out(shared, &m, first, p);
	for (uint32_t i = 0; i < m.arg.num_params; i++) {
		const struct optee_msg_param *was = &m.params[i], *now = &shared->params[i];

		uint32_t type = was->attr & OPTEE_MSG_ATTR_TYPE_MASK;

		if (was->attr != now->attr)
			abort(); /* the type is the driver's, in and out */
		if (type >= OPTEE_MSG_ATTR_TYPE_RMEM_INPUT &&
		    (was->u.tmem.buf_ptr != now->u.tmem.buf_ptr ||
		     was->u.tmem.shm_ref != now->u.tmem.shm_ref))
			abort(); /* the driver recomputes offsets from these: never rewrite them */
		if (i < first && memcmp(was, now, sizeof(*was)))
			abort(); /* the meta parameters are not outputs */
	}
	if (memcmp(&shared->cmd, &m.arg.cmd, sizeof(m.arg)))
		abort(); /* the header is written by tee/msg.c alone */
	free(shared);
	return 0;
}
