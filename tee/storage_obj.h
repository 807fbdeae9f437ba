/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GP persistent objects (TEE Internal Core API v1.3.1 5.7 to 5.9) of TEE_STORAGE_PRIVATE, on
 * the sealed files of storage_file.h. An object open through several handles is held once in
 * the trusted OS (its attributes and data, decrypted and checked when first opened); each
 * handle has its own access flags and data position. Every change (create, write, truncate,
 * rename, delete) is committed before the call returns: a new object file, then the index
 * renamed over the old one, so the object is the old or the new one whenever power goes.
 */
#ifndef TEE_STORAGE_OBJ_H
#define TEE_STORAGE_OBJ_H

#include <rampart/ta_abi.h>
#include <stddef.h>
#include <stdint.h>

#include "storage_file.h"

/* GP 5.7 flags and limits. */
#define TEE_DATA_FLAG_ACCESS_READ	0x00000001U
#define TEE_DATA_FLAG_ACCESS_WRITE	0x00000002U
#define TEE_DATA_FLAG_ACCESS_WRITE_META 0x00000004U
#define TEE_DATA_FLAG_SHARE_READ	0x00000010U
#define TEE_DATA_FLAG_SHARE_WRITE	0x00000020U
#define TEE_DATA_FLAG_OVERWRITE		0x00000400U
#define TEE_DATA_MAX_POSITION		0xFFFFFFFFUL
#define TEE_TYPE_DATA			0xA00000BFU
#define TEE_HANDLE_FLAG_PERSISTENT	0x00010000U
#define TEE_HANDLE_FLAG_INITIALIZED	0x00020000U

/* Open objects' data held in the trusted OS, all together (the kernel heap is shared). */
#define STORAGE_HELD_MAX (1024 * 1024)

struct crypto_obj;
struct pstore_handle;
struct storage_state;

/* TEE_OpenPersistentObject: *out is a new object (crypto_obj.h) bound to a new handle. */
uint32_t pstore_open(const uint8_t uuid[16], const void *id, size_t id_len, uint32_t flags,
		     struct crypto_obj **out);
/*
 * TEE_CreatePersistentObject: attrs (or NULL: a data object) gives the type, attributes and
 * usage; data_va/data_len (TA memory) the initial data. out NULL: closed once made.
 */
uint32_t pstore_create(const uint8_t uuid[16], const void *id, size_t id_len, uint32_t flags,
		       const struct crypto_obj *attrs, uint64_t data_va, size_t data_len,
		       struct crypto_obj **out);
/* Close a handle (from crypto_obj_free). */
void pstore_close(struct pstore_handle *h);
/* TEE_CloseAndDeletePersistentObject1: the object is gone on success; the caller frees o. */
uint32_t pstore_delete(struct crypto_obj *o);
uint32_t pstore_rename(struct crypto_obj *o, const void *id, size_t id_len);
/* Data stream (GP 5.9); buffers are TA addresses. */
uint32_t pstore_read(struct crypto_obj *o, uint64_t va, size_t len, uint64_t *count);
uint32_t pstore_write(struct crypto_obj *o, uint64_t va, size_t len);
uint32_t pstore_truncate(struct crypto_obj *o, uint64_t size);
uint32_t pstore_seek(struct crypto_obj *o, int64_t offset, uint32_t whence);
void pstore_info(const struct crypto_obj *o, struct ta_pstore_info *info);

/*
 * One stored version of an object: *blob (kmalloc'ed, the caller frees it) and *len, read from
 * object file o<no>, or made here for STORAGE_NO_FILE (storage_file.h). Storage lock held.
 */
uint32_t pstore_version_read(const uint8_t uuid[16], uint64_t no, uint8_t **blob, size_t *len);

/* Enumerators (GP 5.8), per instance. */
uint32_t pstore_enum_alloc(struct storage_state **st, uint32_t *handle);
uint32_t pstore_enum_free(struct storage_state *st, uint32_t handle);
uint32_t pstore_enum_reset(struct storage_state *st, uint32_t handle);
uint32_t pstore_enum_start(struct storage_state *st, uint32_t handle, const uint8_t uuid[16]);
/* The next object's ID (id: STORAGE_ID_MAX bytes) and, when info is not NULL, its info. */
uint32_t pstore_enum_next(struct storage_state *st, uint32_t handle, struct ta_pstore_info *info,
			  uint8_t *id, size_t *id_len);
/* Free every enumerator of an instance (it is dying or gone). */
void storage_state_free(struct storage_state *st);

#endif
