// SPDX-License-Identifier: BSD-2-Clause
#include "linux_layout.h"

#include <rampart/mem_range.h>

/* v rounded up to a multiple of a (a power of two) into *out; 0 if that wraps. */
static int align_up(uint64_t v, uint64_t a, uint64_t *out)
{
	if (!mem_range_end(v, a - 1, out))
		return 0;
	*out &= ~(a - 1);
	return 1;
}

int linux_plan_layout(const struct arm64_image_header *hdr, uint64_t file_size,
		      uint64_t initrd_size, uint64_t ram_base, uint64_t ram_size,
		      struct linux_layout *out, const char **why)
{
	uint64_t ram_end, image_size, dtb_end;

	if (file_size < sizeof(*hdr) || hdr->magic != ARM64_IMAGE_MAGIC) {
		*why =
		    "the kernel is not an arm64 Linux Image (no \"ARM\\x64\" magic at offset 56)";
		return -1;
	}
	if (hdr->flags & ARM64_IMAGE_FLAG_BE) {
		*why =
		    "the kernel is a big-endian Image; this firmware boots little-endian kernels";
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
	if (!ram_size || !mem_range_end(ram_base, ram_size, &ram_end)) {
		*why = "the RAM range is empty or runs past the end of the address space";
		return -1;
	}
	/*
	 * As low as possible: memory below the kernel is lost to the linear map otherwise. Every
	 * sum is checked: an image_size near 2^64 from a hostile header must not wrap around to
	 * a small end address.
	 */
	out->kernel_base = ram_base + hdr->text_offset; /* < ram_base + 2 MiB <= ram_end */
	if (!mem_range_end(out->kernel_base, image_size, &out->kernel_end) ||
	    !align_up(out->kernel_end, SZ_2M, &out->dtb_base) ||
	    !mem_range_end(out->dtb_base, LINUX_DTB_AREA, &dtb_end) || dtb_end > ram_end) {
		*why = "the kernel does not fit in RAM";
		return -1;
	}
	out->scratch = out->dtb_base + LINUX_DTB_MAX;
	out->initrd_base = dtb_end;
	if (!mem_range_end(out->initrd_base, initrd_size, &out->initrd_end) ||
	    out->initrd_end > ram_end) {
		*why = "the initramfs does not fit in RAM after the kernel and device tree";
		return -1;
	}
	return 0;
}
