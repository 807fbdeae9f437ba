// SPDX-License-Identifier: BSD-2-Clause
/*
 * What a hostile normal-world client, or one TA against another, must not get
 * (docs/trusted-os.md): a TA's identity claimed from Linux, the TEE's memory statistics without
 * privilege, one TA's thread ID register in another, and a TA file on disk ignored for one
 * verified earlier.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

#define LOGIN_TRUSTED_APP 0xF0000000U /* GP TEE Internal Core API 4.2.1 TEE_LOGIN_TRUSTED_APP */
#define NOBODY		  65534

static const TEEC_UUID swap_ta_uuid = TA_RAMPART_SWAP_UUID;
#define SWAP_TA_FILE "/lib/optee_armtz/5ee1c0de-7a11-4e57-9a6e-737761700000.ta"
#define SWAP_TA_V1   "/usr/share/rampart/swap-ta/v1.ta"
#define SWAP_TA_V2   "/usr/share/rampart/swap-ta/v2.ta"
#define TEST_TA_FILE "/lib/optee_armtz/5ee1c0de-7a11-4e57-9a6e-72616d706172.ta"

/*
 * A client claiming to be a TA: Linux's TEE core computes the client identity itself and knows
 * no TRUSTED_APP login, so it refuses before the trusted OS sees anything (origin COMMS); the
 * trusted OS refuses it too (tests/unit/msg_test.c sends it the raw message). Either way the
 * session must not open.
 */
bool case_trusted_app_login(TEEC_Context *ctx)
{
	static const uint32_t logins[] = {LOGIN_TRUSTED_APP, 3, 0x7fffffff};
	const TEEC_UUID claimed = TA_RAMPART_PEER_UUID;

	for (size_t i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		TEEC_Session s;
		uint32_t origin = 0;
		TEEC_Result res;

		res = TEEC_OpenSession(ctx, &s, &test_ta_uuid, logins[i], &claimed, NULL, &origin);
		if (res == TEEC_SUCCESS) {
			TEEC_CloseSession(&s);
			return fail("OpenSession with login %#x opened", logins[i]);
		}
		if (origin == TEEC_ORIGIN_TEE && res != TEEC_ERROR_BAD_PARAMETERS)
			return fail("login %#x: the TEE answered 0x%08x (%s), not BAD_PARAMETERS",
				    logins[i], res, res_name(res) ? res_name(res) : "?");
		printf("tee-test: login %#x refused: 0x%08x (%s) by %s\n", logins[i], res,
		       res_name(res) ? res_name(res) : "?",
		       origin == TEEC_ORIGIN_TEE ? "the trusted OS" : "Linux");
	}
	return true;
}

static bool stats_refused(TEEC_Context *ctx, uint32_t login, const char *who)
{
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;

	res = TEEC_OpenSession(ctx, &s, &stats_pta_uuid, login, NULL, NULL, &origin);
	if (res == TEEC_SUCCESS) {
		TEEC_CloseSession(&s);
		return fail("the statistics PTA opened for %s", who);
	}
	return expect_res(who, res, origin, TEEC_ERROR_ACCESS_DENIED);
}

/* A process of uid NOBODY: its own context, opened before it drops root, then a USER login. */
static int unprivileged_child(void)
{
	TEEC_Context ctx;
	int status;

	if (TEEC_InitializeContext(NULL, &ctx) != TEEC_SUCCESS)
		return 2;
	if (setgid(NOBODY) || setuid(NOBODY)) {
		fprintf(stderr, "tee-test: cannot become uid %d: %s\n", NOBODY, strerror(errno));
		return 3;
	}
	status = stats_refused(&ctx, TEEC_LOGIN_USER, "OpenSession(statistics PTA) as uid 65534")
		     ? 0
		     : 1;
	TEEC_FinalizeContext(&ctx);
	return status;
}

