// SPDX-License-Identifier: BSD-2-Clause
/*
 * Yielding-call messages from the normal world's side (tee/msg.c, tee/msg_check.c): every
 * command with every parameter count from 0 to MSG_MAX_PARAMS + 2, each message in a buffer of
 * exactly its size, under AddressSanitizer, so a read past the message or past the trusted OS's
 * own parameter array stops the test. Only the counts a command may carry reach its handler; the
 * others are refused with TEEC_ERROR_BAD_PARAMETERS from the TEE and change nothing. Open-session
 * logins: only those the normal world may claim pass, and the statistics pseudo-TA only for the
 * REE kernel and root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mbedtls/sha1.h>

#include "cancel.h"
#include "fs_rpc.h"
#include "msg.h"
#include "msg_check.h"
#include "msg_params.h"
#include "session.h"
#include "thread.h"

/* What the message handlers did: every stub below counts itself here. */
static struct {
	unsigned int opens, invokes, closes, cancels, registers, unregisters;
	uint32_t invoke_types[TEE_NUM_PARAMS];
	struct ta_client_identity client;
} did;

/* The message under test lives in a heap block of exactly its size; nothing else is "RAM". */
static uintptr_t msg_lo, msg_hi;

int ns_range_ok(uint64_t pa, uint64_t size)
{
	return pa >= msg_lo && size <= msg_hi - msg_lo && pa - msg_lo <= msg_hi - msg_lo - size;
}

static char last_log[256];

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
	va_end(ap);
}

/* The rest of the trusted OS, reduced to one session (ID 1) with a user TA. */
static struct ta_instance instance;
static struct ta_session session = {.id = 1, .inst = &instance, .refs = 1};

void *kcalloc(size_t count, size_t size)
{
	return calloc(count, size);
}

void kfree(void *p)
{
	free(p);
}

/* The pseudo-TAs beside the statistics one (tee/pta_stats.c, under test). */
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

uint32_t session_count(void)
{
	return 4;
}

void fs_requests(uint32_t out[FS_REQUEST_KINDS])
{
	for (uint32_t i = 0; i < FS_REQUEST_KINDS; i++)
		out[i] = 10 + i;
}

static struct ta_session *pta_session; /* a pseudo-TA session msg.c allocated */

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
	(void)uuid;
	(void)p;
	assert_true(cancel_at == CANCEL_NEVER); /* a client's call has no cancellation timeout */
	(void)origin;
	did.opens++;
	did.client = *client;
	*sess = &session;
	return TEEC_SUCCESS;
}

uint32_t ta_invoke(struct ta_session *sess, uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS],
		   uint64_t cancel_at, uint32_t *origin)
{
	(void)sess;
	assert_true(cancel_at == CANCEL_NEVER);
	(void)cmd;
	(void)origin;
	did.invokes++;
	for (int i = 0; i < TEE_NUM_PARAMS; i++)
		did.invoke_types[i] = p[i].type;
	return TEEC_SUCCESS;
}

void ta_close_session(struct ta_session *sess)
{
	(void)sess;
	did.closes++;
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
	did.cancels++;
}

uint32_t shm_register(uint64_t cookie, uint64_t list_pa, uint64_t size)
{
	(void)cookie;
	(void)list_pa;
	(void)size;
	did.registers++;
	return TEEC_SUCCESS;
}

uint32_t shm_unregister(uint64_t cookie)
{
	(void)cookie;
	did.unregisters++;
	return TEEC_SUCCESS;
}

const struct shm *shm_find(uint64_t cookie)
{
	(void)cookie;
	return NULL;
}

/* A well-formed parameter i of command cmd, as Linux's driver would send it. */
static void fill_param(uint32_t cmd, uint32_t i, struct optee_msg_param *p)
{
	memset(p, 0, sizeof(*p));
	switch (cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		if (i < 2) {
			p->attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
			p->u.value.a = 0x1122334455667788ULL;
			p->u.value.b = 0x99aabbccddeeff00ULL;
			p->u.value.c = i == 1 ? TEE_LOGIN_USER : 0;
			break;
		}
		__attribute__((fallthrough)); /* the client's parameters */
	case OPTEE_MSG_CMD_INVOKE_COMMAND:
	case OPTEE_MSG_CMD_CLOSE_SESSION:
	case OPTEE_MSG_CMD_CANCEL:
		p->attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT;
		p->u.value.a = i;
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM:
		p->attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;
		p->u.tmem.shm_ref = 0x77;
		p->u.tmem.size = 4096;
		break;
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		p->attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
		p->u.rmem.shm_ref = 0x77;
		break;
	}
}

struct answer {
	uint64_t smc; /* what goes to a0 */
	uint32_t ret, origin;
	unsigned int actions; /* handler calls the message caused */
};

