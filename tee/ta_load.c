// SPDX-License-Identifier: BSD-2-Clause
/*
 * Loading a TA: tee-supplicant reads /lib/optee_armtz/<uuid>.ta for us (ta_fetch.c) every time
 * a new instance is made, so the file on disk now is what runs. The image is copied into secure
 * memory; unless it is byte for byte the image verified before (ta_cache.c), its signature and
 * hash are checked; its ELF is checked, it is mapped into a new address space and its header
 * checked; only then is a new image kept.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <rampart/ta_elf.h>
#include <string.h>

#include "crypto.h"
#include "crypto_obj.h"
#include "heap.h"
#include "image_window.h"
#include "pages.h"
#include "socket.h"
#include "ta_cache.h"
#include "ta_dl.h"
#include "ta_fetch.h"
#include "ta.h"
#include "thread.h"

#define TA_STACK_MAX (256 * 1024)
#define TA_HEAP_MAX (4 * 1024 * 1024)

static unsigned int prot_of(unsigned int elf_prot)
{
	return (elf_prot & TA_ELF_PROT_R ? TA_MAP_READ : 0) |
	       (elf_prot & TA_ELF_PROT_W ? TA_MAP_WRITE : 0) |
	       (elf_prot & TA_ELF_PROT_X ? TA_MAP_EXEC : 0);
}

/* Fresh zeroed pages at [va, va + size), mapped with prot; *first gets the first page. */
static int map_fresh(struct ta_instance *inst, uint64_t va, uint64_t size, unsigned int prot,
		     uintptr_t *first)
{
	for (uint64_t off = 0; off < size; off += PAGE_SIZE) {
		uintptr_t page = page_alloc();

		if (!page)
			return -1;
		if (ta_space_map(&inst->space, va + off, page, prot)) {
			page_free(page);
			return -1;
		}
		if (first && !off)
			*first = page;
	}
	return 0;
}

/* The segments of l, each moved up by bias (a library's load address). */
static int map_segments(struct ta_instance *inst, const uint8_t *elf,
			const struct ta_elf_layout *l, uint64_t bias)
{
	for (unsigned int i = 0; i < l->count; i++) {
		const struct ta_elf_segment *s = &l->seg[i];

		for (uint64_t va = s->vaddr; va < s->vaddr + s->memsz; va += PAGE_SIZE) {
			uintptr_t page = page_alloc();
			uint64_t lo = s->copy_to > va ? s->copy_to : va;
			uint64_t hi = s->copy_to + s->filesz;

			if (!page)
				return -1;
			if (hi > va + PAGE_SIZE)
				hi = va + PAGE_SIZE;
			if (lo < hi)
				memcpy((uint8_t *)page + (lo - va), elf + s->offset + (lo - s->copy_to),
				       hi - lo);
			if (ta_space_map(&inst->space, va + bias, page, prot_of(s->prot))) {
				page_free(page);
				return -1;
			}
		}
	}
	return 0;
}

/*
 * Check the header at TA_IMAGE_BASE, as the TA's own pages hold it, and give the instance its
 * stack, heap and argument page. *why names a refusal.
 */
