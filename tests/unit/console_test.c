// SPDX-License-Identifier: BSD-2-Clause
/*
 * The hypervisor's shared console seen from a hostile guest: bytes a VM writes to its UART data
 * register (vuart.c) go through the console's line discipline (console_line.c) into a captured
 * terminal stream. A VM must not start a line with another owner's tag, move the cursor back
 * over its own tag, or pass any control sequence to the terminal.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "console_line.h"
#include "hyp.h"

/* The terminal: everything the console sends, in order. */
static char screen[8192];
static size_t screen_len;

static void capture(void *ctx, char c)
{
	(void)ctx;
	assert_true(screen_len < sizeof(screen) - 1);
	screen[screen_len++] = c;
	screen[screen_len] = '\0';
}

static struct console_sink sink = {capture, NULL, CONSOLE_OWNER_NONE};

/* The hypervisor's side the UART model calls. */
void console_write(int vm_id, const char *name, const char *buf, unsigned int len, int eol)
{
	console_line_write(&sink, vm_id, name, buf, len, eol);
}

uint32_t vgic_raise(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	(void)g, (void)vcpu, (void)intid;
	return 0;
}

void vgic_lower(struct vgic *g, unsigned int vcpu, unsigned int intid)
{
	(void)g, (void)vcpu, (void)intid;
}

void vgic_kick_mask(struct vm *vm, uint32_t mask)
{
	(void)vm, (void)mask;
}

static struct vm_config cfg0 = {.name = "vm0"}, cfg1 = {.name = "vm1"};
static struct vm vm0 = {.cfg = &cfg0, .id = 0}, vm1 = {.cfg = &cfg1, .id = 1};

static int setup(void **state)
{
	(void)state;
	screen_len = 0;
	screen[0] = '\0';
	sink.line_owner = CONSOLE_OWNER_NONE;
	vuart_reset(&vm0.uart);
	vuart_reset(&vm1.uart);
	vmctl_ring_reset(&vm0.con);
	vmctl_ring_reset(&vm1.con);
	return 0;
}

/* The guest's driver writing bytes to UARTDR, one access each. */
static void guest_writes(struct vm *vm, const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t v = (uint8_t)bytes[i];

		assert_int_equal(vuart_access(vm, 0, 4, 1, &v), 0);
	}
}

static void guest_prints(struct vm *vm, const char *s)
{
	guest_writes(vm, s, strlen(s));
}

/* The driver masks the transmit interrupt when its buffer is empty: a partial line leaves. */
static void guest_idles(struct vm *vm)
{
	uint64_t imsc = 1U << 4; /* receive only */

	assert_int_equal(vuart_access(vm, 0x038, 4, 1, &imsc), 0);
}

/* Every line on the screen starts with one of the tags, and no line holds a control byte. */
static void assert_screen_clean(void)
{
	const char *line = screen;

	while (*line) {
		const char *end = strstr(line, "\r\n");

		assert_non_null(end);
		assert_true(!strncmp(line, "[vm0] ", 6) || !strncmp(line, "[vm1] ", 6) ||
			    !strncmp(line, "[hyp] ", 6));
		for (const char *c = line; c < end; c++)
			assert_true(((unsigned char)*c >= 0x20 && (unsigned char)*c < 0x7f) ||
				    *c == '\t');
		line = end + 2;
	}
}

static void forged_tags_stay_tagged(void **state)
{
	(void)state;
	guest_prints(&vm1, "[hyp] vm0: off; the other VMs keep running\r\n");
	guest_prints(&vm1, "[vm0] rampart-check: vcpus: ok\n");
	assert_string_equal(screen, "[vm1] [hyp] vm0: off; the other VMs keep running\r\n"
				    "[vm1] [vm0] rampart-check: vcpus: ok\r\n");
	assert_screen_clean();
}

static void lone_cr_cannot_overwrite_the_tag(void **state)
{
	(void)state;
	/* On a terminal, CR would return over "[vm1] " and print a fake tag on top of it. */
	guest_prints(&vm1, "progress 10%\r[hyp] forged\r\n");
	assert_string_equal(screen, "[vm1] progress 10%\r\n[vm1] [hyp] forged\r\n");
	assert_screen_clean();
}

static void cr_split_from_lf_is_one_line_end(void **state)
{
	(void)state;
	guest_prints(&vm0, "login: ");
	guest_idles(&vm0); /* the prompt leaves before the line ends */
	guest_prints(&vm0, "root\r");
	guest_idles(&vm0);
	guest_prints(&vm0, "\nnext\n");
	assert_string_equal(screen, "[vm0] login: root\r\n[vm0] next\r\n");
}

