/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TA trace output to the secure console: EMSG (errors), IMSG (information), DMSG (debug), FMSG
 * (flow), each shown when its level is at most CFG_TEE_TA_LOG_LEVEL (0 silences all, default 1).
 * The *_RAW forms print the message alone, without the level, function and line.
 */
#ifndef TRACE_H
#define TRACE_H

#include <stddef.h>

#include <trace_levels.h>

#ifndef CFG_TEE_TA_LOG_LEVEL
#define CFG_TEE_TA_LOG_LEVEL TRACE_ERROR
#endif
#define TRACE_LEVEL CFG_TEE_TA_LOG_LEVEL

void trace_printf(const char *func, int line, int level, int with_prefix, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#define TRACE_AT(level, prefix, ...)                                                               \
	do {                                                                                       \
		if ((level) <= TRACE_LEVEL)                                                        \
			trace_printf(__func__, __LINE__, (level), (prefix), __VA_ARGS__);          \
	} while (0)

#define EMSG(...)     TRACE_AT(TRACE_ERROR, 1, __VA_ARGS__)
#define IMSG(...)     TRACE_AT(TRACE_INFO, 1, __VA_ARGS__)
#define DMSG(...)     TRACE_AT(TRACE_DEBUG, 1, __VA_ARGS__)
#define FMSG(...)     TRACE_AT(TRACE_FLOW, 1, __VA_ARGS__)
#define EMSG_RAW(...) TRACE_AT(TRACE_ERROR, 0, __VA_ARGS__)
#define IMSG_RAW(...) TRACE_AT(TRACE_INFO, 0, __VA_ARGS__)
#define DMSG_RAW(...) TRACE_AT(TRACE_DEBUG, 0, __VA_ARGS__)
#define FMSG_RAW(...) TRACE_AT(TRACE_FLOW, 0, __VA_ARGS__)
/* A buffer in hexadecimal, 16 bytes a line, at the level's trace level (OP-TEE's names). */
void trace_hexdump(const char *func, int line, int level, const void *buf, size_t len);
#define TRACE_HEX_AT(level, buf, len)                                                              \
	do {                                                                                       \
		if ((level) <= TRACE_LEVEL)                                                        \
			trace_hexdump(__func__, __LINE__, (level), (buf), (len));                  \
	} while (0)
#define EHEXDUMP(buf, len) TRACE_HEX_AT(TRACE_ERROR, buf, len)
#define IHEXDUMP(buf, len) TRACE_HEX_AT(TRACE_INFO, buf, len)
#define DHEXDUMP(buf, len) TRACE_HEX_AT(TRACE_DEBUG, buf, len)
#define FHEXDUMP(buf, len) TRACE_HEX_AT(TRACE_FLOW, buf, len)
/* Always shown. */
#define MSG(...)     trace_printf(__func__, __LINE__, 0, 1, __VA_ARGS__)
#define MSG_RAW(...) trace_printf(__func__, __LINE__, 0, 0, __VA_ARGS__)

#endif
