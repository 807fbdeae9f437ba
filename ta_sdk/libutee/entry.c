// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TA's entry (ta_head.entry, after entry.S has set up the stack): calls the GP entry point
 * the trusted OS asked for (x0 = TA_FUNC_*), moves parameters between struct ta_entry_args and
 * TEE_Param[4] both ways, and ends the call with TA_SYS_RETURN.
 */
#include <rampart/ta_abi.h>
#include <stddef.h>
#include <tee_internal_api.h>
#include <user_ta_header.h>

#include "params.h"
#include "utee_internal.h"
#include "utee_syscalls.h"

/* Read by entry.S. */
const uint64_t utee_stack_top = TA_STACK_TOP;
_Static_assert(offsetof(struct ta_head, stack_size) == 32, "entry.S reads ta_head.stack_size");

void __utee_entry_c(uint64_t func, uint64_t session_ctx, struct ta_entry_args *args,
		    uint64_t command) __attribute__((noreturn));

static TEE_Result open_session(struct ta_entry_args *args)
{
	TEE_Param params[TEE_NUM_PARAMS];
	void *session = NULL;
	TEE_Result res = utee_params_from_args(params, args);

	if (res != TEE_SUCCESS)
		return res;
	res = TA_OpenSessionEntryPoint(args->param_types, params, &session);
	utee_params_outputs_to_args(args, params);
	args->session_ctx = (uintptr_t)session;
	return res;
}

static TEE_Result invoke(void *session, uint32_t command, struct ta_entry_args *args)
{
	TEE_Param params[TEE_NUM_PARAMS];
	TEE_Result res = utee_params_from_args(params, args);

	if (res != TEE_SUCCESS)
		return res;
	res = TA_InvokeCommandEntryPoint(session, command, args->param_types, params);
	utee_params_outputs_to_args(args, params);
	return res;
}

void __utee_entry_c(uint64_t func, uint64_t session_ctx, struct ta_entry_args *args,
		    uint64_t command)
{
	void *session = (void *)(uintptr_t)session_ctx;
	TEE_Result res;

	switch (func) {
	case TA_FUNC_CREATE:
		/* C and C++ constructors, libraries' first, before any GP entry point (C11 and
		 * ELF-64 "Initialization and Termination Functions"). */
		utee_dl_run_init();
		res = TA_CreateEntryPoint();
		break;
	case TA_FUNC_OPEN_SESSION:
		res = open_session(args);
		break;
	case TA_FUNC_INVOKE:
		res = invoke(session, (uint32_t)command, args);
		break;
	case TA_FUNC_CLOSE_SESSION:
		TA_CloseSessionEntryPoint(session);
		res = TEE_SUCCESS;
		break;
	case TA_FUNC_DESTROY:
		TA_DestroyEntryPoint();
		res = TEE_SUCCESS;
		break;
	default:
		res = TEE_ERROR_NOT_SUPPORTED;
		break;
	}
	/* Only linked when the TA uses stdout: a partial printf() line ends with the entry. */
	if (utee_stdio_flush)
		utee_stdio_flush();
	utee_return(res);
}
