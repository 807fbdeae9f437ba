/* SPDX-License-Identifier: BSD-2-Clause */
/* SMC Calling Convention (Arm DEN 0028, v1.2) and PSCI (Arm DEN 0022, v1.1) identifiers. */
#ifndef RAMPART_SMCCC_H
#define RAMPART_SMCCC_H

#include <stdint.h>

/* Function ID fields (SMCCC 2.5). */
#define SMCCC_FAST_CALL (1U << 31)
#define SMCCC_SMC64 (1U << 30)
#define SMCCC_OWNER(fid) (((fid) >> 24) & 0x3f)
#define SMCCC_FUNC_NUM(fid) ((fid) & 0xffff)
#define SMCCC_OWNER_ARCH 0
#define SMCCC_OWNER_STANDARD 4
#define SMCCC_OWNER_TRUSTED_APP_FIRST 48 /* 48-49 trusted applications, 50-63 trusted OS */

#define SMCCC_VERSION 0x80000000U
#define SMCCC_ARCH_FEATURES 0x80000001U
#define SMCCC_VERSION_1_2 0x10002

#define SMCCC_SUCCESS 0
#define SMCCC_NOT_SUPPORTED (-1)

/* PSCI (DEN 0022 5.1); the 64-bit forms have SMCCC_SMC64 set. */
#define PSCI_VERSION 0x84000000U
#define PSCI_CPU_SUSPEND 0x84000001U
#define PSCI_CPU_OFF 0x84000002U
#define PSCI_CPU_ON 0x84000003U
#define PSCI_AFFINITY_INFO 0x84000004U
#define PSCI_MIGRATE 0x84000005U
#define PSCI_MIGRATE_INFO_TYPE 0x84000006U
#define PSCI_MIGRATE_INFO_UP_CPU 0x84000007U
#define PSCI_SYSTEM_OFF 0x84000008U
#define PSCI_SYSTEM_RESET 0x84000009U
#define PSCI_FEATURES 0x8400000AU
#define PSCI_FN64(fid) ((fid) | SMCCC_SMC64)

#define PSCI_VERSION_1_1 0x10001

#define PSCI_SUCCESS 0
#define PSCI_NOT_SUPPORTED (-1)
#define PSCI_INVALID_PARAMETERS (-2)
#define PSCI_DENIED (-3)
#define PSCI_ALREADY_ON (-4)
#define PSCI_ON_PENDING (-5)
#define PSCI_INTERNAL_FAILURE (-6)
#define PSCI_NOT_PRESENT (-7)
#define PSCI_DISABLED (-8)
#define PSCI_INVALID_ADDRESS (-9)

/* AFFINITY_INFO results (DEN 0022 5.7). */
#define PSCI_AFFINITY_ON 0
#define PSCI_AFFINITY_OFF 1
#define PSCI_AFFINITY_ON_PENDING 2

/* MIGRATE_INFO_TYPE: no Trusted OS that needs migrating (DEN 0022 5.8). */
#define PSCI_TOS_NOT_PRESENT_MP 2

/*
 * One SMC with x0..x7 in and out (SMCCC v1.2 2.6: x0-x17 may carry results; x8-x17 are
 * clobbered, x18 and up kept). For the normal world's callers: the hypervisor, test programs.
 */
static inline void smccc_smc8(uint64_t a[8])
{
	register uint64_t x0 __asm__("x0") = a[0];
	register uint64_t x1 __asm__("x1") = a[1];
	register uint64_t x2 __asm__("x2") = a[2];
	register uint64_t x3 __asm__("x3") = a[3];
	register uint64_t x4 __asm__("x4") = a[4];
	register uint64_t x5 __asm__("x5") = a[5];
	register uint64_t x6 __asm__("x6") = a[6];
	register uint64_t x7 __asm__("x7") = a[7];

	__asm__ volatile("smc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x6),
			   "+r"(x7)
			 :
			 : "x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
			   "memory");
	a[0] = x0;
	a[1] = x1;
	a[2] = x2;
	a[3] = x3;
	a[4] = x4;
	a[5] = x5;
	a[6] = x6;
	a[7] = x7;
}

#endif
