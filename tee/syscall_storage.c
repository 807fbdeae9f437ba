// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trusted-storage system calls (include/rampart/ta_abi.h TA_SYS_PSTORE_*, TA_SYS_PENUM_*,
 * and TA_SYS_PTIME_*, the TA persistent time kept in the same store).
 * A TA reaches only its own store: the UUID used is always the calling instance's. What GP
 * makes a panic (a bad handle, an ID longer than TEE_OBJECT_ID_MAX_LEN or in shared memory, a
 * missing access right, unreadable arguments) kills the TA with the reason on the secure console.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <stdio.h>
#include <string.h>

#include "crypto_obj.h"
#include "ptime.h"
#include "storage_obj.h"
#include "storage_time.h"
#include "ta.h"

#define TEE_STORAGE_PRIVATE		0x00000001U
#define TEE_STORAGE_PRIVATE_REE		0x80000000U /* OP-TEE's name for the same store */
#define TEE_ERROR_STORAGE_NOT_AVAILABLE 0xF0100003U

static struct ta_instance *current(void)
{
	return ta_current_call()->inst;
}

static struct crypto_obj *obj_of(struct crypto_state *s, uint64_t h, const char *fn, int pers)
{
	struct crypto_obj *o = h >> 32 ? NULL : handle_get(&s->objs, (uint32_t)h);
	char why[96];

	if (!o || (pers && !o->pers)) {
		snprintf(why, sizeof(why), "%s: %#lx is not a %sobject handle of this TA", fn, h,
			 pers ? "persistent " : "");
		ta_kill_current(why);
	}
	return o;
}

/* GP 5.7: the storage must be the TA's private one; other storages do not exist here. */
static int storage_ok(uint64_t storage)
{
	return storage == TEE_STORAGE_PRIVATE || storage == TEE_STORAGE_PRIVATE_REE;
}

static void id_in(uint64_t va, uint64_t len, uint8_t id[STORAGE_ID_MAX], const char *fn)
{
	char why[96];

	if (len > STORAGE_ID_MAX) {
		snprintf(why, sizeof(why), "%s: object ID of %lu bytes, over TEE_OBJECT_ID_MAX_LEN",
			 fn, len);
		ta_kill_current(why);
	}
	/*
	 * GP v1.3.1 5.7.1, 5.7.2, 5.7.5: the object ID "cannot reside in shared memory". The ID is
	 * copied once here, but a TA that checked an ID in its client's memory before passing it
	 * would have checked bytes the client can change in between.
	 */
	if (ta_va_shared(va, len)) {
		snprintf(why, sizeof(why), "%s: object ID in shared memory (a memref parameter)",
			 fn);
		ta_kill_current(why);
	}
	if (len && ta_copy_from(id, va, len)) {
		snprintf(why, sizeof(why), "%s: object ID unreadable", fn);
		ta_kill_current(why);
	}
}

/* A new object handle for o in the instance's table: written to h_va, or o is closed. */
static uint64_t give_handle(struct crypto_state *s, struct crypto_obj *o, uint64_t h_va)
{
	uint32_t h = handle_alloc(&s->objs, o);

	if (!h || ta_copy_to(h_va, &h, sizeof(h))) {
		if (h)
			handle_release(&s->objs, h);
		crypto_obj_free(o);
		return h ? TEEC_ERROR_ACCESS_DENIED : TEEC_ERROR_OUT_OF_MEMORY;
	}
	return TEEC_SUCCESS;
}

static uint64_t sys_open(struct crypto_state *s, const uint64_t *x)
{
	uint8_t id[STORAGE_ID_MAX];
	struct crypto_obj *o;
	uint32_t ret;

	id_in(x[1], x[2], id, "TEE_OpenPersistentObject");
	if (!storage_ok(x[0]))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	if (s->objs.used == HANDLE_TABLE_SLOTS)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = pstore_open(current()->uuid, id, x[2], (uint32_t)x[3], &o);
	return ret ? ret : give_handle(s, o, x[4]);
}

