/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * FP/SIMD for trusted applications (fpu.c). The trusted OS itself is built without FP/SIMD
 * (-mgeneral-regs-only); a TA may use V0..V31, FPSR and FPCR, each instance its own.
 */
#ifndef TEE_FPU_H
#define TEE_FPU_H

#include <stdint.h>

/* A TA instance's FP/SIMD registers while it is not running (fpu_asm.S layout). */
struct ta_fp_state {
	uint64_t v[64]; /* V0..V31, 128 bits each */
	uint32_t fpsr;
	uint32_t fpcr;
	uint64_t pad;
} __attribute__((aligned(16)));

struct thread;

/*
 * A TA's FP/SIMD access trapped (CPACR_EL1.FPEN, ESR_EL1.EC 0x07): give the current thread's
 * running instance its registers (s) and let it go on.
 */
void fpu_claim(struct thread *t, struct ta_fp_state *s);
/*
 * The TA whose registers are live on this thread stops running (its entry ends, it calls another
 * TA, or the thread leaves for the normal world): save them and trap FP/SIMD again.
 */
void fpu_release(struct thread *t);

/*
 * The trusted OS's own SIMD section (fpu.c says what it saves and why): begin with the current
 * thread (NULL before any thread ran on this CPU), then end; no FP/SIMD use by the trusted OS
 * outside one.
 */
void fpu_kernel_begin(struct thread *t);
void fpu_kernel_end(void);

/* fpu_asm.S */
void fpu_save(struct ta_fp_state *s);
void fpu_load(const struct ta_fp_state *s);
/* V0..V31, FPSR and FPCR to zero. */
void fpu_wipe(void);

#endif
