/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted-storage test TAs (ta/rampart_storage and ta/rampart_storage_b: the same code under
 * two UUIDs, so that tee-test can check one TA never reaches the other's objects) and the
 * commands tee-test's storage cases drive them with. Shared by the TAs and tee-test.
 */
#ifndef RAMPART_STORAGE_TA_H
#define RAMPART_STORAGE_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-73746f726100 ("stora") */
#define TA_RAMPART_STORAGE_UUID                                                                    \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x73, 0x74, 0x6f, 0x72, 0x61, 0x00                             \
		}                                                                                  \
	}
#define TA_RAMPART_STORAGE_UUID_STR "5ee1c0de-7a11-4e57-9a6e-73746f726100"
/* 5ee1c0de-7a11-4e57-9a6e-73746f726200 ("storb") */
#define TA_RAMPART_STORAGE_B_UUID                                                                  \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x73, 0x74, 0x6f, 0x72, 0x62, 0x00                             \
		}                                                                                  \
	}
#define TA_RAMPART_STORAGE_B_UUID_STR "5ee1c0de-7a11-4e57-9a6e-73746f726200"

/*
 * Commands. Object IDs travel as memrefs (p0); the TA copies them into its own memory before it
 * names an object with them (GP v1.3.1 5.7: an object ID "cannot reside in shared memory").
 * Results are the GP return codes of the calls, so tee-test sees TEE_ERROR_CORRUPT_OBJECT,
 * ITEM_NOT_FOUND... as the TA got them.
 */
/* p0 ID, p1 MEMREF_IN initial data (may be NULL), p2 VALUE_IN a = TEE_DATA_FLAG_* */
#define STORAGE_CMD_CREATE 0
/* p0 ID, p1 MEMREF_OUT: the object's whole data (SHORT_BUFFER with the size when too small) */
#define STORAGE_CMD_READ 1
/* p0 ID, p1 MEMREF_IN data, p2 VALUE_IN a = position: written there (open, seek, write) */
#define STORAGE_CMD_WRITE_AT 2
/* p0 ID, p2 VALUE_IN a = new data size */
#define STORAGE_CMD_TRUNCATE 3
/* p0 ID, p1 MEMREF_IN the new ID */
#define STORAGE_CMD_RENAME 4
/* p0 ID */
#define STORAGE_CMD_DELETE 5
/* p1 MEMREF_OUT the IDs, each followed by '\n'; p2 VALUE_OUT a = how many */
#define STORAGE_CMD_LIST 6
/* p0 VALUE_OUT a = checks: the GP semantics inside the TA (flags, sharing, streams, keys) */
#define STORAGE_CMD_SELFTEST 7
/* p0 VALUE_IN a = STORAGE_PANIC_*: a call GP says panics; must kill the instance */
#define STORAGE_CMD_PANIC 8
/* p0 ID: open the AES key object created by KEY_MAKE, p1 MEMREF_OUT 16 bytes: AES-ECB of 16 zero
 * bytes under it */
#define STORAGE_CMD_KEY_USE 9
/* p0 ID: a persistent AES-128 key object from a generated transient key, p1 MEMREF_OUT 16 bytes:
 * AES-ECB of 16 zero bytes under the transient key */
#define STORAGE_CMD_KEY_MAKE 10
/* p0 ID, p2 VALUE_IN a = how many times, b = the first version: rewrite the object that often
 * (create-overwrite, write, write and truncate, truncate, by version), for power cuts */
#define STORAGE_CMD_REWRITE 11
/* The kind of change version v is made with (storage_ta.c rewrite()); 3 keeps the version before.
 */
#define STORAGE_REWRITE_KIND(v) (((v) + (v) / 8) % 4)
/* p0 ID, p1 MEMREF_IN data written at 0, p2 VALUE_INOUT b = the write's result, p3 MEMREF_OUT
 * the whole data read back through the same handle afterwards (whether the write went or not) */
#define STORAGE_CMD_WRITE_READ 12

/*
 * p0 the ID in the client's memory, p2 VALUE_IN a = STORAGE_SHM_*: the TA names an object with
 * p0's buffer itself, as a careless TA would; the trusted OS must kill it (GP v1.3.1 5.7).
 */
#define STORAGE_CMD_ID_IN_SHM 13
#define STORAGE_SHM_OPEN      0 /* TEE_OpenPersistentObject */
#define STORAGE_SHM_CREATE    1 /* TEE_CreatePersistentObject */
#define STORAGE_SHM_RENAME    2 /* TEE_RenamePersistentObject of "shm-src" (made first) */
#define STORAGE_SHM_CALLS     3
/*
 * p0 VALUE_OUT a = seconds, b = millis; p1 VALUE_OUT a = TEE_GetTAPersistentTime's result,
 * b = TEE_GetSystemTime right after, in milliseconds
 */
#define STORAGE_CMD_TIME_GET 14
/* p0 VALUE_IN a = seconds, b = millis: TEE_SetTAPersistentTime's result */
#define STORAGE_CMD_TIME_SET 15

#define STORAGE_PANIC_ID_TOO_LONG     0 /* TEE_OpenPersistentObject with a 65-byte ID */
#define STORAGE_PANIC_READ_NO_ACCESS  1 /* TEE_ReadObjectData without ACCESS_READ */
#define STORAGE_PANIC_WRITE_NO_ACCESS 2 /* TEE_WriteObjectData without ACCESS_WRITE */
#define STORAGE_PANIC_RENAME_NO_META  3 /* TEE_RenamePersistentObject without WRITE_META */
#define STORAGE_PANIC_BAD_HANDLE      4 /* TEE_ReadObjectData on a forged handle */
#define STORAGE_PANIC_TIME_MILLIS     5 /* TEE_SetTAPersistentTime with 1000 milliseconds */
#define STORAGE_PANICS		      6

#endif
