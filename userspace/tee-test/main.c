// SPDX-License-Identifier: BSD-2-Clause
/*
 * tee-test: regression tests of the trusted OS through the GP TEE Client API (Debian's
 * libteec), driving the test TAs and the statistics PTA of ta/include/rampart_test_ta.h.
 *
 *   tee-test            run every case; one "rampart-check: tee-<case>: ok|FAILED why" line each
 *   tee-test CASE...    run the named cases only (the heap check then compares just those)
 *   tee-test --list     list the cases
 *   tee-test --bench    print the figures of `make bench`
 *   tee-test --wait MS  one TA call that waits MS ms (a call held in the trusted OS)
 *
 * Exit status: 0 when every case passed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cases.h"
#include "check.h"

static TEEC_Result context_result;

/* TEEC_InitializeContext itself, done by main(): this reports it. */
static bool case_context(TEEC_Context *ctx)
{
	(void)ctx;
	return expect_res("TEEC_InitializeContext(NULL)", context_result, 0, TEEC_SUCCESS);
}

/*
 * libteec's TEEC_InitializeContext answers TEEC_ERROR_ITEM_NOT_FOUND for "no TEE device" and
 * says no more (GP TEE Client API v1.0 4.5.2 gives it no other channel). Name the device and
 * why it does not open, so a container without /dev/tee0 (docs/containers.md) or one the device
 * cgroup keeps away from it says so.
 */
static void report_no_context(TEEC_Result res)
{
	const char *name = res_name(res);
	int fd = open("/dev/tee0", O_RDWR);

	if (fd >= 0) {
		close(fd);
		printf("tee-test: TEEC_InitializeContext failed: 0x%08x (%s); /dev/tee0 opens\n", res,
		       name ? name : "?");
		return;
	}
	printf("tee-test: TEEC_InitializeContext failed: 0x%08x (%s): no TEE device: /dev/tee0: %s\n",
	       res, name ? name : "?", strerror(errno));
}

static const struct tee_case cases[] = {
    {"context", case_context},
    {"open-invoke-close", case_open_invoke_close},
    {"params", case_params},
    {"null-short-buffer", case_null_short},
    {"registered-memory", case_registered_memory},
    {"allocated-memory", case_allocated_memory},
    {"many-sessions", case_many_sessions},
    {"ta-to-ta", case_ta_to_ta},
    {"peer-shared-instance", case_peer_shared},
    {"all-cpus", case_all_cpus},
    {"panic", case_panic},
    {"bad-access", case_bad_access},
    {"secure-memref", case_secure_memref},
    {"bad-ta-files", case_bad_ta_files},
    {"cancel", case_cancel},
    {"cancel-wait", case_cancel_wait},
    {"cancel-masked", case_cancel_masked},
    {"cancel-not-mine", case_cancel_not_mine},
    {"cancel-ta-timeout", case_cancel_ta_timeout},
    {"hwrng", case_hwrng},
    {"exit-tables", case_exit_tables},
    {"ta-heap", case_ta_heap},
    {"ta-properties", case_ta_properties},
    {"ta-time", case_ta_time},
    {"ta-wait", case_ta_wait},
    {"ta-random", case_ta_random},
    {"ta-access-rights", case_ta_access_rights},
    {"trusted-app-login", case_trusted_app_login},
    {"stats-privileged", case_stats_privileged},
    {"tpidr-isolation", case_tpidr_isolation},
    {"ta-file-replaced", case_ta_file_replaced},
    {"ta-nesting-bound", case_ta_nesting_bound},
    {"single-instance-race", case_single_instance_race},
    {"shm-churn", case_shm_churn},
    {"null-memref", case_null_memref},
    {"large-ta", case_large_ta},
    {"large-ta-parallel", case_large_ta_parallel},
    {"gp-crypto", case_gp_crypto},
    {"gp-arith", case_gp_arith},
    {"ta-libc", case_ta_libc},
    {"ta-shlib", case_ta_shlib},
    {"fpu-arith", case_fpu_arith},
    {"fpu-wait", case_fpu_wait},
    {"fpu-migrate", case_fpu_migrate},
    {"fpu-isolation", case_fpu_isolation},
    {"fpu-nested", case_fpu_nested},
    {"fpu-sve-sme", case_fpu_sve_sme},
    {"fpu-ns-kept", case_fpu_ns_kept},
    {"fpu-gcm", case_fpu_gcm},
    {"gp-asym", case_gp_asym},
    {"bench-ta", case_bench_ta},
    {"storage-basic", case_storage_basic},
    {"storage-isolation", case_storage_isolation},
    {"storage-tamper", case_storage_tamper},
    {"storage-sequences", case_storage_sequences},
    {"storage-time", case_storage_time},
    {"storage-requests", case_storage_requests},
    {"gp-sockets", case_gp_sockets},
    {"supp-plugin", case_supp_plugin},
    {"gp11-compat", case_gp11_compat},
    {"pkcs11-abi", case_pkcs11_abi},
    {"no-leak", case_no_leak}, /* last: compares with the state before the first case */
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/*
 * Cases run only when named, not in the whole run: they need what only their suite knows
 * (pkcs11-abi: the token's PINs, tests/qemu/guest/pkcs11.sh).
 */
static bool on_request(const struct tee_case *c)
{
	return !strcmp(c->name, "pkcs11-abi");
}

static bool selected(const struct tee_case *c, int argc, char **argv)
{
	int i;

	if (argc < 2)
		return !on_request(c);
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], c->name))
			return true;
	return false;
}

