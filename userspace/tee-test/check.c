// SPDX-License-Identifier: BSD-2-Clause
/* The per-case report lines of tee-test (see check.h). */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static char why[512];

/*
 * A case that has not ended after this long will not: a call into the secure world that never
 * comes back (its CPU stuck there with interrupts masked) cannot be interrupted, and a signal
 * would wait for it when the stuck thread is the one that takes it. So a watchdog thread of its
 * own, which runs on another CPU, reports the case FAILED by name and ends tee-test: a hang
 * shows as a failure of that case in the log rather than as a silent stop that only the QEMU
 * harness's timeout ends.
 */
#define CASE_TIMEOUT_S 120
/* TEE_TEST_CASE_SECONDS overrides it: a VM sharing its CPUs with another's cases needs longer. */
static int case_timeout_s = CASE_TIMEOUT_S;

static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t watch_cond = PTHREAD_COND_INITIALIZER;
static const char *watch_case;	  /* the running case, NULL between cases */
static struct timespec watch_end; /* CLOCK_MONOTONIC deadline of watch_case */
static bool watch_started;

static void *watchdog(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&watch_lock);
	for (;;) {
		if (!watch_case) {
			pthread_cond_wait(&watch_cond, &watch_lock);
			continue;
		}
		if (pthread_cond_timedwait(&watch_cond, &watch_lock, &watch_end) == ETIMEDOUT &&
		    watch_case) {
			printf(
			    "rampart-check: tee-%s: FAILED still running after %d s (a call into "
			    "the secure world never came back)\ntee-test: stopped by case %s\n",
			    watch_case, case_timeout_s, watch_case);
			fflush(stdout);
			_exit(3);
		}
	}
	return NULL;
}

static void watch(const char *name)
{
	pthread_mutex_lock(&watch_lock);
	if (!watch_started) {
		const char *env = getenv("TEE_TEST_CASE_SECONDS");
		pthread_condattr_t attr;
		pthread_t t;

		if (env && atoi(env) > 0)
			case_timeout_s = atoi(env);
		pthread_condattr_init(&attr);
		pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
		pthread_cond_destroy(&watch_cond);
		pthread_cond_init(&watch_cond, &attr);
		watch_started = pthread_create(&t, NULL, watchdog, NULL) == 0;
	}
	watch_case = name;
	if (name) {
		clock_gettime(CLOCK_MONOTONIC, &watch_end);
		watch_end.tv_sec += case_timeout_s;
	}
	pthread_cond_signal(&watch_cond);
	pthread_mutex_unlock(&watch_lock);
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
	fflush(stdout);
	watch(c->name);
	ok = c->run(ctx);
	watch(NULL);
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

bool run_ta_checks(TEEC_Session *s, uint32_t cmd, const char *tag, const char *what,
		   uint32_t min_checks, uint32_t *extra)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, cmd, &op, &origin);
	printf("%s: %s %u checks\n", tag, what, op.params[0].value.a);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	if (!min_checks)
		min_checks = 1;
	if (op.params[0].value.a < min_checks)
		return fail("%s: %u checks ran, expected at least %u", what, op.params[0].value.a,
			    min_checks);
	if (extra)
		*extra = op.params[0].value.b;
	return true;
}
