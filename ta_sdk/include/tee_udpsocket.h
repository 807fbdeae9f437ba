/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1, Annex B (UDP/IP): a UDP socket whose datagrams go to one server. */
#ifndef TEE_UDPSOCKET_H
#define TEE_UDPSOCKET_H

#include <__tee_ipsocket.h>
#include <__tee_udpsocket_defines.h>
#include <tee_isocket.h>

typedef struct TEE_udpSocket_Setup_s {
	TEE_ipSocket_ipVersion ipVersion;
	char *server_addr; /* a host name or a numeric address, NUL-terminated */
	uint16_t server_port;
} TEE_udpSocket_Setup;

extern TEE_iSocket *const TEE_udpSocket;

#endif
