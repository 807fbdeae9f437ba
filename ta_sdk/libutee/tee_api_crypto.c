// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP cryptographic operations (GP TEE Internal Core API v1.3.1 chapter 6): digests, MACs,
 * symmetric ciphers and authenticated encryption. The operations run in the trusted OS
 * (TA_SYS_OP_*), which holds the key and state and panics the TA where the specification says; this
 * side converts the GP signatures.
 */
#include <stdint.h>
#include <string.h>
#include <tee_internal_api.h>

#include "utee_syscalls.h"

#define H(o)	((uint64_t)(uintptr_t)(o))
#define MAC_MAX 64 /* HMAC-SHA512 */

TEE_Result TEE_AllocateOperation(TEE_OperationHandle *operation, uint32_t algorithm, uint32_t mode,
				 uint32_t maxKeySize)
{
	uint32_t h = 0;
	TEE_Result res;

	if (!operation)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	res = utee_crypto(TA_SYS_OP_ALLOC, algorithm, mode, maxKeySize, (uintptr_t)&h);
	*operation = res == TEE_SUCCESS ? (TEE_OperationHandle)(uintptr_t)h : TEE_HANDLE_NULL;
	return res;
}

void TEE_FreeOperation(TEE_OperationHandle operation)
{
	if (operation != TEE_HANDLE_NULL)
		utee_crypto(TA_SYS_OP_FREE, H(operation), 0, 0, 0);
}

void TEE_GetOperationInfo(TEE_OperationHandle operation, TEE_OperationInfo *operationInfo)
{
	struct ta_op_info info;

	if (!operationInfo)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	if (utee_crypto(TA_SYS_OP_INFO, H(operation), (uintptr_t)&info, 0, 0) != TEE_SUCCESS)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	operationInfo->algorithm = info.algorithm;
	operationInfo->operationClass = info.op_class;
	operationInfo->mode = info.mode;
	operationInfo->digestLength = info.digest_len;
	operationInfo->maxKeySize = info.max_key_bits;
	operationInfo->keySize = info.key_bits;
	operationInfo->requiredKeyUsage = info.required_usage;
	operationInfo->handleState = info.handle_state;
}

void TEE_ResetOperation(TEE_OperationHandle operation)
{
	utee_crypto(TA_SYS_OP_RESET, H(operation), 0, 0, 0);
}

TEE_Result TEE_SetOperationKey(TEE_OperationHandle operation, TEE_ObjectHandle key)
{
	return utee_crypto(TA_SYS_OP_SET_KEY, H(operation), H(key), 0, 0);
}

TEE_Result TEE_SetOperationKey2(TEE_OperationHandle operation, TEE_ObjectHandle key1,
				TEE_ObjectHandle key2)
{
	return utee_crypto(TA_SYS_OP_SET_KEY2, H(operation), H(key1), H(key2), 0);
}

void TEE_CopyOperation(TEE_OperationHandle dstOperation, TEE_OperationHandle srcOperation)
{
	utee_crypto(TA_SYS_OP_COPY, H(dstOperation), H(srcOperation), 0, 0);
}

TEE_Result TEE_IsAlgorithmSupported(uint32_t algId, uint32_t element)
{
	/* the trusted OS answers for the pair: an element names an ECC curve (GP 6.2.9) */
	return utee_crypto(TA_SYS_ALG_SUPPORTED, algId, element, 0, 0);
}

/*
 * The trusted OS runs a system call with interrupts masked; the normal world's interrupts are
 * taken when the TA runs. So long inputs go in slices of this many bytes, each its own call:
 * about 2 ms of SHA-256 under QEMU, not 70 ms for a MiB.
 */
#define SLICE (32 * 1024)

/* UPDATE of a digest or MAC: no output. */
static void update_no_output(uint32_t op_class, TEE_OperationHandle op, const uint8_t *in,
			     size_t in_len)
{
	do {
		size_t n = in_len > SLICE ? SLICE : in_len;

		utee_op_data(TA_SYS_OP_UPDATE, (uint32_t)H(op), in, n, NULL, NULL, op_class);
		in += n;
		in_len -= n;
	} while (in_len);
}