/* The statistics PTA: root (TEEC_LOGIN_USER from uid 0) gets it, nobody else. */
bool case_stats_privileged(TEEC_Context *ctx)
{
	struct tee_stats st;
	TEEC_Session s;
	uint32_t origin;
	int status;
	pid_t pid;

	if (!stats_refused(ctx, TEEC_LOGIN_PUBLIC, "OpenSession(statistics PTA) public login"))
		return false;
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	if (pid == 0)
		_exit(unprivileged_child());
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return fail("the uid %d child did not exit", NOBODY);
	if (WEXITSTATUS(status))
		return fail(
		    "the uid %d child: status %d (1: the PTA opened or gave the wrong error, "
		    "2: no context, 3: could not drop root)",
		    NOBODY, WEXITSTATUS(status));
	if (!expect_res("OpenSession(statistics PTA) as root",
			try_open(ctx, &s, &stats_pta_uuid, &origin), origin, TEEC_SUCCESS))
		return false;
	status = read_stats(&s, &st);
	TEEC_CloseSession(&s);
	return status;
}

static uint64_t joined(const TEEC_Value *v)
{
	return (uint64_t)v->a << 32 | v->b;
}

static bool tpidr_swap(TEEC_Session *s, uint64_t set, uint64_t *found, uint64_t *found_ro)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = set >> 32;
	op.params[0].value.b = (uint32_t)set;
	res = TEEC_InvokeCommand(s, TEST_CMD_TPIDR_SWAP, &op, &origin);
	if (!expect_res("TPIDR_SWAP", res, origin, TEEC_SUCCESS))
		return false;
	*found = joined(&op.params[1].value);
	*found_ro = joined(&op.params[2].value);
	return true;
}

struct waiter {
	TEEC_Session *s;
	uint64_t value, after;
	TEEC_Result res;
	uint32_t origin;
};

static void *tpidr_waiter(void *arg)
{
	struct waiter *w = arg;
	TEEC_Operation op;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = w->value >> 32;
	op.params[0].value.b = (uint32_t)w->value;
	op.params[1].value.a = 300;
	w->res = TEEC_InvokeCommand(w->s, TEST_CMD_TPIDR_WAIT, &op, &w->origin);
	w->after = joined(&op.params[2].value);
	return NULL;
}

/*
 * TPIDR_EL0 and TPIDRRO_EL0 at S-EL0: zero at every entry whatever another instance or an
 * earlier entry wrote, and a TA's own value kept across a nested TA call and a wait in Linux
 * while other TAs run.
 */
