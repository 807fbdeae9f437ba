// SPDX-License-Identifier: BSD-2-Clause
/* Firmware package: packing, and every check the boot stage applies before copying an image. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fw_pack.h"

#define SEC_BASE 0x0E000000UL
#define SEC_SIZE 0x01000000UL
#define OUT_SIZE 0x10000

static const struct fw_load_window window = {SEC_BASE, SEC_SIZE};
static uint8_t mon[3000], tee[5000], out[OUT_SIZE];
static long used;

static int pack_two(void **state)
{
	struct fw_pack_input in[2] = {
		{FW_IMAGE_MONITOR, mon, sizeof(mon), SEC_BASE, SEC_BASE + 0x40},
		{FW_IMAGE_TRUSTED_OS, tee, sizeof(tee), SEC_BASE + 0x100000, SEC_BASE + 0x100000},
	};
	const char *why = NULL;

	(void)state;
	for (size_t i = 0; i < sizeof(mon); i++)
		mon[i] = (uint8_t)(i * 7);
	for (size_t i = 0; i < sizeof(tee); i++)
		tee[i] = (uint8_t)(i * 13 + 1);
	memset(out, 0xee, sizeof(out));
	used = fw_pack_build(in, 2, out, sizeof(out), &why);
	assert_true(used > 0);
	return 0;
}

static struct fw_package_header *hdr(void)
{
	return (struct fw_package_header *)out;
}

static enum fw_image_error check(int *bad)
{
	return fw_package_check(out, (size_t)used, &window, bad);
}

static void crc_reference(void **state)
{
	(void)state;
	assert_int_equal(fw_crc32("123456789", 9), 0xCBF43926U);
	assert_int_equal(fw_crc32("", 0), 0);
}

static void packed_images_check(void **state)
{
	const struct fw_image_entry *m, *t;
	int bad = 99;

	(void)state;
	assert_int_equal(check(&bad), FW_IMAGE_OK);
	assert_int_equal(bad, -1);
	m = fw_package_find(hdr(), FW_IMAGE_MONITOR);
	t = fw_package_find(hdr(), FW_IMAGE_TRUSTED_OS);
	assert_non_null(m);
	assert_non_null(t);
	assert_null(fw_package_find(hdr(), 77));
	assert_memory_equal(out + m->offset, mon, sizeof(mon));
	assert_memory_equal(out + t->offset, tee, sizeof(tee));
	assert_int_equal(m->offset % FW_IMAGE_ALIGN, 0);
	assert_int_equal(t->offset % FW_IMAGE_ALIGN, 0);
	assert_int_equal(m->entry, SEC_BASE + 0x40);
	assert_int_equal(hdr()->total_size, (uint32_t)used);
}

static void header_errors(void **state)
{
	struct fw_package_header saved = *hdr();
	int bad;

	(void)state;
	assert_int_equal(fw_package_check(out, sizeof(saved) - 1, &window, &bad),
			 FW_IMAGE_ERR_TRUNCATED);
	assert_int_equal(fw_package_check(out, (size_t)used - 1, &window, &bad),
			 FW_IMAGE_ERR_TRUNCATED);
	hdr()->magic ^= 1;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_MAGIC);
	*hdr() = saved;
	hdr()->version = 2;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_VERSION);
	*hdr() = saved;
	hdr()->header_size = 8;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_VERSION);
	*hdr() = saved;
	hdr()->count = 0;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_COUNT);
	hdr()->count = FW_PACKAGE_MAX_IMAGES + 1;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_COUNT);
	*hdr() = saved;
	assert_int_equal(check(&bad), FW_IMAGE_OK);
}

static void image_errors(void **state)
{
	struct fw_package_header saved = *hdr();
	struct fw_image_entry *t = &hdr()->images[1];
	int bad;

	(void)state;
	t->offset = 8; /* inside the header */
	assert_int_equal(check(&bad), FW_IMAGE_ERR_BOUNDS);
	assert_int_equal(bad, 1);
	*hdr() = saved;
	t->size = hdr()->total_size;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_BOUNDS);
	*hdr() = saved;
	t->offset = 0xfffffff0U;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_BOUNDS);
	*hdr() = saved;
	t->load_addr = 0x40000000; /* normal-world RAM */
	t->entry = t->load_addr;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_LOAD_ADDR);
	*hdr() = saved;
	t->load_addr = SEC_BASE + SEC_SIZE - 16; /* runs past the window */
	t->entry = t->load_addr;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_LOAD_ADDR);
	*hdr() = saved;
	t->load_addr = UINT64_MAX - 8;
	t->entry = t->load_addr;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_LOAD_ADDR);
	*hdr() = saved;
	t->entry = t->load_addr + t->size;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_ENTRY);
	*hdr() = saved;
	t->load_addr = SEC_BASE + 0x100; /* over the monitor */
	t->entry = t->load_addr;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_OVERLAP);
	*hdr() = saved;
	t->id = FW_IMAGE_MONITOR;
	assert_int_equal(check(&bad), FW_IMAGE_ERR_DUPLICATE);
	*hdr() = saved;
	out[t->offset + 100] ^= 0x40; /* a flipped bit in the trusted OS */
	assert_int_equal(check(&bad), FW_IMAGE_ERR_CRC);
	assert_int_equal(bad, 1);
	out[t->offset + 100] ^= 0x40;
	assert_int_equal(check(&bad), FW_IMAGE_OK);
}

