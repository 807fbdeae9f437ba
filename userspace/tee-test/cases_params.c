// SPDX-License-Identifier: BSD-2-Clause
/*
 * Sessions and parameters: open/invoke/close, every parameter type in, out and inout, null
 * memrefs, short buffers, and the three kinds of memory (temporary, registered, allocated).
 * GP TEE Client API v1.0, sections 4.5 (functions) and 4.3.5-4.3.9 (parameter types).
 */
#include <stdlib.h>
#include <string.h>

#include <rampart_test_ta.h>

#include "cases.h"
#include "check.h"
#include "session.h"

static uint32_t byte_sum(const uint8_t *p, size_t n)
{
	uint32_t s = 0;

	while (n--)
		s += *p++;
	return s;
}

bool case_open_invoke_close(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	ok = invoke_add(&s, 40, 2, "InvokeCommand(ADD)") &&
	     invoke_add(&s, 7, 0xfffffff0u, "InvokeCommand(ADD) again");
	TEEC_CloseSession(&s);
	/* The same TA opens again after the close. */
	if (ok && open_session(ctx, &s, &test_ta_uuid, "OpenSession after CloseSession")) {
		ok = invoke_add(&s, 1, 1, "InvokeCommand on the second session");
		TEEC_CloseSession(&s);
	}
	return ok;
}

