/* SPDX-License-Identifier: BSD-2-Clause */
/* Data cache maintenance by VA to the Point of Coherency (Arm ARM D7.5.9). */
#ifndef ARCH_CACHE_H
#define ARCH_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* Write dirty lines back so a non-coherent observer (DMA, an MMU-off CPU) sees the data. */
void dcache_clean_range(uintptr_t start, size_t size);
/* Write back and drop lines, e.g. before a region is handed to code running with caches off. */
void dcache_clean_inval_range(uintptr_t start, size_t size);
/* Drop lines without write-back, so the CPU re-reads what a device wrote. */
void dcache_inval_range(uintptr_t start, size_t size);

#endif
