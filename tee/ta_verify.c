// SPDX-License-Identifier: BSD-2-Clause
/* TA images are checked against the signing key built into the trusted OS at build time. */
#include <log.h>
#include <rampart/optee_abi.h>

#include "crypto.h"

/* Generated from the TA signing key's public half (mk/ta_sign.mk, tools/ta_pubkey.c). */
extern const struct ta_pubkey ta_signing_pubkey;

uint32_t ta_image_verify(const void *image, size_t len, const void **elf, size_t *elf_len)
{
	uint32_t res = ta_image_verify_with_key(&ta_signing_pubkey, image, len, elf, elf_len);

	if (res == TEEC_SUCCESS)
		log_info("TA image verified: %zu bytes of ELF, RSASSA-PSS/SHA-256 with the %zu-bit "
			 "TA signing key",
			 *elf_len, ta_signing_pubkey.modulus_len * 8);
	return res;
}
