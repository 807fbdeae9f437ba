// SPDX-License-Identifier: BSD-2-Clause
/*
 * libutee's GP API layer and TA entry on the host, with the system calls replaced by a fake
 * trusted OS (below): entry dispatch and parameter write-back, TEE_Malloc over the heap the
 * trusted OS hands out, the property sets and enumerators, TA-to-TA sessions, access checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include "utee_syscalls.h"

/* ---- The fake trusted OS ---- */

static _Alignas(16) uint8_t heap_region[16384];
static jmp_buf call_done;   /* where utee_return / utee_panic land */
static TEE_Result call_res; /* what the TA returned, or its panic code */
static bool panicked;
static char last_log[300];
static struct ta_client_identity client;
static TEE_Result access_answer;
static int access_calls;
static struct ta_entry_args peer_args; /* what the last TA-to-TA call sent */
static uint8_t peer_uuid[16];
static uint32_t peer_closed;
static uint32_t peer_timeout; /* the cancellationRequestTimeout the trusted OS was given */

void utee_return(TEE_Result res)
{
	call_res = res;
	longjmp(call_done, 1);
}

void utee_panic(TEE_Result code)
{
	call_res = code;
	panicked = true;
	longjmp(call_done, 1);
}

void utee_log(const char *msg, size_t len)
{
	snprintf(last_log, sizeof(last_log), "%.*s", (int)len, msg);
}

TEE_Result utee_get_heap(uint64_t *base, uint64_t *size)
{
	*base = (uintptr_t)heap_region;
	*size = sizeof(heap_region);
	return TEE_SUCCESS;
}

TEE_Result utee_get_client(struct ta_client_identity *id)
{
	*id = client;
	return TEE_SUCCESS;
}

TEE_Result utee_check_access(uint32_t flags, const void *buf, size_t size)
{
	(void)flags;
	(void)buf;
	(void)size;
	access_calls++;
	return access_answer;
}

/* The "peer": adds p0.a + p0.b into p1.a, and says SHORT_BUFFER with size 99 for memrefs. */
static TEE_Result fake_peer(struct ta_entry_args *args, uint32_t *origin)
{
	peer_args = *args;
	*origin = TEE_ORIGIN_TRUSTED_APP;
	if (TEE_PARAM_TYPE_GET(args->param_types, 0) == TEE_PARAM_TYPE_MEMREF_OUTPUT) {
		args->params[0].b = 99;
		return TEE_ERROR_SHORT_BUFFER;
	}
	args->params[1].a = args->params[0].a + args->params[0].b;
	return TEE_SUCCESS;
}

TEE_Result utee_open_ta_session(const uint8_t uuid[16], uint32_t cancel_timeout,
				struct ta_entry_args *args, uint32_t *session, uint32_t *origin)
{
	memcpy(peer_uuid, uuid, 16);
	peer_timeout = cancel_timeout;
	if (uuid[15] == 0xff) {
		*origin = TEE_ORIGIN_TEE;
		return TEE_ERROR_ITEM_NOT_FOUND;
	}
	*session = 77;
	return fake_peer(args, origin);
}

TEE_Result utee_invoke_ta(uint32_t session, uint32_t cancel_timeout, uint32_t command,
			  struct ta_entry_args *args, uint32_t *origin)
{
	(void)command;
	peer_timeout = cancel_timeout;
	assert_int_equal(session, 77);
	return fake_peer(args, origin);
}

TEE_Result utee_close_ta_session(uint32_t session)
{
	peer_closed = session;
	return TEE_SUCCESS;
}

TEE_Result utee_get_time(uint32_t which, struct ta_time *time)
{
	time->seconds = which == TA_TIME_REE ? 2000 : 1000;
	time->millis = 5;
	return TEE_SUCCESS;
}

/* The persistent time: what the fake trusted OS answers and writes. */
static TEE_Result ta_time_answer;
static struct ta_time ta_time_value, ta_time_was_set;

TEE_Result utee_ta_time_get(struct ta_time *time)
{
	*time = ta_time_value;
	return ta_time_answer;
}

TEE_Result utee_ta_time_set(const struct ta_time *time)
{
	ta_time_was_set = *time;
	return ta_time_answer;
}

TEE_Result utee_wait(uint32_t ms)
{
	return ms == 1 ? TEE_ERROR_CANCEL : TEE_SUCCESS;
}

