/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Requests from the trusted OS to the normal world in the middle of a call (optee-smc-abi.md,
 * "RPC"): to Linux's optee driver itself, or through it to tee-supplicant.
 */
#ifndef TEE_RPC_H
#define TEE_RPC_H

#include <rampart/optee_abi.h>
#include <stdint.h>

#include "shm.h"

/* RPC function codes (a0) and the commands of RPC CMD. */
#define OPTEE_SMC_RPC_ALLOC 0xFFFF0000U
#define OPTEE_SMC_RPC_FREE 0xFFFF0002U
#define OPTEE_SMC_RPC_FOREIGN_INTR 0xFFFF0004U
#define OPTEE_SMC_RPC_CMD 0xFFFF0005U
#define OPTEE_RPC_CMD_LOAD_TA 0
#define OPTEE_RPC_CMD_GET_TIME 3
#define OPTEE_RPC_CMD_SUSPEND 5
#define OPTEE_RPC_CMD_SHM_ALLOC 6
#define OPTEE_RPC_CMD_SHM_FREE 7
#define OPTEE_RPC_SHM_TYPE_APPL 0
#define RPC_MAX_PARAMS 4

struct thread;

/*
 * Send RPC CMD cmd with params[0..n-1]; they are updated with the normal world's answer.
 * Returns the command's result (TEEC_*), or TEEC_ERROR_OUT_OF_MEMORY/COMMUNICATION when the
 * request could not be made.
 */
uint32_t rpc_cmd(uint32_t cmd, struct optee_msg_param *params, uint32_t n);
/* Give back the call's RPC argument buffer, if it took one (at the end of every call). */
void rpc_release_arg(struct thread *t);
/* Let Linux take the interrupt that is pending for it; the call goes on afterwards. */
void rpc_foreign_interrupt(void);

/* Shared memory from tee-supplicant (SHM_ALLOC type APPL), as a registered-memory object. */
uint32_t rpc_shm_alloc(uint64_t size, struct shm *out);
void rpc_shm_free(const struct shm *shm);

/* The REE's wall clock, and a sleep in Linux (GET_TIME, SUSPEND). */
uint32_t rpc_ree_time(uint64_t *seconds, uint64_t *nanoseconds);
uint32_t rpc_sleep(uint32_t ms);

#endif
