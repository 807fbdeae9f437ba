/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP TEE Sockets API v1.0.1: the interface every socket protocol offers a TA. A protocol is
 * one constant TEE_iSocket (TEE_tcpSocket, TEE_udpSocket); its open gives a handle the other
 * functions take. Rampart carries the sockets to tee-supplicant (docs/trusted-os.md "Sockets").
 */
#ifndef TEE_ISOCKET_H
#define TEE_ISOCKET_H

#include <__tee_isocket_defines.h>
#include <stdint.h>
#include <tee_api_types.h>

typedef void *TEE_iSocketHandle;

typedef const struct TEE_iSocket_s {
	uint32_t TEE_iSocketVersion;
	uint8_t protocolID;
	TEE_Result (*open)(TEE_iSocketHandle *ctx, void *setup, uint32_t *protocolError);
	TEE_Result (*close)(TEE_iSocketHandle ctx);
	TEE_Result (*send)(TEE_iSocketHandle ctx, const void *buf, uint32_t *length,
			   uint32_t timeout);
	TEE_Result (*recv)(TEE_iSocketHandle ctx, void *buf, uint32_t *length, uint32_t timeout);
	uint32_t (*error)(TEE_iSocketHandle ctx);
	TEE_Result (*ioctl)(TEE_iSocketHandle ctx, uint32_t commandCode, void *buf,
			    uint32_t *length);
} TEE_iSocket;

#endif