static uint64_t sys_create(struct crypto_state *s, uint64_t args_va, uint64_t h_va)
{
	const struct crypto_obj *attrs = NULL;
	struct ta_pstore_create c;
	uint8_t id[STORAGE_ID_MAX];
	struct crypto_obj *o = NULL;
	uint32_t ret;

	if (ta_copy_from(&c, args_va, sizeof(c)))
		ta_kill_current("TEE_CreatePersistentObject: arguments unreadable");
	id_in(c.id, c.id_len, id, "TEE_CreatePersistentObject");
	if (c.attrs) {
		attrs = obj_of(s, c.attrs, "TEE_CreatePersistentObject", 0);
		if (!attrs->bits && !attrs->pers)
			ta_kill_current(
			    "TEE_CreatePersistentObject: attributes object uninitialized");
	}
	if (!storage_ok(c.storage))
		return TEEC_ERROR_ITEM_NOT_FOUND;
	if (h_va && s->objs.used == HANDLE_TABLE_SLOTS)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = pstore_create(current()->uuid, id, c.id_len, c.flags, attrs, c.data, c.data_len,
			    h_va ? &o : NULL);
	if (ret || !h_va)
		return ret;
	return give_handle(s, o, h_va);
}

static uint64_t sys_close_delete(struct crypto_state *s, uint64_t h)
{
	struct crypto_obj *o = obj_of(s, h, "TEE_CloseAndDeletePersistentObject1", 1);
	uint32_t ret = pstore_delete(o);

	/* GP 5.7.4: the handle is closed whatever the outcome. */
	handle_release(&s->objs, (uint32_t)h);
	crypto_obj_free(o);
	return ret;
}

static uint64_t sys_rename(struct crypto_state *s, const uint64_t *x)
{
	struct crypto_obj *o = obj_of(s, x[0], "TEE_RenamePersistentObject", 1);
	uint8_t id[STORAGE_ID_MAX];

	id_in(x[1], x[2], id, "TEE_RenamePersistentObject");
	return pstore_rename(o, id, x[2]);
}

static uint64_t sys_read(struct crypto_state *s, const uint64_t *x)
{
	struct crypto_obj *o = obj_of(s, x[0], "TEE_ReadObjectData", 1);
	uint64_t count = 0;
	uint32_t ret = pstore_read(o, x[1], x[2], &count);

	if (ret == TEEC_ERROR_ACCESS_DENIED)
		ta_kill_current("TEE_ReadObjectData: buffer not writable");
	if (!ret && ta_copy_to(x[3], &count, sizeof(count)))
		ta_kill_current("TEE_ReadObjectData: count not writable");
	return ret;
}

static uint64_t sys_write(struct crypto_state *s, const uint64_t *x)
{
	uint32_t ret = pstore_write(obj_of(s, x[0], "TEE_WriteObjectData", 1), x[1], x[2]);

	if (ret == TEEC_ERROR_ACCESS_DENIED)
		ta_kill_current("TEE_WriteObjectData: buffer not readable");
	return ret;
}

