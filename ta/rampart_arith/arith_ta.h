/* SPDX-License-Identifier: BSD-2-Clause */
/* The arithmetic test TA's internals: the known-answer tables' types and the check helpers. */
#ifndef ARITH_TA_H
#define ARITH_TA_H

#include <tee_internal_api.h>

/* TEE_BigIntShiftRight's shift in the vectors (tools/arith_kat_gen.py SHIFT). */
#define ARITH_SHIFT 37

/* A number as the generator writes it: sign (1 or -1) and big-endian magnitude, no leading 0. */
struct arith_num {
	int sign;
	size_t len;
	const uint8_t *mag;
};

/* One vector (tools/arith_kat_gen.py explains each field). */
struct arith_kat {
	struct arith_num a, b, n, sum, diff, prod, quot, rem, amod, addmod, submod, mulmod, sqrmod,
	    inv, gcd, expmod, square, shr;
	int has_inv, rel_prime, n_odd, square_fits;
};

struct arith_prime {
	struct arith_num v;
	int prime;
};

bool check(bool ok, const char *what, int line, uint32_t *checks);
#define CHECK(cond) check((cond), #cond, __LINE__, checks)

/* A TEE_BigInt on the heap, initialised for bits bits. */
TEE_BigInt *bn_new(uint32_t bits);
/* A TEE_BigInt holding x, sized for exactly its bit length; panics if the conversion fails. */
TEE_BigInt *bn_from(const struct arith_num *x);
/* The bit length of x. */
uint32_t num_bits(const struct arith_num *x);
/* got equals x, read back through TEE_BigIntConvertToOctetString and its sign. */
bool bn_is(const TEE_BigInt *got, const struct arith_num *x);

TEE_Result arith_kat(uint32_t *vectors, uint32_t *checks);
TEE_Result arith_prime(uint32_t *numbers, uint32_t *checks);
TEE_Result arith_convert(uint32_t *checks);
void arith_panic(uint32_t which);

#endif
