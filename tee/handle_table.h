/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Per-instance handle tables: what a TA names a kernel object by. A handle is never a kernel
 * pointer: bits 0-7 are the slot index + 1, bits 8-11 the table's kind (objects, operations),
 * bits 12-31 a generation bumped every time the slot is reused, so a stale or forged handle
 * (freed, another kind, another slot's) is refused rather than reaching another object.
 * Handle 0 is never given out (GP TEE_HANDLE_NULL).
 */
#ifndef TEE_HANDLE_TABLE_H
#define TEE_HANDLE_TABLE_H

#include <stdint.h>

/* At most this many live entries per table: a TA cannot exhaust the kernel heap through them. */
#define HANDLE_TABLE_SLOTS 32

struct handle_table {
	uint32_t kind; /* 1..15 */
	uint32_t used;
	uint32_t gen[HANDLE_TABLE_SLOTS];
	void *slot[HANDLE_TABLE_SLOTS];
};

void handle_table_init(struct handle_table *t, uint32_t kind);
/* Store p; 0 when the table is full, else the new handle. */
uint32_t handle_alloc(struct handle_table *t, void *p);
/* What h names, or NULL when h is not a live handle of this table. */
void *handle_get(const struct handle_table *t, uint32_t h);
/* Take h out of the table; returns what it named, or NULL (nothing changes) if it was not live. */
void *handle_release(struct handle_table *t, uint32_t h);
/* The live entry at slot index i (for freeing everything), or NULL. */
void *handle_slot(const struct handle_table *t, uint32_t i);

#endif
