/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mbedTLS configuration for trusted applications (S-EL0). The dev kit installs it as
 * include/mbedtls/config.h, so a TA that includes any <mbedtls/...> header sees the
 * configuration its libmbedtls.a was built with, as with OP-TEE's dev kit.
 *
 * Freestanding: no file system, sockets, clocks or threads. Memory comes from the TA heap
 * (calloc/free of libutee, the same heap as TEE_Malloc); random numbers are the caller's
 * f_rng (a TA passes one over TEE_GenerateRandom); there is no entropy module.
 */
#ifndef RAMPART_TA_MBEDTLS_CONFIG_H
#define RAMPART_TA_MBEDTLS_CONFIG_H

#include <stddef.h>

/* 64-bit limbs with the inline aarch64 assembly of bn_mul.h; no 128-bit division helper. */
#define MBEDTLS_HAVE_ASM
#define MBEDTLS_NO_UDBL_DIVISION

/* Platform: the TA heap and the dev kit's snprintf; no standard library streams or time. */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_PLATFORM_NO_STD_FUNCTIONS
void *calloc(size_t nmemb, size_t size);
void free(void *ptr);
int snprintf(char *buf, size_t size, const char *fmt, ...);
#define MBEDTLS_PLATFORM_CALLOC_MACRO	calloc
#define MBEDTLS_PLATFORM_FREE_MACRO	free
#define MBEDTLS_PLATFORM_SNPRINTF_MACRO snprintf
#define MBEDTLS_NO_PLATFORM_ENTROPY

/* Big numbers: the GP arithmetical API of libutee is built on them. */
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_GENPRIME
/* 8192-bit numbers, the TEE_BigInt maximum (TEE_BIGINT_MAX_BITS of tee_internal_api.h). */
#define MBEDTLS_MPI_MAX_SIZE	1024
#define MBEDTLS_MPI_WINDOW_SIZE 6

/* Digests and HMAC (md layer). */
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_SHA1_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA512_C

/* Symmetric ciphers and their modes, CMAC, and the AEAD modes. */
#define MBEDTLS_AES_C
#define MBEDTLS_DES_C
#define MBEDTLS_CIPHER_C
#define MBEDTLS_CIPHER_MODE_CBC
#define MBEDTLS_CIPHER_MODE_CTR
#define MBEDTLS_CIPHER_MODE_XTS
#define MBEDTLS_CIPHER_PADDING_PKCS7
#define MBEDTLS_CMAC_C
#define MBEDTLS_GCM_C
#define MBEDTLS_CCM_C

/* Deterministic random bit generators (seeded by the TA, e.g. from TEE_GenerateRandom). */
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_HMAC_DRBG_C

/* Public-key building blocks: ASN.1, OIDs, RSA, elliptic curves. */
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_BASE64_C
#define MBEDTLS_OID_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP224R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_ECP_DP_SECP521R1_ENABLED
#define MBEDTLS_ECP_DP_CURVE25519_ENABLED
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ECDH_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECDSA_DETERMINISTIC

/*
 * Keys and certificates (the dev kit's C library has the string functions they need): PK with
 * DER/PEM parsing and writing, X.509 certificates and CSRs, parsed and written. Without a clock
 * (no MBEDTLS_HAVE_TIME_DATE) a certificate's validity period is not checked against the time.
 */
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_PK_WRITE_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_PEM_WRITE_C
#define MBEDTLS_X509_USE_C
#define MBEDTLS_X509_CRT_PARSE_C
#define MBEDTLS_X509_CSR_PARSE_C
#define MBEDTLS_X509_CREATE_C
#define MBEDTLS_X509_CRT_WRITE_C
#define MBEDTLS_X509_CSR_WRITE_C

#include "mbedtls/check_config.h"

#endif
