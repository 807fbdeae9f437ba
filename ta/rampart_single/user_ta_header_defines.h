/* SPDX-License-Identifier: BSD-2-Clause */
/* The single TA: one instance shared by its sessions, destroyed when the last one closes. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_test_ta.h>

#define TA_UUID	       TA_RAMPART_SINGLE_UUID
#define TA_FLAGS       (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION)
#define TA_STACK_SIZE  (4 * 1024)
#define TA_DATA_SIZE   (16 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart single TA: instance lifetime under racing opens and closes"

#endif
