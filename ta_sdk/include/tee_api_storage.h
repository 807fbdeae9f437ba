/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP trusted storage for TAs (TEE Internal Core API v1.3.1 sections 5.7 to 5.9): persistent
 * objects, their enumerators and data streams, with the constants the specification gives
 * them. Included by tee_internal_api.h. How the objects are kept: docs/storage.md.
 */
#ifndef TEE_API_STORAGE_H
#define TEE_API_STORAGE_H

#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

/* Storage identifiers (GP 5.7 Table 5-11); TEE_STORAGE_PRIVATE_REE is OP-TEE's name for it. */
#define TEE_STORAGE_PRIVATE	0x00000001
#define TEE_STORAGE_PERSO	0x00000002
#define TEE_STORAGE_PROTECTED	0x00000003
#define TEE_STORAGE_PRIVATE_REE 0x80000000

/* Data flags (GP 5.7 Table 5-12). */
#define TEE_DATA_FLAG_ACCESS_READ	0x00000001
#define TEE_DATA_FLAG_ACCESS_WRITE	0x00000002
#define TEE_DATA_FLAG_ACCESS_WRITE_META 0x00000004
#define TEE_DATA_FLAG_SHARE_READ	0x00000010
#define TEE_DATA_FLAG_SHARE_WRITE	0x00000020
#define TEE_DATA_FLAG_OVERWRITE		0x00000400
#define TEE_DATA_FLAG_EXCLUSIVE		TEE_DATA_FLAG_OVERWRITE /* GP v1.0's name */

#define TEE_DATA_MAX_POSITION 0xFFFFFFFF
#define TEE_OBJECT_ID_MAX_LEN 64

/* A pure data object (GP 5.7.2: created with no attributes object). */
#define TEE_TYPE_DATA 0xA00000BF

typedef enum {
	TEE_DATA_SEEK_SET = 0,
	TEE_DATA_SEEK_CUR = 1,
	TEE_DATA_SEEK_END = 2,
} TEE_Whence;

/* GP 5.5.5: closes a transient or a persistent object. */
void TEE_CloseObject(TEE_ObjectHandle object);

TEE_Result TEE_OpenPersistentObject(uint32_t storageID, const void *objectID, size_t objectIDLen,
				    uint32_t flags, TEE_ObjectHandle *object);
TEE_Result TEE_CreatePersistentObject(uint32_t storageID, const void *objectID, size_t objectIDLen,
				      uint32_t flags, TEE_ObjectHandle attributes,
				      const void *initialData, size_t initialDataLen,
				      TEE_ObjectHandle *object);
TEE_Result TEE_CloseAndDeletePersistentObject1(TEE_ObjectHandle object);
void TEE_CloseAndDeletePersistentObject(TEE_ObjectHandle object);
TEE_Result TEE_RenamePersistentObject(TEE_ObjectHandle object, const void *newObjectID,
				      size_t newObjectIDLen);

TEE_Result TEE_AllocatePersistentObjectEnumerator(TEE_ObjectEnumHandle *objectEnumerator);
void TEE_FreePersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator);
void TEE_ResetPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator);
TEE_Result TEE_StartPersistentObjectEnumerator(TEE_ObjectEnumHandle objectEnumerator,
					       uint32_t storageID);
TEE_Result TEE_GetNextPersistentObject(TEE_ObjectEnumHandle objectEnumerator,
				       TEE_ObjectInfo *objectInfo, void *objectID,
				       size_t *objectIDLen);

TEE_Result TEE_ReadObjectData(TEE_ObjectHandle object, void *buffer, size_t size, size_t *count);
TEE_Result TEE_WriteObjectData(TEE_ObjectHandle object, const void *buffer, size_t size);
TEE_Result TEE_TruncateObjectData(TEE_ObjectHandle object, size_t size);
TEE_Result TEE_SeekObjectData(TEE_ObjectHandle object, intmax_t offset, TEE_Whence whence);

#endif
