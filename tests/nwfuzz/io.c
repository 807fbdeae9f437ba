// SPDX-License-Identifier: BSD-2-Clause
/* nwfuzz: SMC, PL011 output (polled), the device tree's bootargs, arguments. */
#include <rampart/smccc.h>

#include "nwfuzz.h"

#define UART_DR	     0x00
#define UART_FR	     0x18
#define UART_FR_TXFF (1U << 5)

void smc(uint64_t a[8])
{
	smccc_smc8(a);
}

static void uart_putc(char ch)
{
	volatile uint32_t *fr = (volatile uint32_t *)(UART0_BASE + UART_FR);
	volatile uint32_t *dr = (volatile uint32_t *)(UART0_BASE + UART_DR);

	while (*fr & UART_FR_TXFF)
		;
	*dr = (uint32_t)(unsigned char)ch;
}

void uart_puts(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc('\r');
		uart_putc(*s);
	}
}

void uart_put_dec(uint64_t v)
{
	char buf[21];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	uart_puts(&buf[i]);
}

void uart_put_hex(uint64_t v)
{
	char buf[19];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do {
		buf[--i] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	uart_puts(&buf[i]);
}

/* Byte reads: the MMU is off, memory is Device memory, unaligned accesses fault. */
static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static size_t str_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

/*
 * Devicetree Specification v0.4 section 5.4: walk the structure block for the property
 * "bootargs" of the node "chosen" under the root. The tree comes from our firmware.
 */
const char *dt_bootargs(const void *fdt)
{
	const uint8_t *b = fdt, *p, *end;
	int depth = 0, in_chosen = 0;

	if (!b || be32(b) != 0xd00dfeed || be32(b + 20) < 17)
		return NULL;
	p = b + be32(b + 8);
	end = p + be32(b + 36);
	while (p + 4 <= end) {
		uint32_t tag = be32(p);

		p += 4;
		switch (tag) {
		case 1: { /* FDT_BEGIN_NODE */
			const char *name = (const char *)p;

			depth++;
			if (depth == 2 && str_eq(name, "chosen"))
				in_chosen = 1;
			p += (str_len(name) + 4) & ~3UL;
			break;
		}
		case 2: /* FDT_END_NODE */
			if (depth == 2)
				in_chosen = 0;
			depth--;
			break;
		case 3: { /* FDT_PROP */
			uint32_t len = be32(p), nameoff = be32(p + 4);
			const char *name = (const char *)b + be32(b + 12) + nameoff;

			p += 8;
			if (in_chosen && depth == 2 && str_eq(name, "bootargs"))
				return (const char *)p;
			p += (len + 3) & ~3U;
			break;
		}
		case 4: /* FDT_NOP */
			break;
		default: /* FDT_END or damage */
			return NULL;
		}
	}
	return NULL;
}

uint64_t arg_u64(const char *args, const char *key, uint64_t def)
{
	size_t klen = str_len(key);

	for (const char *s = args; s && *s; s++) {
		uint64_t v = 0;
		unsigned int base = 10;
		size_t i;

		if (s != args && s[-1] != ' ')
			continue;
		for (i = 0; i < klen && s[i] == key[i]; i++)
			;
		if (i != klen)
			continue;
		s += klen;
		if (s[0] == '0' && s[1] == 'x') {
			base = 16;
			s += 2;
		}
		for (;; s++) {
			unsigned int d;

			if (*s >= '0' && *s <= '9')
				d = (unsigned int)(*s - '0');
			else if (base == 16 && *s >= 'a' && *s <= 'f')
				d = (unsigned int)(*s - 'a' + 10);
			else
				break;
			v = v * base + d;
		}
		return v;
	}
	return def;
}

/* The compiler may call these for structure copies and initialisers. */
void *memset(void *d, int v, size_t n)
{
	volatile uint8_t *p = d;

	while (n--)
		*p++ = (uint8_t)v;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	volatile uint8_t *p = d;
	const uint8_t *q = s;

	while (n--)
		*p++ = *q++;
	return d;
}
