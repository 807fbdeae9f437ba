/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The FP/SIMD test TA (ta/rampart_fpu) and the commands tee-test's fpu cases drive it with.
 * Shared by the TA and the normal-world test program: the register image and the patterns.
 */
#ifndef RAMPART_FPU_TA_H
#define RAMPART_FPU_TA_H

#include <stdint.h>

/* 5ee1c0de-7a11-4e57-9a6e-667075000000 ("fpu"); multi-instance: one instance a session. */
#define TA_RAMPART_FPU_UUID                                                                        \
	{                                                                                          \
		0x5ee1c0de, 0x7a11, 0x4e57,                                                        \
		{                                                                                  \
			0x9a, 0x6e, 0x66, 0x70, 0x75, 0x00, 0x00, 0x00                             \
		}                                                                                  \
	}

/* Commands; parameters as p0..p3, anything not listed is NONE. */
/* p0 VALUE_IN a = n; p1 MEMREF_OUTPUT double[FPU_ARITH_RESULTS]; p2 MEMREF_INPUT uint32 words
 * (a multiple of 4); p3 MEMREF_OUTPUT uint32[4]: fpu_arith() below, and the words summed
 * lane by lane with Advanced SIMD (word i into lane i % 4, wrapping) */
#define FPU_CMD_ARITH 0
/* p0 VALUE_IN a = seed, b = milliseconds; p1 VALUE_OUT a = registers changed (0 expected): every
 * V register and FPCR loaded with fpu_pattern(seed), TEE_Wait (an RPC) in between, compared */
#define FPU_CMD_KEEP_WAIT 1
/* p0 VALUE_IN a = seed: load fpu_pattern(seed) into every V register and FPCR, and return */
#define FPU_CMD_FILL 2
/* p0 MEMREF_OUTPUT struct fpu_regs: the registers as this entry finds them */
#define FPU_CMD_PEEK 3
/* p0 VALUE_IN a = seed A, b = seed B; p1 VALUE_OUT a = registers of the caller changed by the
 * call, b = registers in which the callee saw A's values (0 and 0 expected): loads fpu_pattern(A),
 * invokes FPU_CMD_SEEK_FILL(A, B) in a new instance of this TA, compares its registers after */
#define FPU_CMD_NESTED 4
/* p0 VALUE_IN a = seed to look for, b = seed to load; p1 VALUE_OUT a = registers holding a
 * value of fpu_pattern(a) at entry; then loads fpu_pattern(b) and returns */
#define FPU_CMD_SEEK_FILL 5
/* p0 VALUE_IN a = FPU_FORBIDDEN_*: run an SVE or SME instruction, which must kill the instance */
#define FPU_CMD_FORBIDDEN 6
#define FPU_FORBIDDEN_SVE 0 /* RDVL: reads the SVE vector length */
#define FPU_FORBIDDEN_SME 1 /* RDSVL: reads the streaming vector length */
#define FPU_FORBIDDENS	  2
/* p0 VALUE_IN a = seed; p1 VALUE_OUT a = registers changed, b = 1 if the tag was FPU_GCM_TAG:
 * AES-128-GCM of FPU_GCM_LEN bytes, fpu_gcm_byte(i), under key 00..0f and nonce 20..2b, no AAD;
 * the TEE_AEUpdate is one system call made with fpu_pattern(seed) loaded (the trusted OS may run
 * GCM on the SIMD registers: the TA's must come back as they were), the registers compared after */
#define FPU_CMD_GCM 7
#define FPU_GCM_LEN 4096
#define FPU_GCM_TAG                                                                                \
	{                                                                                          \
		0xf5, 0x2e, 0x99, 0x63, 0x67, 0xfa, 0x91, 0x4a, 0xe9, 0x80, 0xf2, 0x43, 0xfe,      \
		    0x8c, 0xcf, 0x3a                                                               \
	}

static inline uint8_t fpu_gcm_byte(uint32_t i)
{
	return (uint8_t)(i * 7 + 1);
}

#define FPU_ARITH_RESULTS 4

/* V0..V31 (two 64-bit halves each), FPSR, FPCR: the layout of the TA's fpu_regs.S. */
struct fpu_regs {
	uint64_t v[64];
	uint32_t fpsr;
	uint32_t fpcr;
	uint64_t pad;
};

/* FPCR.RMode = round towards zero (bits 23:22), FPCR.DN (bit 25) for odd seeds. */
static inline uint32_t fpu_pattern_fpcr(uint64_t seed)
{
	return (3U << 22) | ((uint32_t)(seed & 1) << 25);
}

/* A value for each half of each V register that no other seed or register gives. */
static inline uint64_t fpu_pattern_word(uint64_t seed, unsigned int half)
{
	uint64_t x = (seed + 1) * 0x9e3779b97f4a7c15ULL ^ ((uint64_t)half << 56 | half);

	x ^= x >> 31;
	x *= 0xbf58476d1ce4e5b9ULL;
	return x ^ (x >> 29);
}

static inline void fpu_pattern(uint64_t seed, struct fpu_regs *r)
{
	for (unsigned int i = 0; i < 64; i++)
		r->v[i] = fpu_pattern_word(seed, i);
	r->fpsr = 0;
	r->fpcr = fpu_pattern_fpcr(seed);
	r->pad = 0;
}

/* How many of the 32 V registers in r hold either half of any register of fpu_pattern(seed). */
static inline unsigned int fpu_pattern_hits(const struct fpu_regs *r, uint64_t seed)
{
	unsigned int hits = 0;

	for (unsigned int n = 0; n < 32; n++) {
		int hit = 0;

		for (unsigned int i = 0; i < 64 && !hit; i++)
			hit = r->v[2 * n] == fpu_pattern_word(seed, i) ||
			      r->v[2 * n + 1] == fpu_pattern_word(seed, i);
		hits += hit;
	}
	return hits;
}

/* IEEE 754 square root (FSQRT): no libm, and no errno, in a TA. */
static inline double fpu_sqrt(double x)
{
	double r;

	__asm__("fsqrt %d0, %d1" : "=w"(r) : "w"(x));
	return r;
}

/*
 * What FPU_CMD_ARITH computes in double and float, in this order, so the client can compute the
 * same with its own FPU and compare: sum of 1/k^2 for k = 1..n, sqrt(6 * that) (tends to pi),
 * a float running product, and a double division chain.
 */
static inline void fpu_arith(uint32_t n, double out[FPU_ARITH_RESULTS])
{
	volatile double sum = 0.0;
	volatile float prod = 1.0f;
	volatile double q = 1e300;

	for (uint32_t k = 1; k <= n; k++) {
		double kk = (double)k * (double)k;

		sum = sum + 1.0 / kk;
		prod = prod * (1.0f + 1.0f / (float)k);
		q = q / 1.5;
	}
	out[0] = sum;
	out[1] = fpu_sqrt(6.0 * sum);
	out[2] = prod;
	out[3] = q;
}

#endif
