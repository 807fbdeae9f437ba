// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz.suspend=1: PSCI CPU_SUSPEND (Arm DEN 0022 1.1, 5.4) from vCPU 0 of a VM of the virt
 * variant, with its virtual timer armed as the wake-up event (docs/hypervisor.md "PSCI for
 * vCPUs"). PSCI_FEATURES must say the original power_state format (5.15: bit 1 clear, the
 * format the checks below use); a standby state (StateID 1 or 2, or 0 with StateType 0) must
 * return SUCCESS after the timer fires, not before, with its interrupt pending; invalid power
 * states and entry points must be refused at once, by name (INVALID_PARAMETERS,
 * INVALID_ADDRESS); and a powerdown state (StateID 3, StateType 1) must not return to its
 * caller but resume at entry_point_address with context_id in x0, at EL1 with D, A, I and F
 * masked and the MMU and data cache off (6.4.3), which it had on when it suspended. The
 * vCPU's CPU time while it sleeps is the hypervisor's to give away: the suite compares it with
 * the time asleep. Linux guests never call CPU_SUSPEND here (their device trees have no idle
 * states), so this program is the only caller.
 */
#include <rampart/smccc.h>

#include "nwfuzz.h"

#define GICR_BASE	0x080a0000UL /* the vGIC's redistributors, one 128 KiB frame pair a vCPU */
#define GICR_STRIDE	0x20000UL
#define GICR_ISENABLER0 0x10100UL /* in the SGI_base frame (IHI 0069 12.11) */
#define VTIMER_INTID	27

#define PS_STANDBY   0x00000001U /* StateID 1: core standby (DEN 0022 6.5), level 0 */
#define PS_RETENTION 0x00000002U /* StateID 2: core retention */
#define PS_POWERDOWN 0x00010003U /* StateID 3: core powerdown, StateType 1 */
#define CONTEXT_ID   0x5e5e00c0ffee0001UL
#define SLEEP_MS     500

#define SCTLR_M (1UL << 0)
#define SCTLR_C (1UL << 2)
#define SCTLR_I (1UL << 12)

void nwfuzz_resume_entry(void);
void nwfuzz_resumed(uint64_t context, uint64_t sctlr, uint64_t daif, uint64_t el);

unsigned int checks_ok, checks_failed;
/* The powerdown's timer and start: written with the MMU off, read again after it. */
static volatile uint64_t pd_at, pd_t0;
/* An identity map: the first GiB Device-nGnRnE (UART, GIC), the second Normal write-back. */
static uint64_t l1_table[512] __attribute__((aligned(4096)));

uint64_t vcounter(void)
{
	uint64_t v;

	__asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v));
	return v;
}

uint64_t vcounter_freq(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
	return v;
}

static uint64_t ms_ticks(uint64_t ms)
{
	return vcounter_freq() * ms / 1000;
}

static uint64_t ticks_us(uint64_t t)
{
	return t * 1000000 / vcounter_freq();
}

void check_line(int ok, const char *what, const char *why, uint64_t value)
{
	uart_puts(ok ? "nwfuzz: " : "nwfuzz: FAIL: ");
	uart_puts(what);
	if (ok) {
		uart_puts(": ok\n");
		checks_ok++;
		return;
	}
	uart_puts(": ");
	uart_puts(why);
	uart_puts(" (");
	uart_put_hex(value);
	uart_puts(")\n");
	checks_failed++;
}

void gic_timer_init(void)
{
	uint64_t mpidr;

	__asm__ volatile("mrs %0, mpidr_el1" : "=r"(mpidr));
	*(volatile uint32_t *)(GICR_BASE + (mpidr & 0xff) * GICR_STRIDE + GICR_ISENABLER0) =
	    1U << VTIMER_INTID;
	/* ICC_SRE_EL1.SRE, ICC_PMR_EL1 lets every priority through, ICC_IGRPEN1_EL1 on. */
	__asm__ volatile("msr S3_0_C12_C12_5, %0; isb" : : "r"(7UL));
	__asm__ volatile("msr S3_0_C4_C6_0, %0" : : "r"(0xffUL));
	__asm__ volatile("msr S3_0_C12_C12_7, %0; isb" : : "r"(1UL));
}

static void timer_arm(uint64_t at)
{
	__asm__ volatile("msr cntv_cval_el0, %0; msr cntv_ctl_el0, %1; isb" : : "r"(at), "r"(1UL));
}

static void timer_off(void)
{
	__asm__ volatile("msr cntv_ctl_el0, xzr; isb");
}

/*
 * Acknowledge and end every interrupt the CPU interface shows (DAIF stays masked: nothing is
 * taken); 1 if the virtual timer's was one of them.
 */
