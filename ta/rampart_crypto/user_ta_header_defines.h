/* SPDX-License-Identifier: BSD-2-Clause */
/* The GP crypto test TA: one instance a session, so a panic test kills only its own. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_crypto_ta.h>

#define TA_UUID	       TA_RAMPART_CRYPTO_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (320 * 1024) /* the long-input checks: 80 KiB in, twice that out */
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart GP crypto test TA: known answers and failure paths"

#endif
