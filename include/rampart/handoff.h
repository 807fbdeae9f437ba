/* SPDX-License-Identifier: BSD-2-Clause */
/* What the boot stage tells the resident monitor when it starts it (x0 points at this). */
#ifndef RAMPART_HANDOFF_H
#define RAMPART_HANDOFF_H

#include <stdint.h>

#define BOOT_RNG_SEED_MAX 64
#define BOOT_HANDOFF_MAGIC 0x46464f444e414852UL /* "RHANDOFF" */

struct boot_handoff {
	uint64_t magic;
	uint64_t ns_entry;  /* first instruction of the normal-world payload (EL2) */
	uint64_t ns_arg0;   /* x0 at that entry: the device tree's address */
	/* x1 at that entry: 0 for Linux (booting.rst); the hypervisor's stack canary for it. */
	uint64_t ns_arg1;
	uint64_t dram_base; /* normal-world RAM, for checking PSCI entry points */
	uint64_t dram_size;
	uint64_t tee_entry; /* cold entry of the trusted OS, 0 if the package has none */
	/*
	 * Stack canaries derived from the board's seed for the monitor and the trusted OS, for
	 * CPUs without RNDR (lib/include/stack_guard.h). The monitor wipes them once used.
	 */
	uint64_t stack_guard_monitor;
	uint64_t stack_guard_tee;
	/* The trusted OS's pointer-authentication key (APIAKey) for CPUs without RNDR. */
	uint64_t pac_key_tee[2];
	/* The monitor's own APIAKey, for CPUs without RNDR; wiped by the monitor once read. */
	uint64_t pac_key_monitor[2];
	/*
	 * The board's secret seed for the trusted OS's DRBG (QEMU: /secure-chosen/rng-seed). The
	 * monitor hands it on (tee_monitor.h) and wipes this copy.
	 */
	uint32_t rng_seed_len;
	uint8_t rng_seed[BOOT_RNG_SEED_MAX];
};

#endif
