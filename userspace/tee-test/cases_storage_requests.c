// SPDX-License-Identifier: BSD-2-Clause
/*
 * storage-requests: what one GP storage call costs in requests to tee-supplicant (OP-TEE's FS
 * RPC; docs/storage.md, "Atomic updates"), counted by the trusted OS and read through the
 * statistics pseudo-TA (STATS_CMD_FS_REQUESTS). Nearly all of a storage call's time is these
 * round trips to a normal-world process, so a change that adds one shows here first; each count
 * is exact, per kind of request, and the object reads back whole afterwards.
 *
 *   the benchmark's create + write: TEE_CreatePersistentObject with no data, then a 4 KiB
 *     TEE_WriteObjectData, then close (ta/rampart_bench): 17 (the empty object has no file)
 *   the benchmark's open + read + close: 6 (the index and the object file, each open-read-close)
 *   a create with 4 KiB of initial data (ta/rampart_storage): 10; the same again with
 *     OVERWRITE: 11 (the replaced version's file removed)
 *   an empty object made, then deleted: no object file appears in the TA's directory
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include <rampart_bench_ta.h>
#include <rampart_storage_ta.h>
#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"
#include "storage_files.h"

#define TEE_DATA_FLAG_ALL	0x7 /* ACCESS_READ | ACCESS_WRITE | ACCESS_WRITE_META */
#define TEE_DATA_FLAG_OVERWRITE 0x400
#define KINDS			8

static const char *const kind_names[KINDS] = {"open",  "create",   "close",  "read",
					      "write", "truncate", "remove", "rename"};

/* The counters since boot, by kind (tee/fs_rpc.h: OPEN 0 .. RENAME 7). */
static bool counts(TEEC_Session *stats, uint32_t n[KINDS])
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT,
					 TEEC_VALUE_OUTPUT);
	res = TEEC_InvokeCommand(stats, STATS_CMD_FS_REQUESTS, &op, &origin);
	if (!expect_res("STATS_CMD_FS_REQUESTS", res, origin, TEEC_SUCCESS))
		return false;
	for (int i = 0; i < 4; i++) {
		n[2 * i] = op.params[i].value.a;
		n[2 * i + 1] = op.params[i].value.b;
	}
	return true;
}

/* What was measured and the requests it must have made, kind by kind. */
struct measured {
	const char *what;
	const uint32_t *want;
};

static bool compare(const struct measured *m, const uint32_t before[KINDS],
		    const uint32_t after[KINDS])
{
	char got[160], exp[160];
	size_t g = 0, e = 0;
	uint32_t total = 0, want_total = 0;
	bool same = true;

	for (int i = 0; i < KINDS; i++) {
		uint32_t d = after[i] - before[i];

		total += d;
		want_total += m->want[i];
		same = same && d == m->want[i];
		if (d)
			g += snprintf(got + g, sizeof(got) - g, " %s %u", kind_names[i], d);
		if (m->want[i])
			e +=
			    snprintf(exp + e, sizeof(exp) - e, " %s %u", kind_names[i], m->want[i]);
	}
	if (!same)
		return fail("%s: %u requests to tee-supplicant (%s ), expected %u (%s )", m->what,
			    total, got, want_total, exp);
	printf("storage-requests: %s: %u requests to tee-supplicant (%s )\n", m->what, total, got);
	return true;
}

static TEEC_Result invoke(TEEC_Session *s, uint32_t cmd, TEEC_Operation *op)
{
	uint32_t origin = 0;

	return TEEC_InvokeCommand(s, cmd, op, &origin);
}

/* The benchmark TA's commands (ta/rampart_bench/bench_store.c) on 4 KiB. */
static bool bench_cmd(TEEC_Session *s, uint32_t cmd, void *buf, size_t len, const char *what)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	if (cmd == BENCH_CMD_STORE_DELETE) {
		op.paramTypes = 0;
	} else {
		op.paramTypes = TEEC_PARAM_TYPES(
		    cmd == BENCH_CMD_STORE_READ ? TEEC_VALUE_OUTPUT : TEEC_NONE,
		    cmd == BENCH_CMD_STORE_READ ? TEEC_MEMREF_TEMP_OUTPUT : TEEC_MEMREF_TEMP_INPUT,
		    TEEC_NONE, TEEC_NONE);
		op.params[1].tmpref.buffer = buf;
		op.params[1].tmpref.size = len;
	}
	res = invoke(s, cmd, &op);
	if (res != TEEC_SUCCESS)
		return fail("%s: 0x%08x (%s)", what, res, res_name(res) ? res_name(res) : "?");
	if (cmd == BENCH_CMD_STORE_READ && op.params[0].value.a != len)
		return fail("%s: %u bytes back, not %zu", what, op.params[0].value.a, len);
	return true;
}

/* The storage TA's create (initial data) or delete of id. */
static bool storage_cmd(TEEC_Session *s, uint32_t cmd, const char *id, const void *data, size_t len,
			const char *what)
{
	TEEC_Operation op;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_INPUT,
					 TEEC_VALUE_INOUT, TEEC_NONE);
	op.params[0].tmpref.buffer = (void *)id;
	op.params[0].tmpref.size = strlen(id);
	op.params[1].tmpref.buffer = (void *)data;
	op.params[1].tmpref.size = len;
	op.params[2].value.a = TEE_DATA_FLAG_ALL | TEE_DATA_FLAG_OVERWRITE;
	res = invoke(s, cmd, &op);
	if (res != TEEC_SUCCESS)
		return fail("%s: 0x%08x (%s)", what, res, res_name(res) ? res_name(res) : "?");
	return true;
}

