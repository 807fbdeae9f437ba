// SPDX-License-Identifier: BSD-2-Clause
/*
 * The C library's standard streams for TAs (picolibc's stdio calls the put/get functions of the
 * FILE objects an application defines): stdout and stderr write to the TA log, the same
 * TA_SYS_LOG as trace.h, which the trusted OS prints to the secure console under the TA's
 * name. Output is collected into lines: each '\n' ends one log message, as does a full buffer,
 * fflush(), the end of the entry point (entry.c) and a panic. stdin has nothing: reads give EOF.
 */
#include <stdio.h>

#include "utee_internal.h"
#include "utee_syscalls.h"

#define STDIO_LINE_MAX 256

/* stdout and stderr share one line: they end up in the same log anyway. */
static char line[STDIO_LINE_MAX];
static size_t line_len;

void utee_stdio_flush(void)
{
	if (line_len)
		utee_log(line, line_len);
	line_len = 0;
}

static int log_put(char c, FILE *f)
{
	(void)f;
	if (c == '\n') {
		/* An empty line still shows: the TA printed it. */
		utee_log(line, line_len);
		line_len = 0;
		return (unsigned char)c;
	}
	if (line_len == sizeof(line))
		utee_stdio_flush();
	line[line_len++] = c;
	return (unsigned char)c;
}

static int log_flush(FILE *f)
{
	(void)f;
	utee_stdio_flush();
	return 0;
}

static int no_input(FILE *f)
{
	(void)f;
	return _FDEV_EOF;
}

static FILE log_stream = FDEV_SETUP_STREAM(log_put, NULL, log_flush, _FDEV_SETUP_WRITE);
static FILE empty_input = FDEV_SETUP_STREAM(NULL, no_input, NULL, _FDEV_SETUP_READ);

FILE *const stdout = &log_stream;
FILE *const stderr = &log_stream;
FILE *const stdin = &empty_input;
