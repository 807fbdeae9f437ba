/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP crypto test TA (ta/rampart_crypto) and the commands tee-test's gp-crypto case drives it
 * with. Shared by the TA and the normal-world test program.
 */
#ifndef RAMPART_CRYPTO_TA_H
#define RAMPART_CRYPTO_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-63727970746f ("crypto"); multi-instance: one instance a session. */
#define TA_RAMPART_CRYPTO_UUID                                                                     \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x63, 0x72, 0x79, 0x70, 0x74, 0x6f                             \
		}                                                                                  \
	}

/* Known-answer families (CRYPTO_CMD_KAT p0.a). */
#define KAT_DIGEST   0 /* MD5, SHA-1, SHA-224, SHA-256, SHA-384, SHA-512, SM3 */
#define KAT_HMAC     1 /* HMAC with each digest (SM3's too) */
#define KAT_CMAC     2 /* AES-CMAC, 3DES-CMAC (two and three keys) */
#define KAT_CIPHER   3 /* AES ECB_NOPAD, CBC_NOPAD, CTR, XTS, CTS, both directions */
#define KAT_AE	     4 /* AES-GCM, AES-CCM: both directions, and a forged tag */
#define KAT_CBC_MAC  5 /* AES-CBC-MAC NOPAD (PKCS5: against NOPAD, CRYPTO_CMD_ERRORS) */
#define KAT_DES	     6 /* DES, 3DES (two and three keys): ECB, CBC, CBC-MAC */
#define KAT_FAMILIES 7

/* Commands; parameters as p0..p3, anything not listed is NONE. */
#define CRYPTO_CMD_KAT                                                                             \
	0 /* p0 VALUE_IN a = KAT_*; p1 VALUE_OUT a = vectors, b = checks: every                    \
	   * vector one-shot, in odd-sized parts, and through TEE_CopyOperation */
#define CRYPTO_CMD_ERRORS                                                                          \
	1 /* p0 VALUE_OUT a = checks: the TEE_ERROR_* paths (NOT_SUPPORTED,                        \
	   * SHORT_BUFFER, BAD_PARAMETERS, MAC_INVALID, ITEM_NOT_FOUND) */
#define CRYPTO_CMD_KEYS                                                                            \
	2		   /* p0 VALUE_OUT a = checks: GenerateKey, object info, attributes,       \
			    * CopyObjectAttributes1, the per-instance handle limits */
#define CRYPTO_CMD_PANIC 3 /* p0 VALUE_IN a = CRYPTO_PANIC_*: must kill the instance */

/* What CRYPTO_CMD_PANIC does; GP says each one panics the TA. */
#define CRYPTO_PANIC_FORGED_HANDLE	0  /* TEE_FreeOperation on a handle never given out */
#define CRYPTO_PANIC_UPDATE_BEFORE_INIT 1  /* TEE_CipherUpdate before TEE_CipherInit */
#define CRYPTO_PANIC_NOT_EXTRACTABLE	2  /* TEE_GetObjectBufferAttribute of a protected secret */
#define CRYPTO_PANIC_KEY_TOO_LARGE	3  /* TEE_SetOperationKey over the operation's maxKeySize */
#define CRYPTO_PANIC_WRONG_CLASS	4  /* TEE_DigestUpdate on a MAC operation */
#define CRYPTO_PANIC_STALE_HANDLE	5  /* an object handle used after TEE_FreeTransientObject */
#define CRYPTO_PANIC_NOPAD_PARTIAL	6  /* TEE_CipherDoFinal of CBC_NOPAD with a partial block */
#define CRYPTO_PANIC_AAD_AFTER_PAYLOAD	7  /* TEE_AEUpdateAAD after TEE_AEUpdate (GCM) */
#define CRYPTO_PANIC_AE_WRONG_FINAL	8  /* TEE_AEDecryptFinal on an encryption */
#define CRYPTO_PANIC_CTS_SHORT		9  /* TEE_CipherDoFinal of AES-CTS, 15 bytes in all */
#define CRYPTO_PANIC_XTS_KEY_TOO_LARGE	10 /* AES-256 keys on XTS allocated for two AES-128 */
#define CRYPTO_PANIC_HMAC_SM3_WRONG_KEY 11 /* TEE_SetOperationKey of an HMAC-SHA256 key */
#define CRYPTO_PANICS			12

#endif
