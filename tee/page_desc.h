/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Stage 1 descriptor bits for the mappings the trusted OS makes at run time: TA address spaces
 * (ta_space.c) and the threads' image windows (image_window.c). Arm ARM D8.3.
 */
#ifndef TEE_PAGE_DESC_H
#define TEE_PAGE_DESC_H

#define DESC_VALID	 (1UL << 0)
#define DESC_TABLE	 (1UL << 1)
#define DESC_PAGE	 (DESC_VALID | DESC_TABLE)
#define DESC_ATTR_NORMAL (1UL << 2) /* MAIR slot 1: write-back (arch/aarch64/mmu.c) */
#define DESC_NS		 (1UL << 5)
#define DESC_AP_EL0	 (1UL << 6)
#define DESC_AP_RO	 (1UL << 7)
#define DESC_SH_INNER	 (3UL << 8)
#define DESC_AF		 (1UL << 10)
#define DESC_NG		 (1UL << 11) /* tagged with the ASID */
#define DESC_PXN	 (1UL << 53)
#define DESC_UXN	 (1UL << 54)
#define DESC_ADDR_MASK	 0x0000fffffffff000UL

#endif
