/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Memory tagging (Arm MTE) as TAs written for OP-TEE query it through <memtag.h>. Rampart does
 * not enable MTE for TAs (the trusted OS never sets SCTLR_EL1.ATA0 or TCF0), so no pointer
 * carries a tag:
 * tagging reports itself disabled, tags read as 0, and adding or stripping one changes nothing.
 */
#ifndef TA_MEMTAG_H
#define TA_MEMTAG_H

#include <stdbool.h>
#include <stdint.h>

static inline bool memtag_is_enabled(void)
{
	return false;
}

static inline uint8_t memtag_get_tag(const volatile void *addr)
{
	(void)addr;
	return 0;
}

static inline void *memtag_insert_tag(volatile void *addr, uint8_t tag)
{
	(void)tag;
	return (void *)addr;
}

static inline void *memtag_strip_tag(const volatile void *addr)
{
	return (void *)addr;
}

static inline uintptr_t memtag_strip_tag_vaddr(const volatile void *addr)
{
	return (uintptr_t)addr;
}

#endif
