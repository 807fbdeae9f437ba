// SPDX-License-Identifier: BSD-2-Clause
/*
 * FP/SIMD in TAs (ta/rampart_fpu, docs/trusted-os.md "FP/SIMD"):
 *   fpu-arith       double, float and Advanced SIMD results of a TA equal this CPU's own
 *   fpu-wait        a TA's V0..V31 and FPCR survive TEE_Wait (an RPC: the thread leaves for
 *                   Linux and may resume on another CPU), four TAs at once on four CPUs
 *   fpu-migrate     the same, with every TEE_Wait made to resume on another CPU than the one
 *                   that entered: the waiting task is moved while it sleeps in the RPC
 *   fpu-isolation   a fresh instance finds none of another instance's register values and the
 *                   default FPCR; an instance finds its own FPCR again at its next entry
 *   fpu-nested      a TA's registers survive its call into another TA, which saw none of them
 *   fpu-sve-sme     an SVE or SME instruction kills the TA (that state stays the normal world's)
 *   fpu-ns-kept     this process's V0..V31, FPSR and FPCR survive an invoke of a TA that
 *                   overwrites all of its own (the normal world's state is the monitor's to keep)
 *   fpu-gcm         AES-GCM in the trusted OS (on the SIMD registers where the CPU has the Crypto
 *                   Extensions) between FP/SIMD work: the TA whose TEE_AEUpdate it serves finds
 *                   its registers as it left them, another session's TA finds its own, this
 *                   process's V0..V31, FPSR and FPCR are kept, and the tag is right each time
 */
#define _GNU_SOURCE /* sched_getcpu, sched_setaffinity */
#include <errno.h>
#include <linux/tee.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <rampart_fpu_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static bool invoke(TEEC_Session *s, uint32_t cmd, TEEC_Operation *op, const char *what)
{
	uint32_t origin = 0;

	return expect_res(what, TEEC_InvokeCommand(s, cmd, op, &origin), origin, TEEC_SUCCESS);
}

