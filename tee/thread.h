/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Trusted OS threads. Each yielding call (CALL_WITH_ARG) runs on a thread with its own stack, so
 * it can be suspended when it needs the normal world (an RPC: allocate shared memory, ask
 * tee-supplicant, let Linux take an interrupt) and resumed by CALL_RETURN_FROM_RPC on any CPU,
 * the thread's index travelling in a3 (optee-smc-abi.md, "RPC").
 */
#ifndef TEE_THREAD_H
#define TEE_THREAD_H

#include <stdint.h>

#include "thread_state.h"

#define THREAD_COUNT 8
#define THREAD_STACK_SIZE 0x4000

/* Callee-saved state of a suspended thread (thread_asm.S): x19..x30, sp, results pointer. */
struct thread_ctx {
	uint64_t x19_x30[12];
	uint64_t sp;
	uint64_t *regs;
};

struct ta_call;
struct ta_fp_state;
struct shm;

/* A message has at most 4 client parameters (TEE_NUM_PARAMS), so at most 4 registrations. */
#define THREAD_HELD_SHM 4

struct thread {
	volatile uint32_t state;
	uint32_t id;
	struct thread_ctx ctx;
	uint64_t ttbr0;	/* the address space the thread runs in (a TA's, or the kernel's) */
	uint64_t args[8];	/* the yielding call's a0..a7 */
	uint64_t client_id;	/* a7 of the call (SMCCC client ID): only it may resume the thread */
	int lent;		/* lent by thread_run_for_client: no RPC, no normal world */
	/* RPC argument buffer in normal-world memory, allocated on first use in a call. */
	uint64_t rpc_arg_pa;
	uint64_t rpc_arg_cookie;
	/*
	 * What cancellation needs: the session and cancel ID of the client's call running here,
	 * and whether a CANCEL message named it (cancel.c decides what a TA sees of it).
	 */
	uint32_t session;
	uint32_t cancel_id;
	volatile int cancelled;
	struct ta_call *call; /* innermost TA entry running on this thread */
	/* The FP/SIMD registers live in the hardware (fpu.c): whose they are, or NULL. */
	struct ta_fp_state *fp_live;
	/* Registered buffers the call's parameters refer to, held until it ends (shm_find). */
	struct shm *held_shm[THREAD_HELD_SHM];
	uint32_t held_shm_count;
	uint8_t *stack;
};


/* The per-CPU entry for yielding calls (never returns: the call ends with an SMC). */
void thread_yield_entry(uint64_t args[8]) __attribute__((noreturn));
struct thread *thread_current(void);
/* The SMCCC client ID (guest.h) of the call running on this thread. */
uint64_t thread_client(void);
/*
 * Run fn(client) now, on the calling CPU's stack, as that client's call on a free thread (-1
 * when none is free), for work that must see the client's view of the tables (guest.c frees a
 * destroyed guest's state so). The thread makes no RPC: each request fails at once.
 */
int thread_run_for_client(uint64_t client, void (*fn)(uint64_t client));

/*
 * Suspend the current thread with an RPC: a[0] = the RPC code, a[1], a[2], a[4], a[5] its
 * arguments (a[3] is the thread index). On return a[0..7] hold what the normal world passed to
 * CALL_RETURN_FROM_RPC.
 */
void thread_rpc(uint64_t a[8]);
/*
 * CANCEL message: flag the client's call with that session and cancel ID, wherever it runs,
 * if the same normal-world client (SMCCC client ID) made it; anything else is left alone.
 */
void thread_cancel(uint32_t session, uint32_t cancel_id);
/* Switch the current thread to an address space (TTBR0 value with ASID). */
void thread_set_ttbr0(uint64_t ttbr0);
uint64_t thread_kernel_ttbr0(void);
/* At every entry: the kernel's tables in TTBR0_EL1; an entry that finds others is counted. */
void thread_entry_tables_check(void);
/* Entries since boot that found a TA's translation tables still in TTBR0_EL1 (should be 0). */
uint64_t thread_stale_table_entries(void);
void thread_init(uint64_t kernel_ttbr0);

/* thread_asm.S */
void thread_start(uint8_t *stack_top, void (*fn)(struct thread *), struct thread *t)
	__attribute__((noreturn));
void thread_switch_out(struct thread_ctx *ctx, uint64_t regs[8], volatile uint32_t *state);
void thread_switch_in(struct thread_ctx *ctx, const uint64_t regs[8]) __attribute__((noreturn));
void thread_exit(volatile uint32_t *state, uint64_t a0) __attribute__((noreturn));

#endif
