// SPDX-License-Identifier: BSD-2-Clause
/*
 * Shared TA libraries (see ta_dl.h). A library is a signed TA file like any other whose ELF is
 * ET_DYN with DT_SONAME its own UUID, as OP-TEE's dev kit links them; DT_NEEDED names libraries
 * by UUID. Modules are loaded breadth first, the TA being module 0; symbols are looked up in
 * that order (ELF-64 "Shared Object Dependencies"), relocations are done by the trusted OS on
 * the pages it mapped (lib/common/ta_dyn.c) so the TA never needs writable code or GOTs it
 * patches itself, and constructors run dependencies first (libutee, from TA_SYS_DL_INFO).
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "heap.h"
#include "pages.h"
#include "ta_dl.h"

#define MOD_MAX_SIZE TA_IMAGE_MAX

static int inst_read(void *ctx, uint64_t va, void *buf, size_t len)
{
	struct ta_instance *inst = ctx;

	while (len) {
		uint64_t off = va & (PAGE_SIZE - 1), n = PAGE_SIZE - off;
		unsigned int prot;
		uint64_t pa = ta_space_lookup(&inst->space, va - off, &prot);

		if (!pa || (prot & TA_MAP_NS))
			return -1;
		if (n > len)
			n = len;
		memcpy(buf, (const uint8_t *)(uintptr_t)pa + off, n);
		buf = (uint8_t *)buf + n;
		va += n;
		len -= n;
	}
	return 0;
}

static int inst_write(void *ctx, uint64_t va, const void *buf, size_t len)
{
	struct ta_instance *inst = ctx;

	while (len) {
		uint64_t off = va & (PAGE_SIZE - 1), n = PAGE_SIZE - off;
		unsigned int prot;
		uint64_t pa = ta_space_lookup(&inst->space, va - off, &prot);

		if (!pa || (prot & TA_MAP_NS))
			return -1;
		if (n > len)
			n = len;
		memcpy((uint8_t *)(uintptr_t)pa + off, buf, n);
		buf = (const uint8_t *)buf + n;
		va += n;
		len -= n;
	}
	return 0;
}

static uint64_t mod_size(const struct ta_dyn_module *m)
{
	const struct ta_elf_segment *last = &m->layout.seg[m->layout.count - 1];

	return last->vaddr + last->memsz;
}

/* Library i's pages go (a dlopen() that failed). */
static void drop_modules(struct ta_instance *inst, unsigned int from)
{
	struct ta_dl *dl = inst->dl;

	for (unsigned int i = from; i < dl->count; i++)
		ta_space_release(&inst->space, dl->mod[i].bias, mod_size(&dl->mod[i]));
	memset(&dl->mod[from], 0, (dl->count - from) * sizeof(dl->mod[0]));
	dl->count = from;
}

/* Load what module i needs that is not loaded yet, appending it; record i's dependencies. */
static uint32_t load_needed(struct ta_instance *inst, const struct ta_dyn_mem *mem, unsigned int i,
			    const char *ta)
{
	struct ta_dl *dl = inst->dl;
	struct ta_dyn_module *m = &dl->mod[i];

	for (unsigned int j = 0; j < m->needed_count; j++) {
		char name[TA_DYN_NAME_MAX];
		uint8_t uuid[16];
		unsigned int k;
		uint32_t ret;

		if (ta_dyn_string(mem, m, m->needed[j], name, sizeof(name)) ||
		    ta_dyn_parse_uuid(name, uuid)) {
			log_error("TA %s refused: a DT_NEEDED entry is not a library UUID "
				  "(link libraries built with SHLIBUUID)",
				  ta);
			return TEEC_ERROR_BAD_FORMAT;
		}
		for (k = 0; k < dl->count && memcmp(dl->uuid[k], uuid, 16); k++)
			;
		if (k == dl->count) {
			if (dl->count == TA_DL_MAX_MODULES) {
				log_error("TA %s: library %s refused: more than %d modules in one "
					  "instance",
					  ta, name, TA_DL_MAX_MODULES);
				return TEEC_ERROR_OUT_OF_MEMORY;
			}
			ret = ta_load_library(inst, uuid, dl->next_base, &dl->mod[k].layout,
					      &dl->fresh[k]);
			if (ret != TEEC_SUCCESS)
				return ret;
			dl->mod[k].bias = dl->next_base;
			memcpy(dl->uuid[k], uuid, 16);
			dl->count++;
			dl->next_base += mod_size(&dl->mod[k]);
		}
		dl->dep[i][j] = (uint8_t)k;
	}
	return TEEC_SUCCESS;
}

