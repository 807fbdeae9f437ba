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
