/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The firmware's spinlock for single-threaded host tests: it checks the locking discipline
 * instead of spinning (a second lock or an unlock of a free lock aborts the test).
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <stdint.h>
#include <stdlib.h>

struct spinlock {
	volatile uint32_t locked;
};

static inline void spin_lock(struct spinlock *lock)
{
	if (lock->locked)
		abort();
	lock->locked = 1;
}

static inline void spin_unlock(struct spinlock *lock)
{
	if (!lock->locked)
		abort();
	lock->locked = 0;
}

#endif
