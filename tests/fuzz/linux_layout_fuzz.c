// SPDX-License-Identifier: BSD-2-Clause
/*
 * Fuzz target: the boot stage's and the hypervisor's Linux layout arithmetic
 * (boot/linux_layout.c). Every number is the attacker's: the Image header and sizes come from
 * -kernel/-initrd through fw_cfg, the RAM range from a -dtb or a VM configuration.
 *
 * Input: the 64-byte arm64 Image header, then file size, initramfs size, RAM base and RAM size
 * (little-endian u64 each; missing bytes are zero). Checked for an accepted layout: kernel,
 * device tree area and initramfs lie in RAM in that order, none wraps around 2^64, and each is
 * as large as what will be copied there.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linux_layout.h"

struct input {
	struct arm64_image_header hdr;
	uint64_t file_size, initrd_size, ram_base, ram_size;
};

/* [base, end) inside [ram_base, ram_base + ram_size), computed without wrapping. */
static int in_ram(uint64_t base, uint64_t end, const struct input *in)
{
	return base >= in->ram_base && end >= base && end - in->ram_base <= in->ram_size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	struct linux_layout l;
	const char *why = NULL;
	uint64_t image_size;

	memset(&in, 0, sizeof(in));
	memcpy(&in, data, size < sizeof(in) ? size : sizeof(in));
	if (linux_plan_layout(&in.hdr, in.file_size, in.initrd_size, in.ram_base, in.ram_size, &l,
			      &why)) {
		if (!why || !*why)
			abort(); /* a refusal must name its reason */
		return 0;
	}
	image_size = in.hdr.image_size > in.file_size ? in.hdr.image_size : in.file_size;
	if (!in_ram(l.kernel_base, l.kernel_end, &in) || l.kernel_end - l.kernel_base < image_size)
		abort(); /* the kernel (file and bss) outside RAM */
	if ((l.kernel_base & 0xfff) || l.kernel_base - in.ram_base >= SZ_2M)
		abort(); /* booting.rst: a 2 MiB aligned base + text_offset */
	if ((l.dtb_base & (SZ_2M - 1)) || l.dtb_base < l.kernel_end ||
	    !in_ram(l.dtb_base, l.dtb_base + LINUX_DTB_AREA, &in) ||
	    l.dtb_base + LINUX_DTB_AREA < l.dtb_base)
		abort(); /* the device tree area outside RAM or over the kernel */
	if (l.scratch < l.dtb_base + LINUX_DTB_MAX ||
	    l.scratch + 0x1000 > l.dtb_base + LINUX_DTB_AREA)
		abort(); /* the scratch page outside the device tree area's last page */
	if (l.initrd_base < l.dtb_base + LINUX_DTB_AREA ||
	    !in_ram(l.initrd_base, l.initrd_end, &in) ||
	    l.initrd_end - l.initrd_base != in.initrd_size)
		abort(); /* the initramfs outside RAM or over the device tree */
	return 0;
}
