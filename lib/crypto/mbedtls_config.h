/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mbedTLS configuration for the trusted OS (replaces mbedtls/config.h through
 * MBEDTLS_CONFIG_FILE). Only what the trusted OS uses: SHA-256 for TA image hashes, RSA with
 * PKCS#1 v2.1 (RSASSA-PSS) for TA signatures, CTR_DRBG over AES for random numbers, and what
 * the GP crypto operations offer TAs (tee/crypto_op.c): MD5, SHA-1, SHA-2, HMAC, AES ECB, CBC,
 * CTR, XTS and CMAC, GCM and CCM; DES and 3DES ECB, CBC and CBC-MAC; RSA, ECDSA, ECDH, DH,
 * HKDF and PBKDF2.
 *
 * Freestanding: no file system, sockets, clocks or threads; memory comes from the trusted OS heap
 * (tee/heap.h) and entropy from the seed the boot stage hands on (tee/crypto.c), never from the
 * library's own platform sources.
 */
#ifndef RAMPART_MBEDTLS_CONFIG_H
#define RAMPART_MBEDTLS_CONFIG_H

#include <stddef.h>

/* System support: 64-bit limbs with the compiler's 128-bit type, nothing else. */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_NO_UDBL_DIVISION /* no __udivti3 in a freestanding link */

/* Platform: our allocator, our snprintf, no default entropy sources or standard library calls. */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
void *kcalloc(size_t count, size_t size);
void kfree(void *p);
#define MBEDTLS_PLATFORM_CALLOC_MACRO kcalloc
#define MBEDTLS_PLATFORM_FREE_MACRO kfree
#define MBEDTLS_PLATFORM_SNPRINTF_MACRO snprintf
#define MBEDTLS_NO_PLATFORM_ENTROPY

/* Hashes (and HMAC through the md layer). */
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_SHA1_C
#define MBEDTLS_SHA256_C /* unrolled (no _SMALLER): 40% more throughput for about 2 KiB */
#define MBEDTLS_SHA512_C       /* SHA-384 and SHA-512 */
#define MBEDTLS_SHA512_SMALLER

/* GP symmetric ciphers and AES-CMAC (the cipher layer carries CMAC). */
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_MODE_CTR
#define MBEDTLS_CIPHER_MODE_XTS
#define MBEDTLS_CMAC_C
/* DES and 3DES for the GP ciphers and CBC-MACs that name them. */
#define MBEDTLS_DES_C
/* GP authenticated encryption (tee/crypto_ae.c). */
#define MBEDTLS_GCM_C
#define MBEDTLS_CCM_C

/* RSA: TA image signatures (RSASSA-PSS) and the GP RSA operations (tee/crypto_asym.c):
 * PKCS#1 v1.5 and v2.1 (PSS, OAEP), private keys with CRT, key generation. */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_OID_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_GENPRIME

/* GP ECDSA and ECDH on the NIST curves P-192 to P-521 (tee/crypto_asym.c, crypto_derive.c);
 * ECDSA_C requires the ASN.1 modules though GP signatures are raw r || s. */
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECDH_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP224R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM /* fast reduction modulo the NIST primes */

/* GP DH (TEE_ALG_DH_DERIVE_SHARED_SECRET) and OP-TEE's KDF extensions (tee/crypto_derive.c). */
#define MBEDTLS_DHM_C
#define MBEDTLS_HKDF_C
#define MBEDTLS_PKCS5_C

/* Random numbers: NIST SP 800-90A CTR_DRBG with AES-256. */
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES /* tables in .rodata, not built at run time in .bss */
#define MBEDTLS_CTR_DRBG_C
/* The board's seed is 32 bytes (QEMU's rng-seed). */
#define MBEDTLS_CTR_DRBG_ENTROPY_LEN 32

/* Bignum sizes: 4096-bit keys, whose private operations go through numbers of twice that
 * (recovering p and q from n, e and d takes d * e - 1, over 4096 bits). */
#define MBEDTLS_MPI_WINDOW_SIZE 2
#define MBEDTLS_MPI_MAX_SIZE 1024

#include "mbedtls/check_config.h"

#endif
