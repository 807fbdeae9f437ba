// SPDX-License-Identifier: BSD-2-Clause
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "guest.h"
#include "shm.h"
#include "tee.h"
#include "thread.h"

/* A page list page holds 511 page addresses; entry 511 links the next list page. */
#define LIST_ENTRIES (SHM_PAGE_SIZE / 8 - 1)

static struct shm shm_table[SHM_MAX_OBJECTS];
static struct spinlock shm_lock;

/* Cookies are the client's own (each guest's kernel picks them): looked up per client. */
static struct shm *lookup(uint64_t cookie, uint64_t client)
{
	for (int i = 0; i < SHM_MAX_OBJECTS; i++)
		if (shm_table[i].used && shm_table[i].cookie == cookie &&
		    shm_table[i].guest == client)
			return &shm_table[i];
	return NULL;
}

static uint32_t read_page_list(struct shm *s, uint64_t list_pa)
{
	const volatile uint64_t *list = NULL;

	for (uint32_t i = 0; i < s->npages; i++) {
		uint64_t page;

		if (i % LIST_ENTRIES == 0) {
			uint64_t next = i ? list[LIST_ENTRIES] : list_pa;

			if ((next & (SHM_PAGE_SIZE - 1)) || !ns_range_ok(next, SHM_PAGE_SIZE))
				return TEEC_ERROR_BAD_PARAMETERS;
			list = (const volatile uint64_t *)(uintptr_t)next;
		}
		page = list[i % LIST_ENTRIES];
		if ((page & (SHM_PAGE_SIZE - 1)) || !ns_range_ok(page, SHM_PAGE_SIZE))
			return TEEC_ERROR_BAD_PARAMETERS;
		s->pages[i] = page;
	}
	return TEEC_SUCCESS;
}

uint32_t shm_describe(struct shm *s, uint64_t cookie, uint64_t list_pa, uint64_t size)
{
	uint32_t offset = list_pa & (SHM_PAGE_SIZE - 1);
	uint64_t npages = (offset + size + SHM_PAGE_SIZE - 1) / SHM_PAGE_SIZE;

	if (size == 0 || size > SHM_MAX_PAGES * SHM_PAGE_SIZE || npages > SHM_MAX_PAGES)
		return size ? TEEC_ERROR_OUT_OF_MEMORY : TEEC_ERROR_BAD_PARAMETERS;
	s->cookie = cookie;
	s->size = size;
	s->page_offset = offset;
	s->npages = (uint32_t)npages;
	return read_page_list(s, list_pa & ~(SHM_PAGE_SIZE - 1));
}

uint32_t shm_describe_contiguous(struct shm *s, uint64_t cookie, uint64_t pa, uint64_t size)
{
	uint32_t offset = pa & (SHM_PAGE_SIZE - 1);
	uint64_t npages = (offset + size + SHM_PAGE_SIZE - 1) / SHM_PAGE_SIZE;

	if (size == 0 || npages > SHM_MAX_PAGES)
		return size ? TEEC_ERROR_OUT_OF_MEMORY : TEEC_ERROR_BAD_PARAMETERS;
	if (!ns_range_ok(pa, size))
		return TEEC_ERROR_BAD_PARAMETERS;
	s->cookie = cookie;
	s->size = size;
	s->page_offset = offset;
	s->npages = (uint32_t)npages;
	for (uint32_t i = 0; i < npages; i++)
		s->pages[i] = (pa & ~(SHM_PAGE_SIZE - 1)) + i * SHM_PAGE_SIZE;
	return TEEC_SUCCESS;
}

