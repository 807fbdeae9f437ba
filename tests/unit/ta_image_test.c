// SPDX-License-Identifier: BSD-2-Clause
/*
 * Signed TA image header (lib/common/ta_image.c): every malformed case has its own error, and
 * fuzz-style loops (truncations, bit flips, random bytes) never get a bad image through or read
 * outside it (the tests run under AddressSanitizer).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <rampart/ta_image.h>

#define SIG 384
#define ELF 1000
#define TOTAL (TA_SHDR_SIZE + TA_HASH_SIZE + SIG + ELF)

static uint8_t image[TOTAL];

static void build(uint32_t img_type, uint32_t img_size, uint32_t algo, uint16_t hash_size,
		  uint16_t sig_size)
{
	struct ta_shdr h = {TA_SHDR_MAGIC, img_type, img_size, algo, hash_size, sig_size};

	for (size_t i = 0; i < sizeof(image); i++)
		image[i] = (uint8_t)(i * 31 + 7);
	ta_shdr_encode(&h, image);
}

static void build_good(void)
{
	build(TA_IMG_TYPE_TA, ELF, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
}

/* A fresh copy of exactly len bytes, so ASan sees any read past the end. */
static enum ta_image_error parse_copy(const uint8_t *src, size_t len, struct ta_image_layout *lay)
{
	uint8_t *copy = malloc(len ? len : 1);
	enum ta_image_error err;

	memcpy(copy, src, len);
	err = ta_image_parse(copy, len, SIG, TA_IMAGE_MAX_SIZE, lay);
	free(copy);
	return err;
}

static void well_formed(void **state)
{
	struct ta_image_layout lay;

	(void)state;
	build_good();
	assert_int_equal(ta_image_parse(image, TOTAL, SIG, TA_IMAGE_MAX_SIZE, &lay), TA_IMAGE_OK);
	assert_int_equal(lay.hash_offset, 20);
	assert_int_equal(lay.sig_offset, 20 + 32);
	assert_int_equal(lay.elf_offset, 20 + 32 + SIG);
	assert_int_equal(lay.elf_size, ELF);
	assert_int_equal(lay.shdr.magic, TA_SHDR_MAGIC);
	assert_int_equal(lay.shdr.sig_size, SIG);
}

static void header_is_little_endian(void **state)
{
	(void)state;
	build_good();
	/* "HSTO" magic, then img_type 0, img_size 1000 = 0x3e8 */
	assert_memory_equal(image, "\x48\x53\x54\x4f\x00\x00\x00\x00\xe8\x03\x00\x00", 12);
	assert_memory_equal(image + 12, "\x30\x49\x41\x70\x20\x00\x80\x01", 8);
}

static void expect(enum ta_image_error want)
{
	struct ta_image_layout lay;

	assert_int_equal(parse_copy(image, TOTAL, &lay), want);
}

