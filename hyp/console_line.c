// SPDX-License-Identifier: BSD-2-Clause
/* The shared console's line discipline (see console_line.h). */
#include "console_line.h"

static void put_str(struct console_sink *s, const char *str)
{
	while (*str)
		s->put(s->ctx, *str++);
}

unsigned int console_escape(uint8_t c, char out[CONSOLE_ESCAPE_MAX])
{
	static const char hex[] = "0123456789abcdef";

	if (c == '\\') {
		out[0] = '\\';
		out[1] = '\\';
		return 2;
	}
	if ((c >= 0x20 && c <= 0x7e) || c == '\t') {
		out[0] = (char)c;
		return 1;
	}
	out[0] = '\\';
	out[1] = 'x';
	out[2] = hex[c >> 4];
	out[3] = hex[c & 0xf];
	return 4;
}

void console_line_write(struct console_sink *s, int owner, const char *name, const char *buf,
			unsigned int len, int eol)
{
	if (s->line_owner != owner) {
		if (s->line_owner != CONSOLE_OWNER_NONE)
			put_str(s, "\r\n");
		s->put(s->ctx, '[');
		put_str(s, name);
		put_str(s, "] ");
	}
	for (unsigned int i = 0; i < len; i++) {
		char text[CONSOLE_ESCAPE_MAX];
		unsigned int n = console_escape((uint8_t)buf[i], text);

		for (unsigned int k = 0; k < n; k++)
			s->put(s->ctx, text[k]);
	}
	if (eol) {
		put_str(s, "\r\n");
		s->line_owner = CONSOLE_OWNER_NONE;
	} else {
		s->line_owner = owner;
	}
}
