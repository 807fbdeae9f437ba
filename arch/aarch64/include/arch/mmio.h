/* SPDX-License-Identifier: BSD-2-Clause */
/* Device register access: single-copy atomic loads and stores that the compiler cannot merge. */
#ifndef ARCH_MMIO_H
#define ARCH_MMIO_H

#include <stdint.h>

static inline void mmio_write32(uintptr_t addr, uint32_t val)
{
	*(volatile uint32_t *)addr = val;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write64(uintptr_t addr, uint64_t val)
{
	*(volatile uint64_t *)addr = val;
}

static inline uint64_t mmio_read64(uintptr_t addr)
{
	return *(volatile uint64_t *)addr;
}

static inline void mmio_write16(uintptr_t addr, uint16_t val)
{
	*(volatile uint16_t *)addr = val;
}

static inline void mmio_write8(uintptr_t addr, uint8_t val)
{
	*(volatile uint8_t *)addr = val;
}

static inline uint8_t mmio_read8(uintptr_t addr)
{
	return *(volatile uint8_t *)addr;
}

#endif
