/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The sealed files of a TA's store (docs/storage.md, "Format"), in tee-supplicant's directory
 * under "<ta uuid>/":
 *   index      which objects the TA has: for each its ID and the number of the file holding
 *              it; the store's version; the next file number
 *   o<number>  one version of one object (its attributes and data); a number is never reused
 * Each is a header and an AES-256-GCM ciphertext under the TA's key (storage_key.h), the
 * header and the TA's UUID authenticated with it. An object file's header names its number, so
 * a file under another name (swapped, or an older version of the same object, which had
 * another number) is refused; a file from another TA does not open with this TA's key.
 */
#ifndef TEE_STORAGE_FILE_H
#define TEE_STORAGE_FILE_H

#include <stddef.h>
#include <stdint.h>

#define STORAGE_ID_MAX	    64		  /* TEE_OBJECT_ID_MAX_LEN (GP 5.7) */
#define STORAGE_OBJECTS_MAX 128		  /* per TA: the index stays one small file */
#define STORAGE_BLOB_MAX    (1024 * 1024) /* an object's attributes and data, sealed in one file */

/*
 * An index entry is an object (id_len at most STORAGE_ID_MAX, file_no its file) or, with
 * id_len STORAGE_ENTRY_TIME, the TA's persistent-time record (tee/ptime.h) in the id bytes and
 * no file (file_no 0). No TA names that entry: its IDs are at most STORAGE_ID_MAX bytes.
 */
#define STORAGE_ENTRY_TIME  0xFFFFFFFFU
#define STORAGE_ENTRIES_MAX (STORAGE_OBJECTS_MAX + 1)

struct storage_entry {
	uint8_t id[STORAGE_ID_MAX];
	uint32_t id_len;
	uint32_t pad;
	uint64_t file_no;
};

/* A TA's index, as read or about to be written. */
struct storage_index {
	uint8_t uuid[16];
	uint64_t version;      /* bumped by every commit: what a rollback counter would hold */
	uint64_t next_file_no; /* the number the next object file gets */
	uint32_t count;
	struct storage_entry e[STORAGE_ENTRIES_MAX];
};

/*
 * Read and open the TA's index. No index yet: an empty one, TEEC_SUCCESS. TEE_ERROR_CORRUPT_OBJECT
 * when it does not open (tampered, another TA's, truncated) or is older than one already seen
 * (a rollback: storage_rollback.c). Other errors are tee-supplicant's.
 */
uint32_t storage_index_load(const uint8_t uuid[16], struct storage_index *ix);
/*
 * Write the index with its version bumped: sealed into "index.tmp", then renamed over "index"
 * in one step, so the store is the old one or the new one whatever happens meanwhile.
 */
uint32_t storage_index_commit(struct storage_index *ix);
/* The entry of an ID, or -1. */
int storage_index_find(const struct storage_index *ix, const void *id, size_t len);
/* The persistent-time entry, or -1. */
int storage_index_find_time(const struct storage_index *ix);
/* How many objects the index names (its entries but the persistent-time one). */
uint32_t storage_index_objects(const struct storage_index *ix);

/*
 * An object entry whose file number is STORAGE_NO_FILE names no file: the object is an empty
 * data object with no attributes (its whole content is fixed, storage_obj.c), which the index
 * entry alone says. Numbers of real files start at 1.
 */
#define STORAGE_NO_FILE 0

/* Seal len bytes as object file o<no> of the TA (a new file: it is not in any index yet). */
uint32_t storage_obj_write(const uint8_t uuid[16], uint64_t no, const void *blob, size_t len);
/*
 * Read and open object file o<no>: *blob (kmalloc'ed, the caller frees it) and *len.
 * TEE_ERROR_CORRUPT_OBJECT when it does not open as that file of that TA.
 */
uint32_t storage_obj_read(const uint8_t uuid[16], uint64_t no, uint8_t **blob, size_t *len);
/* Remove object file o<no> (an old version, or a deleted object's); errors are ignored. */
void storage_obj_remove(const uint8_t uuid[16], uint64_t no);

#define TEE_ERROR_CORRUPT_OBJECT   0xF0100001U
#define TEE_ERROR_STORAGE_NO_SPACE 0xFFFF3041U
#define TEE_ERROR_ACCESS_CONFLICT  0xFFFF0003U
#define TEE_ERROR_OVERFLOW	   0xFFFF300FU

#endif
