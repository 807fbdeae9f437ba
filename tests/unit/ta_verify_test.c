// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA signing end to end on the host: build/host/ta_sign signs an ELF, and the trusted OS's own
 * verification code (lib/crypto/ta_verify.c, here on Debian's libmbedtls) accepts it with the
 * matching public key and refuses tampered, wrongly signed, truncated and oversized images with
 * the documented TEE_Result and a log line naming the problem.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>

#include <rampart/optee_abi.h>
#include <rampart/ta_image.h>

#include "ta_verify.h"

#define TA_SIGN "build/host/ta_sign"
#define DEV_KEY "keys/ta_signing_key.pem"
#define OTHER_3072 "tests/unit/keys/other_3072.pem"
#define OTHER_2048 "tests/unit/keys/other_2048.pem"
#define WORK "build/unit/ta_verify"
#define ELF_SIZE 5000

static char last_log[512];

/* The verification code logs through the firmware's log functions; keep the last line. */
static void keep(const char *fmt, va_list ap)
{
	vsnprintf(last_log, sizeof(last_log), fmt, ap);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	keep(fmt, ap);
	va_end(ap);
}

void log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	keep(fmt, ap);
	va_end(ap);
}

struct key {
	uint8_t n[512], e[8];
	struct ta_pubkey pub;
};

static void load_pubkey(const char *path, struct key *k)
{
	mbedtls_pk_context pk;
	mbedtls_rsa_context *rsa;

	mbedtls_pk_init(&pk);
	assert_int_equal(mbedtls_pk_parse_keyfile(&pk, path, NULL), 0);
	rsa = mbedtls_pk_rsa(pk);
	k->pub.modulus_len = mbedtls_rsa_get_len(rsa);
	assert_int_equal(mbedtls_rsa_export_raw(rsa, k->n, k->pub.modulus_len, NULL, 0, NULL, 0,
						NULL, 0, k->e, sizeof(k->e)),
			 0);
	k->pub.modulus = k->n;
	k->pub.exponent = k->e;
	k->pub.exponent_len = sizeof(k->e);
	mbedtls_pk_free(&pk);
}

static uint8_t *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(*len);
	assert_int_equal(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

static void write_all(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static uint8_t elf[ELF_SIZE];

/* Sign our test ELF with key; returns ta_sign's exit status. */
static int sign_with(const char *key, const char *out)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "%s --key %s --in %s/test.elf --out %s 2>%s/sign.err", TA_SIGN,
		 key, WORK, out, WORK);
	return system(cmd);
}

static int setup(void **state)
{
	(void)state;
	if (system("mkdir -p " WORK))
		return -1;
	memcpy(elf, "\x7f" "ELF\x02\x01\x01", 7);
	for (size_t i = 7; i < sizeof(elf); i++)
		elf[i] = (uint8_t)(i * 131 + 17);
	write_all(WORK "/test.elf", elf, sizeof(elf));
	return 0;
}

/* A verified copy of exactly len bytes (ASan sees any read past its end). */
static uint32_t verify(const struct key *k, const uint8_t *img, size_t len, size_t *elf_len)
{
	uint8_t *copy = malloc(len ? len : 1);
	const void *e = NULL;
	size_t el = 0;
	uint32_t res;

	memcpy(copy, img, len);
	last_log[0] = 0;
	res = ta_image_verify_with_key(&k->pub, copy, len, &e, &el);
	if (res == TEEC_SUCCESS) {
		assert_ptr_equal(e, copy + TA_SHDR_SIZE + TA_HASH_SIZE + k->pub.modulus_len);
		assert_memory_equal(e, elf, sizeof(elf));
	}
	if (elf_len)
		*elf_len = el;
	free(copy);
	return res;
}

static void signed_image_verifies(void **state)
{
	struct key dev;
	size_t len, elf_len;
	uint8_t *img;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/good.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	img = read_all(WORK "/good.ta", &len);
	assert_int_equal(len, TA_SHDR_SIZE + TA_HASH_SIZE + 384 + ELF_SIZE);
	assert_int_equal(verify(&dev, img, len, &elf_len), TEEC_SUCCESS);
	assert_int_equal(elf_len, ELF_SIZE);
	assert_string_equal(last_log, ""); /* nothing to complain about */
	free(img);
}

