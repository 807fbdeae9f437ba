/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP arithmetical API test TA (ta/rampart_arith) and the commands tee-test's gp-arith case
 * drives it with. Shared by the TA and the normal-world test program.
 */
#ifndef RAMPART_ARITH_TA_H
#define RAMPART_ARITH_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-617269746800 ("arith"); multi-instance: one instance a session. */
#define TA_RAMPART_ARITH_UUID                                                                      \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x61, 0x72, 0x69, 0x74, 0x68, 0x00                             \
		}                                                                                  \
	}

/* Commands; parameters as p0..p3, anything not listed is NONE. */
#define ARITH_CMD_KAT                                                                              \
	0 /* p0 VALUE_OUT a = vectors, b = checks: every operation of every known-answer vector,   \
	   * FMM against MulMod, octet-string round trips; no heap left in use */
#define ARITH_CMD_PRIME	  1 /* p0 VALUE_OUT a = numbers, b = checks: IsProbablePrime */
#define ARITH_CMD_CONVERT 2 /* p0 VALUE_OUT a = checks: S32 and octet-string edges, errors */
#define ARITH_CMD_PANIC	  3 /* p0 VALUE_IN a = ARITH_PANIC_*: must kill the instance */

/* What ARITH_CMD_PANIC does; each one is an error GP says panics the TA. */
#define ARITH_PANIC_DIV_BY_ZERO	     0 /* TEE_BigIntDiv by zero */
#define ARITH_PANIC_RESULT_TOO_LARGE 1 /* TEE_BigIntMul into a destination one word short */
#define ARITH_PANIC_MODULUS_ONE	     2 /* TEE_BigIntMod with n = 1 */
#define ARITH_PANIC_NOT_INVERTIBLE   3 /* TEE_BigIntInvMod of 6 modulo 9 */
#define ARITH_PANIC_NOT_INITIALISED  4 /* TEE_BigIntAdd on a TEE_BigInt never initialised */
#define ARITH_PANIC_FMM_CONTEXT	     5 /* TEE_BigIntComputeFMM with another modulus' context */
#define ARITH_PANIC_INIT_TOO_LARGE   6 /* TEE_BigIntInit over TEE_BIGINT_MAX_BITS */
#define ARITH_PANICS		     7

#endif
