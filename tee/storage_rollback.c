// SPDX-License-Identifier: BSD-2-Clause
/*
 * Rollback detection (see storage_rollback.h). The table holds one line per TA that used its
 * store since boot; a TA that finds the table full is still served, with a line on the secure
 * console, as without the check.
 *
 * With a board counter, a commit first renames the new index into place and then advances the
 * counter, so after a power cut between the two the index is one version ahead of the
 * counter: that is accepted (and the counter caught up); an index behind the counter is not.
 */
#include "storage_rollback.h"

#include <arch/spinlock.h>
#include <log.h>
#include <string.h>

#include "guest.h"
#include "ta.h"
#include "thread.h"

#define SEEN_MAX 64

static struct {
	uint8_t uuid[16];
	uint64_t version;
	int used;
} seen[SEEN_MAX];
static struct spinlock lock;

static int slot(const uint8_t uuid[16], int make)
{
	for (int i = 0; i < SEEN_MAX; i++)
		if (seen[i].used && !memcmp(seen[i].uuid, uuid, 16))
			return i;
	if (!make)
		return -1;
	for (int i = 0; i < SEEN_MAX; i++) {
		if (!seen[i].used) {
			seen[i].used = 1;
			memcpy(seen[i].uuid, uuid, 16);
			seen[i].version = 0;
			return i;
		}
	}
	log_info("trusted storage: rollback table full; this TA's store is not tracked");
	return -1;
}

int storage_rollback_check(const uint8_t ta_uuid[16], uint64_t version)
{
	uint64_t counter, known = 0;
	uint8_t uuid[16];
	char name[37];
	int i;

	/* Each VM's store has versions of its own (guest.h); without a hypervisor, the TA's. */
	guest_store_uuid(thread_client(), ta_uuid, uuid);

	spin_lock(&lock);
	i = slot(uuid, 0);
	if (i >= 0)
		known = seen[i].version;
	spin_unlock(&lock);
	if (!plat_storage_counter_read(uuid, &counter) && counter > known)
		known = counter;
	if (version >= known)
		return 0;
	ta_uuid_str(ta_uuid, name);
	log_error("trusted storage: TA %s: index version %lu is older than %lu: rolled back", name,
		  version, known);
	return -1;
}

void storage_rollback_seen(const uint8_t ta_uuid[16], uint64_t version)
{
	uint64_t counter;
	uint8_t uuid[16];
	int i;

	guest_store_uuid(thread_client(), ta_uuid, uuid);

	spin_lock(&lock);
	i = slot(uuid, 1);
	if (i >= 0 && version > seen[i].version)
		seen[i].version = version;
	spin_unlock(&lock);
	if (!plat_storage_counter_read(uuid, &counter) && version > counter &&
	    plat_storage_counter_advance(uuid, version))
		log_error("trusted storage: the board's rollback counter did not advance");
}