static void error_strings(void **state)
{
	(void)state;
	for (int i = FW_IMAGE_OK; i <= FW_IMAGE_ERR_DUPLICATE; i++) {
		const char *s = fw_image_strerror((enum fw_image_error)i);

		assert_true(strlen(s) > 0);
		for (int j = FW_IMAGE_OK; j < i; j++)
			assert_string_not_equal(s, fw_image_strerror((enum fw_image_error)j));
	}
}

static void pack_errors(void **state)
{
	struct fw_pack_input in[5];
	uint8_t small[64];
	const char *why = NULL;

	(void)state;
	for (int i = 0; i < 5; i++)
		in[i] = (struct fw_pack_input){(uint32_t)i + 1, mon, 16, SEC_BASE + 0x1000 * i,
					       SEC_BASE + 0x1000 * i};
	assert_int_equal(fw_pack_build(in, 0, out, sizeof(out), &why), -1);
	assert_non_null(why);
	why = NULL;
	assert_int_equal(fw_pack_build(in, 5, out, sizeof(out), &why), -1);
	assert_non_null(why);
	why = NULL;
	in[0].size = sizeof(mon);
	assert_int_equal(fw_pack_build(in, 1, small, sizeof(small), &why), -1);
	assert_non_null(strstr(why, "do not fit"));
	in[0].size = 0;
	assert_int_equal(fw_pack_build(in, 1, out, sizeof(out), &why), -1);
}

/* Random corruption of the header: never a crash, never an accepted out-of-bounds image. */
static void fuzz_header(void **state)
{
	static uint8_t copy[OUT_SIZE];
	int accepted = 0;

	(void)state;
	memcpy(copy, out, (size_t)used);
	srand(1);
	for (int iter = 0; iter < 20000; iter++) {
		const struct fw_package_header *h = (const void *)out;
		int flips = 1 + rand() % 4, bad;

		memcpy(out, copy, (size_t)used);
		for (int f = 0; f < flips; f++)
			out[rand() % sizeof(struct fw_package_header)] ^= (uint8_t)(1 << (rand() % 8));
		if (check(&bad) != FW_IMAGE_OK)
			continue;
		accepted++;
		for (int i = 0; i < h->count; i++) {
			const struct fw_image_entry *e = &h->images[i];

			assert_true(e->offset >= sizeof(*h));
			assert_true((uint64_t)e->offset + e->size <= (uint64_t)used);
			assert_true(e->load_addr >= SEC_BASE);
			assert_true(e->load_addr + e->size <= SEC_BASE + SEC_SIZE);
			assert_true(e->entry >= e->load_addr && e->entry < e->load_addr + e->size);
			assert_int_equal(fw_crc32(out + e->offset, e->size), e->crc32);
		}
	}
	memcpy(out, copy, (size_t)used);
	/* Flips in padding or spare fields are harmless; most flips must be caught. */
	assert_true(accepted < 20000 / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(crc_reference),
		cmocka_unit_test_setup(packed_images_check, pack_two),
		cmocka_unit_test_setup(header_errors, pack_two),
		cmocka_unit_test_setup(image_errors, pack_two),
		cmocka_unit_test(error_strings),
		cmocka_unit_test_setup(pack_errors, pack_two),
		cmocka_unit_test_setup(fuzz_header, pack_two),
	};

	return cmocka_run_group_tests_name("fw_image", tests, NULL, NULL);
}
