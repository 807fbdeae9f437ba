/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Verified TA images kept in secure memory, so a session after the first does not read and
 * verify the file again. Only images that passed verification enter; the normal world cannot
 * reach them. Bounded by TA_CACHE_BYTES, least recently used first out. A TA file replaced in
 * /lib/optee_armtz is seen once its image has left the cache (at the latest after a reboot).
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
	uint64_t last_use;
};

/* The image of that UUID, held until ta_cache_put; NULL if not cached. */
struct ta_cached_image *ta_cache_get(const uint8_t uuid[16]);
void ta_cache_put(struct ta_cached_image *c);
/*
 * Keep a verified image (image is taken over: freed by the cache) and return it held; NULL if it
 * cannot be kept, and then the caller still owns image.
 */
struct ta_cached_image *ta_cache_add(const uint8_t uuid[16], uint8_t *image, size_t len,
				     const void *elf, size_t elf_len);

#endif
