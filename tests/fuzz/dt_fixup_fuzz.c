// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: the boot stage's handling of the board's device tree (boot/board_ram.c,
 * boot/linux_loader.c), which a -dtb makes the user's: the whole tree checked
 * (lib/common/fdt_untrusted.c), its memory nodes checked against the board's RAM and the firmware
 * (boot/dt_memory.c) and the unavailable ones dropped, the secure seed taken (boot/rng_seed.c),
 * the tree packed and copied into the room Linux gets, then fixed up (boot/dt_fixup.c) and packed.
 *
 * Input: one byte choosing the room the copy gets (from just the tree to 64 KiB more), then the
 * tree. Checked: libfdt and our fix-ups stay inside the tree and its room (ASan), and a fix-up
 * that reports success leaves a tree with the nodes Linux needs.
 */
#include <libfdt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rampart/fdt_untrusted.h>

#include "dt_fixup.h"
#include "dt_memory.h"
#include "fw_regions.h"
#include "rng_seed.h"

/* QEMU's virt board with 2 GiB, as boot/board_ram.c learns it from the board. */
static const struct mem_range ram = {0x40000000UL, 0x80000000UL, "RAM"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct dt_linux_params params = {
	    .bootargs = "console=ttyAMA0 rdinit=/bin/sh",
	    .initrd_start = 0x48000000,
	    .initrd_end = 0x48800000,
	    .secure_base = 0x0e000000,
	    .secure_size = 0x01000000,
	    .optee = 1,
	};
	uint8_t seed[64];
	const struct mem_range *fw;
	const char *step = NULL;
	char why[200];
	size_t n_fw;
	void *src, *dt;
	size_t room;
	int err;

	if (size < 1)
		return 0;
	room = (size_t)data[0] << 8;
	data++;
	size--;
	/* The tree sits alone in its own allocation, so ASan sees any access past it. */
	src = malloc(size ? size : 1);
	if (!src)
		return 0;
	memcpy(src, data, size);
	if (fdt_check_untrusted(src, size)) {
		free(src); /* the loader stops here */
		return 0;
	}
	fw = boot_firmware_regions(&n_fw);
	why[0] = '\0';
	if (dt_check_memory(src, size, &ram, fw, n_fw, why, sizeof(why))) {
		if (!why[0])
			abort(); /* a refusal must name the problem */
		free(src);
		return 0;
	}
	if (dt_drop_unavailable_memory(src) < 0) {
		free(src);
		return 0;
	}
	dt_take_rng_seed(src, seed, sizeof(seed));
	err = fdt_pack(src);
	room += fdt_totalsize(src);
	dt = malloc(room);
	if (!err && dt)
		err = fdt_open_into(src, dt, (int)room);
	if (!err) {
		err = dt_fixup_for_linux(dt, &params, &step);
		if (!step)
			abort(); /* every outcome names its step */
		if (!err) {
			if (fdt_path_offset(dt, "/psci") < 0 ||
			    fdt_path_offset(dt, "/firmware/optee") < 0 ||
			    fdt_path_offset(dt, "/secure-chosen") >= 0)
				abort();
			fdt_pack(dt);
		}
	}
	free(dt);
	free(src);
	return 0;
}
