// SPDX-License-Identifier: BSD-2-Clause
/* Canary derivation (see stack_guard.h): pure code, shared by the boot stage and the unit tests. */
#include <stack_guard.h>

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static uint64_t load_le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = (v << 8) | p[i];
	return v;
}

static void sip_round(uint64_t v[4])
{
	v[0] += v[1];
	v[1] = ROTL(v[1], 13);
	v[1] ^= v[0];
	v[0] = ROTL(v[0], 32);
	v[2] += v[3];
	v[3] = ROTL(v[3], 16);
	v[3] ^= v[2];
	v[0] += v[3];
	v[3] = ROTL(v[3], 21);
	v[3] ^= v[0];
	v[2] += v[1];
	v[1] = ROTL(v[1], 17);
	v[1] ^= v[2];
	v[2] = ROTL(v[2], 32);
}

static void sip_compress(uint64_t v[4], uint64_t m)
{
	v[3] ^= m;
	sip_round(v);
	sip_round(v);
	v[0] ^= m;
}

uint64_t siphash24(const uint8_t key[16], const uint8_t *msg, size_t len)
{
	uint64_t k0 = load_le64(key), k1 = load_le64(key + 8);
	/* The initial state: the key XOR "somepseudorandomlygeneratedbytes" (paper, section 2). */
	uint64_t v[4] = {k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
			 k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
	uint64_t last = (uint64_t)(len & 0xff) << 56;
	size_t whole = len - (len % 8);

	for (size_t i = 0; i < whole; i += 8)
		sip_compress(v, load_le64(msg + i));
	for (size_t i = whole; i < len; i++)
		last |= (uint64_t)msg[i] << (8 * (i - whole));
	sip_compress(v, last);
	v[2] ^= 0xff;
	for (int i = 0; i < 4; i++)
		sip_round(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

uint64_t stack_guard_derive(const uint8_t *seed, size_t seed_len, enum stack_guard_image image)
{
	return seed_derive64(seed, seed_len, image) & ~0xffULL;
}

uint64_t seed_derive64(const uint8_t *seed, size_t seed_len, enum stack_guard_image image)
{
	uint8_t msg[1 + 64];
	size_t rest;

	if (seed_len < 16)
		return 0;
	rest = seed_len - 16;
	if (rest > sizeof(msg) - 1)
		rest = sizeof(msg) - 1;
	msg[0] = (uint8_t)image;
	for (size_t i = 0; i < rest; i++)
		msg[1 + i] = seed[16 + i];
	return siphash24(seed, msg, 1 + rest);
}
