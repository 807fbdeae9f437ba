/* SPDX-License-Identifier: BSD-2-Clause */
/* C11 assertions for the firmware: a failed assert() is a panic naming the place. */
#ifndef LIB_ASSERT_H
#define LIB_ASSERT_H

#include <panic.h>

#define static_assert _Static_assert

#define assert(cond)                                                                  \
	do {                                                                          \
		if (!(cond))                                                          \
			panic("assertion '%s' failed at %s:%d", #cond, __FILE__, __LINE__); \
	} while (0)

#endif
