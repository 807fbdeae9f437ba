/* SPDX-License-Identifier: BSD-2-Clause */
/* assert() for TAs: a failed assertion is logged and the TA panics (TEE_ERROR_GENERIC). */
#ifndef TA_ASSERT_H
#define TA_ASSERT_H

void __assert_fail(const char *expr, const char *file, int line, const char *func)
    __attribute__((noreturn));

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#endif
