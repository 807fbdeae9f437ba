// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-GCM and AES-CCM for GP authenticated encryption (GP TEE Internal Core API v1.3.1 6.6):
 * CCM on mbedTLS 2.28, GCM through crypto_gcm.h (nettle's Crypto Extensions code or mbedTLS);
 * what is held between calls, and why, is in crypto_ae.h.
 */
#include "crypto_ae.h"

#include <log.h>
#include <mbedtls/ccm.h>
#include <mbedtls/platform_util.h>
#include <rampart/optee_abi.h>
#include <stdio.h>
#include <string.h>

#include "crypto_gcm.h"
#include "crypto_obj.h"
#include "heap.h"
#include "ta.h"

#define GP_ALG_AES_CCM 0x40000710U
#define GP_ALG_AES_GCM 0x40000810U
#define BLOCK	       16

struct crypto_ae {
	int ccm;
	int decrypt;
	size_t tag_len;
	uint8_t nonce[AE_NONCE_MAX];
	size_t nonce_len;
	/* GCM: the additional data so far (until started); CCM: AAD then payload, as announced */
	uint8_t *data;
	size_t data_room;
	size_t aad_len;	    /* bytes of AAD received */
	size_t payload_len; /* CCM: bytes of payload received */
	size_t aad_total;   /* CCM: as announced in TEE_AEInit */
	size_t payload_total;
	size_t *held;		     /* the instance's budget, charged data_room */
	mbedtls_ccm_context ccm_ctx; /* CCM: the key schedule */
	/* GCM */
	struct crypto_gcm gcm;
	int started;	     /* crypto_gcm_starts done: no more AAD */
	uint8_t part[BLOCK]; /* the input of a partial block, its output already given */
	size_t part_len;
};

static void __attribute__((noreturn)) ae_panic(const char *what)
{
	char why[112];

	snprintf(why, sizeof(why), "GP panic in a crypto operation: %s", what);
	ta_kill_current(why);
}

/* GP 6.6.1 TEE_AEInit: the tag lengths each algorithm takes, in bits. */
static int tag_ok(int ccm, uint32_t bits)
{
	if (ccm) /* 32, 48, ... 128 */
		return bits >= 32 && bits <= 128 && bits % 16 == 0;
	return bits >= 96 && bits <= 128 && bits % 8 == 0; /* 96, 104, ... 128 */
}

static void ae_wipe(struct crypto_ae *ae)
{
	if (ae->data) {
		memset(ae->data, 0, ae->data_room);
		kfree(ae->data);
		crypto_held_give(ae->held, ae->data_room);
	}
	crypto_gcm_free(&ae->gcm);
	mbedtls_ccm_free(&ae->ccm_ctx);
	memset(ae, 0, sizeof(*ae));
}

void crypto_ae_free(struct crypto_ae *ae)
{
	if (!ae)
		return;
	ae_wipe(ae);
	kfree(ae);
}

size_t crypto_ae_tag_len(const struct crypto_ae *ae)
{
	return ae->tag_len;
}

uint32_t crypto_ae_start(struct crypto_ae **out, uint32_t algo, int decrypt, const uint8_t *key,
			 uint32_t key_bits, const uint8_t *nonce, size_t nonce_len,
			 uint32_t tag_bits, uint64_t aad_len, uint64_t payload_len, size_t *held)
{
	int ccm = algo == GP_ALG_AES_CCM;
	struct crypto_ae *ae;

	if (!tag_ok(ccm, tag_bits))
		return TEEC_ERROR_NOT_SUPPORTED;
	/* NIST SP 800-38C: a CCM nonce is 7 to 13 bytes; GCM takes any non-empty IV. */
	if (ccm ? nonce_len < 7 || nonce_len > 13 : !nonce_len || nonce_len > AE_NONCE_MAX) {
		log_notice("TEE_AEInit: a %zu-byte nonce is not one this algorithm takes here",
			   nonce_len);
		return TEEC_ERROR_NOT_SUPPORTED;
	}
	if (ccm && (aad_len > AE_CCM_DATA_MAX || payload_len > AE_CCM_DATA_MAX - aad_len)) {
		log_notice("TEE_AEInit: AES-CCM of more than %u bytes (AAD and payload) is not "
			   "supported",
			   AE_CCM_DATA_MAX);
		return TEEC_ERROR_NOT_SUPPORTED;
	}
	ae = kcalloc(1, sizeof(*ae));
	if (!ae)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ae->ccm = ccm;
	ae->decrypt = decrypt;
	ae->held = held;
	ae->tag_len = tag_bits / 8;
	memcpy(ae->nonce, nonce, nonce_len);
	ae->nonce_len = nonce_len;
	crypto_gcm_init_state(&ae->gcm);
	mbedtls_ccm_init(&ae->ccm_ctx);
	if (ccm) {
		ae->aad_total = aad_len;
		ae->payload_total = payload_len;
		if (crypto_held_take(held, aad_len + payload_len)) {
			log_notice("TEE_AEInit: AES-CCM data over what is left of the %u bytes the "
				   "trusted OS holds for a TA",
				   CRYPTO_HELD_MAX);
			crypto_ae_free(ae);
			return TEEC_ERROR_NOT_SUPPORTED;
		}
		ae->data_room = aad_len + payload_len;
		ae->data = ae->data_room ? kcalloc(1, ae->data_room) : NULL;
		if (ae->data_room && !ae->data)
			crypto_held_give(held, ae->data_room);
		if ((ae->data_room && !ae->data) ||
		    mbedtls_ccm_setkey(&ae->ccm_ctx, MBEDTLS_CIPHER_ID_AES, key, key_bits)) {
			crypto_ae_free(ae);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
	} else if (crypto_gcm_setkey(&ae->gcm, CRYPTO_GCM_BEST, key, key_bits)) {
		crypto_ae_free(ae);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	*out = ae;
	return TEEC_SUCCESS;
}

struct crypto_ae *crypto_ae_clone(const struct crypto_ae *src, const uint8_t *key,
				  uint32_t key_bits)
{
	struct crypto_ae *ae = kcalloc(1, sizeof(*ae));

	if (!ae)
		return NULL;
	memcpy(ae, src, sizeof(*ae));
	ae->data = NULL;
	crypto_gcm_init_state(&ae->gcm);
	mbedtls_ccm_init(&ae->ccm_ctx);
	if (src->data_room) {
		if (crypto_held_take(ae->held, src->data_room)) {
			ae->data_room = 0;
			crypto_ae_free(ae);
			return NULL;
		}
		ae->data = kcalloc(1, src->data_room);
		if (!ae->data) {
			crypto_held_give(ae->held, src->data_room);
			ae->data_room = 0;
			crypto_ae_free(ae);
			return NULL;
		}
		memcpy(ae->data, src->data, src->data_room);
	}
	if (src->ccm) {
		if (mbedtls_ccm_setkey(&ae->ccm_ctx, MBEDTLS_CIPHER_ID_AES, key, key_bits)) {
			crypto_ae_free(ae);
			return NULL;
		}
	} else {
		/* The key schedule anew on the same engine (the copy's own), then the GHASH and
		 * counter state as they stand. */
		if (crypto_gcm_setkey(&ae->gcm, src->gcm.ce ? CRYPTO_GCM_CE : CRYPTO_GCM_C, key,
				      key_bits)) {
			crypto_ae_free(ae);
			return NULL;
		}
		crypto_gcm_copy_position(&ae->gcm, &src->gcm);
	}
	return ae;
}

void crypto_ae_aad(struct crypto_ae *ae, const uint8_t *aad, size_t len)
{
	uint8_t *grown;
	size_t room;

	if (ae->ccm) {
		/* GP 6.6.1: CCM's lengths are announced; all the AAD comes before the payload */
		if (ae->payload_len || len > ae->aad_total - ae->aad_len)
			ae_panic("TEE_AEUpdateAAD: more AES-CCM AAD than TEE_AEInit announced, or "
				 "after the payload");
		memcpy(ae->data + ae->aad_len, aad, len);
		ae->aad_len += len;
		return;
	}
	/* GP 6.6.2: AAD after TEE_AEUpdate is a panic */
	if (ae->started)
		ae_panic("TEE_AEUpdateAAD after TEE_AEUpdate");
	if (len > AE_AAD_MAX - ae->aad_len)
		ae_panic("TEE_AEUpdateAAD: AES-GCM AAD over the 64 KiB the trusted OS holds");
	if (ae->aad_len + len > ae->data_room) {
		room = ae->aad_len + len < 256 ? 256 : (ae->aad_len + len) * 2;
		room = room > AE_AAD_MAX ? AE_AAD_MAX : room;
		if (crypto_held_take(ae->held, room - ae->data_room))
			ae_panic(
			    "TEE_AEUpdateAAD: over the 128 KiB of data the trusted OS holds for a "
			    "TA");
		grown = kcalloc(1, room);
		if (!grown)
			ae_panic("TEE_AEUpdateAAD: out of kernel memory for the AAD");
		if (ae->data) {
			memcpy(grown, ae->data, ae->aad_len);
			memset(ae->data, 0, ae->data_room);
			kfree(ae->data);
		}
		ae->data = grown;
		ae->data_room = room;
	}
	memcpy(ae->data + ae->aad_len, aad, len);
	ae->aad_len += len;
}

/* GCM: the AAD is complete once the payload starts. */
static void gcm_start(struct crypto_ae *ae)
{
	if (ae->started)
		return;
	crypto_gcm_starts(&ae->gcm, ae->decrypt, ae->nonce, ae->nonce_len, ae->data, ae->aad_len);
	ae->started = 1;
}

/* The output of the partial block held, the state left at the block boundary (crypto_gcm.c). */
static void gcm_peek(const struct crypto_ae *ae, uint8_t *out)
{
	crypto_gcm_peek(&ae->gcm, ae->part_len, ae->part, out);
}

/*
 * GCM is a counter mode, so every byte given to TEE_AEUpdate comes out at once, as OP-TEE gives
 * it (and xtest expects). crypto_gcm_update takes a partial block only as its last call (GHASH
 * pads it), so the input of a partial block is held: its output comes from gcm_peek now, and the
 * real context takes the block once it is complete (or in the final call), its output for the
 * bytes already given dropped. Writes len bytes.
 */
static void gcm_crypt(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out)
{
	uint8_t block[BLOCK];
	size_t n, had, whole;

	if (ae->part_len && len) {
		had = ae->part_len;
		n = BLOCK - had < len ? BLOCK - had : len;
		memcpy(ae->part + had, in, n);
		ae->part_len += n;
		if (ae->part_len == BLOCK) {
			crypto_gcm_update(&ae->gcm, BLOCK, ae->part, block);
			ae->part_len = 0;
		} else {
			gcm_peek(ae, block);
		}
		memcpy(out, block + had, n);
		in += n;
		out += n;
		len -= n;
	}
	whole = len / BLOCK * BLOCK;
	if (whole)
		crypto_gcm_update(&ae->gcm, whole, in, out);
	if (len > whole) {
		memcpy(ae->part, in + whole, len - whole);
		ae->part_len = len - whole;
		gcm_peek(ae, block);
		memcpy(out + whole, block, len - whole);
	}
	mbedtls_platform_zeroize(block, sizeof(block));
}

uint32_t crypto_ae_update(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			  uint64_t *out_len)
{
	if (ae->ccm) {
		if (len > ae->payload_total - ae->payload_len)
			ae_panic("TEE_AEUpdate: more AES-CCM payload than TEE_AEInit announced");
		if (ae->aad_len != ae->aad_total)
			ae_panic("TEE_AEUpdate: AES-CCM AAD shorter than TEE_AEInit announced");
		memcpy(ae->data + ae->aad_total + ae->payload_len, in, len);
		ae->payload_len += len;
		*out_len = 0; /* all of it comes with the tag, in the final call */
		return TEEC_SUCCESS;
	}
	/* GP 6.6.3: SHORT_BUFFER with the size needed (GCM: all of the input); nothing is
	 * consumed */
	if (*out_len < len) {
		*out_len = len;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	gcm_start(ae);
	gcm_crypt(ae, in, len, out);
	*out_len = len;
	return TEEC_SUCCESS;
}

/* Tags compared in constant time: the time taken says nothing of how much of a forgery matched. */
static int tags_differ(const uint8_t *a, const uint8_t *b, size_t len)
{
	uint8_t diff = 0;

	for (size_t i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return diff != 0;
}

/* CCM in one shot over what was held; the output goes to the TA only once the tag matched. */
static uint32_t ccm_final(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			  uint8_t *tag)
{
	uint8_t *payload = ae->data + ae->aad_total, *result = NULL;
	size_t n = ae->payload_total;
	int err;

	if (n) {
		result = kcalloc(1, n);
		if (!result)
			return TEEC_ERROR_OUT_OF_MEMORY;
	}
	memcpy(payload + ae->payload_len, in, len);
	ae->payload_len += len;
	if (ae->decrypt)
		err = mbedtls_ccm_auth_decrypt(&ae->ccm_ctx, n, ae->nonce, ae->nonce_len, ae->data,
					       ae->aad_total, payload, result, tag, ae->tag_len);
	else
		err =
		    mbedtls_ccm_encrypt_and_tag(&ae->ccm_ctx, n, ae->nonce, ae->nonce_len, ae->data,
						ae->aad_total, payload, result, tag, ae->tag_len);
	if (!err && n)
		memcpy(out, result, n);
	if (result) {
		memset(result, 0, n);
		kfree(result);
	}
	if (err == MBEDTLS_ERR_CCM_AUTH_FAILED)
		return GP_ERROR_MAC_INVALID;
	return err ? TEEC_ERROR_GENERIC : TEEC_SUCCESS;
}

/* GCM: the final input, the partial block held, then the tag; a decryption's final plaintext is
 * released only once the tag matched. */
static uint32_t gcm_final(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			  uint8_t *tag, size_t n)
{
	uint8_t computed[BLOCK], spent[BLOCK], *result = NULL, *dst = out;
	int bad;

	if (ae->decrypt && n) {
		result = kcalloc(1, n);
		if (!result)
			return TEEC_ERROR_OUT_OF_MEMORY;
		dst = result;
	}
	gcm_start(ae);
	gcm_crypt(ae, in, len, dst);
	/* the partial block last, as both engines take it; its output was given already */
	if (ae->part_len)
		crypto_gcm_update(&ae->gcm, ae->part_len, ae->part, spent);
	mbedtls_platform_zeroize(spent, sizeof(spent));
	crypto_gcm_finish(&ae->gcm, computed, ae->tag_len);
	if (!ae->decrypt) {
		memcpy(tag, computed, ae->tag_len);
		return TEEC_SUCCESS;
	}
	bad = tags_differ(computed, tag, ae->tag_len);
	if (!bad && n)
		memcpy(out, result, n);
	if (result) {
		memset(result, 0, n);
		kfree(result);
	}
	return bad ? GP_ERROR_MAC_INVALID : TEEC_SUCCESS;
}

uint32_t crypto_ae_final(struct crypto_ae *ae, const uint8_t *in, size_t len, uint8_t *out,
			 uint64_t *out_len, uint8_t *tag, uint64_t *tag_len)
{
	uint32_t ret;
	size_t need;

	if (ae->ccm) {
		if (ae->aad_len != ae->aad_total || len != ae->payload_total - ae->payload_len)
			ae_panic("AES-CCM final: AAD or payload not the length TEE_AEInit "
				 "announced");
		need = ae->payload_total;
	} else {
		need = len; /* what came before was given by TEE_AEUpdate */
	}
	/* GP 6.6.4 / 6.6.5: SHORT_BUFFER with the sizes needed; nothing is consumed */
	if (*out_len < need || (!ae->decrypt && *tag_len < ae->tag_len)) {
		*out_len = need;
		if (!ae->decrypt)
			*tag_len = ae->tag_len;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	/* A tag of another length than TEE_AEInit's cannot match (GP 6.6.5) */
	if (ae->decrypt && *tag_len != ae->tag_len)
		return GP_ERROR_MAC_INVALID;
	ret = ae->ccm ? ccm_final(ae, in, len, out, tag) : gcm_final(ae, in, len, out, tag, need);
	*out_len = ret == TEEC_SUCCESS ? need : 0;
	*tag_len = ae->tag_len;
	return ret;
}