/* Send one message of n parameters (edit lets a test change them) and see what happened. */
static struct answer send_msg(uint32_t cmd, uint32_t n,
			      void (*edit)(struct optee_msg_param *p, uint32_t n))
{
	size_t size = sizeof(struct optee_msg_arg) + n * sizeof(struct optee_msg_param);
	struct optee_msg_arg *arg = aligned_alloc(8, (size + 7) & ~(size_t)7);
	struct thread t;
	struct answer a;
	uintptr_t pa = (uintptr_t)arg;

	assert_non_null(arg);
	memset(arg, 0, size);
	arg->cmd = cmd;
	arg->session = 1;
	arg->num_params = n;
	arg->ret = 0xdeadbeef;
	for (uint32_t i = 0; i < n; i++)
		fill_param(cmd, i, &arg->params[i]);
	if (edit)
		edit(arg->params, n);
	msg_lo = pa;
	msg_hi = pa + size;
	memset(&did, 0, sizeof(did));
	memset(&t, 0, sizeof(t));
	t.args[1] = (uint64_t)pa >> 32;
	t.args[2] = pa & 0xffffffffU;
	a.smc = msg_handle_call(&t);
	a.ret = arg->ret;
	a.origin = arg->ret_origin;
	a.actions =
	    did.opens + did.invokes + did.closes + did.cancels + did.registers + did.unregisters;
	free(arg);
	free(pta_session);
	pta_session = NULL;
	session.refs = 1;
	return a;
}

static const struct {
	uint32_t cmd, min, max;
} allowed[] = {
    {OPTEE_MSG_CMD_OPEN_SESSION, 2, 6},	 {OPTEE_MSG_CMD_INVOKE_COMMAND, 0, 4},
    {OPTEE_MSG_CMD_CLOSE_SESSION, 0, 0}, {OPTEE_MSG_CMD_CANCEL, 0, 0},
    {OPTEE_MSG_CMD_REGISTER_SHM, 1, 1},	 {OPTEE_MSG_CMD_UNREGISTER_SHM, 1, 1},
};

static void every_command_with_every_count(void **state __attribute__((unused)))
{
	for (size_t c = 0; c < sizeof(allowed) / sizeof(allowed[0]); c++) {
		for (uint32_t n = 0; n <= MSG_MAX_PARAMS + 2; n++) {
			struct answer a = send_msg(allowed[c].cmd, n, NULL);

			if (n > MSG_MAX_PARAMS) {
				/* More than any message holds: refused before it is copied. */
				assert_int_equal(a.smc, OPTEE_SMC_RETURN_EBADADDR);
				assert_int_equal(a.actions, 0);
			} else if (n < allowed[c].min || n > allowed[c].max) {
				assert_int_equal(a.smc, OPTEE_SMC_RETURN_OK);
				assert_int_equal(a.ret, TEEC_ERROR_BAD_PARAMETERS);
				assert_int_equal(a.origin, TEEC_ORIGIN_TEE);
				assert_int_equal(a.actions, 0);
				assert_non_null(strstr(last_log, "parameters"));
			} else {
				assert_int_equal(a.smc, OPTEE_SMC_RETURN_OK);
				assert_int_equal(a.ret, TEEC_SUCCESS);
				assert_int_equal(a.actions, 1);
			}
		}
	}
}

/* INVOKE_COMMAND's parameters reach the TA in order, the unused ones NONE. */
static void invoke_parameters_arrive(void **state __attribute__((unused)))
{
	for (uint32_t n = 0; n <= TEE_NUM_PARAMS; n++) {
		struct answer a = send_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, n, NULL);

		assert_int_equal(a.ret, TEEC_SUCCESS);
		for (uint32_t i = 0; i < TEE_NUM_PARAMS; i++)
			assert_int_equal(did.invoke_types[i],
					 i < n ? TEE_PARAM_TYPE_VALUE_INOUT : TEE_PARAM_TYPE_NONE);
	}
}

static uint32_t login_to_send;

static void set_login(struct optee_msg_param *p, uint32_t n)
{
	assert_true(n >= 2);
	p[1].u.value.c = login_to_send;
}

static struct answer open_with_login(uint32_t login)
{
	login_to_send = login;
	return send_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2, set_login);
}

static void normal_world_logins_are_accepted(void **state __attribute__((unused)))
{
	static const uint32_t with_uuid[] = {TEE_LOGIN_USER, TEE_LOGIN_GROUP, TEE_LOGIN_APPLICATION,
					     TEE_LOGIN_APPLICATION_USER,
					     TEE_LOGIN_APPLICATION_GROUP};
	static const uint8_t sent[16] = {0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11,
					 0x00, 0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99};
	static const uint8_t nil[16];
	struct answer a;

	for (size_t i = 0; i < sizeof(with_uuid) / sizeof(with_uuid[0]); i++) {
		a = open_with_login(with_uuid[i]);
		assert_int_equal(a.ret, TEEC_SUCCESS);
		assert_int_equal(did.client.login, with_uuid[i]);
		assert_memory_equal(did.client.uuid, sent, 16);
	}
	/* Public and REE kernel logins carry no identity: a UUID sent with them is dropped. */
	a = open_with_login(TEE_LOGIN_PUBLIC);
	assert_int_equal(a.ret, TEEC_SUCCESS);
	assert_int_equal(did.client.login, TEE_LOGIN_PUBLIC);
	assert_memory_equal(did.client.uuid, nil, 16);
	a = open_with_login(TEE_LOGIN_REE_KERNEL);
	assert_int_equal(a.ret, TEEC_SUCCESS);
	assert_int_equal(did.client.login, TEE_LOGIN_REE_KERNEL);
	assert_memory_equal(did.client.uuid, nil, 16);
}

