// SPDX-License-Identifier: BSD-2-Clause
/*
 * storage-time: the TA persistent time (GP TEE Internal Core API v1.3.1 7.2.4, 7.2.5) of the
 * storage TAs, kept in each TA's store (docs/storage.md, "TA persistent time"): not set in a TA
 * that never set it, set and read back, advancing with the system time, the same in a new
 * session (a new instance), invisible to another TA and to the TA's enumerator, seconds past
 * 32 bits, and from the attacker's side: an index tampered with or rolled back makes it
 * TEE_ERROR_TIME_NEEDS_RESET, never an older time.
 *
 * Times are compared in milliseconds against tee-test's CLOCK_MONOTONIC, which Linux keeps on
 * the same generic counter as the trusted OS's system time, so the two advance alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rampart_storage_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"
#include "storage_files.h"

#define TEE_ERROR_TIME_NOT_SET	   0xFFFF5000
#define TEE_ERROR_TIME_NEEDS_RESET 0xFFFF5001
#define TEE_ERROR_OVERFLOW	   0xFFFF300F
#define SLACK_MS		   2 /* milliseconds lost to truncation on either side */

/* One TEE_GetTAPersistentTime in the TA: its result, the time in ms, the TA's system time after. */
struct ptime {
	TEEC_Result res;
	uint64_t ms;
	uint32_t sys_ms;
};

static bool time_get(TEEC_Session *s, struct ptime *t)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, STORAGE_CMD_TIME_GET, &op, &origin);
	if (!expect_res("TEE_GetTAPersistentTime in the TA", res, origin, TEEC_SUCCESS))
		return false;
	t->res = op.params[1].value.a;
	t->ms = (uint64_t)op.params[0].value.a * 1000 + op.params[0].value.b;
	t->sys_ms = op.params[1].value.b;
	return true;
}

static TEEC_Result time_set(TEEC_Session *s, uint32_t seconds, uint32_t millis)
{
	TEEC_Operation op;
	uint32_t origin = 0;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = seconds;
	op.params[0].value.b = millis;
	return TEEC_InvokeCommand(s, STORAGE_CMD_TIME_SET, &op, &origin);
}

/* A set whose result must be want. */
static bool set_is(TEEC_Session *s, uint32_t seconds, uint32_t millis, TEEC_Result want,
		   const char *what)
{
	TEEC_Result res = time_set(s, seconds, millis);

	if (res == want)
		return true;
	return fail("%s: 0x%08x (%s), expected 0x%08x (%s)", what, res,
		    res_name(res) ? res_name(res) : "?", want,
		    res_name(want) ? res_name(want) : "?");
}

/* A get whose result must be want; *t has the rest. */
static bool get_is(TEEC_Session *s, TEEC_Result want, struct ptime *t, const char *what)
{
	if (!time_get(s, t))
		return false;
	if (t->res != want)
		return fail("%s: TEE_GetTAPersistentTime 0x%08x (%s), expected 0x%08x (%s)", what,
			    t->res, res_name(t->res) ? res_name(t->res) : "?", want,
			    res_name(want) ? res_name(want) : "?");
	/* GP 7.2.4: without a time to give, the time is zero (the TA's guard value went). */
	if (want != TEEC_SUCCESS && want != TEE_ERROR_OVERFLOW && t->ms)
		return fail("%s: %llu ms given with 0x%08x", what, (unsigned long long)t->ms, want);
	return true;
}

/*
 * A time set to set_ms between tee-test's times a0 and a1 and read between b0 and b1 must be
 * set_ms plus what passed in between: within [b0 - a1, b1 - a0].
 */
static bool advanced(uint64_t got, uint64_t set_ms, double a0, double a1, double b0, double b1,
		     const char *what)
{
	double d = (double)got - (double)set_ms;

	if (d + SLACK_MS < b0 - a1 || d > b1 - a0 + SLACK_MS)
		return fail("%s: the time set plus %.0f ms, expected %.0f to %.0f", what, d,
			    b0 - a1, b1 - a0);
	return true;
}

/* The TA's objects, as its enumerator lists them. */
static bool objects(TEEC_Session *s, uint32_t *count)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	static char buf[8192];
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_INOUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)"";
	op.params[1].tmpref.buffer = buf;
	op.params[1].tmpref.size = sizeof(buf);
	res = TEEC_InvokeCommand(s, STORAGE_CMD_LIST, &op, &origin);
	*count = op.params[2].value.a;
	return expect_res("list the objects", res, origin, TEEC_SUCCESS);
}

