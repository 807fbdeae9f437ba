/* SPDX-License-Identifier: BSD-2-Clause */
/* The attribute shorthands GP TAs written for OP-TEE use (GCC attributes underneath). */
#ifndef COMPILER_H
#define COMPILER_H

#define __unused       __attribute__((unused))
#define __maybe_unused __attribute__((unused))
#define __used	       __attribute__((used))
#define __noreturn     __attribute__((noreturn))
#define __packed       __attribute__((packed))
#define __weak	       __attribute__((weak))
#define __aligned(x)   __attribute__((aligned(x)))
#define __section(x)   __attribute__((section(x)))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define __must_check   __attribute__((warn_unused_result))
#define __pure	       __attribute__((pure))

#endif
