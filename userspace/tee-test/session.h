/* SPDX-License-Identifier: BSD-2-Clause */
/* Opening sessions to the test TAs and the statistics PTA of ta/include/rampart_test_ta.h. */
#ifndef TEE_TEST_SESSION_H
#define TEE_TEST_SESSION_H

#include <stdbool.h>
#include <tee_client_api.h>

extern const TEEC_UUID test_ta_uuid;
extern const TEEC_UUID peer_ta_uuid;
extern const TEEC_UUID single_ta_uuid;
extern const TEEC_UUID crypto_ta_uuid;
extern const TEEC_UUID arith_ta_uuid;
extern const TEEC_UUID bench_ta_uuid;
extern const TEEC_UUID libc_ta_uuid;
extern const TEEC_UUID dl_ta_uuid;
extern const TEEC_UUID fpu_ta_uuid;
extern const TEEC_UUID asym_ta_uuid;
extern const TEEC_UUID storage_ta_uuid;
extern const TEEC_UUID storage_b_ta_uuid;
extern const TEEC_UUID socket_ta_uuid;
extern const TEEC_UUID plugin_ta_uuid;
extern const TEEC_UUID gp11_ta_uuid;
extern const TEEC_UUID pkcs11_ta_uuid;
extern const TEEC_UUID stats_pta_uuid;

/*
 * TEEC_OpenSession with no operation and public login (the statistics PTA: TEEC_LOGIN_USER, as
 * it answers only root and the kernel); fails the case (named what) on error.
 */
bool open_session(TEEC_Context *ctx, TEEC_Session *s, const TEEC_UUID *uuid, const char *what);

/* The same, returning the result and origin for cases that expect an error. */
TEEC_Result try_open(TEEC_Context *ctx, TEEC_Session *s, const TEEC_UUID *uuid, uint32_t *origin);

/* TEST_CMD_ADD with a, b; checks a + b and a - b come back. */
bool invoke_add(TEEC_Session *s, uint32_t a, uint32_t b, const char *what);

/* The statistics PTA's STATS_CMD_MEMORY. */
struct tee_stats {
	uint32_t heap_bytes;
	uint32_t ta_pages;
	uint32_t instances;
	uint32_t sessions;
};
bool read_stats(TEEC_Session *stats, struct tee_stats *out);

/*
 * For each i < count: a fresh session to uuid, command cmd with p0 VALUE_IN a = i, which must
 * panic the TA (TARGET_DEAD, origin TEE); names[i] says which case failed. Prints
 * "<label>: panics N of N" when all did.
 */
bool expect_panics(TEEC_Context *ctx, const TEEC_UUID *uuid, uint32_t cmd, const char *const *names,
		   uint32_t count, const char *label);

/* Milliseconds of CLOCK_MONOTONIC. */
double now_ms(void);

#endif
