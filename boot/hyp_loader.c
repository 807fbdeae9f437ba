// SPDX-License-Identifier: BSD-2-Clause
/*
 * virt variant: the normal-world payload is the Rampart hypervisor. Place its image in its
 * reserved DRAM and hand it QEMU's device tree; the hypervisor reads kernels, initramfs and its
 * VM configuration from fw_cfg itself, for each VM it starts.
 */
#include <arch/cache.h>
#include <libfdt.h>
#include <log.h>
#include <plat/platform.h>
#include <rampart/fdt_untrusted.h>
#include <rampart/fw_image.h>
#include <string.h>

#include "boot.h"
#include "dt_fixup.h"

void hyp_load(struct boot_handoff *handoff)
{
	const struct fw_package_header *pkg = (const void *)(PLAT_FLASH_BASE + FW_PACKAGE_OFFSET);
	const struct fw_image_entry *img = fw_package_find(pkg, FW_IMAGE_HYPERVISOR);
	void *qemu_dt = (void *)PLAT_DRAM_BASE;
	uint64_t ram_base, ram_size;
	int err;

	if (!img)
		boot_fatal("firmware package has no hypervisor image (VARIANT=virt)");
	/* A -dtb makes the tree the user's: libfdt must not loop on it or write past it. */
	err = fdt_check_untrusted(qemu_dt, PLAT_DRAM_MAP_SIZE);
	if (err)
		boot_fatal("no valid device tree at %#lx: %s", PLAT_DRAM_BASE, fdt_strerror(err));
	err = dt_find_memory(qemu_dt, PLAT_DRAM_BASE, &ram_base, &ram_size);
	if (err)
		boot_fatal("device tree has no memory node for RAM at %#lx: %s", PLAT_DRAM_BASE,
			   fdt_strerror(err));
	if (ram_size > PLAT_DRAM_MAP_SIZE)
		ram_size = PLAT_DRAM_MAP_SIZE;
	if (ram_base + ram_size < PLAT_HYP_BASE + PLAT_HYP_SIZE + 0x4000000)
		boot_fatal("%lu MiB of RAM is too little for the hypervisor and a VM",
			   ram_size >> 20);
	/* fw_package_check_windows already held the image to [PLAT_HYP_BASE, +PLAT_HYP_SIZE). */
	memcpy((void *)(uintptr_t)img->load_addr, (const uint8_t *)pkg + img->offset, img->size);
	dcache_clean_range(img->load_addr, img->size);
	log_info("hypervisor placed at %#lx (%u bytes)", img->load_addr, img->size);

	handoff->magic = BOOT_HANDOFF_MAGIC;
	handoff->ns_entry = img->entry;
	handoff->ns_arg0 = PLAT_DRAM_BASE;
	handoff->dram_base = ram_base;
	handoff->dram_size = ram_size;
}
