// SPDX-License-Identifier: BSD-2-Clause
/*
 * The trusted OS's random numbers: one NIST SP 800-90A CTR_DRBG (AES-256, mbedTLS) shared by all
 * CPUs behind a lock.
 *
 * Entropy input: the board's secret seed, handed on by the boot stage through the monitor (on
 * QEMU, 32 bytes of /secure-chosen/rng-seed). Nonce and personalisation (SP 800-90A 8.6.7, 8.7.1):
 * the generic counter at seeding time and the CPU's MIDR/MPIDR, which are not secret and only
 * make instances differ. The seed is used once; no further entropy source exists on this board, so
 * the generator is not reseeded (reseed interval at its maximum, SP 800-90A table 3 allows 2^48).
 */
#include <arch/spinlock.h>
#include <arch/sysreg.h>
#include <limits.h>
#include <log.h>
#include <mbedtls/ctr_drbg.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"

#define MIN_SEED_LEN 32 /* 256 bits of entropy for AES-256 CTR_DRBG */

struct seed_source {
	const uint8_t *data;
	size_t len;
	size_t used;
};

static mbedtls_ctr_drbg_context drbg;
static struct spinlock drbg_lock;
static int drbg_seeded;
static uint64_t drbg_rate; /* bytes per second */

/* mbedTLS entropy callback: hands out the seed once, never anything twice. */
static int take_seed(void *ctx, unsigned char *out, size_t len)
{
	struct seed_source *src = ctx;

	if (len > src->len - src->used)
		return MBEDTLS_ERR_CTR_DRBG_ENTROPY_SOURCE_FAILED;
	memcpy(out, src->data + src->used, len);
	src->used += len;
	return 0;
}

/* Time one maximal request with the generic counter (what optee-rng's GET_RNG_INFO reports). */
static void measure_rate(void)
{
	uint8_t block[MBEDTLS_CTR_DRBG_MAX_REQUEST];
	uint64_t freq = read_sysreg(cntfrq_el0), start, ticks;

	start = read_sysreg(cntpct_el0);
	tee_random(block, sizeof(block));
	ticks = read_sysreg(cntpct_el0) - start;
	memset(block, 0, sizeof(block));
	drbg_rate = freq * sizeof(block) / (ticks ? ticks : 1);
	if (!drbg_rate)
		drbg_rate = 1;
}

void tee_crypto_init(const void *seed, size_t seed_len)
{
	struct seed_source src = {seed, seed_len, 0};
	struct {
		uint64_t counter, midr, mpidr;
		char label[16];
	} personal = {read_sysreg(cntpct_el0), read_sysreg(midr_el1), read_sysreg(mpidr_el1),
		      "rampart-tee-rng"};
	int err;

	mbedtls_ctr_drbg_init(&drbg);
	if (!seed || seed_len < MIN_SEED_LEN) {
		log_error("rng: no usable seed from the board (%zu bytes, need %d): random numbers "
			  "unavailable",
			  seed ? seed_len : 0, MIN_SEED_LEN);
		return;
	}
	if (seed_len > MBEDTLS_CTR_DRBG_MAX_SEED_INPUT - sizeof(personal))
		seed_len = MBEDTLS_CTR_DRBG_MAX_SEED_INPUT - sizeof(personal);
	/* The whole seed is entropy input; the nonce comes from the personalisation string. */
	mbedtls_ctr_drbg_set_entropy_len(&drbg, seed_len);
	err = mbedtls_ctr_drbg_set_nonce_len(&drbg, 0);
	if (!err)
		err = mbedtls_ctr_drbg_seed(&drbg, take_seed, &src, (const unsigned char *)&personal,
					    sizeof(personal));
	if (err) {
		log_error("rng: CTR_DRBG seeding failed (mbedTLS error -%#x)", (unsigned int)-err);
		mbedtls_ctr_drbg_free(&drbg);
		return;
	}
	mbedtls_ctr_drbg_set_reseed_interval(&drbg, INT_MAX);
	drbg_seeded = 1;
	measure_rate();
	log_info("rng: CTR_DRBG (AES-256) seeded from %zu bytes of the board's seed, %lu KiB/s",
		 seed_len, drbg_rate / 1024);
}

uint64_t tee_random_rate(void)
{
	return drbg_rate;
}

uint32_t tee_random(void *buf, size_t len)
{
	uint8_t *out = buf;
	int err = 0;

	if (!drbg_seeded)
		return TEEC_ERROR_BAD_STATE;
	spin_lock(&drbg_lock);
	while (len && !err) {
		size_t n = len < MBEDTLS_CTR_DRBG_MAX_REQUEST ? len : MBEDTLS_CTR_DRBG_MAX_REQUEST;

		err = mbedtls_ctr_drbg_random(&drbg, out, n);
		out += n;
		len -= n;
	}
	spin_unlock(&drbg_lock);
	if (err) {
		log_error("rng: CTR_DRBG failed (mbedTLS error -%#x)", (unsigned int)-err);
		return TEEC_ERROR_GENERIC;
	}
	return TEEC_SUCCESS;
}
