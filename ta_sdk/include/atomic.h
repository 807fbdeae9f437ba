/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The 32-bit atomic counters TAs written for OP-TEE take from <atomic.h> (several sessions of a
 * multi-session TA, or a client and a TA, may share the counter). Sequentially consistent;
 * the dev kit builds with -mno-outline-atomics, so these are inline exclusive loads/stores.
 */
#ifndef TA_ATOMIC_H
#define TA_ATOMIC_H

#include <stdint.h>

/* The new value. */
static inline uint32_t atomic_inc32(volatile uint32_t *v)
{
	return __atomic_add_fetch(v, 1, __ATOMIC_SEQ_CST);
}

static inline uint32_t atomic_dec32(volatile uint32_t *v)
{
	return __atomic_sub_fetch(v, 1, __ATOMIC_SEQ_CST);
}

#endif
