/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1: the IP version a TCP or UDP socket asks for. */
#ifndef TEE_IPSOCKET_H
#define TEE_IPSOCKET_H

typedef enum TEE_ipSocket_ipVersion_e {
	TEE_IP_VERSION_DC = 0, /* either: the first address the name resolves to */
	TEE_IP_VERSION_4 = 1,
	TEE_IP_VERSION_6 = 2
} TEE_ipSocket_ipVersion;

#endif
