// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TEE as a whole: its heap back at the baseline once every session is closed (no leak
 * across the whole run), Linux's hardware RNG fed by the TEE (optee-rng), and every entry into
 * the trusted OS finding its own translation tables.
 */
#define _GNU_SOURCE /* sched_setaffinity */
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rampart_dl_ta.h>
#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static TEEC_Session stats;
static bool stats_open;
static struct tee_stats baseline;
static char baseline_error[256];

/* Every TA the cases open, loaded once before the baseline (see heap_baseline). */
static const TEEC_UUID *const cached_tas[] = {
	&peer_ta_uuid,
	&test_ta_uuid,
	&single_ta_uuid,
	&crypto_ta_uuid,
	&arith_ta_uuid,
	&libc_ta_uuid,
	&fpu_ta_uuid,
	&asym_ta_uuid,
	&bench_ta_uuid,
	&storage_ta_uuid,
	&storage_b_ta_uuid,
	&socket_ta_uuid,
	&plugin_ta_uuid,
	&gp11_ta_uuid,
};

/*
 * Called before any case: keeps one session to the statistics PTA for the whole run and loads
 * the keep-alive peer TA once, so that neither shows up as a difference at the end.
 */
void heap_baseline(TEEC_Context *ctx)
{
	TEEC_Session peer;
	uint32_t origin;
	TEEC_Result res;

	res = try_open(ctx, &stats, &stats_pta_uuid, &origin);
	if (res != TEEC_SUCCESS) {
		snprintf(baseline_error, sizeof(baseline_error),
			 "OpenSession(statistics PTA) returned 0x%08x (%s), origin %u", res,
			 res_name(res) ? res_name(res) : "?", origin);
		return;
	}
	stats_open = true;
	/*
	 * The trusted OS keeps the images of TAs it has verified (docs/trusted-os.md): load each TA
	 * the cases use once first, so the baseline includes them and the end can be compared.
	 */
	for (size_t i = 0; i < sizeof(cached_tas) / sizeof(cached_tas[0]); i++) {
		res = try_open(ctx, &peer, cached_tas[i], &origin);
		if (res == TEEC_SUCCESS)
			TEEC_CloseSession(&peer);
	}
	/* The dl TA with the shared libraries it loads, linked and by dlopen(), likewise. */
	if (try_open(ctx, &peer, &dl_ta_uuid, &origin) == TEEC_SUCCESS) {
		TEEC_Operation op;

		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		TEEC_InvokeCommand(&peer, DL_CMD_DLOPEN, &op, &origin);
		TEEC_CloseSession(&peer);
	}
	if (!read_stats(&stats, &baseline)) {
		snprintf(baseline_error, sizeof(baseline_error), "STATS_CMD_MEMORY failed");
		return;
	}
	printf("tee-test: TEE baseline: heap %u bytes, %u TA pages, %u instances, %u sessions\n",
	       baseline.heap_bytes, baseline.ta_pages, baseline.instances, baseline.sessions);
}

void heap_baseline_end(void)
{
	if (stats_open)
		TEEC_CloseSession(&stats);
	stats_open = false;
}

/* Must run last: every other case has closed its sessions by then. */
bool case_no_leak(TEEC_Context *ctx)
{
	struct tee_stats now;

	(void)ctx;
	if (baseline_error[0])
		return fail("no baseline: %s", baseline_error);
	if (!read_stats(&stats, &now))
		return false;
	printf(
	    "tee-test: TEE after the run: heap %u bytes, %u TA pages, %u instances, %u sessions\n",
	    now.heap_bytes, now.ta_pages, now.instances, now.sessions);
	if (now.heap_bytes != baseline.heap_bytes)
		return fail("TEE heap %u bytes in use, %u at the start (%+d)", now.heap_bytes,
			    baseline.heap_bytes, (int)(now.heap_bytes - baseline.heap_bytes));
	if (now.ta_pages != baseline.ta_pages)
		return fail("%u TA pages in use, %u at the start", now.ta_pages, baseline.ta_pages);
	if (now.instances != baseline.instances)
		return fail("%u TA instances alive, %u at the start", now.instances,
			    baseline.instances);
	if (now.sessions != baseline.sessions)
		return fail("%u sessions open, %u at the start", now.sessions, baseline.sessions);
	return true;
}