/* Set T, read it back, wait, read it again, in a new session too; the enumerator unchanged. */
static bool set_and_advance(TEEC_Context *ctx, TEEC_Session *a)
{
	const uint64_t T = 1000000ULL * 1000 + 500;
	double a0, a1, b0, b1;
	uint32_t before, after;
	unsigned long long later;
	struct ptime t, u;
	bool ok;

	ok = objects(a, &before);
	a0 = now_ms();
	ok = ok && set_is(a, (uint32_t)(T / 1000), T % 1000, TEEC_SUCCESS, "set");
	a1 = now_ms();
	b0 = now_ms();
	ok = ok && get_is(a, TEEC_SUCCESS, &t, "just set");
	b1 = now_ms();
	ok = ok && advanced(t.ms, T, a0, a1, b0, b1, "just set");
	ok = ok && objects(a, &after);
	if (ok && after != before)
		ok = fail("the TA's enumerator lists %u objects after setting the time, %u before",
			  after, before);
	if (!ok)
		return false;
	usleep(1500 * 1000);
	b0 = now_ms();
	ok = get_is(a, TEEC_SUCCESS, &u, "1.5 s later");
	b1 = now_ms();
	ok = ok && advanced(u.ms, T, a0, a1, b0, b1, "1.5 s later");
	if (ok && u.ms + SLACK_MS < t.ms + 1500)
		ok = fail("1.5 s later the time advanced %llu ms",
			  (unsigned long long)(u.ms - t.ms));
	if (!ok)
		return false;
	later = u.ms - t.ms;
	/* A new session is a new instance: only the store has the time. */
	TEEC_CloseSession(a);
	if (!open_session(ctx, a, &storage_ta_uuid, "OpenSession(storage TA) again"))
		return false;
	b0 = now_ms();
	ok = get_is(a, TEEC_SUCCESS, &u, "in a new session");
	b1 = now_ms();
	ok = ok && advanced(u.ms, T, a0, a1, b0, b1, "in a new session");
	if (ok)
		printf("storage-time: set, read back %llu ms on, %llu ms on after a 1.5 s sleep, "
		       "kept in a new session; %u objects listed before and after\n",
		       (unsigned long long)(t.ms - T), (unsigned long long)later, before);
	return ok;
}

/* GP 7.2.4: seconds past 32 bits are TEE_ERROR_OVERFLOW, the time still given modulo 2^32. */
static bool overflow(TEEC_Session *a)
{
	struct ptime t;
	bool ok;

	ok = set_is(a, 0xFFFFFFF0U, 0, TEEC_SUCCESS, "set 2^32 - 16 s") &&
	     get_is(a, TEEC_SUCCESS, &t, "2^32 - 16 s");
	if (ok && t.ms / 1000 < 0xFFFFFFF0U)
		ok = fail("2^32 - 16 s read back as %llu ms", (unsigned long long)t.ms);
	ok = ok && set_is(a, 0xFFFFFFFFU, 900, TEEC_SUCCESS, "set 2^32 - 1 s 900 ms");
	if (!ok)
		return false;
	usleep(200 * 1000);
	ok = get_is(a, TEE_ERROR_OVERFLOW, &t, "past 2^32 s");
	/* 2^32 s and some 100 ms, seconds modulo 2^32: 0 s (or 1 on a slow host). */
	if (ok && t.ms >= 2000)
		ok = fail("past 2^32 s: %llu ms, not the seconds modulo 2^32",
			  (unsigned long long)t.ms);
	if (ok)
		printf("storage-time: 2^32 - 1 s 900 ms then 200 ms: TEE_ERROR_OVERFLOW, %llu ms\n",
		       (unsigned long long)t.ms);
	return ok;
}

/*
 * The attacker: a bit flipped in the TA's index, then an older index put back. Each time the
 * time is NEEDS_RESET, and comes back once the right index is in place. Setting the time while
 * the index is refused finds no store to write to: GP 7.2.5 makes that a panic.
 */
