/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP TEE Sockets API v1.0.1 for TAs: their TCP and UDP client sockets live in tee-supplicant,
 * reached by the socket RPC (OPTEE_RPC_CMD_SOCKET, the layout tee-supplicant 3.19 checks;
 * docs/trusted-os.md "Sockets"). The trusted OS names the instance to tee-supplicant, so a TA
 * reaches only its own sockets, and closes them all when the instance ends.
 */
#ifndef TEE_SOCKET_H
#define TEE_SOCKET_H

#include <stdint.h>

struct ta_instance;

/* TA_SYS_SOCKET_* (rampart/ta_abi.h); x the TA's x0..x3. */
uint64_t ta_syscall_socket(uint64_t nr, const uint64_t *x);
/* The instance is going: its sockets are closed, its RPC buffer given back. */
void socket_state_free(struct ta_instance *inst);

#endif
