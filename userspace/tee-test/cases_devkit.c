// SPDX-License-Identifier: BSD-2-Clause
/*
 * What TAs written for OP-TEE expect of the trusted OS beyond the basic calls: null memory
 * references (GP TEE Client API v1.0 4.3.8: a temporary memref with buffer NULL) delivered to
 * the TA as NULL and real zero-size buffers as buffers (GP TEE Internal Core API v1.3.1
 * 4.3.6.2; OP-TEE's xtest 1025), the size query through a null output memref (Client API
 * 4.5.8 and TEEC_ERROR_SHORT_BUFFER), and a TA file larger than 1 MiB, loaded by several
 * threads at once.
 */
#include <fcntl.h>
#include <linux/tee.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static const TEEC_UUID large_ta_uuid = TA_RAMPART_LARGE_UUID;

/* TEST_CMD_NULL_SEEN with p0 (input) and p1 (output) as given; what the TA saw into seen[3]. */
static bool null_seen(TEEC_Session *s, void *in, void *out, const char *what, uint32_t seen[3])
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_MEMREF_TEMP_OUTPUT,
					 TEEC_VALUE_OUTPUT, TEEC_VALUE_OUTPUT);
	op.params[0].tmpref.buffer = in;
	op.params[1].tmpref.buffer = out;
	op.params[2].value.a = op.params[2].value.b = op.params[3].value.a = 0x5a5a5a5a;
	res = TEEC_InvokeCommand(s, TEST_CMD_NULL_SEEN, &op, &origin);
	if (!expect_res(what, res, origin, TEEC_SUCCESS))
		return false;
	seen[0] = op.params[2].value.a;
	seen[1] = op.params[2].value.b;
	seen[2] = op.params[3].value.a;
	if (op.params[1].tmpref.size != 0)
		return fail("%s: output size came back %zu, expected 0", what,
			    op.params[1].tmpref.size);
	return true;
}

/*
 * optee.ko turns the trusted OS's OPTEE_SMC_SEC_CAP_MEMREF_NULL into TEE_GEN_CAP_MEMREF_NULL,
 * which lets libteec pass a client's null temporary memref as such (TEE_MEMREF_NULL).
 */
static bool memref_null_advertised(void)
{
	struct tee_ioctl_version_data v;
	int fd = open("/dev/tee0", O_RDWR);
	int rc;

	if (fd < 0)
		return fail("open /dev/tee0 failed");
	memset(&v, 0, sizeof(v));
	rc = ioctl(fd, TEE_IOC_VERSION, &v);
	close(fd);
	if (rc)
		return fail("TEE_IOC_VERSION failed");
	if (!(v.gen_caps & TEE_GEN_CAP_MEMREF_NULL))
		return fail("optee.ko does not report TEE_GEN_CAP_MEMREF_NULL (gen_caps %#x)",
			    v.gen_caps);
	return true;
}

