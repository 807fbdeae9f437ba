/* SPDX-License-Identifier: BSD-2-Clause */
/* The GP asymmetric crypto test TA: one instance a session, so a panic test kills only its own. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_asym_ta.h>

#define TA_UUID	       TA_RAMPART_ASYM_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (16 * 1024)
#define TA_DATA_SIZE   (64 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart GP asymmetric crypto test TA: known answers and failure paths"

#endif
