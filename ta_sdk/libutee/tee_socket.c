// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP TEE Sockets API v1.0.1: the TCP and UDP client protocols (TEE_tcpSocket, TEE_udpSocket).
 * A handle is a small record of this TA's heap: the trusted OS's socket number and the last
 * protocol error. The GP "the TA panics" cases (a null handle or a null required pointer)
 * panic here; the sockets themselves are in tee-supplicant (tee/socket.c).
 */
#include <__tee_tcpsocket_defines_extensions.h>
#include <rampart/ta_abi.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_tcpsocket.h>
#include <tee_udpsocket.h>

#include "utee_syscalls.h"

#define PTR(p) ((uint64_t)(uintptr_t)(p))

struct socket {
	uint32_t handle;     /* tee-supplicant's number for it, through the trusted OS */
	uint32_t last_error; /* what error() answers: the last call's result */
};

/* Both protocols' setups have the same layout (GP annexes: ipVersion, server_addr, server_port). */
static TEE_Result socket_open(uint8_t protocol, TEE_iSocketHandle *ctx, void *setup,
			      uint32_t *protocolError)
{
	const TEE_tcpSocket_Setup *s = setup;
	struct ta_socket_open args;
	struct socket *sock;
	TEE_Result res;

	if (!ctx || !setup || !protocolError)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	*ctx = TEE_HANDLE_NULL;
	*protocolError = TEE_SUCCESS;
	if (!s->server_addr)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	sock = TEE_Malloc(sizeof(*sock), TEE_MALLOC_FILL_ZERO);
	if (!sock)
		return TEE_ERROR_OUT_OF_MEMORY;
	args = (struct ta_socket_open){.server = PTR(s->server_addr),
				       .server_len = strlen(s->server_addr),
				       .port = s->server_port,
				       .protocol = protocol,
				       .ip_version = s->ipVersion};
	res = (TEE_Result)utee_socket(TA_SYS_SOCKET_OPEN, PTR(&args), PTR(&sock->handle), 0, 0);
	if (res != TEE_SUCCESS) {
		TEE_Free(sock);
		/* GP Sockets, open: a name that does not resolve is a protocol error, named in protocolError. */
		if (res == TEE_ISOCKET_ERROR_HOSTNAME) {
			*protocolError = res;
			return TEE_ISOCKET_ERROR_PROTOCOL;
		}
		return res;
	}
	*ctx = sock;
	return TEE_SUCCESS;
}

static TEE_Result tcp_open(TEE_iSocketHandle *ctx, void *setup, uint32_t *protocolError)
{
	return socket_open(TEE_ISOCKET_PROTOCOLID_TCP, ctx, setup, protocolError);
}

static TEE_Result udp_open(TEE_iSocketHandle *ctx, void *setup, uint32_t *protocolError)
{
	return socket_open(TEE_ISOCKET_PROTOCOLID_UDP, ctx, setup, protocolError);
}

/* GP Sockets, close: closing TEE_HANDLE_NULL does nothing. */
static TEE_Result socket_close(TEE_iSocketHandle ctx)
{
	struct socket *sock = ctx;
	TEE_Result res;

	if (!sock)
		return TEE_SUCCESS;
	res = (TEE_Result)utee_socket(TA_SYS_SOCKET_CLOSE, sock->handle, 0, 0, 0);
	TEE_Free(sock);
	return res;
}

static TEE_Result socket_send(TEE_iSocketHandle ctx, const void *buf, uint32_t *length,
			      uint32_t timeout)
{
	struct socket *sock = ctx;

	if (!sock || !buf || !length)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	sock->last_error = (uint32_t)utee_socket(TA_SYS_SOCKET_SEND, sock->handle, PTR(buf),
						 PTR(length), timeout);
	return sock->last_error;
}

/* GP Sockets, recv: a length of 0 asks how many bytes are waiting, without waiting. */
static TEE_Result socket_recv(TEE_iSocketHandle ctx, void *buf, uint32_t *length,
			      uint32_t timeout)
{
	struct socket *sock = ctx;

	if (!sock || !length || (!buf && *length))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	sock->last_error = (uint32_t)utee_socket(TA_SYS_SOCKET_RECV, sock->handle, PTR(buf),
						 PTR(length), timeout);
	return sock->last_error;
}

static uint32_t socket_error(TEE_iSocketHandle ctx)
{
	struct socket *sock = ctx;

	if (!sock)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return sock->last_error;
}

/*
 * GP Sockets, ioctl: the top byte of a command names the protocol it is for. A command with a zero top
 * byte names none and is accepted without effect; a command of this protocol it does not
 * define, or of another protocol, panics the TA (as OP-TEE's suite, xtest 2001 and 2004, checks).
 */
static TEE_Result socket_ioctl(uint8_t protocol, TEE_iSocketHandle ctx, uint32_t commandCode,
			       void *buf, uint32_t *length)
{
	struct socket *sock = ctx;
	int known;

	if (!sock || !length || (!buf && *length))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (!(commandCode >> 24))
		return TEE_SUCCESS;
	if (protocol == TEE_ISOCKET_PROTOCOLID_TCP)
		known = commandCode == TEE_TCP_SET_RECVBUF || commandCode == TEE_TCP_SET_SENDBUF;
	else
		known = commandCode == TEE_UDP_CHANGEADDR || commandCode == TEE_UDP_CHANGEPORT;
	if (!known)
		TEE_Panic(TEE_ERROR_NOT_SUPPORTED);
	sock->last_error = (uint32_t)utee_socket(TA_SYS_SOCKET_IOCTL, sock->handle, commandCode,
						 PTR(buf), PTR(length));
	return sock->last_error;
}

static TEE_Result tcp_ioctl(TEE_iSocketHandle ctx, uint32_t commandCode, void *buf,
			    uint32_t *length)
{
	return socket_ioctl(TEE_ISOCKET_PROTOCOLID_TCP, ctx, commandCode, buf, length);
}

static TEE_Result udp_ioctl(TEE_iSocketHandle ctx, uint32_t commandCode, void *buf,
			    uint32_t *length)
{
	return socket_ioctl(TEE_ISOCKET_PROTOCOLID_UDP, ctx, commandCode, buf, length);
}

static TEE_iSocket tcp_socket = {
	.TEE_iSocketVersion = TEE_ISOCKET_VERSION,
	.protocolID = TEE_ISOCKET_PROTOCOLID_TCP,
	.open = tcp_open,
	.close = socket_close,
	.send = socket_send,
	.recv = socket_recv,
	.error = socket_error,
	.ioctl = tcp_ioctl,
};

static TEE_iSocket udp_socket = {
	.TEE_iSocketVersion = TEE_ISOCKET_VERSION,
	.protocolID = TEE_ISOCKET_PROTOCOLID_UDP,
	.open = udp_open,
	.close = socket_close,
	.send = socket_send,
	.recv = socket_recv,
	.error = socket_error,
	.ioctl = udp_ioctl,
};

TEE_iSocket *const TEE_tcpSocket = &tcp_socket;
TEE_iSocket *const TEE_udpSocket = &udp_socket;
