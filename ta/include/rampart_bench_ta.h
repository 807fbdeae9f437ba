/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The benchmark TA (ta/rampart_bench) and the commands `tee-test --bench` drives it with. The TA
 * uses the GP TEE Internal Core API alone, so the same sources build against Rampart's dev kit
 * and OP-TEE's (docs/benchmarks.md) and the figures compare the same code on both.
 */
#ifndef RAMPART_BENCH_TA_H
#define RAMPART_BENCH_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-62656e636800 ("bench"); one instance a session, as the test TA. */
#define TA_RAMPART_BENCH_UUID                                                                      \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x62, 0x65, 0x6e, 0x63, 0x68, 0x00                             \
		}                                                                                  \
	}

/* Commands; parameters as p0..p3, anything not listed is NONE. */
#define BENCH_CMD_INOUT 0 /* p0 VALUE_INOUT: a += 1, b += 2 (the invoke figure) */
#define BENCH_CMD_FEATURES                                                                         \
	1 /* p0 VALUE_OUT a = BENCH_HAS_* of the GP APIs the TA was built with (its dev kit's      \
	   * headers declare them); what is missing answers TEE_ERROR_NOT_SUPPORTED */
#define BENCH_CMD_DIGEST                                                                           \
	2 /* p0 VALUE_IN a = BENCH_ALG_SHA256; p1 MEMREF_IN data; p2 MEMREF_OUT digest (32) */
#define BENCH_CMD_CIPHER                                                                           \
	3 /* p0 VALUE_IN a = BENCH_ALG_AES128_CBC or _GCM; p1 MEMREF_IN plaintext (a multiple      \
	   * of 16 bytes); p2 MEMREF_OUT ciphertext (as long); p3 MEMREF_OUT GCM tag (16) or NONE. \
	   * Key, IV/nonce and the GCM AAD are BENCH_KEY, BENCH_IV and the first 16 bytes of       \
	   * BENCH_IV, so the normal world can check the result */
#define BENCH_CMD_KEYGEN                                                                           \
	4 /* p0 VALUE_IN a = BENCH_ALG_RSA2048 or _ECDSA_P256: TEE_GenerateKey, kept for the       \
	   * session (not part of the sign figure) */
#define BENCH_CMD_SIGN                                                                             \
	5 /* p0 VALUE_IN a = BENCH_ALG_RSA2048 (PKCS#1 v1.5, SHA-256) or _ECDSA_P256; p1 MEMREF_IN \
	   * a 32-byte digest; p2 MEMREF_OUT signature (256 or 64 bytes) */
#define BENCH_CMD_VERIFY                                                                           \
	6 /* p0 VALUE_IN a = as SIGN; p1 MEMREF_IN digest; p2 MEMREF_IN signature: SUCCESS or      \
	   * TEE_ERROR_SIGNATURE_INVALID */
#define BENCH_CMD_STORE_WRITE                                                                      \
	7 /* p1 MEMREF_IN data: TEE_CreatePersistentObject(BENCH_OBJECT_ID) with no initial data,  \
	   * TEE_WriteObjectData(data), close */
#define BENCH_CMD_STORE_READ                                                                       \
	8 /* p1 MEMREF_OUT data: open BENCH_OBJECT_ID for reading, TEE_ReadObjectData, close;      \
	   * p0 VALUE_OUT a = bytes read */
#define BENCH_CMD_STORE_DELETE 9 /* open BENCH_OBJECT_ID and TEE_CloseAndDeletePersistentObject1   \
				  */

/* BENCH_CMD_FEATURES bits. */
#define BENCH_HAS_RSA	  (1u << 0) /* RSA key pairs and RSASSA-PKCS1-v1_5 */
#define BENCH_HAS_ECDSA	  (1u << 1) /* ECDSA key pairs on P-256 */
#define BENCH_HAS_STORAGE (1u << 2) /* TEE_STORAGE_PRIVATE persistent objects */

/* Algorithm selectors (p0.a). */
#define BENCH_ALG_SHA256     0
#define BENCH_ALG_AES128_CBC 1
#define BENCH_ALG_AES128_GCM 2
#define BENCH_ALG_RSA2048    3
#define BENCH_ALG_ECDSA_P256 4

#define BENCH_KEY	"rampart-bench-k" /* 15 characters and the NUL: 16 bytes, AES-128 */
#define BENCH_IV	"rampart-bench-iv" /* the first 16 bytes: CBC's IV; the first 12: GCM's nonce */
#define BENCH_OBJECT_ID "rampart-bench-object"

#endif