TEE_Result utee_random(void *buf, size_t len)
{
	memset(buf, 0x42, len);
	return TEE_SUCCESS;
}

static uint64_t mask_state = 1;

/* No shared libraries here: the instance is the TA alone, whose constructors libutee runs. */
TEE_Result utee_dl_info(uint32_t index, struct ta_dl_info *info)
{
	(void)index;
	(void)info;
	return TEE_ERROR_ITEM_NOT_FOUND;
}

uint64_t utee_get_cancel(void)
{
	return !mask_state;
}

uint64_t utee_mask_cancel(uint64_t mask)
{
	uint64_t old = mask_state;

	mask_state = mask;
	return old;
}

/* ---- The TA under test ---- */

static const TEE_UUID ta_uuid = {
    0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x72, 0x61, 0x6d, 0x70, 0x61, 0x72}};
static const bool no = false;
const struct user_ta_property ta_props[] = {
    {"gpd.ta.appID", USER_TA_PROP_TYPE_UUID, &ta_uuid},
    {"gpd.ta.singleInstance", USER_TA_PROP_TYPE_BOOL, &no},
    {"org.example.blob", USER_TA_PROP_TYPE_BINARY_BLOCK, "3q2+7w=="},
};
const size_t ta_num_props = 3;
const struct ta_head ta_head = {.magic = TA_HEAD_MAGIC, .stack_size = 4096};

static int created, destroyed;
static void *closed_ctx;
static int session_tag;

TEE_Result TA_CreateEntryPoint(void)
{
	created++;
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
	destroyed++;
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **ctx)
{
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0, 0))
		return TEE_ERROR_BAD_PARAMETERS;
	params[0].value.a = 0xabc;
	*ctx = &session_tag;
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *ctx)
{
	closed_ctx = ctx;
}

TEE_Result TA_InvokeCommandEntryPoint(void *ctx, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	(void)types;
	assert_ptr_equal(ctx, &session_tag);
	switch (cmd) {
	case 1: /* p0 VALUE_INOUT += 1; p1 MEMREF_OUTPUT: wants 10 bytes */
		p[0].value.a++;
		p[0].value.b++;
		if (p[1].memref.size < 10) {
			p[1].memref.size = 10;
			return TEE_ERROR_SHORT_BUFFER;
		}
		memset(p[1].memref.buffer, 'x', 10);
		p[1].memref.size = 10;
		return TEE_SUCCESS;
	case 2:
		TEE_Panic(0xdead);
	default:
		EMSG("unknown command %u", cmd);
		return TEE_ERROR_NOT_SUPPORTED;
	}
}

void __utee_entry_c(uint64_t func, uint64_t session_ctx, struct ta_entry_args *args,
		    uint64_t command);

/* One entry, as the trusted OS makes it; the TA's TEE_Result (or panic code). */
static TEE_Result enter(uint64_t func, void *ctx, struct ta_entry_args *args, uint32_t cmd)
{
	panicked = false;
	if (!setjmp(call_done))
		__utee_entry_c(func, (uintptr_t)ctx, args, cmd);
	return call_res;
}

/* ---- Tests ---- */

