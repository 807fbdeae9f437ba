/* SPDX-License-Identifier: BSD-2-Clause */
/* The dl TA: one instance a session. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_dl_ta.h>

#define TA_UUID	       TA_RAMPART_DL_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (16 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart dl TA: shared TA libraries, linked and dlopen()ed"

#endif
