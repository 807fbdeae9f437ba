// SPDX-License-Identifier: BSD-2-Clause
/*
 * Boot-time self-test of the trusted OS's crypto (known answers, as FIPS 140 power-on tests do):
 * SHA-256 of "abc" (FIPS 180-4 appendix B.1), and a TA image signed at build time with the TA
 * signing key (mk/ta_sign.mk), which the built-in public key must accept, and AES-GCM on each
 * engine (crypto_gcm_selftest.c). A failure means TA loading or GCM cannot work; it is logged,
 * not hidden.
 */
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "crypto_gcm.h"
#include "heap.h"

extern const uint8_t _binary_selftest_ta_start[], _binary_selftest_ta_end[];

static const uint8_t sha256_abc[32] = {
	0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22,
	0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00,
	0x15, 0xad,
};

int tee_crypto_selftest(void)
{
	size_t len = (size_t)(_binary_selftest_ta_end - _binary_selftest_ta_start);
	uint8_t digest[32];
	const void *elf;
	size_t elf_len;
	size_t heap_before = heap_in_use();
	uint32_t res;
	int gcm_engines;

	if (sha256("abc", 3, digest) || memcmp(digest, sha256_abc, sizeof(digest))) {
		log_error("crypto self-test FAILED: SHA-256 known answer");
		return -1;
	}
	res = ta_image_verify(_binary_selftest_ta_start, len, &elf, &elf_len);
	if (res != TEEC_SUCCESS) {
		log_error("crypto self-test FAILED: the build's signed test image gives %#x", res);
		return -1;
	}
	/* mbedTLS's bignums come from the heap: all of it must be back. */
	if (heap_in_use() != heap_before) {
		log_error("crypto self-test FAILED: verification leaks %zu heap bytes",
			  heap_in_use() - heap_before);
		return -1;
	}
	gcm_engines = crypto_gcm_selftest();
	if (gcm_engines < 0)
		return -1;
	log_info("crypto self-test ok: SHA-256, RSASSA-PSS verification of a %zu-byte signed image, "
		 "AES-GCM on %s",
		 len, gcm_engines == 2 ? "mbedTLS and the Crypto Extensions" : "mbedTLS");
	return 0;
}
