// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-GCM on nettle's Crypto Extensions assembly or on mbedTLS (crypto_gcm.h says which, when).
 * Every call into the CE engine that can reach nettle's assembly runs inside one kernel SIMD
 * section (fpu_kernel_begin/end): the trusted OS is compiled with -mgeneral-regs-only, and the
 * section is what makes the SIMD registers the trusted OS's for that time (fpu.c).
 */
#include "crypto_gcm.h"

#include <arch/sysreg.h>
#include <log.h>
#include <mbedtls/platform_util.h>
#include <nettle/aes.h>
#include <nettle/gcm.h>
#include <string.h>

#include "fpu.h"
#include "heap.h"
#include "thread.h"

/* ID_AA64ISAR0_EL1.AES, bits 7:4 (Arm ARM D19.2.61): 0b0010 is AESE/AESD/AESMC/AESIMC and
 * PMULL/PMULL2 on 64-bit elements, all nettle's GCM assembly uses. */
#define ISAR0_AES_SHIFT 4
#define ISAR0_AES_PMULL 2

struct gcm_ce {
	struct gcm_key key; /* GHASH's key powers (nettle's assembly uses the first 8 blocks) */
	struct gcm_ctx ctx; /* counter, GHASH accumulator, lengths */
	union {
		struct aes128_ctx k128;
		struct aes192_ctx k192;
		struct aes256_ctx k256;
	} aes;
	nettle_cipher_func *encrypt;
};

static int ce_cpu;     /* the CPU has the instructions */
static int ce_present; /* and CRYPTO_GCM_BEST takes them */

/*
 * nettle's GCM calls the block cipher through a function pointer. Its assembly has no BTI
 * landing pad, and the trusted OS guards its code pages where the CPU has BTI (main.c): so the
 * pointer is to these, compiled with landing pads, which branch to the assembly directly.
 */
static void aes128_ce(const void *k, size_t len, uint8_t *dst, const uint8_t *src)
{
	nettle_aes128_encrypt(k, len, dst, src);
}

static void aes192_ce(const void *k, size_t len, uint8_t *dst, const uint8_t *src)
{
	nettle_aes192_encrypt(k, len, dst, src);
}

static void aes256_ce(const void *k, size_t len, uint8_t *dst, const uint8_t *src)
{
	nettle_aes256_encrypt(k, len, dst, src);
}

void crypto_gcm_init(void)
{
	uint64_t isar0 = read_sysreg(id_aa64isar0_el1);

	ce_cpu = ((isar0 >> ISAR0_AES_SHIFT) & 0xf) >= ISAR0_AES_PMULL;
	ce_present = ce_cpu;
#ifdef CRYPTO_GCM_NO_CE
	log_info("AES-GCM: mbedTLS (Crypto Extensions %s, not used: built with TEE_GCM_CE=n)",
		 ce_present ? "present" : "absent");
	ce_present = 0;
#else
	log_info("AES-GCM: %s", ce_present ? "nettle with the Crypto Extensions (AESE, PMULL)"
					   : "mbedTLS (no Crypto Extensions on this CPU)");
#endif
}

int crypto_gcm_ce_present(void)
{
	return ce_present;
}

int crypto_gcm_ce_available(void)
{
	return ce_cpu;
}

void crypto_gcm_init_state(struct crypto_gcm *g)
{
	memset(g, 0, sizeof(*g));
	mbedtls_gcm_init(&g->c);
}

static int ce_setkey(struct crypto_gcm *g, const uint8_t *key, uint32_t key_bits)
{
	struct gcm_ce *s;

	if (key_bits != 128 && key_bits != 192 && key_bits != 256)
		return -1;
	s = kcalloc(1, sizeof(*s));
	if (!s)
		return -1;
	/* The key expansion is nettle's C code; only the encryption below is SIMD. */
	if (key_bits == 128) {
		aes128_set_encrypt_key(&s->aes.k128, key);
		s->encrypt = aes128_ce;
	} else if (key_bits == 192) {
		aes192_set_encrypt_key(&s->aes.k192, key);
		s->encrypt = aes192_ce;
	} else {
		aes256_set_encrypt_key(&s->aes.k256, key);
		s->encrypt = aes256_ce;
	}
	fpu_kernel_begin(thread_current());
	gcm_set_key(&s->key, &s->aes, s->encrypt);
	fpu_kernel_end();
	g->ce = s;
	return 0;
}

