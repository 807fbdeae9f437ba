/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0, TCP: the values xtest names (see __tee_isocket_defines.h). */
#ifndef XTEST_COMPAT_TEE_TCPSOCKET_DEFINES_H
#define XTEST_COMPAT_TEE_TCPSOCKET_DEFINES_H

#define TEE_ISOCKET_PROTOCOLID_TCP 0x65
#define TEE_ISOCKET_TCP_WARNING_UNKNOWN_OUT_OF_BAND 0xF1010002

#endif