bool case_tpidr_isolation(TEEC_Context *ctx)
{
	const uint64_t x = 0x5ee1c0de7a114e57ULL, y = 0x0123456789abcdefULL;
	TEEC_Session a, b;
	TEEC_Operation op;
	struct waiter w = {0};
	pthread_t thread;
	uint64_t found, found_ro;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok = false;

	if (!open_session(ctx, &a, &test_ta_uuid, "OpenSession(test TA) first"))
		return false;
	if (!open_session(ctx, &b, &test_ta_uuid, "OpenSession(test TA) second"))
		goto close_a;
	if (!tpidr_swap(&a, x, &found, &found_ro))
		goto close_b;
	if (found || found_ro) {
		fail("the first entry found TPIDR_EL0 %#llx, TPIDRRO_EL0 %#llx, not zero",
		     (unsigned long long)found, (unsigned long long)found_ro);
		goto close_b;
	}
	/* Another instance, then the same one again: neither sees what was written. */
	if (!tpidr_swap(&b, y, &found, &found_ro))
		goto close_b;
	if (found || found_ro) {
		fail("another instance found TPIDR_EL0 %#llx, TPIDRRO_EL0 %#llx after the first "
		     "wrote %#llx",
		     (unsigned long long)found, (unsigned long long)found_ro,
		     (unsigned long long)x);
		goto close_b;
	}
	if (!tpidr_swap(&a, 0, &found, &found_ro))
		goto close_b;
	if (found || found_ro) {
		fail("the next entry of the first instance found TPIDR_EL0 %#llx (it wrote %#llx)",
		     (unsigned long long)found, (unsigned long long)x);
		goto close_b;
	}
	/* A nested TA call: the callee starts at zero, the caller gets its value back. */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT, TEEC_NONE);
	op.params[0].value.a = x >> 32;
	op.params[0].value.b = (uint32_t)x;
	res = TEEC_InvokeCommand(&a, TEST_CMD_TPIDR_NESTED, &op, &origin);
	if (!expect_res("TPIDR_NESTED", res, origin, TEEC_SUCCESS))
		goto close_b;
	if (joined(&op.params[1].value) || joined(&op.params[2].value) != x) {
		fail(
		    "nested: the callee found %#llx, the caller has %#llx afterwards (wrote %#llx)",
		    (unsigned long long)joined(&op.params[1].value),
		    (unsigned long long)joined(&op.params[2].value), (unsigned long long)x);
		goto close_b;
	}
	/* A TA waiting in Linux while another TA writes the register, on any CPU. */
	w.s = &a;
	w.value = x;
	if (pthread_create(&thread, NULL, tpidr_waiter, &w)) {
		fail("pthread_create failed");
		goto close_b;
	}
	ok = true;
	for (int i = 0; i < 50 && ok; i++) {
		ok = tpidr_swap(&b, y + i, &found, &found_ro);
		if (ok && (found || found_ro))
			ok = fail("an entry found TPIDR_EL0 %#llx while another TA waits",
				  (unsigned long long)found);
		usleep(2000);
	}
	pthread_join(thread, NULL);
	if (ok && !expect_res("TPIDR_WAIT", w.res, w.origin, TEEC_SUCCESS))
		ok = false;
	if (ok && w.after != x)
		ok = fail("after waiting in Linux the TA has TPIDR_EL0 %#llx, it wrote %#llx",
			  (unsigned long long)w.after, (unsigned long long)x);
close_b:
	TEEC_CloseSession(&b);
close_a:
	TEEC_CloseSession(&a);
	return ok;
}

/* Copy src (its first len bytes if len is not 0) to dst through a new file renamed over it. */
static bool install(const char *src, const char *dst, size_t len)
{
	char tmp[128], buf[4096];
	size_t done = 0;
	int in, out;
	ssize_t n;

	snprintf(tmp, sizeof(tmp), "%s.new", dst);
	in = open(src, O_RDONLY);
	if (in < 0)
		return fail("%s: %s", src, strerror(errno));
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0444);
	if (out < 0) {
		close(in);
		return fail("%s: %s", tmp, strerror(errno));
	}
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		size_t want = len && done + (size_t)n > len ? len - done : (size_t)n;

		if (write(out, buf, want) != (ssize_t)want)
			break;
		done += want;
		if (len && done == len)
			break;
	}
	close(in);
	if (close(out) || n < 0 || rename(tmp, dst))
		return fail("writing %s: %s", dst, strerror(errno));
	return true;
}

static off_t file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) ? 0 : st.st_size;
}

/* SWAP_CMD_VERSION on an open session: the version it answers, 0 on failure (named what). */
static uint32_t session_version(TEEC_Session *s, const char *what)
{
	TEEC_Operation op;
	uint32_t origin;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(s, SWAP_CMD_VERSION, &op, &origin);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return 0;
	return op.params[0].value.a;
}

/* Opens the swap TA and returns the version it answers, 0 on any failure (named). */
static uint32_t swap_version(TEEC_Context *ctx, TEEC_Session *s, const char *what)
{
	uint32_t origin, version;
	TEEC_Result res;

	res = try_open(ctx, s, &swap_ta_uuid, &origin);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return 0;
	version = session_version(s, "SWAP_CMD_VERSION");
	if (!version)
		TEEC_CloseSession(s);
	return version;
}

static bool swap_refused(TEEC_Context *ctx, const char *what, TEEC_Result want)
{
	TEEC_Session s;
	uint32_t origin;
	TEEC_Result res = try_open(ctx, &s, &swap_ta_uuid, &origin);

	if (res == TEEC_SUCCESS) {
		TEEC_CloseSession(&s);
		return fail("%s: the swap TA opened", what);
	}
	if (!expect_res(what, res, origin, want))
		return false;
	printf("tee-test: %s: refused, 0x%08x (%s)\n", what, res, res_name(res));
	return true;
}

