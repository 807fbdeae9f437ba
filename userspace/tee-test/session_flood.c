// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee-test --session-flood SECONDS: open sessions with the RNG pseudo-TA (open to every client,
 * no TA instance behind it) until the trusted OS refuses one, hold them SECONDS, then close
 * them and check that a new one opens again. In a VM the refusal comes at the VM's share of the
 * session table (tee/guest.h), so another VM still opens sessions meanwhile: the virt suite's
 * quota test runs this in one VM and ordinary cases in the other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases.h"

#define FLOOD_MAX 256

static const TEEC_UUID rng_pta = {
    0xab7a617c, 0xb8e7, 0x4d8f, {0x83, 0x01, 0xd0, 0x9b, 0x61, 0x03, 0x6b, 0x64}};

int session_flood(TEEC_Context *ctx, unsigned int hold_seconds)
{
	static TEEC_Session s[FLOOD_MAX];
	TEEC_Result res = TEEC_SUCCESS;
	uint32_t origin = 0;
	TEEC_Session again;
	int n;

	for (n = 0; n < FLOOD_MAX; n++) {
		res =
		    TEEC_OpenSession(ctx, &s[n], &rng_pta, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
		if (res != TEEC_SUCCESS)
			break;
	}
	printf("tee-test: session flood: opened %d, then 0x%08x (origin %u)\n", n, res, origin);
	sleep(hold_seconds);
	while (n--)
		TEEC_CloseSession(&s[n]);
	res = TEEC_OpenSession(ctx, &again, &rng_pta, TEEC_LOGIN_PUBLIC, NULL, NULL, &origin);
	printf("tee-test: session flood: released; a new session: 0x%08x\n", res);
	if (res != TEEC_SUCCESS)
		return 1;
	TEEC_CloseSession(&again);
	return 0;
}
