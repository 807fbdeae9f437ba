/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef BOOT_RNG_SEED_H
#define BOOT_RNG_SEED_H

#include <stddef.h>
#include <stdint.h>

/*
 * Take the secure world's RNG seed (/secure-chosen/rng-seed, QEMU docs/specs/fw_cfg and
 * hw/arm/virt.c: 32 random bytes per boot) out of the device tree fdt: copy up to max bytes into
 * out and overwrite the property with zeros, since QEMU's tree lies in normal-world RAM. Returns
 * the number of bytes taken, 0 when the tree has no seed.
 */
size_t dt_take_rng_seed(void *fdt, uint8_t *out, size_t max);

#endif
