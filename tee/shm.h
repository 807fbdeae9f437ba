/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Normal-world memory the trusted OS may touch: buffers registered with REGISTER_SHM (a list of
 * 4 KiB pages) and temporary buffers given by physical address. Every access is checked against
 * normal-world RAM and the buffer's bounds, and goes through a copy.
 */
#ifndef TEE_SHM_H
#define TEE_SHM_H

#include <stddef.h>
#include <stdint.h>

#define SHM_MAX_OBJECTS 64
#define SHM_MAX_PAGES 512 /* 2 MiB per registration: a TA file of TA_FILE_MAX fits one */
#define SHM_PAGE_SIZE 4096UL

struct shm {
	uint64_t cookie; /* the normal world's shm_ref */
	uint64_t guest;	 /* the client that registered it (guest.h): only its calls find it */
	uint64_t size;
	uint32_t page_offset;
	uint32_t npages;
	uint64_t pages[SHM_MAX_PAGES];
	int secure; /* pages of the TA pool (a TA-to-TA copy), not normal-world memory */
	int used; /* in the registered table */
	int busy; /* slot reserved while being filled */
	uint32_t refs; /* calls using it: UNREGISTER is refused, the slot never reused, meanwhile */
};

/*
 * A memory reference parameter: a registered buffer (shm), a contiguous one at pa, or, with
 * neither, a null reference whose size alone is meaningful.
 */
struct memref {
	const struct shm *shm;
	uint64_t pa;
	uint64_t offs;
	uint64_t size;
};

/*
 * REGISTER_SHM: list_pa is the page list's address with the buffer's offset in its low 12 bits.
 * Cookies are per client (guest.h), and a guest registers at most its share of the table.
 */
uint32_t shm_register(uint64_t cookie, uint64_t list_pa, uint64_t size);
/*
 * UNREGISTER_SHM: TEEC_ERROR_ITEM_NOT_FOUND for an unknown cookie, TEEC_ERROR_BUSY while a call
 * uses the registration (as OP-TEE refuses to release a registered buffer that is in use).
 */
uint32_t shm_unregister(uint64_t cookie);
/*
 * The registration with that cookie, with a reference taken (NULL if none): its pages cannot
 * change until shm_put. shm_find does the same for the yielding call running on this thread,
 * which holds the reference until the call ends (thread.c).
 */
struct shm *shm_get(uint64_t cookie);
void shm_put(struct shm *s);
/* Drop every registration of that client (a destroyed guest's, guest.c). */
void shm_free_client(uint64_t client);
const struct shm *shm_find(uint64_t cookie);
/*
 * Fill s from a page list (REGISTER_SHM's layout) or from one contiguous range, checking every
 * page is normal-world RAM; the object is not entered in the registered table.
 */
uint32_t shm_describe(struct shm *s, uint64_t cookie, uint64_t list_pa, uint64_t size);
uint32_t shm_describe_contiguous(struct shm *s, uint64_t cookie, uint64_t pa, uint64_t size);

/* Copy between a memref and secure memory; 0, or -1 when [off, off + len) is outside it. */
int memref_read(const struct memref *m, uint64_t off, void *dst, size_t len);
int memref_write(const struct memref *m, uint64_t off, const void *src, size_t len);

#endif