int crypto_gcm_setkey(struct crypto_gcm *g, enum crypto_gcm_engine e, const uint8_t *key,
		      uint32_t key_bits)
{
	if (e == CRYPTO_GCM_CE && !ce_cpu)
		return -1;
	if (e == CRYPTO_GCM_CE || (e == CRYPTO_GCM_BEST && ce_present))
		return ce_setkey(g, key, key_bits);
	return mbedtls_gcm_setkey(&g->c, MBEDTLS_CIPHER_ID_AES, key, key_bits) ? -1 : 0;
}

void crypto_gcm_starts(struct crypto_gcm *g, int decrypt, const uint8_t *nonce, size_t nonce_len,
		       const uint8_t *aad, size_t aad_len)
{
	g->decrypt = decrypt;
	if (!g->ce) {
		mbedtls_gcm_starts(&g->c, decrypt ? MBEDTLS_GCM_DECRYPT : MBEDTLS_GCM_ENCRYPT,
				   nonce, nonce_len, aad, aad_len);
		return;
	}
	/* A nonce of other than 12 bytes goes through GHASH (SP 800-38D 7.1 step 2). */
	fpu_kernel_begin(thread_current());
	gcm_set_iv(&g->ce->ctx, &g->ce->key, nonce_len, nonce);
	gcm_update(&g->ce->ctx, &g->ce->key, aad_len, aad);
	fpu_kernel_end();
}

static void ce_crypt(struct gcm_ce *s, struct gcm_ctx *ctx, int decrypt, size_t len,
		     const uint8_t *in, uint8_t *out)
{
	fpu_kernel_begin(thread_current());
	if (decrypt)
		gcm_decrypt(ctx, &s->key, &s->aes, s->encrypt, len, out, in);
	else
		gcm_encrypt(ctx, &s->key, &s->aes, s->encrypt, len, out, in);
	fpu_kernel_end();
}

void crypto_gcm_update(struct crypto_gcm *g, size_t len, const uint8_t *in, uint8_t *out)
{
	if (g->ce)
		ce_crypt(g->ce, &g->ce->ctx, g->decrypt, len, in, out);
	else
		mbedtls_gcm_update(&g->c, len, in, out);
}

/*
 * Both engines hold the counter, GHASH state and lengths by value and the key schedule apart
 * (mbedTLS behind a pointer, nettle in struct gcm_ce), which encryption only reads: a copy of the
 * position runs the same key stream while the real one stays at the block boundary.
 */
void crypto_gcm_peek(const struct crypto_gcm *g, size_t len, const uint8_t *in, uint8_t *out)
{
	mbedtls_gcm_context copy;
	struct gcm_ctx ctx;

	if (g->ce) {
		ctx = g->ce->ctx;
		ce_crypt(g->ce, &ctx, g->decrypt, len, in, out);
		mbedtls_platform_zeroize(&ctx, sizeof(ctx));
		return;
	}
	copy = g->c;
	mbedtls_gcm_update(&copy, len, in, out);
	mbedtls_platform_zeroize(&copy, sizeof(copy));
}

void crypto_gcm_finish(struct crypto_gcm *g, uint8_t *tag, size_t tag_len)
{
	if (!g->ce) {
		mbedtls_gcm_finish(&g->c, tag, tag_len);
		return;
	}
	fpu_kernel_begin(thread_current());
	gcm_digest(&g->ce->ctx, &g->ce->key, &g->ce->aes, g->ce->encrypt, tag_len, tag);
	fpu_kernel_end();
}

void crypto_gcm_copy_position(struct crypto_gcm *dst, const struct crypto_gcm *src)
{
	dst->decrypt = src->decrypt;
	if (src->ce) {
		dst->ce->ctx = src->ce->ctx;
		return;
	}
	dst->c.len = src->c.len;
	dst->c.add_len = src->c.add_len;
	dst->c.mode = src->c.mode;
	memcpy(dst->c.base_ectr, src->c.base_ectr, sizeof(dst->c.base_ectr));
	memcpy(dst->c.y, src->c.y, sizeof(dst->c.y));
	memcpy(dst->c.buf, src->c.buf, sizeof(dst->c.buf));
}

void crypto_gcm_free(struct crypto_gcm *g)
{
	if (g->ce) {
		mbedtls_platform_zeroize(g->ce, sizeof(*g->ce));
		kfree(g->ce);
		g->ce = NULL;
	}
	mbedtls_gcm_free(&g->c);
}
