/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading a TA file through tee-supplicant (RPC LOAD_TA into shared memory it allocates:
 * optee-smc-abi.md "Loading a TA through the supplicant").
 */
#ifndef TEE_TA_FETCH_H
#define TEE_TA_FETCH_H

#include <stddef.h>
#include <stdint.h>

#define TA_FILE_MAX (1024 * 1024)

/*
 * The whole file /lib/optee_armtz/<uuid>.ta as tee-supplicant reads it now, in new secure
 * memory (*out, kfree it; *len its size). hint, when not 0, is the size the file had last time:
 * one request then reads it unless it grew. name is the UUID as text, for the log.
 * TEEC_ERROR_ITEM_NOT_FOUND when there is no such file; EXCESS_DATA over TA_FILE_MAX.
 */
uint32_t ta_fetch(const uint8_t uuid[16], const char *name, uint64_t hint, uint8_t **out,
		  size_t *len);

#endif
