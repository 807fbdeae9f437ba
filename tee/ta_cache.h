/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Verified TA images kept in secure memory, so that a new instance of a TA whose file has not
 * changed is built without verifying its signature again (ta_load.c still reads the file every
 * time and compares it with the kept image). Only images that passed every check enter, under
 * the UUID their header proved; the normal world cannot reach them. One image per UUID: a newer
 * verified file replaces it. Bounded by TA_CACHE_BYTES, least recently used first out; an image
 * bigger than that (TA files go up to TA_FILE_MAX) is not kept, and is verified at every load.
 */
#ifndef TEE_TA_CACHE_H
#define TEE_TA_CACHE_H

#include <stddef.h>
#include <stdint.h>

#define TA_CACHE_BYTES (1024 * 1024)

struct ta_cached_image {
	struct ta_cached_image *next;
	uint8_t uuid[16];
	uint8_t *image; /* the whole signed file */
	size_t len;
	const uint8_t *elf; /* inside image */
	size_t elf_len;
	uint32_t users;
	int replaced; /* off the list: freed by the last ta_cache_put */
	uint64_t last_use;
};

/* The image of that UUID, held until ta_cache_put; NULL if not cached. */
struct ta_cached_image *ta_cache_get(const uint8_t uuid[16]);
void ta_cache_put(struct ta_cached_image *c);
/*
 * Keep a copy of a verified image (elf points inside it) in place of any image of the same
 * UUID, and return it held; NULL if it cannot be kept. The copy is the trusted OS's own memory
 * (kmalloc_tee); older images nobody holds give way to it.
 */
struct ta_cached_image *ta_cache_add(const uint8_t uuid[16], const uint8_t *image, size_t len,
				     const void *elf, size_t elf_len);
/* Free the least recently used image nobody holds; 0 when there was none to free. */
int ta_cache_evict(void);
/* Forget the image of that UUID (its file is gone); freed once nobody holds it. */
void ta_cache_drop(const uint8_t uuid[16]);

#endif
