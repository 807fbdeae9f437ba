/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1, Annex A (TCP/IP): the protocol's ID and its own codes. */
#ifndef TEE_TCPSOCKET_DEFINES_H
#define TEE_TCPSOCKET_DEFINES_H

#define TEE_ISOCKET_PROTOCOLID_TCP		    0x65
#define TEE_ISOCKET_TCP_WARNING_UNKNOWN_OUT_OF_BAND 0xF1010002

#endif
