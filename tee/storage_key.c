// SPDX-License-Identifier: BSD-2-Clause
/*
 * Per-TA storage keys (see storage_key.h). The key of TA u is
 *   K_u = HMAC-SHA256(K_device, [1]_32 || "rampart trusted storage v1" || 0x00 || u || [256]_32)
 * the KDF in counter mode of NIST SP 800-108r1 section 4.1 with HMAC-SHA256 as its PRF, one
 * block. A TA therefore cannot open, or make, a file that another TA's key opens, and nothing
 * in the normal world can without the device key.
 */
#include "guest.h"
#include "storage_key.h"
#include "thread.h"

#include <log.h>
#include <mbedtls/md.h>
#include <mbedtls/platform_util.h>
#include <rampart/optee_abi.h>
#include <string.h>

static const char label[] = "rampart trusted storage v1";

static int all_zero(const uint8_t *p, size_t n)
{
	uint8_t acc = 0;

	for (size_t i = 0; i < n; i++)
		acc |= p[i];
	return acc == 0;
}

static int device_key(uint8_t key[DEVICE_KEY_LEN])
{
	if (plat_device_key(key)) {
		log_error("trusted storage: the board gives no device key");
		return -1;
	}
	if (all_zero(key, DEVICE_KEY_LEN)) {
		log_error("trusted storage: the device key is all zero: refused");
		return -1;
	}
	return 0;
}

/* K_u as above: 0, or -1. */
static int ta_key(const uint8_t uuid[16], uint8_t out[32])
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
	uint8_t dk[DEVICE_KEY_LEN];
	uint8_t msg[4 + sizeof(label) + 16 + 4];
	size_t n = 0;
	int ret;

	if (device_key(dk))
		return -1;
	msg[n++] = 0, msg[n++] = 0, msg[n++] = 0, msg[n++] = 1; /* block counter i = 1 */
	memcpy(msg + n, label, sizeof(label));			/* label and its 0x00 */
	n += sizeof(label);
	/* context: the TA, and in a VM the VM too (guest.h: no VM opens another's objects) */
	guest_store_uuid(thread_client(), uuid, msg + n);
	n += 16;
	msg[n++] = 0, msg[n++] = 0, msg[n++] = 1, msg[n++] = 0; /* L = 256 bits */
	ret = mbedtls_md_hmac(md, dk, sizeof(dk), msg, n, out);
	mbedtls_platform_zeroize(dk, sizeof(dk));
	return ret ? -1 : 0;
}

uint32_t storage_aead_start(struct storage_aead *a, const uint8_t uuid[16], int decrypt,
			    const uint8_t iv[STORAGE_IV_LEN], const void *aad, size_t aad_len)
{
	uint8_t key[32];
	int ret;

	mbedtls_gcm_init(&a->gcm);
	if (ta_key(uuid, key))
		return TEEC_ERROR_SECURITY;
	ret = mbedtls_gcm_setkey(&a->gcm, MBEDTLS_CIPHER_ID_AES, key, 256);
	mbedtls_platform_zeroize(key, sizeof(key));
	if (!ret)
		ret =
		    mbedtls_gcm_starts(&a->gcm, decrypt ? MBEDTLS_GCM_DECRYPT : MBEDTLS_GCM_ENCRYPT,
				       iv, STORAGE_IV_LEN, aad, aad_len);
	if (ret) {
		mbedtls_gcm_free(&a->gcm);
		return TEEC_ERROR_GENERIC;
	}
	return TEEC_SUCCESS;
}

int storage_aead_update(struct storage_aead *a, const void *in, void *out, size_t len)
{
	return mbedtls_gcm_update(&a->gcm, len, in, out) ? -1 : 0;
}

void storage_aead_seal_tag(struct storage_aead *a, uint8_t tag[STORAGE_TAG_LEN])
{
	mbedtls_gcm_finish(&a->gcm, tag, STORAGE_TAG_LEN);
}

int storage_aead_check_tag(struct storage_aead *a, const uint8_t tag[STORAGE_TAG_LEN])
{
	uint8_t want[STORAGE_TAG_LEN];
	uint8_t diff = 0;

	if (mbedtls_gcm_finish(&a->gcm, want, sizeof(want)))
		return -1;
	for (size_t i = 0; i < sizeof(want); i++)
		diff |= want[i] ^ tag[i];
	return diff ? -1 : 0;
}

void storage_aead_free(struct storage_aead *a)
{
	mbedtls_gcm_free(&a->gcm);
}

int storage_key_selftest(void)
{
	uint8_t dk[DEVICE_KEY_LEN];
	int ret = device_key(dk);

	mbedtls_platform_zeroize(dk, sizeof(dk));
	return ret;
}