/*
 * Whether the leading slices of in_len bytes can be fed before the call that produces the
 * result without changing what GP says happens: the output room must be enough for all of it
 * (else SHORT_BUFFER must come first, with nothing consumed).
 */
static bool can_slice(uint32_t op_class, TEE_OperationHandle op, size_t in_len, uint64_t room)
{
	struct ta_op_info info;

	if (in_len <= SLICE)
		return false;
	/* at most what the trusted OS holds back more than the input: a partial block, or for
	 * AES-CTS the last 17 to 32 bytes */
	if (op_class == TEE_OPERATION_CIPHER || op_class == TEE_OPERATION_AE)
		return in_len <= SIZE_MAX - 2 * TEE_AES_BLOCK_SIZE &&
		       room >= in_len + 2 * TEE_AES_BLOCK_SIZE;
	if (utee_crypto(TA_SYS_OP_INFO, H(op), (uintptr_t)&info, 0, 0) != TEE_SUCCESS)
		return false;
	return room >= info.digest_len;
}

/* UPDATE/FINAL with an output: *len in (room) and out (written, or needed on SHORT_BUFFER). */
static TEE_Result data_call_tag(uint32_t nr, uint32_t op_class, TEE_OperationHandle op,
				const void *in, size_t in_len, void *out, size_t *len,
				struct ta_ae_tag *tag)
{
	const uint8_t *src = in;
	uint8_t *dst = out;
	uint64_t room, done = 0, n;
	TEE_Result res;

	if (!len)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	room = *len;
	if (can_slice(op_class, op, in_len, room)) {
		while (in_len > SLICE) {
			if (op_class == TEE_OPERATION_DIGEST || op_class == TEE_OPERATION_MAC) {
				update_no_output(op_class, op, src, SLICE);
			} else {
				n = room - done;
				res = utee_op_data(TA_SYS_OP_UPDATE, (uint32_t)H(op), src, SLICE,
						   dst + done, &n, op_class);
				if (res != TEE_SUCCESS)
					TEE_Panic(res); /* the room was checked: cannot happen */
				done += n;
			}
			src += SLICE;
			in_len -= SLICE;
		}
	}
	n = room - done;
	if (nr == TA_SYS_OP_AE_FINAL)
		res = utee_crypto6(nr, H(op), (uintptr_t)src, in_len,
				   (uintptr_t)(dst ? dst + done : NULL), (uintptr_t)&n,
				   (uintptr_t)tag);
	else
		res = utee_op_data(nr, (uint32_t)H(op), src, in_len, dst ? dst + done : NULL, &n,
				   op_class);
	if (res == TEE_SUCCESS || res == TEE_ERROR_SHORT_BUFFER)
		*len = done + n;
	return res;
}

static TEE_Result data_call(uint32_t nr, uint32_t op_class, TEE_OperationHandle op, const void *in,
			    size_t in_len, void *out, size_t *len)
{
	return data_call_tag(nr, op_class, op, in, in_len, out, len, NULL);
}

void TEE_DigestUpdate(TEE_OperationHandle operation, const void *chunk, size_t chunkSize)
{
	update_no_output(TEE_OPERATION_DIGEST, operation, chunk, chunkSize);
}

TEE_Result TEE_DigestDoFinal(TEE_OperationHandle operation, const void *chunk, size_t chunkLen,
			     void *hash, size_t *hashLen)
{
	return data_call(TA_SYS_OP_FINAL, TEE_OPERATION_DIGEST, operation, chunk, chunkLen, hash,
			 hashLen);
}

void TEE_CipherInit(TEE_OperationHandle operation, const void *IV, size_t IVLen)
{
	utee_crypto(TA_SYS_OP_INIT, H(operation), (uintptr_t)IV, IVLen, TEE_OPERATION_CIPHER);
}

TEE_Result TEE_CipherUpdate(TEE_OperationHandle operation, const void *srcData, size_t srcLen,
			    void *destData, size_t *destLen)
{
	return data_call(TA_SYS_OP_UPDATE, TEE_OPERATION_CIPHER, operation, srcData, srcLen,
			 destData, destLen);
}

