/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The memory a device tree describes, checked against the board (Devicetree Specification
 * v0.4, 3.4 "/memory node"; Linux reads every available node at the root whose device_type is
 * "memory": "reg" and, when present, "linux,usable-memory"). Pure (libfdt only): unit tested and
 * fuzzed.
 */
#ifndef BOOT_DT_MEMORY_H
#define BOOT_DT_MEMORY_H

#include <rampart/mem_range.h>
#include <stddef.h>

/*
 * fdt is a blob of size bytes (fdt_totalsize() may say less, never more). Every range of every
 * memory node at the root must lie inside ram and clear of the n ranges in avoid (secure RAM, the
 * firmware's own images), without wrapping; the tree must have at least one memory node and root
 * #address-cells / #size-cells of 1 or 2. 0, or -1 with err naming the node and the problem.
 */
int dt_check_memory(const void *fdt, size_t size, const struct mem_range *ram,
		    const struct mem_range *avoid, size_t n, char *err, size_t err_size);

/*
 * Remove (as NOP tags: the blob keeps its size) every root memory node that is not available,
 * the ones dt_check_memory does not check, so that whatever reads the tree next (the hypervisor
 * takes the first memory node it finds) sees checked memory only. QEMU's own secure RAM node is
 * one. The number removed, or a negative libfdt error.
 */
int dt_drop_unavailable_memory(void *fdt);

#endif
