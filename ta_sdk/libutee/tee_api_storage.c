// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP trusted storage (TEE Internal Core API v1.3.1 5.7 to 5.9) on the TA_SYS_PSTORE_* and
 * TA_SYS_PENUM_* system calls. The trusted OS keeps the objects and checks every handle and
 * argument; what GP makes a panic it panics there too. Here only what the TA's own memory
 * says: a NULL output pointer GP requires is a panic at once.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "utee_syscalls.h"

#define H(o) ((uint64_t)(uintptr_t)(o))

static uint64_t sys(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4)
{
	return utee_crypto6(nr, a0, a1, a2, a3, a4, 0);
}

void TEE_CloseObject(TEE_ObjectHandle object)
{
	if (object != TEE_HANDLE_NULL)
		sys(TA_SYS_OBJ_FREE, H(object), 0, 0, 0, 0);
}

/* What the trusted OS tells of a persistent object, as GP's TEE_ObjectInfo (GP 5.5.1). */
static void info_to_gp(const struct ta_pstore_info *info, TEE_ObjectInfo *objectInfo)
{
	objectInfo->objectType = info->type;
	objectInfo->objectSize = info->size_bits;
	objectInfo->maxObjectSize = info->max_bits;
	objectInfo->objectUsage = info->usage;
	objectInfo->dataSize = info->data_size;
	objectInfo->dataPosition = info->data_pos;
	objectInfo->handleFlags = info->handle_flags;
}

TEE_Result TEE_OpenPersistentObject(uint32_t storageID, const void *objectID, size_t objectIDLen,
				    uint32_t flags, TEE_ObjectHandle *object)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!object)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = sys(TA_SYS_PSTORE_OPEN, storageID, H(objectID), objectIDLen, flags, H(&h));
	*object = res == TEE_SUCCESS ? (TEE_ObjectHandle)(uintptr_t)h : TEE_HANDLE_NULL;
	return res;
}

TEE_Result TEE_CreatePersistentObject(uint32_t storageID, const void *objectID, size_t objectIDLen,
				      uint32_t flags, TEE_ObjectHandle attributes,
				      const void *initialData, size_t initialDataLen,
				      TEE_ObjectHandle *object)
{
	struct ta_pstore_create c = {
	    .id = H(objectID),
	    .id_len = objectIDLen,
	    .storage = storageID,
	    .flags = flags,
	    .attrs = (uint32_t)H(attributes),
	    .data = H(initialData),
	    .data_len = initialDataLen,
	};
	uint32_t h = 0;
	TEE_Result res;

	if (H(attributes) >> 32)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = sys(TA_SYS_PSTORE_CREATE, H(&c), object ? H(&h) : 0, 0, 0, 0);
	if (object)
		*object = res == TEE_SUCCESS ? (TEE_ObjectHandle)(uintptr_t)h : TEE_HANDLE_NULL;
	return res;
}

TEE_Result TEE_CloseAndDeletePersistentObject1(TEE_ObjectHandle object)
{
	if (object == TEE_HANDLE_NULL)
		return TEE_SUCCESS;
	return sys(TA_SYS_PSTORE_CLOSE_DELETE, H(object), 0, 0, 0, 0);
}

/* GP v1.0's form: the same, its result ignored. */
void TEE_CloseAndDeletePersistentObject(TEE_ObjectHandle object)
{
	(void)TEE_CloseAndDeletePersistentObject1(object);
}

TEE_Result TEE_RenamePersistentObject(TEE_ObjectHandle object, const void *newObjectID,
				      size_t newObjectIDLen)
{
	return sys(TA_SYS_PSTORE_RENAME, H(object), H(newObjectID), newObjectIDLen, 0, 0);
}

TEE_Result TEE_AllocatePersistentObjectEnumerator(TEE_ObjectEnumHandle *objectEnumerator)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!objectEnumerator)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = sys(TA_SYS_PENUM_ALLOC, H(&h), 0, 0, 0, 0);
	*objectEnumerator = res == TEE_SUCCESS ? (TEE_ObjectEnumHandle)(uintptr_t)h : NULL;
	return res;
}

void TEE_FreePersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator)
{
	if (objectEnumerator)
		sys(TA_SYS_PENUM_FREE, H(objectEnumerator), 0, 0, 0, 0);
}

void TEE_ResetPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator)
{
	if (objectEnumerator)
		sys(TA_SYS_PENUM_RESET, H(objectEnumerator), 0, 0, 0, 0);
}

TEE_Result TEE_StartPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator,
					       uint32_t storageID)
{
	return sys(TA_SYS_PENUM_START, H(objectEnumerator), storageID, 0, 0, 0);
}

TEE_Result TEE_GetNextPersistentObject(TEE_ObjectEnumHandle objectEnumerator,
				       TEE_ObjectInfo *objectInfo, void *objectID,
				       size_t *objectIDLen)
{
	struct ta_pstore_info info;
	uint64_t len = 0;
	TEE_Result res;

	if (!objectID || !objectIDLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = sys(TA_SYS_PENUM_NEXT, H(objectEnumerator), objectInfo ? H(&info) : 0, H(objectID),
		  H(&len), 0);
	if (res != TEE_SUCCESS)
		return res;
	*objectIDLen = len;
	if (objectInfo)
		info_to_gp(&info, objectInfo);
	return TEE_SUCCESS;
}

TEE_Result TEE_ReadObjectData(TEE_ObjectHandle object, void *buffer, size_t size, size_t *count)
{
	uint64_t n = 0;
	TEE_Result res;

	if (!count)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = sys(TA_SYS_PSTORE_READ, H(object), H(buffer), size, H(&n), 0);
	*count = res == TEE_SUCCESS ? n : 0;
	return res;
}

TEE_Result TEE_WriteObjectData(TEE_ObjectHandle object, const void *buffer, size_t size)
{
	return sys(TA_SYS_PSTORE_WRITE, H(object), H(buffer), size, 0, 0);
}

TEE_Result TEE_TruncateObjectData(TEE_ObjectHandle object, size_t size)
{
	return sys(TA_SYS_PSTORE_TRUNCATE, H(object), size, 0, 0, 0);
}

TEE_Result TEE_SeekObjectData(TEE_ObjectHandle object, intmax_t offset, TEE_Whence whence)
{
	return sys(TA_SYS_PSTORE_SEEK, H(object), (uint64_t)offset, whence, 0, 0);
}

/* TEE_GetObjectInfo1 of a persistent object (tee_api_objects.c asks here first). */
int utee_persistent_info(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo)
{
	struct ta_pstore_info info;

	if (sys(TA_SYS_PSTORE_INFO, H(object), H(&info), 0, 0, 0) != TEE_SUCCESS)
		return 0;
	info_to_gp(&info, objectInfo);
	return 1;
}
