/* SPDX-License-Identifier: BSD-2-Clause */
/* The C library test TA: one instance a session. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_libc_ta.h>

#define TA_UUID	       TA_RAMPART_LIBC_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   LIBC_TA_DATA_SIZE
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart libc TA: the dev kit's C library inside a TA"

#endif
