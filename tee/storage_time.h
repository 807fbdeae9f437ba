/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * TA persistent time (GP TEE Internal Core API v1.3.1 7.2.4, 7.2.5) kept in the TA's own store:
 * one record in its index (storage_file.h, STORAGE_ENTRY_TIME), so it is sealed under the TA's
 * key, committed atomically, refused when the index is tampered with or rolled back, and never
 * seen by the TA as an object. The arithmetic is tee/ptime.h's.
 */
#ifndef TEE_STORAGE_TIME_H
#define TEE_STORAGE_TIME_H

#include <rampart/ta_abi.h>
#include <stdint.h>

/*
 * TEE_GetTAPersistentTime: TEEC_SUCCESS or TEE_ERROR_OVERFLOW with *t; TEE_ERROR_TIME_NOT_SET
 * (never set); TEE_ERROR_TIME_NEEDS_RESET (the index refused, or a record that cannot be
 * right); otherwise the storage's error. *t is zero but for the first two.
 */
uint32_t storage_time_get(const uint8_t uuid[16], struct ta_time *t);
/* TEE_SetTAPersistentTime of a valid time (ptime_valid()): committed before it returns. */
uint32_t storage_time_set(const uint8_t uuid[16], const struct ta_time *t);

#endif
