/* SPDX-License-Identifier: BSD-2-Clause */
/* The GP arithmetical API test TA: one instance a session, so a panic test kills only its own. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_arith_ta.h>

#define TA_UUID	       TA_RAMPART_ARITH_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (16 * 1024)
#define TA_DATA_SIZE   (256 * 1024) /* mbedTLS numbers of up to 8192 bits and their windows */
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart GP arithmetic test TA: known answers and failure paths"

#endif
