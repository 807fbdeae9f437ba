// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA persistent time in the TA's index (see storage_time.h). Each call reads the index afresh,
 * as every storage call does, so what the normal world did to the files in between is seen:
 * an index that does not open, or is older than one this boot has seen, makes the time
 * TEE_ERROR_TIME_NEEDS_RESET until the index is right again or the TA sets a new time (which
 * needs an index that opens: a TA whose index is refused has no store to write to).
 */
#include "storage_time.h"

#include <rampart/optee_abi.h>
#include <string.h>

#include "clock.h"
#include "crypto.h"
#include "fs_rpc.h"
#include "heap.h"
#include "ptime.h"
#include "storage_file.h"

_Static_assert(sizeof(struct ptime_record) <= STORAGE_ID_MAX,
	       "the persistent-time record lives in an index entry's ID bytes");

/* This boot's identity (storage lock held): random, made at the first use. */
static uint8_t boot_id[PTIME_BOOT_ID_LEN];
static int boot_id_made;

static uint32_t this_boot(void)
{
	if (boot_id_made)
		return TEEC_SUCCESS;
	if (tee_random(boot_id, sizeof(boot_id)) != TEEC_SUCCESS)
		return TEEC_ERROR_GENERIC;
	boot_id_made = 1;
	return TEEC_SUCCESS;
}

/* The TA's index (allocated: too large for a thread stack), storage lock held. */
static uint32_t index_of(const uint8_t uuid[16], struct storage_index **out)
{
	struct storage_index *ix = kmalloc(sizeof(*ix));
	uint32_t ret;

	if (!ix)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = this_boot();
	if (!ret)
		ret = storage_index_load(uuid, ix);
	if (ret) {
		kfree(ix);
		return ret;
	}
	*out = ix;
	return TEEC_SUCCESS;
}

uint32_t storage_time_get(const uint8_t uuid[16], struct ta_time *t)
{
	struct storage_index *ix = NULL;
	struct ptime_record r;
	uint32_t ret;
	int i;

	memset(t, 0, sizeof(*t));
	storage_lock();
	ret = index_of(uuid, &ix);
	if (ret == TEE_ERROR_CORRUPT_OBJECT) {
		/* Tampered with or rolled back (storage_file.c said which on the console). */
		ret = TEE_ERROR_TIME_NEEDS_RESET;
	} else if (!ret) {
		i = storage_index_find_time(ix);
		if (i < 0) {
			ret = TEE_ERROR_TIME_NOT_SET;
		} else {
			memcpy(&r, ix->e[i].id, sizeof(r));
			ret = ptime_now(&r, tee_clock_ms(), boot_id, t);
		}
	}
	storage_unlock();
	kfree(ix);
	return ret;
}

uint32_t storage_time_set(const uint8_t uuid[16], const struct ta_time *t)
{
	struct storage_index *ix;
	struct ptime_record r;
	uint32_t ret;
	int i;

	storage_lock();
	ret = index_of(uuid, &ix);
	if (ret) {
		storage_unlock();
		return ret;
	}
	i = storage_index_find_time(ix);
	if (i < 0) { /* room is kept for it: STORAGE_ENTRIES_MAX */
		i = (int)ix->count++;
		memset(&ix->e[i], 0, sizeof(ix->e[i]));
		ix->e[i].id_len = STORAGE_ENTRY_TIME;
	}
	ptime_make(&r, t, tee_clock_ms(), boot_id);
	memset(ix->e[i].id, 0, sizeof(ix->e[i].id));
	memcpy(ix->e[i].id, &r, sizeof(r));
	ret = storage_index_commit(ix);
	storage_unlock();
	kfree(ix);
	return ret;
}