static void entry_dispatch(void **state)
{
	struct ta_entry_args args = {.param_types =
					 TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0, 0)};
	uint8_t buf[16] = {0};

	(void)state;
	assert_int_equal(enter(TA_FUNC_CREATE, NULL, NULL, 0), TEE_SUCCESS);
	assert_int_equal(created, 1);
	assert_int_equal(enter(TA_FUNC_OPEN_SESSION, NULL, &args, 0), TEE_SUCCESS);
	assert_int_equal(args.params[0].a, 0xabc);
	assert_ptr_equal((void *)(uintptr_t)args.session_ctx, &session_tag);

	memset(&args, 0, sizeof(args));
	args.param_types =
	    TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT, TEE_PARAM_TYPE_MEMREF_OUTPUT, 0, 0);
	args.params[0].a = 5;
	args.params[0].b = 6;
	args.params[1].a = (uintptr_t)buf;
	args.params[1].b = 4;
	assert_int_equal(enter(TA_FUNC_INVOKE, &session_tag, &args, 1), TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(args.params[1].b, 10);
	assert_int_equal(args.params[1].a, (uintptr_t)buf);
	args.params[1].b = sizeof(buf);
	assert_int_equal(enter(TA_FUNC_INVOKE, &session_tag, &args, 1), TEE_SUCCESS);
	assert_int_equal(args.params[0].a, 7); /* incremented twice: the inout came back */
	assert_int_equal(args.params[1].b, 10);
	assert_memory_equal(buf, "xxxxxxxxxx", 10);

	assert_int_equal(enter(TA_FUNC_INVOKE, &session_tag, &args, 9), TEE_ERROR_NOT_SUPPORTED);
	assert_non_null(strstr(last_log, "unknown command 9"));
	assert_int_equal(enter(TA_FUNC_INVOKE, &session_tag, &args, 2), 0xdead);
	assert_true(panicked);

	args.param_types = 0x8; /* not a GP type: refused before the TA sees it */
	assert_int_equal(enter(TA_FUNC_INVOKE, &session_tag, &args, 1), TEE_ERROR_BAD_PARAMETERS);

	assert_int_equal(enter(TA_FUNC_CLOSE_SESSION, &session_tag, NULL, 0), TEE_SUCCESS);
	assert_ptr_equal(closed_ctx, &session_tag);
	assert_int_equal(enter(TA_FUNC_DESTROY, NULL, NULL, 0), TEE_SUCCESS);
	assert_int_equal(destroyed, 1);
	assert_int_equal(enter(99, NULL, NULL, 0), TEE_ERROR_NOT_SUPPORTED);
}

static void malloc_over_the_given_heap(void **state)
{
	size_t base = tee_heap_bytes_in_use();
	uint8_t *a, *b;

	(void)state;
	a = TEE_Malloc(100, TEE_MALLOC_FILL_ZERO);
	assert_non_null(a);
	assert_true(a >= heap_region && a + 100 <= heap_region + sizeof(heap_region));
	for (int i = 0; i < 100; i++)
		assert_int_equal(a[i], 0);
	TEE_MemFill(a, 0x1ff, 100); /* GP: the low byte */
	assert_int_equal(a[99], 0xff);
	b = TEE_Realloc(a, 300);
	assert_non_null(b);
	assert_int_equal(b[99], 0xff);
	assert_int_equal(b[100], 0); /* the grown part reads as zero */
	assert_int_equal(b[299], 0);
	assert_null(TEE_Malloc(sizeof(heap_region), 0));
	assert_int_equal(TEE_MemCompare("abc", "abd", 3), -1);
	assert_int_equal(TEE_MemCompare("abd", "abc", 3), 1);
	assert_int_equal(TEE_MemCompare("abc", "abc", 3), 0);
	TEE_Free(b);
	TEE_Free(NULL);
	assert_int_equal(tee_heap_bytes_in_use(), base);
	/* Zero bytes: not NULL, not heap memory (a TA using it faults); free and realloc take it. */
	a = TEE_Malloc(0, 0);
	assert_non_null(a);
	assert_true(a < heap_region || a >= heap_region + sizeof(heap_region));
	assert_int_equal(tee_heap_bytes_in_use(), base);
	TEE_Free(a);
	b = TEE_Realloc(TEE_Malloc(0, 0), 16);
	assert_true(b >= heap_region && b + 16 <= heap_region + sizeof(heap_region));
	assert_int_equal(b[15], 0);
	TEE_Free(b);
	assert_int_equal(tee_heap_bytes_in_use(), base);

	/* A pointer that is not a live allocation panics. */
	panicked = false;
	if (!setjmp(call_done))
		TEE_Free(b);
	assert_true(panicked);
	assert_int_equal(call_res, TEE_ERROR_BAD_PARAMETERS);
}

