// SPDX-License-Identifier: BSD-2-Clause
/* TA images are checked against the signing key built into the trusted OS at build time. */
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"

/* Generated from the TA signing key's public half (mk/ta_sign.mk, tools/ta_pubkey.c). */
extern const struct ta_pubkey ta_signing_pubkey;
/* The development key's public half (keys/ta_signing_key.pem), only to recognise it. */
extern const struct ta_pubkey ta_development_pubkey;

uint32_t ta_image_verify(const void *image, size_t len, const void **elf, size_t *elf_len)
{
	uint32_t res = ta_image_verify_with_key(&ta_signing_pubkey, image, len, elf, elf_len);

	if (res == TEEC_SUCCESS)
		log_info("TA image verified: %zu bytes of ELF, RSASSA-PSS/SHA-256 with the %zu-bit "
			 "TA signing key",
			 *elf_len, ta_signing_pubkey.modulus_len * 8);
	return res;
}

void ta_signing_key_report(void)
{
	uint8_t digest[32];

	if (sha256(ta_signing_pubkey.modulus, ta_signing_pubkey.modulus_len, digest))
		memset(digest, 0, sizeof(digest));
	if (ta_pubkey_equal(&ta_signing_pubkey, &ta_development_pubkey)) {
		log_error("WARNING: TAs are verified with the DEVELOPMENT signing key "
			  "(keys/ta_signing_key.pem): its private half is public, anyone can sign "
			  "a TA this trusted OS runs; build with TA_SIGN_KEY=<your key>");
		return;
	}
	log_info(
	    "TA signing key: RSA-%zu, SHA-256 of its modulus begins %02x%02x%02x%02x%02x%02x%02x"
	    "%02x; TAs signed with the development key are refused",
	    ta_signing_pubkey.modulus_len * 8, digest[0], digest[1], digest[2], digest[3],
	    digest[4], digest[5], digest[6], digest[7]);
}
