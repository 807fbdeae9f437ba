// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz.vmctl=control|other: the hypervisor's VM management calls by HVC, the SMCCC Vendor
 * Specific Hypervisor Service range (docs/hypervisor.md "VM management interface"), which Linux
 * user space cannot issue (rampart-vm uses the register page). The IDs and codes below are the
 * documented ones, written out here rather than taken from the hypervisor's header.
 *
 * As another VM ("other"): every call of the range, the queries included, gets NOT_SUPPORTED
 * and gives nothing back; the suite checks that nothing changed for the other VM.
 * As the control VM ("control"), with one Linux VM beside it: the queries; list and info of
 * both VMs; hostile arguments (indexes past the last VM or with high bits, function IDs of the
 * range that are not calls, SMC32 and yielding forms, malformed names, console lengths,
 * garbage in the registers a call does not use, which must come back unchanged: SMCCC 1.1,
 * x4-x17 preserved); stopping, destroying or restarting itself, refused NOT_ALLOWED; then it
 * waits for the Linux VM's /init on its console (CONSOLE_READ), stops it, sees it off, is
 * refused a second stop, starts it, sees /init again, types a command into its shell
 * (CONSOLE_WRITE) and reads the answer, and destroys it.
 */
#include "nwfuzz.h"

#define FN(n)		(0xC6000000U | (n))
#define VM_NAME		FN(0)
#define VM_INFO		FN(1)
#define VM_START	FN(2)
#define VM_STOP		FN(3)
#define VM_DESTROY	FN(4)
#define VM_RESTART	FN(5)
#define CON_READ	FN(6)
#define CON_WRITE	FN(7)
#define Q_COUNT		0x8600FF00U
#define Q_UID		0x8600FF01U
#define Q_REVISION	0x8600FF03U
#define NOT_SUPPORTED	((uint64_t)-1)
#define INVALID		((uint64_t)-2)
#define UNKNOWN_VM	((uint64_t)-3)
#define ALREADY_RUNNING ((uint64_t)-4)
#define ALREADY_OFF	((uint64_t)-5)
#define NOT_ALLOWED	((uint64_t)-6)
#define BUSY		((uint64_t)-7)
#define STATE_RUNNING	0
#define STATE_OFF	3
#define INFO_CONTROL	(1UL << 16)
#define GARBAGE(i)	(0x6a6a5c5c00000000UL ^ (0x0101010101UL * (i)))

static unsigned int clobbered;

/*
 * One call by HVC (or SMC): x1-x5 as given, x6-x17 garbage; x4-x17 must come back as they went
 * (every call of the range has its results in x0-x3).
 */
static void vcall(uint64_t r[18], uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		  uint64_t a5, int use_smc)
{
	uint64_t in[18];

	for (unsigned int i = 0; i < 18; i++)
		r[i] = GARBAGE(i);
	r[0] = fid;
	r[1] = a1;
	r[2] = a2;
	r[3] = a3;
	r[4] = a4;
	r[5] = a5;
	for (unsigned int i = 0; i < 18; i++)
		in[i] = r[i];
	(use_smc ? smc18 : hvc18)(r);
	for (unsigned int i = 4; i < 18; i++)
		clobbered += r[i] != in[i];
}

static uint64_t x0_of(uint32_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
	uint64_t r[18];

	vcall(r, fid, a1, a2, a3, GARBAGE(4), GARBAGE(5), 0);
	return r[0];
}

static void pack(const char *name, uint64_t *lo, uint64_t *hi)
{
	*lo = *hi = 0;
	for (unsigned int i = 0; i < 16 && name[i]; i++)
		*(i < 8 ? lo : hi) |= (uint64_t)(uint8_t)name[i] << (8 * (i % 8));
}

static uint64_t by_name(uint32_t fid, const char *name)
{
	uint64_t lo, hi;

	pack(name, &lo, &hi);
	return x0_of(fid, lo, hi, 0);
}

static void expect(const char *what, uint64_t got, uint64_t want)
{
	check_line(got == want, what, "x0", got);
}

