// SPDX-License-Identifier: BSD-2-Clause
/*
 * AES-CTS (CBC-CS3) beyond the known answers every cipher vector gets (crypto_kat.c): what each
 * TEE_CipherUpdate gives. Stealing needs the last two blocks, so an update gives whole blocks
 * but keeps back the last 17 to 32 bytes it has (all of them while there are at most 32); the
 * final call gives those. Checked byte by byte on every CTS vector, and step by step, with the
 * short-buffer answers of GP 6.4.3 and 6.4.4, on the 64-byte one.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "crypto_ta.h"

/* The bytes given once total bytes went in: the most whole blocks leaving 17 or more behind. */
static size_t given(size_t total)
{
	return total < 17 ? 0 : (total - 17) / 16 * 16;
}

static bool byte_by_byte(const struct kat *v, TEE_OperationHandle op, uint8_t *out,
			 uint32_t *checks)
{
	size_t len, done = 0;
	bool ok = true;

	TEE_CipherInit(op, v->iv, v->iv_len);
	for (size_t n = 0; ok && n < v->in_len; n++) {
		len = v->in_len - done;
		ok &= CHECK_RES(TEE_CipherUpdate(op, v->in + n, 1, out + done, &len), TEE_SUCCESS,
				checks);
		ok &= CHECK(len == given(n + 1) - given(n), checks);
		done += len;
	}
	/* the final call, with no more input, gives what was held: 16 to 32 bytes */
	len = v->in_len - done - 1;
	ok &= CHECK_RES(TEE_CipherDoFinal(op, NULL, 0, out + done, &len), TEE_ERROR_SHORT_BUFFER,
			checks);
	ok &= CHECK(len == v->in_len - done, checks);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, NULL, 0, out + done, &len), TEE_SUCCESS, checks);
	ok &= CHECK(done + len == v->out_len && !memcmp(out, v->out, v->out_len), checks);
	return ok;
}

/* 64 bytes: 16 and 16 give nothing, the 33rd byte a block, 15 more nothing, the 49th byte a
 * block (first asked with room for 15: SHORT_BUFFER naming 16, nothing consumed), 15 more
 * nothing; the final call the last 32. */
static bool in_steps(const struct kat *v, TEE_OperationHandle op, uint8_t *out, uint32_t *checks)
{
	static const struct {
		uint8_t in, out;
	} steps[] = {{16, 0}, {16, 0}, {1, 16}, {15, 0}, {1, 16}, {15, 0}};
	size_t len, off = 0, done = 0;
	bool ok = true;

	TEE_CipherInit(op, v->iv, v->iv_len);
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (i == 4) {
			len = 15;
			ok &= CHECK_RES(TEE_CipherUpdate(op, v->in + off, 1, out + done, &len),
					TEE_ERROR_SHORT_BUFFER, checks);
			ok &= CHECK(len == 16, checks);
		}
		len = v->in_len - done;
		ok &= CHECK_RES(TEE_CipherUpdate(op, v->in + off, steps[i].in, out + done, &len),
				TEE_SUCCESS, checks);
		ok &= CHECK(len == steps[i].out, checks);
		off += steps[i].in;
		done += len;
	}
	len = v->in_len - done;
	ok &= CHECK(off == 64 && done == 32, checks);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, NULL, 0, out + done, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 32 && !memcmp(out, v->out, 64), checks);
	return ok;
}

bool cts_vector(const struct kat *v, uint32_t *checks)
{
	TEE_OperationHandle op = keyed_op(v, v->decrypt ? TEE_MODE_DECRYPT : TEE_MODE_ENCRYPT);
	uint8_t *out = TEE_Malloc(v->in_len, TEE_MALLOC_FILL_ZERO);
	bool ok;

	if (op == TEE_HANDLE_NULL || !out) {
		TEE_FreeOperation(op);
		TEE_Free(out);
		return check(false, "AES-CTS operation with the vector's key", __LINE__, checks);
	}
	ok = byte_by_byte(v, op, out, checks);
	if (v->in_len == 64) {
		TEE_MemFill(out, 0, v->in_len);
		ok &= in_steps(v, op, out, checks);
	}
	TEE_FreeOperation(op);
	TEE_Free(out);
	return ok;
}
