/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Spinlock on load-acquire/store-release exclusives (Arm ARM B2.9). Needs the MMU on: exclusives
 * are only architecturally defined on Normal memory that the global monitor covers.
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <stdint.h>

struct spinlock {
	volatile uint32_t locked;
};

static inline void spin_lock(struct spinlock *lock)
{
	uint32_t tmp, one = 1;

	__asm__ volatile("	sevl\n"
			 "1:	wfe\n"
			 "2:	ldaxr	%w0, [%1]\n"
			 "	cbnz	%w0, 1b\n"
			 "	stxr	%w0, %w2, [%1]\n"
			 "	cbnz	%w0, 2b\n"
			 : "=&r"(tmp)
			 : "r"(&lock->locked), "r"(one)
			 : "memory");
}

static inline void spin_unlock(struct spinlock *lock)
{
	/* The store-release clears this CPU's exclusive monitor state in the others: they wake. */
	__asm__ volatile("stlr wzr, [%0]" : : "r"(&lock->locked) : "memory");
}

#endif
