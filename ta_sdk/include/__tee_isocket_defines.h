/* SPDX-License-Identifier: BSD-2-Clause */
/* GP TEE Sockets API v1.0.1: the interface version and the result codes every protocol shares. */
#ifndef TEE_ISOCKET_DEFINES_H
#define TEE_ISOCKET_DEFINES_H

#define TEE_ISOCKET_VERSION 0x01000000 /* 1.0.0.0, major in the top byte */

#define TEE_ISOCKET_ERROR_PROTOCOL	   0xF1007001 /* details in the protocol error */
#define TEE_ISOCKET_ERROR_REMOTE_CLOSED	   0xF1007002
#define TEE_ISOCKET_ERROR_TIMEOUT	   0xF1007003
#define TEE_ISOCKET_ERROR_OUT_OF_RESOURCES 0xF1007004
#define TEE_ISOCKET_ERROR_LARGE_BUFFER	   0xF1007005
#define TEE_ISOCKET_WARNING_PROTOCOL	   0xF1007006
#define TEE_ISOCKET_ERROR_HOSTNAME	   0xF1007007

#endif
