// SPDX-License-Identifier: BSD-2-Clause
/* Stack canary derivation: SipHash-2-4 against the paper's vector, and per-image canaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stack_guard.h>

static void siphash_reference_vector(void **state)
{
	(void)state;
	uint8_t key[16], msg[15];

	/* SipHash paper, appendix A: key 00..0f, message 00..0e. */
	for (int i = 0; i < 16; i++)
		key[i] = (uint8_t)i;
	for (int i = 0; i < 15; i++)
		msg[i] = (uint8_t)i;
	assert_int_equal(siphash24(key, msg, 15), 0xa129ca6149be45e5ULL);
	/* The empty message (first entry of the reference implementation's vectors). */
	assert_int_equal(siphash24(key, msg, 0), 0x726fdb47dd0e0e31ULL);
}

static void canaries_differ_per_image_and_seed(void **state)
{
	(void)state;
	uint8_t seed[32];
	uint64_t g[5];

	for (int i = 0; i < 32; i++)
		seed[i] = (uint8_t)(0x40 + 7 * i);
	for (int img = STACK_GUARD_BOOT; img <= STACK_GUARD_HYPERVISOR; img++) {
		g[img] = stack_guard_derive(seed, sizeof(seed), img);
		assert_int_equal(g[img] & 0xff, 0);
		assert_true(g[img] >> 8);
		/* The old constant canary is never what comes out. */
		assert_true(g[img] != 0x5a17c0de2ba5e5edULL);
		for (int other = STACK_GUARD_BOOT; other < img; other++)
			assert_true(g[img] != g[other]);
	}
	/* Another boot's seed (one bit apart, in the key or in the rest) gives other canaries. */
	seed[0] ^= 1;
	assert_true(stack_guard_derive(seed, sizeof(seed), STACK_GUARD_MONITOR) !=
		    g[STACK_GUARD_MONITOR]);
	seed[0] ^= 1;
	seed[31] ^= 0x80;
	assert_true(stack_guard_derive(seed, sizeof(seed), STACK_GUARD_MONITOR) !=
		    g[STACK_GUARD_MONITOR]);
	seed[31] ^= 0x80;
	assert_int_equal(stack_guard_derive(seed, sizeof(seed), STACK_GUARD_MONITOR),
			 g[STACK_GUARD_MONITOR]);
}

static void short_seed_refused(void **state)
{
	(void)state;
	uint8_t seed[64] = {1, 2, 3};

	assert_int_equal(stack_guard_derive(seed, 15, STACK_GUARD_MONITOR), 0);
	assert_int_equal(stack_guard_derive(seed, 0, STACK_GUARD_MONITOR), 0);
	/* All of a 64-byte seed counts, its last byte too. */
	uint64_t g = stack_guard_derive(seed, 64, STACK_GUARD_MONITOR);

	assert_true(g != 0);
	seed[63] ^= 1;
	assert_true(stack_guard_derive(seed, 64, STACK_GUARD_MONITOR) != g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(siphash_reference_vector),
	    cmocka_unit_test(canaries_differ_per_image_and_seed),
	    cmocka_unit_test(short_seed_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
