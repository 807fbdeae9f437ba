/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The GP v1.1 test TA (ta/rampart_gp11, built with CFG_TA_OPTEE_CORE_API_COMPAT_1_1=y as
 * OP-TEE's examples are) and the command tee-test's gp11-compat case drives it with.
 */
#ifndef RAMPART_GP11_TA_H
#define RAMPART_GP11_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-677031310000 ("gp11"); one instance a session. */
#define TA_RAMPART_GP11_UUID                                                                       \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x67, 0x70, 0x31, 0x31, 0x00, 0x00                             \
		}                                                                                  \
	}

/*
 * GP11_CMD_CHECKS: p0 VALUE_OUT a = checks run, b = the first that failed (0: none); p1
 * MEMREF_OUTPUT (at least 32 bytes): the SHA-256 of "abc", its size set through v1.1's uint32_t
 * TEE_Param size. Each check calls a renamed function with a uint32_t length that has a guard
 * word after it, which must stay untouched.
 */
#define GP11_CMD_CHECKS 0

#endif
