// SPDX-License-Identifier: BSD-2-Clause
/* nwfuzz: random numbers, boundary arguments and fast calls (SMCCC 1.2 section 6). */
#include <rampart/optee_abi.h>
#include <rampart/smccc.h>

#include "nwfuzz.h"

struct cpu cpus[NWFUZZ_MAX_CPUS];

/* xorshift64* (Vigna, "An experimental exploration of Marsaglia's xorshift generators"). */
uint64_t rnd(struct cpu *c)
{
	c->rng ^= c->rng >> 12;
	c->rng ^= c->rng << 25;
	c->rng ^= c->rng >> 27;
	return c->rng * 0x2545f4914f6cdd1dULL;
}

static const uint64_t boundary[] = {
    0,
    1,
    ~0ULL,
    0xffffffffULL,
    0x7fffffffULL,
    0x80000000ULL,
    0x100000000ULL,
    0x8000000000000000ULL,
    SECURE_RAM_BASE,
    SECURE_RAM_BASE + 0x1000,
    TOS_BASE,
    TOS_BASE + 0x88,
    SECURE_RAM_BASE + SECURE_RAM_SIZE - 8,
    SECURE_RAM_BASE + SECURE_RAM_SIZE,
    SECURE_RAM_BASE - 8,
    0x3fffffffULL,
    0xbffff000ULL,
    0xbffffff8ULL,
    0xc0000000ULL, /* the end of 2 GiB of RAM */
    0x13ffff000ULL,
    0xfffffffffffff000ULL,
    UART0_BASE,
    0x08000000ULL, /* GIC distributor */
    0x00000000ULL, /* flash */
    0x00000001ULL,
    SCRATCH_BASE + 1,
    SCRATCH_BASE + 0xffc,
    0x0e000001ULL,
};

uint64_t rnd_arg(struct cpu *c)
{
	uint64_t r = rnd(c);

	switch (r % 4) {
	case 0:
		return rnd(c);
	case 1:
		return rnd(c) & 0xff;
	default:
		return boundary[(r >> 8) % (sizeof(boundary) / sizeof(boundary[0]))];
	}
}

uint64_t rnd_addr(struct cpu *c)
{
	uint64_t r = rnd(c);

	switch (r % 8) {
	case 0: /* inside secure RAM, any alignment */
		return SECURE_RAM_BASE + (rnd(c) % SECURE_RAM_SIZE);
	case 1: /* straddling the start or end of secure RAM */
		return (r & 0x100 ? SECURE_RAM_BASE : SECURE_RAM_BASE + SECURE_RAM_SIZE) -
		       (rnd(c) & 0xfff);
	case 2: /* another CPU's scratch: shared, racing */
		return SCRATCH_BASE + (rnd(c) % (NWFUZZ_MAX_CPUS * 0x100000UL));
	default:
		return boundary[(r >> 8) % (sizeof(boundary) / sizeof(boundary[0]))];
	}
}

void call(struct cpu *c, uint64_t a[8])
{
	smc(a);
	c->calls++;
}

/* Calls that stop, suspend or move a CPU, or reset the board: kept out of the random ones. */
static int stops_a_cpu(uint32_t fid)
{
	if (SMCCC_OWNER(fid) != SMCCC_OWNER_STANDARD || SMCCC_FUNC_NUM(fid) > 0x1f)
		return 0;
	switch (SMCCC_FUNC_NUM(fid)) {
	case 0x01: /* CPU_SUSPEND */
	case 0x02: /* CPU_OFF */
	case 0x08: /* SYSTEM_OFF */
	case 0x09: /* SYSTEM_RESET */
	case 0x0b: /* CPU_FREEZE */
	case 0x0c: /* CPU_DEFAULT_SUSPEND */
	case 0x0e: /* SYSTEM_SUSPEND */
	case 0x12: /* SYSTEM_RESET2 */
	case 0x13: /* MEM_PROTECT */
	case 0x15: /* SYSTEM_OFF2 */
		return 1;
	default:
		return 0;
	}
}

static void fast_one(struct cpu *c, uint32_t fid)
{
	uint64_t a[8];

	if (stops_a_cpu(fid))
		return;
	a[0] = (rnd(c) & 1) ? fid : (rnd(c) << 32 | fid); /* SMCCC 2.5: W0 is the ID */
	for (int i = 1; i < 8; i++)
		a[i] = rnd_arg(c);
	call(c, a);
	c->fast++;
}

void fast_sweep(struct cpu *c)
{
	for (uint32_t owner = 0; owner < 64; owner++) {
		for (uint32_t conv = 0; conv < 2; conv++) {
			uint32_t base = SMCCC_FAST_CALL | conv * SMCCC_SMC64 | owner << 24;

			for (uint32_t fn = 0; fn < 0x40; fn++)
				fast_one(c, base | fn);
			for (uint32_t fn = 0xff00; fn < 0xff10; fn++)
				fast_one(c, base | fn);
		}
	}
}

void fast_random(struct cpu *c)
{
	uint64_t r = rnd(c);
	uint32_t fid =
	    SMCCC_FAST_CALL | (uint32_t)(r & SMCCC_SMC64) | (uint32_t)(r >> 8 & 0x3f) << 24;

	/* Mostly low function numbers and the trusted OS's, where the handlers are. */
	if (r & 0x10000)
		fid = (fid & 0xff000000U) | (uint32_t)(rnd(c) & 0x3f);
	else if (r & 0x20000)
		fid = 0xb2000000U | (uint32_t)(rnd(c) & 0x1f);
	else
		fid |= (uint32_t)(rnd(c) & 0xffff);
	fast_one(c, fid);
}

int exchange_capabilities(struct cpu *c)
{
	uint64_t a[8] = {OPTEE_SMC_CALLS_UID};

	call(c, a);
	if ((uint32_t)a[0] != OPTEE_MSG_UID_0 || (uint32_t)a[1] != OPTEE_MSG_UID_1 ||
	    (uint32_t)a[2] != OPTEE_MSG_UID_2 || (uint32_t)a[3] != OPTEE_MSG_UID_3)
		return -1;
	a[0] = OPTEE_SMC_EXCHANGE_CAPABILITIES;
	a[1] = 0; /* the normal world is multiprocessor */
	call(c, a);
	return a[0] == OPTEE_SMC_RETURN_OK && (a[1] & OPTEE_SMC_SEC_CAP_DYNAMIC_SHM) ? 0 : -1;
}
