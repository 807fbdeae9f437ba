// SPDX-License-Identifier: BSD-2-Clause
/* The firmware's own memory (see fw_regions.h). */
#include "fw_regions.h"

#include <plat/platform.h>

static const struct mem_range regions[] = {
    {PLAT_MONITOR_BASE, PLAT_MONITOR_SIZE, "the EL3 monitor"},
    {PLAT_TEE_BASE, PLAT_TEE_SIZE, "the trusted OS"},
    {PLAT_BOOT_SCRATCH_BASE, PLAT_BOOT_SCRATCH_SIZE, "the boot stage's stack and page tables"},
    {PLAT_PEN_BASE, PLAT_SECURE_RAM_BASE + PLAT_SECURE_RAM_SIZE - PLAT_PEN_BASE,
     "the secondary CPUs' holding pen"},
    {PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE, "secure RAM"},
    {PLAT_FLASH_BASE, PLAT_FLASH_SIZE, "the firmware flash"},
};

const struct mem_range *boot_firmware_regions(size_t *count)
{
	*count = sizeof(regions) / sizeof(regions[0]);
	return regions;
}
