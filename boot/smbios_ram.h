/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How much RAM the board has, from its SMBIOS structure table (DMTF DSP0134 "System Management
 * BIOS Reference Specification" 3.x, 7.18 "Memory Device (Type 17)"): the sum of the sizes of
 * the installed memory devices. QEMU's virt board builds the table from its own -m and offers
 * it as the fw_cfg file etc/smbios/smbios-tables, apart from any device tree the user gives.
 * On Arm its fw_cfg has no FW_CFG_RAM_SIZE item, and its table (QEMU 7.2) no Type 19 mapped
 * address records: where the RAM starts is the board's fixed PLAT_DRAM_BASE.
 * Pure: unit tested and fuzzed on the host.
 */
#ifndef BOOT_SMBIOS_RAM_H
#define BOOT_SMBIOS_RAM_H

#include <stddef.h>
#include <stdint.h>

#define SMBIOS_TYPE_MEMORY_DEVICE 17
#define SMBIOS_TYPE_END		  127

/*
 * Sum the Type 17 sizes in the len bytes of structures at tables into *size: 0, or -1 with
 * *why naming the problem (malformed table, no memory device, a size the table does not know).
 */
int smbios_ram_size(const uint8_t *tables, size_t len, uint64_t *size, const char **why);

#endif
