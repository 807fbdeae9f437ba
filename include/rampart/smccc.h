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

#endif
