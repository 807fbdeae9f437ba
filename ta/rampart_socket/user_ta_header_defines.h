/* SPDX-License-Identifier: BSD-2-Clause */
/* The sockets test TA: one instance a session. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_socket_ta.h>

#define TA_UUID	       TA_RAMPART_SOCKET_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (256 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart sockets TA: GP TEE Sockets API calls, one at a time"

#endif
