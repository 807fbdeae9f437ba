// SPDX-License-Identifier: BSD-2-Clause
/* The sockets test TA (rampart_socket_ta.h): each command one GP TEE Sockets API call. */
#include <rampart/ta_abi.h>
#include <rampart_socket_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_tcpsocket.h>
#include <tee_udpsocket.h>

#define CANARY	    0xA5
#define CANARY_SIZE 16
#define SERVER_MAX  300 /* more than the trusted OS takes, to try its limit */

struct slot {
	TEE_iSocket *api;
	TEE_iSocketHandle handle;
};

static struct slot slots[SOCKET_TA_SLOTS];

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param p[4], void **session)
{
	return TEE_SUCCESS;
}

/* Open sockets are left open on purpose: the trusted OS closes them when the instance ends. */
void TA_CloseSessionEntryPoint(void *session)
{
}

static struct slot *slot_of(uint32_t i)
{
	return i < SOCKET_TA_SLOTS && slots[i].handle ? &slots[i] : NULL;
}

static TEE_Result cmd_open(uint32_t types, TEE_Param p[4])
{
	char server[SERVER_MAX + 1];
	TEE_tcpSocket_Setup setup;
	uint32_t i, proto_error = 0;
	TEE_Result res;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT, TEE_PARAM_TYPE_MEMREF_INPUT,
				     TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE) ||
	    p[1].memref.size > SERVER_MAX)
		return TEE_ERROR_BAD_PARAMETERS;
	for (i = 0; i < SOCKET_TA_SLOTS && slots[i].handle; i++)
		;
	if (i == SOCKET_TA_SLOTS)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(server, p[1].memref.buffer, p[1].memref.size);
	server[p[1].memref.size] = '\0';
	/* The TCP and UDP setups are the same structure (GP Sockets Annexes A and B). */
	setup = (TEE_tcpSocket_Setup){.ipVersion = TEE_IP_VERSION_DC,
				      .server_addr = server,
				      .server_port = (uint16_t)p[0].value.b};
	slots[i].api = p[0].value.a == TEE_ISOCKET_PROTOCOLID_UDP ? TEE_udpSocket : TEE_tcpSocket;
	res = slots[i].api->open(&slots[i].handle, &setup, &proto_error);
	p[2].value.a = i;
	p[2].value.b = proto_error;
	if (res != TEE_SUCCESS && slots[i].handle)
		return TEE_ERROR_SECURITY; /* a failed open must leave TEE_HANDLE_NULL */
	return res;
}

static TEE_Result cmd_send(struct slot *s, TEE_Param p[4])
{
	uint32_t len = p[1].memref.size;
	TEE_Result res;
	void *copy = TEE_Malloc(len ? len : 1, 0);

	if (!copy)
		return TEE_ERROR_OUT_OF_MEMORY;
	memcpy(copy, p[1].memref.buffer, len);
	res = s->api->send(s->handle, copy, &len, p[0].value.b);
	TEE_Free(copy);
	p[2].value.a = len;
	return res;
}

/* Into a buffer of the TA's own with a canary after the room: recv must stay inside it. */
static TEE_Result cmd_recv(struct slot *s, TEE_Param p[4])
{
	uint32_t room = p[1].memref.size, len = room;
	uint8_t *buf = TEE_Malloc(room + CANARY_SIZE, 0);
	TEE_Result res;

	if (!buf)
		return TEE_ERROR_OUT_OF_MEMORY;
	memset(buf, CANARY, room + CANARY_SIZE);
	res = s->api->recv(s->handle, room ? buf : NULL, &len, p[0].value.b);
	for (uint32_t i = room; i < room + CANARY_SIZE; i++)
		if (buf[i] != CANARY)
			res = TEE_ERROR_SECURITY;
	if (res == TEE_SUCCESS)
		memcpy(p[1].memref.buffer, buf, len < room ? len : room);
	TEE_Free(buf);
	p[1].memref.size = len < room ? len : room;
	p[2].value.a = len;
	return res;
}

static TEE_Result cmd_ioctl(struct slot *s, TEE_Param p[4])
{
	uint32_t len = p[1].memref.size;
	TEE_Result res;

	res = s->api->ioctl(s->handle, p[0].value.b, len ? p[1].memref.buffer : NULL, &len);
	p[1].memref.size = len;
	return res;
}

static uint64_t raw_syscall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3), "r"(x8) : "memory");
	return x0;
}

/* A system call as a hostile TA makes it: any handle, any buffer address. */
static TEE_Result cmd_raw(TEE_Param p[4])
{
	uint64_t buf = (uint64_t)p[1].value.a << 32 | p[1].value.b;
	uint32_t len = p[2].value.a;

	switch (p[0].value.a) {
	case SOCKET_RAW_SEND:
	case SOCKET_RAW_RECV:
		return (TEE_Result)raw_syscall(p[0].value.a == SOCKET_RAW_SEND ? TA_SYS_SOCKET_SEND :
										  TA_SYS_SOCKET_RECV,
					       p[0].value.b, buf, (uint64_t)(uintptr_t)&len, 10);
	case SOCKET_RAW_OPEN:
		return (TEE_Result)raw_syscall(TA_SYS_SOCKET_OPEN, buf, buf, 0, 0);
	default:
		return TEE_ERROR_BAD_PARAMETERS;
	}
}

TEE_Result TA_InvokeCommandEntryPoint(void *session, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	struct slot *s;
	TEE_Result res;

	if (cmd == SOCKET_CMD_OPEN)
		return cmd_open(types, p);
	if (cmd == SOCKET_CMD_RAW)
		return cmd_raw(p);
	if (cmd == SOCKET_CMD_RECV && types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INPUT,
							       TEE_PARAM_TYPE_MEMREF_OUTPUT,
							       TEE_PARAM_TYPE_VALUE_OUTPUT,
							       TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (TEE_PARAM_TYPE_GET(types, 0) != TEE_PARAM_TYPE_VALUE_INPUT)
		return TEE_ERROR_BAD_PARAMETERS;
	s = slot_of(p[0].value.a);
	if (!s)
		return TEE_ERROR_ITEM_NOT_FOUND;
	switch (cmd) {
	case SOCKET_CMD_CLOSE:
		res = s->api->close(s->handle);
		s->handle = TEE_HANDLE_NULL;
		return res;
	case SOCKET_CMD_SEND:
		return cmd_send(s, p);
	case SOCKET_CMD_RECV:
		return cmd_recv(s, p);
	case SOCKET_CMD_ERROR:
		p[2].value.a = s->api->error(s->handle);
		return TEE_SUCCESS;
	case SOCKET_CMD_IOCTL:
		return cmd_ioctl(s, p);
	case SOCKET_CMD_HANDLE:
		/* The first word of libutee's socket record: the trusted OS's handle. */
		p[2].value.a = *(uint32_t *)s->handle;
		return TEE_SUCCESS;
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
