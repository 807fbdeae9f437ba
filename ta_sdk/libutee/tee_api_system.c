// SPDX-License-Identifier: BSD-2-Clause
/* Panics (GP 4.8), cancellation (GP 4.10), time (GP 7.2) and random numbers (GP 6.11). */
#include <rampart/ta_abi.h>
#include <tee_internal_api.h>

#include "utee_internal.h"
#include "utee_syscalls.h"

void TEE_Panic(TEE_Result panicCode)
{
	/* What the TA printed without a line end yet goes out before it dies. */
	if (utee_stdio_flush)
		utee_stdio_flush();
	utee_panic(panicCode);
}

bool TEE_GetCancellationFlag(void)
{
	return utee_get_cancel() != 0;
}

bool TEE_UnmaskCancellation(void)
{
	return utee_mask_cancel(0) != 0;
}

bool TEE_MaskCancellation(void)
{
	return utee_mask_cancel(1) != 0;
}

static void get_time(uint32_t which, TEE_Time *time)
{
	struct ta_time t;
	TEE_Result res = utee_get_time(which, &t);

	/* GP: these cannot fail; a trusted OS that cannot tell the time leaves no sane way on. */
	if (res != TEE_SUCCESS)
		TEE_Panic(res);
	time->seconds = t.seconds;
	time->millis = t.millis;
}

void TEE_GetSystemTime(TEE_Time *time)
{
	get_time(TA_TIME_SYSTEM, time);
}

void TEE_GetREETime(TEE_Time *time)
{
	get_time(TA_TIME_REE, time);
}

/*
 * GP 7.2.4: the time goes out with TEE_SUCCESS and TEE_ERROR_OVERFLOW (its seconds modulo 2^32),
 * zero with any other result; a result GP does not list for this function panics.
 */
TEE_Result TEE_GetTAPersistentTime(TEE_Time *time)
{
	struct ta_time t = {0, 0};
	TEE_Result res;

	if (!time)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = utee_ta_time_get(&t);
	if (res != TEE_SUCCESS && res != TEE_ERROR_OVERFLOW)
		t.seconds = t.millis = 0;
	time->seconds = t.seconds;
	time->millis = t.millis;
	if (res != TEE_SUCCESS && res != TEE_ERROR_OVERFLOW && res != TEE_ERROR_TIME_NOT_SET &&
	    res != TEE_ERROR_TIME_NEEDS_RESET && res != TEE_ERROR_OUT_OF_MEMORY)
		TEE_Panic(res);
	return res;
}

/* GP 7.2.5: stored before it returns; a result GP does not list panics (a store that fails). */
TEE_Result TEE_SetTAPersistentTime(const TEE_Time *time)
{
	struct ta_time t;
	TEE_Result res;

	if (!time)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	t.seconds = time->seconds;
	t.millis = time->millis;
	res = utee_ta_time_set(&t);
	if (res != TEE_SUCCESS && res != TEE_ERROR_OUT_OF_MEMORY &&
	    res != TEE_ERROR_STORAGE_NO_SPACE)
		TEE_Panic(res);
	return res;
}

TEE_Result TEE_Wait(uint32_t timeout)
{
	return utee_wait(timeout);
}

void TEE_GenerateRandom(void *randomBuffer, size_t randomBufferLen)
{
	TEE_Result res;

	if (!randomBufferLen)
		return;
	res = utee_random(randomBuffer, randomBufferLen);
	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}