TEE_Result TEE_CipherDoFinal(TEE_OperationHandle operation, const void *srcData, size_t srcLen,
			     void *destData, size_t *destLen)
{
	return data_call(TA_SYS_OP_FINAL, TEE_OPERATION_CIPHER, operation, srcData, srcLen,
			 destData, destLen);
}

void TEE_MACInit(TEE_OperationHandle operation, const void *IV, size_t IVLen)
{
	utee_crypto(TA_SYS_OP_INIT, H(operation), (uintptr_t)IV, IVLen, TEE_OPERATION_MAC);
}

void TEE_MACUpdate(TEE_OperationHandle operation, const void *chunk, size_t chunkSize)
{
	update_no_output(TEE_OPERATION_MAC, operation, chunk, chunkSize);
}

TEE_Result TEE_MACComputeFinal(TEE_OperationHandle operation, const void *message,
			       size_t messageLen, void *mac, size_t *macLen)
{
	return data_call(TA_SYS_OP_FINAL, TEE_OPERATION_MAC, operation, message, messageLen, mac,
			 macLen);
}

TEE_Result TEE_MACCompareFinal(TEE_OperationHandle operation, const void *message,
			       size_t messageLen, const void *mac, size_t macLen)
{
	uint8_t computed[MAC_MAX];
	size_t len = sizeof(computed);
	const uint8_t *expected = mac;
	uint8_t diff = 0;
	TEE_Result res;

	res = data_call(TA_SYS_OP_FINAL, TEE_OPERATION_MAC, operation, message, messageLen,
			computed, &len);
	if (res != TEE_SUCCESS)
		return res;
	if (macLen != len || !mac)
		return TEE_ERROR_MAC_INVALID;
	/* In constant time: how much of a forged MAC matched is not told by the timing. */
	for (size_t i = 0; i < len; i++)
		diff |= computed[i] ^ expected[i];
	memset(computed, 0, sizeof(computed));
	return diff ? TEE_ERROR_MAC_INVALID : TEE_SUCCESS;
}

/*
 * Authenticated encryption (GP 6.6). The trusted OS holds the state and checks the tag; a
 * decryption whose tag does not match gives TEE_ERROR_MAC_INVALID and writes no output.
 */
TEE_Result TEE_AEInit(TEE_OperationHandle operation, const void *nonce, size_t nonceLen,
		      uint32_t tagLen, size_t AADLen, size_t payloadLen)
{
	TEE_Result res;

	res = utee_crypto6(TA_SYS_OP_AE_INIT, H(operation), (uintptr_t)nonce, nonceLen, tagLen,
			   AADLen, payloadLen);
	/* GP 6.6.1: NOT_SUPPORTED (a tag length the algorithm lacks) is the only result */
	if (res != TEE_SUCCESS && res != TEE_ERROR_NOT_SUPPORTED)
		TEE_Panic(res);
	return res;
}

void TEE_AEUpdateAAD(TEE_OperationHandle operation, const void *AADdata, size_t AADdataLen)
{
	const uint8_t *p = AADdata;

	do {
		size_t n = AADdataLen > SLICE ? SLICE : AADdataLen;

		utee_crypto(TA_SYS_OP_AE_AAD, H(operation), (uintptr_t)p, n, 0);
		p += n;
		AADdataLen -= n;
	} while (AADdataLen);
}

TEE_Result TEE_AEUpdate(TEE_OperationHandle operation, const void *srcData, size_t srcLen,
			void *destData, size_t *destLen)
{
	return data_call(TA_SYS_OP_UPDATE, TEE_OPERATION_AE, operation, srcData, srcLen, destData,
			 destLen);
}

TEE_Result TEE_AEEncryptFinal(TEE_OperationHandle operation, const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag, size_t *tagLen)
{
	struct ta_ae_tag t = {.buf = (uintptr_t)tag, .len = 0, .decrypt = 0};
	TEE_Result res;

	if (!tagLen)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	t.len = *tagLen;
	res = data_call_tag(TA_SYS_OP_AE_FINAL, TEE_OPERATION_AE, operation, srcData, srcLen,
			    destData, destLen, &t);
	if (res == TEE_SUCCESS || res == TEE_ERROR_SHORT_BUFFER)
		*tagLen = t.len;
	return res;
}

