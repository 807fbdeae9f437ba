/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Where the kernel, device tree and initramfs go in RAM, from the arm64 Image header
 * (Linux Documentation/arm64/booting.rst, "Call the kernel image"). Pure: unit tested on the host.
 */
#ifndef BOOT_LINUX_LAYOUT_H
#define BOOT_LINUX_LAYOUT_H

#include <stdint.h>

#define ARM64_IMAGE_MAGIC 0x644d5241U /* "ARM\x64" */
#define ARM64_IMAGE_FLAG_BE (1UL << 0)
#define ARM64_IMAGE_FLAG_ANYWHERE (1UL << 3)

struct arm64_image_header {
	uint32_t code0;
	uint32_t code1;
	uint64_t text_offset;
	uint64_t image_size;
	uint64_t flags;
	uint64_t res2;
	uint64_t res3;
	uint64_t res4;
	uint32_t magic;
	uint32_t res5;
};

#define SZ_2M 0x200000UL
/* The device tree area: Linux maps at most 2 MiB of it; the last page is firmware scratch. */
#define LINUX_DTB_AREA SZ_2M
#define LINUX_DTB_MAX (LINUX_DTB_AREA - 0x1000)

struct linux_layout {
	uint64_t kernel_base; /* load address: a 2 MiB aligned base + text_offset */
	uint64_t kernel_end;  /* kernel_base + image_size (bss included) */
	uint64_t dtb_base;    /* 2 MiB aligned, LINUX_DTB_MAX bytes for the tree */
	uint64_t scratch;     /* one page for firmware use during boot (DMA descriptors) */
	uint64_t initrd_base;
	uint64_t initrd_end;
};

/*
 * Check the header of a kernel file of file_size bytes and plan the layout in RAM
 * [ram_base, ram_base + ram_size). Returns 0, or -1 with *why naming the problem.
 */
int linux_plan_layout(const struct arm64_image_header *hdr, uint64_t file_size,
		      uint64_t initrd_size, uint64_t ram_base, uint64_t ram_size,
		      struct linux_layout *out, const char **why);

#endif