static uint32_t check_head(struct ta_instance *inst, const uint8_t uuid[16], const char **why)
{
	unsigned int prot;
	uint64_t pa = ta_space_lookup(&inst->space, TA_IMAGE_BASE, &prot);
	struct ta_head head;

	uint64_t stack;

	*why = "no TA header at the start of the image";
	if (!pa || !(prot & TA_MAP_READ))
		return TEEC_ERROR_BAD_FORMAT;
	memcpy(&head, (const void *)(uintptr_t)pa, sizeof(head));
	if (head.magic != TA_HEAD_MAGIC)
		return TEEC_ERROR_BAD_FORMAT;
	*why = "the UUID in the image is not the one asked for";
	if (memcmp(head.uuid, uuid, 16))
		return TEEC_ERROR_SECURITY;
	*why = "the entry point is not in the TA's code";
	if (!ta_space_lookup(&inst->space, head.entry, &prot) || !(prot & TA_MAP_EXEC) ||
	    (head.entry & 3))
		return TEEC_ERROR_BAD_FORMAT;
	*why = "the stack or heap size is out of range";
	if (head.stack_size < 1024 || head.stack_size > TA_STACK_MAX ||
	    head.data_size > TA_HEAP_MAX)
		return TEEC_ERROR_BAD_FORMAT;
	inst->flags = head.flags;
	inst->entry = head.entry;
	inst->stack_top = TA_STACK_TOP;
	inst->heap_base = TA_HEAP_BASE;
	inst->heap_size = (head.data_size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	stack = (head.stack_size + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	*why = "not enough secure memory";
	if (map_fresh(inst, TA_STACK_TOP - stack, stack, TA_MAP_READ | TA_MAP_WRITE, NULL) ||
	    map_fresh(inst, inst->heap_base, inst->heap_size, TA_MAP_READ | TA_MAP_WRITE, NULL) ||
	    map_fresh(inst, TA_ARGS_VA, PAGE_SIZE, TA_MAP_READ | TA_MAP_WRITE, &inst->args_page))
		return TEEC_ERROR_OUT_OF_MEMORY;
	return TEEC_SUCCESS;
}

void ta_instance_free(struct ta_instance *inst)
{
	/* Sessions it opened with other TAs end with it (GP 4.9: the TA is gone). */
	for (unsigned int i = 0; i < sizeof(inst->peer) / sizeof(inst->peer[0]); i++)
		if (inst->peer[i])
			ta_close_session(inst->peer[i]);
	ta_space_destroy(&inst->space);
	kfree(inst->dl);
	crypto_state_free(inst);
	socket_state_free(inst);
	kfree(inst);
}

/*
 * The TA's file as tee-supplicant reads it now, verified: when it is byte for byte the image
 * verified before (*held, from the cache), that image; otherwise the new file, verified again
 * (*fresh: not cached yet, the caller frees it or hands it to the cache).
 */
static uint32_t verified_image(const uint8_t uuid[16], const char *name,
			       struct ta_cached_image **held, uint8_t **fresh, const void **elf,
			       size_t *elf_len, size_t *len)
{
	uint8_t *image;
	uint32_t ret;

	*fresh = NULL;
	*held = ta_cache_get(uuid);
	ret = ta_fetch(uuid, name, *held ? (*held)->len : 0, &image, len);
	if (ret != TEEC_SUCCESS) {
		if (*held)
			ta_cache_put(*held);
		*held = NULL;
		/* The file is gone: so is the reason to keep its image. */
		if (ret == TEEC_ERROR_ITEM_NOT_FOUND)
			ta_cache_drop(uuid);
		return ret;
	}
	if (*held && (*held)->len == *len && !memcmp((*held)->image, image, *len)) {
		image_window_free(image);
		*elf = (*held)->elf;
		*elf_len = (*held)->elf_len;
		return TEEC_SUCCESS;
	}
	if (*held) {
		log_info("TA %s: its file changed since it was verified: verifying it again", name);
		ta_cache_put(*held);
		*held = NULL;
	}
	ret = ta_image_verify(image, *len, elf, elf_len);
	if (ret != TEEC_SUCCESS) {
		log_error("TA %s refused: its image did not verify (%#x)", name, ret);
		image_window_free(image);
		return ret;
	}
	*fresh = image;
	return TEEC_SUCCESS;
}

uint32_t ta_load(const uint8_t uuid[16], struct ta_instance **out)
{
	struct ta_cached_image *held;
	struct ta_elf_layout layout;
	struct ta_instance *inst;
	const void *elf;
	size_t len, elf_len;
	const char *why;
	char name[37];
	uint8_t *fresh;
	uint32_t ret;

	ta_uuid_str(uuid, name);
	ret = verified_image(uuid, name, &held, &fresh, &elf, &elf_len, &len);
	if (ret != TEEC_SUCCESS)
		return ret;
	why = ta_elf_parse(elf, elf_len, TA_IMAGE_BASE, TA_IMAGE_BASE + TA_IMAGE_MAX, &layout);
	if (why) {
		log_error("TA %s refused: %s", name, why);
		ret = TEEC_ERROR_BAD_FORMAT;
		goto release;
	}
	inst = kcalloc(1, sizeof(*inst));
	if (!inst || ta_space_init(&inst->space, (const uint64_t *)(uintptr_t)
					     (thread_kernel_ttbr0() & 0x0000fffffffff000UL))) {
		kfree(inst);
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto release;
	}
	memcpy(inst->uuid, uuid, 16);
	why = "not enough secure memory";
	ret = TEEC_ERROR_OUT_OF_MEMORY;
	if (!map_segments(inst, elf, &layout, 0))
		ret = check_head(inst, uuid, &why);
	if (ret != TEEC_SUCCESS) {
		log_error("TA %s refused: %s", name, why);
		ta_instance_free(inst);
		goto release;
	}
	/* Its shared libraries (DT_NEEDED), mapped and linked before it first runs. */
	ret = ta_dl_link(inst, &layout);
	if (ret != TEEC_SUCCESS) {
		ta_instance_free(inst);
		goto release;
	}
	log_info("TA %s instance created from %lu bytes, flags %#x", name, len, inst->flags);
	/*
	 * Every check passed, the header's UUID included: only now is a new image kept (copied),
	 * under the UUID it proved to be. An image that cannot be kept is simply not.
	 */
	if (fresh) {
		struct ta_cached_image *c = ta_cache_add(inst->uuid, fresh, len, elf, elf_len);

		if (c)
			ta_cache_put(c);
	}
	*out = inst;
release:
	if (held)
		ta_cache_put(held);
	image_window_free(fresh);
	return ret;
}

uint32_t ta_load_library(struct ta_instance *inst, const uint8_t uuid[16], uint64_t base,
			 struct ta_elf_layout *layout, struct ta_dl_image *keep)
{
	struct ta_cached_image *held;
	const void *elf;
	size_t len, elf_len;
	const char *why;
	char name[37];
	uint8_t *fresh;
	uint32_t ret;
	uint64_t size;

	memset(keep, 0, sizeof(*keep));
	ta_uuid_str(uuid, name);
	ret = verified_image(uuid, name, &held, &fresh, &elf, &elf_len, &len);
	if (ret != TEEC_SUCCESS) {
		log_error("TA library %s: not loaded (%#x)", name, ret);
		return ret;
	}
	why = ta_elf_parse_lib(elf, elf_len, TA_IMAGE_MAX, layout);
	if (why) {
		log_error("TA library %s refused: %s", name, why);
		ret = TEEC_ERROR_BAD_FORMAT;
		goto release;
	}
	size = layout->seg[layout->count - 1].vaddr + layout->seg[layout->count - 1].memsz;
	if (base + size > TA_HEAP_BASE) {
		log_error("TA library %s refused: no room left for it (%lu bytes) below the heap",
			  name, size);
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto release;
	}
	if (map_segments(inst, elf, layout, base)) {
		log_error("TA library %s: not enough secure memory", name);
		ta_space_release(&inst->space, base, size);
		ret = TEEC_ERROR_OUT_OF_MEMORY;
		goto release;
	}
	log_info("TA library %s mapped at %#lx from %lu bytes", name, base, len);
	/* A new image is kept only once the library is linked (ta_dl.c), as a TA's is. */
	if (fresh) {
		keep->image = fresh;
		keep->len = len;
		keep->elf = elf;
		keep->elf_len = elf_len;
		fresh = NULL;
	}
release:
	if (held)
		ta_cache_put(held);
	image_window_free(fresh);
	return ret;
}

void ta_dl_image_settle(const uint8_t uuid[16], struct ta_dl_image *img, int keep)
{
	if (img->image && keep) {
		struct ta_cached_image *c = ta_cache_add(uuid, img->image, img->len, img->elf,
							 img->elf_len);

		if (c)
			ta_cache_put(c);
	}
	image_window_free(img->image);
	img->image = NULL;
}
