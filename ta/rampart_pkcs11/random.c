// SPDX-License-Identifier: BSD-2-Clause
/*
 * C_GenerateRandom and C_SeedRandom (PKCS#11 v2.40 5.15): random bytes from the trusted OS's
 * DRBG (GP TEE_GenerateRandom), which takes no seed from the normal world.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "p11.h"

/* GENERATE_RANDOM: [session]; p2 filled whole, in chunks made in TA memory. */
uint32_t p11_cmd_generate_random(struct p11_client *c, struct p11_args *a, uint32_t types,
				 TEE_Param *p)
{
	struct p11_session *s = NULL;
	uint8_t chunk[256];
	uint32_t rv = p11_session_args(c, a, &s), t = TEE_PARAM_TYPE_GET(types, 2);
	uint8_t *out;
	size_t left;

	if (rv != P11_CKR_OK)
		return rv;
	if (t != TEE_PARAM_TYPE_MEMREF_OUTPUT && t != TEE_PARAM_TYPE_MEMREF_INOUT)
		return P11_CKR_ARGUMENTS_BAD;
	out = p[2].memref.buffer;
	for (left = p[2].memref.size; left;) {
		size_t n = left < sizeof(chunk) ? left : sizeof(chunk);

		TEE_GenerateRandom(chunk, n);
		TEE_MemMove(out, chunk, n);
		out += n;
		left -= n;
	}
	TEE_MemFill(chunk, 0, sizeof(chunk));
	return P11_CKR_OK;
}

/* SEED_RANDOM: the DRBG is not seeded from outside (CKR_RANDOM_SEED_NOT_SUPPORTED). */
uint32_t p11_cmd_seed_random(struct p11_client *c, struct p11_args *a)
{
	struct p11_session *s = NULL;
	uint32_t rv = p11_session_args(c, a, &s);

	return rv == P11_CKR_OK ? P11_CKR_RANDOM_SEED_NOT_SUPPORTED : rv;
}
