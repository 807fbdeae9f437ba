/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The attribute shorthands GP TAs written for OP-TEE use (GCC attributes underneath). The C
 * library's <sys/cdefs.h> defines several of them the same way; the first definition stays.
 */
#ifndef COMPILER_H
#define COMPILER_H

#ifndef __unused
#define __unused       __attribute__((unused))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((unused))
#endif
#ifndef __used
#define __used	       __attribute__((used))
#endif
#ifndef __noreturn
#define __noreturn     __attribute__((noreturn))
#endif
#ifndef __packed
#define __packed       __attribute__((packed))
#endif
#ifndef __weak
#define __weak	       __attribute__((weak))
#endif
#ifndef __aligned
#define __aligned(x)   __attribute__((aligned(x)))
#endif
#ifndef __section
#define __section(x)   __attribute__((section(x)))
#endif
#ifndef __printf
#define __printf(a, b) __attribute__((format(printf, a, b)))
#endif
#ifndef __must_check
#define __must_check   __attribute__((warn_unused_result))
#endif
#ifndef __pure
#define __pure	       __attribute__((pure))
#endif

#endif
