/* SPDX-License-Identifier: BSD-2-Clause */
/* A vCPU's general-purpose registers as the exception vectors save them (entry.S). */
#ifndef HYP_GUEST_REGS_H
#define HYP_GUEST_REGS_H

#define GUEST_REGS_ELR	248
#define GUEST_REGS_SPSR 256
#define GUEST_REGS_APIA 264 /* the guest's APIA key while the hypervisor runs (pauth.h) */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct guest_regs {
	uint64_t x[31];
	uint64_t elr;
	uint64_t spsr;
	uint64_t apia_key[2];
};

_Static_assert(__builtin_offsetof(struct guest_regs, elr) == GUEST_REGS_ELR, "entry.S layout");
_Static_assert(__builtin_offsetof(struct guest_regs, spsr) == GUEST_REGS_SPSR, "entry.S layout");
_Static_assert(__builtin_offsetof(struct guest_regs, apia_key) == GUEST_REGS_APIA,
	       "entry.S layout");
#endif

/* Exception kinds the vectors pass to hyp_trap. */
#define TRAP_SYNC   0
#define TRAP_IRQ    1
#define TRAP_FIQ    2
#define TRAP_SERROR 3

#endif
