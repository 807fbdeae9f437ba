// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz.sme=<seconds>: SME state kept across vCPU switches (docs/hypervisor.md "Scheduling":
 * SVCR, ZA and the streaming Z registers), which Debian's 6.1 guest kernel does not offer its
 * programs. Run as a VM of two vCPUs on one CPU (`cpus = <0>;`, -cpu max): each vCPU, for the
 * time given, in rounds: SMSTART, ZA (SVL rows of SVL bytes) and Z0-Z31 loaded with a pattern of
 * its own, 20 ms of spinning (time slices are 5 ms: the other vCPU, with its own ZA, runs on the
 * CPU meanwhile), then both read back and compared, and SVCR checked still SM | ZA; SMSTOP.
 * Prints "nwfuzz: sme vCPU<n>: ZA and streaming Z kept across switches: ok" or how many rounds
 * came back wrong.
 */
#include "nwfuzz.h"

#define SVL_MAX	  256 /* bytes: 2048 bits, the architecture's longest */
#define SPIN_MS	  20
#define SVCR_SMZA 3UL

uint64_t sme_svl(void);
void sme_enable(void);
void sme_load(const uint8_t *za, const uint8_t *z);
uint64_t sme_store(uint8_t *za, uint8_t *z);
void mmu_on(void);

/* What each vCPU counted; vCPU 0 prints both once vCPU 1 is done (one console line at a time). */
static struct sme_result {
	uint64_t svl, rounds, bad, svcr_bad;
	int done;
} results[2];
static uint8_t za_in[2][SVL_MAX * SVL_MAX], za_out[2][SVL_MAX * SVL_MAX];
static uint8_t z_in[2][32 * SVL_MAX], z_out[2][32 * SVL_MAX];

static int has_sme(void)
{
	uint64_t pfr1;

	__asm__ volatile("mrs %0, S3_0_C0_C4_1" : "=r"(pfr1)); /* ID_AA64PFR1_EL1 */
	return ((pfr1 >> 24) & 0xf) != 0;
}

void sme_run(unsigned int cpu, uint64_t seconds)
{
	uint64_t svl, end, s = 0x9e3779b97f4a7c15UL * (cpu + 1), rounds = 0, bad = 0, svcr_bad = 0;
	char what[64] = "sme vCPU0: ZA and streaming Z kept across switches";

	what[8] = (char)('0' + cpu);
	if (!has_sme() || cpu > 1) {
		check_line(0, what, "no SME on this vCPU (ID_AA64PFR1_EL1.SME 0)", 0);
		return;
	}
	mmu_on(); /* Normal memory: vector loads and stores need no alignment */
	sme_enable();
	svl = sme_svl();
	if (svl > SVL_MAX || !svl) {
		check_line(0, what, "SVL out of range", svl);
		return;
	}
	end = vcounter() + seconds * vcounter_freq();
	while (vcounter() < end) {
		uint64_t n = svl * svl, zn = 32 * svl, spin, diff = 0;

		for (uint64_t i = 0; i < n + zn; i++) {
			s = s * 6364136223846793005UL + 1442695040888963407UL;
			if (i < n)
				za_in[cpu][i] = (uint8_t)(s >> 56);
			else
				z_in[cpu][i - n] = (uint8_t)(s >> 56);
		}
		sme_load(za_in[cpu], z_in[cpu]);
		spin = vcounter() + vcounter_freq() * SPIN_MS / 1000;
		while (vcounter() < spin)
			;
		svcr_bad += sme_store(za_out[cpu], z_out[cpu]) != SVCR_SMZA;
		for (uint64_t i = 0; i < n; i++)
			diff |= za_out[cpu][i] ^ za_in[cpu][i];
		for (uint64_t i = 0; i < zn; i++)
			diff |= z_out[cpu][i] ^ z_in[cpu][i];
		bad += diff != 0;
		rounds++;
	}
	results[cpu].svl = svl;
	results[cpu].rounds = rounds;
	results[cpu].bad = bad;
	results[cpu].svcr_bad = svcr_bad;
	__atomic_store_n(&results[cpu].done, 1, __ATOMIC_RELEASE);
}

void sme_report(void)
{
	for (unsigned int cpu = 0; cpu < 2; cpu++) {
		const struct sme_result *r = &results[cpu];
		char what[64] = "sme vCPU0: ZA and streaming Z kept across switches";

		what[8] = (char)('0' + cpu);
		if (!__atomic_load_n(&r->done, __ATOMIC_ACQUIRE))
			continue; /* refused before its rounds: said so already */
		uart_puts("nwfuzz: sme vCPU");
		uart_put_dec(cpu);
		uart_puts(": SVL ");
		uart_put_dec(r->svl * 8);
		uart_puts(" bits, ");
		uart_put_dec(r->rounds);
		uart_puts(" rounds of 20 ms, ");
		uart_put_dec(r->bad);
		uart_puts(" came back wrong, SVCR changed in ");
		uart_put_dec(r->svcr_bad);
		uart_puts("\n");
		check_line(r->rounds >= 10 && !r->bad && !r->svcr_bad, what,
			   "wrong rounds (or fewer than 10 rounds)", r->bad + r->svcr_bad);
	}
}
