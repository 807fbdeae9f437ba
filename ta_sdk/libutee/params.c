// SPDX-License-Identifier: BSD-2-Clause
/* GP parameters <-> struct ta_entry_args (see params.h). */
#include "params.h"

#include <string.h>

static bool is_value(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_INPUT || t == TEE_PARAM_TYPE_VALUE_OUTPUT ||
	       t == TEE_PARAM_TYPE_VALUE_INOUT;
}

static bool is_memref(uint32_t t)
{
	return t == TEE_PARAM_TYPE_MEMREF_INPUT || t == TEE_PARAM_TYPE_MEMREF_OUTPUT ||
	       t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

/* Written back to the other side when the call returns (GP 4.3.6: output and inout only). */
static bool is_output(uint32_t t)
{
	return t == TEE_PARAM_TYPE_VALUE_OUTPUT || t == TEE_PARAM_TYPE_VALUE_INOUT ||
	       t == TEE_PARAM_TYPE_MEMREF_OUTPUT || t == TEE_PARAM_TYPE_MEMREF_INOUT;
}

bool utee_param_types_valid(uint32_t types)
{
	if (types >> 16)
		return false;
	for (int i = 0; i < 4; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (t != TEE_PARAM_TYPE_NONE && !is_value(t) && !is_memref(t))
			return false;
	}
	return true;
}

TEE_Result utee_params_from_args(TEE_Param params[4], const struct ta_entry_args *args)
{
	memset(params, 0, 4 * sizeof(*params));
	if (!utee_param_types_valid(args->param_types))
		return TEE_ERROR_BAD_PARAMETERS;
	for (int i = 0; i < 4; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(args->param_types, i);

		if (is_value(t)) {
			/* GP: value outputs start undefined; zero is the kindest undefined. */
			if (t != TEE_PARAM_TYPE_VALUE_OUTPUT) {
				params[i].value.a = (uint32_t)args->params[i].a;
				params[i].value.b = (uint32_t)args->params[i].b;
			}
		} else if (is_memref(t)) {
			if (args->params[i].a > UINTPTR_MAX || args->params[i].b > SIZE_MAX)
				return TEE_ERROR_BAD_PARAMETERS;
			params[i].memref.buffer = (void *)(uintptr_t)args->params[i].a;
			params[i].memref.size = (size_t)args->params[i].b;
		}
	}
	return TEE_SUCCESS;
}

void utee_params_outputs_to_args(struct ta_entry_args *args, const TEE_Param params[4])
{
	for (int i = 0; i < 4; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(args->param_types, i);

		if (!is_output(t))
			continue;
		if (is_value(t)) {
			args->params[i].a = params[i].value.a;
			args->params[i].b = params[i].value.b;
		} else {
			/* The buffer stays where it is; the size may exceed it (SHORT_BUFFER). */
			args->params[i].b = params[i].memref.size;
		}
	}
}

TEE_Result utee_params_to_args(struct ta_entry_args *args, uint32_t types, const TEE_Param *params)
{
	memset(args, 0, sizeof(*args));
	if (!utee_param_types_valid(types))
		return TEE_ERROR_BAD_PARAMETERS;
	args->param_types = types;
	for (int i = 0; i < 4; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (t == TEE_PARAM_TYPE_NONE)
			continue;
		if (!params)
			return TEE_ERROR_BAD_PARAMETERS;
		if (t == TEE_PARAM_TYPE_VALUE_INPUT || t == TEE_PARAM_TYPE_VALUE_INOUT) {
			args->params[i].a = params[i].value.a;
			args->params[i].b = params[i].value.b;
		} else if (is_memref(t)) {
			/* A null buffer must come with size 0 (GP 4.9.2: null memref). */
			if (!params[i].memref.buffer && params[i].memref.size)
				return TEE_ERROR_BAD_PARAMETERS;
			args->params[i].a = (uintptr_t)params[i].memref.buffer;
			args->params[i].b = params[i].memref.size;
		}
	}
	return TEE_SUCCESS;
}

void utee_params_outputs_from_args(TEE_Param *params, uint32_t types,
				   const struct ta_entry_args *args)
{
	if (!params)
		return;
	for (int i = 0; i < 4; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (!is_output(t))
			continue;
		if (is_value(t)) {
			params[i].value.a = (uint32_t)args->params[i].a;
			params[i].value.b = (uint32_t)args->params[i].b;
		} else {
			params[i].memref.size = (size_t)args->params[i].b;
		}
	}
}
