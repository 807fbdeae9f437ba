// SPDX-License-Identifier: BSD-2-Clause
/*
 * rampart-sve-check SECONDS [SEED]: SVE sums that must come out right, for the hypervisor's
 * switch of SVE state between vCPUs that share a CPU (tests/qemu/virt.d/sched.sh).
 *
 * Each round loads Z0..Z31, P0..P15 and FFR with values from SEED, adds 1 to every byte of every
 * Z register many times in a loop that makes no memory access or system call, and checks every
 * bit of Z, P and FFR afterwards (sve_round.S). The vector length is set to the longest the
 * system offers (PR_SVE_SET_VL), so the bits above the 128 of the V registers count. Run on every
 * vCPU of two VMs sharing the CPUs, a switch that kept only V0..V31, or another vCPU's P or FFR,
 * shows as a wrong round. Where the system has SME, every SVE round is followed by an SME one
 * (sme_round.S): in Streaming SVE mode with ZA on, at the longest streaming vector length, ZA
 * loaded with known rows and the streaming Z registers summed the same way, then both checked.
 * Prints "rampart-sve-check: R rounds, B wrong (SVE at L bytes: r/b, SME at S bytes: r/b)" and
 * exits 0 if every round was right (and there was at least one), 1 otherwise.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <time.h>

#ifndef PR_SVE_SET_VL
#define PR_SVE_SET_VL 50
#endif
#ifndef HWCAP_SVE
#define HWCAP_SVE (1 << 22)
#endif
#ifndef PR_SME_SET_VL
#define PR_SME_SET_VL 63
#endif
#ifndef HWCAP2_SME
#define HWCAP2_SME (1 << 23)
#endif

#define VL_MAX 256 /* bytes: 2048 bits, the architecture's longest */
#define ITERS  20000

void sve_round(uint8_t *out, uint64_t seed, uint64_t iters);
uint64_t sve_vl(void);
void sme_round(const uint8_t *za_in, uint8_t *za_out, uint8_t *z_out, uint64_t seed,
	       uint64_t iters);
uint64_t sme_svl(void);

/*
 * Predicate bit i stands for byte i: PTRUE P.<T>, VL<k> sets the first k elements of size T, or
 * none if the vector has fewer (Arm ARM, "PTRUE" and DecodePredCount).
 */
static void expect_p(uint8_t *p, unsigned int pl, unsigned int esize, unsigned int k)
{
	memset(p, 0, pl);
	if (k * esize > pl * 8)
		return;
	for (unsigned int e = 0; e < k; e++)
		p[(e * esize) / 8] |= (uint8_t)(1U << ((e * esize) % 8));
}

static const struct {
	unsigned int esize, k;
} pattern[17] = {{1, 1}, {1, 2}, {1, 3},  {1, 4}, {1, 5}, {1, 6}, {1, 7}, {1, 8}, {1, 16},
		 {2, 7}, {4, 5}, {8, 2},  {2, 8}, {4, 3}, {8, 1}, {4, 1}, {1, 4} /* FFR: P3 */};

static int check_z(const uint8_t *z, unsigned int vl, uint64_t seed, uint64_t iters)
{
	for (unsigned int n = 0; n < 32; n++)
		for (unsigned int i = 0; i < vl; i++)
			if (z[n * vl + i] != (uint8_t)(seed + n + iters))
				return 0;
	return 1;
}

static int check(const uint8_t *out, unsigned int vl, uint64_t seed, uint64_t iters)
{
	unsigned int pl = vl / 8;
	uint8_t want[VL_MAX / 8];

	if (!check_z(out, vl, seed, iters))
		return 0;
	for (unsigned int n = 0; n < 17; n++) {
		expect_p(want, pl, pattern[n].esize, pattern[n].k);
		if (memcmp(out + 32 * vl + n * pl, want, pl))
			return 0;
	}
	return 1;
}

static uint8_t za_byte(uint64_t seed, unsigned int row, unsigned int i)
{
	return (uint8_t)(seed * 3 + row * 7 + i);
}

/* One SME round at streaming vector length svl: 1 if ZA and the streaming Z registers are right. */
static int sme_check(unsigned int svl, uint64_t seed)
{
	static uint8_t za_in[VL_MAX * VL_MAX], za_out[VL_MAX * VL_MAX], z[32 * VL_MAX];

	for (unsigned int r = 0; r < svl; r++)
		for (unsigned int i = 0; i < svl; i++)
			za_in[r * svl + i] = za_byte(seed, r, i);
	memset(za_out, 0x5a, sizeof(za_out));
	memset(z, 0x5a, sizeof(z));
	sme_round(za_in, za_out, z, seed, ITERS);
	return check_z(z, svl, seed, ITERS) && !memcmp(za_in, za_out, (size_t)svl * svl);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static uint8_t out[32 * VL_MAX + 17 * VL_MAX / 8];
	double secs = argc > 1 ? atof(argv[1]) : 10, end = now() + secs;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 0;
	unsigned long rounds = 0, bad = 0, sme_rounds = 0, sme_bad = 0;
	unsigned int vl, svl = 0;

	if (!(getauxval(AT_HWCAP) & HWCAP_SVE)) {
		printf("rampart-sve-check: no SVE\n");
		return 1;
	}
	prctl(PR_SVE_SET_VL, VL_MAX); /* the longest the system offers, at most this */
	vl = (unsigned int)sve_vl();
	if (vl < 16 || vl > VL_MAX || vl % 16) {
		printf("rampart-sve-check: odd vector length %u\n", vl);
		return 1;
	}
	if (getauxval(AT_HWCAP2) & HWCAP2_SME) {
		prctl(PR_SME_SET_VL, VL_MAX);
		svl = (unsigned int)sme_svl();
		if (svl < 16 || svl > VL_MAX || svl % 16) {
			printf("rampart-sve-check: odd streaming vector length %u\n", svl);
			return 1;
		}
	}
	while (now() < end) {
		uint64_t s = seed + rounds * 7;

		memset(out, 0xa5, sizeof(out));
		sve_round(out, s, ITERS);
		if (!check(out, vl, s, ITERS))
			bad++;
		rounds++;
		if (svl) {
			sme_bad += !sme_check(svl, s + 1);
			sme_rounds++;
		}
	}
	printf("rampart-sve-check: %lu rounds, %lu wrong (SVE at %u bytes: %lu/%lu, SME at %u bytes: "
	       "%lu/%lu)\n",
	       rounds + sme_rounds, bad + sme_bad, vl, rounds, bad, svl, sme_rounds, sme_bad);
	return rounds && !bad && !sme_bad ? 0 : 1;
}
