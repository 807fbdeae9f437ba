// SPDX-License-Identifier: BSD-2-Clause
/*
 * ta_sign: turn a TA's ELF into a signed TA image (include/rampart/ta_image.h) that the trusted
 * OS accepts when it was built with the same key.
 *
 *   ta_sign --key KEY.pem --in TA.elf --out UUID.ta
 *
 * Hash = SHA-256(header || ELF); signature = RSASSA-PSS (PKCS#1 v2.1), SHA-256, salt 32 bytes.
 */
#include <errno.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/sha256.h>
#include <rampart/ta_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ta_key.h"

static const char usage[] = "usage: ta_sign --key KEY.pem --in TA.elf --out UUID.ta\n";

static int fail(const char *fmt, const char *what, const char *detail)
{
	fprintf(stderr, "ta_sign: ");
	fprintf(stderr, fmt, what, detail);
	fprintf(stderr, "\n");
	return 1;
}

/* Read a whole file; NULL (with errno) on failure or when it is over max bytes. */
static uint8_t *read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	if ((unsigned long)size > max) {
		fclose(f);
		errno = EFBIG;
		return NULL;
	}
	buf = malloc(size ? size : 1);
	if (buf && fread(buf, 1, size, f) != (size_t)size) {
		free(buf);
		buf = NULL;
		errno = EIO;
	}
	fclose(f);
	*len = size;
	return buf;
}

static int sign(const char *key_path, const char *in, const char *out)
{
	static const uint8_t elf_magic[4] = {0x7f, 'E', 'L', 'F'};
	uint8_t shdr[TA_SHDR_SIZE], hash[TA_HASH_SIZE], sig[MBEDTLS_MPI_MAX_SIZE];
	mbedtls_ctr_drbg_context drbg;
	mbedtls_entropy_context entropy;
	mbedtls_sha256_context sha;
	mbedtls_rsa_context *rsa;
	mbedtls_pk_context pk;
	size_t elf_len, sig_len;
	uint8_t *elf;
	char why[128];
	int err, ret = 1;
	FILE *f;

	elf = read_file(in, TA_IMAGE_MAX_SIZE, &elf_len);
	if (!elf)
		return fail("%s: %s", in, strerror(errno));
	if (elf_len < 4 || memcmp(elf, elf_magic, 4)) {
		free(elf);
		return fail("%s: %s", in, "not an ELF file");
	}
	rsa = ta_key_load(&pk, key_path, 1);
	if (!rsa)
		goto out_elf;
	sig_len = mbedtls_rsa_get_len(rsa);
	if (TA_SHDR_SIZE + TA_HASH_SIZE + sig_len + elf_len > TA_IMAGE_MAX_SIZE) {
		fail("%s: %s", in, "the signed image would exceed TA_IMAGE_MAX_SIZE");
		goto out_key;
	}
	ta_shdr_encode(&(struct ta_shdr){.magic = TA_SHDR_MAGIC,
					 .img_type = TA_IMG_TYPE_TA,
					 .img_size = (uint32_t)elf_len,
					 .algo = TA_ALG_RSASSA_PSS_SHA256,
					 .hash_size = TA_HASH_SIZE,
					 .sig_size = (uint16_t)sig_len},
		       shdr);

	mbedtls_sha256_init(&sha);
	mbedtls_sha256_starts_ret(&sha, 0);
	mbedtls_sha256_update_ret(&sha, shdr, sizeof(shdr));
	mbedtls_sha256_update_ret(&sha, elf, elf_len);
	mbedtls_sha256_finish_ret(&sha, hash);
	mbedtls_sha256_free(&sha);

	/* PSS salt from the host's entropy through a DRBG. */
	mbedtls_entropy_init(&entropy);
	mbedtls_ctr_drbg_init(&drbg);
	err = mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy,
				    (const unsigned char *)"ta_sign", 7);
	if (!err) {
		mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
		err = mbedtls_rsa_rsassa_pss_sign_ext(rsa, mbedtls_ctr_drbg_random, &drbg,
						      MBEDTLS_MD_SHA256, TA_HASH_SIZE, hash,
						      TA_PSS_SALT_LEN, sig);
	}
	mbedtls_ctr_drbg_free(&drbg);
	mbedtls_entropy_free(&entropy);
	if (err) {
		mbedtls_strerror(err, why, sizeof(why));
		fail("%s: signing failed: %s", key_path, why);
		goto out_key;
	}

	f = fopen(out, "wb");
	if (!f) {
		fail("%s: %s", out, strerror(errno));
		goto out_key;
	}
	if (fwrite(shdr, 1, sizeof(shdr), f) != sizeof(shdr) ||
	    fwrite(hash, 1, sizeof(hash), f) != sizeof(hash) ||
	    fwrite(sig, 1, sig_len, f) != sig_len || fwrite(elf, 1, elf_len, f) != elf_len) {
		fclose(f);
		remove(out);
		fail("%s: %s", out, "write failed");
		goto out_key;
	}
	if (fclose(f)) {
		remove(out);
		fail("%s: %s", out, strerror(errno));
		goto out_key;
	}
	ret = 0;
out_key:
	mbedtls_pk_free(&pk);
out_elf:
	free(elf);
	return ret;
}

int main(int argc, char **argv)
{
	const char *key = NULL, *in = NULL, *out = NULL;

	for (int i = 1; i < argc; i++) {
		const char **slot = !strcmp(argv[i], "--key") ? &key
				    : !strcmp(argv[i], "--in") ? &in
				    : !strcmp(argv[i], "--out") ? &out
								: NULL;

		if (!slot || i + 1 >= argc) {
			fprintf(stderr, "ta_sign: %s: %s\n%s", argv[i],
				slot ? "needs a value" : "unknown option", usage);
			return 2;
		}
		*slot = argv[++i];
	}
	if (!key || !in || !out) {
		fputs(usage, stderr);
		return 2;
	}
	return sign(key, in, out);
}
