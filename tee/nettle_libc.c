// SPDX-License-Identifier: BSD-2-Clause
/*
 * The C library that nettle and its mini-gmp call in the trusted OS (mk/nettle.mk; declared for
 * them alone in lib/crypto/nettle/), and the DRBG as nettle's random function.
 *
 * - Memory comes from the kernel heap. mini-gmp reallocates without saying the old size, so each
 *   block carries its size in front; a block is zeroed before it goes back (its numbers are
 *   private keys and nonces).
 * - nettle runs only inside a TA's system call (tee/crypto_dsa.c, crypto_25519.c), so a heap
 *   that has run out kills that TA, as GP lets an implementation do for any error it cannot
 *   report, instead of stopping the trusted OS. What nettle had allocated in that call is not
 *   given back: the call's stack, which held its pointers, is gone.
 * - abort() (mini-gmp after printing to stderr, nettle's assert()) is a panic of the trusted OS
 *   naming what was printed: those mean a bug, not a TA's bad input.
 */
#include <panic.h>
#include <rampart/optee_abi.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "crypto_nettle.h"
#include "heap.h"
#include "ta.h"

/* The declarations nettle sees (lib/crypto/nettle/stdlib.h, stdio.h); only this file has them. */
typedef struct nettle_stream FILE;
void *malloc(size_t size);
void *realloc(void *p, size_t size);
void free(void *p);
void abort(void) __attribute__((noreturn));
int fprintf(FILE *stream, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The size in front of each block, padded to the heap's 16-byte alignment. */
#define PREFIX 16

/* The one stream: mini-gmp's message before abort(), kept for the panic. */
struct nettle_stream {
	char last[128];
};
static struct nettle_stream err_stream;
FILE *const stderr = &err_stream;

static void __attribute__((noreturn)) out_of_memory(size_t size)
{
	char why[80];

	snprintf(why, sizeof(why), "nettle: no kernel heap for %zu bytes", size);
	if (!ta_current_call())
		panic("%s, outside a TA call", why);
	ta_kill_current(why);
}

void *malloc(size_t size)
{
	uint8_t *p;

	if (size > SIZE_MAX - PREFIX)
		out_of_memory(size);
	p = kmalloc(size + PREFIX);
	if (!p)
		out_of_memory(size);
	memcpy(p, &size, sizeof(size));
	return p + PREFIX;
}

static size_t block_size(const void *p)
{
	size_t size;

	memcpy(&size, (const uint8_t *)p - PREFIX, sizeof(size));
	return size;
}

void free(void *p)
{
	if (!p)
		return;
	memset((uint8_t *)p - PREFIX, 0, block_size(p) + PREFIX);
	kfree((uint8_t *)p - PREFIX);
}

void *realloc(void *p, size_t size)
{
	uint8_t *grown;
	size_t old;

	if (!p)
		return malloc(size);
	old = block_size(p);
	grown = malloc(size);
	memcpy(grown, p, old < size ? old : size);
	free(p);
	return grown;
}

int fprintf(FILE *stream, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(stream->last, sizeof(stream->last), fmt, ap);
	va_end(ap);
	return n;
}

void abort(void)
{
	size_t n = strnlen(err_stream.last, sizeof(err_stream.last));

	while (n && err_stream.last[n - 1] == '\n')
		err_stream.last[--n] = 0;
	panic("nettle aborted%s%s", n ? ": " : "", err_stream.last);
}

void crypto_nettle_random(void *ctx, size_t len, uint8_t *dst)
{
	(void)ctx;
	/* the callers check the DRBG is seeded first (crypto_nettle_rng_ready): this cannot fail */
	if (tee_random(dst, len) != TEEC_SUCCESS)
		panic("nettle: the DRBG failed after it was found seeded");
}

uint32_t crypto_nettle_rng_ready(void)
{
	uint8_t probe;

	return tee_random(&probe, 1);
}
