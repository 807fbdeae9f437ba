// SPDX-License-Identifier: BSD-2-Clause
/*
 * Loading a TA: tee-supplicant reads /lib/optee_armtz/<uuid>.ta for us (RPC LOAD_TA, once for
 * the size and once into shared memory it allocates: optee-smc-abi.md "Loading a TA through the
 * supplicant"). The image is copied into secure memory, its signature and hash checked, its ELF
 * checked, and only then mapped into a new address space.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <rampart/ta_elf.h>
#include <string.h>

#include "crypto.h"
#include "heap.h"
#include "pages.h"
#include "rpc.h"
#include "ta_cache.h"
#include "ta.h"
#include "thread.h"

#define TA_FILE_MAX (1024 * 1024)
#define TA_STACK_MAX (256 * 1024)
#define TA_HEAP_MAX (4 * 1024 * 1024)

static void load_ta_params(struct optee_msg_param p[2], const uint8_t uuid[16])
{
	memset(p, 0, 2 * sizeof(*p));
	p[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	memcpy(&p[0].u.value.a, uuid, 8);
	memcpy(&p[0].u.value.b, uuid + 8, 8);
}

/* The whole file from tee-supplicant, in secure memory; *len its size. */
static uint32_t fetch(const uint8_t uuid[16], const char *name, uint8_t **out, size_t *len)
{
	struct optee_msg_param p[2];
	struct memref m = {0};
	struct shm *shm;
	uint64_t size;
	uint32_t ret;
	uint8_t *buf;

	load_ta_params(p, uuid);
	p[1].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT; /* no buffer: asks for the size */
	ret = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, p, 2);
	size = p[1].u.tmem.size;
	if (ret != TEEC_SUCCESS && ret != TEEC_ERROR_SHORT_BUFFER) {
		log_info("TA %s: not found by tee-supplicant (%#x)", name, ret);
		return TEEC_ERROR_ITEM_NOT_FOUND;
	}
	if (size == 0 || size > TA_FILE_MAX) {
		log_error("TA %s refused: its file is %lu bytes, the limit is %u", name, size,
			  TA_FILE_MAX);
		return size ? TEEC_ERROR_EXCESS_DATA : TEEC_ERROR_BAD_FORMAT;
	}
	shm = kcalloc(1, sizeof(*shm));
	buf = kmalloc(size);
	if (!shm || !buf) {
		kfree(shm);
		kfree(buf);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	ret = rpc_shm_alloc(size, shm);
	if (ret == TEEC_SUCCESS) {
		load_ta_params(p, uuid);
		p[1].attr = OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT;
		p[1].u.rmem.size = size;
		p[1].u.rmem.shm_ref = shm->cookie;
		ret = rpc_cmd(OPTEE_RPC_CMD_LOAD_TA, p, 2);
		m.shm = shm;
		m.size = size;
		/* The file may have changed between the two requests: take only a same-size answer. */
		if (ret == TEEC_SUCCESS && (p[1].u.rmem.size != size || memref_read(&m, 0, buf, size)))
			ret = TEEC_ERROR_BAD_FORMAT;
		rpc_shm_free(shm);
	}
	kfree(shm);
	if (ret != TEEC_SUCCESS) {
		log_error("TA %s: reading it through tee-supplicant failed (%#x)", name, ret);
		kfree(buf);
		return ret;
	}
	*out = buf;
	*len = size;
	return TEEC_SUCCESS;
}

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

static int map_segments(struct ta_instance *inst, const uint8_t *elf,
			const struct ta_elf_layout *l)
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
			if (ta_space_map(&inst->space, va, page, prot_of(s->prot))) {
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
	kfree(inst);
}

/*
 * The verified image of the TA, held: from the cache, or read through tee-supplicant and
 * verified. *loose is set when the image could not be cached (the caller frees it).
 */
static uint32_t verified_image(const uint8_t uuid[16], const char *name,
			       struct ta_cached_image **held, uint8_t **loose, const void **elf,
			       size_t *elf_len, size_t *len)
{
	uint8_t *image;
	uint32_t ret;

	*loose = NULL;
	*held = ta_cache_get(uuid);
	if (*held) {
		*elf = (*held)->elf;
		*elf_len = (*held)->elf_len;
		*len = (*held)->len;
		return TEEC_SUCCESS;
	}
	ret = fetch(uuid, name, &image, len);
	if (ret != TEEC_SUCCESS)
		return ret;
	ret = ta_image_verify(image, *len, elf, elf_len);
	if (ret != TEEC_SUCCESS) {
		log_error("TA %s refused: its image did not verify (%#x)", name, ret);
		kfree(image);
		return ret;
	}
	*held = ta_cache_add(uuid, image, *len, *elf, *elf_len);
	if (!*held)
		*loose = image;
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
	uint8_t *loose;
	uint32_t ret;

	ta_uuid_str(uuid, name);
	ret = verified_image(uuid, name, &held, &loose, &elf, &elf_len, &len);
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
	if (!map_segments(inst, elf, &layout))
		ret = check_head(inst, uuid, &why);
	if (ret != TEEC_SUCCESS) {
		log_error("TA %s refused: %s", name, why);
		ta_instance_free(inst);
		goto release;
	}
	log_info("TA %s instance created from %lu bytes, flags %#x", name, len, inst->flags);
	*out = inst;
release:
	if (held)
		ta_cache_put(held);
	kfree(loose);
	return ret;
}