static void property_sets(void **state)
{
	TEE_Identity id;
	TEE_UUID u;
	char s[64];
	size_t len = sizeof(s);
	uint8_t blob[4];
	size_t blen = sizeof(blob);
	uint32_t v;
	bool b = true;

	(void)state;
	client.login = TEE_LOGIN_APPLICATION;
	memcpy(
	    client.uuid,
	    (uint8_t[16]){0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 1, 2, 3, 4, 5, 6, 7, 8},
	    16);
	assert_int_equal(
	    TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT, "gpd.client.identity", &id),
	    TEE_SUCCESS);
	assert_int_equal(id.login, TEE_LOGIN_APPLICATION);
	assert_int_equal(id.uuid.timeLow, 0x12345678);
	assert_int_equal(id.uuid.timeMid, 0x9abc);
	assert_int_equal(id.uuid.clockSeqAndNode[7], 8);
	/* The client can change between calls (multi-session TAs): asked afresh. */
	client.login = TEE_LOGIN_TRUSTED_APP;
	assert_int_equal(
	    TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT, "gpd.client.identity", &id),
	    TEE_SUCCESS);
	assert_int_equal(id.login, TEE_LOGIN_TRUSTED_APP);
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_CLIENT, "gpd.client.endian", &v),
			 TEE_SUCCESS);

	assert_int_equal(TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID", &u),
			 TEE_SUCCESS);
	assert_memory_equal(&u, &ta_uuid, sizeof(u));
	assert_int_equal(TEE_GetPropertyAsBool(TEE_PROPSET_CURRENT_TA, "gpd.ta.singleInstance", &b),
			 TEE_SUCCESS);
	assert_false(b);
	assert_int_equal(
	    TEE_GetPropertyAsBinaryBlock(TEE_PROPSET_CURRENT_TA, "org.example.blob", blob, &blen),
	    TEE_SUCCESS);
	assert_memory_equal(blob, ((uint8_t[]){0xde, 0xad, 0xbe, 0xef}), 4);
	assert_int_equal(
	    TEE_GetPropertyAsString(TEE_PROPSET_TEE_IMPLEMENTATION, "gpd.tee.apiversion", s, &len),
	    TEE_SUCCESS);
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_TEE_IMPLEMENTATION,
					      "gpd.tee.internalCore.version", &v),
			 TEE_SUCCESS);
	assert_int_equal(v, 0x01030100);
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_TEE_IMPLEMENTATION,
					      "gpd.tee.systemTime.protectionLevel", &v),
			 TEE_SUCCESS);
	/* The REE can roll the store back while the machine is off: GP's level 100. */
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_TEE_IMPLEMENTATION,
					      "gpd.tee.TAPersistentTime.protectionLevel", &v),
			 TEE_SUCCESS);
	assert_int_equal(v, 100);
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID", &v),
			 TEE_ERROR_BAD_FORMAT);
	assert_int_equal(TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "no.such", &v),
			 TEE_ERROR_ITEM_NOT_FOUND);
}

static void property_enumerator(void **state)
{
	size_t base = tee_heap_bytes_in_use();
	TEE_PropSetHandle e;
	char name[64];
	size_t len;
	int n = 0;
	TEE_UUID u;

	(void)state;
	assert_int_equal(TEE_AllocatePropertyEnumerator(&e), TEE_SUCCESS);
	len = sizeof(name);
	assert_int_equal(TEE_GetPropertyName(e, name, &len), TEE_ERROR_ITEM_NOT_FOUND);
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
	do {
		len = sizeof(name);
		assert_int_equal(TEE_GetPropertyName(e, name, &len), TEE_SUCCESS);
		assert_string_equal(name, ta_props[n].name);
		n++;
	} while (TEE_GetNextProperty(e) == TEE_SUCCESS);
	assert_int_equal(n, 3);
	assert_int_equal(TEE_GetNextProperty(e), TEE_ERROR_ITEM_NOT_FOUND);
	/* The name is ignored when an enumerator is given: its current property is read. */
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
	assert_int_equal(TEE_GetPropertyAsUUID(e, "ignored", &u), TEE_SUCCESS);
	len = 3;
	assert_int_equal(TEE_GetPropertyName(e, name, &len), TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, strlen("gpd.ta.appID") + 1);
	TEE_ResetPropertyEnumerator(e);
	assert_int_equal(TEE_GetPropertyAsUUID(e, NULL, &u), TEE_ERROR_ITEM_NOT_FOUND);
	TEE_FreePropertyEnumerator(e);
	assert_int_equal(tee_heap_bytes_in_use(), base);

	/* A handle that is no enumerator panics (GP 4.4). */
	panicked = false;
	if (!setjmp(call_done))
		TEE_StartPropertyEnumerator((TEE_PropSetHandle)name, TEE_PROPSET_CURRENT_TA);
	assert_true(panicked);
}

