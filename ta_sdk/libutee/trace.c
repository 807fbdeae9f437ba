// SPDX-License-Identifier: BSD-2-Clause
/* TA trace output (trace.h): one TA_SYS_LOG per message, without a line ending. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <trace.h>

#include "utee_syscalls.h"

#define TRACE_LINE_MAX 256

void trace_printf(const char *func, int line, int level, int with_prefix, const char *fmt, ...)
{
	static const char level_char[] = "MEIDF";
	char buf[TRACE_LINE_MAX];
	size_t n = 0;
	va_list ap;

	if (with_prefix) {
		char c = level >= 0 && level <= TRACE_MAX ? level_char[level] : '?';
		int k = snprintf(buf, sizeof(buf), "%c/TA: %s:%d ", c, func, line);

		n = k < 0 ? 0 : (size_t)k < sizeof(buf) ? (size_t)k : sizeof(buf) - 1;
	}
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	va_end(ap);
	n = strlen(buf);
	while (n && buf[n - 1] == '\n')
		n--;
	utee_log(buf, n);
}

void trace_hexdump(const char *func, int line, int level, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	for (size_t off = 0; off < len; off += 16) {
		char hex[16 * 3 + 1];
		size_t n = len - off < 16 ? len - off : 16;

		for (size_t i = 0; i < n; i++)
			snprintf(hex + 3 * i, 4, "%02x ", p[off + i]);
		trace_printf(func, line, level, 1, "%04zx: %s", off, hex);
	}
}
