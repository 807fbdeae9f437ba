// SPDX-License-Identifier: BSD-2-Clause
/*
 * The file-system RPC (see fs_rpc.h). Parameter layouts are those tee-supplicant 3.19 checks:
 * value[0] = {sub-command, fd or overwrite flag, offset or length}, memref[1] the name or the
 * data, value[2] the fd it answers. Every size it answers is checked against what was asked.
 */
#include "fs_rpc.h"

#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "guest.h"
#include "rpc.h"
#include "shm.h"
#include "thread.h"

#define OPTEE_RPC_CMD_FS 2
#define FS_OPEN		 0
#define FS_CREATE	 1
#define FS_CLOSE	 2
#define FS_READ		 3
#define FS_WRITE	 4
#define FS_TRUNCATE	 5
#define FS_REMOVE	 6
#define FS_RENAME	 7

/* The shared buffer: two names, then one chunk of data. */
#define NAME0_OFF 0
#define NAME1_OFF FS_NAME_MAX
#define DATA_OFF  (2 * FS_NAME_MAX)
#define BUF_SIZE  (DATA_OFF + FS_CHUNK)

/*
 * Guarded by the storage lock. Not from the kernel heap: it is kept for good once made, so
 * that a store operation costs no SHM_ALLOC and SHM_FREE round trips. One per client (get_buf);
 * buf is the current operation's.
 */
static struct shm buf_shm[GUEST_SLOTS];
static uint64_t buf_client[GUEST_SLOTS];
static struct shm *buf;

/*
 * tee-supplicant's file descriptors belong to its process: after it went away mid-request
 * (COMMUNICATION: the driver answered for it), a new tee-supplicant must never be sent an old
 * descriptor, which would name one of its own files. Descriptors handed out carry the epoch
 * (bits 24-31) they were opened in; a request with an older one is not sent.
 */
static uint32_t epoch;
#define FD_BITS 24
#define FD_MASK ((1U << FD_BITS) - 1)

static uint32_t fd_in(uint32_t fd, uint32_t *raw)
{
	if (fd >> FD_BITS != (epoch & 0xff))
		return TEEC_ERROR_COMMUNICATION;
	*raw = fd & FD_MASK;
	return TEEC_SUCCESS;
}
static struct spinlock lock;
static int locked;

/*
 * Counted under the storage lock; read without it (a snapshot for tests). By client slot
 * (guest.h): a VM counts its own requests, not another VM's running at the same time.
 */
static uint32_t requests[GUEST_SLOTS][FS_REQUEST_KINDS];

void fs_requests(uint32_t out[FS_REQUEST_KINDS])
{
	int slot = guest_slot(thread_client());

	for (int i = 0; i < FS_REQUEST_KINDS; i++)
		out[i] = slot < 0 ? 0 : __atomic_load_n(&requests[slot][i], __ATOMIC_RELAXED);
}

void storage_lock(void)
{
	for (;;) {
		spin_lock(&lock);
		if (!locked) {
			locked = 1;
			spin_unlock(&lock);
			return;
		}
		spin_unlock(&lock);
		rpc_sleep(1); /* another thread is in the store: wait in Linux, not on this CPU */
	}
}

void storage_unlock(void)
{
	spin_lock(&lock);
	locked = 0;
	spin_unlock(&lock);
}

static struct memref whole(void)
{
	return (struct memref){.shm = buf, .size = BUF_SIZE};
}

/*
 * The calling client's buffer (guest.h): each guest's requests go to its own tee-supplicant,
 * in memory of its own. One a destroyed guest left in the slot is forgotten, not freed.
 */