/* Every call of the range, as a VM that is not the control VM: NOT_SUPPORTED, nothing back. */
static void as_other(void)
{
	static const uint32_t fids[] = {VM_NAME,    VM_INFO,  VM_START,	 VM_STOP, VM_DESTROY,
					VM_RESTART, CON_READ, CON_WRITE, Q_COUNT, Q_UID,
					Q_REVISION, FN(8),    FN(0xffff)};
	unsigned int wrong = 0, leaked = 0;
	uint64_t lo, hi, r[18];

	pack("vm0", &lo, &hi);
	for (unsigned int k = 0; k < sizeof(fids) / sizeof(fids[0]); k++) {
		for (int use_smc = 0; use_smc < 2; use_smc++) {
			/* vm0 by index or by name; CONSOLE_WRITE would type "poweroff\n". */
			uint64_t a1 = fids[k] == VM_NAME || fids[k] == VM_INFO ? 0 : lo;

			vcall(r, fids[k], a1, hi, 9, 0x66666f7265776f70UL, 0x0a, use_smc);
			wrong += r[0] != NOT_SUPPORTED;
			leaked += r[1] != a1 || r[2] != hi || r[3] != 9;
		}
	}
	check_line(!wrong, "hvc as another VM: every call of the range is NOT_SUPPORTED",
		   "calls answered otherwise", wrong);
	check_line(!leaked, "hvc as another VM: no call gives anything back in x1-x3",
		   "calls that changed them", leaked);
}

static uint64_t info(unsigned int vm, uint64_t *mem)
{
	uint64_t r[18];

	vcall(r, VM_INFO, vm, 0, 0, 0, 0, 0);
	if (mem)
		*mem = r[2];
	return r[0] ? ~0UL : r[1];
}

/* Poll VM_INFO until the VM is in state (seconds at most); 1 if it got there. */
static int wait_state(unsigned int vm, unsigned int state, unsigned int seconds)
{
	uint64_t end = vcounter() + seconds * vcounter_freq();

	while (vcounter() < end) {
		if ((info(vm, 0) & 0xff) == state)
			return 1;
		nap_ms(20);
	}
	return 0;
}

/*
 * Follow the VM's console from position pos until text appears (seconds at most), typing line
 * (if not NULL) every 5 s meanwhile; 1 if it appeared. *pos is where reading stopped.
 */
static int wait_console(const char *name, uint64_t *pos, const char *text, const char *line,
			unsigned int seconds)
{
	uint64_t lo, hi, end = vcounter() + seconds * vcounter_freq(), typed = 0, r[18];
	char win[64];
	unsigned int n = 0, tlen = 0;

	while (text[tlen])
		tlen++;
	pack(name, &lo, &hi);
	while (vcounter() < end) {
		if (line && vcounter() >= typed) {
			/* Typed in pieces of up to 16 bytes, as the call takes them. */
			for (const char *p = line; *p;) {
				uint64_t b[2] = {0, 0};
				unsigned int k = 0;

				while (k < 16 && p[k]) {
					b[k / 8] |= (uint64_t)(uint8_t)p[k] << (8 * (k % 8));
					k++;
				}
				vcall(r, CON_WRITE, lo, hi, k, b[0], b[1], 0);
				p += k;
			}
			typed = vcounter() + 5 * vcounter_freq();
		}
		vcall(r, CON_READ, lo, hi, *pos, 0, 0, 0);
		if ((int64_t)r[0] < 0)
			return 0;
		*pos = r[1];
		if (!r[0]) {
			nap_ms(20);
			continue;
		}
		for (unsigned int i = 0; i < r[0]; i++) {
			char c = (char)(r[2 + i / 8] >> (8 * (i % 8)));

			if (n == sizeof(win)) {
				for (unsigned int j = 1; j < n; j++)
					win[j - 1] = win[j];
				n--;
			}
			win[n++] = c;
			for (unsigned int s = 0; n >= tlen && s + tlen <= n; s++) {
				unsigned int j = 0;

				while (j < tlen && win[s + j] == text[j])
					j++;
				if (j == tlen)
					return 1;
			}
		}
	}
	return 0;
}