static void each_error_has_its_code(void **state)
{
	(void)state;
	build(TA_IMG_TYPE_TA, ELF, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
	image[0] ^= 1;
	expect(TA_IMAGE_ERR_MAGIC);
	build(1, ELF, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG); /* bootstrap TA */
	expect(TA_IMAGE_ERR_TYPE);
	build(2, ELF, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG); /* encrypted TA */
	expect(TA_IMAGE_ERR_TYPE);
	build(TA_IMG_TYPE_TA, ELF, 0x70004830, TA_HASH_SIZE, SIG); /* PKCS#1 v1.5 */
	expect(TA_IMAGE_ERR_ALGO);
	build(TA_IMG_TYPE_TA, ELF, TA_ALG_RSASSA_PSS_SHA256, 20, SIG);
	expect(TA_IMAGE_ERR_HASH_SIZE);
	build(TA_IMG_TYPE_TA, ELF, TA_ALG_RSASSA_PSS_SHA256, 64, SIG);
	expect(TA_IMAGE_ERR_HASH_SIZE);
	build(TA_IMG_TYPE_TA, ELF, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, 256);
	expect(TA_IMAGE_ERR_SIG_SIZE);
	build(TA_IMG_TYPE_TA, 0xffffffffU, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_SIZE_OVERFLOW);
	build(TA_IMG_TYPE_TA, 0xffffffffU - 20 - 32 - SIG + 1, TA_ALG_RSASSA_PSS_SHA256,
	      TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_SIZE_OVERFLOW);
	/* The largest total that fits 32 bits is no overflow, only too big. */
	build(TA_IMG_TYPE_TA, 0xffffffffU - 20 - 32 - SIG, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE,
	      SIG);
	expect(TA_IMAGE_ERR_TOO_BIG);
	build(TA_IMG_TYPE_TA, TA_IMAGE_MAX_SIZE - 20 - 32 - SIG + 1, TA_ALG_RSASSA_PSS_SHA256,
	      TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_TOO_BIG);
	build(TA_IMG_TYPE_TA, 0, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_EMPTY);
	build(TA_IMG_TYPE_TA, ELF + 1, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_TRUNCATED);
	build(TA_IMG_TYPE_TA, ELF - 1, TA_ALG_RSASSA_PSS_SHA256, TA_HASH_SIZE, SIG);
	expect(TA_IMAGE_ERR_TRAILING);
}

static void limit_is_inclusive(void **state)
{
	struct ta_image_layout lay;

	(void)state;
	build_good();
	assert_int_equal(ta_image_parse(image, TOTAL, SIG, TOTAL, &lay), TA_IMAGE_OK);
	assert_int_equal(ta_image_parse(image, TOTAL, SIG, TOTAL - 1, &lay), TA_IMAGE_ERR_TOO_BIG);
}

static void every_truncation_is_refused(void **state)
{
	struct ta_image_layout lay;

	(void)state;
	build_good();
	for (size_t len = 0; len < TOTAL; len++) {
		enum ta_image_error err = parse_copy(image, len, &lay);

		assert_int_equal(err, len < TA_SHDR_SIZE ? TA_IMAGE_ERR_SHORT_HEADER
							 : TA_IMAGE_ERR_TRUNCATED);
	}
}

static void every_header_bit_flip_is_refused(void **state)
{
	struct ta_image_layout lay;

	(void)state;
	for (size_t bit = 0; bit < TA_SHDR_SIZE * 8; bit++) {
		build_good();
		image[bit / 8] ^= (uint8_t)(1 << (bit % 8));
		assert_int_not_equal(parse_copy(image, TOTAL, &lay), TA_IMAGE_OK);
	}
}

/* Bytes past the header are the crypto's business: flips there still parse, same layout. */
static void body_bit_flips_keep_the_layout(void **state)
{
	struct ta_image_layout lay;

	(void)state;
	srand(1);
	for (int i = 0; i < 2000; i++) {
		size_t pos = TA_SHDR_SIZE + (size_t)rand() % (TOTAL - TA_SHDR_SIZE);

		build_good();
		image[pos] ^= (uint8_t)(1 << (rand() % 8));
		assert_int_equal(parse_copy(image, TOTAL, &lay), TA_IMAGE_OK);
		assert_int_equal(lay.elf_offset + lay.elf_size, TOTAL);
	}
}

/* Random headers of random lengths: never a crash, and anything accepted lies inside the input. */
static void random_input(void **state)
{
	static uint8_t buf[4096];
	struct ta_image_layout lay;
	int accepted = 0;

	(void)state;
	srand(2);
	for (int i = 0; i < 30000; i++) {
		size_t len = (size_t)rand() % sizeof(buf);

		for (size_t j = 0; j < len; j++)
			buf[j] = (uint8_t)rand();
		/* Half the time keep a valid-looking header so the deeper checks get reached. */
		if (i & 1 && len >= TA_SHDR_SIZE) {
			struct ta_shdr h = {TA_SHDR_MAGIC, (uint32_t)(rand() % 2),
					    (uint32_t)(rand() % 5000), TA_ALG_RSASSA_PSS_SHA256,
					    (uint16_t)(rand() % 2 ? 32 : rand()),
					    (uint16_t)(rand() % 2 ? SIG : rand())};

			ta_shdr_encode(&h, buf);
		}
		if (parse_copy(buf, len, &lay) == TA_IMAGE_OK) {
			accepted++;
			assert_true(lay.elf_offset + lay.elf_size == len);
			assert_int_equal(lay.shdr.sig_size, SIG);
		}
	}
	/* The loop did reach the well-formed case. */
	assert_true(accepted > 0);
}

static void every_error_has_a_message(void **state)
{
	(void)state;
	for (int e = 0; e < TA_IMAGE_ERR_COUNT; e++) {
		assert_non_null(ta_image_strerror(e));
		assert_true(strlen(ta_image_strerror(e)) > 5);
		for (int f = 0; f < e; f++)
			assert_string_not_equal(ta_image_strerror(e), ta_image_strerror(f));
	}
	assert_string_equal(ta_image_strerror(TA_IMAGE_ERR_COUNT), "unknown TA image error");
	assert_string_equal(ta_image_strerror(-1), "unknown TA image error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(well_formed),
		cmocka_unit_test(header_is_little_endian),
		cmocka_unit_test(each_error_has_its_code),
		cmocka_unit_test(limit_is_inclusive),
		cmocka_unit_test(every_truncation_is_refused),
		cmocka_unit_test(every_header_bit_flip_is_refused),
		cmocka_unit_test(body_bit_flips_keep_the_layout),
		cmocka_unit_test(random_input),
		cmocka_unit_test(every_error_has_a_message),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
