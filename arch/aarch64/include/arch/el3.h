/* SPDX-License-Identifier: BSD-2-Clause */
/* Per-CPU EL3 set-up and the exit to the normal world, shared by the boot stage and monitor. */
#ifndef ARCH_EL3_H
#define ARCH_EL3_H

#include <stdint.h>

#include <arch/cpu_features.h>

/* Traps off, counter frequency, coherency: what every CPU needs before anything else. */
void el3_cpu_init(uint64_t timer_freq_hz);
/* This CPU's ID registers, and the normal world's controls that follow from them. */
void el3_read_id_regs(struct cpu_id_regs *id);
void el3_ns_config(struct el3_ns_config *c);
/*
 * Enter the normal world at EL2h with MMU off and interrupts masked, x0 = arg0, x1 = arg1 (0
 * for Linux), all other general registers zero (arm64 booting protocol; PSCI CPU_ON entry, DEN 0022 6.4).
 * stack_top resets this CPU's EL3 stack for the next SMC. apia_key: the APIA key the normal
 * world gets (loaded after the last signed function ran at EL3), NULL to leave it as it is.
 */
void el3_enter_ns_el2(uint64_t entry, uint64_t arg0, uint64_t arg1, uint64_t stack_top,
		      const uint64_t *apia_key) __attribute__((noreturn));
/* Low-level MMU switch that needs no stack (warm boot path). */
void el3_mmu_enable_raw(uint64_t mair, uint64_t tcr, uint64_t ttbr, uint64_t sctlr);

#endif
