// SPDX-License-Identifier: BSD-2-Clause
/*
 * Authenticated-encryption known answers (AES-GCM, AES-CCM; NIST CAVP vectors): each vector is
 * encrypted and decrypted, in one call and in odd-sized parts (AAD and payload) continued
 * through a TEE_CopyOperation copy, with the short-buffer answers of GP 6.6.3 and 6.6.4 and a
 * forged tag that must give TEE_ERROR_MAC_INVALID with nothing written (GP 6.6.5). In parts,
 * GCM (a counter mode) gives every byte from the TEE_AEUpdate that takes it, partial blocks
 * too; CCM gives all of its output from the final call.
 */
#include <string.h>
#include <tee_internal_api.h>

#include "crypto_ta.h"

#define FILL 0xee

static void aad_in_parts(TEE_OperationHandle op, const struct kat *v)
{
	size_t off = 0;
	unsigned int i = 3;

	while (v->aad_len - off > part(i)) {
		TEE_AEUpdateAAD(op, v->aad + off, part(i));
		off += part(i++);
	}
	if (off < v->aad_len)
		TEE_AEUpdateAAD(op, v->aad + off, v->aad_len - off);
}

static TEE_Result ae_final(TEE_OperationHandle op, bool decrypt, const uint8_t *in, size_t len,
			   uint8_t *out, size_t *out_len, uint8_t *tag, size_t *tag_len)
{
	if (decrypt)
		return TEE_AEDecryptFinal(op, in, len, out, out_len, tag, *tag_len);
	return TEE_AEEncryptFinal(op, in, len, out, out_len, tag, tag_len);
}

/* In one call; encryption first meets a short output and a short tag buffer. */
static bool one_call(const struct kat *v, TEE_OperationHandle op, bool decrypt, const uint8_t *in,
		     const uint8_t *want, uint8_t *out, uint32_t *checks)
{
	uint8_t tag[16];
	size_t n = v->in_len, len = n, tag_len = sizeof(tag);
	bool ok = true;

	ok &= CHECK_RES(TEE_AEInit(op, v->iv, v->iv_len, v->tag_len * 8, v->aad_len, n),
			TEE_SUCCESS, checks);
	if (v->aad_len)
		TEE_AEUpdateAAD(op, v->aad, v->aad_len);
	if (!decrypt) {
		if (n) {
			len = n - 1;
			ok &= CHECK_RES(TEE_AEEncryptFinal(op, in, n, out, &len, tag, &tag_len),
					TEE_ERROR_SHORT_BUFFER, checks);
			ok &= CHECK(len == n, checks);
		}
		tag_len = v->tag_len - 1;
		ok &= CHECK_RES(TEE_AEEncryptFinal(op, in, n, out, &len, tag, &tag_len),
				TEE_ERROR_SHORT_BUFFER, checks);
		ok &= CHECK(tag_len == v->tag_len, checks);
	} else {
		memcpy(tag, v->tag, v->tag_len);
		tag_len = v->tag_len;
	}
	len = n;
	ok &=
	    CHECK_RES(ae_final(op, decrypt, in, n, out, &len, tag, &tag_len), TEE_SUCCESS, checks);
	ok &= CHECK(len == n && !memcmp(out, want, n), checks);
	if (!decrypt)
		ok &= CHECK(tag_len == v->tag_len && !memcmp(tag, v->tag, v->tag_len), checks);
	return ok;
}

