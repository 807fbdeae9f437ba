/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The C library test TA (ta/rampart_libc) and the commands tee-test's ta-libc case drives it
 * with: the dev kit's libc (picolibc) inside a TA. Shared by the TA and the normal-world test.
 */
#ifndef RAMPART_LIBC_TA_H
#define RAMPART_LIBC_TA_H

/* 5ee1c0de-7a11-4e57-9a6e-6c6962630000 ("libc"); multi-instance: one instance a session. */
#define TA_RAMPART_LIBC_UUID                                                                       \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x6c, 0x69, 0x62, 0x63, 0x00, 0x00                             \
		}                                                                                  \
	}

/* The heap the TA declares (TA_DATA_SIZE): what exhaustion is measured against. */
#define LIBC_TA_DATA_SIZE (32 * 1024)

/* Commands; parameters as p0..p3, anything not listed is NONE. */
#define LIBC_CMD_FORMAT                                                                            \
	0 /* p0 VALUE_IN a, b: a 64-bit value (a high), p1 VALUE_IN a: a 32-bit value,             \
	   * p2 MEMREF_OUTPUT: LIBC_FORMAT applied to them by snprintf, NUL included */
#define LIBC_CMD_PRINT                                                                             \
	1 /* p0 VALUE_IN a = a nonce: printf, puts, fputs(stderr), putchar and a line without its  \
	   * end (flushed when the entry returns), each naming the nonce, to the TA log */
#define LIBC_CMD_HEAP                                                                              \
	2 /* p0 VALUE_OUT a = checks, b = blocks malloc gave before the heap ran out:              \
	   * malloc/calloc/realloc/free on TEE_Malloc's heap, exhaustion as NULL and ENOMEM */
#define LIBC_CMD_STDLIB                                                                            \
	3 /* p0 VALUE_OUT a = checks: qsort, bsearch, strtoul/strtol, abs, ctype, inttypes,        \
	   * setjmp/longjmp, string.h, errno in TLS */
#define LIBC_CMD_PANIC 4 /* p0 VALUE_IN a = LIBC_PANIC_*: must kill the instance */

/* The format of LIBC_CMD_FORMAT, with PRIx64 and friends as <inttypes.h> spells them. */
#define LIBC_FORMAT(PRIx64_, PRIu64_, PRId32_)                                                     \
	"[%" PRIx64_ "] [%#018" PRIx64_ "] [%" PRIu64_ "] [%" PRId32_ "] [%-6d|%6d] [%s] [%.3s] "  \
	"[%c] [%%] [%5.2x] [%lu]"

/* What LIBC_CMD_PANIC does. */
#define LIBC_PANIC_ASSERT 0 /* assert() of a false expression */
#define LIBC_PANIC_ABORT  1 /* abort() */
#define LIBC_PANIC_EXIT	  2 /* exit(3) */
#define LIBC_PANIC_FREE	  3 /* free() of a pointer that malloc never gave */
#define LIBC_PANICS	  4

#endif
