/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Firmware logging. Every line goes to the secure console; lines marked for the user (errors,
 * the banner) also go to the normal-world console, where a user running QEMU looks.
 */
#ifndef LIB_LOG_H
#define LIB_LOG_H

#include <stdarg.h>
#include <stddef.h>

void log_init(const char *prefix);
/* Keep every line on the secure console (an image without the normal-world UART mapped). */
void log_disable_user_console(void);
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Also shown on the normal-world console. */
void log_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
