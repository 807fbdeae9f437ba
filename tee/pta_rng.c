// SPDX-License-Identifier: BSD-2-Clause
/*
 * RNG pseudo-TA: the service Linux's optee-rng driver (drivers/char/hw_random/optee-rng.c) binds
 * to, so /dev/hwrng gives bytes from the trusted OS's DRBG (tee/rng.c).
 *
 *   GET_ENTROPY 0   params[0] memref inout: filled with random bytes, all of it
 *   GET_RNG_INFO 1  params[0] value output: a = data rate (bytes per second, measured at boot),
 *                   b = quality (entropy claimed per 1024 bits of output)
 */
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "pta.h"

#define PTA_RNG_CMD_GET_ENTROPY 0x0
#define PTA_RNG_CMD_GET_RNG_INFO 0x1

/*
 * The bytes are DRBG output from one 256-bit seed, not fresh physical entropy: claim only a
 * token amount per 1024 bits so Linux does not credit its pool with entropy it never got.
 */
#define PTA_RNG_QUALITY 1

static uint32_t get_entropy(struct memref *out)
{
	uint8_t chunk[256];
	uint32_t res = TEEC_SUCCESS;

	for (uint64_t off = 0; off < out->size && res == TEEC_SUCCESS; off += sizeof(chunk)) {
		size_t n = out->size - off < sizeof(chunk) ? out->size - off : sizeof(chunk);

		res = tee_random(chunk, n);
		if (res == TEEC_SUCCESS && memref_write(out, off, chunk, n))
			res = TEEC_ERROR_BAD_PARAMETERS;
	}
	memset(chunk, 0, sizeof(chunk));
	return res;
}

static uint32_t invoke(uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS])
{
	switch (cmd) {
	case PTA_RNG_CMD_GET_ENTROPY:
		if (!params_are(p, TEE_PARAM_TYPE_MEMREF_INOUT, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
			return TEEC_ERROR_BAD_PARAMETERS;
		return get_entropy(&p[0].u.memref);
	case PTA_RNG_CMD_GET_RNG_INFO:
		if (!params_are(p, TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
			return TEEC_ERROR_BAD_PARAMETERS;
		if (!tee_random_rate())
			return TEEC_ERROR_BAD_STATE; /* not seeded */
		p[0].u.value.a = tee_random_rate();
		p[0].u.value.b = PTA_RNG_QUALITY;
		return TEEC_SUCCESS;
	default:
		return TEEC_ERROR_NOT_SUPPORTED;
	}
}

const struct pta pta_rng = {
	/* ab7a617c-b8e7-4d8f-8301-d09b61036b64, the UUID optee-rng looks for */
	.uuid = {0xab, 0x7a, 0x61, 0x7c, 0xb8, 0xe7, 0x4d, 0x8f, 0x83, 0x01, 0xd0, 0x9b, 0x61, 0x03,
		 0x6b, 0x64},
	.name = "RNG",
	.enumerate = 1,
	/*
	 * Open to every client: Debian's 6.1 optee-rng opens its session with login PUBLIC, and
	 * random bytes are no secret of anyone else's.
	 */
	.kernel_only = 0,
	.invoke = invoke,
};