/* 1 if library m names itself by uuid (OP-TEE's kit links --soname=<SHLIBUUID>). */
static int soname_is(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m,
		     const uint8_t uuid[16])
{
	char s[TA_DYN_NAME_MAX];
	uint8_t u[16];

	return m->has_soname && !ta_dyn_string(mem, m, m->soname, s, sizeof(s)) &&
	       !ta_dyn_parse_uuid(s, u) && !memcmp(u, uuid, 16);
}

/*
 * Library m's pages that hold nothing but its PT_GNU_RELRO range (GOT, init array, relocated
 * constants) become read-only to the TA once the trusted OS has relocated them, so the TA
 * cannot redirect the library's calls by writing its GOT. Pages shared with writable data stay
 * writable; a PT_GNU_RELRO outside the module's segments protects nothing.
 */
static void protect_relro(struct ta_instance *inst, const struct ta_dyn_module *m)
{
	uint64_t lo = m->layout.relro_vaddr, hi;

	if (!m->layout.relro_size || __builtin_add_overflow(lo, m->layout.relro_size, &hi))
		return;
	for (unsigned int i = 0; i < m->layout.count; i++) {
		const struct ta_elf_segment *s = &m->layout.seg[i];

		if (!(s->prot & TA_ELF_PROT_W))
			continue;
		for (uint64_t p = s->vaddr; p < s->vaddr + s->memsz; p += PAGE_SIZE) {
			uint64_t first = p > s->copy_to ? p : s->copy_to;
			uint64_t last = p + PAGE_SIZE;
			uint64_t pa;

			if (first < lo || last > hi)
				continue;
			pa = ta_space_lookup(&inst->space, p + m->bias, NULL);
			if (!pa)
				continue;
			/* Unmapped first, so no TLB keeps the writable entry (Arm ARM D8.14). */
			ta_space_unmap(&inst->space, p + m->bias, PAGE_SIZE);
			/* Cannot fail (its table page exists); if it did, the TA faults there. */
			if (ta_space_map(&inst->space, p + m->bias, pa, TA_MAP_READ))
				page_free(pa);
		}
	}
}

/* Give module i and what it needs their init order, dependencies first: 0, or -1 on a cycle. */
static int order(struct ta_dl *dl, unsigned int i, uint8_t *state)
{
	if (dl->seq[i] || state[i] == 2)
		return 0;
	if (state[i] == 1)
		return -1;
	state[i] = 1;
	for (unsigned int j = 0; j < dl->mod[i].needed_count; j++)
		if (order(dl, dl->dep[i][j], state))
			return -1;
	state[i] = 2;
	dl->seq[i] = (uint8_t)++dl->next_seq;
	return 0;
}

/*
 * Modules from..count-1 are mapped (from: the first new one; root: the one asked for): read
 * their dynamic sections, load what they need, relocate the new ones, order their constructors.
 */
