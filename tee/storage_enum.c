// SPDX-License-Identifier: BSD-2-Clause
/*
 * Persistent-object enumerators (GP TEE Internal Core API 5.8). TEE_StartPersistentObjectEnumerator
 * takes a snapshot of the TA's index (IDs and file numbers); TEE_GetNextPersistentObject walks
 * it. Asked for the object's info, it opens the object's file, so a tampered object is reported
 * CORRUPT_OBJECT there as anywhere else.
 */
#include <rampart/optee_abi.h>
#include <string.h>

#include "fs_rpc.h"
#include "handle_table.h"
#include "heap.h"
#include "storage_obj.h"

#define KIND_ENUMERATOR 3

struct penum {
	int started;
	uint32_t n, next;
	uint8_t uuid[16];
	struct storage_entry *list;
};

struct storage_state {
	struct handle_table enums;
};

static struct penum *enum_of(struct storage_state *st, uint32_t handle)
{
	return st ? handle_get(&st->enums, handle) : NULL;
}

static void enum_reset(struct penum *e)
{
	kfree(e->list);
	e->list = NULL;
	e->started = 0;
	e->n = e->next = 0;
}

uint32_t pstore_enum_alloc(struct storage_state **st, uint32_t *handle)
{
	struct penum *e;

	if (!*st) {
		*st = kcalloc(1, sizeof(**st));
		if (!*st)
			return TEEC_ERROR_OUT_OF_MEMORY;
		handle_table_init(&(*st)->enums, KIND_ENUMERATOR);
	}
	e = kcalloc(1, sizeof(*e));
	if (!e)
		return TEEC_ERROR_OUT_OF_MEMORY;
	*handle = handle_alloc(&(*st)->enums, e);
	if (!*handle) {
		kfree(e);
		return TEEC_ERROR_OUT_OF_MEMORY; /* GP 5.8.1: no more enumerators */
	}
	return TEEC_SUCCESS;
}

/* BAD_PARAMETERS: not an enumerator of this instance (the system-call layer panics the TA). */
uint32_t pstore_enum_free(struct storage_state *st, uint32_t handle)
{
	struct penum *e = enum_of(st, handle);

	if (!e)
		return TEEC_ERROR_BAD_PARAMETERS;
	handle_release(&st->enums, handle);
	enum_reset(e);
	kfree(e);
	return TEEC_SUCCESS;
}

uint32_t pstore_enum_reset(struct storage_state *st, uint32_t handle)
{
	struct penum *e = enum_of(st, handle);

	if (!e)
		return TEEC_ERROR_BAD_PARAMETERS;
	enum_reset(e);
	return TEEC_SUCCESS;
}

uint32_t pstore_enum_start(struct storage_state *st, uint32_t handle, const uint8_t uuid[16])
{
	struct penum *e = enum_of(st, handle);
	struct storage_index *ix;
	uint32_t ret;

	if (!e)
		return TEEC_ERROR_BAD_PARAMETERS;
	enum_reset(e);
	ix = kmalloc(sizeof(*ix));
	if (!ix)
		return TEEC_ERROR_OUT_OF_MEMORY;
	storage_lock();
	ret = storage_index_load(uuid, ix);
	storage_unlock();
	if (!ret && !storage_index_objects(ix))
		ret = TEEC_ERROR_ITEM_NOT_FOUND; /* GP 5.8.5: no object in the storage */
	if (!ret) {
		e->list = kmalloc(ix->count * sizeof(ix->e[0]));
		if (!e->list)
			ret = TEEC_ERROR_OUT_OF_MEMORY;
	}
	/* Objects only: the persistent-time record is not one (storage_file.h). */
	for (uint32_t i = 0; !ret && i < ix->count; i++)
		if (ix->e[i].id_len != STORAGE_ENTRY_TIME)
			e->list[e->n++] = ix->e[i];
	if (!ret) {
		memcpy(e->uuid, uuid, 16);
		e->started = 1;
	}
	kfree(ix);
	return ret;
}

/* The info of an object that is not necessarily open: its file's blob header and data size. */
static uint32_t info_of(const uint8_t uuid[16], uint64_t no, struct ta_pstore_info *info)
{
	struct {
		uint32_t type, bits, max_bits, usage, attr_count, meta_len;
	} bh;
	uint8_t *blob;
	size_t len;
	uint32_t ret;

	storage_lock();
	ret = pstore_version_read(uuid, no, &blob, &len);
	storage_unlock();
	if (ret)
		return ret;
	memcpy(&bh, blob, len < sizeof(bh) ? len : sizeof(bh));
	memset(blob, 0, len);
	kfree(blob);
	if (len < sizeof(bh) || bh.meta_len > len)
		return TEE_ERROR_CORRUPT_OBJECT;
	memset(info, 0, sizeof(*info));
	info->type = bh.type;
	info->size_bits = bh.bits;
	info->max_bits = bh.max_bits;
	info->usage = bh.usage;
	info->handle_flags = TEE_HANDLE_FLAG_PERSISTENT | TEE_HANDLE_FLAG_INITIALIZED;
	info->data_size = len - bh.meta_len;
	return TEEC_SUCCESS;
}

uint32_t pstore_enum_next(struct storage_state *st, uint32_t handle, struct ta_pstore_info *info,
			  uint8_t *id, size_t *id_len)
{
	struct penum *e = enum_of(st, handle);
	const struct storage_entry *en;
	uint32_t ret;

	if (!e)
		return TEEC_ERROR_BAD_PARAMETERS;
	if (!e->started || e->next >= e->n)
		return TEEC_ERROR_ITEM_NOT_FOUND; /* GP 5.8.5 */
	en = &e->list[e->next++];
	if (info) {
		ret = info_of(e->uuid, en->file_no, info);
		if (ret)
			return ret;
	}
	memcpy(id, en->id, en->id_len);
	*id_len = en->id_len;
	return TEEC_SUCCESS;
}

void storage_state_free(struct storage_state *st)
{
	if (!st)
		return;
	for (uint32_t i = 0; i < HANDLE_TABLE_SLOTS; i++) {
		struct penum *e = handle_slot(&st->enums, i);

		if (e) {
			enum_reset(e);
			kfree(e);
		}
	}
	kfree(st);
}
