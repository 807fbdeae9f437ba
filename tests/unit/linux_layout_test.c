// SPDX-License-Identifier: BSD-2-Clause
/* arm64 Image header checks and the kernel / device tree / initramfs layout in RAM. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "linux_layout.h"

#define RAM_BASE 0x40000000UL
#define RAM_SIZE 0x80000000UL
#define MiB	 0x100000UL

static struct arm64_image_header good(void)
{
	struct arm64_image_header h;

	memset(&h, 0, sizeof(h));
	h.magic = ARM64_IMAGE_MAGIC;
	h.image_size = 32 * MiB + 0x10000;
	h.flags = 0xa;
	return h;
}

static void fails(const struct arm64_image_header *h, uint64_t file, uint64_t initrd,
		  uint64_t ram_base, uint64_t ram_size, const char *needle)
{
	struct linux_layout l;
	const char *why = NULL;

	assert_int_equal(linux_plan_layout(h, file, initrd, ram_base, ram_size, &l, &why), -1);
	assert_non_null(why);
	assert_non_null(strstr(why, needle));
}

/* Sizes near 2^64 (fuzzer finds): every one refused, none wrapped into an accepted layout. */
static void sizes_near_the_top_of_the_address_space(void **state)
{
	struct arm64_image_header h = good();

	(void)state;
	/* The kernel ends 4 KiB below 2^64: its 2 MiB round-up wrapped to a device tree at 0. */
	h.image_size = -RAM_BASE - 0x1000;
	fails(&h, 0x1000, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
	h = good();
	fails(&h, 32 * MiB, 0, RAM_BASE, -RAM_BASE, "runs past the end");
	fails(&h, 32 * MiB, 0, -2 * MiB, 4 * MiB, "runs past the end");
	fails(&h, 32 * MiB, -RAM_BASE, RAM_BASE, RAM_SIZE, "initramfs does not fit");
	fails(&h, -1UL, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
}

static void typical(void **state)
{
	struct arm64_image_header h = good();
	struct linux_layout l;
	const char *why = NULL;

	(void)state;
	assert_int_equal(linux_plan_layout(&h, 32 * MiB, 5 * MiB, RAM_BASE, RAM_SIZE, &l, &why), 0);
	assert_int_equal(l.kernel_base, RAM_BASE);
	assert_int_equal(l.kernel_end, RAM_BASE + h.image_size);
	assert_int_equal(l.dtb_base % SZ_2M, 0);
	assert_true(l.dtb_base >= l.kernel_end);
	assert_true(l.dtb_base - l.kernel_end < SZ_2M);
	assert_int_equal(l.scratch, l.dtb_base + LINUX_DTB_MAX);
	assert_int_equal(l.initrd_base, l.dtb_base + LINUX_DTB_AREA);
	assert_int_equal(l.initrd_end, l.initrd_base + 5 * MiB);
}

static void text_offset_and_sizes(void **state)
{
	struct arm64_image_header h = good();
	struct linux_layout l;
	const char *why;

	(void)state;
	h.text_offset = 0x80000;
	assert_int_equal(linux_plan_layout(&h, 16 * MiB, 0, RAM_BASE, RAM_SIZE, &l, &why), 0);
	assert_int_equal(l.kernel_base, RAM_BASE + 0x80000);
	assert_int_equal(l.initrd_end, l.initrd_base);
	/* A file longer than image_size claims: the file size wins. */
	h = good();
	h.image_size = 1 * MiB;
	assert_int_equal(linux_plan_layout(&h, 3 * MiB, 0, RAM_BASE, RAM_SIZE, &l, &why), 0);
	assert_int_equal(l.kernel_end, RAM_BASE + 3 * MiB);
}

static void bad_headers(void **state)
{
	struct arm64_image_header h = good();

	(void)state;
	h.magic = 0x464c457f; /* an ELF file */
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "not an arm64 Linux Image");
	h = good();
	fails(&h, 63, 0, RAM_BASE, RAM_SIZE, "not an arm64 Linux Image");
	h = good();
	h.flags |= ARM64_IMAGE_FLAG_BE;
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "big-endian");
	h = good();
	h.image_size = 0;
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "image_size 0");
	h = good();
	h.text_offset = SZ_2M;
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "text_offset");
	h = good();
	h.text_offset = 0x80010;
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "text_offset");
}

