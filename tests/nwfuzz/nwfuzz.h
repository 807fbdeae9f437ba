/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nwfuzz: a normal-world program booted in place of Linux that sends the secure world every
 * fast call, yielding calls with hostile messages and RPC answers, and cross-CPU RPC returns,
 * then reports on the normal console and powers off (docs/fuzzing.md).
 */
#ifndef NWFUZZ_H
#define NWFUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "nwfuzz_layout.h"

/* The board (QEMU virt, plat/qemu_virt): what the addresses the fuzzer aims at are. */
#define UART0_BASE	0x09000000UL
#define SECURE_RAM_BASE 0x0e000000UL
#define SECURE_RAM_SIZE 0x01000000UL
#define TOS_BASE	0x0e100000UL
#define RAM_BASE	0x40000000UL
/* Scratch normal-world RAM the secure world may write: far from this program and its tree. */
#define SCRATCH_BASE 0x60000000UL
#define SCRATCH_SIZE 0x00400000UL

/* The OP-TEE RPC codes a yielding call may return with (shared/reference ABI, "RPC"). */
#define RPC_PREFIX	 0xffff0000U
#define RPC_ALLOC	 0xffff0000U
#define RPC_FREE	 0xffff0002U
#define RPC_FOREIGN_INTR 0xffff0004U
#define RPC_CMD		 0xffff0005U

/* x0..x7 in and out of one SMC (SMCCC 1.2: x0-x17 may carry results; x8-x17 are clobbered). */
void smc(uint64_t a[8]);

void uart_puts(const char *s);
void uart_put_dec(uint64_t v);
void uart_put_hex(uint64_t v);

/* /chosen/bootargs of the flattened device tree, or NULL. */
const char *dt_bootargs(const void *fdt);
/* The number after key (e.g. "nwfuzz.count=") in args, decimal or 0x hex; def if absent. */
uint64_t arg_u64(const char *args, const char *key, uint64_t def);

/* One CPU's state: its random stream and what it counted. */
struct cpu {
	unsigned int index;
	uint64_t rng;
	uint64_t calls;	    /* SMCs that returned */
	uint64_t fast;	    /* fast calls */
	uint64_t yielding;  /* yielding calls started */
	uint64_t rpcs;	    /* RPCs answered */
	uint64_t resumes;   /* RETURN_FROM_RPC with a foreign or made-up thread id */
	uint64_t abandoned; /* calls left in an RPC after the answer bound */
	uint64_t rpc_buf;   /* the last RPC ALLOC answer this CPU gave */
	volatile int done;
};

extern struct cpu cpus[NWFUZZ_MAX_CPUS];

uint64_t rnd(struct cpu *c);
/* A random value from the boundary table, or random bits. */
uint64_t rnd_arg(struct cpu *c);
/* An address the secure world must refuse or treat carefully (never this program's own). */
uint64_t rnd_addr(struct cpu *c);

/* One SMC, counted; the result in a. */
void call(struct cpu *c, uint64_t a[8]);
/* Every fast call of every owner (skipping those that stop or move CPUs), once. */
void fast_sweep(struct cpu *c);
/* One random fast call with boundary arguments. */
void fast_random(struct cpu *c);
/* Capabilities, as optee.ko probes them; 0 when the secure world offers dynamic shm. */
int exchange_capabilities(struct cpu *c);
/* One yielding call with a hostile message, its RPCs answered with garbage. */
void yield_random(struct cpu *c);
/* RETURN_FROM_RPC with another CPU's, a stale or a made-up thread id. */
void resume_random(struct cpu *c);
/* An open-session to a TA nobody has: RPC ALLOC, LOAD_TA, FREE; as many RPCs as a call makes. */
void yield_rpc_heavy(struct cpu *c);
/*
 * RETURN_FROM_RPC for every thread id in a row: while other CPUs' calls go in and out of RPCs,
 * some land between a thread's suspension and the save of its context.
 */
void resume_storm(struct cpu *c);
/* Every thread left in an RPC resumed and driven to its end: the secure world left tidy. */
void yield_cleanup(struct cpu *c);

/* nwfuzz.peer=<address>: attacks on memory and sessions not this normal world's (attack.c). */
void attack_peer(struct cpu *c, uint64_t peer);

/*
 * The hypervisor's own calls, made by nwfuzz as a VM of the virt variant (docs/fuzzing.md):
 * nwfuzz.vmctl=control|other (vmctl.c) and nwfuzz.suspend=1 (suspend.c), instead of the fuzzing.
 */
/* One HVC or SMC with x0-x17 in and out (call18.S). */
void hvc18(uint64_t x[18]);
void smc18(uint64_t x[18]);
/* One line per check: "nwfuzz: <what>: ok" or "nwfuzz: FAIL: <what>: <why> (<value>)". */
void check_line(int ok, const char *what, const char *why, uint64_t value);
extern unsigned int checks_ok, checks_failed;
uint64_t vcounter(void);
uint64_t vcounter_freq(void);
/* The virtual timer's interrupt enabled in this vCPU's redistributor and CPU interface. */
void gic_timer_init(void);
/* Sleep ms milliseconds in PSCI CPU_SUSPEND (standby) with the virtual timer armed. */
void nap_ms(uint64_t ms);
/* Checks as the control VM (control != 0) or as another VM; then returns. */
void vmctl_checks(int control);
/* CPU_SUSPEND checks; ends the run (the last one resumes at a new entry point). */
void suspend_checks(void) __attribute__((noreturn));
/* nwfuzz.sme=: ZA and the streaming Z registers checked across vCPU switches (sme.c). */
void sme_run(unsigned int cpu, uint64_t seconds);
void sme_report(void);
/* The summary line, then PSCI SYSTEM_OFF. */
void hyp_checks_done(void) __attribute__((noreturn));

#endif