static bool tampered(TEEC_Context *ctx, TEEC_Session *a)
{
	const char *ua = TA_RAMPART_STORAGE_UUID_STR;
	void *old_ix = NULL, *new_ix = NULL;
	size_t old_len = 0, new_len = 0;
	double a0, a1, b0, b1;
	struct ptime t;
	char ix[256];
	bool ok;

	path_of(ix, sizeof(ix), ua, "index");
	a0 = now_ms();
	ok = set_is(a, 2000000, 0, TEEC_SUCCESS, "set");
	a1 = now_ms();
	ok = ok && flip_bit(ix, 70) &&
	     get_is(a, TEE_ERROR_TIME_NEEDS_RESET, &t, "index bit flipped");
	ok = ok && set_is(a, 3000000, 0, TEEC_ERROR_TARGET_DEAD, "set while the index is refused");
	TEEC_CloseSession(a);
	if (!open_session(ctx, a, &storage_ta_uuid, "OpenSession(storage TA) after the panic"))
		return false;
	ok = ok && flip_bit(ix, 70);
	b0 = now_ms();
	ok = ok && get_is(a, TEEC_SUCCESS, &t, "index put right");
	b1 = now_ms();
	ok = ok && advanced(t.ms, 2000000ULL * 1000, a0, a1, b0, b1, "index put right");
	if (ok)
		printf("storage-time: a bit flipped in the index: TIME_NEEDS_RESET, a set panics; "
		       "the index put right: the time as set\n");
	/* Rollback: the index of the older time back in place of the newer one's. */
	ok = ok && read_file(ix, &old_ix, &old_len);
	ok = ok && set_is(a, 4000000, 0, TEEC_SUCCESS, "set a later time") &&
	     read_file(ix, &new_ix, &new_len) && write_file(ix, old_ix, old_len) &&
	     get_is(a, TEE_ERROR_TIME_NEEDS_RESET, &t, "the older index put back") &&
	     write_file(ix, new_ix, new_len) && get_is(a, TEEC_SUCCESS, &t, "the newer index back");
	if (ok && t.ms / 1000 < 4000000)
		ok = fail("with the newer index back: %llu ms", (unsigned long long)t.ms);
	if (ok)
		printf("storage-time: the index of an older time put back: TIME_NEEDS_RESET\n");
	free(old_ix);
	free(new_ix);
	return ok;
}

bool case_storage_time(TEEC_Context *ctx)
{
	TEEC_Session a, b;
	struct ptime t;
	bool ok;

	if (!open_session(ctx, &b, &storage_b_ta_uuid, "OpenSession(storage TA B)"))
		return false;
	/* TA B never sets its time (nothing in tee-test does): not set, before and after A's. */
	ok = get_is(&b, TEE_ERROR_TIME_NOT_SET, &t, "TA B, never set");
	if (ok && open_session(ctx, &a, &storage_ta_uuid, "OpenSession(storage TA)")) {
		ok = set_and_advance(ctx, &a) && get_is(&b, TEE_ERROR_TIME_NOT_SET, &t, "TA B") &&
		     overflow(&a) && tampered(ctx, &a);
		TEEC_CloseSession(&a);
	} else {
		ok = false;
	}
	TEEC_CloseSession(&b);
	if (ok)
		printf("storage-time: TA B, which never set its time: TIME_NOT_SET throughout\n");
	return ok;
}

/*
 * Across a QEMU restart (tests/qemu/baremetal.d/storage-disk.sh): the first boot sets the time;
 * a later one finds it, the time set plus this boot's system time and nothing of the boots
 * between (docs/storage.md, "TA persistent time"). Prints a rampart-check line.
 */
#define REBOOT_TIME_S 3000000U

void storage_time_reboot(TEEC_Session *s)
{
	struct ptime t;
	long long d;

	if (!time_get(s, &t)) {
		printf("rampart-check: storage-time-reboot: FAILED no answer\n");
		return;
	}
	if (t.res == TEE_ERROR_TIME_NOT_SET) {
		if (time_set(s, REBOOT_TIME_S, 0) == TEEC_SUCCESS)
			printf("storage-writer: persistent time set to %u s\n", REBOOT_TIME_S);
		else
			printf("storage-writer: persistent time could not be set\n");
		return;
	}
	d = (long long)t.ms - (long long)REBOOT_TIME_S * 1000;
	printf("storage-writer: persistent time: the time set plus %lld ms; system time %u ms\n", d,
	       t.sys_ms);
	/* The system time was read just after the persistent time: at most a little more. */
	if (t.res != TEEC_SUCCESS || d < 0 || d > t.sys_ms || t.sys_ms - d > 1000)
		printf("rampart-check: storage-time-reboot: FAILED 0x%08x, set plus %lld ms, "
		       "system time %u ms\n",
		       t.res, d, t.sys_ms);
	else
		printf("rampart-check: storage-time-reboot: ok\n");
}