static void does_not_fit(void **state)
{
	struct arm64_image_header h = good();
	struct linux_layout l;
	const char *why;
	uint64_t need_kernel;

	(void)state;
	fails(&h, 32 * MiB, 0, RAM_BASE, 16 * MiB, "kernel does not fit");
	fails(&h, 32 * MiB, 64 * MiB, RAM_BASE, 64 * MiB, "initramfs does not fit");
	fails(&h, 32 * MiB, UINT64_MAX - 4 * MiB, RAM_BASE, RAM_SIZE, "initramfs does not fit");
	fails(&h, 32 * MiB, 0, RAM_BASE + 0x1000, RAM_SIZE, "2 MiB");
	/* Exactly enough RAM: the initramfs ends on the last byte. */
	assert_int_equal(linux_plan_layout(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, &l, &why), 0);
	need_kernel = l.initrd_base - RAM_BASE;
	assert_int_equal(
	    linux_plan_layout(&h, 32 * MiB, 7 * MiB, RAM_BASE, need_kernel + 7 * MiB, &l, &why), 0);
	assert_int_equal(l.initrd_end, RAM_BASE + need_kernel + 7 * MiB);
	fails(&h, 32 * MiB, 7 * MiB + 1, RAM_BASE, need_kernel + 7 * MiB, "initramfs");
}

/* A hostile header or RAM range near 2^64: every sum wraps if computed naively. */
static void edge_of_address_space(void **state)
{
	struct arm64_image_header h = good();
	const uint64_t top = UINT64_MAX & ~(SZ_2M - 1); /* the last 2 MiB aligned base */

	(void)state;
	/* image_size wrapping kernel_end (and the 2 MiB round-up) back to a small address. */
	for (uint64_t back = 0; back <= 4 * SZ_2M; back += 0x1000) {
		h.image_size = UINT64_MAX - back;
		fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
		h.image_size = -(RAM_BASE + back);
		fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
	}
	/* kernel_end just below 2^64: rounding up to 2 MiB would wrap to 0. */
	h = good();
	h.image_size = UINT64_MAX - RAM_BASE - 0x1000;
	fails(&h, 32 * MiB, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
	/* The file size (not the header) is the one near 2^64. */
	h = good();
	fails(&h, UINT64_MAX, 0, RAM_BASE, RAM_SIZE, "kernel does not fit");
	/* RAM at the very top: the dtb area or the initramfs would run past 2^64. */
	h = good();
	fails(&h, 32 * MiB, 0, top, SZ_2M - 1, "kernel does not fit");
	fails(&h, 32 * MiB, 0, top, UINT64_MAX, "RAM range");
	fails(&h, 32 * MiB, 0, RAM_BASE, UINT64_MAX, "RAM range");
	fails(&h, 32 * MiB, 0, RAM_BASE, 0, "RAM range");
	/* An initramfs size that wraps initrd_end, whatever RAM says. */
	for (uint64_t back = 0; back < 64 * MiB; back += 3 * MiB + 5)
		fails(&h, 32 * MiB, UINT64_MAX - back, RAM_BASE, RAM_SIZE, "initramfs");
}

static void random_headers(void **state)
{
	(void)state;
	srand(1);
	for (int i = 0; i < 20000; i++) {
		struct arm64_image_header h = good();
		struct linux_layout l;
		const char *why = NULL;
		uint64_t ram = (uint64_t)(rand() % 4096 + 1) * MiB;
		uint64_t initrd = (uint64_t)rand() * (uint64_t)(rand() % 64);
		uint64_t file = (uint64_t)rand() % (64 * MiB);

		h.text_offset = (uint64_t)(rand() % 1024) * 0x1000;
		h.image_size = (uint64_t)rand() % (96 * MiB);
		/* Now and then a size from the top of the 64-bit range. */
		if (rand() % 16 == 0)
			h.image_size = UINT64_MAX - (uint64_t)rand() * (uint64_t)rand();
		if (rand() % 16 == 0)
			initrd = UINT64_MAX - (uint64_t)rand();
		h.flags = (uint64_t)(rand() & 0xf);
		if (rand() % 8 == 0)
			h.magic ^= 1U << (rand() % 32);
		if (linux_plan_layout(&h, file, initrd, RAM_BASE, ram, &l, &why)) {
			assert_non_null(why);
			continue;
		}
		/* Accepted: everything inside RAM, in order, no overlap. */
		assert_true(l.kernel_base >= RAM_BASE);
		assert_true(l.kernel_end <= l.dtb_base);
		assert_true(l.dtb_base + LINUX_DTB_AREA <= l.initrd_base);
		assert_true(l.initrd_base <= l.initrd_end);
		assert_true(l.initrd_end <= RAM_BASE + ram);
		assert_true(l.kernel_end - l.kernel_base >= file);
		assert_int_equal(h.magic, ARM64_IMAGE_MAGIC);
		assert_false(h.flags & ARM64_IMAGE_FLAG_BE);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(typical),	      cmocka_unit_test(text_offset_and_sizes),
	    cmocka_unit_test(bad_headers),    cmocka_unit_test(does_not_fit),
	    cmocka_unit_test(random_headers), cmocka_unit_test(edge_of_address_space),
	    cmocka_unit_test(sizes_near_the_top_of_the_address_space),
	};

	return cmocka_run_group_tests_name("linux_layout", tests, NULL, NULL);
}
