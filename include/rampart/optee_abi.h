/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * OP-TEE's SMC and message ABI as Linux's optee driver and optee_client use it (see
 * shared/reference/optee-smc-abi.md). Our trusted OS speaks it so that unmodified clients work.
 */
#ifndef RAMPART_OPTEE_ABI_H
#define RAMPART_OPTEE_ABI_H

#include <stdint.h>

/* Fast calls. */
#define OPTEE_SMC_CALLS_COUNT 0xBF00FF00U
#define OPTEE_SMC_CALLS_UID 0xBF00FF01U
#define OPTEE_SMC_CALLS_REVISION 0xBF00FF03U
#define OPTEE_SMC_GET_OS_UUID 0xB2000000U
#define OPTEE_SMC_GET_OS_REVISION 0xB2000001U
#define OPTEE_SMC_GET_SHM_CONFIG 0xB2000007U
#define OPTEE_SMC_EXCHANGE_CAPABILITIES 0xB2000009U
#define OPTEE_SMC_DISABLE_SHM_CACHE 0xB200000AU
#define OPTEE_SMC_ENABLE_SHM_CACHE 0xB200000BU
#define OPTEE_SMC_GET_THREAD_COUNT 0xB200000FU
/*
 * Virtualization (OP-TEE's CFG_NS_VIRTUALIZATION ABI): the hypervisor tells the trusted OS a
 * guest exists (a1 = its client ID, which the hypervisor then puts in a7 of every call the guest
 * makes) and that it is gone. Only the hypervisor, client ID 0, may make these calls.
 */
#define OPTEE_SMC_VM_CREATED 0xB200000DU
#define OPTEE_SMC_VM_DESTROYED 0xB200000EU
/*
 * Rampart's own fast call, outside OP-TEE's numbers: 32 bytes from the trusted OS's CTR_DRBG in
 * a1..a4 (a0 OPTEE_SMC_RETURN_OK). For the hypervisor (client ID 0), which seeds each VM's
 * random number generator at every boot through /chosen/rng-seed and kaslr-seed; a guest's call
 * is refused (ENOTAVAIL), as the hypervisor's other calls are.
 */
#define RAMPART_SMC_GET_RANDOM 0xB2000100U
/* Yielding calls. */
#define OPTEE_SMC_CALL_RETURN_FROM_RPC 0x32000003U
#define OPTEE_SMC_CALL_WITH_ARG 0x32000004U
#define OPTEE_SMC_CALL_WITH_RPC_ARG 0x32000012U
#define OPTEE_SMC_CALL_WITH_REGD_ARG 0x32000013U

/* The OP-TEE message API UID (CALLS_UID) and revision 2.0 (CALLS_REVISION). */
#define OPTEE_MSG_UID_0 0x384fb3e0U
#define OPTEE_MSG_UID_1 0xe7f811e3U
#define OPTEE_MSG_UID_2 0xaf630002U
#define OPTEE_MSG_UID_3 0xa5d5c51bU
#define OPTEE_MSG_REVISION_MAJOR 2
#define OPTEE_MSG_REVISION_MINOR 0

/* SMC return codes (a0). */
#define OPTEE_SMC_RETURN_OK 0x0
#define OPTEE_SMC_RETURN_ETHREAD_LIMIT 0x1
#define OPTEE_SMC_RETURN_EBUSY 0x2
#define OPTEE_SMC_RETURN_ERESUME 0x3
#define OPTEE_SMC_RETURN_EBADADDR 0x4
#define OPTEE_SMC_RETURN_EBADCMD 0x5
#define OPTEE_SMC_RETURN_ENOMEM 0x6
#define OPTEE_SMC_RETURN_ENOTAVAIL 0x7
#define OPTEE_SMC_RETURN_UNKNOWN_FUNCTION 0xFFFFFFFFU
/* RPC requests of a suspended call: 0xFFFF00nn, the thread in a3 (tee/rpc.h has each). */
#define OPTEE_SMC_RETURN_RPC_PREFIX 0xFFFF0000U
#define OPTEE_SMC_RETURN_IS_RPC(a0) (((a0) & 0xFFFF0000U) == OPTEE_SMC_RETURN_RPC_PREFIX)

