/* SPDX-License-Identifier: BSD-2-Clause */
/* The libc TA's commands (libc_ta.c dispatches). */
#ifndef LIBC_TA_H
#define LIBC_TA_H

#include <tee_internal_api.h>

/* Counts a check; on a false one logs where and makes the command fail. */
#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			EMSG("check failed: %s", #cond);                                           \
			return TEE_ERROR_GENERIC;                                                  \
		}                                                                                  \
		(*checks)++;                                                                       \
	} while (0)

TEE_Result libc_format(uint32_t types, TEE_Param p[4]);
TEE_Result libc_print(uint32_t types, TEE_Param p[4]);
TEE_Result libc_heap(uint32_t types, TEE_Param p[4]);
TEE_Result libc_stdlib(uint32_t types, TEE_Param p[4]);

#endif