static uint32_t get_buf(void)
{
	uint64_t client = thread_client();
	int slot = guest_slot(client);

	if (slot < 0)
		return TEEC_ERROR_COMMUNICATION;
	buf = &buf_shm[slot];
	if (buf_client[slot] == client && buf->npages)
		return TEEC_SUCCESS;
	memset(buf, 0, sizeof(*buf));
	buf_client[slot] = client;
	if (rpc_shm_alloc(BUF_SIZE, buf) != TEEC_SUCCESS) {
		memset(buf, 0, sizeof(*buf));
		buf = NULL;
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	return TEEC_SUCCESS;
}

/*
 * One FS request. A buffer tee-supplicant no longer knows (it was restarted) makes it answer
 * BAD_PARAMETERS: the buffer is dropped so that the next request allocates a new one.
 */
static uint32_t fs_call(struct optee_msg_param *p, uint32_t n)
{
	uint32_t ret;

	int slot = guest_slot(thread_client());

	if (p[0].u.value.a < FS_REQUEST_KINDS && slot >= 0)
		__atomic_add_fetch(&requests[slot][p[0].u.value.a], 1, __ATOMIC_RELAXED);
	ret = rpc_cmd(OPTEE_RPC_CMD_FS, p, n);

	if (ret == TEEC_ERROR_COMMUNICATION)
		epoch++;

	if (ret == TEEC_ERROR_BAD_PARAMETERS && buf) {
		rpc_shm_free(buf);
		memset(buf, 0, sizeof(*buf));
		buf = NULL;
	}
	return ret;
}

static void value_in(struct optee_msg_param *p, uint64_t a, uint64_t b, uint64_t c)
{
	p->attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	p->u.value.a = a;
	p->u.value.b = b;
	p->u.value.c = c;
}

static void rmem(struct optee_msg_param *p, uint64_t attr, uint64_t off, uint64_t size)
{
	p->attr = attr;
	p->u.rmem.offs = off;
	p->u.rmem.size = size;
	p->u.rmem.shm_ref = buf->cookie;
}

/* The name into the buffer at off, NUL included: its size, or 0 when it does not fit. */
static size_t put_name(const char *name, uint64_t off)
{
	struct memref m = whole();
	size_t len = strlen(name) + 1;

	if (len > FS_NAME_MAX || memref_write(&m, off, name, len))
		return 0;
	return len;
}

static uint32_t open_or_create(uint32_t cmd, const char *name, uint32_t *fd)
{
	struct optee_msg_param p[3] = {0};
	uint32_t ret = get_buf();
	size_t len;

	if (ret)
		return ret;
	len = put_name(name, NAME0_OFF);
	if (!len)
		return TEEC_ERROR_BAD_PARAMETERS;
	value_in(&p[0], cmd, 0, 0);
	rmem(&p[1], OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, NAME0_OFF, len);
	p[2].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	ret = fs_call(p, 3);
	if (ret == TEEC_SUCCESS && p[2].u.value.a > FD_MASK)
		ret = TEEC_ERROR_BAD_FORMAT; /* not a descriptor */
	if (ret == TEEC_SUCCESS)
		*fd = (uint32_t)p[2].u.value.a | (epoch & 0xff) << FD_BITS;
	return ret;
}

uint32_t fs_open(const char *name, uint32_t *fd)
{
	return open_or_create(FS_OPEN, name, fd);
}

uint32_t fs_create(const char *name, uint32_t *fd)
{
	return open_or_create(FS_CREATE, name, fd);
}

uint32_t fs_close(uint32_t fd)
{
	struct optee_msg_param p = {0};

	if (fd_in(fd, &fd))
		return TEEC_ERROR_COMMUNICATION;
	value_in(&p, FS_CLOSE, fd, 0);
	return fs_call(&p, 1);
}

uint32_t fs_read(uint32_t fd, uint64_t off, void *dst, size_t len, size_t *got)
{
	struct optee_msg_param p[2] = {0};
	struct memref m;
	uint32_t ret = get_buf();

	if (!ret)
		ret = fd_in(fd, &fd);
	if (ret)
		return ret;
	if (len > FS_CHUNK)
		return TEEC_ERROR_BAD_PARAMETERS;
	value_in(&p[0], FS_READ, fd, off);
	rmem(&p[1], OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT, DATA_OFF, len);
	ret = fs_call(p, 2);
	if (ret)
		return ret;
	/* tee-supplicant's count is the normal world's word: never more than was asked. */
	if (p[1].u.rmem.size > len) {
		log_error("trusted storage: tee-supplicant read %#lx bytes into %#lx",
			  p[1].u.rmem.size, (uint64_t)len);
		return TEEC_ERROR_BAD_FORMAT;
	}
	*got = p[1].u.rmem.size;
	m = whole();
	return memref_read(&m, DATA_OFF, dst, *got) ? TEEC_ERROR_BAD_FORMAT : TEEC_SUCCESS;
}

uint32_t fs_write(uint32_t fd, uint64_t off, const void *src, size_t len)
{
	struct optee_msg_param p[2] = {0};
	struct memref m;
	uint32_t ret = get_buf();

	if (!ret)
		ret = fd_in(fd, &fd);
	if (ret)
		return ret;
	m = whole();
	if (len > FS_CHUNK || memref_write(&m, DATA_OFF, src, len))
		return TEEC_ERROR_BAD_PARAMETERS;
	value_in(&p[0], FS_WRITE, fd, off);
	rmem(&p[1], OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, DATA_OFF, len);
	return fs_call(p, 2);
}

uint32_t fs_remove(const char *name)
{
	struct optee_msg_param p[2] = {0};
	uint32_t ret = get_buf();
	size_t len;

	if (ret)
		return ret;
	len = put_name(name, NAME0_OFF);
	if (!len)
		return TEEC_ERROR_BAD_PARAMETERS;
	value_in(&p[0], FS_REMOVE, 0, 0);
	rmem(&p[1], OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, NAME0_OFF, len);
	return fs_call(p, 2);
}

uint32_t fs_rename(const char *from, const char *to, int overwrite)
{
	struct optee_msg_param p[3] = {0};
	uint32_t ret = get_buf();
	size_t l0, l1;

	if (ret)
		return ret;
	l0 = put_name(from, NAME0_OFF);
	l1 = put_name(to, NAME1_OFF);
	if (!l0 || !l1)
		return TEEC_ERROR_BAD_PARAMETERS;
	value_in(&p[0], FS_RENAME, !!overwrite, 0);
	rmem(&p[1], OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, NAME0_OFF, l0);
	rmem(&p[2], OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, NAME1_OFF, l1);
	return fs_call(p, 3);
}
