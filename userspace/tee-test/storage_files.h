/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The attacker's tools for the storage cases (cases_storage.c): tee-test, root in the normal
 * world, reads and changes the files tee-supplicant keeps for the trusted OS.
 */
#ifndef TEE_TEST_STORAGE_FILES_H
#define TEE_TEST_STORAGE_FILES_H

#include <stdbool.h>
#include <stddef.h>

#define STORE_DIR "/data/tee" /* tee-supplicant --fs-parent-path (rootfs/init) */

/* STORE_DIR/<uuid>/<leaf> into out. */
void path_of(char *out, size_t size, const char *uuid, const char *leaf);
/* The whole file into *data (malloc'ed, the caller frees it; NULL if unread) and *len. */
bool read_file(const char *path, void **data, size_t *len);
bool write_file(const char *path, const void *data, size_t len);
/* Flip one bit of the byte at off. */
bool flip_bit(const char *path, size_t off);

#endif
