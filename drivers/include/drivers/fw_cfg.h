/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * QEMU firmware configuration device, MMIO flavour with DMA (QEMU docs/specs/fw_cfg.rst). The
 * DMA engine reads its descriptor from, and writes data to, non-secure physical memory.
 */
#ifndef DRIVERS_FW_CFG_H
#define DRIVERS_FW_CFG_H

#include <stddef.h>
#include <stdint.h>

#define FW_CFG_SIGNATURE 0x00
#define FW_CFG_ID 0x01
#define FW_CFG_KERNEL_SIZE 0x08
#define FW_CFG_INITRD_SIZE 0x0b
#define FW_CFG_KERNEL_DATA 0x11
#define FW_CFG_INITRD_DATA 0x12
#define FW_CFG_CMDLINE_SIZE 0x14
#define FW_CFG_CMDLINE_DATA 0x15

struct fw_cfg {
	uintptr_t base;
	/* A 16-byte, 16-byte aligned descriptor slot in non-secure RAM, reachable by the DMA. */
	uintptr_t dma_desc;
};

/* 0 when the device answers with the "QEMU" signature and offers DMA, -1 otherwise. */
int fw_cfg_probe(const struct fw_cfg *cfg);
/* Read a little-endian 32-bit item (the *_SIZE keys). */
uint32_t fw_cfg_read_u32(const struct fw_cfg *cfg, uint16_t key);
/* Select key and read its first len bytes through the data register (slow; for small items). */
void fw_cfg_read_bytes(const struct fw_cfg *cfg, uint16_t key, void *buf, size_t len);
/*
 * Select key and DMA its first len bytes to dst, a non-secure physical address; with key < 0,
 * continue from where the last read stopped. 0 on success, -1 on a DMA error. The device writes
 * memory directly: dst must be mapped non-cacheable, or the caller invalidates it afterwards.
 */
int fw_cfg_dma_read(const struct fw_cfg *cfg, int key, uintptr_t dst, size_t len);

#endif
