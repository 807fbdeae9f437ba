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

/*
 * Waits (WFE wake-ups) after which a lock still not free is reported once by
 * spin_lock_stalled: every lock here is held for microseconds, so this many waits (seconds on
 * any CPU or emulator that wakes WFE at least every microsecond) means a lock that is never
 * released, a deadlock that would otherwise stop the CPU without a word. The wait goes on.
 */
#define SPIN_LOCK_STALL_WAITS (1UL << 26)

/*
 * Each image's report of a lock that seems never to be released: lock's address and where the
 * waiting spin_lock is (both resolve with the image's ELF file). It must not take a lock.
 */
void spin_lock_stalled(struct spinlock *lock, uintptr_t where);

/* 0 once the lock is taken; 1 if it is still held after budget waits. */
static inline int spin_lock_wait(struct spinlock *lock, uint64_t budget)
{
	uint32_t tmp, one = 1;

	__asm__ volatile("	sevl\n"
			 "1:	wfe\n"
			 "	subs	%x1, %x1, #1\n"
			 "	b.eq	3f\n"
			 "2:	ldaxr	%w0, [%2]\n"
			 "	cbnz	%w0, 1b\n"
			 "	stxr	%w0, %w3, [%2]\n"
			 "	cbnz	%w0, 2b\n"
			 "	b	4f\n"
			 "3:	mov	%w0, #1\n"
			 "4:\n"
			 : "=&r"(tmp), "+r"(budget)
			 : "r"(&lock->locked), "r"(one)
			 : "memory", "cc");
	return (int)tmp;
}

static inline void spin_lock(struct spinlock *lock)
{
	if (__builtin_expect(spin_lock_wait(lock, SPIN_LOCK_STALL_WAITS), 0)) {
		uintptr_t where;

		__asm__ volatile("adr %0, ." : "=r"(where));
		spin_lock_stalled(lock, where);
		while (spin_lock_wait(lock, SPIN_LOCK_STALL_WAITS))
			;
	}
}

static inline void spin_unlock(struct spinlock *lock)
{
	/* The store-release clears this CPU's exclusive monitor state in the others: they wake. */
	__asm__ volatile("stlr wzr, [%0]" : : "r"(&lock->locked) : "memory");
}

#endif