/* How many object files ("o...") the storage TA's directory holds. */
static int obj_file_count(void)
{
	char dir[128];
	struct dirent *d;
	int n = 0;
	DIR *dp;

	snprintf(dir, sizeof(dir), "%s/%s", STORE_DIR, TA_RAMPART_STORAGE_UUID_STR);
	dp = opendir(dir);
	if (!dp)
		return 0;
	while ((d = readdir(dp)))
		n += d->d_name[0] == 'o';
	closedir(dp);
	return n;
}

bool case_storage_requests(TEEC_Context *ctx)
{
	/* open, create, close, read, write, truncate, remove, rename */
	static const uint32_t bench_write[KINDS] = {2, 3, 5, 2, 3, 0, 0, 2};
	static const uint32_t bench_read[KINDS] = {2, 0, 2, 2, 0, 0, 0, 0};
	static const uint32_t create_4k[KINDS] = {1, 2, 3, 1, 2, 0, 0, 1};
	static const uint32_t overwrite_4k[KINDS] = {1, 2, 3, 1, 2, 0, 1, 1};
	static const uint32_t create_empty[KINDS] = {1, 1, 2, 1, 1, 0, 0, 1};
	static unsigned char page[4096], back[4096];
	uint32_t c0[KINDS], c1[KINDS];
	TEEC_Session stats, bench, st;
	struct measured m;
	bool ok;
	int files;

	if (!open_session(ctx, &stats, &stats_pta_uuid, "OpenSession(statistics PTA)"))
		return false;
	if (!open_session(ctx, &bench, &bench_ta_uuid, "OpenSession(bench TA)")) {
		TEEC_CloseSession(&stats);
		return false;
	}
	if (!open_session(ctx, &st, &storage_ta_uuid, "OpenSession(storage TA)")) {
		TEEC_CloseSession(&bench);
		TEEC_CloseSession(&stats);
		return false;
	}
	for (size_t i = 0; i < sizeof(page); i++)
		page[i] = (unsigned char)(i * 7 + 3);
	/*
	 * An object left by an interrupted run would change the counts: none (or ITEM_NOT_FOUND).
	 * Then one round as the benchmark's first, so that the TA has an index, as in all of its
	 * rounds but the first (a store without one costs a failed open and no read).
	 */
	{
		TEEC_Operation op;

		memset(&op, 0, sizeof(op));
		invoke(&bench, BENCH_CMD_STORE_DELETE, &op);
	}
	if (!bench_cmd(&bench, BENCH_CMD_STORE_WRITE, page, sizeof(page), "first round") ||
	    !bench_cmd(&bench, BENCH_CMD_STORE_DELETE, NULL, 0, "first round's delete")) {
		TEEC_CloseSession(&st);
		TEEC_CloseSession(&bench);
		TEEC_CloseSession(&stats);
		return false;
	}

	m.what = "create + write 4 KiB + close (the benchmark's)";
	m.want = bench_write;
	ok = counts(&stats, c0) &&
	     bench_cmd(&bench, BENCH_CMD_STORE_WRITE, page, sizeof(page), m.what) &&
	     counts(&stats, c1) && compare(&m, c0, c1);
	m.what = "open + read 4 KiB + close (the benchmark's)";
	m.want = bench_read;
	ok = ok && counts(&stats, c0) &&
	     bench_cmd(&bench, BENCH_CMD_STORE_READ, back, sizeof(back), m.what) &&
	     counts(&stats, c1) && compare(&m, c0, c1);
	if (ok && memcmp(page, back, sizeof(page)))
		ok = fail("the benchmark's object read back differs from what was written");
	ok = ok && bench_cmd(&bench, BENCH_CMD_STORE_DELETE, NULL, 0, "delete");

	m.what = "create with 4 KiB of initial data";
	m.want = create_4k;
	ok = ok && counts(&stats, c0) &&
	     storage_cmd(&st, STORAGE_CMD_CREATE, "rq-4k", page, sizeof(page), m.what) &&
	     counts(&stats, c1) && compare(&m, c0, c1);
	m.what = "the same create again, OVERWRITE";
	m.want = overwrite_4k;
	ok = ok && counts(&stats, c0) &&
	     storage_cmd(&st, STORAGE_CMD_CREATE, "rq-4k", page, sizeof(page), m.what) &&
	     counts(&stats, c1) && compare(&m, c0, c1);
	ok = ok && storage_cmd(&st, STORAGE_CMD_DELETE, "rq-4k", NULL, 0, "delete rq-4k");

	/* An empty data object: its index entry alone, no object file. */
	files = obj_file_count();
	m.what = "create of an empty object";
	m.want = create_empty;
	ok = ok && counts(&stats, c0) &&
	     storage_cmd(&st, STORAGE_CMD_CREATE, "rq-empty", NULL, 0, m.what) &&
	     counts(&stats, c1) && compare(&m, c0, c1);
	if (ok && obj_file_count() != files)
		ok = fail("an empty object made an object file (%d files, %d before)",
			  obj_file_count(), files);
	ok = ok && storage_cmd(&st, STORAGE_CMD_DELETE, "rq-empty", NULL, 0, "delete rq-empty");
	TEEC_CloseSession(&st);
	TEEC_CloseSession(&bench);
	TEEC_CloseSession(&stats);
	return ok;
}