int main(int argc, char **argv)
{
	TEEC_Context ctx;
	unsigned int passed = 0, failed = 0;
	size_t i;
	int status;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && !strcmp(argv[1], "--list")) {
		for (i = 0; i < NCASES; i++)
			printf("%s\n", cases[i].name);
		return 0;
	}
	for (i = 1; i < (size_t)argc; i++) {
		size_t j;

		if (!strcmp(argv[i], "--bench") || !strcmp(argv[i], "--storage-verify") ||
		    !strcmp(argv[i], "--storage-writer"))
			continue;
		if (!strcmp(argv[i], "--session-flood") || !strcmp(argv[i], "--wait")) {
			i++; /* its number of seconds or milliseconds */
			continue;
		}
		for (j = 0; j < NCASES && strcmp(argv[i], cases[j].name); j++)
			;
		if (j == NCASES) {
			fprintf(stderr, "tee-test: no case '%s' (tee-test --list names them)\n",
				argv[i]);
			return 2;
		}
	}

	memset(&ctx, 0, sizeof(ctx));
	context_result = TEEC_InitializeContext(NULL, &ctx);
	if (context_result != TEEC_SUCCESS)
		report_no_context(context_result);
	if (argc == 2 &&
	    (!strcmp(argv[1], "--storage-verify") || !strcmp(argv[1], "--storage-writer"))) {
		if (context_result != TEEC_SUCCESS) {
			printf("storage-writer: error TEEC_InitializeContext: 0x%08x\n",
			       context_result);
			return 1;
		}
		status = storage_power_cut(&ctx, !strcmp(argv[1], "--storage-writer"));
		TEEC_FinalizeContext(&ctx);
		return status;
	}
	if (argc == 3 && !strcmp(argv[1], "--session-flood")) {
		if (context_result != TEEC_SUCCESS) {
			printf("tee-test: session flood: TEEC_InitializeContext: 0x%08x\n",
			       context_result);
			return 1;
		}
		status = session_flood(&ctx, (unsigned int)strtoul(argv[2], NULL, 10));
		TEEC_FinalizeContext(&ctx);
		return status;
	}
	if (argc == 3 && !strcmp(argv[1], "--wait")) {
		if (context_result != TEEC_SUCCESS) {
			printf("tee-test: wait: TEEC_InitializeContext: 0x%08x\n", context_result);
			return 1;
		}
		status = wait_call(&ctx, (unsigned int)strtoul(argv[2], NULL, 10));
		TEEC_FinalizeContext(&ctx);
		return status;
	}
	if (argc == 2 && !strcmp(argv[1], "--bench")) {
		if (context_result != TEEC_SUCCESS) {
			printf("tee-bench: error TEEC_InitializeContext: 0x%08x\n", context_result);
			return 1;
		}
		status = run_bench(&ctx);
		TEEC_FinalizeContext(&ctx);
		return status;
	}

	if (context_result == TEEC_SUCCESS)
		heap_baseline(&ctx);
	for (i = 0; i < NCASES; i++) {
		if (!selected(&cases[i], argc, argv))
			continue;
		/* Without a context only the context case can say anything useful. */
		if (context_result != TEEC_SUCCESS && i > 0) {
			printf("rampart-check: tee-%s: FAILED no TEE context (0x%08x)\n",
			       cases[i].name, context_result);
			failed++;
			continue;
		}
		if (run_case(&cases[i], &ctx))
			passed++;
		else
			failed++;
	}
	if (context_result == TEEC_SUCCESS) {
		heap_baseline_end();
		TEEC_FinalizeContext(&ctx);
	}
	printf("tee-test: %u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}
