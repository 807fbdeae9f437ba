// SPDX-License-Identifier: BSD-2-Clause
/*
 * Normal-world payload from QEMU's fw_cfg (-kernel, -initrd, -append), as EDK2 and U-Boot read it:
 * plan the layout, copy the device tree QEMU left at the start of RAM into place, fix it up,
 * DMA kernel and initramfs in.
 */
#include <drivers/fw_cfg.h>
#include <libfdt.h>
#include <log.h>
#include <plat/platform.h>
#include <string.h>

#include "board_ram.h"
#include "boot.h"
#include "dt_fixup.h"
#include "fw_regions.h"
#include "linux_layout.h"
#include "rng_seed.h"

#define CMDLINE_MAX 4096

static char cmdline[CMDLINE_MAX];

static void read_cmdline(const struct fw_cfg *cfg)
{
	uint32_t size = fw_cfg_read_u32(cfg, FW_CFG_CMDLINE_SIZE);

	cmdline[0] = '\0';
	if (size > CMDLINE_MAX)
		boot_fatal("kernel command line is %u bytes; the limit is %u", size, CMDLINE_MAX);
	fw_cfg_read_bytes(cfg, FW_CFG_CMDLINE_DATA, cmdline, size);
	cmdline[CMDLINE_MAX - 1] = '\0';
}

/*
 * Whatever the plan says, nothing is written before this agrees: each piece inside the mapped
 * RAM, clear of secure memory and the firmware, and of each other.
 */
static void check_placement(const struct linux_layout *lay, const struct mem_range *mapped)
{
	const struct mem_range placed[] = {
	    {lay->kernel_base, lay->kernel_end - lay->kernel_base, "the kernel"},
	    {lay->dtb_base, LINUX_DTB_AREA, "the device tree area"},
	    {lay->initrd_base, lay->initrd_end - lay->initrd_base, "the initramfs"},
	};
	const struct mem_range *fw;
	size_t n_fw;
	char msg[200];

	fw = boot_firmware_regions(&n_fw);
	if (mem_place_all(placed, lay->initrd_end > lay->initrd_base ? 3 : 2, 1, mapped, fw, n_fw,
			  msg, sizeof(msg)))
		boot_fatal("placement refused: %s", msg);
}

void linux_load(struct boot_handoff *handoff)
{
	struct fw_cfg cfg = {.base = PLAT_FW_CFG_BASE};
	void *qemu_dt = (void *)PLAT_DRAM_BASE;
	struct dt_linux_params params;
	struct arm64_image_header hdr;
	struct linux_layout lay;
	struct mem_range ram, mapped;
	uint32_t kernel_size, initrd_size;
	const char *why, *step;
	void *dt;
	int err;

	if (fw_cfg_probe(&cfg))
		boot_fatal("no QEMU fw_cfg device with DMA at %#lx: cannot load a kernel",
			   PLAT_FW_CFG_BASE);
	kernel_size = fw_cfg_read_u32(&cfg, FW_CFG_KERNEL_SIZE);
	if (kernel_size == 0)
		boot_fatal("no kernel: start QEMU with -kernel <arm64 Image>");
	initrd_size = fw_cfg_read_u32(&cfg, FW_CFG_INITRD_SIZE);

	/* RAM from the board; the tree only gets to agree with it (docs/boot-flow.md). */
	board_ram(&ram, &mapped);
	board_check_tree(qemu_dt, &ram, &mapped);
	handoff->rng_seed_len =
	    dt_take_rng_seed(qemu_dt, handoff->rng_seed, sizeof(handoff->rng_seed));
	if (!handoff->rng_seed_len)
		log_error(
		    "device tree has no /secure-chosen/rng-seed: the trusted OS gets no seed");

	/* Byte reads through the data register: no DMA scratch exists before the layout does. */
	memset(&hdr, 0, sizeof(hdr));
	fw_cfg_read_bytes(&cfg, FW_CFG_KERNEL_DATA, &hdr,
			  kernel_size < sizeof(hdr) ? kernel_size : sizeof(hdr));
	if (linux_plan_layout(&hdr, kernel_size, initrd_size, mapped.base, mapped.size, &lay, &why))
		boot_fatal("%s (kernel %u bytes, initramfs %u bytes, RAM %lu MiB)", why,
			   kernel_size, initrd_size, mapped.size >> 20);
	check_placement(&lay, &mapped);

	/* The device tree moves first: the kernel is about to overwrite where QEMU put it. */
	dt = (void *)(uintptr_t)lay.dtb_base;
	/* Drop the source's free space first: fdt_open_into moves the whole blob when it can. */
	err = fdt_pack(qemu_dt);
	if (!err)
		err = fdt_open_into(qemu_dt, dt, LINUX_DTB_MAX);
	if (err == -FDT_ERR_NOSPACE)
		boot_fatal("device tree holds %u bytes: no room to grow it within the %lu bytes "
			   "Linux accepts",
			   fdt_off_dt_strings(qemu_dt) + fdt_size_dt_strings(qemu_dt),
			   LINUX_DTB_MAX);
	if (err)
		boot_fatal("cannot copy the device tree: %s", fdt_strerror(err));

	cfg.dma_desc = lay.scratch;
	if (fw_cfg_dma_read(&cfg, FW_CFG_KERNEL_DATA, lay.kernel_base, kernel_size))
		boot_fatal("fw_cfg DMA error while reading the kernel");
	if (initrd_size && fw_cfg_dma_read(&cfg, FW_CFG_INITRD_DATA, lay.initrd_base, initrd_size))
		boot_fatal("fw_cfg DMA error while reading the initramfs");
	read_cmdline(&cfg);

	params = (struct dt_linux_params){
	    .bootargs = cmdline,
	    .initrd_start = lay.initrd_base,
	    .initrd_end = lay.initrd_end,
	    .secure_base = PLAT_SECURE_RAM_BASE,
	    .secure_size = PLAT_SECURE_RAM_SIZE,
	    .optee = handoff->tee_entry != 0,
	};
	err = dt_fixup_for_linux(dt, &params, &step);
	if (err == -FDT_ERR_NOSPACE)
		boot_fatal("device tree has no room to grow while %s (limit %lu bytes)", step,
			   LINUX_DTB_MAX);
	if (err)
		boot_fatal("device tree fix-up failed while %s: %s", step, fdt_strerror(err));
	fdt_pack(dt);

	log_info("kernel %#lx-%#lx, device tree %#lx, initramfs %#lx-%#lx", lay.kernel_base,
		 lay.kernel_end, lay.dtb_base, lay.initrd_base, lay.initrd_end);
	handoff->magic = BOOT_HANDOFF_MAGIC;
	handoff->ns_entry = lay.kernel_base;
	handoff->ns_arg0 = lay.dtb_base;
	handoff->dram_base = mapped.base;
	handoff->dram_size = mapped.size;
}