/* VALUE_INPUT and VALUE_OUTPUT (ADD), VALUE_INOUT (INOUT). */
static bool values(TEEC_Session *s)
{
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;

	if (!invoke_add(s, 0x12345678, 0x1111, "ADD (value in, value out)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].value.a = 100;
	op.params[0].value.b = 0xffffffffu;
	res = TEEC_InvokeCommand(s, TEST_CMD_INOUT, &op, &origin);
	if (!expect_res("INOUT (value inout)", res, origin, TEEC_SUCCESS))
		return false;
	if (op.params[0].value.a != 101 || op.params[0].value.b != 1)
		return fail("INOUT gave a = %u, b = %u, expected 101, 1", op.params[0].value.a,
			    op.params[0].value.b);
	return true;
}

/* MEMREF_TEMP_INPUT (SUM), MEMREF_TEMP_OUTPUT (FILL), MEMREF_TEMP_INOUT (REVERSE). */
static bool temp_memrefs(TEEC_Session *s)
{
	uint8_t in[300], out[64], rev[257];
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	size_t i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (uint8_t)(i * 7 + 3);
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = in;
	op.params[0].tmpref.size = sizeof(in);
	res = TEEC_InvokeCommand(s, TEST_CMD_SUM, &op, &origin);
	if (!expect_res("SUM (temp memref in)", res, origin, TEEC_SUCCESS))
		return false;
	if (op.params[1].value.a != byte_sum(in, sizeof(in)) || op.params[1].value.b != sizeof(in))
		return fail("SUM gave sum %u size %u, expected %u, %zu", op.params[1].value.a,
			    op.params[1].value.b, byte_sum(in, sizeof(in)), sizeof(in));

	memset(out, 0, sizeof(out));
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = out;
	op.params[0].tmpref.size = sizeof(out);
	op.params[1].value.a = 0xa5;
	op.params[1].value.b = 48;
	res = TEEC_InvokeCommand(s, TEST_CMD_FILL, &op, &origin);
	if (!expect_res("FILL (temp memref out)", res, origin, TEEC_SUCCESS))
		return false;
	for (i = 0; i < 48; i++)
		if (out[i] != 0xa5)
			return fail("FILL: byte %zu is 0x%02x, expected 0xa5", i, out[i]);
	for (; i < sizeof(out); i++)
		if (out[i] != 0)
			return fail("FILL wrote past the 48 bytes asked for (byte %zu)", i);
	if (op.params[0].tmpref.size != 48)
		return fail("FILL: output size %zu, expected 48", op.params[0].tmpref.size);

	for (i = 0; i < sizeof(rev); i++)
		rev[i] = (uint8_t)i;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = rev;
	op.params[0].tmpref.size = sizeof(rev);
	res = TEEC_InvokeCommand(s, TEST_CMD_REVERSE, &op, &origin);
	if (!expect_res("REVERSE (temp memref inout)", res, origin, TEEC_SUCCESS))
		return false;
	for (i = 0; i < sizeof(rev); i++)
		if (rev[i] != (uint8_t)(sizeof(rev) - 1 - i))
			return fail("REVERSE: byte %zu is 0x%02x, expected 0x%02x", i, rev[i],
				    (uint8_t)(sizeof(rev) - 1 - i));
	return true;
}

/* One call with four parameters of four different types. */
static bool all_types(TEEC_Session *s)
{
	uint8_t src[100], dst[100];
	TEEC_Operation op;
	uint32_t origin = 0;
	TEEC_Result res;
	size_t i;

	for (i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(0xff - i);
	memset(dst, 0, sizeof(dst));
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INOUT, TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT);
	op.params[0].value.a = 1000;
	op.params[1].value.a = 5;
	op.params[2].tmpref.buffer = src;
	op.params[2].tmpref.size = sizeof(src);
	op.params[3].tmpref.buffer = dst;
	op.params[3].tmpref.size = sizeof(dst);
	res = TEEC_InvokeCommand(s, TEST_CMD_ALL_TYPES, &op, &origin);
	if (!expect_res("ALL_TYPES", res, origin, TEEC_SUCCESS))
		return false;
	if (op.params[1].value.a != 1000 + byte_sum(src, sizeof(src)))
		return fail("ALL_TYPES: p1.a = %u, expected %u", op.params[1].value.a,
			    1000 + byte_sum(src, sizeof(src)));
	if (memcmp(src, dst, sizeof(src)) || op.params[3].tmpref.size != sizeof(src))
		return fail("ALL_TYPES: p3 is not a copy of p2 (size %zu)",
			    op.params[3].tmpref.size);
	return true;
}

bool case_params(TEEC_Context *ctx)
{
	TEEC_Session s;
	bool ok;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	ok = values(&s) && temp_memrefs(&s) && all_types(&s);
	TEEC_CloseSession(&s);
	return ok;
}

/*
 * A null memref (buffer NULL, size 0) reaches the TA as such; an output buffer that is too
 * small gives TEEC_ERROR_SHORT_BUFFER with the size needed written back (GP TEE Client API
 * 4.3.5 and Internal Core API 4.3.6.3).
 */
bool case_null_short(TEEC_Context *ctx)
{
	uint8_t small[4], src[10] = {1, 2, 3}, dst[4];
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	bool ok = false;

	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		return false;
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[1].value.a = op.params[1].value.b = 0x5a5a5a5a;
	res = TEEC_InvokeCommand(&s, TEST_CMD_SUM, &op, &origin);
	if (!expect_res("SUM with a null memref", res, origin, TEEC_SUCCESS))
		goto out;
	if (op.params[1].value.a != 0 || op.params[1].value.b != 0) {
		fail("SUM with a null memref saw sum %u size %u, expected 0, 0",
		     op.params[1].value.a, op.params[1].value.b);
		goto out;
	}

	/* FILL into 4 bytes asking for 16. */
	memset(small, 0x11, sizeof(small));
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].tmpref.buffer = small;
	op.params[0].tmpref.size = sizeof(small);
	op.params[1].value.a = 0x77;
	op.params[1].value.b = 16;
	res = TEEC_InvokeCommand(&s, TEST_CMD_FILL, &op, &origin);
	if (!expect_res("FILL into a short buffer", res, origin, TEEC_ERROR_SHORT_BUFFER))
		goto out;
	if (op.params[0].tmpref.size != 16) {
		fail("FILL into a short buffer: size written back %zu, expected 16",
		     op.params[0].tmpref.size);
		goto out;
	}
	if (small[0] != 0x11 || small[3] != 0x11) {
		fail("FILL into a short buffer changed the buffer");
		goto out;
	}

	/* The size query idiom: a null output buffer, then the size needed. */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_TEMP_OUTPUT, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[1].value.a = 0x77;
	op.params[1].value.b = 33;
	res = TEEC_InvokeCommand(&s, TEST_CMD_FILL, &op, &origin);
	if (!expect_res("FILL into a null memref", res, origin, TEEC_ERROR_SHORT_BUFFER))
		goto out;
	if (op.params[0].tmpref.size != 33) {
		fail("FILL into a null memref: size written back %zu, expected 33",
		     op.params[0].tmpref.size);
		goto out;
	}

	/* ALL_TYPES with its output shorter than its input. */
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_VALUE_INPUT, TEEC_VALUE_INOUT, TEEC_MEMREF_TEMP_INPUT,
					 TEEC_MEMREF_TEMP_OUTPUT);
	op.params[2].tmpref.buffer = src;
	op.params[2].tmpref.size = sizeof(src);
	op.params[3].tmpref.buffer = dst;
	op.params[3].tmpref.size = sizeof(dst);
	res = TEEC_InvokeCommand(&s, TEST_CMD_ALL_TYPES, &op, &origin);
	if (!expect_res("ALL_TYPES with a short output", res, origin, TEEC_ERROR_SHORT_BUFFER))
		goto out;
	if (op.params[3].tmpref.size != sizeof(src)) {
		fail("ALL_TYPES with a short output: size written back %zu, expected %zu",
		     op.params[3].tmpref.size, sizeof(src));
		goto out;
	}
	/* The session still works after the errors. */
	ok = invoke_add(&s, 3, 4, "ADD after SHORT_BUFFER");
out:
	TEEC_CloseSession(&s);
	return ok;
}

