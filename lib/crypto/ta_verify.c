// SPDX-License-Identifier: BSD-2-Clause
/* Signed TA images: header checks (lib/common/ta_image.c), then SHA-256 and RSASSA-PSS. */
#include <log.h>
#include <mbedtls/error.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>
#include <mbedtls/sha256.h>
#include <rampart/optee_abi.h>
#include <rampart/ta_image.h>
#include <string.h>

#include "ta_verify.h"

int sha256(const void *data, size_t len, uint8_t out[32])
{
	return mbedtls_sha256_ret(data, len, out, 0);
}

/* SHA-256 over the signed header and the ELF: everything but the hash and signature fields. */
static int image_hash(const uint8_t *image, const struct ta_image_layout *lay, uint8_t out[32])
{
	mbedtls_sha256_context ctx;
	int err;

	mbedtls_sha256_init(&ctx);
	err = mbedtls_sha256_starts_ret(&ctx, 0);
	if (!err)
		err = mbedtls_sha256_update_ret(&ctx, image, TA_SHDR_SIZE);
	if (!err)
		err = mbedtls_sha256_update_ret(&ctx, image + lay->elf_offset, lay->elf_size);
	if (!err)
		err = mbedtls_sha256_finish_ret(&ctx, out);
	mbedtls_sha256_free(&ctx);
	return err;
}

static uint32_t check_signature(const struct ta_pubkey *key, const uint8_t hash[32],
				const uint8_t *sig)
{
	mbedtls_rsa_context rsa;
	uint32_t res = TEEC_SUCCESS;
	int err;

	mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
	err = mbedtls_rsa_import_raw(&rsa, key->modulus, key->modulus_len, NULL, 0, NULL, 0, NULL,
				     0, key->exponent, key->exponent_len);
	if (!err)
		err = mbedtls_rsa_complete(&rsa);
	if (!err)
		err = mbedtls_rsa_check_pubkey(&rsa);
	if (err) {
		log_error("TA signing key unusable (mbedTLS error -%#x)", (unsigned int)-err);
		res = err == MBEDTLS_ERR_MPI_ALLOC_FAILED ? TEEC_ERROR_OUT_OF_MEMORY
							  : TEEC_ERROR_BAD_PARAMETERS;
		goto out;
	}
	/* PKCS#1 v2.1 RSASSA-PSS with MGF1-SHA-256 and exactly the 32-byte salt the format uses. */
	err = mbedtls_rsa_rsassa_pss_verify_ext(&rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC,
						MBEDTLS_MD_SHA256, TA_HASH_SIZE, hash,
						MBEDTLS_MD_SHA256, TA_PSS_SALT_LEN, sig);
	if (err == MBEDTLS_ERR_MPI_ALLOC_FAILED) {
		log_error("TA image: no memory to check the signature");
		res = TEEC_ERROR_OUT_OF_MEMORY;
	} else if (err) {
		log_error("TA image refused: signature does not verify with the TA signing key "
			  "(mbedTLS error -%#x)",
			  (unsigned int)-err);
		res = TEEC_ERROR_SECURITY;
	}
out:
	mbedtls_rsa_free(&rsa);
	return res;
}

/* A big-endian number without its leading zero bytes. */
static void strip_zeros(const uint8_t **p, size_t *len)
{
	while (*len > 1 && !**p) {
		(*p)++;
		(*len)--;
	}
}

int ta_pubkey_equal(const struct ta_pubkey *a, const struct ta_pubkey *b)
{
	const uint8_t *an = a->modulus, *bn = b->modulus, *ae = a->exponent, *be = b->exponent;
	size_t anl = a->modulus_len, bnl = b->modulus_len, ael = a->exponent_len,
	       bel = b->exponent_len;

	strip_zeros(&an, &anl);
	strip_zeros(&bn, &bnl);
	strip_zeros(&ae, &ael);
	strip_zeros(&be, &bel);
	return anl == bnl && ael == bel && !memcmp(an, bn, anl) && !memcmp(ae, be, ael);
}

uint32_t ta_image_verify_with_key(const struct ta_pubkey *key, const void *image, size_t len,
				  const void **elf, size_t *elf_len)
{
	const uint8_t *p = image;
	struct ta_image_layout lay;
	enum ta_image_error perr;
	uint8_t hash[TA_HASH_SIZE];
	uint32_t res;

	perr = ta_image_parse(image, len, key->modulus_len, TA_IMAGE_MAX_SIZE, &lay);
	if (perr != TA_IMAGE_OK) {
		log_error("TA image refused (%zu bytes): %s", len, ta_image_strerror(perr));
		return perr == TA_IMAGE_ERR_TOO_BIG ? TEEC_ERROR_EXCESS_DATA : TEEC_ERROR_BAD_FORMAT;
	}
	if (image_hash(p, &lay, hash)) {
		log_error("TA image: SHA-256 failed");
		return TEEC_ERROR_GENERIC;
	}
	/* The hash is public: a plain comparison leaks nothing worth a constant-time one. */
	if (memcmp(hash, p + lay.hash_offset, TA_HASH_SIZE)) {
		log_error("TA image refused: SHA-256 of header and ELF does not match its hash field");
		return TEEC_ERROR_SECURITY;
	}
	res = check_signature(key, hash, p + lay.sig_offset);
	if (res != TEEC_SUCCESS)
		return res;
	*elf = p + lay.elf_offset;
	*elf_len = lay.elf_size;
	return TEEC_SUCCESS;
}