static void as_control(void)
{
	static const uint32_t not_calls[] = {FN(8),	  FN(0x100),   FN(0xfeff),  0xC600FF00U,
					     0xC600FF02U, 0xC600FFFFU, 0x8600FF02U, 0x8600FF04U,
					     0x86000000U, 0x86000001U, 0x86000003U, 0x86000007U,
					     0x46000000U, 0x46000003U};
	uint64_t r[18], clean[18], mem, lo, hi, pos = 0, end;
	unsigned int self = ~0U, target = ~0U, count = 0, wrong = 0;
	char tname[16] = {0}, sname[16] = {0};

	vcall(r, Q_COUNT, 0, 0, 0, 0, 0, 0);
	expect("hvc call count query: 8", r[0], 8);
	vcall(r, Q_UID, 0, 0, 0, 0, 0, 0);
	check_line(r[0] == 0x76c2d439 && r[1] == 0x49104af2 && r[2] == 0x9feeb783 &&
		       r[3] == 0x3633d86c,
		   "hvc UID query: 76c2d439-4910-4af2-9fee-b7833633d86c", "w0", r[0]);
	vcall(r, Q_REVISION, 0, 0, 0, 0, 0, 0);
	check_line(r[0] == 1 && r[1] == 0, "hvc revision query: 1.0", "x0", r[0]);

	/* List: names by index until UNKNOWN_VM; the one with the control flag is this VM. */
	for (unsigned int i = 0; i < 8; i++) {
		vcall(r, VM_NAME, i, 0, 0, 0, 0, 0);
		if (r[0] == UNKNOWN_VM)
			break;
		if (r[0])
			break;
		count++;
		char *dst = (info(i, 0) & INFO_CONTROL) ? sname : tname;

		if (dst == sname)
			self = i;
		else if (target == ~0U)
			target = i;
		else
			continue;
		for (unsigned int k = 0; k < 15; k++)
			dst[k] = (char)(r[1 + k / 8] >> (8 * (k % 8)));
	}
	check_line(count == 2 && self == 1 && target == 0 && tname[0] == 'v' && tname[1] == 'm' &&
		       tname[2] == '0' && !tname[3] && sname[2] == '1' && !sname[3],
		   "hvc list: vm0 and vm1, vm1 the control VM", "VMs", count);
	if (self == ~0U || target == ~0U) {
		check_line(0, "hvc list: a Linux VM beside the control VM", "none found", count);
		return;
	}
	expect("hvc refused: VM_NAME of index 2 (past the last VM): UNKNOWN_VM",
	       x0_of(VM_NAME, 2, 0, 0), UNKNOWN_VM);
	expect("hvc refused: VM_NAME of index 2^32 (its low half vm0's): UNKNOWN_VM",
	       x0_of(VM_NAME, 1UL << 32, 0, 0), UNKNOWN_VM);
	expect("hvc refused: VM_INFO of index 2^64-1: UNKNOWN_VM", x0_of(VM_INFO, ~0UL, 0, 0),
	       UNKNOWN_VM);
	expect("hvc refused: VM_INFO of index 2^32 + vm0's: UNKNOWN_VM",
	       x0_of(VM_INFO, 1UL << 32 | target, 0, 0), UNKNOWN_VM);

	uint64_t f = info(self, &mem);

	check_line((f & 0xff) == STATE_RUNNING && (f >> 8 & 0xff) == 2 && (f & INFO_CONTROL) &&
		       mem == 256UL << 20,
		   "hvc info of itself: running, 2 vCPUs, control, 256 MiB", "x1", f);
	f = info(target, &mem);
	check_line((f & 0xff) == STATE_RUNNING && (f >> 8 & 0xff) == 2 && !(f & INFO_CONTROL) &&
		       mem == 512UL << 20 && f >> 32 == 1,
		   "hvc info of vm0: running, 2 vCPUs, 512 MiB, first boot", "x1", f);

	/* The same call with and without garbage in the registers it does not use. */
	vcall(clean, VM_INFO, target, 0, 0, 0, 0, 0);
	vcall(r, VM_INFO, target, GARBAGE(2), GARBAGE(3), GARBAGE(4), GARBAGE(5), 1);
	check_line(r[0] == 0 && r[1] == clean[1] && r[2] == clean[2],
		   "hvc VM_INFO with garbage in x2-x17 (by SMC): the same answer", "x1", r[1]);

	for (unsigned int k = 0; k < sizeof(not_calls) / sizeof(not_calls[0]); k++)
		wrong += x0_of(not_calls[k], target, 0, 0) != NOT_SUPPORTED;
	check_line(!wrong,
		   "hvc refused: IDs of the range that are not calls (0xC6000008, 0xC600FF00, "
		   "SMC32 and yielding forms...): NOT_SUPPORTED",
		   "answered otherwise", wrong);

	expect("hvc refused: stop of a VM nobody has (vm9): UNKNOWN_VM", by_name(VM_STOP, "vm9"),
	       UNKNOWN_VM);
	expect("hvc refused: start of an empty name: INVALID", x0_of(VM_START, 0, 0, 0), INVALID);
	expect("hvc refused: stop of a name with no NUL: INVALID",
	       x0_of(VM_STOP, 0x4141414141414141UL, 0x4141414141414141UL, 0), INVALID);
	pack(tname, &lo, &hi);
	expect("hvc refused: stop of vm0 with a byte after its NUL: INVALID",
	       x0_of(VM_STOP, lo, hi | 0x78UL << 56, 0), INVALID);
	expect("hvc refused: the control VM stopping itself: NOT_ALLOWED", by_name(VM_STOP, sname),
	       NOT_ALLOWED);
	expect("hvc refused: the control VM destroying itself: NOT_ALLOWED",
	       by_name(VM_DESTROY, sname), NOT_ALLOWED);
	expect("hvc refused: the control VM restarting itself: NOT_ALLOWED",
	       by_name(VM_RESTART, sname), NOT_ALLOWED);
	expect("hvc refused: the control VM starting itself: ALREADY_RUNNING",
	       by_name(VM_START, sname), ALREADY_RUNNING);
	expect("hvc refused: console write of 0 bytes: INVALID", x0_of(CON_WRITE, lo, hi, 0),
	       INVALID);
	expect("hvc refused: console write of 17 bytes: INVALID", x0_of(CON_WRITE, lo, hi, 17),
	       INVALID);
	expect("hvc refused: console write of 2^64-1 bytes: INVALID",
	       x0_of(CON_WRITE, lo, hi, ~0UL), INVALID);

	/* The life of the Linux VM beside it. */
	check_line(wait_console(tname, &pos, "rampart-init: /init reached", 0, 900),
		   "hvc console read: vm0 reaches /init", "not within 900 s", 0);
	expect("hvc stop vm0", by_name(VM_STOP, tname), 0);
	check_line(wait_state(target, STATE_OFF, 120), "hvc info: vm0 is off after the stop", "x1",
		   info(target, 0));
	expect("hvc refused: a second stop of vm0: ALREADY_OFF", by_name(VM_STOP, tname),
	       ALREADY_OFF);
	expect("hvc refused: restart of vm0 while off: ALREADY_OFF", by_name(VM_RESTART, tname),
	       ALREADY_OFF);
	expect("hvc refused: destroy of vm0 while off: ALREADY_OFF", by_name(VM_DESTROY, tname),
	       ALREADY_OFF);
	vcall(r, CON_WRITE, lo, hi, 3, 0x0a6968, 0, 0);
	expect("hvc console write to vm0 while off: nothing taken", r[0], 0);
	expect("hvc start vm0", by_name(VM_START, tname), 0);
	r[0] = by_name(VM_START, tname);
	check_line(r[0] == ALREADY_RUNNING || r[0] == BUSY,
		   "hvc refused: a second start of vm0: ALREADY_RUNNING (or BUSY)", "x0", r[0]);
	/* Its console ring starts again with the new boot: read it from there. */
	end = vcounter() + 120 * vcounter_freq();
	while (((f = info(target, 0)) & 0xff) != STATE_RUNNING && vcounter() < end)
		nap_ms(20);
	check_line((f & 0xff) == STATE_RUNNING && f >> 32 == 2,
		   "hvc info of vm0: running, second boot", "x1", f);
	pos = 0;
	check_line(wait_console(tname, &pos, "rampart-init: /init reached", 0, 900),
		   "hvc console read: vm0 reaches /init again after the start", "not within 900 s",
		   0);
	check_line(wait_console(tname, &pos, "hvc-42", "echo hvc-$((6*7))\n", 300),
		   "hvc console write: a command typed into vm0's shell answers",
		   "not within 300 s", 0);
	expect("hvc destroy vm0", by_name(VM_DESTROY, tname), 0);
	check_line(wait_state(target, STATE_OFF, 120), "hvc info: vm0 is off after the destroy",
		   "x1", info(target, 0));
}

void vmctl_checks(int control)
{
	gic_timer_init(); /* nap_ms sleeps in CPU_SUSPEND */
	clobbered = 0;
	if (control)
		as_control();
	else
		as_other();
	check_line(!clobbered, "hvc x4-x17 preserved by every call (SMCCC 1.1)",
		   "registers changed", clobbered);
}

void hyp_checks_done(void)
{
	uint64_t x[18] = {0x84000008U}; /* PSCI SYSTEM_OFF */

	uart_puts("nwfuzz: hypervisor checks done: ");
	uart_put_dec(checks_ok);
	uart_puts(" ok, ");
	uart_put_dec(checks_failed);
	uart_puts(" failed\n");
	hvc18(x);
	for (;;)
		__asm__ volatile("wfi");
}
