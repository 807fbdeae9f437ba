// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: a whole yielding-call message through the trusted OS's message handling
 * (tee/msg.c, tee/msg_check.c, tee/msg_params.c, the statistics pseudo-TA tee/pta_stats.c), as
 * CALL_WITH_ARG hands it over. The rest of the trusted OS is reduced to one TA session (ID 1) and
 * one registered buffer (cookie 0x1234), as in tests/unit/msg_test.c.
 *
 * Input: the message as the normal world wrote it, in a heap block of exactly its size: that
 * block is all of "normal-world RAM", so ASan stops any read or write past it, and past the
 * trusted OS's own copies. Checked besides: every session reference msg.c takes it gives back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs_rpc.h"
#include "msg.h"
#include "msg_check.h"
#include "msg_params.h"
#include "session.h"
#include "shm.h"
#include "thread.h"

static uintptr_t msg_lo, msg_hi;

int ns_range_ok(uint64_t pa, uint64_t size)
{
	return pa >= msg_lo && size <= msg_hi - msg_lo && pa - msg_lo <= msg_hi - msg_lo - size;
}

void log_info(const char *fmt, ...)
{
	(void)fmt;
}

void log_error(const char *fmt, ...)
{
	(void)fmt;
}

static struct ta_instance instance;
static struct ta_session session = {.id = 1, .inst = &instance, .refs = 1};
static struct ta_session *pta_session;
static struct shm registered = {.cookie = 0x1234, .size = 3 * 4096, .npages = 3, .used = 1};

void *kcalloc(size_t count, size_t size)
{
	return calloc(count, size);
}

void kfree(void *p)
{
	if (p == pta_session)
		pta_session = NULL;
	free(p);
}

const struct pta pta_device_enum = {.uuid = {0x70, 0x11}, .name = "device enumeration"};
const struct pta pta_rng = {.uuid = {0xab}, .name = "rng", .kernel_only = 1};

size_t heap_in_use(void)
{
	return 1000;
}

size_t pages_in_use(void)
{
	return 20;
}

uint32_t ta_live_instances(void)
{
	return 3;
}

uint64_t thread_stale_table_entries(void)
{
	return 0;
}

void fs_requests(uint32_t out[FS_REQUEST_KINDS])
{
	for (uint32_t i = 0; i < FS_REQUEST_KINDS; i++)
		out[i] = i;
}

uint32_t session_count(void)
{
	return 4;
}

uint32_t session_add(struct ta_session *sess)
{
	sess->id = 1;
	if (sess->pta)
		pta_session = sess;
	return TEEC_SUCCESS;
}

struct ta_session *session_get(uint32_t id)
{
	if (id != 1)
		return NULL;
	session.refs++;
	return &session;
}

struct ta_session *session_remove(uint32_t id)
{
	return id == 1 ? &session : NULL;
}

int session_put(struct ta_session *sess)
{
	return --sess->refs == 0;
}

uint32_t ta_open_session(const uint8_t uuid[16], const struct ta_client_identity *client,
			 struct tee_param p[TEE_NUM_PARAMS], uint64_t cancel_at,
			 struct ta_session **sess, uint32_t *origin)
{
	(void)cancel_at;
	(void)uuid;
	(void)client;
	(void)origin;
	p[0].u.value.a = 1; /* an output the write-back must put where the message says */
	*sess = &session;
	return TEEC_SUCCESS;
}

uint32_t ta_invoke(struct ta_session *sess, uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS],
		   uint64_t cancel_at, uint32_t *origin)
{
	(void)cancel_at;
	(void)sess;
	(void)origin;
	for (int i = 0; i < TEE_NUM_PARAMS; i++)
		if (p[i].type >= TEE_PARAM_TYPE_MEMREF_INPUT)
			p[i].u.memref.size = cmd; /* any size back, as a TA may say */
	return cmd & 1 ? TEEC_ERROR_SHORT_BUFFER : TEEC_SUCCESS;
}

void ta_close_session(struct ta_session *sess)
{
	(void)sess;
	session.refs = 1; /* the table's reference, for the next message */
}

void ta_uuid_str(const uint8_t u[16], char out[37])
{
	(void)u;
	strcpy(out, "uuid");
}

void thread_cancel(uint32_t session_id, uint32_t cancel_id)
{
	(void)session_id;
	(void)cancel_id;
}

uint32_t shm_register(uint64_t cookie, uint64_t list_pa, uint64_t size)
{
	(void)cookie;
	(void)list_pa;
	(void)size;
	return TEEC_SUCCESS;
}

uint32_t shm_unregister(uint64_t cookie)
{
	(void)cookie;
	return TEEC_SUCCESS;
}

const struct shm *shm_find(uint64_t cookie)
{
	return cookie == registered.cookie ? &registered : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct optee_msg_arg *arg;
	struct thread t;
	uintptr_t pa;

	arg = aligned_alloc(8, (size + 7) & ~(size_t)7);
	if (!arg)
		return 0;
	memcpy(arg, data, size);
	pa = (uintptr_t)arg;
	msg_lo = pa;
	msg_hi = pa + size; /* exactly the input: the 8-byte round-up is not RAM */
	memset(&t, 0, sizeof(t));
	t.args[1] = (uint64_t)pa >> 32;
	t.args[2] = pa & 0xffffffffU;
	msg_handle_call(&t);
	if (session.refs != 1)
		abort(); /* a session reference taken and not given back, or given back twice */
	free(arg);
	free(pta_session);
	pta_session = NULL;
	return 0;
}
