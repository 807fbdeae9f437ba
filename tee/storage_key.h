/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Keys and sealing for trusted storage (docs/storage.md). Every file a TA's objects live in is
 * AES-256-GCM encrypted and authenticated under a key of that TA's own, derived from the
 * board's device key, which only the secure world can read (plat_device_key).
 */
#ifndef TEE_STORAGE_KEY_H
#define TEE_STORAGE_KEY_H

#include <mbedtls/gcm.h>
#include <stddef.h>
#include <stdint.h>

#define DEVICE_KEY_LEN	32
#define STORAGE_IV_LEN	12
#define STORAGE_TAG_LEN 16

/*
 * Board hook: the device key (32 secret bytes, the same at every boot, never all zero). On QEMU
 * a key generated for each build and linked into the trusted OS image, which lives only in
 * secure flash and secure RAM (plat/qemu_virt/device_key.c); on a real board, read it from OTP
 * or fuses that only the secure world can read. 0, or -1 when the board has none.
 */
int plat_device_key(uint8_t key[DEVICE_KEY_LEN]);

/* One file being sealed (encrypted and tagged) or opened (decrypted and checked). */
struct storage_aead {
	mbedtls_gcm_context gcm;
};

/*
 * Start sealing (decrypt 0) or opening (decrypt 1) a file of the TA uuid under its own key,
 * with this IV and the file's associated data. TEEC_SUCCESS, or TEEC_ERROR_SECURITY when the
 * device key is missing or all zero (logged), or GENERIC.
 */
uint32_t storage_aead_start(struct storage_aead *a, const uint8_t uuid[16], int decrypt,
			    const uint8_t iv[STORAGE_IV_LEN], const void *aad, size_t aad_len);
/* len bytes of in to out; every call but the last must be a multiple of 16 bytes. */
int storage_aead_update(struct storage_aead *a, const void *in, void *out, size_t len);
/* Sealing: the tag. Opening: 0 when tag is the right one (compared in constant time), else -1. */
void storage_aead_seal_tag(struct storage_aead *a, uint8_t tag[STORAGE_TAG_LEN]);
int storage_aead_check_tag(struct storage_aead *a, const uint8_t tag[STORAGE_TAG_LEN]);
void storage_aead_free(struct storage_aead *a);

/* Check at boot that the board gives a usable device key: 0, or -1 (logged). */
int storage_key_selftest(void);

#endif
