/* SPDX-License-Identifier: BSD-2-Clause */
/* The swap TA: a fresh instance for every session, so each open runs the file on disk. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_test_ta.h>

#define TA_UUID	       TA_RAMPART_SWAP_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (2 * 1024)
#define TA_DATA_SIZE   (4 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart swap TA: answers the version it was built as"

#endif
