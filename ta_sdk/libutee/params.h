/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Moving GP parameters between TEE_Param[4] (what TA code sees) and struct ta_entry_args (what
 * the trusted OS reads and writes). Pure C: also built into the host unit tests.
 */
#ifndef UTEE_PARAMS_H
#define UTEE_PARAMS_H

#include <rampart/ta_abi.h>
#include <tee_api_types.h>

/* Whether every 4-bit field of param_types is a GP type (and nothing above bit 15 is set). */
bool utee_param_types_valid(uint32_t types);

/* Callee side, at entry: the trusted OS's arguments as TEE_Param. BAD_PARAMETERS on bad types. */
TEE_Result utee_params_from_args(TEE_Param params[4], const struct ta_entry_args *args);
/* Callee side, at return: value outputs and memref sizes written back into the arguments. */
void utee_params_outputs_to_args(struct ta_entry_args *args, const TEE_Param params[4]);

/* Caller side (TA to TA): TEE_Param into arguments for the trusted OS. params may be NULL when
 * every type is NONE. */
TEE_Result utee_params_to_args(struct ta_entry_args *args, uint32_t types, const TEE_Param *params);
/* Caller side, after the call: what the callee output, back into TEE_Param. */
void utee_params_outputs_from_args(TEE_Param *params, uint32_t types,
				   const struct ta_entry_args *args);

#endif