/* EXCHANGE_CAPABILITIES: secure-world capability bits (a1). */
#define OPTEE_SMC_SEC_CAP_HAVE_RESERVED_SHM (1U << 0)
#define OPTEE_SMC_SEC_CAP_UNREGISTERED_SHM (1U << 1)
#define OPTEE_SMC_SEC_CAP_DYNAMIC_SHM (1U << 2)
#define OPTEE_SMC_SEC_CAP_VIRTUALIZATION (1U << 3)
#define OPTEE_SMC_SEC_CAP_MEMREF_NULL (1U << 4)

/* struct optee_msg_arg and its parameters. */
#define OPTEE_MSG_CMD_OPEN_SESSION 0
#define OPTEE_MSG_CMD_INVOKE_COMMAND 1
#define OPTEE_MSG_CMD_CLOSE_SESSION 2
#define OPTEE_MSG_CMD_CANCEL 3
#define OPTEE_MSG_CMD_REGISTER_SHM 4
#define OPTEE_MSG_CMD_UNREGISTER_SHM 5

#define OPTEE_MSG_ATTR_TYPE_MASK 0xffU
#define OPTEE_MSG_ATTR_TYPE_NONE 0x0
#define OPTEE_MSG_ATTR_TYPE_VALUE_INPUT 0x1
#define OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT 0x2
#define OPTEE_MSG_ATTR_TYPE_VALUE_INOUT 0x3
#define OPTEE_MSG_ATTR_TYPE_RMEM_INPUT 0x5
#define OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT 0x6
#define OPTEE_MSG_ATTR_TYPE_RMEM_INOUT 0x7
#define OPTEE_MSG_ATTR_TYPE_TMEM_INPUT 0x9
#define OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT 0xa
#define OPTEE_MSG_ATTR_TYPE_TMEM_INOUT 0xb
#define OPTEE_MSG_ATTR_META (1U << 8)
#define OPTEE_MSG_ATTR_NONCONTIG (1U << 9)

struct optee_msg_param {
	uint64_t attr;
	union {
		struct {
			uint64_t buf_ptr, size, shm_ref;
		} tmem;
		struct {
			uint64_t offs, size, shm_ref;
		} rmem;
		struct {
			uint64_t a, b, c;
		} value;
	} u;
};

struct optee_msg_arg {
	uint32_t cmd;
	uint32_t func;
	uint32_t session;
	uint32_t cancel_id;
	uint32_t pad;
	uint32_t ret;
	uint32_t ret_origin;
	uint32_t num_params;
	struct optee_msg_param params[];
};

/* GlobalPlatform TEE Client API results and origins (GP TEE Client API 4.4.2, 4.4.3). */
#define TEEC_SUCCESS 0x00000000U
#define TEEC_ERROR_GENERIC 0xFFFF0000U
#define TEEC_ERROR_ACCESS_DENIED 0xFFFF0001U
#define TEEC_ERROR_CANCEL 0xFFFF0002U
#define TEEC_ERROR_EXCESS_DATA 0xFFFF0004U
#define TEEC_ERROR_BAD_FORMAT 0xFFFF0005U
#define TEEC_ERROR_BAD_PARAMETERS 0xFFFF0006U
#define TEEC_ERROR_BAD_STATE 0xFFFF0007U
#define TEEC_ERROR_ITEM_NOT_FOUND 0xFFFF0008U
#define TEEC_ERROR_NOT_IMPLEMENTED 0xFFFF0009U
#define TEEC_ERROR_NOT_SUPPORTED 0xFFFF000AU
#define TEEC_ERROR_OUT_OF_MEMORY 0xFFFF000CU
#define TEEC_ERROR_BUSY 0xFFFF000DU
#define TEEC_ERROR_COMMUNICATION 0xFFFF000EU
#define TEEC_ERROR_SECURITY 0xFFFF000FU
#define TEEC_ERROR_SHORT_BUFFER 0xFFFF0010U
#define TEEC_ERROR_TARGET_DEAD 0xFFFF3024U
#define TEEC_ORIGIN_API 1
#define TEEC_ORIGIN_COMMS 2
#define TEEC_ORIGIN_TEE 3
#define TEEC_ORIGIN_TRUSTED_APP 4

#endif
