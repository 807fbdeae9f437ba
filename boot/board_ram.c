// SPDX-License-Identifier: BSD-2-Clause
/* Board RAM and the device tree's agreement with it (see board_ram.h). */
#include "board_ram.h"

#include <drivers/fw_cfg.h>
#include <drivers/fw_cfg_file.h>
#include <libfdt.h>
#include <log.h>
#include <plat/platform.h>
#include <rampart/fdt_untrusted.h>

#include "boot.h"
#include "dt_memory.h"
#include "fw_regions.h"
#include "smbios_ram.h"

#define SMBIOS_TABLES_FILE "etc/smbios/smbios-tables"
/* QEMU's table is a few hundred bytes; one Type 17 record per 16 GiB DIMM adds to it. */
#define SMBIOS_TABLES_MAX 8192

static uint8_t smbios_tables[SMBIOS_TABLES_MAX];

void board_ram(struct mem_range *ram, struct mem_range *mapped)
{
	struct fw_cfg cfg = {.base = PLAT_FW_CFG_BASE};
	const char *why;
	uint16_t select;
	uint32_t len;
	uint64_t size;

	if (fw_cfg_probe(&cfg))
		boot_fatal("no QEMU fw_cfg device with DMA at %#lx: cannot learn the board's RAM",
			   PLAT_FW_CFG_BASE);
	if (fw_cfg_find_file(&cfg, SMBIOS_TABLES_FILE, &select, &len))
		boot_fatal("the board does not say how much RAM it has: no fw_cfg file %s",
			   SMBIOS_TABLES_FILE);
	if (len > SMBIOS_TABLES_MAX)
		boot_fatal("the board's SMBIOS table is %u bytes; the limit is %u", len,
			   SMBIOS_TABLES_MAX);
	fw_cfg_read_bytes(&cfg, select, smbios_tables, len);
	if (smbios_ram_size(smbios_tables, len, &size, &why))
		boot_fatal("%s", why);
	*ram = (struct mem_range){PLAT_DRAM_BASE, size, "the board's RAM"};
	*mapped = *ram;
	if (size > PLAT_DRAM_MAP_SIZE) {
		log_info("board RAM %lu MiB; the firmware uses the first %lu MiB", size >> 20,
			 PLAT_DRAM_MAP_SIZE >> 20);
		mapped->size = PLAT_DRAM_MAP_SIZE;
		mapped->name = "the RAM the firmware maps";
	}
}

uint32_t board_check_tree(void *dt, const struct mem_range *ram, const struct mem_range *mapped)
{
	const struct mem_range *fw;
	struct mem_range blob;
	size_t n_fw;
	char err[200];
	int r = fdt_check_header(dt);

	if (r)
		boot_fatal("no valid device tree at %#lx: %s", PLAT_DRAM_BASE, fdt_strerror(r));
	/* Its size comes from its own header: it must not reach past RAM before it is read. */
	blob = (struct mem_range){(uintptr_t)dt, fdt_totalsize(dt), "the device tree"};
	fw = boot_firmware_regions(&n_fw);
	if (mem_place_all(&blob, 1, 1, mapped, fw, n_fw, err, sizeof(err)))
		boot_fatal("device tree refused: %s", err);
	/* A -dtb makes the tree the user's: libfdt must not loop on it or write past it. */
	r = fdt_check_untrusted(dt, blob.size);
	if (r)
		boot_fatal("no valid device tree at %#lx: %s", PLAT_DRAM_BASE, fdt_strerror(r));
	if (dt_check_memory(dt, blob.size, ram, fw, n_fw, err, sizeof(err)))
		boot_fatal("device tree refused: %s", err);
	r = dt_drop_unavailable_memory(dt);
	if (r < 0)
		boot_fatal("device tree refused: cannot drop its disabled memory nodes: %s",
			   fdt_strerror(r));
	return (uint32_t)blob.size;
}