static int drain(void)
{
	int timer = 0;

	for (int n = 0; n < 16; n++) {
		uint64_t intid;

		__asm__ volatile("mrs %0, S3_0_C12_C12_0" : "=r"(intid)); /* ICC_IAR1_EL1 */
		intid &= 0xffffff;
		if (intid >= 1020)
			break;
		if (intid == VTIMER_INTID) {
			timer_off();
			timer = 1;
		}
		__asm__ volatile("msr S3_0_C12_C12_1, %0; isb" : : "r"(intid)); /* ICC_EOIR1_EL1 */
	}
	return timer;
}

static uint64_t suspend(uint32_t fid, uint64_t power_state, uint64_t entry, uint64_t context,
			int use_smc)
{
	uint64_t x[18] = {fid, power_state, entry, context};

	(use_smc ? smc18 : hvc18)(x);
	return x[0];
}

void nap_ms(uint64_t ms)
{
	uint64_t at = vcounter() + ms_ticks(ms);

	timer_arm(at);
	while (vcounter() < at)
		suspend(PSCI_FN64(PSCI_CPU_SUSPEND), PS_STANDBY, 0, 0, 0);
	drain();
	timer_off();
}

static void put_took(const char *what, uint64_t t0, uint64_t t1, uint64_t ms)
{
	uart_puts("nwfuzz: ");
	uart_puts(what);
	uart_puts(": back after ");
	uart_put_dec(ticks_us(t1 - t0));
	uart_puts(" us for a ");
	uart_put_dec(ms * 1000);
	uart_puts(" us timer\n");
}

/* A standby state: SUCCESS after the timer, with its interrupt pending, never before it. */
static void standby(const char *what, uint32_t fid, uint64_t power_state, int use_smc)
{
	uint64_t t0 = vcounter(), at = t0 + ms_ticks(SLEEP_MS), t1, r;
	int timer;

	timer_arm(at);
	/* The entry point and context ID mean nothing in standby: garbage must not matter. */
	r = suspend(fid, power_state, 0xdead0000beef0001UL, 0x1234, use_smc);
	t1 = vcounter();
	timer = drain();
	timer_off();
	if (r != PSCI_SUCCESS)
		check_line(0, what, "refused", r);
	else if (t1 < at)
		check_line(0, what, "returned before its timer fired, after (us)",
			   ticks_us(t1 - t0));
	else if (!timer)
		check_line(0, what, "the timer's interrupt was not pending when it returned", 0);
	else {
		put_took(what, t0, t1, SLEEP_MS);
		check_line(1, what, "", 0);
	}
}

static void refused(const char *what, uint64_t power_state, uint64_t entry, int64_t want)
{
	/* A guard: a call wrongly taken as a valid standby state returns at this timer. */
	uint64_t at = vcounter() + ms_ticks(2000), r, t1;

	timer_arm(at);
	r = suspend(PSCI_FN64(PSCI_CPU_SUSPEND), power_state, entry, ~CONTEXT_ID, 0);
	t1 = vcounter();
	timer_off();
	drain();
	if (t1 >= at)
		check_line(0, what, "slept until the guard timer, returning", r);
	else
		check_line(r == (uint64_t)want, what,
			   want == PSCI_INVALID_ADDRESS ? "not INVALID_ADDRESS"
							: "not INVALID_PARAMETERS",
			   r);
}

void mmu_on(void)
{
	uint64_t sctlr;

	/* Level 1 blocks (4 KiB granule): AF, AttrIndx 0 Device / 1 Normal inner shareable. */
	l1_table[0] = 0x00000000UL | 1UL << 10 | 0UL << 2 | 1UL | 3UL << 53;
	l1_table[1] = 0x40000000UL | 1UL << 10 | 3UL << 8 | 1UL << 2 | 1UL;
	__asm__ volatile("msr mair_el1, %0" : : "r"(0xff00UL));
	/* T0SZ 25 (39 bits, level 1 first), write-back walks, inner shareable, TTBR1 off. */
	__asm__ volatile("msr tcr_el1, %0"
			 :
			 : "r"(25UL | 1UL << 8 | 1UL << 10 | 3UL << 12 | 1UL << 23 | 1UL << 32));
	__asm__ volatile("msr ttbr0_el1, %0; isb; tlbi vmalle1; dsb nsh; isb"
			 :
			 : "r"((uint64_t)(uintptr_t)l1_table));
	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_I;
	__asm__ volatile("msr sctlr_el1, %0; isb" : : "r"(sctlr));
}

static void mmu_off(void)
{
	uint64_t sctlr;

	__asm__ volatile("mrs %0, sctlr_el1" : "=r"(sctlr));
	sctlr &= ~(SCTLR_M | SCTLR_C | SCTLR_I);
	__asm__ volatile("msr sctlr_el1, %0; isb" : : "r"(sctlr));
}

