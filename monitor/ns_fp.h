/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The normal world's FP/SIMD state across the secure world (ns_fp.c): the monitor keeps it, saving
 * it only when the secure world first touches a FP/SIMD register during an entry, and putting it
 * back before the normal world runs again.
 */
#ifndef MONITOR_NS_FP_H
#define MONITOR_NS_FP_H

#include <stdint.h>

#include <arch/fp_regs.h>

struct el3_ns_config;

/* Once, before the trusted OS first runs: the normal world's and the secure world's CPTR_EL3. */
void ns_fp_init(const struct el3_ns_config *c);
/* Before every entry into the secure world: FP/SIMD trapped to EL3, SVE and SME disabled. */
void ns_fp_enter_secure(void);
/* A FP/SIMD access trap from the secure world (ESR_EL3.EC 0x07): save, clear, let it run. */
void ns_fp_secure_trap(void);
/* After every entry into the secure world, before the normal world runs: its state back. */
void ns_fp_leave_secure(void);

/* ns_fp.S */
struct ns_fp_regs;
void ns_fp_save_simd(struct ns_fp_regs *r);
void ns_fp_save_sve(struct ns_fp_regs *r, int with_ffr);
void ns_fp_load_simd(const struct ns_fp_regs *r);
void ns_fp_load_sve(const struct ns_fp_regs *r, int with_ffr);
void ns_fp_zero(int sve);
uint64_t ns_fp_read_svcr(void);
void ns_fp_streaming(int on);

#endif
