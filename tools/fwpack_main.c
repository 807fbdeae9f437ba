// SPDX-License-Identifier: BSD-2-Clause
/*
 * fwpack: build the flash image.
 *   fwpack OUT BOOT.bin NAME=FILE@LOAD[,ENTRY] ...
 * BOOT.bin goes at offset 0 (where the CPUs reset), the package at FW_PACKAGE_OFFSET. NAME is
 * "monitor", "trusted-os" or "hypervisor"; ENTRY defaults to LOAD. The result is checked as the boot stage will.
 */
#include "fw_pack.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <plat/platform.h>

static void *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	void *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "fwpack: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "fwpack: %s: read failed\n", path);
		exit(1);
	}
	fclose(f);
	*size = (size_t)n;
	return buf;
}

static uint32_t image_id(const char *name)
{
	if (!strcmp(name, "monitor"))
		return FW_IMAGE_MONITOR;
	if (!strcmp(name, "trusted-os"))
		return FW_IMAGE_TRUSTED_OS;
	if (!strcmp(name, "hypervisor"))
		return FW_IMAGE_HYPERVISOR;
	fprintf(stderr, "fwpack: unknown image name '%s' (monitor, trusted-os, hypervisor)\n",
		name);
	exit(1);
}

int main(int argc, char **argv)
{
	struct fw_pack_input in[FW_PACKAGE_MAX_IMAGES];
	const struct fw_load_windows windows = {{PLAT_SECURE_RAM_BASE, PLAT_SECURE_RAM_SIZE},
						{PLAT_HYP_BASE, PLAT_HYP_SIZE}};
	size_t count = 0, boot_size, flash_used;
	const char *why;
	uint8_t *flash;
	void *boot;
	long used;
	int bad;
	enum fw_image_error err;
	FILE *out;

	if (argc < 4) {
		fprintf(stderr, "usage: fwpack OUT BOOT.bin NAME=FILE@LOAD[,ENTRY] ...\n");
		return 2;
	}
	boot = read_file(argv[2], &boot_size);
	if (boot_size > FW_PACKAGE_OFFSET) {
		fprintf(stderr, "fwpack: boot stage is %zu bytes, the limit is %u\n", boot_size,
			FW_PACKAGE_OFFSET);
		return 1;
	}
	for (int i = 3; i < argc; i++) {
		char *spec = strdup(argv[i]), *eq = strchr(spec, '='), *at = strrchr(spec, '@');
		char *comma;

		if (count == FW_PACKAGE_MAX_IMAGES || !eq || !at || at < eq) {
			fprintf(stderr, "fwpack: bad image spec '%s' (NAME=FILE@LOAD[,ENTRY])\n",
				argv[i]);
			return 2;
		}
		*eq = *at = '\0';
		in[count].id = image_id(spec);
		in[count].data = read_file(eq + 1, &in[count].size);
		in[count].load_addr = strtoull(at + 1, &comma, 0);
		in[count].entry = *comma == ',' ? strtoull(comma + 1, NULL, 0) : in[count].load_addr;
		count++;
	}

	flash = calloc(1, PLAT_FLASH_SIZE);
	memcpy(flash, boot, boot_size);
	used = fw_pack_build(in, count, flash + FW_PACKAGE_OFFSET,
			     PLAT_FLASH_SIZE - FW_PACKAGE_OFFSET, &why);
	if (used < 0) {
		fprintf(stderr, "fwpack: %s\n", why);
		return 1;
	}
	err = fw_package_check_windows(flash + FW_PACKAGE_OFFSET, (size_t)used, &windows, &bad);
	if (err != FW_IMAGE_OK) {
		fprintf(stderr, "fwpack: image %d: %s\n", bad, fw_image_strerror(err));
		return 1;
	}
	/* QEMU pads -bios images to the flash size itself: write only what is used. */
	flash_used = FW_PACKAGE_OFFSET + (size_t)used;
	out = fopen(argv[1], "wb");
	if (!out || fwrite(flash, 1, flash_used, out) != flash_used || fclose(out)) {
		fprintf(stderr, "fwpack: %s: write failed\n", argv[1]);
		return 1;
	}
	return 0;
}
