/* SPDX-License-Identifier: BSD-2-Clause */
/* The <limits.h> constants freestanding code here uses (LP64), nettle's mini-gmp included. */
#ifndef LIB_LIMITS_H
#define LIB_LIMITS_H

#define CHAR_BIT 8
#define SHRT_MAX 0x7fff
#define SHRT_MIN (-SHRT_MAX - 1)
#define USHRT_MAX 0xffff
#define INT_MAX 0x7fffffff
#define INT_MIN (-INT_MAX - 1)
#define UINT_MAX 0xffffffffU
#define LONG_MAX 0x7fffffffffffffffL
#define LONG_MIN (-LONG_MAX - 1L)
#define ULONG_MAX 0xffffffffffffffffUL

#endif
