/* SPDX-License-Identifier: BSD-2-Clause */
/* The large TA: a read-only table that makes its file bigger than 1 MiB. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_test_ta.h>

#define TA_UUID	       TA_RAMPART_LARGE_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (4 * 1024)
#define TA_DATA_SIZE   (16 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart large TA: a file over 1 MiB"

#endif
