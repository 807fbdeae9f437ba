// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz: set-up, the secondary CPUs, the mix of calls, the summary. The count of operations
 * per CPU and the seed come from the kernel command line (/chosen/bootargs):
 * nwfuzz.count=<n> nwfuzz.seed=<n>; without a seed, the counter at boot picks one. The seed is
 * printed first, so a run can be repeated (docs/fuzzing.md). nwfuzz.race=1 runs the race alone:
 * CPU0 makes calls full of RPCs while the others resume every thread id as fast as they can.
 * nwfuzz.vmctl=1 (another VM) or 2 (the control VM) and nwfuzz.suspend=1 make the
 * hypervisor's calls instead (vmctl.c, suspend.c), as a VM of the virt variant;
 * nwfuzz.sme=<seconds> checks SME state across vCPU switches there (sme.c).
 */
#include <rampart/smccc.h>

#include "nwfuzz.h"

#define DEFAULT_COUNT 2000
#define WAIT_SECONDS  240

void nwfuzz_secondary_entry(void);
void nwfuzz_main(const void *fdt);
void nwfuzz_secondary(uint64_t index);

static uint64_t count, race, sme_seconds;
static volatile int race_over;
/* CPU n runs on the n-th stack (tests/nwfuzz/head.S). */
uint8_t nwfuzz_stacks[NWFUZZ_MAX_CPUS * NWFUZZ_STACK_SIZE] __attribute__((aligned(16)));

static uint64_t counter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntpct_el0" : "=r"(v));
	return v;
}

