/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP asymmetric crypto test TA (ta/rampart_asym) and the commands tee-test's gp-asym case
 * drives it with. Shared by the TA and the normal-world test program.
 */
#ifndef RAMPART_ASYM_TA_H
#define RAMPART_ASYM_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-6173796d0000 ("asym"); multi-instance: one instance a session. */
#define TA_RAMPART_ASYM_UUID                                                                       \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x61, 0x73, 0x79, 0x6d, 0x00, 0x00                             \
		}                                                                                  \
	}

/* Known-answer families (ASYM_CMD_KAT p0.a): AKAT_* of the generated asym_vectors.h. */
#define ASYM_KAT_FAMILIES 15

/* Commands; parameters as p0..p3, anything not listed is NONE. */
/* p0 VALUE_IN a = family; p1 VALUE_OUT a = vectors, b = checks */
#define ASYM_CMD_KAT 0
/* p0 VALUE_OUT a = checks: TEE_ERROR_* paths of RSA, ECC, DSA, Ed25519, X25519 and the KDFs
 * (short buffers, tampered signatures, wrong keys and key sizes, bad ciphertexts, bad keys),
 * attributes and TEE_IsAlgorithmSupported */
#define ASYM_CMD_ERRORS 1
/* p0 VALUE_OUT a = checks: TEE_GenerateKey for RSA (one 2048-bit key), ECDSA, ECDH, DH, DSA,
 * Ed25519 and X25519, the keys used both ways */
#define ASYM_CMD_KEYGEN 2
#define ASYM_CMD_PANIC	3 /* p0 VALUE_IN a = ASYM_PANIC_*: must kill the instance */

/* What ASYM_CMD_PANIC does; GP says each one panics the TA. */
#define ASYM_PANIC_PRIVATE_NOT_EXTRACTABLE 0 /* GetObjectBufferAttribute(RSA d), not extractable   \
					      */
#define ASYM_PANIC_SIGN_ON_VERIFY	1    /* AsymmetricSignDigest on a verify operation */
#define ASYM_PANIC_PUBLIC_KEY_TO_SIGN	2 /* SetOperationKey(RSA public key) to a sign operation */
#define ASYM_PANIC_ENCRYPT_ON_SIGNATURE 3 /* AsymmetricEncrypt on a signature operation */
#define ASYM_PANIC_ECDH_PEER_OFF_CURVE	4 /* DeriveKey with a peer point not on the curve */
#define ASYM_PANIC_POPULATE_MISSING	5 /* Populate an RSA key pair without its exponent d */
#define ASYM_PANIC_KEY_OVER_MAX		6 /* SetOperationKey(P-384 key) to ECDSA_P256 */
#define ASYM_PANIC_DERIVE_INTO_AES	7 /* DeriveKey into an object not GENERIC_SECRET */
#define ASYM_PANIC_DSA_PUBLIC_TO_SIGN	8 /* SetOperationKey(DSA public key) to DSA_SHA1 sign */
#define ASYM_PANIC_ED25519_PUBLIC_TO_SIGN 9 /* the same with an Ed25519 public key */
#define ASYM_PANIC_X25519_SHORT_PEER	10 /* DeriveKey(X25519) with a 31-byte peer value */
#define ASYM_PANICS			11

#endif
