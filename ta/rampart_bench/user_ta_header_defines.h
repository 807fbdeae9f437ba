/* SPDX-License-Identifier: BSD-2-Clause */
/* The benchmark TA: a fresh instance for every session, as the test TA (open + close figure). */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_bench_ta.h>

#define TA_UUID	       TA_RAMPART_BENCH_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (32 * 1024) /* the data lives in the client's shared memory */
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart benchmark TA: invoke, ciphers, digests, signatures, storage"

#endif