static uint32_t link_modules(struct ta_instance *inst, unsigned int from, unsigned int root,
			     const char *ta)
{
	const struct ta_dyn_mem mem = {inst, inst_read, inst_write};
	struct ta_dl *dl = inst->dl;
	uint8_t state[TA_DL_MAX_MODULES] = {0};
	char name[37], detail[TA_DYN_NAME_MAX];
	const char *why;
	uint32_t ret;

	for (unsigned int i = from; i < dl->count; i++) {
		struct ta_dyn_module *m = &dl->mod[i];

		ta_uuid_str(dl->uuid[i], name);
		why = ta_dyn_parse(&mem, m);
		if (!why && i && !soname_is(&mem, m, dl->uuid[i]))
			why = "its DT_SONAME is not its UUID (not a shared TA library)";
		if (why) {
			log_error("TA %s: %s %s refused: %s", ta, i ? "library" : "TA", name, why);
			return TEEC_ERROR_BAD_FORMAT;
		}
		ret = load_needed(inst, &mem, i, ta);
		if (ret != TEEC_SUCCESS)
			return ret;
	}
	/* Every module that was new, its data relocated before the TA's copies read it. */
	for (unsigned int i = dl->count; i-- > from;) {
		why = ta_dyn_relocate(&mem, dl->mod, dl->count, i, detail, sizeof(detail));
		if (why) {
			ta_uuid_str(dl->uuid[i], name);
			log_error("TA %s: %s %s refused: %s%s%s", ta, i ? "library" : "TA", name,
				  why, detail[0] ? ": " : "", detail);
			return TEEC_ERROR_BAD_FORMAT;
		}
	}
	if (order(dl, root, state)) {
		log_error("TA %s refused: its libraries need each other in a cycle (DT_NEEDED)",
			  ta);
		return TEEC_ERROR_BAD_FORMAT;
	}
	for (unsigned int i = from ? from : 1; i < dl->count; i++)
		protect_relro(inst, &dl->mod[i]);
	return TEEC_SUCCESS;
}

/*
 * link_modules, then the images of libraries verified on the way are kept (cached) if all went
 * well, freed if not: as for a TA, only an image that passed every check is kept.
 */
static uint32_t link_new(struct ta_instance *inst, unsigned int from, unsigned int root,
			 const char *ta)
{
	struct ta_dl *dl = inst->dl;
	uint32_t ret = link_modules(inst, from, root, ta);

	for (unsigned int i = from; i < TA_DL_MAX_MODULES; i++)
		ta_dl_image_settle(dl->uuid[i], &dl->fresh[i],
				   ret == TEEC_SUCCESS && i < dl->count);
	return ret;
}

uint32_t ta_dl_link(struct ta_instance *inst, const struct ta_elf_layout *layout)
{
	struct ta_dl *dl = kcalloc(1, sizeof(*dl));
	char ta[37];
	uint32_t ret;

	if (!dl)
		return TEEC_ERROR_OUT_OF_MEMORY;
	inst->dl = dl;
	dl->mod[0].layout = *layout;
	memcpy(dl->uuid[0], inst->uuid, 16);
	dl->count = 1;
	dl->next_base = TA_LIB_BASE;
	ta_uuid_str(inst->uuid, ta);
	ret = link_new(inst, 0, 0, ta);
	if (ret == TEEC_SUCCESS && dl->count > 1)
		log_info("TA %s linked with %u shared librar%s", ta, dl->count - 1,
			 dl->count > 2 ? "ies" : "y");
	return ret;
}