uint32_t shm_register(uint64_t cookie, uint64_t list_pa, uint64_t size)
{
	struct shm *s = NULL;
	uint64_t client = thread_client();
	uint32_t ret;

	if (guest_charge(client, GUEST_SHM, SHM_MAX_OBJECTS)) {
		log_info("register shm %#lx refused: client %#lx has its share of the table", cookie,
			 client);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	spin_lock(&shm_lock);
	if (lookup(cookie, client)) {
		spin_unlock(&shm_lock);
		guest_uncharge(client, GUEST_SHM);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	for (int i = 0; i < SHM_MAX_OBJECTS && !s; i++)
		if (!shm_table[i].used && !shm_table[i].busy && !shm_table[i].refs)
			s = &shm_table[i];
	if (!s) {
		spin_unlock(&shm_lock);
		guest_uncharge(client, GUEST_SHM);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	s->busy = 1; /* reserved while the list is read */
	s->guest = client;
	spin_unlock(&shm_lock);

	ret = shm_describe(s, cookie, list_pa, size);
	if (ret != TEEC_SUCCESS)
		log_info("register shm %#lx: %lu bytes from page list %#lx refused", cookie, size,
			 list_pa);
	spin_lock(&shm_lock);
	s->busy = 0;
	s->used = ret == TEEC_SUCCESS;
	spin_unlock(&shm_lock);
	if (ret != TEEC_SUCCESS)
		guest_uncharge(client, GUEST_SHM);
	return ret;
}

uint32_t shm_unregister(uint64_t cookie)
{
	uint32_t ret = TEEC_SUCCESS;
	uint64_t client = thread_client();
	struct shm *s;

	spin_lock(&shm_lock);
	s = lookup(cookie, client);
	if (!s)
		ret = TEEC_ERROR_ITEM_NOT_FOUND;
	else if (s->refs)
		ret = TEEC_ERROR_BUSY;
	else
		s->used = 0;
	spin_unlock(&shm_lock);
	if (ret == TEEC_SUCCESS)
		guest_uncharge(client, GUEST_SHM);
	if (ret == TEEC_ERROR_BUSY)
		log_info("unregister shm %#lx refused: a call is using it", cookie);
	return ret;
}

struct shm *shm_get(uint64_t cookie)
{
	struct shm *s;

	spin_lock(&shm_lock);
	s = lookup(cookie, thread_client());
	if (s)
		s->refs++;
	spin_unlock(&shm_lock);
	return s;
}

void shm_free_client(uint64_t client)
{
	spin_lock(&shm_lock);
	for (int i = 0; i < SHM_MAX_OBJECTS; i++) {
		struct shm *s = &shm_table[i];

		if (!s->used || s->guest != client)
			continue;
		/* Only a call holds a reference, and the guest has none left (guest.c). */
		if (s->refs)
			log_error("shm %#lx of destroyed client %#lx still in use", s->cookie, client);
		else
			s->used = 0;
	}
	spin_unlock(&shm_lock);
}

void shm_put(struct shm *s)
{
	spin_lock(&shm_lock);
	if (!s->refs)
		log_error("shm %#lx released more often than taken", s->cookie);
	else
		s->refs--;
	spin_unlock(&shm_lock);
}

/* Physical address of byte pos of the memref's view; contiguous up to the returned length. */
static uint64_t locate(const struct memref *m, uint64_t pos, uint64_t *run)
{
	if (!m->shm) {
		*run = UINT64_MAX;
		return m->pa + pos;
	}
	pos += m->shm->page_offset + m->offs;
	*run = SHM_PAGE_SIZE - (pos & (SHM_PAGE_SIZE - 1));
	return m->shm->pages[pos / SHM_PAGE_SIZE] + (pos & (SHM_PAGE_SIZE - 1));
}

static int copy(const struct memref *m, uint64_t off, uint8_t *secure, size_t len, int to_ns)
{
	/* A null reference (only its size means something) has no bytes to copy. */
	if ((!m->shm && !m->pa) || off > m->size || len > m->size - off)
		return -1;
	while (len) {
		uint64_t run, pa = locate(m, off, &run);
		size_t n = len < run ? len : (size_t)run;

		if (to_ns)
			memcpy((void *)(uintptr_t)pa, secure, n);
		else
			memcpy(secure, (const void *)(uintptr_t)pa, n);
		secure += n;
		off += n;
		len -= n;
	}
	return 0;
}

int memref_read(const struct memref *m, uint64_t off, void *dst, size_t len)
{
	return copy(m, off, dst, len, 0);
}

int memref_write(const struct memref *m, uint64_t off, const void *src, size_t len)
{
	return copy(m, off, (uint8_t *)(uintptr_t)src, len, 1);
}
