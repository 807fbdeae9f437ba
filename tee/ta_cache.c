// SPDX-License-Identifier: BSD-2-Clause
/* The verified TA image cache (see ta_cache.h). */
#include <arch/spinlock.h>
#include <string.h>

#include "heap.h"
#include "ta_cache.h"

static struct ta_cached_image *cache;
static size_t cache_bytes;
static uint64_t use_clock;
static struct spinlock cache_lock;

struct ta_cached_image *ta_cache_get(const uint8_t uuid[16])
{
	struct ta_cached_image *c;

	spin_lock(&cache_lock);
	for (c = cache; c; c = c->next) {
		if (!memcmp(c->uuid, uuid, 16)) {
			c->users++;
			c->last_use = ++use_clock;
			break;
		}
	}
	spin_unlock(&cache_lock);
	return c;
}

void ta_cache_put(struct ta_cached_image *c)
{
	spin_lock(&cache_lock);
	c->users--;
	spin_unlock(&cache_lock);
}

/* Drop the least recently used image nobody holds; 0 if there is none. Lock held. */
static int evict_one(void)
{
	struct ta_cached_image **victim = NULL, *c;

	for (struct ta_cached_image **l = &cache; *l; l = &(*l)->next)
		if (!(*l)->users && (!victim || (*l)->last_use < (*victim)->last_use))
			victim = l;
	if (!victim)
		return 0;
	c = *victim;
	*victim = c->next;
	cache_bytes -= c->len;
	kfree(c->image);
	kfree(c);
	return 1;
}

struct ta_cached_image *ta_cache_add(const uint8_t uuid[16], uint8_t *image, size_t len,
				     const void *elf, size_t elf_len)
{
	struct ta_cached_image *c;

	if (len > TA_CACHE_BYTES)
		return NULL;
	c = kcalloc(1, sizeof(*c));
	if (!c)
		return NULL;
	memcpy(c->uuid, uuid, 16);
	c->image = image;
	c->len = len;
	c->elf = elf;
	c->elf_len = elf_len;
	c->users = 1;
	spin_lock(&cache_lock);
	/* Another thread may have cached the same TA meanwhile: keep one copy. */
	for (struct ta_cached_image *o = cache; o; o = o->next) {
		if (!memcmp(o->uuid, uuid, 16)) {
			spin_unlock(&cache_lock);
			kfree(c);
			return NULL;
		}
	}
	while (cache_bytes + len > TA_CACHE_BYTES)
		if (!evict_one())
			break;
	if (cache_bytes + len > TA_CACHE_BYTES) {
		spin_unlock(&cache_lock);
		kfree(c);
		return NULL;
	}
	c->last_use = ++use_clock;
	c->next = cache;
	cache = c;
	cache_bytes += len;
	spin_unlock(&cache_lock);
	return c;
}
