/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1, Annex A (TCP/IP): a TCP client socket to server_addr:server_port. */
#ifndef TEE_TCPSOCKET_H
#define TEE_TCPSOCKET_H

#include <__tee_ipsocket.h>
#include <__tee_tcpsocket_defines.h>
#include <tee_isocket.h>

typedef struct TEE_tcpSocket_Setup_s {
	TEE_ipSocket_ipVersion ipVersion;
	char *server_addr; /* a host name or a numeric address, NUL-terminated */
	uint16_t server_port;
} TEE_tcpSocket_Setup;

extern TEE_iSocket *const TEE_tcpSocket;

#endif
