// SPDX-License-Identifier: BSD-2-Clause
/*
 * <stdlib.h>, <ctype.h>, <inttypes.h>, <setjmp.h>, <string.h> and errno (a thread-local
 * variable: TPIDR_EL0 set up by libutee's entry) as C11 specifies them.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <rampart_libc_ta.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tee_internal_api.h>

#include "libc_ta.h"

struct item {
	int key;
	uint32_t order; /* where it was before sorting */
};

static int by_key(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

static TEE_Result sorting(uint32_t *checks)
{
	enum { N = 200 };
	static struct item items[N];
	struct item want = {.key = 0};
	const struct item *hit;
	uint32_t seed = 12345;

	for (uint32_t i = 0; i < N; i++) {
		seed = seed * 1103515245u + 12345u; /* any spread of keys, duplicates included */
		items[i].key = (int)(seed >> 16) % 1000 - 500;
		items[i].order = i;
	}
	qsort(items, N, sizeof(items[0]), by_key);
	for (uint32_t i = 1; i < N; i++)
		CHECK(items[i - 1].key <= items[i].key);
	want.key = items[N / 2].key;
	hit = bsearch(&want, items, N, sizeof(items[0]), by_key);
	CHECK(hit && hit->key == want.key);
	want.key = 10000;
	CHECK(!bsearch(&want, items, N, sizeof(items[0]), by_key));
	return TEE_SUCCESS;
}

static TEE_Result numbers(uint32_t *checks)
{
	char *end;
	div_t d;

	CHECK(strtoul("4294967295", &end, 10) == 4294967295UL && *end == 0);
	CHECK(strtoul("0x7fz", &end, 0) == 0x7f && *end == 'z');
	CHECK(strtoul("0755", NULL, 0) == 0755);
	CHECK(strtoul("  +12abc", &end, 10) == 12 && !strcmp(end, "abc"));
	CHECK(strtoul("zz", &end, 36) == 35 * 36 + 35);
	errno = 0;
	CHECK(strtoul("18446744073709551616", NULL, 10) == ULONG_MAX && errno == ERANGE);
	errno = 0;
	CHECK(strtol("-9223372036854775809", NULL, 10) == LONG_MIN && errno == ERANGE);
	CHECK(strtol("-42", NULL, 10) == -42);
	CHECK(strtoull("ffffffffffffffff", NULL, 16) == UINT64_MAX);
	CHECK(strtoumax("123456789012", NULL, 10) == UINTMAX_C(123456789012));
	CHECK(strtoul("nothing", &end, 10) == 0 && !strcmp(end, "nothing"));
	CHECK(atoi("-77") == -77);
	CHECK(abs(-5) == 5 && labs(-5L) == 5 && llabs(LLONG_MIN + 1) == LLONG_MAX);
	d = div(-7, 2);
	CHECK(d.quot == -3 && d.rem == -1);
	return TEE_SUCCESS;
}

static TEE_Result characters(uint32_t *checks)
{
	/* The C locale: ASCII classes, nothing above 0x7f. */
	for (int c = 0; c < 256; c++) {
		bool digit = c >= '0' && c <= '9';
		bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
		bool xdigit = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
		bool space = c == ' ' || (c >= '\t' && c <= '\r');

		CHECK(!isdigit(c) == !digit && !isalpha(c) == !(upper || lower));
		CHECK(!isxdigit(c) == !xdigit && !isspace(c) == !space);
		CHECK(!isupper(c) == !upper && !islower(c) == !lower);
		CHECK(!isprint(c) == !(c >= 0x20 && c < 0x7f));
		CHECK(toupper(c) == (lower ? c - 32 : c) && tolower(c) == (upper ? c + 32 : c));
	}
	return TEE_SUCCESS;
}

static TEE_Result formats(uint32_t *checks)
{
	char buf[64], *end;

	snprintf(buf, sizeof(buf), "%" PRIx64 "/%" PRIX32 "/%" PRId64 "/%" PRIu8,
		 UINT64_C(0xfedcba9876543210), UINT32_C(0xabc), INT64_MIN, (uint8_t)255);
	CHECK(!strcmp(buf, "fedcba9876543210/ABC/-9223372036854775808/255"));
	/* Truncation: the full length comes back, the buffer ends in NUL. */
	CHECK(snprintf(buf, 5, "%s", "abcdefgh") == 8 && !strcmp(buf, "abcd"));
	CHECK(snprintf(buf, sizeof(buf), "%zu %td %jd %p", (size_t)7, (ptrdiff_t)-1, (intmax_t)-2,
		       (void *)0x1234) > 0 &&
	      !strcmp(buf, "7 -1 -2 0x1234"));
	/* Floating point (TAs have FP/SIMD): printf's double conversions and strtod. */
	CHECK(snprintf(buf, sizeof(buf), "%.3f %g %.2e %5.1f", 3.14159, 0.5, 12345.678, -2.25) >
		  0 &&
	      !strcmp(buf, "3.142 0.5 1.23e+04  -2.2"));
	CHECK(strtod("2.5e3x", &end) == 2500.0 && *end == 'x');
	CHECK(sscanf("12 0x1f word", "%d %x %5s", &(int){0}, &(unsigned int){0}, buf) == 3 &&
	      !strcmp(buf, "word"));
	return TEE_SUCCESS;
}

static jmp_buf jump;

static volatile int frames;
static void jump_back(void);
static void (*volatile next_frame)(void) = jump_back;

/* A few frames down (through a pointer the compiler cannot follow), then back to setjmp. */
static void jump_back(void)
{
	if (--frames > 0)
		next_frame();
	longjmp(jump, 0); /* 0 arrives as 1 (C11 7.13.2.1) */
}

static TEE_Result jumps(uint32_t *checks)
{
	volatile int passes = 0;
	int r = setjmp(jump);

	passes++;
	if (r == 0) {
		frames = 5;
		jump_back();
		return TEE_ERROR_GENERIC; /* longjmp returned */
	}
	CHECK(r == 1 && passes == 2);
	return TEE_SUCCESS;
}

static TEE_Result strings(uint32_t *checks)
{
	char buf[32] = "a,b;;c";
	char small[4];
	const char *tok;

	CHECK(!strcmp(strstr("needle in a haystack", "hay"), "haystack"));
	CHECK(strlcpy(small, "toolong", sizeof(small)) == 7 && !strcmp(small, "too"));
	CHECK(strncmp("abcX", "abcY", 3) == 0 && strcasecmp("MiXeD", "mixed") == 0);
	CHECK(strrchr("a/b/c", '/')[1] == 'c' && memchr("xyz", 'z', 3) != NULL);
	CHECK(strspn("aaab", "a") == 3 && strcspn("abc;", ";") == 3);
	/* strtok keeps its place in a thread-local variable. */
	tok = strtok(buf, ",;");
	CHECK(tok && !strcmp(tok, "a"));
	tok = strtok(NULL, ",;");
	CHECK(tok && !strcmp(tok, "b"));
	tok = strtok(NULL, ",;");
	CHECK(tok && !strcmp(tok, "c") && !strtok(NULL, ",;"));
	CHECK(strerror(ENOMEM) != NULL);
	return TEE_SUCCESS;
}

TEE_Result libc_stdlib(uint32_t types, TEE_Param p[4])
{
	uint32_t count = 0, *checks = &count;
	TEE_Result res;

	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_OUTPUT, TEE_PARAM_TYPE_NONE,
				     TEE_PARAM_TYPE_NONE, TEE_PARAM_TYPE_NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = sorting(checks);
	if (res == TEE_SUCCESS)
		res = numbers(checks);
	if (res == TEE_SUCCESS)
		res = characters(checks);
	if (res == TEE_SUCCESS)
		res = formats(checks);
	if (res == TEE_SUCCESS)
		res = jumps(checks);
	if (res == TEE_SUCCESS)
		res = strings(checks);
	p[0].value.a = count;
	return res;
}