TEE_Result TEE_AEDecryptFinal(TEE_OperationHandle operation, const void *srcData, size_t srcLen,
			      void *destData, size_t *destLen, void *tag, size_t tagLen)
{
	struct ta_ae_tag t = {.buf = (uintptr_t)tag, .len = tagLen, .decrypt = 1};

	return data_call_tag(TA_SYS_OP_AE_FINAL, TEE_OPERATION_AE, operation, srcData, srcLen,
			     destData, destLen, &t);
}

/*
 * Asymmetric operations (GP 6.8) and key derivation (GP 6.9.1): the trusted OS holds the key
 * and checks everything; the buffers travel in a struct ta_asym_io.
 */
static TEE_Result asym_call(TEE_OperationHandle op, uint32_t mode, const TEE_Attribute *params,
			    uint32_t paramCount, const void *in, size_t in_len, void *out,
			    size_t *out_len)
{
	struct ta_attr a[UTEE_ATTRS_MAX];
	struct ta_asym_io io;
	TEE_Result res;

	/* GP 6.8.1 to 6.8.4: a NULL length pointer, or a NULL buffer with a length, panics */
	if (!out_len || (!in && in_len) || (!out && *out_len))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	utee_attrs_to_abi(a, params, paramCount);
	io.in = (uintptr_t)in;
	io.in_len = in_len;
	io.out = (uintptr_t)out;
	io.out_len = *out_len;
	res = utee_crypto6(TA_SYS_ASYM_CRYPT, H(op), (uintptr_t)a, paramCount, mode, (uintptr_t)&io,
			   0);
	if (res == TEE_SUCCESS || res == TEE_ERROR_SHORT_BUFFER)
		*out_len = io.out_len;
	return res;
}

TEE_Result TEE_AsymmetricEncrypt(TEE_OperationHandle operation, const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData, size_t srcLen,
				 void *destData, size_t *destLen)
{
	return asym_call(operation, TEE_MODE_ENCRYPT, params, paramCount, srcData, srcLen, destData,
			 destLen);
}

TEE_Result TEE_AsymmetricDecrypt(TEE_OperationHandle operation, const TEE_Attribute *params,
				 uint32_t paramCount, const void *srcData, size_t srcLen,
				 void *destData, size_t *destLen)
{
	return asym_call(operation, TEE_MODE_DECRYPT, params, paramCount, srcData, srcLen, destData,
			 destLen);
}

TEE_Result TEE_AsymmetricSignDigest(TEE_OperationHandle operation, const TEE_Attribute *params,
				    uint32_t paramCount, const void *digest, size_t digestLen,
				    void *signature, size_t *signatureLen)
{
	return asym_call(operation, TEE_MODE_SIGN, params, paramCount, digest, digestLen, signature,
			 signatureLen);
}

TEE_Result TEE_AsymmetricVerifyDigest(TEE_OperationHandle operation, const TEE_Attribute *params,
				      uint32_t paramCount, const void *digest, size_t digestLen,
				      const void *signature, size_t signatureLen)
{
	struct ta_attr a[UTEE_ATTRS_MAX];
	struct ta_asym_io io;

	if ((!digest && digestLen) || (!signature && signatureLen))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	utee_attrs_to_abi(a, params, paramCount);
	io.in = (uintptr_t)digest;
	io.in_len = digestLen;
	io.out = (uintptr_t)signature;
	io.out_len = signatureLen;
	return utee_crypto(TA_SYS_ASYM_VERIFY, H(operation), (uintptr_t)a, paramCount,
			   (uintptr_t)&io);
}

void TEE_DeriveKey(TEE_OperationHandle operation, const TEE_Attribute *params, uint32_t paramCount,
		   TEE_ObjectHandle derivedKey)
{
	struct ta_attr a[UTEE_ATTRS_MAX];
	TEE_Result res;

	utee_attrs_to_abi(a, params, paramCount);
	res = utee_crypto(TA_SYS_OP_DERIVE, H(operation), (uintptr_t)a, paramCount, H(derivedKey));
	/* GP 6.9.1: TEE_DeriveKey returns nothing; whatever fails is a panic */
	if (res != TEE_SUCCESS)
		TEE_Panic(res);
}
