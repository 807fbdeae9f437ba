// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA-to-TA sessions (GP 4.9). Parameters go to the trusted OS as a struct ta_entry_args with
 * this TA's own buffer addresses; the trusted OS gives the callee access to those buffers for
 * the call and writes the callee's value outputs and memref sizes back into the arguments.
 * cancellationRequestTimeout goes with the call: once it expires, the trusted OS counts the
 * callee's call as cancelled (GP 4.9.1, 4.9.3; tee/cancel.c).
 */
#include <rampart/ta_abi.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>

#include "params.h"
#include "utee_internal.h"
#include "utee_syscalls.h"

#define SESSION_MAGIC 0x53455353U
struct __TEE_TASessionHandle {
	uint32_t magic;
	uint32_t id; /* the trusted OS's session number */
};

static void set_origin(uint32_t *returnOrigin, uint32_t origin)
{
	if (returnOrigin)
		*returnOrigin = origin;
}

static struct __TEE_TASessionHandle *session_of(TEE_TASessionHandle h)
{
	if (!utee_heap_owns(h, sizeof(*h)) || h->magic != SESSION_MAGIC)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return h;
}

/* GP 4.9: outputs are updated on success and, for memref sizes, on SHORT_BUFFER. */
static void copy_outputs(TEE_Result res, TEE_Param *params, uint32_t types,
			 const struct ta_entry_args *args)
{
	if (res == TEE_SUCCESS || res == TEE_ERROR_SHORT_BUFFER)
		utee_params_outputs_from_args(params, types, args);
}

TEE_Result TEE_OpenTASession(const TEE_UUID *destination, uint32_t cancellationRequestTimeout,
			     uint32_t paramTypes, TEE_Param params[TEE_NUM_PARAMS],
			     TEE_TASessionHandle *session, uint32_t *returnOrigin)
{
	struct ta_entry_args args;
	struct __TEE_TASessionHandle *h;
	uint8_t uuid[16];
	uint32_t id = 0;
	uint32_t origin = TEE_ORIGIN_TEE;
	TEE_Result res;

	*session = TEE_HANDLE_NULL;
	res = utee_params_to_args(&args, paramTypes, params);
	if (res != TEE_SUCCESS) {
		set_origin(returnOrigin, TEE_ORIGIN_API);
		return res;
	}
	h = TEE_Malloc(sizeof(*h), TEE_MALLOC_FILL_ZERO);
	if (!h) {
		set_origin(returnOrigin, TEE_ORIGIN_TEE);
		return TEE_ERROR_OUT_OF_MEMORY;
	}
	tee_uuid_to_octets(uuid, destination);
	res = utee_open_ta_session(uuid, cancellationRequestTimeout, &args, &id, &origin);
	copy_outputs(res, params, paramTypes, &args);
	set_origin(returnOrigin, origin);
	if (res != TEE_SUCCESS) {
		TEE_Free(h);
		return res;
	}
	h->magic = SESSION_MAGIC;
	h->id = id;
	*session = h;
	return TEE_SUCCESS;
}

TEE_Result TEE_InvokeTACommand(TEE_TASessionHandle session, uint32_t cancellationRequestTimeout,
			       uint32_t commandID, uint32_t paramTypes,
			       TEE_Param params[TEE_NUM_PARAMS], uint32_t *returnOrigin)
{
	struct __TEE_TASessionHandle *h = session_of(session);
	struct ta_entry_args args;
	uint32_t origin = TEE_ORIGIN_TEE;
	TEE_Result res;

	res = utee_params_to_args(&args, paramTypes, params);
	if (res != TEE_SUCCESS) {
		set_origin(returnOrigin, TEE_ORIGIN_API);
		return res;
	}
	res = utee_invoke_ta(h->id, cancellationRequestTimeout, commandID, &args, &origin);
	copy_outputs(res, params, paramTypes, &args);
	set_origin(returnOrigin, origin);
	return res;
}

void TEE_CloseTASession(TEE_TASessionHandle session)
{
	struct __TEE_TASessionHandle *h;

	if (session == TEE_HANDLE_NULL)
		return;
	h = session_of(session);
	utee_close_ta_session(h->id);
	h->magic = 0;
	TEE_Free(h);
}
