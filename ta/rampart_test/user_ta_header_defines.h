/* SPDX-License-Identifier: BSD-2-Clause */
/* The test TA: a fresh instance for every session. */
#ifndef USER_TA_HEADER_DEFINES_H
#define USER_TA_HEADER_DEFINES_H

#include <rampart_test_ta.h>

#define TA_UUID	       TA_RAMPART_TEST_UUID
#define TA_FLAGS       0
#define TA_STACK_SIZE  (8 * 1024)
#define TA_DATA_SIZE   (64 * 1024)
#define TA_VERSION     "1.0"
#define TA_DESCRIPTION "Rampart test TA: parameters, memory, time, TA-to-TA, cancellation"
/* An extension property, so the property functions have one to find. */
#define TA_CURRENT_TA_EXT_PROPERTIES                                                               \
	{"org.rampart.test.answer", USER_TA_PROP_TYPE_U32, &(const uint32_t){42}},

#endif
