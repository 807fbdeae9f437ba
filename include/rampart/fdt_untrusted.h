/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A device tree from outside the firmware (a -dtb, a VM configuration given with -fw_cfg) is
 * checked before libfdt walks or rewrites it. fdt_check_header alone is not enough: Debian's
 * libfdt 1.6.1 loops forever on a property whose length brings the walk back to itself (even in
 * fdt_check_full), and fdt_pack writes past the tree when the reserve map runs into the
 * structure block.
 */
#ifndef RAMPART_FDT_UNTRUSTED_H
#define RAMPART_FDT_UNTRUSTED_H

#include <stddef.h>

/*
 * 0 when the tree at fdt (at most max bytes) is safe to hand to libfdt: a valid header, the
 * reserve map, structure and strings blocks in that order without overlap, every tag moving the
 * walk forward, nodes balanced, property names inside the strings block. Otherwise a negative
 * libfdt error (fdt_strerror names it).
 */
int fdt_check_untrusted(const void *fdt, size_t max);

#endif