/* In parts, a copy taken at most half way finishing the rest in one call. */
static bool in_parts(const struct kat *v, TEE_OperationHandle op, TEE_OperationHandle copy,
		     bool decrypt, const uint8_t *in, const uint8_t *want, uint8_t *out,
		     uint8_t *out2, uint32_t *checks)
{
	uint8_t tag[16], tag2[16];
	size_t n = v->in_len, len, done = 0, done2 = 0, off = 0, off2 = 0;
	size_t tag_len = decrypt ? v->tag_len : sizeof(tag), tag_len2 = tag_len;
	bool gcm = v->alg == TEE_ALG_AES_GCM;
	unsigned int i = 0;
	bool ok = true;

	ok &= CHECK_RES(TEE_AEInit(op, v->iv, v->iv_len, v->tag_len * 8, v->aad_len, n),
			TEE_SUCCESS, checks);
	aad_in_parts(op, v);
	TEE_CopyOperation(copy, op); /* the AAD taken, no payload yet */
	while (ok && n - off > part(i)) {
		/* GCM's first byte without room for it: SHORT_BUFFER naming it, nothing consumed */
		if (gcm && i == 0) {
			len = 0;
			ok &= CHECK_RES(TEE_AEUpdate(op, in + off, part(i), out + done, &len),
					TEE_ERROR_SHORT_BUFFER, checks);
			ok &= CHECK(len == part(i), checks);
		}
		len = n - done;
		ok &= CHECK_RES(TEE_AEUpdate(op, in + off, part(i), out + done, &len), TEE_SUCCESS,
				checks);
		ok &= CHECK(len == (gcm ? part(i) : 0), checks);
		done += len;
		off += part(i++);
		if (off <= n / 2) {
			TEE_CopyOperation(copy, op);
			done2 = done;
			off2 = off;
		}
	}
	TEE_MemMove(out2, out, done2);
	if (decrypt) {
		memcpy(tag, v->tag, v->tag_len);
		memcpy(tag2, v->tag, v->tag_len);
	}
	len = n - done;
	ok &= CHECK_RES(ae_final(op, decrypt, in + off, n - off, out + done, &len, tag, &tag_len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == (gcm ? n - off : n), checks);
	ok &= CHECK(done + len == n && !memcmp(out, want, n), checks);
	len = n - done2;
	ok &= CHECK_RES(
	    ae_final(copy, decrypt, in + off2, n - off2, out2 + done2, &len, tag2, &tag_len2),
	    TEE_SUCCESS, checks);
	ok &= CHECK(done2 + len == n && !memcmp(out2, want, n), checks);
	if (!decrypt)
		ok &= CHECK(tag_len == v->tag_len && !memcmp(tag, v->tag, v->tag_len) &&
				!memcmp(tag2, v->tag, v->tag_len),
			    checks);
	return ok;
}

/* A tag with one bit flipped: MAC_INVALID, and not a byte of plaintext written. */
static bool forged_tag(const struct kat *v, TEE_OperationHandle op, uint8_t *out, uint32_t *checks)
{
	uint8_t tag[16];
	size_t n = v->in_len, len = n;
	bool ok = true;

	memcpy(tag, v->tag, v->tag_len);
	tag[v->tag_len - 1] ^= 0x01;
	TEE_MemFill(out, FILL, n);
	ok &= CHECK_RES(TEE_AEInit(op, v->iv, v->iv_len, v->tag_len * 8, v->aad_len, n),
			TEE_SUCCESS, checks);
	if (v->aad_len)
		TEE_AEUpdateAAD(op, v->aad, v->aad_len);
	ok &= CHECK_RES(TEE_AEDecryptFinal(op, v->out, n, out, &len, tag, v->tag_len),
			TEE_ERROR_MAC_INVALID, checks);
	for (size_t i = 0; i < n; i++)
		ok &= out[i] == FILL;
	return CHECK(ok, checks);
}

bool ae_vector(const struct kat *v, uint32_t *checks)
{
	uint8_t *out = TEE_Malloc(2 * v->in_len + 2, TEE_MALLOC_FILL_ZERO);
	uint8_t *out2 = out + v->in_len + 1;
	bool ok = true;

	if (!out)
		return check(false, "TEE_Malloc(AE output)", __LINE__, checks);
	for (int decrypt = 0; decrypt < 2; decrypt++) {
		uint32_t mode = decrypt ? TEE_MODE_DECRYPT : TEE_MODE_ENCRYPT;
		const uint8_t *in = decrypt ? v->out : v->in, *want = decrypt ? v->in : v->out;
		TEE_OperationHandle op = keyed_op(v, mode), copy = TEE_HANDLE_NULL;

		if (op == TEE_HANDLE_NULL ||
		    TEE_AllocateOperation(&copy, v->alg, mode, v->key_len * 8) != TEE_SUCCESS) {
			TEE_FreeOperation(op);
			ok = check(false, "AE operations with the vector's key", __LINE__, checks);
			break;
		}
		ok &= one_call(v, op, decrypt, in, want, out, checks);
		ok &= in_parts(v, op, copy, decrypt, in, want, out, out2, checks);
		if (decrypt)
			ok &= forged_tag(v, op, out, checks);
		TEE_FreeOperation(op);
		TEE_FreeOperation(copy);
	}
	TEE_Free(out);
	return ok;
}