void nwfuzz_resumed(uint64_t context, uint64_t sctlr, uint64_t daif, uint64_t el)
{
	uint64_t t1 = vcounter();

	check_line(context == CONTEXT_ID,
		   "suspend powerdown: resumes at its entry point with context_id in x0", "x0",
		   context);
	check_line(!(sctlr & (SCTLR_M | SCTLR_C)),
		   "suspend powerdown: the MMU and data cache are off at the entry point",
		   "SCTLR_EL1", sctlr);
	check_line(daif == 0x3c0, "suspend powerdown: D, A, I and F masked at the entry point",
		   "DAIF", daif);
	check_line(el == 4, "suspend powerdown: at EL1", "CurrentEL", el);
	if (t1 < pd_at)
		check_line(0, "suspend powerdown: wakes after its timer, not before",
			   "woke before the timer, after (us)", ticks_us(t1 - pd_t0));
	else {
		put_took("suspend powerdown", pd_t0, t1, SLEEP_MS);
		check_line(1, "suspend powerdown: wakes after its timer, not before", "", 0);
	}
	/* The CPU interface's state is the caller's to set up again after a powerdown. */
	gic_timer_init();
	check_line(drain(),
		   "suspend powerdown: the timer's interrupt is pending at the entry point",
		   "none pending", 0);
	timer_off();
	hyp_checks_done();
}

void suspend_checks(void)
{
	uint64_t x[18] = {PSCI_FEATURES, PSCI_CPU_SUSPEND}, r;
	uint64_t entry = (uint64_t)(uintptr_t)nwfuzz_resume_entry;

	gic_timer_init();
	hvc18(x);
	check_line(x[0] == 0,
		   "suspend PSCI_FEATURES(CPU_SUSPEND): original power_state format, "
		   "platform-coordinated",
		   "answered", x[0]);
	x[0] = PSCI_FEATURES;
	x[1] = PSCI_FN64(PSCI_CPU_SUSPEND);
	hvc18(x);
	check_line(x[0] == 0, "suspend PSCI_FEATURES(CPU_SUSPEND64): the same", "answered", x[0]);

	standby("suspend standby (StateID 1, HVC)", PSCI_FN64(PSCI_CPU_SUSPEND), PS_STANDBY, 0);
	standby("suspend standby (StateID 1, SMC)", PSCI_FN64(PSCI_CPU_SUSPEND), PS_STANDBY, 1);
	/* SMC32 form: the upper halves of the arguments are not the caller's (SMCCC 2.6). */
	standby("suspend retention (StateID 2, SMC32, garbage upper half)", PSCI_CPU_SUSPEND,
		0xdeadbeef00000000UL | PS_RETENTION, 0);
	standby("suspend standby (StateID 0, StateType 0)", PSCI_FN64(PSCI_CPU_SUSPEND), 0, 0);

	refused("suspend refused: reserved bit 17 set", PS_STANDBY | 1U << 17, 0,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: reserved bit 31 set", PS_STANDBY | 1U << 31, 0,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: reserved bit 26 set", PS_STANDBY | 1U << 26, 0,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: PowerLevel 1 (a vCPU has no cluster)", PS_STANDBY | 1U << 24, 0,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: PowerLevel 3 powerdown", 0x03010003U, entry,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: StateID 3 (powerdown) with StateType standby", 3, entry,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: StateID 1 (standby) with StateType powerdown", 0x00010001U, entry,
		PSCI_INVALID_PARAMETERS);
	refused("suspend refused: unknown StateID 4", 4, 0, PSCI_INVALID_PARAMETERS);
	refused("suspend refused: unknown StateID 0xffff", 0xffff, 0, PSCI_INVALID_PARAMETERS);
	refused("suspend refused: powerdown to an entry point in the hypervisor's RAM",
		PS_POWERDOWN, 0x40200000UL, PSCI_INVALID_ADDRESS);
	refused("suspend refused: powerdown to a misaligned entry point", PS_POWERDOWN, entry + 2,
		PSCI_INVALID_ADDRESS);
	refused("suspend refused: powerdown to entry point 0", PS_POWERDOWN, 0,
		PSCI_INVALID_ADDRESS);

	/* Last: the powerdown does not come back here but at nwfuzz_resumed, which ends the run. */
	pd_t0 = vcounter();
	pd_at = pd_t0 + ms_ticks(SLEEP_MS);
	mmu_on();
	timer_arm(pd_at);
	r = suspend(PSCI_FN64(PSCI_CPU_SUSPEND), PS_POWERDOWN, entry, CONTEXT_ID, 0);
	mmu_off();
	timer_off();
	drain();
	check_line(0, "suspend powerdown: resumes at its entry point with context_id in x0",
		   "returned to its caller instead, x0", r);
	hyp_checks_done();
}
