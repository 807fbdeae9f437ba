/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The firmware's spinlock (arch/aarch64/include/arch/spinlock.h) for host unit tests: the same
 * acquire/release semantics on the host's atomics, so code under test can race on host threads.
 */
#ifndef ARCH_SPINLOCK_H
#define ARCH_SPINLOCK_H

#include <stdint.h>

struct spinlock {
	volatile uint32_t locked;
};

static inline void spin_lock(struct spinlock *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		;
}

static inline void spin_unlock(struct spinlock *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#endif
