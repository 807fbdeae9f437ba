// SPDX-License-Identifier: BSD-2-Clause
/*
 * Rollback counters for trusted storage (tee/storage_rollback.h): QEMU's virt machine has
 * none. Its only secure non-volatile storage is flash 0, which holds firmware.bin and which
 * QEMU loads afresh from that file (-bios) at every start, so nothing written there survives a
 * restart; it has no RPMB and no secure element. So the store is protected against rollback
 * only while the system runs (the trusted OS's own table), not across reboots: see
 * docs/storage.md. A board with an RPMB partition, a secure element or OTP bits implements
 * these two functions on it.
 */
#include <stdint.h>

#include "../../tee/storage_rollback.h"

int plat_storage_counter_read(const uint8_t uuid[16], uint64_t *version)
{
	(void)uuid;
	(void)version;
	return -1;
}

int plat_storage_counter_advance(const uint8_t uuid[16], uint64_t version)
{
	(void)uuid;
	(void)version;
	return -1;
}
