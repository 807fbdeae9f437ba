// SPDX-License-Identifier: BSD-2-Clause
#include "linux_layout.h"

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

int linux_plan_layout(const struct arm64_image_header *hdr, uint64_t file_size,
		      uint64_t initrd_size, uint64_t ram_base, uint64_t ram_size,
		      struct linux_layout *out, const char **why)
{
	uint64_t ram_end;
	uint64_t image_size;

	if (file_size < sizeof(*hdr) || hdr->magic != ARM64_IMAGE_MAGIC) {
		*why = "the kernel is not an arm64 Linux Image (no \"ARM\\x64\" magic at offset 56)";
		return -1;
	}
	if (hdr->flags & ARM64_IMAGE_FLAG_BE) {
		*why = "the kernel is a big-endian Image; this firmware boots little-endian kernels";
		return -1;
	}
	/* image_size = 0 marks a pre-3.17 kernel whose real size is unknown: refuse to guess. */
	if (hdr->image_size == 0) {
		*why = "the kernel Image header has image_size 0 (kernel older than 3.17)";
		return -1;
	}
	if (hdr->text_offset >= SZ_2M || (hdr->text_offset & 0xfff)) {
		*why = "the kernel Image header has an invalid text_offset";
		return -1;
	}
	image_size = hdr->image_size;
	if (image_size < file_size)
		image_size = file_size;
	if (ram_base & (SZ_2M - 1)) {
		*why = "RAM does not start on a 2 MiB boundary";
		return -1;
	}
	/* Every sum below is checked: sizes from the Image header or a -dtb may be near 2^64. */
	if (__builtin_add_overflow(ram_base, ram_size, &ram_end)) {
		*why = "the RAM range wraps around the address space";
		return -1;
	}
	if (hdr->text_offset > ram_size || image_size > ram_size - hdr->text_offset) {
		*why = "the kernel does not fit in RAM";
		return -1;
	}
	/* As low as possible: memory below the kernel is lost to the linear map otherwise. */
	out->kernel_base = ram_base + hdr->text_offset;
	out->kernel_end = out->kernel_base + image_size;
	out->dtb_base = align_up(out->kernel_end, SZ_2M);
	out->scratch = out->dtb_base + LINUX_DTB_MAX;
	out->initrd_base = out->dtb_base + LINUX_DTB_AREA;
	out->initrd_end = out->initrd_base + initrd_size;
	/* In differences, never sums: the 2 MiB round-up of a kernel end near 2^64 wraps to 0. */
	if (out->dtb_base < out->kernel_end || out->dtb_base > ram_end ||
	    ram_end - out->dtb_base < LINUX_DTB_AREA) {
		*why = "the kernel does not fit in RAM";
		return -1;
	}
	if (initrd_size > ram_end - out->initrd_base) {
		*why = "the initramfs does not fit in RAM after the kernel and device tree";
		return -1;
	}
	return 0;
}
