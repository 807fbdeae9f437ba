/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The shared console's line discipline, apart from the UART so the host tests run it: every line
 * starts with its owner's tag ("[vm0] ", "[hyp] "), and what an owner writes is shown as text
 * only. A VM's bytes can neither start an untagged line nor reach the terminal as a control
 * sequence:
 *   - printable ASCII (0x20..0x7e) and TAB pass as they are, except the backslash, shown "\\";
 *   - every other byte (C0 controls, ESC, BS, DEL, and all of 0x80..0xff, where the 8-bit C1
 *     controls and UTF-8 encoded C1 controls live) is shown as "\xHH";
 *   - line ends are the console's own: the VM's UART turns LF, CR LF and a lone CR into "end of
 *     line" (vuart.c), and the next line gets the tag again.
 * So "[hyp] " at the start of a line was written by the hypervisor, and the escape "\\" keeps a
 * VM's literal text "\x1b" distinguishable from an escaped ESC.
 */
#ifndef HYP_CONSOLE_LINE_H
#define HYP_CONSOLE_LINE_H

#include <stdint.h>

#define CONSOLE_OWNER_NONE (-2)
#define CONSOLE_OWNER_HYP  (-1)
#define CONSOLE_ESCAPE_MAX 4 /* longest form of one byte: "\xHH" */

struct console_sink {
	void (*put)(void *ctx, char c);
	void *ctx;
	int line_owner; /* whose line the cursor is on, CONSOLE_OWNER_NONE at a line start */
};

/* The text shown for byte c, in out; returns its length (1, 2 or 4). */
unsigned int console_escape(uint8_t c, char out[CONSOLE_ESCAPE_MAX]);

/*
 * Write len bytes of owner (tag "[name] ") to the sink; eol ends the line. A line another owner
 * interrupts is ended first, and the new owner's text starts a tagged line.
 */
void console_line_write(struct console_sink *s, int owner, const char *name, const char *buf,
			unsigned int len, int eol);

#endif