/*
 * TEEC_RegisterSharedMemory on a malloc'ed buffer: the TA works on the client's own pages
 * (libteec registers them with the driver, no shadow copy), whole and partial references.
 */
bool case_registered_memory(TEEC_Context *ctx)
{
	const size_t size = 3 * 4096 + 123;
	TEEC_SharedMemory shm;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	uint8_t *buf;
	size_t i, off = 4000, len = 5000;
	bool ok = false;

	buf = malloc(size);
	if (!buf)
		return fail("malloc(%zu) failed", size);
	for (i = 0; i < size; i++)
		buf[i] = (uint8_t)(i ^ (i >> 8));
	memset(&shm, 0, sizeof(shm));
	shm.buffer = buf;
	shm.size = size;
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	res = TEEC_RegisterSharedMemory(ctx, &shm);
	if (!expect_res("TEEC_RegisterSharedMemory", res, 0, TEEC_SUCCESS)) {
		free(buf);
		return false;
	}
	if (shm.shadow_buffer) {
		fail("libteec copies through a shadow buffer: the driver cannot register client "
		     "memory (no dynamic shared memory)");
		goto release;
	}
	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		goto release;

	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	res = TEEC_InvokeCommand(&s, TEST_CMD_SUM, &op, &origin);
	if (!expect_res("SUM over registered memory (whole)", res, origin, TEEC_SUCCESS))
		goto close;
	if (op.params[1].value.a != byte_sum(buf, size) || op.params[1].value.b != size) {
		fail("SUM over registered memory: sum %u size %u, expected %u, %zu",
		     op.params[1].value.a, op.params[1].value.b, byte_sum(buf, size), size);
		goto close;
	}

	/* Reverse a window that straddles a page boundary, in place in the client's buffer. */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	op.params[0].memref.offset = off;
	op.params[0].memref.size = len;
	res = TEEC_InvokeCommand(&s, TEST_CMD_REVERSE, &op, &origin);
	if (!expect_res("REVERSE over registered memory (partial inout)", res, origin,
			TEEC_SUCCESS))
		goto close;
	for (i = 0; i < size; i++) {
		size_t src = (i >= off && i < off + len) ? off + len - 1 - (i - off) : i;
		uint8_t want = (uint8_t)(src ^ (src >> 8));

		if (buf[i] != want) {
			fail("REVERSE over registered memory: byte %zu is 0x%02x, expected 0x%02x",
			     i, buf[i], want);
			goto close;
		}
	}

	/* PARTIAL_OUTPUT: FILL 100 bytes across the last page boundary; the rest stays as it was.
	 */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_OUTPUT, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	op.params[0].memref.offset = 12250;
	op.params[0].memref.size = 100;
	op.params[1].value.a = 0x3c;
	op.params[1].value.b = 100;
	res = TEEC_InvokeCommand(&s, TEST_CMD_FILL, &op, &origin);
	if (!expect_res("FILL over registered memory (partial out)", res, origin, TEEC_SUCCESS))
		goto close;
	for (i = 12250; i < 12350; i++)
		if (buf[i] != 0x3c) {
			fail("FILL over registered memory: byte %zu is 0x%02x", i, buf[i]);
			goto close;
		}
	if (buf[12249] != (uint8_t)(12249 ^ (12249 >> 8)) ||
	    buf[12350] != (uint8_t)(12350 ^ (12350 >> 8))) {
		fail("FILL over registered memory wrote outside its window");
		goto close;
	}

	/* PARTIAL_INPUT. */
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INPUT, TEEC_VALUE_OUTPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	op.params[0].memref.offset = 12250;
	op.params[0].memref.size = 100;
	res = TEEC_InvokeCommand(&s, TEST_CMD_SUM, &op, &origin);
	if (!expect_res("SUM over registered memory (partial in)", res, origin, TEEC_SUCCESS))
		goto close;
	if (op.params[1].value.a != 100 * 0x3c || op.params[1].value.b != 100) {
		fail("SUM over a partial reference: sum %u size %u, expected %u, 100",
		     op.params[1].value.a, op.params[1].value.b, 100 * 0x3c);
		goto close;
	}
	ok = true;
close:
	TEEC_CloseSession(&s);
release:
	TEEC_ReleaseSharedMemory(&shm);
	free(buf);
	return ok;
}

