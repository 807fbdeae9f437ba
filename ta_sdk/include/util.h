/* SPDX-License-Identifier: BSD-2-Clause */
/* Small arithmetic and bit helpers TAs written for OP-TEE take from <util.h>. */
#ifndef TA_UTIL_H
#define TA_UTIL_H

/* As in OP-TEE, util.h brings compiler.h: code using one expects __maybe_unused and the like. */
#include <compiler.h>
#include <stdint.h>

#ifndef BIT32
#define BIT32(n) ((uint32_t)1 << (n))
#endif
#ifndef BIT64
#define BIT64(n) ((uint64_t)1 << (n))
#endif
#ifndef BIT
#define BIT(n) BIT32(n)
#endif
#ifndef GENMASK_32
#define GENMASK_32(h, l) ((UINT32_MAX << (l)) & (UINT32_MAX >> (31 - (h))))
#endif
#ifndef GENMASK_64
#define GENMASK_64(h, l) ((UINT64_MAX << (l)) & (UINT64_MAX >> (63 - (h))))
#endif

#ifndef MIN
#define MIN(a, b)                                                                                  \
	({                                                                                         \
		__typeof__(a) _a = (a);                                                            \
		__typeof__(b) _b = (b);                                                            \
		_a < _b ? _a : _b;                                                                 \
	})
#endif
#ifndef MAX
#define MAX(a, b)                                                                                  \
	({                                                                                         \
		__typeof__(a) _a = (a);                                                            \
		__typeof__(b) _b = (b);                                                            \
		_a > _b ? _a : _b;                                                                 \
	})
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(x) (sizeof(x) / sizeof((x)[0]))
#endif
/* Power-of-two alignment only. */
#ifndef ROUNDUP
#define ROUNDUP(v, size) (((v) + ((__typeof__(v))(size)-1)) & ~((__typeof__(v))(size)-1))
#endif
#ifndef ROUNDDOWN
#define ROUNDDOWN(v, size) ((v) & ~((__typeof__(v))(size)-1))
#endif
#ifndef IS_ALIGNED
#define IS_ALIGNED(x, a) (((x) & ((a)-1)) == 0)
#endif

#endif
