// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA files through tee-supplicant (see ta_fetch.h). Every new TA instance reads its file, and
 * each request to tee-supplicant wakes a process in the normal world, so one buffer it
 * allocated is kept between reads: a read is then one LOAD_TA instead of an allocation, a
 * LOAD_TA and a free. Whatever the buffer holds is only ever copied out and compared or
 * verified; a buffer tee-supplicant no longer knows (it restarted) is replaced.
 */
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "guest.h"
#include "heap.h"
#include "image_window.h"
#include "rpc.h"
#include "shm.h"
#include "ta_fetch.h"
#include "thread.h"

#define KEPT_MIN (64 * 1024) /* the smallest buffer kept: most TAs fit */

/* One per client (guest.h): a buffer is memory of one guest's, known to its tee-supplicant. */
static struct kept_buffer {
	struct spinlock lock;
	uint64_t client; /* whose it is */
	struct shm *shm; /* NULL until the first read */
	int busy;	 /* a thread is reading into it */
} kept_buffers[GUEST_SLOTS];

/*
 * The calling client's slot, NULL for an unknown client. What a destroyed guest left there is
 * forgotten (its normal world is gone: nothing to free it with) and the struct freed.
 */
static struct kept_buffer *kept_slot(void)
{
	uint64_t client = thread_client();
	int slot = guest_slot(client);
	struct kept_buffer *k;
	struct shm *stale = NULL;

	if (slot < 0)
		return NULL;
	k = &kept_buffers[slot];
	spin_lock(&k->lock);
	/* A slot is reused only once its former guest is destroyed: none of its calls is left. */
	if (k->client != client) {
		stale = k->shm;
		k->shm = NULL;
		k->busy = 0;
		k->client = client;
	}
	spin_unlock(&k->lock);
	kfree(stale);
	return k;
}

static void load_ta_params(struct optee_msg_param p[2], const uint8_t uuid[16])
{
	memset(p, 0, 2 * sizeof(*p));
	p[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	memcpy(&p[0].u.value.a, uuid, 8);
	memcpy(&p[0].u.value.b, uuid + 8, 8);
}

/* The kept buffer if it is free and holds size bytes, else a new one; NULL without memory. */
static struct shm *buffer_get(uint64_t size, int *is_kept)
{
	uint64_t want = (size + KEPT_MIN - 1) / KEPT_MIN * KEPT_MIN;
	struct kept_buffer *k = kept_slot();
	struct shm *s = NULL;

	if (k) {
		spin_lock(&k->lock);
		if (k->shm && !k->busy && k->shm->size >= size) {
			k->busy = 1;
			s = k->shm;
		}
		spin_unlock(&k->lock);
	}
	*is_kept = s != NULL;
	if (s)
		return s;
	s = kcalloc(1, sizeof(*s));
	if (s && rpc_shm_alloc(want < TA_FILE_MAX ? want : TA_FILE_MAX, s) != TEEC_SUCCESS) {
		kfree(s);
		s = NULL;
	}
	return s;
}

void ta_fetch_forget_client(uint64_t client)
{
	int slot = guest_slot(client);
	struct kept_buffer *k;
	struct shm *stale = NULL;

	if (slot <= 0)
		return;
	k = &kept_buffers[slot];
	spin_lock(&k->lock);
	if (k->client == client) {
		stale = k->shm;
		k->shm = NULL;
		k->busy = 0;
		k->client = 0;
	}
	spin_unlock(&k->lock);
	kfree(stale);
}

/* Done with a buffer: keep it (the bigger one wins) unless it failed; free what is not kept. */
static void buffer_put(struct shm *s, int is_kept, int failed)
{
	struct kept_buffer *k = kept_slot();
	struct shm *drop = s;

	if (k) {
		spin_lock(&k->lock);
		if (is_kept) {
			k->busy = 0;
			if (failed)
				k->shm = NULL;
			else
				drop = NULL;
		} else if (!failed && !k->busy && (!k->shm || k->shm->size < s->size)) {
			drop = k->shm;
			k->shm = s;
		}
		spin_unlock(&k->lock);
	}
	if (drop) {
		rpc_shm_free(drop);
		kfree(drop);
	}
}

/* The size of the TA's file, asked of tee-supplicant with no buffer. */
static uint32_t file_size(const uint8_t uuid[16], const char *name, uint64_t *size)
{
	struct optee_msg_param p[2];
	uint32_t ret;

	load_ta_params(p, uuid);
	p[1].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT; /* no buffer: asks for the size */
	ret = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, p, 2);
	*size = p[1].u.tmem.size;
	if (ret != TEEC_SUCCESS && ret != TEEC_ERROR_SHORT_BUFFER) {
		log_info("TA %s: not found by tee-supplicant (%#x)", name, ret);
		return TEEC_ERROR_ITEM_NOT_FOUND;
	}
	return TEEC_SUCCESS;
}