static void ta_to_ta(void **state)
{
	const TEE_UUID peer = {0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x70, 0x65, 0x65, 0x72}};
	const TEE_UUID missing = {1, 2, 3, {0, 0, 0, 0, 0, 0, 0, 0xff}};
	size_t base = tee_heap_bytes_in_use();
	TEE_TASessionHandle s = (TEE_TASessionHandle)1;
	TEE_Param p[4] = {0};
	uint32_t origin = 0;
	uint8_t buf[8];

	(void)state;
	assert_int_equal(TEE_OpenTASession(&missing, TEE_TIMEOUT_INFINITE, 0, NULL, &s, &origin),
			 TEE_ERROR_ITEM_NOT_FOUND);
	assert_null(s);
	assert_int_equal(origin, TEE_ORIGIN_TEE);
	assert_int_equal(tee_heap_bytes_in_use(), base);

	p[0].value.a = 20;
	p[0].value.b = 22;
	assert_int_equal(TEE_OpenTASession(&peer, 1500,
					   TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
							   TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0),
					   p, &s, &origin),
			 TEE_SUCCESS);
	assert_int_equal(peer_timeout, 1500); /* GP 4.9.1: the timeout goes with the call */
	assert_non_null(s);
	assert_int_equal(origin, TEE_ORIGIN_TRUSTED_APP);
	assert_memory_equal(peer_uuid,
			    ((uint8_t[]){0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57, 0x9a, 0x6e,
					 0x70, 0x65, 0x65, 0x72}),
			    14);
	assert_int_equal(p[1].value.a, 42);

	p[0].value.a = 1;
	p[0].value.b = 2;
	assert_int_equal(TEE_InvokeTACommand(s, TEE_TIMEOUT_INFINITE, 0,
					     TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
							     TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0),
					     p, &origin),
			 TEE_SUCCESS);
	assert_int_equal(p[1].value.a, 3);
	assert_int_equal(peer_timeout, TEE_TIMEOUT_INFINITE);

	/* Memrefs go as this TA's addresses; SHORT_BUFFER brings the needed size back. */
	p[0].memref.buffer = buf;
	p[0].memref.size = sizeof(buf);
	assert_int_equal(TEE_InvokeTACommand(s, 250, 0,
					     TEE_PARAM_TYPES(TEE_PARAM_TYPE_MEMREF_OUTPUT, 0, 0, 0),
					     p, NULL),
			 TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(peer_timeout, 250); /* GP 4.9.3 */
	assert_int_equal(peer_args.params[0].a, (uintptr_t)buf);
	assert_int_equal(peer_args.params[0].b, sizeof(buf));
	assert_int_equal(p[0].memref.size, 99);

	/* Bad parameter types never reach the trusted OS. */
	assert_int_equal(TEE_InvokeTACommand(s, 0, 0, 0x4, p, &origin), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(origin, TEE_ORIGIN_API);

	TEE_CloseTASession(s);
	assert_int_equal(peer_closed, 77);
	assert_int_equal(tee_heap_bytes_in_use(), base);
	TEE_CloseTASession(TEE_HANDLE_NULL);
}

static void access_rights(void **state)
{
	const uint32_t rw = TEE_MEMORY_ACCESS_READ | TEE_MEMORY_ACCESS_WRITE;
	void *param = (void *)(TA_PARAM_BASE + 0x100);

	(void)state;
	access_answer = TEE_SUCCESS;
	access_calls = 0;
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)TA_HEAP_BASE, 64), TEE_SUCCESS);
	assert_int_equal(access_calls, 1);
	/* Shared with the client: only with ANY_OWNER. */
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, param, 16), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(TEE_CheckMemoryAccessRights(rw | TEE_MEMORY_ACCESS_ANY_OWNER, param, 16),
			 TEE_SUCCESS);
	/* Ends just inside the parameter window from below. */
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)(TA_PARAM_BASE - 8), 9),
			 TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)(TA_PARAM_BASE - 8), 8),
			 TEE_SUCCESS);
	/* Wrapping, beyond the address space, unknown flags: no system call needed. */
	access_calls = 0;
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)UINTPTR_MAX, 2),
			 TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)TA_VA_LIMIT, 1),
			 TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(TEE_CheckMemoryAccessRights(0x8, (void *)TA_HEAP_BASE, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)TA_HEAP_BASE, 0), TEE_SUCCESS);
	assert_int_equal(access_calls, 0);
	/* The trusted OS's refusal of any kind is ACCESS_DENIED. */
	access_answer = TEE_ERROR_BAD_PARAMETERS;
	assert_int_equal(TEE_CheckMemoryAccessRights(rw, (void *)TA_IMAGE_BASE, 4),
			 TEE_ERROR_ACCESS_DENIED);
}