static bool expect_version(TEEC_Context *ctx, TEEC_Session *s, uint32_t want, const char *what)
{
	uint32_t got = swap_version(ctx, s, what);

	if (!got)
		return false;
	if (got != want) {
		TEEC_CloseSession(s);
		return fail("%s: the swap TA answers version %u, the file on disk is version %u",
			    what, got, want);
	}
	return true;
}

/*
 * The file in /lib/optee_armtz is what a new instance runs: replaced by another signed build,
 * by a broken file, by a TA whose header names another UUID, or removed, each takes effect at
 * the next open; sessions already open keep their instance.
 */
bool case_ta_file_replaced(TEEC_Context *ctx)
{
	TEEC_Session s1, s2, s3;
	off_t v2_size = file_size(SWAP_TA_V2);
	bool ok = false;

	if (!v2_size)
		return fail("%s missing from the initramfs", SWAP_TA_V2);
	/*
	 * First a validly signed TA under the wrong name: refused for its header's UUID, and it
	 * must not be kept under the name it was asked for.
	 */
	if (!install(TEST_TA_FILE, SWAP_TA_FILE, 0) ||
	    !swap_refused(ctx, "another TA's file under the swap TA's name", TEEC_ERROR_SECURITY))
		goto out;
	if (!install(SWAP_TA_V1, SWAP_TA_FILE, 0) ||
	    !expect_version(ctx, &s1, 1, "OpenSession(swap TA v1) after the wrong file"))
		goto out;
	if (!install(SWAP_TA_V2, SWAP_TA_FILE, 0) ||
	    !expect_version(ctx, &s2, 2, "OpenSession(swap TA) replaced by v2"))
		goto close_1;
	/* Bigger than the image verified before (the size read again), and another TA's. */
	if (!install(TEST_TA_FILE, SWAP_TA_FILE, 0) ||
	    !swap_refused(ctx, "another TA's bigger file replacing v2", TEEC_ERROR_SECURITY))
		goto close_2;
	if (!install(SWAP_TA_V2, SWAP_TA_FILE, (size_t)v2_size / 2) ||
	    !swap_refused(ctx, "the swap TA's file cut in half", TEEC_ERROR_BAD_FORMAT))
		goto close_2;
	/* The same file twice: the second open takes the path that skips the verification. */
	if (!install(SWAP_TA_V1, SWAP_TA_FILE, 0) ||
	    !expect_version(ctx, &s3, 1, "OpenSession(swap TA) back to v1"))
		goto close_2;
	TEEC_CloseSession(&s3);
	if (!expect_version(ctx, &s3, 1, "OpenSession(swap TA) v1 again"))
		goto close_2;
	TEEC_CloseSession(&s3);
	if (unlink(SWAP_TA_FILE)) {
		fail("unlink %s: %s", SWAP_TA_FILE, strerror(errno));
		goto close_2;
	}
	if (!swap_refused(ctx, "the swap TA's file removed", TEEC_ERROR_ITEM_NOT_FOUND))
		goto close_2;
	ok = true;
close_2:
	/* Sessions opened before the replacements keep the instance they had. */
	if (ok) {
		uint32_t v = session_version(&s2, "SWAP_CMD_VERSION on the open v2 session");

		if (!v)
			ok = false;
		else if (v != 2)
			ok = fail("the session opened on v2 now answers %u", v);
	}
	TEEC_CloseSession(&s2);
close_1:
	if (ok) {
		uint32_t v = session_version(&s1, "SWAP_CMD_VERSION on the open v1 session");

		if (!v)
			ok = false;
		else if (v != 1)
			ok = fail("the session opened on v1 now answers %u", v);
	}
	TEEC_CloseSession(&s1);
out:
	unlink(SWAP_TA_FILE);
	return ok;
}