static void trusted_app_and_unknown_logins_are_refused(void **state __attribute__((unused)))
{
	static const uint32_t refused[] = {TEE_LOGIN_TRUSTED_APP,
					   3,
					   7,
					   8,
					   0x7fffffff,
					   0x80000001,
					   0xbfffffff,
					   0xefffffff,
					   0xf0000001,
					   0xffffffff};

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		struct answer a = open_with_login(refused[i]);

		assert_int_equal(a.smc, OPTEE_SMC_RETURN_OK);
		assert_int_equal(a.ret, TEEC_ERROR_BAD_PARAMETERS);
		assert_int_equal(a.origin, TEEC_ORIGIN_TEE);
		assert_int_equal(a.actions, 0);
		assert_non_null(strstr(last_log, "login"));
	}
}

/* Linux's client UUID for a login: UUIDv5 of name in its TEE namespace (RFC 4122 4.3). */
static void linux_client_uuid(const char *name, uint8_t out[16])
{
	static const uint8_t ns[16] = {0x58, 0xac, 0x9c, 0xa0, 0x20, 0x86, 0x46, 0x83,
				       0xa1, 0xb8, 0xec, 0x4b, 0xc0, 0x8e, 0x01, 0xb6};
	uint8_t buf[64], hash[20];

	memcpy(buf, ns, 16);
	memcpy(buf + 16, name, strlen(name));
	assert_int_equal(mbedtls_sha1_ret(buf, 16 + strlen(name), hash), 0);
	memcpy(out, hash, 16);
	out[6] = (hash[6] & 0x0f) | 0x50;
	out[8] = (hash[8] & 0x3f) | 0x80;
}

static uint8_t client_uuid_to_send[16];

static void stats_open(struct optee_msg_param *p, uint32_t n)
{
	static const uint8_t stats[16] = {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57,
					  0x9a, 0x6e, 0x73, 0x74, 0x61, 0x74, 0x73, 0x00};

	assert_true(n >= 2);
	memcpy(&p[0].u.value.a, stats, 8);
	memcpy(&p[0].u.value.b, stats + 8, 8);
	memcpy(&p[1].u.value.a, client_uuid_to_send, 8);
	memcpy(&p[1].u.value.b, client_uuid_to_send + 8, 8);
	p[1].u.value.c = login_to_send;
}

static struct answer open_stats(uint32_t login, const char *uuid_name)
{
	login_to_send = login;
	memset(client_uuid_to_send, 0, 16);
	if (uuid_name)
		linux_client_uuid(uuid_name, client_uuid_to_send);
	return send_msg(OPTEE_MSG_CMD_OPEN_SESSION, 2, stats_open);
}

static void stats_pta_for_kernel_and_root_only(void **state __attribute__((unused)))
{
	uint8_t root[16];
	struct answer a;

	linux_client_uuid("uid=0", root);
	assert_memory_equal(root, pta_root_client_uuid, 16);
	/* Root, as Linux derives it, and kernel clients. */
	a = open_stats(TEE_LOGIN_USER, "uid=0");
	assert_int_equal(a.ret, TEEC_SUCCESS);
	a = open_stats(TEE_LOGIN_REE_KERNEL, NULL);
	assert_int_equal(a.ret, TEEC_SUCCESS);
	/* Anyone else: public, another uid, root's group, the root UUID under another login. */
	a = open_stats(TEE_LOGIN_PUBLIC, NULL);
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	assert_non_null(strstr(last_log, "statistics"));
	a = open_stats(TEE_LOGIN_USER, "uid=fffe");
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	a = open_stats(TEE_LOGIN_USER, "uid=3e8");
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	a = open_stats(TEE_LOGIN_GROUP, "gid=0");
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	a = open_stats(TEE_LOGIN_GROUP, "uid=0");
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	a = open_stats(TEE_LOGIN_APPLICATION_USER, "uid=0");
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	a = open_stats(TEE_LOGIN_PUBLIC, "uid=0"); /* a public login's UUID is dropped */
	assert_int_equal(a.ret, TEEC_ERROR_ACCESS_DENIED);
	assert_int_equal(a.actions, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(every_command_with_every_count),
	    cmocka_unit_test(invoke_parameters_arrive),
	    cmocka_unit_test(normal_world_logins_are_accepted),
	    cmocka_unit_test(trusted_app_and_unknown_logins_are_refused),
	    cmocka_unit_test(stats_pta_for_kernel_and_root_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
