/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TCP ioctl commands beyond the GP set, in the TCP protocol's range (top byte 0x65), as OP-TEE
 * numbers them: the socket's kernel receive and send buffer sizes (a uint32_t in the buffer).
 */
#ifndef TEE_TCPSOCKET_DEFINES_EXTENSIONS_H
#define TEE_TCPSOCKET_DEFINES_EXTENSIONS_H

#define TEE_TCP_SET_RECVBUF 0x65f00000
#define TEE_TCP_SET_SENDBUF 0x65f00001

#endif