/* PSS is randomised: two signatures of the same ELF differ, and both verify. */
static void signatures_are_randomised(void **state)
{
	struct key dev;
	size_t a_len, b_len;
	uint8_t *a, *b;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/a.ta"), 0);
	assert_int_equal(sign_with(DEV_KEY, WORK "/b.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	a = read_all(WORK "/a.ta", &a_len);
	b = read_all(WORK "/b.ta", &b_len);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, TA_SHDR_SIZE + TA_HASH_SIZE);
	assert_memory_not_equal(a + 52, b + 52, 384);
	assert_int_equal(verify(&dev, a, a_len, NULL), TEEC_SUCCESS);
	assert_int_equal(verify(&dev, b, b_len, NULL), TEEC_SUCCESS);
	free(a);
	free(b);
}

/* Any flipped bit after the header (hash, signature or ELF) is a security error. */
static void tampered_bytes_are_refused(void **state)
{
	struct key dev;
	size_t len;
	uint8_t *img;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/good.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	img = read_all(WORK "/good.ta", &len);
	srand(3);
	for (int i = 0; i < 300; i++) {
		/* Each region gets its share: hash, signature, ELF. */
		size_t lo = i % 3 == 0 ? 20 : i % 3 == 1 ? 52 : 52 + 384;
		size_t hi = i % 3 == 0 ? 52 : i % 3 == 1 ? 52 + 384 : len;
		size_t pos = lo + (size_t)rand() % (hi - lo);
		uint8_t bit = (uint8_t)(1 << (rand() % 8));

		img[pos] ^= bit;
		assert_int_equal(verify(&dev, img, len, NULL), TEEC_ERROR_SECURITY);
		assert_true(strstr(last_log, "does not match") || strstr(last_log, "signature"));
		img[pos] ^= bit;
	}
	assert_int_equal(verify(&dev, img, len, NULL), TEEC_SUCCESS);
	free(img);
}

/* Changing the ELF and fixing up the hash field still fails: the signature covers the hash. */
static void rehashed_tampering_is_refused(void **state)
{
	struct key dev;
	size_t len;
	uint8_t *img;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/good.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	img = read_all(WORK "/good.ta", &len);
	img[len - 1] ^= 0x40;
	{
		uint8_t *signed_part = malloc(TA_SHDR_SIZE + ELF_SIZE);

		memcpy(signed_part, img, TA_SHDR_SIZE);
		memcpy(signed_part + TA_SHDR_SIZE, img + len - ELF_SIZE, ELF_SIZE);
		/* sha256() is the trusted OS helper, on the host's mbedTLS here. */
		assert_int_equal(sha256(signed_part, TA_SHDR_SIZE + ELF_SIZE, img + TA_SHDR_SIZE), 0);
		free(signed_part);
	}
	assert_int_equal(verify(&dev, img, len, NULL), TEEC_ERROR_SECURITY);
	assert_non_null(strstr(last_log, "signature does not verify"));
	free(img);
}

static void wrong_key_is_refused(void **state)
{
	struct key dev;
	size_t len;
	uint8_t *img;

	(void)state;
	load_pubkey(DEV_KEY, &dev);
	/* Same size, other key: the signature does not verify. */
	assert_int_equal(sign_with(OTHER_3072, WORK "/other.ta"), 0);
	img = read_all(WORK "/other.ta", &len);
	assert_int_equal(verify(&dev, img, len, NULL), TEEC_ERROR_SECURITY);
	assert_non_null(strstr(last_log, "signature does not verify"));
	free(img);
	/* Other size: the header says so before any crypto runs. */
	assert_int_equal(sign_with(OTHER_2048, WORK "/other2048.ta"), 0);
	img = read_all(WORK "/other2048.ta", &len);
	assert_int_equal(verify(&dev, img, len, NULL), TEEC_ERROR_BAD_FORMAT);
	assert_non_null(strstr(last_log, "signature size does not match"));
	free(img);
}

/*
 * A trusted OS built with its own key (TA_SIGN_KEY=other) accepts TAs signed with that key
 * alone: the development key is not also trusted. And the boot-time check that names the
 * development key (tee/ta_verify.c, ta_pubkey_equal) tells the two apart.
 */
static void own_key_build_refuses_development_key(void **state)
{
	struct key dev, dev_again, other, other2048;
	struct ta_pubkey stripped;
	size_t len;
	uint8_t *img;

	(void)state;
	load_pubkey(DEV_KEY, &dev);
	load_pubkey(DEV_KEY, &dev_again);
	load_pubkey(OTHER_3072, &other);
	load_pubkey(OTHER_2048, &other2048);
	assert_int_equal(sign_with(DEV_KEY, WORK "/dev.ta"), 0);
	img = read_all(WORK "/dev.ta", &len);
	assert_int_equal(verify(&other, img, len, NULL), TEEC_ERROR_SECURITY);
	assert_int_equal(verify(&other2048, img, len, NULL), TEEC_ERROR_BAD_FORMAT);
	free(img);
	assert_int_equal(sign_with(OTHER_3072, WORK "/own.ta"), 0);
	img = read_all(WORK "/own.ta", &len);
	assert_int_equal(verify(&other, img, len, NULL), TEEC_SUCCESS);
	free(img);

	assert_true(ta_pubkey_equal(&dev.pub, &dev_again.pub));
	assert_false(ta_pubkey_equal(&other.pub, &dev.pub));
	assert_false(ta_pubkey_equal(&other2048.pub, &dev.pub));
	/* tools/ta_pubkey drops the exponent's leading zeros: still the same key. */
	stripped = dev.pub;
	while (stripped.exponent_len > 1 && !stripped.exponent[0]) {
		stripped.exponent++;
		stripped.exponent_len--;
	}
	assert_true(stripped.exponent_len < dev.pub.exponent_len);
	assert_true(ta_pubkey_equal(&stripped, &dev.pub));
	/* Same modulus, another exponent: another key. */
	dev_again.e[sizeof(dev_again.e) - 1] ^= 2;
	assert_false(ta_pubkey_equal(&dev_again.pub, &dev.pub));
}

static void truncated_is_bad_format(void **state)
{
	struct key dev;
	size_t len;
	uint8_t *img;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/good.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	img = read_all(WORK "/good.ta", &len);
	for (size_t cut = 0; cut < len; cut += cut < 600 ? 1 : 97) {
		assert_int_equal(verify(&dev, img, cut, NULL), TEEC_ERROR_BAD_FORMAT);
		assert_true(strstr(last_log, "truncated") || strstr(last_log, "shorter"));
	}
	free(img);
}

static void oversized_and_trailing(void **state)
{
	struct key dev;
	struct ta_shdr h = {TA_SHDR_MAGIC, TA_IMG_TYPE_TA, TA_IMAGE_MAX_SIZE, TA_ALG_RSASSA_PSS_SHA256,
			    TA_HASH_SIZE, 384};
	size_t len;
	uint8_t *img, *big;

	(void)state;
	assert_int_equal(sign_with(DEV_KEY, WORK "/good.ta"), 0);
	load_pubkey(DEV_KEY, &dev);
	img = read_all(WORK "/good.ta", &len);
	big = calloc(1, len + 1);
	memcpy(big, img, len);
	assert_int_equal(verify(&dev, big, len + 1, NULL), TEEC_ERROR_BAD_FORMAT);
	assert_non_null(strstr(last_log, "trailing"));
	ta_shdr_encode(&h, big);
	assert_int_equal(verify(&dev, big, len, NULL), TEEC_ERROR_EXCESS_DATA);
	assert_non_null(strstr(last_log, "larger than"));
	free(big);
	free(img);
}

static void ta_sign_refuses_bad_input(void **state)
{
	(void)state;
	write_all(WORK "/not.elf", "not an elf at all", 17);
	assert_int_not_equal(system(TA_SIGN " --key " DEV_KEY " --in " WORK "/not.elf --out " WORK
					    "/x.ta 2>/dev/null"),
			     0);
	assert_int_not_equal(system(TA_SIGN " --key " WORK "/no-such-key.pem --in " WORK
					    "/test.elf --out " WORK "/x.ta 2>/dev/null"),
			     0);
	assert_int_not_equal(system(TA_SIGN " --key " DEV_KEY " 2>/dev/null"), 0);
	/* A public key cannot sign. */
	assert_int_equal(system("openssl version >/dev/null 2>&1 || exit 0; openssl rsa -in " DEV_KEY
				" -pubout -out " WORK "/pub.pem 2>/dev/null && ! " TA_SIGN
				" --key " WORK "/pub.pem --in " WORK "/test.elf --out " WORK
				"/x.ta 2>/dev/null"),
			 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(signed_image_verifies),
		cmocka_unit_test(signatures_are_randomised),
		cmocka_unit_test(tampered_bytes_are_refused),
		cmocka_unit_test(rehashed_tampering_is_refused),
		cmocka_unit_test(wrong_key_is_refused),
		cmocka_unit_test(own_key_build_refuses_development_key),
		cmocka_unit_test(truncated_is_bad_format),
		cmocka_unit_test(oversized_and_trailing),
		cmocka_unit_test(ta_sign_refuses_bad_input),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