/* One LOAD_TA of at most size bytes into s, copied to buf; *got is the file's size. */
static uint32_t load_into(const uint8_t uuid[16], struct shm *s, uint64_t size, uint8_t *buf,
			  uint64_t *got)
{
	struct memref m = {.shm = s, .size = size};
	struct optee_msg_param p[2];
	uint32_t ret;

	load_ta_params(p, uuid);
	p[1].attr = OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT;
	p[1].u.rmem.size = size;
	p[1].u.rmem.shm_ref = s->cookie;
	ret = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, p, 2);
	*got = p[1].u.rmem.size;
	/* The answer's size is the normal world's word: it must fit what was asked. */
	if (ret == TEEC_SUCCESS && (!*got || *got > size || memref_read(&m, 0, buf, *got)))
		ret = TEEC_ERROR_BAD_FORMAT;
	return ret;
}

/*
 * The file into buf (size bytes of room); *got is its size. TEEC_ERROR_SHORT_BUFFER when the
 * file is bigger than size (tee-supplicant then reads nothing and only reports the size).
 */
static uint32_t read_file(const uint8_t uuid[16], const char *name, uint64_t size, uint8_t *buf,
			  uint64_t *got)
{
	uint32_t ret = TEEC_ERROR_OUT_OF_MEMORY;

	for (int attempt = 0; attempt < 2; attempt++) {
		int is_kept, failed;
		struct shm *s = buffer_get(size, &is_kept);

		if (!s)
			return TEEC_ERROR_OUT_OF_MEMORY;
		ret = load_into(uuid, s, size, buf, got);
		failed = ret != TEEC_SUCCESS && ret != TEEC_ERROR_SHORT_BUFFER &&
			 ret != TEEC_ERROR_ITEM_NOT_FOUND;
		buffer_put(s, is_kept, failed);
		/* A kept buffer that failed may be one tee-supplicant forgot: once more, afresh. */
		if (!failed || !is_kept)
			break;
	}
	if (ret == TEEC_ERROR_ITEM_NOT_FOUND)
		log_info("TA %s: not found by tee-supplicant", name);
	return ret;
}

uint32_t ta_fetch(const uint8_t uuid[16], const char *name, uint64_t hint, uint8_t **out,
		  size_t *len)
{
	uint64_t size = hint, got = 0;
	uint8_t *buf = NULL;
	uint32_t ret = TEEC_ERROR_GENERIC;

	for (int attempt = 0; attempt < 2; attempt++) {
		if (!size) {
			ret = file_size(uuid, name, &size);
			if (ret != TEEC_SUCCESS)
				return ret;
		}
		if (size == 0 || size > TA_FILE_MAX) {
			log_error("TA %s refused: its file is %lu bytes, the limit is %u", name,
				  size, TA_FILE_MAX);
			return size ? TEEC_ERROR_EXCESS_DATA : TEEC_ERROR_BAD_FORMAT;
		}
		buf = image_window_alloc(size);
		if (!buf) {
			log_error("TA %s: no secure memory to read its %lu bytes into", name, size);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
		ret = read_file(uuid, name, size, buf, &got);
		if (ret == TEEC_SUCCESS)
			break;
		image_window_free(buf);
		buf = NULL;
		/* Grown since last time (or between the two requests): ask its size again. */
		if (ret != TEEC_ERROR_SHORT_BUFFER)
			break;
		size = 0;
	}
	if (ret != TEEC_SUCCESS) {
		if (ret != TEEC_ERROR_ITEM_NOT_FOUND)
			log_error("TA %s: reading it through tee-supplicant failed (%#x)", name,
				  ret);
		return ret == TEEC_ERROR_SHORT_BUFFER ? TEEC_ERROR_BAD_FORMAT : ret;
	}
	*out = buf;
	*len = got;
	return TEEC_SUCCESS;
}
