/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Rollback of a TA's whole store to an older copy (docs/storage.md, "Rollback"). Each index
 * carries a version that every commit bumps. The trusted OS remembers, in secure RAM, the
 * highest version it has seen of each TA's index since boot, so an older index put back while
 * the system runs is refused. Across reboots that takes storage the normal world cannot roll
 * back: a board with a monotonic counter or write-once storage (RPMB, a secure element, OTP
 * bits) implements the plat_storage_counter_* hooks; QEMU has none (they answer -1).
 */
#ifndef TEE_STORAGE_ROLLBACK_H
#define TEE_STORAGE_ROLLBACK_H

#include <stdint.h>

/*
 * Board hooks. read: the counter kept for this TA's store, 0 when never advanced; -1 when the
 * board has no such storage. advance: make it version (never lower), durable before it
 * returns; -1 on failure or when there is none.
 */
int plat_storage_counter_read(const uint8_t uuid[16], uint64_t *version);
int plat_storage_counter_advance(const uint8_t uuid[16], uint64_t version);

/*
 * 0 when an index of this version (0: none on disk) may be used, -1 (logged) when it is older
 * than what this boot has seen or than the board's counter: a rollback.
 */
int storage_rollback_check(const uint8_t uuid[16], uint64_t version);
/* A commit (or a load that passed the check) made version the current one. */
void storage_rollback_seen(const uint8_t uuid[16], uint64_t version);

#endif
