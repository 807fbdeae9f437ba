// SPDX-License-Identifier: BSD-2-Clause
/*
 * virt variant: the normal-world payload is the Rampart hypervisor. Place its image in its
 * reserved DRAM and hand it QEMU's device tree; the hypervisor reads kernels, initramfs and its
 * VM configuration from fw_cfg itself, for each VM it starts.
 */
#include <arch/cache.h>
#include <log.h>
#include <plat/platform.h>
#include <rampart/fw_image.h>
#include <string.h>

#include "board_ram.h"
#include "boot.h"
#include "fw_regions.h"

/* The hypervisor and one VM of the smallest size the configuration allows (hyp/vm_config.h). */
#define HYP_MIN_VM_RAM 0x2000000UL

/* One range clear of avoid and inside mapped, or a named stop. */
static void place(const struct mem_range *r, const struct mem_range *mapped,
		  const struct mem_range *avoid, size_t n)
{
	char msg[200];

	if (mem_place_all(r, 1, 1, mapped, avoid, n, msg, sizeof(msg)))
		boot_fatal("placement refused: %s", msg);
}

void hyp_load(struct boot_handoff *handoff)
{
	const struct fw_package_header *pkg = (const void *)(PLAT_FLASH_BASE + FW_PACKAGE_OFFSET);
	const struct fw_image_entry *img = fw_package_find(pkg, FW_IMAGE_HYPERVISOR);
	void *qemu_dt = (void *)PLAT_DRAM_BASE;
	struct mem_range ram, mapped, avoid[8];
	const struct mem_range *fw;
	size_t n_fw;

	if (!img)
		boot_fatal("firmware package has no hypervisor image (VARIANT=virt)");
	/* RAM from the board; the tree only gets to agree with it (docs/boot-flow.md). */
	board_ram(&ram, &mapped);
	fw = boot_firmware_regions(&n_fw);
	if (n_fw >= sizeof(avoid) / sizeof(avoid[0]))
		boot_fatal("too many firmware regions to check the hypervisor against");
	/* The hypervisor reads the tree where it is: its memory must not land on top of it. */
	avoid[0] = (struct mem_range){PLAT_DRAM_BASE, board_check_tree(qemu_dt, &ram, &mapped),
				      "the device tree"};
	memcpy(&avoid[1], fw, n_fw * sizeof(*fw));
	place(&(struct mem_range){img->load_addr, img->size, "the hypervisor image"}, &mapped,
	      avoid, n_fw + 1);
	place(&(struct mem_range){PLAT_HYP_BASE, PLAT_HYP_SIZE + HYP_MIN_VM_RAM,
				  "the hypervisor's reserved RAM with room for one VM"},
	      &mapped, avoid, n_fw + 1);
	/* fw_package_check_windows already held the image to [PLAT_HYP_BASE, +PLAT_HYP_SIZE). */
	memcpy((void *)(uintptr_t)img->load_addr, (const uint8_t *)pkg + img->offset, img->size);
	dcache_clean_range(img->load_addr, img->size);
	log_info("hypervisor placed at %#lx (%u bytes)", img->load_addr, img->size);

	handoff->magic = BOOT_HANDOFF_MAGIC;
	handoff->ns_entry = img->entry;
	handoff->ns_arg0 = PLAT_DRAM_BASE;
	handoff->dram_base = mapped.base;
	handoff->dram_size = mapped.size;
}
