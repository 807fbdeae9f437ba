/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * OP-TEE's extensions to the GP identifiers that TAs written for it use: the key-derivation
 * functions TEE_DeriveKey runs besides DH and ECDH (HKDF, RFC 5869; the concatenation KDF of
 * NIST SP 800-56A 5.8.1; PBKDF2-HMAC-SHA1, RFC 8018), with OP-TEE's numbers.
 */
#ifndef TEE_API_DEFINES_EXTENSIONS_H
#define TEE_API_DEFINES_EXTENSIONS_H

#define TEE_ALG_HKDF_MD5_DERIVE_KEY    0x800010C0
#define TEE_ALG_HKDF_SHA1_DERIVE_KEY   0x800020C0
#define TEE_ALG_HKDF_SHA224_DERIVE_KEY 0x800030C0
#define TEE_ALG_HKDF_SHA256_DERIVE_KEY 0x800040C0
#define TEE_ALG_HKDF_SHA384_DERIVE_KEY 0x800050C0
#define TEE_ALG_HKDF_SHA512_DERIVE_KEY 0x800060C0
#define TEE_TYPE_HKDF_IKM	       0xA10000C0
#define TEE_ATTR_HKDF_IKM	       0xC00001C0
#define TEE_ATTR_HKDF_SALT	       0xD00002C0
#define TEE_ATTR_HKDF_INFO	       0xD00003C0
#define TEE_ATTR_HKDF_OKM_LENGTH       0xF00004C0

#define TEE_ALG_CONCAT_KDF_SHA1_DERIVE_KEY   0x800020C1
#define TEE_ALG_CONCAT_KDF_SHA224_DERIVE_KEY 0x800030C1
#define TEE_ALG_CONCAT_KDF_SHA256_DERIVE_KEY 0x800040C1
#define TEE_ALG_CONCAT_KDF_SHA384_DERIVE_KEY 0x800050C1
#define TEE_ALG_CONCAT_KDF_SHA512_DERIVE_KEY 0x800060C1
#define TEE_TYPE_CONCAT_KDF_Z		     0xA10000C1
#define TEE_ATTR_CONCAT_KDF_Z		     0xC00001C1
#define TEE_ATTR_CONCAT_KDF_OTHER_INFO	     0xD00002C1
#define TEE_ATTR_CONCAT_KDF_DKM_LENGTH	     0xF00003C1

#define TEE_ALG_PBKDF2_HMAC_SHA1_DERIVE_KEY 0x800020C2
#define TEE_TYPE_PBKDF2_PASSWORD	    0xA10000C2
#define TEE_ATTR_PBKDF2_PASSWORD	    0xC00001C2
#define TEE_ATTR_PBKDF2_SALT		    0xD00002C2
#define TEE_ATTR_PBKDF2_ITERATION_COUNT	    0xF00003C2
#define TEE_ATTR_PBKDF2_DKM_LENGTH	    0xF00004C2


/*
 * TEE_CheckMemoryAccessRights flags beyond GP's READ, WRITE and ANY_OWNER (GP 1.3.1 4.11.1),
 * with OP-TEE's numbers: _SECURE passes only if no byte of the buffer is normal-world memory (a
 * client's shared buffer is), _NONSECURE only if all of it is; both together never pass.
 */
#define TEE_MEMORY_ACCESS_NONSECURE 0x10000000
#define TEE_MEMORY_ACCESS_SECURE    0x20000000

/*
 * OP-TEE's identifier of its RPMB-backed storage. Rampart keeps TEE_STORAGE_PRIVATE in the REE
 * file system only (docs/storage.md): opening or creating an object there gives
 * TEE_ERROR_ITEM_NOT_FOUND, as for any storage that does not exist.
 */
#define TEE_STORAGE_PRIVATE_RPMB 0x80000100

#endif
