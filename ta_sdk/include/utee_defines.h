/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sizes and algorithm-identifier fields TAs written for OP-TEE take from <utee_defines.h>.
 * The field positions follow the structure of a GP algorithm identifier (GP TEE Internal Core
 * API v1.3.1, 6.10.1: operation class in bits 28-31, chaining mode in bits 8-11, main algorithm
 * in bits 0-7). Each name is defined only if nothing defined it before.
 */
#ifndef UTEE_DEFINES_H
#define UTEE_DEFINES_H

#ifndef TEE_ALG_GET_CLASS
#define TEE_ALG_GET_CLASS(algo) (((algo) >> 28) & 0xF)
#endif
#ifndef TEE_ALG_GET_CHAIN_MODE
#define TEE_ALG_GET_CHAIN_MODE(algo) (((algo) >> 8) & 0xF)
#endif
#ifndef TEE_ALG_GET_MAIN_ALG
#define TEE_ALG_GET_MAIN_ALG(algo) ((algo)&0xFF)
#endif

/* Digest sizes in bytes (FIPS 180-4, RFC 1321). */
#ifndef TEE_MD5_HASH_SIZE
#define TEE_MD5_HASH_SIZE 16
#endif
#ifndef TEE_SHA1_HASH_SIZE
#define TEE_SHA1_HASH_SIZE 20
#endif
#ifndef TEE_SHA224_HASH_SIZE
#define TEE_SHA224_HASH_SIZE 28
#endif
#ifndef TEE_SHA256_HASH_SIZE
#define TEE_SHA256_HASH_SIZE 32
#endif
#ifndef TEE_SHA384_HASH_SIZE
#define TEE_SHA384_HASH_SIZE 48
#endif
#ifndef TEE_SHA512_HASH_SIZE
#define TEE_SHA512_HASH_SIZE 64
#endif
#ifndef TEE_MAX_HASH_SIZE
#define TEE_MAX_HASH_SIZE 64
#endif

/* Cipher block and key sizes in bytes (FIPS 197, FIPS 46-3). */
#ifndef TEE_AES_BLOCK_SIZE
#define TEE_AES_BLOCK_SIZE 16
#endif
#ifndef TEE_AES_MAX_KEY_SIZE
#define TEE_AES_MAX_KEY_SIZE 32
#endif
#ifndef TEE_DES_BLOCK_SIZE
#define TEE_DES_BLOCK_SIZE 8
#endif

#endif