static bool stale_entries(uint64_t *n)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&stats, STATS_CMD_ENTRY_TABLES, &op, &origin);
	if (!expect_res("STATS_CMD_ENTRY_TABLES", res, origin, TEEC_SUCCESS))
		return false;
	*n = (uint64_t)op.params[0].value.b << 32 | op.params[0].value.a;
	return true;
}

/*
 * exit-tables: a TA's TEE_Wait leaves for Linux in the middle of the TA (an RPC), on one CPU and
 * then another. Every way back to the normal world must leave the kernel's translation tables in
 * the CPU, not the TA's: the TA's instance may end on another CPU while this one is in Linux,
 * and its freed tables be reused before this CPU enters the secure world again, which then
 * cannot fetch its first instruction (the CPU never comes back). The trusted OS counts entries
 * that find anything but its own tables; the count must not move.
 */
bool case_exit_tables(TEEC_Context *ctx)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	uint64_t before, after;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	bool ok = true;

	if (!stats_open)
		return fail("no statistics PTA session: %s", baseline_error);
	if (!stale_entries(&before) || !open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	for (long i = 0; ok && i < 2 * (cpus < 1 ? 1 : cpus); i++) {
		cpu_set_t set;

		CPU_ZERO(&set);
		CPU_SET(i % (cpus < 1 ? 1 : cpus), &set);
		sched_setaffinity(0, sizeof(set), &set);
		memset(&op, 0, sizeof(op));
		op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
		op.params[0].value.a = 5;
		ok = expect_res("TEE_Wait(5 ms)", TEEC_InvokeCommand(&s, TEST_CMD_WAIT, &op, &origin),
				origin, TEEC_SUCCESS);
	}
	TEEC_CloseSession(&s);
	{
		cpu_set_t all;

		CPU_ZERO(&all);
		for (long c = 0; c < cpus; c++)
			CPU_SET(c, &all);
		sched_setaffinity(0, sizeof(all), &all);
	}
	if (!ok || !stale_entries(&after))
		return false;
	if (after != before)
		return fail("%llu entries into the trusted OS found a TA's translation tables in the "
			    "CPU (%llu since boot)",
			    (unsigned long long)(after - before), (unsigned long long)after);
	return true;
}

static bool read_rng(int fd, unsigned char *buf, size_t n)
{
	size_t got = 0;
	ssize_t r;

	while (got < n) {
		r = read(fd, buf + got, n - got);
		if (r <= 0)
			return false;
		got += (size_t)r;
	}
	return true;
}

/* /dev/hwrng is served by optee-rng (the TEE's RNG pseudo-TA) and gives fresh bytes. */
bool case_hwrng(TEEC_Context *ctx)
{
	unsigned char a[64], b[64], zero[64] = {0};
	char current[64] = "";
	FILE *f;
	int fd;

	(void)ctx;
	f = fopen("/sys/class/misc/hw_random/rng_current", "r");
	if (!f)
		return fail("no /sys/class/misc/hw_random/rng_current: no hwrng registered");
	if (!fgets(current, sizeof(current), f))
		current[0] = '\0';
	fclose(f);
	current[strcspn(current, "\n")] = '\0';
	if (!strstr(current, "optee"))
		return fail("the current hwrng is '%s', not optee-rng", current);
	fd = open("/dev/hwrng", O_RDONLY);
	if (fd < 0)
		return fail("cannot open /dev/hwrng");
	if (!read_rng(fd, a, sizeof(a)) || !read_rng(fd, b, sizeof(b))) {
		close(fd);
		return fail("reading /dev/hwrng failed");
	}
	close(fd);
	if (!memcmp(a, zero, sizeof(a)) || !memcmp(b, zero, sizeof(b)))
		return fail("/dev/hwrng gave 64 zero bytes");
	if (!memcmp(a, b, sizeof(a)))
		return fail("/dev/hwrng gave the same 64 bytes twice");
	return true;
}
