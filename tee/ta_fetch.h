/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reading a TA file through tee-supplicant (RPC LOAD_TA into shared memory it allocates:
 * optee-smc-abi.md "Loading a TA through the supplicant").
 */
#ifndef TEE_TA_FETCH_H
#define TEE_TA_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include <rampart/ta_image.h>

/*
 * The largest TA file read: the signed-image limit of the signing tool and the verifier (OP-TEE
 * has no file limit of its own, only the memory its TA RAM offers; its test suite's `large` TA
 * is 1,061,732 bytes). The file is held in the calling thread's image window (image_window.h)
 * while it is verified.
 */
#define TA_FILE_MAX TA_IMAGE_MAX_SIZE

/*
 * The whole file /lib/optee_armtz/<uuid>.ta as tee-supplicant reads it now, in new secure
 * memory (*out, image_window_free it; *len its size). hint, when not 0, is the size the file had last time:
 * one request then reads it unless it grew. name is the UUID as text, for the log.
 * TEEC_ERROR_ITEM_NOT_FOUND when there is no such file; EXCESS_DATA over TA_FILE_MAX.
 */
uint32_t ta_fetch(const uint8_t uuid[16], const char *name, uint64_t hint, uint8_t **out,
		  size_t *len);

/*
 * A destroyed guest's kept buffer (guest.c): forgotten without an RPC, its description freed.
 * Runs before the guest's slot is given up.
 */
void ta_fetch_forget_client(uint64_t client);

#endif