static void time_wait_random_cancel(void **state)
{
	TEE_Time t;
	uint8_t r[5] = {0};

	(void)state;
	TEE_GetSystemTime(&t);
	assert_int_equal(t.seconds, 1000);
	TEE_GetREETime(&t);
	assert_int_equal(t.seconds, 2000);
	assert_int_equal(TEE_Wait(1), TEE_ERROR_CANCEL);
	assert_int_equal(TEE_Wait(5), TEE_SUCCESS);
	TEE_GenerateRandom(r, sizeof(r));
	assert_int_equal(r[4], 0x42);
	assert_false(TEE_GetCancellationFlag()); /* masked */
	assert_true(TEE_UnmaskCancellation());	 /* was masked */
	assert_true(TEE_GetCancellationFlag());	 /* the fake: cancelled whenever unmasked */
	assert_false(TEE_MaskCancellation());	 /* was unmasked */
}

/*
 * GP 7.2.4 and 7.2.5 in libutee: the time given with SUCCESS and OVERFLOW, zero otherwise; a
 * result GP does not list for the function panics the TA.
 */
static void persistent_time(void **state)
{
	TEE_Time t;

	(void)state;
	ta_time_value = (struct ta_time){.seconds = 7, .millis = 8};
	ta_time_answer = TEE_SUCCESS;
	assert_int_equal(TEE_GetTAPersistentTime(&t), TEE_SUCCESS);
	assert_int_equal(t.seconds, 7);
	assert_int_equal(t.millis, 8);
	ta_time_answer = TEE_ERROR_OVERFLOW;
	assert_int_equal(TEE_GetTAPersistentTime(&t), TEE_ERROR_OVERFLOW);
	assert_int_equal(t.seconds, 7);
	ta_time_answer = TEE_ERROR_TIME_NOT_SET;
	assert_int_equal(TEE_GetTAPersistentTime(&t), TEE_ERROR_TIME_NOT_SET);
	assert_int_equal(t.seconds, 0);
	assert_int_equal(t.millis, 0);
	ta_time_answer = TEE_ERROR_TIME_NEEDS_RESET;
	t.seconds = 9;
	assert_int_equal(TEE_GetTAPersistentTime(&t), TEE_ERROR_TIME_NEEDS_RESET);
	assert_int_equal(t.seconds, 0);
	ta_time_answer = TEE_ERROR_STORAGE_NOT_AVAILABLE;
	panicked = false;
	if (!setjmp(call_done))
		TEE_GetTAPersistentTime(&t);
	assert_true(panicked);
	assert_int_equal(call_res, TEE_ERROR_STORAGE_NOT_AVAILABLE);

	t = (TEE_Time){.seconds = 11, .millis = 12};
	ta_time_answer = TEE_SUCCESS;
	assert_int_equal(TEE_SetTAPersistentTime(&t), TEE_SUCCESS);
	assert_int_equal(ta_time_was_set.seconds, 11);
	assert_int_equal(ta_time_was_set.millis, 12);
	ta_time_answer = TEE_ERROR_STORAGE_NO_SPACE;
	assert_int_equal(TEE_SetTAPersistentTime(&t), TEE_ERROR_STORAGE_NO_SPACE);
	ta_time_answer = TEE_ERROR_CORRUPT_OBJECT; /* a store that cannot be written */
	panicked = false;
	if (!setjmp(call_done))
		TEE_SetTAPersistentTime(&t);
	assert_true(panicked);
	assert_int_equal(call_res, TEE_ERROR_CORRUPT_OBJECT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(entry_dispatch),
	    cmocka_unit_test(malloc_over_the_given_heap),
	    cmocka_unit_test(property_sets),
	    cmocka_unit_test(property_enumerator),
	    cmocka_unit_test(ta_to_ta),
	    cmocka_unit_test(access_rights),
	    cmocka_unit_test(time_wait_random_cancel),
	    cmocka_unit_test(persistent_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
