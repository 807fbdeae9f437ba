// SPDX-License-Identifier: BSD-2-Clause
/* Thread pool, yielding-call entry, suspension for RPCs and cancellation (see thread.h). */
#include <arch/spinlock.h>
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "fpu.h"
#include "guest.h"
#include "msg.h"
#include "rpc.h"
#include "shm.h"
#include "stacks.h"
#include "tee.h"
#include "thread.h"

_Static_assert(THREAD_SUSPENDED == 2, "thread_asm.S publishes THREAD_SUSPENDED as 2");

static struct thread threads[THREAD_COUNT];
static struct spinlock thread_lock;
static uint64_t kernel_ttbr0;
static uint64_t stale_table_entries;

void thread_init(uint64_t ttbr0)
{
	kernel_ttbr0 = ttbr0;
	for (uint32_t i = 0; i < THREAD_COUNT; i++) {
		threads[i].id = i;
		threads[i].stack = tee_thread_stack(i);
	}
}

uint64_t thread_client(void)
{
	struct thread *t = thread_current();

	return t ? t->client_id : 0; /* no thread (boot, fast calls): the trusted OS's own */
}

uint64_t thread_kernel_ttbr0(void)
{
	return kernel_ttbr0;
}

struct thread *thread_current(void)
{
	return (struct thread *)read_sysreg(tpidr_el1);
}

void thread_set_ttbr0(uint64_t ttbr0)
{
	struct thread *t = thread_current();

	t->ttbr0 = ttbr0;
	write_sysreg(ttbr0_el1, ttbr0);
	isb();
}

static void make_current(struct thread *t)
{
	write_sysreg(tpidr_el1, (uint64_t)t);
	write_sysreg(ttbr0_el1, t->ttbr0);
	isb();
}

/*
 * A registered buffer for the parameters of the call on this thread: the reference is the
 * call's until it ends, so UNREGISTER_SHM is refused and the registration's pages stay what
 * they were for every memref that points into it, however long the call is suspended.
 */
const struct shm *shm_find(uint64_t cookie)
{
	struct thread *t = thread_current();
	struct shm *s;

	if (t->held_shm_count >= THREAD_HELD_SHM) {
		log_error("a call refers to more than %d registered buffers", THREAD_HELD_SHM);
		return NULL;
	}
	s = shm_get(cookie);
	if (s)
		t->held_shm[t->held_shm_count++] = s;
	return s;
}

static void release_held_shm(struct thread *t)
{
	while (t->held_shm_count)
		shm_put(t->held_shm[--t->held_shm_count]);
}

/* A new yielding call: runs on its thread until the result is in the message. */
static void __attribute__((noreturn)) thread_main(struct thread *t)
{
	uint64_t a0;

	a0 = msg_handle_call(t);
	fpu_release(t);
	release_held_shm(t);
	rpc_release_arg(t);
	thread_set_ttbr0(kernel_ttbr0);
	guest_uncharge(t->client_id, GUEST_THREADS);
	thread_exit(&t->state, a0);
}

static struct thread *claim_free_thread(void)
{
	struct thread *t = NULL;

	spin_lock(&thread_lock);
	for (int i = 0; i < THREAD_COUNT && !t; i++)
		if (threads[i].state == THREAD_FREE)
			t = &threads[i];
	if (t)
		t->state = THREAD_ACTIVE;
	spin_unlock(&thread_lock);
	return t;
}

/* A claimed thread made ready for a call of that client. */
static void thread_prepare(struct thread *t, uint64_t client)
{
	t->client_id = client;
	t->lent = 0;
	t->rpc_arg_pa = 0;
	t->rpc_arg_cookie = 0;
	t->session = 0;
	t->cancel_id = 0;
	t->cancelled = 0;
	t->call = NULL;
	t->fp_live = NULL;
	t->held_shm_count = 0;
	t->ttbr0 = kernel_ttbr0;
}

static void __attribute__((noreturn)) start_call(uint64_t args[8])
{
	struct thread *t;

	/*
	 * A guest's share of the threads (guest.h) keeps one VM from taking them all: Linux's
	 * driver waits for one of its own calls to end on ETHREAD_LIMIT, so a VM with nothing
	 * running would wait for ever.
	 */
	switch (guest_charge(args[7], GUEST_THREADS, THREAD_COUNT)) {
	case -2:
		log_info("call from client %#lx refused: no such guest", args[7]);
		thread_exit(&(uint32_t){0}, OPTEE_SMC_RETURN_ENOTAVAIL);
	case -1:
		thread_exit(&(uint32_t){0}, OPTEE_SMC_RETURN_ETHREAD_LIMIT);
	}
	t = claim_free_thread();
	/* All threads busy: the driver waits for a call to finish and retries. */
	if (!t) {
		guest_uncharge(args[7], GUEST_THREADS);
		thread_exit(&(uint32_t){0}, OPTEE_SMC_RETURN_ETHREAD_LIMIT);
	}
	memcpy(t->args, args, sizeof(t->args));
	thread_prepare(t, args[7]);
	make_current(t);
	thread_start(t->stack + THREAD_STACK_SIZE, thread_main, t);
}

