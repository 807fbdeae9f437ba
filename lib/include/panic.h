/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef LIB_PANIC_H
#define LIB_PANIC_H

/* Report on both consoles and stop this CPU for good. Each image provides its own. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
