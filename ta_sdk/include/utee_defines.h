/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Sizes and algorithm-identifier fields TAs written for OP-TEE take from <utee_defines.h>.
 * The field positions follow the structure of a GP algorithm identifier (GP TEE Internal Core
 * API v1.3.1, 6.10.1: operation class in bits 28-31, chaining mode in bits 8-11, main algorithm
 * in bits 0-7). Each name is defined only if nothing defined it before.
 */
#ifndef UTEE_DEFINES_H
#define UTEE_DEFINES_H

#include <stdbool.h>
#include <stdint.h>
#include <tee_api_defines.h>

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


/*
 * Values of the main-algorithm field (bits 0-7) and of the chaining-mode field (bits 8-11) of
 * an algorithm identifier, as the identifiers of GP TEE Internal Core API v1.3.1 table 6-11 use
 * them (SM2/SM3/SM4 and the key-derivation values as OP-TEE numbers them).
 */
#define TEE_MAIN_ALGO_MD5 0x01
#define TEE_MAIN_ALGO_SHA1 0x02
#define TEE_MAIN_ALGO_SHA224 0x03
#define TEE_MAIN_ALGO_SHA256 0x04
#define TEE_MAIN_ALGO_SHA384 0x05
#define TEE_MAIN_ALGO_SHA512 0x06
#define TEE_MAIN_ALGO_SM3 0x07
#define TEE_MAIN_ALGO_AES 0x10
#define TEE_MAIN_ALGO_DES 0x11
#define TEE_MAIN_ALGO_DES2 0x12
#define TEE_MAIN_ALGO_DES3 0x13
#define TEE_MAIN_ALGO_SM4 0x14
#define TEE_MAIN_ALGO_RSA 0x30
#define TEE_MAIN_ALGO_DSA 0x31
#define TEE_MAIN_ALGO_DH 0x32
#define TEE_MAIN_ALGO_ECDSA 0x41
#define TEE_MAIN_ALGO_ECDH 0x42
#define TEE_MAIN_ALGO_ED25519 0x43
#define TEE_MAIN_ALGO_X25519 0x44
#define TEE_MAIN_ALGO_SM2_DSA_SM3 0x45
#define TEE_MAIN_ALGO_SM2_KEP 0x46
#define TEE_MAIN_ALGO_SM2_PKE 0x47
#define TEE_MAIN_ALGO_HKDF 0xC0
#define TEE_MAIN_ALGO_CONCAT_KDF 0xC1
#define TEE_MAIN_ALGO_PBKDF2 0xC2

#define TEE_CHAIN_MODE_ECB_NOPAD 0x0
#define TEE_CHAIN_MODE_CBC_NOPAD 0x1
#define TEE_CHAIN_MODE_CTR 0x2
#define TEE_CHAIN_MODE_CTS 0x3
#define TEE_CHAIN_MODE_XTS 0x4
#define TEE_CHAIN_MODE_CBC_MAC_PKCS5 0x5
#define TEE_CHAIN_MODE_CMAC 0x6
#define TEE_CHAIN_MODE_CCM 0x7
#define TEE_CHAIN_MODE_GCM 0x8
#define TEE_CHAIN_MODE_PKCS1_PSS_MGF1 0x9


/*
 * The hash inside an asymmetric signature identifier is in bits 12-15 (GP TEE Internal Core API
 * v1.3.1, 6.10.1), as TEE_MAIN_ALGO_* values 1..6; SM2_DSA_SM3 is the exception (its bits
 * 12-15 read 6, SHA-512, but its hash is SM3, main algorithm 7).
 */
static inline uint32_t utee_alg_digest_hash(uint32_t algo)
{
	return algo == TEE_ALG_SM2_DSA_SM3 ? TEE_MAIN_ALGO_SM3 : (algo >> 12) & 0xF;
}

/* The digest algorithm identifier of a TEE_MAIN_ALGO_* hash. */
static inline uint32_t utee_hash_algo(uint32_t main_hash)
{
	return main_hash == TEE_MAIN_ALGO_SM3 ? TEE_ALG_SM3
					      : ((uint32_t)TEE_OPERATION_DIGEST << 28) | main_hash;
}

/* The object type an algorithm's key has: bit 24 set for a key pair. */
static inline uint32_t utee_alg_key_type(uint32_t algo, bool with_private_key)
{
	return 0xA0000000 | (with_private_key ? 0x01000000 : 0) | (algo & 0xFF);
}

/* The names OP-TEE's TAs and xtest use for them. */
#define TEE_ALG_GET_DIGEST_HASH(algo) utee_alg_digest_hash(algo)
#define TEE_ALG_GET_INTERNAL_HASH(algo) (((algo) >> 20) & 0x7) /* MGF1 hash of OAEP/PSS */
#define TEE_ALG_HASH_ALGO(main_hash) utee_hash_algo(main_hash)
#define TEE_ALG_GET_KEY_TYPE(algo, with_private_key) utee_alg_key_type(algo, with_private_key)
#define TEE_INTERNAL_HASH_TO_ALGO(algo) TEE_ALG_HASH_ALGO(TEE_ALG_GET_INTERNAL_HASH(algo))
#define TEE_DIGEST_HASH_TO_ALGO(algo) TEE_ALG_HASH_ALGO(TEE_ALG_GET_DIGEST_HASH(algo))
#define TEE_ALG_HMAC_ALGO(main_hash) (((uint32_t)TEE_OPERATION_MAC << 28) | (main_hash))

#endif
