/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The board's normal-world RAM, from the board and never from a device tree, and the check of
 * the device tree QEMU left at the start of RAM against it. Both stop the machine with a named
 * error (boot_fatal) on anything wrong.
 */
#ifndef BOOT_BOARD_RAM_H
#define BOOT_BOARD_RAM_H

#include <rampart/mem_range.h>

/*
 * RAM from QEMU's SMBIOS Type 17 records (fw_cfg etc/smbios/smbios-tables), starting at
 * PLAT_DRAM_BASE, into *ram; the part of it the firmware maps (PLAT_DRAM_MAP_SIZE at most), where
 * everything the boot stage writes goes and what the monitor and trusted OS are told, into
 * *mapped.
 */
void board_ram(struct mem_range *ram, struct mem_range *mapped);

/*
 * The device tree at PLAT_DRAM_BASE: a valid blob inside mapped whose memory nodes all lie in
 * ram, clear of secure memory. Memory nodes it marks unavailable (which Linux ignores and the
 * check skips) are dropped, so no reader after sees unchecked memory. Returns its size in bytes.
 */
uint32_t board_check_tree(void *dt, const struct mem_range *ram, const struct mem_range *mapped);

#endif
