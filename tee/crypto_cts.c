// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-CTS (CBC-CS3, NIST SP 800-38A Addendum) composed from mbedTLS's AES-CBC and AES-ECB:
 * mbedTLS 2.28 has no ciphertext stealing mode (its cipher layer pads CBC, it does not steal).
 * Only the ordering of the last two blocks is ours; every block goes through mbedTLS.
 */
#include "crypto_cts.h"

#include <mbedtls/platform_util.h>
#include <string.h>

size_t cts_update_len(size_t held, size_t in_len)
{
	size_t total = held + in_len;

	/* Whole blocks, leaving 17 to 32 bytes: what the final call needs whatever comes next */
	if (total <= CTS_HELD_MAX)
		return 0;
	return (total - CTS_HELD_MAX + CTS_BLOCK - 1) / CTS_BLOCK * CTS_BLOCK;
}

void cts_update(mbedtls_aes_context *aes, int decrypt, uint8_t iv[CTS_BLOCK], uint8_t *held,
		size_t *held_len, const uint8_t *in, size_t in_len, uint8_t *out)
{
	int dir = decrypt ? MBEDTLS_AES_DECRYPT : MBEDTLS_AES_ENCRYPT;
	size_t n = cts_update_len(*held_len, in_len), take;
	uint8_t block[CTS_BLOCK];

	/* The held bytes go first, a block at a time, topped up from the input */
	while (n && *held_len) {
		take = *held_len < CTS_BLOCK ? *held_len : CTS_BLOCK;
		memcpy(block, held, take);
		memcpy(block + take, in, CTS_BLOCK - take);
		in += CTS_BLOCK - take;
		in_len -= CTS_BLOCK - take;
		memmove(held, held + take, *held_len - take);
		*held_len -= take;
		mbedtls_aes_crypt_cbc(aes, dir, CTS_BLOCK, iv, block, out);
		out += CTS_BLOCK;
		n -= CTS_BLOCK;
	}
	/* then the rest of the whole blocks straight from the input */
	if (n) {
		mbedtls_aes_crypt_cbc(aes, dir, n, iv, in, out);
		in += n;
		in_len -= n;
	}
	memcpy(held + *held_len, in, in_len);
	*held_len += in_len;
	mbedtls_platform_zeroize(block, sizeof(block));
}

/*
 * The last two blocks, P(n-1) whole and P(n) of m bytes (1..16). Encryption: CBC of P(n-1) is
 * C' ; CBC of P(n) padded with zeros is C(n); CS3 writes C(n) then the first m bytes of C'.
 * Decryption: the block cipher inverse of C(n) is C' xor (P(n) ‖ 0), whose last 16 - m bytes
 * complete C'; CBC-decrypting C' then C(n) gives P(n-1) and P(n) ‖ 0.
 */
void cts_final(mbedtls_aes_context *aes, int decrypt, uint8_t iv[CTS_BLOCK], const uint8_t *held,
	       size_t held_len, uint8_t *out)
{
	size_t m = held_len - CTS_BLOCK;
	uint8_t prev[CTS_BLOCK], last[CTS_BLOCK];

	if (!m) { /* one block: nothing to steal, plain CBC */
		mbedtls_aes_crypt_cbc(aes, decrypt ? MBEDTLS_AES_DECRYPT : MBEDTLS_AES_ENCRYPT,
				      CTS_BLOCK, iv, held, out);
		return;
	}
	if (!decrypt) {
		mbedtls_aes_crypt_cbc(aes, MBEDTLS_AES_ENCRYPT, CTS_BLOCK, iv, held, prev);
		memset(last, 0, sizeof(last));
		memcpy(last, held + CTS_BLOCK, m);
		mbedtls_aes_crypt_cbc(aes, MBEDTLS_AES_ENCRYPT, CTS_BLOCK, iv, last, out);
		memcpy(out + CTS_BLOCK, prev, m);
	} else {
		mbedtls_aes_crypt_ecb(aes, MBEDTLS_AES_DECRYPT, held, last);
		memcpy(prev, held + CTS_BLOCK, m);
		memcpy(prev + m, last + m, CTS_BLOCK - m);
		mbedtls_aes_crypt_cbc(aes, MBEDTLS_AES_DECRYPT, CTS_BLOCK, iv, prev, out);
		mbedtls_aes_crypt_cbc(aes, MBEDTLS_AES_DECRYPT, CTS_BLOCK, iv, held, last);
		memcpy(out + CTS_BLOCK, last, m);
	}
	mbedtls_platform_zeroize(prev, sizeof(prev));
	mbedtls_platform_zeroize(last, sizeof(last));
}
