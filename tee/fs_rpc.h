/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Files in tee-supplicant's secure-storage directory, through OP-TEE's file-system RPC
 * (OPTEE_RPC_CMD_FS = 2; optee-virt-storage-suites.md). Debian's tee-supplicant 3.19 keeps them
 * under /var/lib/optee-client/data/tee/, opens every file O_SYNC (so a WRITE is on the disk
 * when it returns), and renames with rename(2), which replaces its target atomically. It
 * stores what it is given: everything here is sealed before it leaves (storage_file.c).
 *
 * Names are relative to that directory ("<ta uuid>/index"), at most FS_NAME_MAX bytes. Data
 * goes through one buffer tee-supplicant allocated (SHM_ALLOC), FS_CHUNK bytes at a time.
 * The caller holds the storage lock (storage_lock()), which guards that buffer.
 */
#ifndef TEE_FS_RPC_H
#define TEE_FS_RPC_H

#include <stddef.h>
#include <stdint.h>

#define FS_NAME_MAX 128
#define FS_CHUNK    (60 * 1024) /* a multiple of 16, so GCM streams over whole chunks */

/* Results are TEEC_* codes, tee-supplicant's own or this side's. */
uint32_t fs_open(const char *name, uint32_t *fd);
/* Create (or empty, O_TRUNC) the file, making its directory if it has none. */
uint32_t fs_create(const char *name, uint32_t *fd);
uint32_t fs_close(uint32_t fd);
/* At most FS_CHUNK bytes at off; *got: how many there were (fewer at the end of the file). */
uint32_t fs_read(uint32_t fd, uint64_t off, void *dst, size_t len, size_t *got);
/* At most FS_CHUNK bytes at off. */
uint32_t fs_write(uint32_t fd, uint64_t off, const void *src, size_t len);
uint32_t fs_remove(const char *name);
/* overwrite 0: TEEC_ERROR_ACCESS_CONFLICT (tee-supplicant's answer) when to already exists. */
uint32_t fs_rename(const char *from, const char *to, int overwrite);

/*
 * Requests sent to tee-supplicant since boot, one counter per sub-command (FS_OPEN 0 ..
 * FS_RENAME 7), for the statistics pseudo-TA: what one GP call costs in round trips to the
 * normal world, which tests check (docs/storage.md, "Atomic updates").
 */
#define FS_REQUEST_KINDS 8
void fs_requests(uint32_t out[FS_REQUEST_KINDS]);

/* The storage lock: one thread at a time works on the store; others wait in Linux. */
void storage_lock(void);
void storage_unlock(void);

#endif
