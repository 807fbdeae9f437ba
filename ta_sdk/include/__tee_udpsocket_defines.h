/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1, Annex B (UDP/IP): the protocol's ID, its codes and ioctl commands. */
#ifndef TEE_UDPSOCKET_DEFINES_H
#define TEE_UDPSOCKET_DEFINES_H

#define TEE_ISOCKET_PROTOCOLID_UDP		    0x66
#define TEE_ISOCKET_UDP_WARNING_UNKNOWN_OUT_OF_BAND 0xF1020002
#define TEE_UDP_CHANGEADDR 0x66000001 /* buffer: the new server name, its NUL counted in the length */
#define TEE_UDP_CHANGEPORT 0x66000002 /* buffer: the new port, a uint16_t */

#endif
