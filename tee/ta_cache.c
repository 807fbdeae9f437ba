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

static void free_image(struct ta_cached_image *c)
{
	kfree(c->image);
	kfree(c);
}

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
	int last;

	spin_lock(&cache_lock);
	last = --c->users == 0 && c->replaced;
	spin_unlock(&cache_lock);
	if (last)
		free_image(c);
}

/*
 * Take the image at *link off the list; returns it when nobody holds it (the caller frees it
 * after unlocking), else marks it for the last ta_cache_put. Lock held.
 */
static struct ta_cached_image *unlink_image(struct ta_cached_image **link)
{
	struct ta_cached_image *c = *link;

	*link = c->next;
	c->next = NULL;
	cache_bytes -= c->len;
	if (c->users) {
		c->replaced = 1;
		return NULL;
	}
	return c;
}

static struct ta_cached_image **find_link(const uint8_t uuid[16])
{
	struct ta_cached_image **l;

	for (l = &cache; *l; l = &(*l)->next)
		if (!memcmp((*l)->uuid, uuid, 16))
			return l;
	return NULL;
}

/* Drop the least recently used image nobody holds; 0 if there is none. Lock held. */
static int evict_one(void)
{
	struct ta_cached_image **victim = NULL;

	for (struct ta_cached_image **l = &cache; *l; l = &(*l)->next)
		if (!(*l)->users && (!victim || (*l)->last_use < (*victim)->last_use))
			victim = l;
	if (!victim)
		return 0;
	free_image(unlink_image(victim));
	return 1;
}

int ta_cache_evict(void)
{
	int evicted;

	spin_lock(&cache_lock);
	evicted = evict_one();
	spin_unlock(&cache_lock);
	return evicted;
}

struct ta_cached_image *ta_cache_add(const uint8_t uuid[16], const uint8_t *image, size_t len,
				     const void *elf, size_t elf_len)
{
	struct ta_cached_image *c, *old = NULL, **l;
	uint8_t *copy = NULL;

	if (len > TA_CACHE_BYTES)
		return NULL;
	/* Kept past the call that loaded it, for every client: the trusted OS's own memory. */
	c = kmalloc_tee(sizeof(*c));
	while (c && !(copy = kmalloc_tee(len)) && ta_cache_evict())
		;
	if (!c || !copy) {
		kfree(c);
		return NULL;
	}
	memset(c, 0, sizeof(*c));
	memcpy(copy, image, len);
	memcpy(c->uuid, uuid, 16);
	c->image = copy;
	c->len = len;
	c->elf = copy + ((const uint8_t *)elf - image);
	c->elf_len = elf_len;
	c->users = 1;
	spin_lock(&cache_lock);
	/* The file changed (or another thread verified the same one): the newest one stays. */
	l = find_link(uuid);
	if (l)
		old = unlink_image(l);
	while (cache_bytes + len > TA_CACHE_BYTES)
		if (!evict_one())
			break;
	if (cache_bytes + len > TA_CACHE_BYTES) {
		spin_unlock(&cache_lock);
		if (old)
			free_image(old);
		free_image(c);
		return NULL;
	}
	c->last_use = ++use_clock;
	c->next = cache;
	cache = c;
	cache_bytes += len;
	spin_unlock(&cache_lock);
	if (old)
		free_image(old);
	return c;
}

void ta_cache_drop(const uint8_t uuid[16])
{
	struct ta_cached_image *gone = NULL, **l;

	spin_lock(&cache_lock);
	l = find_link(uuid);
	if (l)
		gone = unlink_image(l);
	spin_unlock(&cache_lock);
	if (gone)
		free_image(gone);
}
