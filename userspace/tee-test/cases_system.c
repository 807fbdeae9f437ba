// SPDX-License-Identifier: BSD-2-Clause
/*
 * The TEE as a whole: its heap back at the baseline once every session is closed (no leak
 * across the whole run), and Linux's hardware RNG fed by the TEE (optee-rng).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
