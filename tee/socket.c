// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA sockets through tee-supplicant (see socket.h). Each instance that opens a socket gets an
 * ID of its own for tee-supplicant (never reused while the trusted OS runs) and one RPC buffer,
 * grown as calls need and kept until the instance ends: a socket call costs one RPC, not three.
 * A TA instance runs one call at a time, so its buffer needs no lock.
 *
 * tee-supplicant's answers are the normal world's word: a size it returns is passed on to the
 * TA as a number, but no more bytes are ever copied than the TA's buffer holds and the RPC
 * buffer carries, and a result code outside the Sockets API's set becomes
 * TEE_ERROR_COMMUNICATION.
 */
#include "socket.h"

#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <rampart/ta_abi.h>
#include <string.h>

#include "heap.h"
#include "rpc.h"
#include "shm.h"
#include "ta.h"

#define OPTEE_RPC_CMD_SOCKET	   10
#define RPC_SOCKET_OPEN		   0
#define RPC_SOCKET_CLOSE	   1
#define RPC_SOCKET_CLOSE_ALL	   2
#define RPC_SOCKET_SEND		   3
#define RPC_SOCKET_RECV		   4
#define RPC_SOCKET_IOCTL	   5

/* GP TEE Sockets API v1.0.1: the result codes a socket function may give. */
#define TEE_ISOCKET_ERROR_PROTOCOL	   0xF1007001U
#define TEE_ISOCKET_ERROR_REMOTE_CLOSED	   0xF1007002U
#define TEE_ISOCKET_ERROR_TIMEOUT	   0xF1007003U
#define TEE_ISOCKET_ERROR_OUT_OF_RESOURCES 0xF1007004U
#define TEE_ISOCKET_ERROR_LARGE_BUFFER	   0xF1007005U
#define TEE_ISOCKET_WARNING_PROTOCOL	   0xF1007006U
#define TEE_ISOCKET_ERROR_HOSTNAME	   0xF1007007U
#define TEE_ISOCKET_PROTOCOLID_TCP	   0x65
#define TEE_ISOCKET_PROTOCOLID_UDP	   0x66
#define TEE_UDP_CHANGEADDR		   0x66000001U

/*
 * The most one call moves: a UDP datagram's largest payload fits, so a datagram is never cut
 * by this side; a TCP send of more is a partial send, which the API allows (the length sent
 * is returned).
 */
#define SOCKET_IO_MAX	  (64 * 1024)
#define SOCKET_SERVER_MAX 255 /* a host name (RFC 1035 2.3.4: 253) or an address, no NUL */

struct socket_state {
	uint32_t id;	/* the instance, to tee-supplicant */
	uint32_t opened; /* sockets opened: CLOSE_ALL is sent only then */
	struct shm shm; /* the RPC buffer; shm.size 0 while there is none */
};

static struct spinlock id_lock;
static uint32_t next_id = 1;

static struct socket_state *state(struct ta_instance *inst)
{
	if (!inst->sockets) {
		inst->sockets = kcalloc(1, sizeof(*inst->sockets));
		if (!inst->sockets)
			return NULL;
		spin_lock(&id_lock);
		inst->sockets->id = next_id++;
		spin_unlock(&id_lock);
	}
	return inst->sockets;
}