static uint32_t sys_dlopen(struct ta_instance *inst, uint64_t uuid_va, uint64_t index_va)
{
	struct ta_dl *dl = inst->dl;
	unsigned int from = dl->count, k;
	uint64_t base = dl->next_base;
	uint32_t seq = dl->next_seq, ret, index;
	uint8_t uuid[16];
	char ta[37], name[37];

	if (ta_copy_from(uuid, uuid_va, 16))
		return TEEC_ERROR_ACCESS_DENIED;
	for (k = 0; k < dl->count && memcmp(dl->uuid[k], uuid, 16); k++)
		;
	ta_uuid_str(inst->uuid, ta);
	ta_uuid_str(uuid, name);
	if (k == dl->count) {
		if (dl->count == TA_DL_MAX_MODULES) {
			log_error("TA %s: dlopen(%s) refused: more than %d modules in one instance",
				  ta, name, TA_DL_MAX_MODULES);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
		ret = ta_load_library(inst, uuid, dl->next_base, &dl->mod[k].layout, &dl->fresh[k]);
		if (ret != TEEC_SUCCESS)
			return ret;
		dl->mod[k].bias = dl->next_base;
		memcpy(dl->uuid[k], uuid, 16);
		dl->count++;
		dl->next_base += mod_size(&dl->mod[k]);
		ret = link_new(inst, from, k, ta);
		if (ret != TEEC_SUCCESS) {
			/* Nothing of it stays: the instance is as it was before the call. */
			drop_modules(inst, from);
			for (unsigned int i = 0; i < from; i++)
				if (dl->seq[i] > seq)
					dl->seq[i] = 0;
			memset(&dl->seq[from], 0, sizeof(dl->seq) - from);
			dl->next_seq = seq;
			dl->next_base = base;
			return ret;
		}
		log_info("TA %s: dlopen(%s): %u module(s) loaded", ta, name, dl->count - from);
	}
	index = k;
	if (ta_copy_to(index_va, &index, sizeof(index)))
		return TEEC_ERROR_ACCESS_DENIED;
	return TEEC_SUCCESS;
}

static uint32_t sys_dlsym(struct ta_instance *inst, uint64_t handle, uint64_t name_va,
			  uint64_t name_len, uint64_t addr_va)
{
	const struct ta_dyn_mem mem = {inst, inst_read, inst_write};
	struct ta_dl *dl = inst->dl;
	char name[TA_DYN_NAME_MAX];
	uint64_t addr = 0;
	int found = 0;

	if (!name_len || name_len >= sizeof(name))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	if (ta_copy_from(name, name_va, name_len))
		return TEEC_ERROR_ACCESS_DENIED;
	name[name_len] = 0;
	if (strlen(name) != name_len)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (handle == TA_DL_GLOBAL) {
		for (unsigned int i = 0; i < dl->count && !found; i++)
			found = !ta_dyn_find(&mem, &dl->mod[i], name, i == 0, &addr);
	} else if (handle < dl->count) {
		found = !ta_dyn_find(&mem, &dl->mod[handle], name, 0, &addr);
	} else {
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	if (!found)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	if (ta_copy_to(addr_va, &addr, sizeof(addr)))
		return TEEC_ERROR_ACCESS_DENIED;
	return TEEC_SUCCESS;
}

static uint32_t sys_dl_info(struct ta_instance *inst, uint64_t index, uint64_t info_va)
{
	struct ta_dl *dl = inst->dl;
	struct ta_dl_info info;
	const struct ta_dyn_module *m;

	if (index >= dl->count)
		return TEEC_ERROR_ITEM_NOT_FOUND;
	m = &dl->mod[index];
	memset(&info, 0, sizeof(info));
	info.base = m->bias;
	info.phdr = m->layout.phdr_vaddr ? m->layout.phdr_vaddr + m->bias : 0;
	info.phnum = m->layout.phdr_vaddr ? m->layout.phnum : 0;
	if (index) {
		info.init_array = m->init_array;
		info.init_count = m->init_count;
	}
	info.init_seq = dl->seq[index];
	memcpy(info.uuid, dl->uuid[index], 16);
	if (ta_copy_to(info_va, &info, sizeof(info)))
		return TEEC_ERROR_ACCESS_DENIED;
	return TEEC_SUCCESS;
}

uint64_t ta_syscall_dl(uint64_t nr, const uint64_t *x)
{
	struct ta_instance *inst = ta_current_call()->inst;

	switch (nr) {
	case TA_SYS_DL_INFO:
		return sys_dl_info(inst, x[0], x[1]);
	case TA_SYS_DLOPEN:
		return sys_dlopen(inst, x[0], x[1]);
	case TA_SYS_DLSYM:
		return sys_dlsym(inst, x[0], x[1], x[2], x[3]);
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}
