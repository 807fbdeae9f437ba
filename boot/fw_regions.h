/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What no normal-world placement may touch: secure RAM and each firmware image in it, and the
 * flash the firmware runs from. Listed most specific first, so an error names "the trusted OS"
 * rather than only "secure RAM". Pure (board constants): unit tested on the host.
 */
#ifndef BOOT_FW_REGIONS_H
#define BOOT_FW_REGIONS_H

#include <rampart/mem_range.h>
#include <stddef.h>

/* The list and its length in *count. */
const struct mem_range *boot_firmware_regions(size_t *count);

#endif