/* The RPC buffer, at least size bytes (one page at least). */
static uint32_t buffer(struct socket_state *s, uint64_t size)
{
	uint32_t ret;

	if (s->shm.size >= size && s->shm.size)
		return TEEC_SUCCESS;
	if (s->shm.size) {
		rpc_shm_free(&s->shm);
		memset(&s->shm, 0, sizeof(s->shm));
	}
	size = (size + SHM_PAGE_SIZE - 1) & ~(SHM_PAGE_SIZE - 1);
	if (!size)
		size = SHM_PAGE_SIZE;
	ret = rpc_shm_alloc(size, &s->shm);
	if (ret != TEEC_SUCCESS) {
		memset(&s->shm, 0, sizeof(s->shm));
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	return TEEC_SUCCESS;
}

static void value(struct optee_msg_param *p, uint64_t attr, uint64_t a, uint64_t b, uint64_t c)
{
	p->attr = attr;
	p->u.value.a = a;
	p->u.value.b = b;
	p->u.value.c = c;
}

static void rmem(struct optee_msg_param *p, const struct socket_state *s, uint64_t attr,
		 uint64_t size)
{
	p->attr = attr;
	p->u.rmem.offs = 0;
	p->u.rmem.size = size;
	p->u.rmem.shm_ref = s->shm.cookie;
}

/* A result tee-supplicant may give for a socket call, or COMMUNICATION in its place. */
static uint32_t result(uint32_t ret)
{
	switch (ret) {
	case TEEC_SUCCESS:
	case TEEC_ERROR_BAD_PARAMETERS:
	case TEEC_ERROR_OUT_OF_MEMORY:
	case TEEC_ERROR_NOT_SUPPORTED:
	case TEEC_ERROR_GENERIC:
	case TEEC_ERROR_COMMUNICATION:
	case TEE_ISOCKET_ERROR_PROTOCOL:
	case TEE_ISOCKET_ERROR_REMOTE_CLOSED:
	case TEE_ISOCKET_ERROR_TIMEOUT:
	case TEE_ISOCKET_ERROR_OUT_OF_RESOURCES:
	case TEE_ISOCKET_ERROR_LARGE_BUFFER:
	case TEE_ISOCKET_WARNING_PROTOCOL:
	case TEE_ISOCKET_ERROR_HOSTNAME:
		return ret;
	default:
		log_error("sockets: tee-supplicant answered %#x, not a socket result", ret);
		return TEEC_ERROR_COMMUNICATION;
	}
}

static uint32_t sock_open(struct socket_state *s, uint64_t args_va, uint64_t handle_va)
{
	struct optee_msg_param p[4] = {0};
	struct ta_socket_open a;
	struct memref m;
	char name[SOCKET_SERVER_MAX + 1];
	uint32_t ret, handle;

	if (ta_copy_from(&a, args_va, sizeof(a)))
		ta_kill_current("socket open: arguments outside the TA's memory");
	if (a.server_len > SOCKET_SERVER_MAX)
		return TEE_ISOCKET_ERROR_HOSTNAME; /* no such host name can exist */
	if (a.protocol != TEE_ISOCKET_PROTOCOLID_TCP && a.protocol != TEE_ISOCKET_PROTOCOLID_UDP)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (ta_copy_from(name, a.server, a.server_len))
		ta_kill_current("socket open: server address outside the TA's memory");
	name[a.server_len] = '\0';
	ret = buffer(s, a.server_len + 1);
	if (ret)
		return ret;
	m = (struct memref){.shm = &s->shm, .size = s->shm.size};
	if (memref_write(&m, 0, name, a.server_len + 1))
		return TEEC_ERROR_BAD_PARAMETERS;
	value(&p[0], OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, RPC_SOCKET_OPEN, s->id, 0);
	value(&p[1], OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, a.port & 0xffff, a.protocol, a.ip_version);
	rmem(&p[2], s, OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, a.server_len + 1);
	value(&p[3], OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT, 0, 0, 0);
	ret = result(rpc_cmd(OPTEE_RPC_CMD_SOCKET, p, 4));
	if (ret != TEEC_SUCCESS)
		return ret;
	s->opened++;
	handle = (uint32_t)p[3].u.value.a;
	if (ta_copy_to(handle_va, &handle, sizeof(handle)))
		ta_kill_current("socket open: handle outside the TA's memory");
	return TEEC_SUCCESS;
}

static uint32_t sock_close(struct socket_state *s, uint64_t handle)
{
	struct optee_msg_param p = {0};

	value(&p, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, RPC_SOCKET_CLOSE, s->id, (uint32_t)handle);
	return result(rpc_cmd(OPTEE_RPC_CMD_SOCKET, &p, 1));
}

/*
 * SEND, RECV and IOCTL: the TA's bytes into the RPC buffer (SEND, IOCTL), one RPC, the bytes
 * back (RECV, IOCTL) and the length tee-supplicant reports.
 */
static uint32_t sock_io(struct socket_state *s, uint64_t nr, uint64_t handle, uint64_t arg,
			uint64_t buf_va, uint64_t len_va)
{
	struct optee_msg_param p[3] = {0};
	uint32_t len, ret, answered;
	uint64_t attr, n;
	struct memref m;
	uint8_t *bounce;

	if (ta_copy_from(&len, len_va, sizeof(len)))
		ta_kill_current("socket call: length outside the TA's memory");
	/*
	 * tee-supplicant 3.19 reads the byte before an empty CHANGEADDR buffer (it checks the name's
	 * NUL at length - 1): an empty name is refused here, as it would be there.
	 */
	if (nr == TA_SYS_SOCKET_IOCTL && arg == TEE_UDP_CHANGEADDR && !len)
		return TEE_ISOCKET_ERROR_HOSTNAME;
	n = len < SOCKET_IO_MAX ? len : SOCKET_IO_MAX;
	ret = buffer(s, n);
	if (ret)
		return ret;
	bounce = n ? kmalloc(n) : NULL;
	if (n && !bounce)
		return TEEC_ERROR_OUT_OF_MEMORY;
	m = (struct memref){.shm = &s->shm, .size = s->shm.size};
	if (nr != TA_SYS_SOCKET_RECV && n) {
		if (ta_copy_from(bounce, buf_va, n)) {
			kfree(bounce);
			ta_kill_current("socket call: buffer outside the TA's memory");
		}
		memref_write(&m, 0, bounce, n);
	}
	attr = nr == TA_SYS_SOCKET_SEND	  ? OPTEE_MSG_ATTR_TYPE_RMEM_INPUT :
	       nr == TA_SYS_SOCKET_RECV	  ? OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT :
					    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT;
	value(&p[0], OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
	      nr == TA_SYS_SOCKET_SEND	 ? RPC_SOCKET_SEND :
	      nr == TA_SYS_SOCKET_RECV ? RPC_SOCKET_RECV :
					 RPC_SOCKET_IOCTL,
	      s->id, (uint32_t)handle);
	rmem(&p[1], s, attr, n);
	/* SEND: value[2] a = timeout in, b = bytes sent out; RECV: a = timeout; IOCTL: a = command. */
	value(&p[2],
	      nr == TA_SYS_SOCKET_SEND ? OPTEE_MSG_ATTR_TYPE_VALUE_INOUT :
					 OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
	      (uint32_t)arg, 0, 0);
	ret = result(rpc_cmd(OPTEE_RPC_CMD_SOCKET, p, 3));
	if (nr == TA_SYS_SOCKET_SEND) {
		/* Never more sent than was given. */
		answered = p[2].u.value.b < n ? (uint32_t)p[2].u.value.b : (uint32_t)n;
	} else {
		/* RECV: what arrived, or the size of a larger datagram; IOCTL: the answer's size. */
		answered = p[1].u.rmem.size > UINT32_MAX ? UINT32_MAX : (uint32_t)p[1].u.rmem.size;
		if (ret == TEEC_SUCCESS && n) {
			uint64_t copy = answered < n ? answered : n;

			memref_read(&m, 0, bounce, copy);
			if (ta_copy_to(buf_va, bounce, copy)) {
				kfree(bounce);
				ta_kill_current("socket call: buffer outside the TA's memory");
			}
		}
	}
	kfree(bounce);
	if ((ret == TEEC_SUCCESS || nr == TA_SYS_SOCKET_IOCTL) &&
	    ta_copy_to(len_va, &answered, sizeof(answered)))
		ta_kill_current("socket call: length outside the TA's memory");
	return ret;
}

uint64_t ta_syscall_socket(uint64_t nr, const uint64_t *x)
{
	struct socket_state *s = state(ta_current_call()->inst);

	if (!s)
		return TEEC_ERROR_OUT_OF_MEMORY;
	switch (nr) {
	case TA_SYS_SOCKET_OPEN:
		return sock_open(s, x[0], x[1]);
	case TA_SYS_SOCKET_CLOSE:
		return sock_close(s, x[0]);
	case TA_SYS_SOCKET_SEND:
	case TA_SYS_SOCKET_RECV:
		return sock_io(s, nr, x[0], x[3], x[1], x[2]);
	case TA_SYS_SOCKET_IOCTL:
		return sock_io(s, nr, x[0], x[1], x[2], x[3]);
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}

void socket_state_free(struct ta_instance *inst)
{
	struct socket_state *s = inst->sockets;
	struct optee_msg_param p = {0};

	if (!s)
		return;
	if (s->opened) {
		value(&p, OPTEE_MSG_ATTR_TYPE_VALUE_INPUT, RPC_SOCKET_CLOSE_ALL, s->id, 0);
		rpc_cmd(OPTEE_RPC_CMD_SOCKET, &p, 1);
	}
	if (s->shm.size)
		rpc_shm_free(&s->shm);
	kfree(s);
	inst->sockets = NULL;
}
