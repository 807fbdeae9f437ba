/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The hypervisor's own EL2 address space (docs/hypervisor.md "EL2 memory"): W^X, and no guest
 * RAM. The image is mapped by section (code read-only and executable, read-only data, data and
 * stacks read/write and execute-never), the devices as Device memory, and nothing else. Guest RAM
 * is reached only through a window one CPU opens for the time of a copy (loading a kernel,
 * writing a device tree): read/write, execute-never, in that CPU's translation only.
 * SCTLR_EL2.WXN makes any writable mapping execute-never in hardware as well.
 */
#ifndef HYP_EL2_MAP_H
#define HYP_EL2_MAP_H

#include <stdint.h>

/* Build the tables (CPU 0, once, before any el2_mmu_on). */
void el2_map_init(void);
/*
 * Turn this CPU's EL2 MMU on with the hypervisor's tables. Called before return-address signing
 * is on (it changes TCR_EL2 between its own PACIASP and AUTIASP): hyp_main, entry.S.
 */
void el2_mmu_on(void);
/*
 * Map [base, base + size) (rounded out to pages) read/write, execute-never, on this CPU until
 * el2_window_close; one window at a time in the whole hypervisor (the caller blocks until it is
 * free). A range touching the hypervisor's image or the devices is refused: hyp_panic.
 */
void el2_window_open(uint64_t base, uint64_t size);
void el2_window_close(void);
/*
 * Ask the MMU (AT S1E2R/W) on this CPU that the code and read-only data are not writable, data
 * is, WXN is on, and no VM's RAM is mapped; hyp_panic otherwise. Before any guest runs.
 */
void el2_map_check(void);

#endif