static uint64_t counter_freq(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

static void power_off(void)
{
	uint64_t a[8] = {PSCI_SYSTEM_OFF};

	smc(a);
	for (;;)
		__asm__ volatile("wfi");
}

/* The mix: mostly yielding calls, then fast calls, foreign RPC returns and storms of them. */
static void run(struct cpu *c)
{
	for (uint64_t i = 0; i < count; i++) {
		uint64_t r = rnd(c) % 16;

		if (r < 3)
			fast_random(c);
		else if (r < 12)
			yield_random(c);
		else if (r < 15)
			resume_random(c);
		else
			resume_storm(c);
	}
	yield_cleanup(c);
}

/* CPU0's RPCs, the others' RETURN_FROM_RPC storms, until CPU0 is through. */
static void run_race(struct cpu *c)
{
	if (c->index == 0) {
		for (uint64_t i = 0; i < count; i++)
			yield_rpc_heavy(c);
		race_over = 1;
	} else {
		while (!race_over)
			resume_storm(c);
	}
	yield_cleanup(c);
}

/* nwfuzz.sme=: vCPU 1 runs its rounds while vCPU 0 runs its own (sme.c). */
static void sme_both(void)
{
	uint64_t a[8] = {PSCI_FN64(PSCI_CPU_ON), 1, (uint64_t)(uintptr_t)nwfuzz_secondary_entry, 1};
	uint64_t deadline;

	smc(a);
	if (a[0] != PSCI_SUCCESS) {
		check_line(0, "sme: vCPU1 started", "CPU_ON refused", a[0]);
		return;
	}
	sme_run(0, sme_seconds);
	deadline = counter() + (sme_seconds + WAIT_SECONDS) * counter_freq();
	while (!__atomic_load_n(&cpus[1].done, __ATOMIC_ACQUIRE) && counter() < deadline)
		;
	if (!cpus[1].done)
		check_line(0, "sme: vCPU1 finished", "not in time", 0);
	sme_report();
}

void nwfuzz_secondary(uint64_t index)
{
	struct cpu *c = &cpus[index];

	if (sme_seconds) {
		sme_run((unsigned int)index, sme_seconds);
		__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
		return;
	}
	if (race)
		run_race(c);
	else
		run(c);
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
}

void nwfuzz_main(const void *fdt)
{
	const char *args = dt_bootargs(fdt);
	uint64_t seed = arg_u64(args, "nwfuzz.seed=", 0), deadline, calls = 0;
	unsigned int started = 1, stuck = 0;
	struct cpu *c0 = &cpus[0];

	/* The hypervisor's own calls instead of the fuzzing (vmctl.c, suspend.c, sme.c). */
	sme_seconds = arg_u64(args, "nwfuzz.sme=", 0);
	if (arg_u64(args, "nwfuzz.vmctl=", 0) || arg_u64(args, "nwfuzz.suspend=", 0) ||
	    sme_seconds) {
		uart_puts("nwfuzz: the hypervisor's calls\n");
		if (sme_seconds)
			sme_both();
		if (arg_u64(args, "nwfuzz.vmctl=", 0))
			vmctl_checks(arg_u64(args, "nwfuzz.vmctl=", 0) == 2);
		if (arg_u64(args, "nwfuzz.suspend=", 0))
			suspend_checks();
		hyp_checks_done();
	}
	count = arg_u64(args, "nwfuzz.count=", DEFAULT_COUNT);
	race = arg_u64(args, "nwfuzz.race=", 0);
	if (!seed)
		seed = counter() | 1;
	uart_puts("nwfuzz: seed ");
	uart_put_hex(seed);
	uart_puts(", ");
	uart_put_dec(count);
	uart_puts(" operations per CPU (nwfuzz.seed= and nwfuzz.count= repeat or change that)\n");
	for (unsigned int i = 0; i < NWFUZZ_MAX_CPUS; i++) {
		cpus[i].index = i;
		cpus[i].rng = seed ^ (0x9e3779b97f4a7c15ULL * (i + 1));
	}
	if (exchange_capabilities(c0)) {
		uart_puts("nwfuzz: FAIL: no OP-TEE with dynamic shared memory answers\n");
		power_off();
	}

	if (arg_u64(args, "nwfuzz.peer=", 0))
		attack_peer(c0, arg_u64(args, "nwfuzz.peer=", 0));

	/* Secondaries first: the sweep and the mix then run while they fire their own calls. */
	for (unsigned int i = 1; i < NWFUZZ_MAX_CPUS; i++) {
		uint64_t a[8] = {PSCI_FN64(PSCI_CPU_ON), i,
				 (uint64_t)(uintptr_t)nwfuzz_secondary_entry, i};

		smc(a);
		if (a[0] == PSCI_SUCCESS)
			started++;
		else
			cpus[i].done = 1; /* no such CPU (-smp below 4) */
	}
	if (race) {
		run_race(c0);
	} else {
		fast_sweep(c0);
		run(c0);
	}

	deadline = counter() + WAIT_SECONDS * counter_freq();
	for (unsigned int i = 1; i < NWFUZZ_MAX_CPUS; i++) {
		while (!__atomic_load_n(&cpus[i].done, __ATOMIC_ACQUIRE) && counter() < deadline)
			;
		if (!cpus[i].done) {
			uart_puts("nwfuzz: FAIL: CPU");
			uart_put_dec(i);
			uart_puts(" is stuck in a secure-world call\n");
			stuck++;
		}
	}
	/* Whatever the others left suspended, once more now they are quiet. */
	yield_cleanup(c0);

	for (unsigned int i = 0; i < NWFUZZ_MAX_CPUS; i++) {
		const struct cpu *c = &cpus[i];

		uart_puts("nwfuzz: CPU");
		uart_put_dec(i);
		uart_puts(": ");
		uart_put_dec(c->calls);
		uart_puts(" calls returned (fast ");
		uart_put_dec(c->fast);
		uart_puts(", yielding ");
		uart_put_dec(c->yielding);
		uart_puts(", RPCs answered ");
		uart_put_dec(c->rpcs);
		uart_puts(", foreign resumes ");
		uart_put_dec(c->resumes);
		uart_puts(", left suspended ");
		uart_put_dec(c->abandoned);
		uart_puts(")\n");
		calls += c->calls;
	}
	uart_puts(stuck ? "nwfuzz: FAIL: " : "nwfuzz: done: ");
	uart_put_dec(calls);
	uart_puts(" calls on ");
	uart_put_dec(started);
	uart_puts(" CPUs, seed ");
	uart_put_hex(seed);
	uart_puts(stuck ? ", some calls never returned\n" : ", every call returned\n");
	power_off();
}
