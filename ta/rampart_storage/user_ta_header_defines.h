/* SPDX-License-Identifier: BSD-2-Clause */
/* The trusted-storage test TA: one instance a session, so a panic test kills only its own. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_storage_ta.h>

#define TA_UUID	       TA_RAMPART_STORAGE_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (256 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart trusted storage test TA"

#endif