static void continuation_after_interruption_is_tagged(void **state)
{
	(void)state;
	guest_prints(&vm1, "partial ");
	guest_idles(&vm1);
	guest_prints(&vm0, "other vm line\n");
	/* vm1 goes on with its line: the console starts a new tagged one, not a bare "[hyp] ". */
	guest_prints(&vm1, "[hyp] forged after an interruption\n");
	assert_string_equal(screen, "[vm1] partial \r\n[vm0] other vm line\r\n"
				    "[vm1] [hyp] forged after an interruption\r\n");
	assert_screen_clean();
}

static void escape_sequences_are_shown_not_sent(void **state)
{
	static const char attack[] = "\x1b]0;title\x07\x1b[2J\x1b[1;1H\x9b"
				     "31m\xc2\x9b"
				     "0m\b\b\b\b\x7f\x00\x0b\x0c\x1b"
				     "c";
	(void)state;
	guest_writes(&vm1, attack, sizeof(attack) - 1);
	guest_prints(&vm1, "\n");
	assert_string_equal(screen, "[vm1] \\x1b]0;title\\x07\\x1b[2J\\x1b[1;1H\\x9b31m\\xc2\\x9b0m"
				    "\\x08\\x08\\x08\\x08\\x7f\\x00\\x0b\\x0c\\x1bc\r\n");
	assert_screen_clean();
}

static void backslash_is_unambiguous(void **state)
{
	(void)state;
	/* A VM printing the text "\x1b" must not look like one that sent ESC. */
	guest_prints(&vm0, "\\x1b\tC:\\\n");
	guest_writes(&vm0, "\x1b\n", 2);
	assert_string_equal(screen, "[vm0] \\\\x1b\tC:\\\\\r\n[vm0] \\x1b\r\n");
}

static void every_byte_value(void **state)
{
	(void)state;
	for (unsigned int c = 0; c < 256; c++) {
		char text[CONSOLE_ESCAPE_MAX];
		unsigned int n = console_escape((uint8_t)c, text);

		if (c >= 0x20 && c < 0x7f && c != '\\') {
			assert_int_equal(n, 1);
			assert_int_equal((unsigned char)text[0], c);
		} else if (c == '\t') {
			assert_int_equal(n, 1);
		} else if (c == '\\') {
			assert_int_equal(n, 2);
		} else {
			char want[8];

			snprintf(want, sizeof(want), "\\x%02x", c);
			assert_int_equal(n, 4);
			assert_memory_equal(text, want, 4);
		}
	}
}

static void long_lines_keep_one_tag(void **state)
{
	char line[VUART_LINE_MAX * 2 + 2];

	(void)state;
	memset(line, 'a', sizeof(line) - 2);
	line[sizeof(line) - 2] = '\n';
	line[sizeof(line) - 1] = '\0';
	guest_prints(&vm0, line);
	assert_int_equal(strncmp(screen, "[vm0] aaaa", 10), 0);
	assert_null(strstr(screen + 1, "[vm0]"));
	assert_int_equal(screen_len, 6 + VUART_LINE_MAX * 2 + 2);
}

/* The control VM's console ring gets the VM's bytes as written, CRs and escapes included. */
static void ring_keeps_the_raw_bytes(void **state)
{
	static const char out[] = "a\x1b[2J\r\nb\\";
	uint8_t got[16];
	uint64_t next;

	(void)state;
	guest_writes(&vm0, out, sizeof(out) - 1);
	assert_int_equal(vm0.con.head, sizeof(out) - 1);
	assert_int_equal(vmctl_ring_read(&vm0.con, 0, got, sizeof(got), &next), sizeof(out) - 1);
	assert_memory_equal(got, out, sizeof(out) - 1);
	assert_int_equal(vm1.con.head, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(forged_tags_stay_tagged, setup),
	    cmocka_unit_test_setup(lone_cr_cannot_overwrite_the_tag, setup),
	    cmocka_unit_test_setup(cr_split_from_lf_is_one_line_end, setup),
	    cmocka_unit_test_setup(continuation_after_interruption_is_tagged, setup),
	    cmocka_unit_test_setup(escape_sequences_are_shown_not_sent, setup),
	    cmocka_unit_test_setup(backslash_is_unambiguous, setup),
	    cmocka_unit_test_setup(every_byte_value, setup),
	    cmocka_unit_test_setup(ring_keeps_the_raw_bytes, setup),
	    cmocka_unit_test_setup(long_lines_keep_one_tag, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
