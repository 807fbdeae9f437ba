/* SPDX-License-Identifier: BSD-2-Clause */
/* The test TA's command handlers, one file per area; each checks its parameter types. */
#ifndef TEST_TA_H
#define TEST_TA_H

#include <tee_internal_api.h>

#define PT(t0, t1, t2, t3)                                                                         \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, TEE_PARAM_TYPE_##t1, TEE_PARAM_TYPE_##t2,             \
			TEE_PARAM_TYPE_##t3)

/* test_memory.c */
TEE_Result test_heap(uint32_t types, TEE_Param params[4]);
TEE_Result test_access(uint32_t types, TEE_Param params[4]);
TEE_Result test_touch(uint32_t types, TEE_Param params[4]);

/* test_system.c */
TEE_Result test_peer_add(uint32_t types, TEE_Param params[4]);
TEE_Result test_wait(uint32_t types, TEE_Param params[4]);
TEE_Result test_random(uint32_t types, TEE_Param params[4]);
TEE_Result test_time(uint32_t types, TEE_Param params[4]);
TEE_Result test_props(uint32_t types, TEE_Param params[4]);
TEE_Result test_busy_cancel(uint32_t types, TEE_Param params[4]);

/* test_hostile.c */
TEE_Result test_tpidr_swap(uint32_t types, TEE_Param params[4]);
TEE_Result test_tpidr_nested(uint32_t types, TEE_Param params[4]);
TEE_Result test_tpidr_wait(uint32_t types, TEE_Param params[4]);
/* test_nesting.c */
TEE_Result test_recurse(uint32_t types, TEE_Param params[4]);
/* test_cancel.c */
TEE_Result test_cancel_mask(uint32_t types, TEE_Param params[4]);
TEE_Result test_peer_wait(uint32_t types, TEE_Param params[4]);
/* test_null.c */
TEE_Result test_null_seen(uint32_t types, TEE_Param params[4]);
TEE_Result test_null_need(uint32_t types, TEE_Param params[4]);

#endif