int thread_run_for_client(uint64_t client, void (*fn)(uint64_t client))
{
	struct thread *t = claim_free_thread();
	uint64_t entry_tpidr = read_sysreg(tpidr_el1);

	if (!t)
		return -1;
	memset(t->args, 0, sizeof(t->args));
	thread_prepare(t, client);
	t->lent = 1;
	make_current(t);
	fn(client);
	fpu_release(t);
	release_held_shm(t);
	write_sysreg(ttbr0_el1, kernel_ttbr0);
	write_sysreg(tpidr_el1, entry_tpidr);
	isb();
	__atomic_store_n(&t->state, THREAD_FREE, __ATOMIC_RELEASE);
	return 0;
}

/*
 * RETURN_FROM_RPC: a3 names the thread. Only a thread whose context is complete (published as
 * THREAD_SUSPENDED by thread_switch_out, read here with acquire semantics under the lock) and
 * that the same client (a7, SMCCC client ID) suspended is resumed; anything else gets ERESUME,
 * as the OP-TEE SMC ABI says for "the thread is not in a state to be resumed".
 */
static void __attribute__((noreturn)) resume_call(uint64_t args[8])
{
	uint64_t id = args[3];
	struct thread *t = NULL;
	const char *why;

	spin_lock(&thread_lock);
	/* The state is read with acquire semantics: it pairs with thread_switch_out's release. */
	why = thread_resume_refusal(
		id, THREAD_COUNT,
		id < THREAD_COUNT ? __atomic_load_n(&threads[id].state, __ATOMIC_ACQUIRE) : 0,
		id < THREAD_COUNT ? threads[id].client_id : 0, args[7]);
	if (!why) {
		t = &threads[id];
		t->state = THREAD_ACTIVE;
	}
	spin_unlock(&thread_lock);
	if (!t) {
		log_info("return from RPC for thread %lu refused: %s", id, why);
		thread_exit(&(uint32_t){0}, OPTEE_SMC_RETURN_ERESUME);
	}
	make_current(t);
	thread_switch_in(&t->ctx, args);
}

/*
 * Every exit to the normal world leaves the kernel's translation tables in TTBR0_EL1 (thread_rpc),
 * so an entry finds them there; count any entry that does not, and put the kernel's back. A TA's
 * tables left in a CPU can be freed and reused by another CPU (the instance ends there) before
 * this CPU enters again, and then the entry cannot even fetch its first instruction.
 */
void thread_entry_tables_check(void)
{
	uint64_t ttbr0 = read_sysreg(ttbr0_el1);

	if (ttbr0 == kernel_ttbr0)
		return;
	__atomic_add_fetch(&stale_table_entries, 1, __ATOMIC_RELAXED);
	log_error("secure entry with TTBR0 %#lx, not the kernel's: a TA's tables were left behind",
		  ttbr0);
	write_sysreg(ttbr0_el1, kernel_ttbr0);
	isb();
}

uint64_t thread_stale_table_entries(void)
{
	return __atomic_load_n(&stale_table_entries, __ATOMIC_RELAXED);
}

void thread_yield_entry(uint64_t args[8])
{
	thread_entry_tables_check();
	switch ((uint32_t)args[0]) {
	case OPTEE_SMC_CALL_WITH_ARG:
		start_call(args);
	case OPTEE_SMC_CALL_RETURN_FROM_RPC:
		resume_call(args);
	default:
		thread_exit(&(uint32_t){0}, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION);
	}
}

void thread_rpc(uint64_t a[8])
{
	struct thread *t = thread_current();

	/*
	 * A thread lent to free a destroyed guest's state, or a call of a guest being destroyed,
	 * has no normal world to ask: every request fails as an RPC ALLOC that got no buffer does
	 * (a1..a7 zero), and the call runs to its end. Only a foreign interrupt still goes out.
	 */
	if (t->lent || (a[0] != OPTEE_SMC_RPC_FOREIGN_INTR && !guest_known(t->client_id))) {
		memset(&a[1], 0, 7 * sizeof(a[0]));
		return;
	}
	a[3] = t->id;
	/* A TA's FP/SIMD registers go with the thread, not the CPU: it may resume elsewhere. */
	fpu_release(t);
	/*
	 * So do its translation tables: this CPU leaves with the kernel's. The TA's instance may
	 * end on another CPU while this one is in the normal world, and its tables be freed and
	 * reused; the next entry here runs on whatever TTBR0_EL1 it finds (thread_entry_tables_check).
	 * make_current puts t->ttbr0 back on the CPU that resumes the thread.
	 */
	write_sysreg(ttbr0_el1, kernel_ttbr0);
	isb();
	/* thread_switch_out marks the thread suspended once its context is saved, not before. */
	thread_switch_out(&t->ctx, a, &t->state);
}

/*
 * Only a call that has named its session (an invoke: t->session is 0 before, and no session
 * has ID 0) can match, and only one the same client made (a7, the SMCCC client ID, as
 * resume_call checks): were several guests' calls passed on, each with its own ID, one guest's
 * CANCEL must not reach another's calls.
 */
void thread_cancel(uint32_t session, uint32_t cancel_id)
{
	struct thread *me = thread_current();

	spin_lock(&thread_lock);
	for (int i = 0; i < THREAD_COUNT; i++) {
		struct thread *t = &threads[i];

		if (t != me && t->state != THREAD_FREE && t->session != 0 &&
		    t->session == session && t->cancel_id == cancel_id &&
		    t->client_id == me->client_id)
			t->cancelled = 1;
	}
	spin_unlock(&thread_lock);
}
