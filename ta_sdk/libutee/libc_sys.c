// SPDX-License-Identifier: BSD-2-Clause
/*
 * What the C library (picolibc) asks of the system beneath it, for a TA: a failed assert(),
 * abort() and exit() end the TA instance with a GP panic (a TA has no process to end; its
 * client sees TEE_ERROR_TARGET_DEAD, GP TEE Internal Core API v1.3.1 section 2.3.3), and
 * getentropy() (arc4random) draws from TEE_GenerateRandom. Files, processes, signals and the
 * C time functions have no system calls behind them: a TA using them fails to link.
 */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <tee_internal_api.h>
#include <unistd.h>

#include "utee_internal.h"

/* <assert.h>: the expression, file, line and function, then the panic; off with -DNDEBUG. */
void __assert_func(const char *file, int line, const char *func, const char *expr)
{
	MSG("assertion \"%s\" failed at %s:%d in %s()", expr, file, line, func ? func : "?");
	TEE_Panic(TEE_ERROR_GENERIC);
}

void abort(void)
{
	MSG("abort()");
	TEE_Panic(TEE_ERROR_GENERIC);
}

/* exit() runs the atexit handlers, then this. */
void _exit(int status)
{
	MSG("exit(%d): a TA cannot exit, it returns from its entry points", status);
	TEE_Panic(TEE_ERROR_GENERIC);
}

int getentropy(void *buf, size_t len)
{
	if (len > 256) { /* POSIX getentropy(): at most 256 bytes per call */
		errno = EIO;
		return -1;
	}
	TEE_GenerateRandom(buf, len);
	return 0;
}

/*
 * libgcc's out-of-line atomics (used by picolibc's stdio) ask for AT_HWCAP to pick LSE
 * instructions, from a constructor, which TAs do not run; without an auxiliary vector the
 * answer is "none", and the exclusive load/store forms, present on every Armv8-A CPU, are used.
 */
unsigned long __getauxval(unsigned long type);
unsigned long __getauxval(unsigned long type)
{
	(void)type;
	return 0;
}
