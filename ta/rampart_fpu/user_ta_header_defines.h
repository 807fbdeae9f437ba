/* SPDX-License-Identifier: BSD-2-Clause */
/* The FP/SIMD test TA: one instance a session, so two sessions are two register sets. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_fpu_ta.h>

#define TA_UUID	       TA_RAMPART_FPU_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (16 * 1024)
#define TA_DATA_SIZE   (32 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart FP/SIMD test TA: arithmetic, registers kept and kept apart"

#endif
