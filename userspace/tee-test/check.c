// SPDX-License-Identifier: BSD-2-Clause
/* The per-case report lines of tee-test (see check.h). */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

static char why[512];

/*
 * A case that has not ended after this long will not: a call into the secure world that never
 * comes back (its CPU stuck there with interrupts masked) cannot be interrupted from here. The
 * case is reported FAILED by name and tee-test exits, so a hang shows as a failure of that case
 * in the log rather than as a silent stop that only the QEMU harness's timeout ends.
 */
#define CASE_TIMEOUT_S 120

static char timeout_line[160];

static void case_timed_out(int sig)
{
	(void)sig;
	/* Async-signal-safe: the line was formatted before the case started. */
	ssize_t n = write(STDOUT_FILENO, timeout_line, strlen(timeout_line));

	(void)n; /* nothing more to do if stdout is gone */
	_exit(3);
}

bool fail(const char *fmt, ...)
{
	va_list ap;

	/* Keep the first reason: later failures are usually consequences of it. */
	if (why[0])
		return false;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return false;
}

const char *res_name(TEEC_Result res)
{
	switch (res) {
	case TEEC_SUCCESS:
		return "SUCCESS";
	case TEEC_ERROR_GENERIC:
		return "GENERIC";
	case TEEC_ERROR_ACCESS_DENIED:
		return "ACCESS_DENIED";
	case TEEC_ERROR_CANCEL:
		return "CANCEL";
	case TEEC_ERROR_EXCESS_DATA:
		return "EXCESS_DATA";
	case TEEC_ERROR_BAD_FORMAT:
		return "BAD_FORMAT";
	case TEEC_ERROR_BAD_PARAMETERS:
		return "BAD_PARAMETERS";
	case TEEC_ERROR_BAD_STATE:
		return "BAD_STATE";
	case TEEC_ERROR_ITEM_NOT_FOUND:
		return "ITEM_NOT_FOUND";
	case TEEC_ERROR_NOT_IMPLEMENTED:
		return "NOT_IMPLEMENTED";
	case TEEC_ERROR_NOT_SUPPORTED:
		return "NOT_SUPPORTED";
	case TEEC_ERROR_OUT_OF_MEMORY:
		return "OUT_OF_MEMORY";
	case TEEC_ERROR_BUSY:
		return "BUSY";
	case TEEC_ERROR_COMMUNICATION:
		return "COMMUNICATION";
	case TEEC_ERROR_SECURITY:
		return "SECURITY";
	case TEEC_ERROR_SHORT_BUFFER:
		return "SHORT_BUFFER";
	case TEEC_ERROR_TARGET_DEAD:
		return "TARGET_DEAD";
	default:
		return NULL;
	}
}

bool expect_res(const char *what, TEEC_Result res, uint32_t origin, TEEC_Result want)
{
	const char *got = res_name(res);

	if (res == want)
		return true;
	if (got)
		return fail("%s returned %s (0x%08x, origin %u), expected 0x%08x", what, got, res,
			    origin, want);
	return fail("%s returned 0x%08x (origin %u), expected 0x%08x", what, res, origin, want);
}

bool run_case(const struct tee_case *c, TEEC_Context *ctx)
{
	bool ok;

	why[0] = '\0';
	snprintf(timeout_line, sizeof(timeout_line),
		 "rampart-check: tee-%s: FAILED still running after %d s (a call into the secure "
		 "world never came back)\ntee-test: stopped by case %s\n",
		 c->name, CASE_TIMEOUT_S, c->name);
	fflush(stdout);
	signal(SIGALRM, case_timed_out);
	alarm(CASE_TIMEOUT_S);
	ok = c->run(ctx);
	alarm(0);
	if (ok && why[0])
		ok = false; /* a helper recorded a failure the case did not propagate */
	if (!ok && !why[0])
		snprintf(why, sizeof(why), "failed without a reason");
	if (ok)
		printf("rampart-check: tee-%s: ok\n", c->name);
	else
		printf("rampart-check: tee-%s: FAILED %s\n", c->name, why);
	fflush(stdout);
	return ok;
}
