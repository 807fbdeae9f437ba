// SPDX-License-Identifier: BSD-2-Clause
/*
 * The device key of the QEMU board (tee/storage_key.h, plat_device_key). QEMU's virt machine
 * has no OTP or fuses, so the build makes one: 32 bytes from the build host's /dev/urandom,
 * checked not all zero (mk/device-key.sh), written once to build/<variant>/keys/device_key.c
 * and kept there, so objects stay readable across rebuilds (make clean makes a new key and
 * every stored object unreadable). It is linked into the trusted OS image, which the normal
 * world never sees: it lives in flash 0, which QEMU maps in the secure address space only, and
 * in secure RAM once the boot stage has copied it (docs/memory-map.md).
 *
 * A real board replaces this file with one that reads its OTP or fuse key (a key the normal
 * world and the boot ROM's debug paths cannot read), or derives one from its hardware unique
 * key, and never returns a constant.
 */
#include <stdint.h>
#include <string.h>

#include "../../tee/storage_key.h"

extern const uint8_t build_device_key[DEVICE_KEY_LEN];

int plat_device_key(uint8_t key[DEVICE_KEY_LEN])
{
	memcpy(key, build_device_key, DEVICE_KEY_LEN);
	return 0;
}