bool case_fpu_arith(TEEC_Context *ctx)
{
	uint32_t words[256], lanes[4] = {0}, got_lanes[4];
	double want[FPU_ARITH_RESULTS], got[FPU_ARITH_RESULTS];
	TEEC_Operation op;
	TEEC_Session s;
	bool ok = true;

	for (unsigned int i = 0; i < 256; i++) {
		words[i] = 0x9e3779b9U * (i + 1) ^ (i << 24);
		lanes[i % 4] += words[i];
	}
	fpu_arith(1000, want);
	if (!open_session(ctx, &s, &fpu_ta_uuid, "OpenSession(fpu TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT);
	op.params[0].value.a = 1000;
	op.params[1].tmpref.buffer = got;
	op.params[1].tmpref.size = sizeof(got);
	op.params[2].tmpref.buffer = words;
	op.params[2].tmpref.size = sizeof(words);
	op.params[3].tmpref.buffer = got_lanes;
	op.params[3].tmpref.size = sizeof(got_lanes);
	ok = invoke(&s, FPU_CMD_ARITH, &op, "InvokeCommand(ARITH)");
	TEEC_CloseSession(&s);
	if (!ok)
		return false;
	/* Every operation is IEEE 754 round to nearest, in the same order: the same bits. */
	for (unsigned int i = 0; i < FPU_ARITH_RESULTS; i++)
		if (memcmp(&got[i], &want[i], sizeof(double)))
			return fail("result %u is %.17g, this CPU computes %.17g", i, got[i],
				    want[i]);
	if (memcmp(got_lanes, lanes, sizeof(lanes)))
		return fail("SIMD lane sums %08x %08x %08x %08x, expected %08x %08x %08x %08x",
			    got_lanes[0], got_lanes[1], got_lanes[2], got_lanes[3], lanes[0],
			    lanes[1], lanes[2], lanes[3]);
	printf("fpu-arith: sqrt(6 * sum 1/k^2, k <= 1000) = %.15f in the TA\n", got[1]);
	return true;
}

#define WAITERS	    4
#define WAIT_ROUNDS 6

struct waiter {
	TEEC_Context *ctx;
	unsigned int index;
	char why[160];
};

static void *wait_rounds(void *arg)
{
	struct waiter *w = arg;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;

	res = TEEC_OpenSession(w->ctx, &s, &fpu_ta_uuid, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
	if (res != TEEC_SUCCESS) {
		snprintf(w->why, sizeof(w->why), "OpenSession: %#x origin %u", res, origin);
		return NULL;
	}
	for (unsigned int r = 0; r < WAIT_ROUNDS && !w->why[0]; r++) {
		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = w->index * 100 + r;
		op.params[0].value.b = 5 + 7 * r;
		res = TEEC_InvokeCommand(&s, FPU_CMD_KEEP_WAIT, &op, &origin);
		if (res != TEEC_SUCCESS)
			snprintf(w->why, sizeof(w->why), "TA %u round %u: %#x origin %u", w->index,
				 r, res, origin);
		else if (op.params[1].value.a)
			snprintf(w->why, sizeof(w->why),
				 "TA %u round %u: %u of its registers changed across TEE_Wait (the "
				 "secure console names them)",
				 w->index, r, op.params[1].value.a);
	}
	TEEC_CloseSession(&s);
	return NULL;
}

bool case_fpu_wait(TEEC_Context *ctx)
{
	struct waiter w[WAITERS];
	pthread_t th[WAITERS];
	unsigned int started = 0;

	for (unsigned int i = 0; i < WAITERS; i++) {
		w[i] = (struct waiter){.ctx = ctx, .index = i};
		if (pthread_create(&th[i], NULL, wait_rounds, &w[i]))
			break;
		started++;
	}
	for (unsigned int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	if (started < WAITERS)
		return fail("pthread_create failed after %u threads", started);
	for (unsigned int i = 0; i < WAITERS; i++)
		if (w[i].why[0])
			return fail("%s", w[i].why);
	return true;
}

/*
 * fpu-migrate: a TA thread suspended in an RPC is resumed by whichever CPU the client's task
 * runs on when the RPC returns (OP-TEE SMC ABI, RETURN_FROM_RPC), so its FP/SIMD registers
 * must travel with the thread (docs/trusted-os.md, "FP/SIMD"). Left to the scheduler, that
 * happens now and then; here a mover thread pins each waiter to the next CPU while it sleeps
 * in TEE_Wait, so every wait ends on another CPU than the one it began on, many times over,
 * on every CPU at once.
 */
#define MIGRATE_ROUNDS 40

struct migrant {
	TEEC_Context *ctx;
	unsigned int index;
	pid_t tid;
	atomic_int done;
	unsigned int moved; /* rounds that ended on another CPU than they began on */
	char why[160];
};

static void pin(pid_t tid, unsigned int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(tid, sizeof(set), &set);
}

static void *migrate_rounds(void *arg)
{
	struct migrant *m = arg;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;

	m->tid = (pid_t)syscall(SYS_gettid);
	res = TEEC_OpenSession(m->ctx, &s, &fpu_ta_uuid, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
	if (res != TEEC_SUCCESS) {
		snprintf(m->why, sizeof(m->why), "OpenSession: %#x origin %u", res, origin);
		atomic_store(&m->done, 1);
		return NULL;
	}
	for (unsigned int r = 0; r < MIGRATE_ROUNDS && !m->why[0]; r++) {
		int before = sched_getcpu(), after;

		memset(&op, 0, sizeof(op));
		op.paramTypes =
		    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 1000 + m->index * 100 + r;
		op.params[0].value.b = 20;
		res = TEEC_InvokeCommand(&s, FPU_CMD_KEEP_WAIT, &op, &origin);
		after = sched_getcpu();
		if (res != TEEC_SUCCESS)
			snprintf(m->why, sizeof(m->why), "TA %u round %u: %#x origin %u", m->index,
				 r, res, origin);
		else if (op.params[1].value.a)
			snprintf(
			    m->why, sizeof(m->why),
			    "TA %u round %u: %u of its registers changed across TEE_Wait on CPU "
			    "%d then %d (the secure console names them)",
			    m->index, r, op.params[1].value.a, before, after);
		m->moved += before != after;
	}
	TEEC_CloseSession(&s);
	atomic_store(&m->done, 1);
	return NULL;
}

bool case_fpu_migrate(TEEC_Context *ctx)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct migrant m[WAITERS];
	pthread_t th[WAITERS];
	unsigned int started = 0, moved = 0, live;
	unsigned int step = 0;

	if (ncpu < 2)
		return fail("needs at least two CPUs online, found %ld", ncpu);
	for (unsigned int i = 0; i < WAITERS; i++) {
		m[i] = (struct migrant){.ctx = ctx, .index = i};
		if (pthread_create(&th[i], NULL, migrate_rounds, &m[i]))
			break;
		started++;
	}
	/* Every 7 ms (a TEE_Wait here is 20 ms), each live waiter to the CPU after its last. */
	do {
		const struct timespec tick = {.tv_nsec = 7 * 1000 * 1000};

		nanosleep(&tick, NULL);
		step++;
		live = 0;
		for (unsigned int i = 0; i < started; i++) {
			if (atomic_load(&m[i].done) || !m[i].tid)
				continue;
			live++;
			pin(m[i].tid, (i + step) % (unsigned int)ncpu);
		}
	} while (live || step < 3);
	for (unsigned int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	if (started < WAITERS)
		return fail("pthread_create failed after %u threads", started);
	for (unsigned int i = 0; i < WAITERS; i++) {
		if (m[i].why[0])
			return fail("%s", m[i].why);
		moved += m[i].moved;
	}
	printf("fpu-migrate: %u of %u TEE_Waits resumed on another CPU, registers kept\n", moved,
	       WAITERS * MIGRATE_ROUNDS);
	/* Without migrations the case shows nothing: it must not pass by not testing. */
	if (moved < WAITERS * MIGRATE_ROUNDS / 4)
		return fail("only %u of %u waits moved CPU", moved, WAITERS * MIGRATE_ROUNDS);
	return true;
}

static bool peek(TEEC_Session *s, struct fpu_regs *r, const char *what)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = r;
	op.params[0].tmpref.size = sizeof(*r);
	return invoke(s, FPU_CMD_PEEK, &op, what);
}

static bool fill(TEEC_Session *s, uint32_t seed, const char *what)
{
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = seed;
	return invoke(s, FPU_CMD_FILL, &op, what);
}

/* A fresh instance: none of seed's values in any register, the reset FPCR. */
static bool fresh(TEEC_Context *ctx, uint32_t seed, const char *what)
{
	struct fpu_regs r;
	unsigned int hits;
	TEEC_Session s;
	bool ok;

	if (!open_session(ctx, &s, &fpu_ta_uuid, what))
		return false;
	ok = peek(&s, &r, what);
	TEEC_CloseSession(&s);
	if (!ok)
		return false;
	hits = fpu_pattern_hits(&r, seed);
	if (hits)
		return fail("%s: %u V registers hold another instance's values", what, hits);
	if (r.fpcr)
		return fail("%s: FPCR %#x, another instance's is %#x", what, r.fpcr,
			    fpu_pattern_fpcr(seed));
	return true;
}

bool case_fpu_isolation(TEEC_Context *ctx)
{
	const uint32_t seed = 0x51;
	struct fpu_regs r;
	TEEC_Session x;
	unsigned int kept;
	bool ok;

	if (!open_session(ctx, &x, &fpu_ta_uuid, "OpenSession(fpu TA)"))
		return false;
	ok = fill(&x, seed, "InvokeCommand(FILL)") &&
	     fresh(ctx, seed, "a second instance while the first lives") &&
	     peek(&x, &r, "InvokeCommand(PEEK) of the first");
	TEEC_CloseSession(&x);
	if (!ok)
		return false;
	/* The instance's own state is kept between its entries (its FPCR is set only by FILL). */
	if (r.fpcr != fpu_pattern_fpcr(seed))
		return fail("the instance's FPCR is %#x at its next entry, it left %#x", r.fpcr,
			    fpu_pattern_fpcr(seed));
	kept = fpu_pattern_hits(&r, seed);
	printf("fpu-isolation: %u of 32 V registers found again at the next entry\n", kept);
	if (!kept)
		return fail("none of the instance's V registers kept to its next entry");
	/* Its memory is reused for the next instance, which must still start clean. */
	return fresh(ctx, seed, "an instance after the first closed");
}

bool case_fpu_nested(TEEC_Context *ctx)
{
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;

	if (!open_session(ctx, &s, &fpu_ta_uuid, "OpenSession(fpu TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 0xa11;
	op.params[0].value.b = 0xb22;
	res = TEEC_InvokeCommand(&s, FPU_CMD_NESTED, &op, &origin);
	TEEC_CloseSession(&s);
	if (res != TEEC_SUCCESS)
		return fail("NESTED: %#x origin %u", res, origin);
	if (op.params[1].value.a || op.params[1].value.b)
		return fail("%u of the caller's registers changed across its call into another "
			    "instance, which found the caller's values in %u of its own",
			    op.params[1].value.a, op.params[1].value.b);
	return true;
}

bool case_fpu_sve_sme(TEEC_Context *ctx)
{
	static const char *const names[FPU_FORBIDDENS] = {
	    [FPU_FORBIDDEN_SVE] = "SVE RDVL",
	    [FPU_FORBIDDEN_SME] = "SME RDSVL",
	};

	return expect_panics(ctx, &fpu_ta_uuid, FPU_CMD_FORBIDDEN, names, FPU_FORBIDDENS,
			     "fpu-sve-sme");
}

/*
 * long fpu_ioctl_kept(const struct fpu_regs *in, struct fpu_regs *out, long fd, unsigned long
 * request, void *arg): ioctl(2) made with V0..V31, FPSR and FPCR loaded from in, stored to out
 * as soon as it returns; returns what the system call returned. Linux keeps a task's FP/SIMD
 * registers across a system call (arm64 ABI: only SVE state beyond them is discarded), so any
 * difference is a register the secure world left changed.
 */
long fpu_ioctl_kept(const struct fpu_regs *in, struct fpu_regs *out, long fd, unsigned long req,
		    void *arg);
__asm__(".text\n"
	".global fpu_ioctl_kept\n"
	".type fpu_ioctl_kept, %function\n"
	"fpu_ioctl_kept:\n"
	"	stp	x19, x30, [sp, #-16]!\n"
	"	mov	x19, x1\n"
	"	ldp	q0, q1, [x0, #0]\n"
	"	ldp	q2, q3, [x0, #32]\n"
	"	ldp	q4, q5, [x0, #64]\n"
	"	ldp	q6, q7, [x0, #96]\n"
	"	ldp	q8, q9, [x0, #128]\n"
	"	ldp	q10, q11, [x0, #160]\n"
	"	ldp	q12, q13, [x0, #192]\n"
	"	ldp	q14, q15, [x0, #224]\n"
	"	ldp	q16, q17, [x0, #256]\n"
	"	ldp	q18, q19, [x0, #288]\n"
	"	ldp	q20, q21, [x0, #320]\n"
	"	ldp	q22, q23, [x0, #352]\n"
	"	ldp	q24, q25, [x0, #384]\n"
	"	ldp	q26, q27, [x0, #416]\n"
	"	ldp	q28, q29, [x0, #448]\n"
	"	ldp	q30, q31, [x0, #480]\n"
	"	ldr	w9, [x0, #512]\n"
	"	msr	fpsr, x9\n"
	"	ldr	w9, [x0, #516]\n"
	"	msr	fpcr, x9\n"
	"	mov	x0, x2\n"
	"	mov	x1, x3\n"
	"	mov	x2, x4\n"
	"	mov	x8, #29\n" /* __NR_ioctl */
	"	svc	#0\n"
	"	stp	q0, q1, [x19, #0]\n"
	"	stp	q2, q3, [x19, #32]\n"
	"	stp	q4, q5, [x19, #64]\n"
	"	stp	q6, q7, [x19, #96]\n"
	"	stp	q8, q9, [x19, #128]\n"
	"	stp	q10, q11, [x19, #160]\n"
	"	stp	q12, q13, [x19, #192]\n"
	"	stp	q14, q15, [x19, #224]\n"
	"	stp	q16, q17, [x19, #256]\n"
	"	stp	q18, q19, [x19, #288]\n"
	"	stp	q20, q21, [x19, #320]\n"
	"	stp	q22, q23, [x19, #352]\n"
	"	stp	q24, q25, [x19, #384]\n"
	"	stp	q26, q27, [x19, #416]\n"
	"	stp	q28, q29, [x19, #448]\n"
	"	stp	q30, q31, [x19, #480]\n"
	"	mrs	x9, fpsr\n"
	"	str	w9, [x19, #512]\n"
	"	mrs	x9, fpcr\n"
	"	str	w9, [x19, #516]\n"
	"	ldp	x19, x30, [sp], #16\n"
	"	ret\n");
_Static_assert(SYS_ioctl == 29, "fpu_ioctl_kept: __NR_ioctl on arm64");

#define NS_ROUNDS 40

/* One TEE_IOC_INVOKE of cmd (p0 VALUE_IN a, b; p1 VALUE_OUT) with the registers loaded. */
static bool invoke_kept(TEEC_Context *ctx, TEEC_Session *s, uint32_t cmd, uint32_t a, uint32_t b,
			uint32_t round)
{
	struct {
		struct tee_ioctl_invoke_arg arg;
		struct tee_ioctl_param params[2];
	} buf;
	struct tee_ioctl_buf_data data = {.buf_ptr = (uintptr_t)&buf, .buf_len = sizeof(buf)};
	struct fpu_regs want, got;
	long r;

	memset(&buf, 0, sizeof(buf));
	buf.arg.func = cmd;
	buf.arg.session = s->session_id;
	buf.arg.num_params = 2;
	buf.params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	buf.params[0].a = a;
	buf.params[0].b = b;
	buf.params[1].attr = cmd == FPU_CMD_FILL ? TEE_IOCTL_PARAM_ATTR_TYPE_NONE
						 : TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT;
	/* A pattern no TA seed gives; FPSR with its cumulative flags (IOC, DZC, OFC) set. */
	fpu_pattern(0x10000 + round, &want);
	want.fpsr = 0x7;
	r = fpu_ioctl_kept(&want, &got, ctx->fd, TEE_IOC_INVOKE, &data);
	if (r < 0)
		return fail("TEE_IOC_INVOKE of command %u: %s", cmd, strerror((int)-r));
	if (buf.arg.ret != TEEC_SUCCESS)
		return fail("command %u: %#x origin %u", cmd, buf.arg.ret, buf.arg.ret_origin);
	if (cmd == FPU_CMD_KEEP_WAIT && buf.params[1].a)
		return fail("round %u: %llu of the TA's registers changed across TEE_Wait", round,
			    (unsigned long long)buf.params[1].a);
	if (cmd == FPU_CMD_GCM && buf.params[1].a)
		return fail("round %u: %llu of the TA's registers changed across TEE_AEUpdate "
			    "(AES-GCM)",
			    round, (unsigned long long)buf.params[1].a);
	if (cmd == FPU_CMD_GCM && buf.params[1].b != 1)
		return fail("round %u: the AES-GCM tag is wrong", round);
	for (unsigned int i = 0; i < 32; i++)
		if (got.v[2 * i] != want.v[2 * i] || got.v[2 * i + 1] != want.v[2 * i + 1])
			return fail(
			    "round %u, command %u: V%u is %016llx%016llx after the call, was "
			    "%016llx%016llx (%s)",
			    round, cmd, i, (unsigned long long)got.v[2 * i + 1],
			    (unsigned long long)got.v[2 * i], (unsigned long long)want.v[2 * i + 1],
			    (unsigned long long)want.v[2 * i],
			    fpu_pattern_hits(&got, a) ? "the TA's values" : "not the TA's");
	if (got.fpcr != want.fpcr || got.fpsr != want.fpsr)
		return fail("round %u, command %u: FPCR %#x FPSR %#x after the call, were %#x %#x",
			    round, cmd, got.fpcr, got.fpsr, want.fpcr, want.fpsr);
	return true;
}

bool case_fpu_ns_kept(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok = true;

	if (!open_session(ctx, &s, &fpu_ta_uuid, "OpenSession(fpu TA)"))
		return false;
	/* FILL overwrites every register of the TA; KEEP_WAIT leaves for Linux in the middle. */
	for (uint32_t r = 0; r < NS_ROUNDS && ok; r++)
		ok = invoke_kept(ctx, &s, r % 2 ? FPU_CMD_KEEP_WAIT : FPU_CMD_FILL, r, 3, r);
	TEEC_CloseSession(&s);
	return ok;
}

#define GCM_ROUNDS 12

/* A's registers (fpu_pattern(seed), loaded by FILL) as its next entry finds them. */
static bool still_filled(TEEC_Session *a, uint32_t seed, uint32_t round)
{
	struct fpu_regs want, got;

	if (!peek(a, &got, "PEEK(A)"))
		return false;
	fpu_pattern(seed, &want);
	for (unsigned int i = 0; i < 32; i++)
		if (got.v[2 * i] != want.v[2 * i] || got.v[2 * i + 1] != want.v[2 * i + 1])
			return fail(
			    "round %u: session A's V%u is %016llx%016llx after B's AES-GCM, "
			    "was %016llx%016llx",
			    round, i, (unsigned long long)got.v[2 * i + 1],
			    (unsigned long long)got.v[2 * i], (unsigned long long)want.v[2 * i + 1],
			    (unsigned long long)want.v[2 * i]);
	if (got.fpcr != want.fpcr)
		return fail("round %u: session A's FPCR is %#x after B's AES-GCM, was %#x", round,
			    got.fpcr, want.fpcr);
	return true;
}

bool case_fpu_gcm(TEEC_Context *ctx)
{
	TEEC_Session a, b;
	bool ok = true;

	if (!open_session(ctx, &a, &fpu_ta_uuid, "OpenSession(fpu TA, A)"))
		return false;
	if (!open_session(ctx, &b, &fpu_ta_uuid, "OpenSession(fpu TA, B)")) {
		TEEC_CloseSession(&a);
		return false;
	}
	/* A fills its registers; B runs GCM with its own and this process's loaded; A looks. */
	for (uint32_t r = 0; r < GCM_ROUNDS && ok; r++) {
		ok = fill(&a, 200 + r, "FILL(A)") &&
		     invoke_kept(ctx, &b, FPU_CMD_GCM, 300 + r, 0, r) &&
		     still_filled(&a, 200 + r, r);
	}
	TEEC_CloseSession(&b);
	TEEC_CloseSession(&a);
	if (ok)
		printf("fpu-gcm: %u rounds: AES-GCM tags right, every register of both TAs and of "
		       "this process kept\n",
		       GCM_ROUNDS);
	return ok;
}
