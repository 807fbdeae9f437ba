/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * How tee-test reports: one line per case in the format the QEMU harness reads
 * (tests/qemu/guest/lib.sh), "rampart-check: tee-<case>: ok" or "... FAILED <why>".
 */
#ifndef TEE_TEST_CHECK_H
#define TEE_TEST_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <tee_client_api.h>

/* A case returns true when every assertion held; on the first that does not, it calls fail(). */
typedef bool (*tee_case_fn)(TEEC_Context *ctx);

struct tee_case {
	const char *name; /* printed as tee-<name> */
	tee_case_fn run;
};

/* Records why the running case failed (printf format); returns false for "return fail(...)". */
bool fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Fails with the call, its result and origin unless res == want. */
bool expect_res(const char *what, TEEC_Result res, uint32_t origin, TEEC_Result want);

/*
 * Invokes a TA command that runs its checks inside the TA and answers how many in p0
 * (VALUE_OUTPUT a; b, a second figure, goes to *extra when given). Prints "<tag>: <what> N checks"
 * and passes if the call succeeded and ran at least min_checks (at least one when 0).
 */
bool run_ta_checks(TEEC_Session *s, uint32_t cmd, const char *tag, const char *what,
		   uint32_t min_checks, uint32_t *extra);

/* A readable name for a TEEC result code ("TARGET_DEAD"), or NULL. */
const char *res_name(TEEC_Result res);

/* Runs one case and prints its line; returns true if it passed. */
bool run_case(const struct tee_case *c, TEEC_Context *ctx);

#endif