bool case_null_memref(TEEC_Context *ctx)
{
	uint8_t in[8] = {1, 2, 3}, out[64];
	uint32_t seen[3], origin = 0;
	TEEC_Operation op;
	TEEC_Session s;
	TEEC_Result res;
	bool ok = false;

	if (!memref_null_advertised())
		return false;
	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;

	/* Null temporary memrefs (the MEMREF_NULL capability lets libteec pass them as such). */
	if (!null_seen(&s, NULL, NULL, "NULL_SEEN with null memrefs", seen))
		goto out;
	if (seen[0] != 3 || seen[1] || seen[2]) {
		fail("null memrefs did not reach the TA as NULL (NULL bits %#x, sizes %u, %u)",
		     seen[0], seen[1], seen[2]);
		goto out;
	}
	/* A real buffer of size zero stays a buffer (OP-TEE: xtest 1025's mapped 0-byte memref). */
	if (!null_seen(&s, in, NULL, "NULL_SEEN with a zero-size input buffer", seen))
		goto out;
	if (seen[0] != 2 || seen[1] || seen[2]) {
		fail("zero-size input and null output: NULL bits %#x (expected 0x2), sizes %u, %u",
		     seen[0], seen[1], seen[2]);
		goto out;
	}
	if (!null_seen(&s, NULL, out, "NULL_SEEN with a zero-size output buffer", seen))
		goto out;
	if (seen[0] != 1 || seen[1] || seen[2]) {
		fail("null input and zero-size output: NULL bits %#x (expected 0x1), sizes %u, %u",
		     seen[0], seen[1], seen[2]);
		goto out;
	}

	/* The size query: a null output memref, answered SHORT_BUFFER with the size needed. */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[1].value.a = 48;
	op.params[1].value.b = 0xc3;
	res = TEEC_InvokeCommand(&s, TEST_CMD_NULL_NEED, &op, &origin);
	if (!expect_res("NULL_NEED through a null output memref", res, origin,
			TEEC_ERROR_SHORT_BUFFER))
		goto out;
	if (op.params[0].tmpref.size != 48) {
		fail("NULL_NEED through a null memref: size written back %zu, expected 48",
		     op.params[0].tmpref.size);
		goto out;
	}
	/* The same through a zero-size buffer, then the call again with the size it asked for. */
	op.params[0].tmpref.buffer = out;
	op.params[0].tmpref.size = 0;
	res = TEEC_InvokeCommand(&s, TEST_CMD_NULL_NEED, &op, &origin);
	if (!expect_res("NULL_NEED through a zero-size buffer", res, origin,
			TEEC_ERROR_SHORT_BUFFER))
		goto out;
	if (op.params[0].tmpref.size != 48) {
		fail("NULL_NEED through a zero-size buffer: size written back %zu, expected 48",
		     op.params[0].tmpref.size);
		goto out;
	}
	memset(out, 0, sizeof(out));
	res = TEEC_InvokeCommand(&s, TEST_CMD_NULL_NEED, &op, &origin);
	if (!expect_res("NULL_NEED with the size asked for", res, origin, TEEC_SUCCESS))
		goto out;
	if (op.params[0].tmpref.size != 48 || out[0] != 0xc3 || out[47] != 0xc3 || out[48]) {
		fail("NULL_NEED with the size asked for: size %zu, bytes %#x..%#x, next %#x",
		     op.params[0].tmpref.size, out[0], out[47], out[48]);
		goto out;
	}
	ok = true;
out:
	TEEC_CloseSession(&s);
	return ok;
}

/* One session to the large TA, its table checked, closed. */
static bool large_ta_round(TEEC_Context *ctx)
{
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok;

	if (!open_session(ctx, &s, &large_ta_uuid, "OpenSession(large TA, file over 1 MiB)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	res = TEEC_InvokeCommand(&s, LARGE_CMD_CHECK, &op, &origin);
	ok = expect_res("LARGE_CMD_CHECK", res, origin, TEEC_SUCCESS);
	if (ok && (op.params[0].value.b != LARGE_TA_TABLE_BYTES ||
		   op.params[0].value.a != LARGE_TA_TABLE_BYTES))
		ok = fail("large TA: %u of %u table bytes right (expected %u)",
			  op.params[0].value.a, op.params[0].value.b, LARGE_TA_TABLE_BYTES);
	TEEC_CloseSession(&s);
	return ok;
}

bool case_large_ta(TEEC_Context *ctx)
{
	return large_ta_round(ctx);
}

#define LARGE_PARALLEL	      2
#define LARGE_PARALLEL_ROUNDS 3

struct large_loader {
	TEEC_Context *ctx;
	pthread_barrier_t *start;
	bool ok;
};

static void *large_loads(void *arg)
{
	struct large_loader *l = arg;

	l->ok = true;
	/* Every round, failed or not: the other thread waits at the barrier for this one. */
	for (int i = 0; i < LARGE_PARALLEL_ROUNDS; i++) {
		pthread_barrier_wait(l->start);
		if (!large_ta_round(l->ctx))
			l->ok = false;
	}
	return NULL;
}

/*
 * Instances of the large TA built at the same moment, each from its own reading of the file:
 * the trusted OS holds several files over 1 MiB at once while it verifies them (and, in a VM,
 * within that VM's share of secure memory). Multi-instance, so every open loads the file.
 */
bool case_large_ta_parallel(TEEC_Context *ctx)
{
	struct large_loader l[LARGE_PARALLEL];
	pthread_t th[LARGE_PARALLEL];
	pthread_barrier_t start;
	bool ok = true;
	int started = 0;

	pthread_barrier_init(&start, NULL, LARGE_PARALLEL);
	for (int i = 0; i < LARGE_PARALLEL; i++) {
		l[i].ctx = ctx;
		l[i].start = &start;
		if (pthread_create(&th[i], NULL, large_loads, &l[i]))
			break;
		started++;
	}
	if (started < LARGE_PARALLEL) {
		/* Nobody would meet the started threads at the barrier: end the case here. */
		fail("pthread_create failed after %d threads", started);
		abort();
	}
	for (int i = 0; i < LARGE_PARALLEL; i++) {
		pthread_join(th[i], NULL);
		if (!l[i].ok)
			ok = fail("large TA loaded at once: thread %d failed", i);
	}
	pthread_barrier_destroy(&start);
	return ok;
}
