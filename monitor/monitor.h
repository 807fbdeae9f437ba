/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef MONITOR_MONITOR_H
#define MONITOR_MONITOR_H

#include <stddef.h>
#include <stdint.h>

/* The caller's x0-x30 and return state, as saved by the vector entry (entry.S). */
struct smc_frame {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t pad;
};

extern const struct gicv3 monitor_gic;

uint64_t monitor_stack_top(void);
void monitor_smc_dispatch(struct smc_frame *f);
/* Per-CPU speculation mitigations that stay on for good (smc.c, from smccc_arch.c). */
void monitor_cpu_errata_init(void);

/* Trusted OS dispatcher (tee_dispatch.c). */
void tee_boot(uint64_t image_entry, uint64_t ns_base, uint64_t ns_size, const uint8_t *seed,
	      size_t seed_len, uint64_t stack_guard, const uint64_t pac_key[2]);
void tee_cpu_on(void);
int tee_present(void);
void tee_forward(uint32_t fid, struct smc_frame *f);
void tee_secure_smc(struct smc_frame *f);

/* PSCI, hardware side (psci.c). */
void psci_init(uint64_t ns_mem_base, uint64_t ns_mem_size);
void psci_handle(uint32_t fid, struct smc_frame *f);
/* A secondary CPU arrived from the pen: wait for CPU_ON, then enter the normal world. */
void psci_park(unsigned int index) __attribute__((noreturn));

#endif