/* TEEC_AllocateSharedMemory: memory the driver provides, written by the TA, read here. */
bool case_allocated_memory(TEEC_Context *ctx)
{
	TEEC_SharedMemory shm;
	TEEC_Operation op;
	TEEC_Session s;
	uint32_t origin = 0;
	TEEC_Result res;
	uint8_t *p;
	size_t i;
	bool ok = false;

	memset(&shm, 0, sizeof(shm));
	shm.size = 10000;
	shm.flags = TEEC_MEM_INPUT | TEEC_MEM_OUTPUT;
	res = TEEC_AllocateSharedMemory(ctx, &shm);
	if (!expect_res("TEEC_AllocateSharedMemory", res, 0, TEEC_SUCCESS))
		return false;
	p = shm.buffer;
	memset(p, 0, shm.size);
	if (!open_session(ctx, &s, &test_ta_uuid, "OpenSession(test TA)"))
		goto release;
	memset(&op, 0, sizeof(op));
	op.paramTypes = TEEC_PARAM_TYPES(TEEC_MEMREF_WHOLE, TEEC_VALUE_INPUT, TEEC_NONE, TEEC_NONE);
	op.params[0].memref.parent = &shm;
	op.params[1].value.a = 0xc3;
	op.params[1].value.b = 9999;
	res = TEEC_InvokeCommand(&s, TEST_CMD_FILL, &op, &origin);
	if (!expect_res("FILL over allocated memory", res, origin, TEEC_SUCCESS))
		goto close;
	for (i = 0; i < 9999; i++)
		if (p[i] != 0xc3) {
			fail("FILL over allocated memory: byte %zu is 0x%02x", i, p[i]);
			goto close;
		}
	if (p[9999] != 0) {
		fail("FILL over allocated memory wrote past 9999 bytes");
		goto close;
	}
	if (op.params[0].memref.size != 9999) {
		fail("FILL over allocated memory: size %zu written back, expected 9999",
		     op.params[0].memref.size);
		goto close;
	}
	memset(&op, 0, sizeof(op));
	op.paramTypes =
	    TEEC_PARAM_TYPES(TEEC_MEMREF_PARTIAL_INOUT, TEEC_NONE, TEEC_NONE, TEEC_NONE);
	p[9998] = 1;
	op.params[0].memref.parent = &shm;
	op.params[0].memref.offset = 9990;
	op.params[0].memref.size = 10;
	res = TEEC_InvokeCommand(&s, TEST_CMD_REVERSE, &op, &origin);
	if (!expect_res("REVERSE over allocated memory", res, origin, TEEC_SUCCESS))
		goto close;
	if (p[9990] != 0 || p[9991] != 1 || p[9999] != 0xc3) {
		fail("REVERSE over allocated memory: bytes 9990.. are %02x %02x .. %02x", p[9990],
		     p[9991], p[9999]);
		goto close;
	}
	ok = true;
close:
	TEEC_CloseSession(&s);
release:
	TEEC_ReleaseSharedMemory(&shm);
	return ok;
}
