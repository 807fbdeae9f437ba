/* SPDX-License-Identifier: BSD-2-Clause */
/* The peer TA: one instance for every session, kept alive, so its counter is shared. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_test_ta.h>

#define TA_UUID	       TA_RAMPART_PEER_UUID
#define TA_FLAGS       (TA_FLAG_SINGLE_INSTANCE | TA_FLAG_MULTI_SESSION | TA_FLAG_INSTANCE_KEEP_ALIVE)
#define TA_STACK_SIZE  (4 * 1024)
#define TA_DATA_SIZE   (16 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart peer TA: TA-to-TA calls and a shared counter"

#endif
