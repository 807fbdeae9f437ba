/* SPDX-License-Identifier: BSD-2-Clause */
/* The GP v1.1 test TA: one instance a session. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_gp11_ta.h>

#define TA_UUID	       TA_RAMPART_GP11_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (32 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart GP v1.1 TA: the v1.1 forms of the changed functions"

#endif