static uint64_t sys_info(struct crypto_state *s, const uint64_t *x)
{
	struct crypto_obj *o = obj_of(s, x[0], "TEE_GetObjectInfo1", 0);
	struct ta_pstore_info info;

	if (!o->pers)
		return TEEC_ERROR_BAD_STATE;
	pstore_info(o, &info);
	return ta_copy_to(x[1], &info, sizeof(info)) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

static uint64_t enum_call(struct crypto_state *s, uint64_t nr, const uint64_t *x)
{
	struct ta_pstore_info info;
	uint8_t id[STORAGE_ID_MAX];
	uint32_t h, ret;
	size_t id_len;
	uint64_t len64;

	if (nr == TA_SYS_PENUM_ALLOC) {
		ret = pstore_enum_alloc(&s->storage, &h);
		if (!ret && ta_copy_to(x[0], &h, sizeof(h))) {
			pstore_enum_free(s->storage, h);
			ret = TEEC_ERROR_ACCESS_DENIED;
		}
		return ret;
	}
	h = x[0] >> 32 ? 0 : (uint32_t)x[0];
	switch (nr) {
	case TA_SYS_PENUM_FREE:
		ret = pstore_enum_free(s->storage, h);
		break;
	case TA_SYS_PENUM_RESET:
		ret = pstore_enum_reset(s->storage, h);
		break;
	case TA_SYS_PENUM_START:
		ret = storage_ok(x[1]) ? pstore_enum_start(s->storage, h, current()->uuid)
				       : TEEC_ERROR_ITEM_NOT_FOUND;
		if (!storage_ok(x[1]) && pstore_enum_reset(s->storage, h))
			ret = TEEC_ERROR_BAD_PARAMETERS;
		break;
	default: /* TA_SYS_PENUM_NEXT */
		ret = pstore_enum_next(s->storage, h, x[1] ? &info : NULL, id, &id_len);
		if (ret)
			break;
		len64 = id_len;
		if ((x[1] && ta_copy_to(x[1], &info, sizeof(info))) ||
		    ta_copy_to(x[2], id, id_len) || ta_copy_to(x[3], &len64, sizeof(len64)))
			ta_kill_current("TEE_GetNextPersistentObject: output not writable");
		break;
	}
	if (ret == TEEC_ERROR_BAD_PARAMETERS)
		ta_kill_current(
		    "persistent object enumerator: not an enumerator handle of this TA");
	return ret;
}

/* TEE_GetTAPersistentTime (GP 7.2.4): the time goes out on SUCCESS and OVERFLOW alike. */
static uint64_t sys_ptime_get(uint64_t va)
{
	struct ta_time t;
	uint32_t ret = storage_time_get(current()->uuid, &t);

	if (ta_copy_to(va, &t, sizeof(t)))
		ta_kill_current("TEE_GetTAPersistentTime: time not writable");
	return ret;
}

/* TEE_SetTAPersistentTime (GP 7.2.5): a time GP's TEE_Time cannot hold panics. */
static uint64_t sys_ptime_set(uint64_t va)
{
	struct ta_time t;

	if (ta_copy_from(&t, va, sizeof(t)))
		ta_kill_current("TEE_SetTAPersistentTime: time unreadable");
	if (ptime_valid(&t))
		ta_kill_current("TEE_SetTAPersistentTime: 1000 milliseconds or more");
	return storage_time_set(current()->uuid, &t);
}

/*
 * What reaches the TA: the codes GP gives the storage functions. A failure of the normal world's
 * side (tee-supplicant gone, an I/O error there, a malformed answer) is
 * TEE_ERROR_STORAGE_NOT_AVAILABLE (GP 5.7: "the persistent object is stored in a storage area
 * which is currently inaccessible").
 */
static uint64_t gp_result(uint64_t ret)
{
	switch (ret) {
	case TEEC_ERROR_COMMUNICATION:
	case TEEC_ERROR_GENERIC:
	case TEEC_ERROR_BAD_FORMAT:
		return TEE_ERROR_STORAGE_NOT_AVAILABLE;
	default:
		return ret;
	}
}

static uint64_t storage_call(struct crypto_state *s, uint64_t nr, const uint64_t *x)
{
	switch (nr) {
	case TA_SYS_PSTORE_OPEN:
		return sys_open(s, x);
	case TA_SYS_PSTORE_CREATE:
		return sys_create(s, x[0], x[1]);
	case TA_SYS_PSTORE_CLOSE_DELETE:
		return sys_close_delete(s, x[0]);
	case TA_SYS_PSTORE_RENAME:
		return sys_rename(s, x);
	case TA_SYS_PSTORE_READ:
		return sys_read(s, x);
	case TA_SYS_PSTORE_WRITE:
		return sys_write(s, x);
	case TA_SYS_PSTORE_TRUNCATE:
		return pstore_truncate(obj_of(s, x[0], "TEE_TruncateObjectData", 1), x[1]);
	case TA_SYS_PSTORE_SEEK:
		return pstore_seek(obj_of(s, x[0], "TEE_SeekObjectData", 1), (int64_t)x[1],
				   (uint32_t)x[2]);
	case TA_SYS_PSTORE_INFO:
		return sys_info(s, x);
	default:
		return enum_call(s, nr, x);
	}
}

uint64_t ta_syscall_storage(uint64_t nr, const uint64_t *x)
{
	struct crypto_state *s;

	if (nr == TA_SYS_PTIME_GET)
		return gp_result(sys_ptime_get(x[0]));
	if (nr == TA_SYS_PTIME_SET)
		return gp_result(sys_ptime_set(x[0]));
	s = crypto_state_of(current());
	if (!s)
		return TEEC_ERROR_OUT_OF_MEMORY;
	return gp_result(storage_call(s, nr, x));
}
