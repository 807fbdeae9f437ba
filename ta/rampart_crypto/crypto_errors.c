// SPDX-License-Identifier: BSD-2-Clause
/*
 * The GP crypto API's failure paths (GP TEE Internal Core API v1.3.1 chapters 5 and 6): the
 * TEE_ERROR_* codes the specification names, keys and objects, the per-instance handle limits,
 * and the calls that must panic the TA.
 */
#include <rampart_crypto_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

#include "crypto_ta.h"

static const uint8_t key16[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
				  0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
static const uint8_t key32[32] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13, 14, 15, 16,
				  17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
static const uint8_t iv16[16];

/* What TEE_IsAlgorithmSupported must say yes to: exactly what is implemented. */
static const uint32_t supported[] = {
    TEE_ALG_DES3_CMAC,
    TEE_ALG_MD5,
    TEE_ALG_SHA1,
    TEE_ALG_SHA224,
    TEE_ALG_SHA256,
    TEE_ALG_SHA384,
    TEE_ALG_SHA512,
    TEE_ALG_SM3,
    TEE_ALG_HMAC_SM3,
    TEE_ALG_HMAC_MD5,
    TEE_ALG_HMAC_SHA1,
    TEE_ALG_HMAC_SHA224,
    TEE_ALG_HMAC_SHA256,
    TEE_ALG_HMAC_SHA384,
    TEE_ALG_HMAC_SHA512,
    TEE_ALG_AES_CMAC,
    TEE_ALG_AES_ECB_NOPAD,
    TEE_ALG_AES_CBC_NOPAD,
    TEE_ALG_AES_CTR,
    TEE_ALG_AES_CTS,
    TEE_ALG_AES_CCM,
    TEE_ALG_AES_GCM,
    TEE_ALG_AES_CBC_MAC_NOPAD,
    TEE_ALG_AES_CBC_MAC_PKCS5,
};
/* GP identifiers of algorithms not implemented (GP 6.10.1): AES CBC_PKCS5 (an OP-TEE
 * extension), SM4 ECB, CBC and CTR, DES CMAC (GP names none), SM2 DSA, SM2 KEP, SM2 PKE
 * (docs/crypto.md says why SM2 and SM4 are not). */
static const uint32_t unsupported[] = {
    0x10000510, TEE_ALG_SM4_ECB_NOPAD, TEE_ALG_SM4_CBC_NOPAD, TEE_ALG_SM4_CTR,
    0x30000611, TEE_ALG_SM2_DSA_SM3,   TEE_ALG_SM2_KEP,	      TEE_ALG_SM2_PKE,
    0};

static TEE_Result digest_errors(uint32_t *checks)
{
	TEE_OperationInfo info;
	TEE_OperationHandle op;
	uint8_t md[32], md2[32];
	size_t len = 10, len2 = sizeof(md2);
	bool ok = true;

	if (TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_DIGEST, 0) != TEE_SUCCESS)
		return TEE_ERROR_GENERIC;
	TEE_GetOperationInfo(op, &info);
	/* A digest is initialized, and its (absent) key set, from the start. */
	ok &= CHECK(info.handleState == (TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED) &&
			info.digestLength == 32 && info.requiredKeyUsage == 0,
		    checks);
	TEE_DigestUpdate(op, "abc", 3);
	/* GP 6.3.2: SHORT_BUFFER with the size needed, and the operation kept as it was */
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "def", 3, md, &len), TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 32, checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "def", 3, md, &len), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "abcdef", 6, md2, &len2), TEE_SUCCESS, checks);
	ok &= CHECK(!memcmp(md, md2, sizeof(md)), checks);
	/* TEE_ResetOperation drops what was fed */
	TEE_DigestUpdate(op, "xyz", 3);
	TEE_ResetOperation(op);
	len2 = sizeof(md2);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "abcdef", 6, md2, &len2), TEE_SUCCESS, checks);
	ok &= CHECK(!memcmp(md, md2, sizeof(md)), checks);
	TEE_FreeOperation(op);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

/*
 * SM3 and HMAC-SM3 (nettle): sizes (digest 32 bytes, SHORT_BUFFER), the key sizes OP-TEE gives
 * TEE_TYPE_HMAC_SM3 (80 to 1024 bits, whole bytes), the mode each takes; a key of another type
 * is a panic (CRYPTO_PANIC_HMAC_SM3_WRONG_KEY).
 */
static bool sm3_errors(uint32_t *checks)
{
	static const uint8_t abc_sm3[4] = {0x66, 0xc7, 0xf0, 0xf4}; /* GB/T 32905 A.1, its start */
	TEE_ObjectHandle o = TEE_HANDLE_NULL;
	TEE_OperationHandle op;
	TEE_OperationInfo info;
	TEE_Attribute attr;
	uint8_t md[32];
	size_t len = 31;
	bool ok = true;

	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_SM3, TEE_MODE_MAC, 0),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_HMAC_SM3, TEE_MODE_MAC, 72),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_HMAC_SM3, TEE_MODE_MAC, 1032),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_HMAC_SM3, TEE_MODE_DIGEST, 256),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_HMAC_SM3, 72, &o),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_HMAC_SM3, 1032, &o),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_HMAC_SM3, 84, &o),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* a 72-bit secret in an object that takes up to 1024: an incorrect value (GP 5.5.4) */
	if (TEE_AllocateTransientObject(TEE_TYPE_HMAC_SM3, 1024, &o) != TEE_SUCCESS)
		return check(false, "HMAC-SM3 object", __LINE__, checks);
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key32, 9);
	ok &= CHECK_RES(TEE_PopulateTransientObject(o, &attr, 1), TEE_ERROR_BAD_PARAMETERS, checks);
	ok &= CHECK_RES(TEE_GenerateKey(o, 1024, NULL, 0), TEE_SUCCESS, checks);
	TEE_FreeTransientObject(o);
	if (TEE_AllocateOperation(&op, TEE_ALG_SM3, TEE_MODE_DIGEST, 0) != TEE_SUCCESS)
		return check(false, "SM3 operation", __LINE__, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.digestLength == 32 && info.operationClass == TEE_OPERATION_DIGEST, checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "abc", 3, md, &len), TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 32, checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(op, "abc", 3, md, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 32 && !memcmp(md, abc_sm3, sizeof(abc_sm3)), checks);
	TEE_FreeOperation(op);
	if (TEE_AllocateOperation(&op, TEE_ALG_HMAC_SM3, TEE_MODE_MAC, 1024) != TEE_SUCCESS)
		return check(false, "HMAC-SM3 operation", __LINE__, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.digestLength == 32 && info.maxKeySize == 1024 &&
			info.requiredKeyUsage == TEE_USAGE_MAC,
		    checks);
	TEE_FreeOperation(op);
	return ok;
}

static TEE_Result cipher_mac_errors(uint32_t *checks)
{
	TEE_OperationHandle op, mac;
	TEE_ObjectHandle key = make_key(TEE_TYPE_AES, key16, sizeof(key16));
	TEE_ObjectHandle hkey = make_key(TEE_TYPE_HMAC_SHA256, key32, sizeof(key32));
	TEE_OperationInfo info;
	uint8_t buf[48] = {0}, out[48], tag[32];
	size_t len = 16;
	bool ok = true;

	if (key == TEE_HANDLE_NULL || hkey == TEE_HANDLE_NULL ||
	    TEE_AllocateOperation(&op, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 256) != TEE_SUCCESS)
		return TEE_ERROR_GENERIC;
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.handleState == 0 && info.keySize == 0 && info.maxKeySize == 256, checks);
	ok &= CHECK(info.requiredKeyUsage == TEE_USAGE_ENCRYPT, checks);
	ok &= CHECK_RES(TEE_SetOperationKey(op, key), TEE_SUCCESS, checks);
	TEE_CipherInit(op, iv16, sizeof(iv16));
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.handleState == (TEE_HANDLE_FLAG_KEY_SET | TEE_HANDLE_FLAG_INITIALIZED) &&
			info.keySize == 128,
		    checks);
	/* GP 6.4.3: SHORT_BUFFER with the size needed; nothing consumed */
	ok &= CHECK_RES(TEE_CipherUpdate(op, buf, 32, out, &len), TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 32, checks);
	ok &= CHECK_RES(TEE_CipherUpdate(op, buf, 32, out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 32, checks);
	/* SetOperationKey on an active operation takes it back to the initial state (GP v1.3) */
	ok &= CHECK_RES(TEE_SetOperationKey(op, key), TEE_SUCCESS, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.handleState == TEE_HANDLE_FLAG_KEY_SET, checks);
	/* SetOperationKey(NULL) clears the key (GP 6.2.6) */
	ok &= CHECK_RES(TEE_SetOperationKey(op, TEE_HANDLE_NULL), TEE_SUCCESS, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.keySize == 0 && !(info.handleState & TEE_HANDLE_FLAG_KEY_SET), checks);
	TEE_FreeOperation(op);

	if (TEE_AllocateOperation(&mac, TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 256) != TEE_SUCCESS)
		return TEE_ERROR_GENERIC;
	TEE_SetOperationKey(mac, hkey);
	TEE_MACInit(mac, NULL, 0);
	len = 16;
	ok &= CHECK_RES(TEE_MACComputeFinal(mac, buf, sizeof(buf), tag, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 32, checks);
	ok &= CHECK_RES(TEE_MACComputeFinal(mac, buf, sizeof(buf), tag, &len), TEE_SUCCESS, checks);
	TEE_MACInit(mac, NULL, 0);
	ok &= CHECK_RES(TEE_MACCompareFinal(mac, buf, sizeof(buf), tag, 31), TEE_ERROR_MAC_INVALID,
			checks);
	tag[0] ^= 0x80;
	TEE_MACInit(mac, NULL, 0);
	ok &= CHECK_RES(TEE_MACCompareFinal(mac, buf, sizeof(buf), tag, 32), TEE_ERROR_MAC_INVALID,
			checks);
	tag[0] ^= 0x80;
	TEE_MACInit(mac, NULL, 0);
	ok &= CHECK_RES(TEE_MACCompareFinal(mac, buf, sizeof(buf), tag, 32), TEE_SUCCESS, checks);
	TEE_FreeOperation(mac);
	TEE_FreeTransientObject(key);
	TEE_FreeTransientObject(hkey);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

#define LONG_LEN (80 * 1024 + 48) /* over two of libutee's 32 KiB slices, whole AES blocks */
/* Output room: what the trusted OS may hold back more than the input (AES-CTS: two blocks), so
 * libutee may slice the call */
#define LONG_ROOM (LONG_LEN + 32)

/* A long input in one call (sliced by libutee) gives what 4 KiB updates give. */
static bool long_digest(const uint8_t *data, uint32_t *checks)
{
	TEE_OperationHandle one, parts;
	uint8_t a[64], b[64];
	size_t la = 10, lb = sizeof(b);
	bool ok = true;

	if (TEE_AllocateOperation(&one, TEE_ALG_SHA512, TEE_MODE_DIGEST, 0) ||
	    TEE_AllocateOperation(&parts, TEE_ALG_SHA512, TEE_MODE_DIGEST, 0))
		return check(false, "two SHA-512 operations", __LINE__, checks);
	/* SHORT_BUFFER first, with nothing of the long input consumed */
	ok &= CHECK_RES(TEE_DigestDoFinal(one, data, LONG_LEN, a, &la), TEE_ERROR_SHORT_BUFFER,
			checks);
	ok &= CHECK(la == 64, checks);
	ok &= CHECK_RES(TEE_DigestDoFinal(one, data, LONG_LEN, a, &la), TEE_SUCCESS, checks);
	for (size_t off = 0; off < LONG_LEN; off += 4096)
		TEE_DigestUpdate(parts, data + off, LONG_LEN - off < 4096 ? LONG_LEN - off : 4096);
	ok &= CHECK_RES(TEE_DigestDoFinal(parts, NULL, 0, b, &lb), TEE_SUCCESS, checks);
	ok &= CHECK(la == 64 && lb == 64 && !memcmp(a, b, 64), checks);
	TEE_FreeOperation(one);
	TEE_FreeOperation(parts);
	return ok;
}

static bool long_cipher(uint32_t alg, const uint8_t *data, uint8_t *out, uint32_t *checks)
{
	TEE_ObjectHandle key = make_key(TEE_TYPE_AES, key16, sizeof(key16));
	TEE_OperationHandle one, parts;
	uint8_t *out2 = out + LONG_ROOM;
	size_t len = LONG_ROOM, done = 0, n;
	bool ok = true;

	if (key == TEE_HANDLE_NULL || TEE_AllocateOperation(&one, alg, TEE_MODE_ENCRYPT, 128) ||
	    TEE_AllocateOperation(&parts, alg, TEE_MODE_ENCRYPT, 128))
		return check(false, "two AES operations", __LINE__, checks);
	TEE_SetOperationKey(one, key);
	TEE_SetOperationKey(parts, key);
	TEE_CipherInit(one, iv16, sizeof(iv16));
	TEE_CipherInit(parts, iv16, sizeof(iv16));
	ok &= CHECK_RES(TEE_CipherDoFinal(one, data, LONG_LEN, out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == LONG_LEN, checks);
	for (size_t off = 0; ok && off < LONG_LEN; off += 4096) {
		n = LONG_ROOM - done;
		ok &= CHECK_RES(TEE_CipherUpdate(parts, data + off,
						 LONG_LEN - off < 4096 ? LONG_LEN - off : 4096,
						 out2 + done, &n),
				TEE_SUCCESS, checks);
		done += n;
	}
	n = LONG_ROOM - done;
	ok &= CHECK_RES(TEE_CipherDoFinal(parts, NULL, 0, out2 + done, &n), TEE_SUCCESS, checks);
	ok &= CHECK(done + n == LONG_LEN && !memcmp(out, out2, LONG_LEN), checks);
	TEE_FreeOperation(one);
	TEE_FreeOperation(parts);
	TEE_FreeTransientObject(key);
	return ok;
}

static bool long_inputs(uint32_t *checks)
{
	uint8_t *data = TEE_Malloc(LONG_LEN, TEE_MALLOC_NO_FILL);
	uint8_t *out = TEE_Malloc(2 * LONG_ROOM, TEE_MALLOC_FILL_ZERO);
	bool ok;

	if (!data || !out) {
		TEE_Free(data);
		TEE_Free(out);
		return check(false, "buffers for the long inputs", __LINE__, checks);
	}
	TEE_GenerateRandom(data, LONG_LEN);
	ok = long_digest(data, checks);
	ok &= long_cipher(TEE_ALG_AES_CBC_NOPAD, data, out, checks);
	ok &= long_cipher(TEE_ALG_AES_CTR, data, out, checks);
	ok &= long_cipher(TEE_ALG_AES_CTS, data, out, checks);
	TEE_Free(data);
	TEE_Free(out);
	return ok;
}

/*
 * CBC-MAC PKCS5 is the NOPAD MAC (checked by known answers) of the message with its PKCS #5
 * padding: for each length from 0 to 33 bytes, in one call and fed a byte at a time. block: the
 * cipher's block (AES 16, DES 8); the key is key32's first bits bytes.
 */
static bool cbc_mac_pkcs5(uint32_t *checks, uint32_t type, uint32_t bits, uint32_t pad_alg,
			  uint32_t nopad_alg, size_t block)
{
	static const uint8_t msg[48] = "CBC-MAC with PKCS #5 padding over 0..33 bytes..";
	TEE_OperationHandle pad, nopad;
	TEE_ObjectHandle key = make_key(type, key32, bits / 8);
	uint8_t padded[48], a[16], b[16];
	bool ok = true;

	if (key == TEE_HANDLE_NULL || TEE_AllocateOperation(&pad, pad_alg, TEE_MODE_MAC, bits) ||
	    TEE_AllocateOperation(&nopad, nopad_alg, TEE_MODE_MAC, bits))
		return check(false, "CBC-MAC operations", __LINE__, checks);
	TEE_SetOperationKey(pad, key);
	TEE_SetOperationKey(nopad, key);
	for (size_t n = 0; n <= 33; n++) {
		size_t p = block - n % block, la = sizeof(a), lb = sizeof(b);

		memcpy(padded, msg, n);
		memset(padded + n, (int)p, p);
		TEE_MACInit(pad, NULL, 0);
		for (size_t i = 0; i < n; i++)
			TEE_MACUpdate(pad, msg + i, 1);
		ok &= CHECK_RES(TEE_MACComputeFinal(pad, NULL, 0, a, &la), TEE_SUCCESS, checks);
		TEE_MACInit(nopad, NULL, 0);
		ok &= CHECK_RES(TEE_MACComputeFinal(nopad, padded, n + p, b, &lb), TEE_SUCCESS,
				checks);
		ok &= CHECK(la == block && lb == block && !memcmp(a, b, block), checks);
		TEE_MACInit(pad, NULL, 0);
		ok &= CHECK_RES(TEE_MACCompareFinal(pad, msg, n, b, block), TEE_SUCCESS, checks);
	}
	TEE_FreeOperation(pad);
	TEE_FreeOperation(nopad);
	TEE_FreeTransientObject(key);
	return ok;
}

/* IEEE 1619-2007 Annex B vector 1: two AES-128 keys of zeros, tweak 0, 32 zero bytes. */
static const uint8_t xts_vec1_ct[32] = {
    0x91, 0x7c, 0xf6, 0x9e, 0xbd, 0x68, 0xb2, 0xec, 0x9b, 0x9f, 0xe9, 0xa3, 0xea, 0xdd, 0xa6, 0x92,
    0xcd, 0x43, 0xd2, 0xf5, 0x95, 0x98, 0xed, 0x85, 0x8c, 0x02, 0xc2, 0x65, 0x2f, 0xbf, 0x92, 0x2e};

/* AES-XTS with two equal keys, as OP-TEE takes them: IEEE 1619's vector 1 encrypts right. */
static bool xts_equal_keys(uint32_t *checks)
{
	static const uint8_t zero[32];
	TEE_ObjectHandle k = make_key(TEE_TYPE_AES, zero, 16);
	TEE_OperationHandle op;
	uint8_t out[32];
	size_t len = sizeof(out);
	bool ok = true;

	if (k == TEE_HANDLE_NULL)
		return check(false, "XTS zero key", __LINE__, checks);
	if (TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 256) != TEE_SUCCESS) {
		TEE_FreeTransientObject(k);
		return check(false, "XTS operation", __LINE__, checks);
	}
	ok &= CHECK_RES(TEE_SetOperationKey2(op, k, k), TEE_SUCCESS, checks);
	TEE_CipherInit(op, zero, 16);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, zero, sizeof(zero), out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == sizeof(out) && !memcmp(out, xts_vec1_ct, sizeof(out)), checks);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	return ok;
}

/* AES-XTS: two keys (TEE_SetOperationKey2), maxKeySize the two together (256 or 512: no
 * AES-192, no one key's size); data held to the final call, with SHORT_BUFFER before anything is
 * consumed. */
static bool xts_errors(uint32_t *checks)
{
	TEE_ObjectHandle k1 = make_key(TEE_TYPE_AES, key16, sizeof(key16));
	TEE_ObjectHandle k2 = make_key(TEE_TYPE_AES, key32, sizeof(key16));
	TEE_OperationHandle op;
	TEE_OperationInfo info;
	uint8_t buf[32] = {0}, out[32], out2[32];
	size_t len = sizeof(out);
	bool ok = true;

	if (k1 == TEE_HANDLE_NULL || k2 == TEE_HANDLE_NULL)
		return check(false, "XTS keys", __LINE__, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 384),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 128),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 1024),
			TEE_ERROR_NOT_SUPPORTED, checks);
	if (TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 512) != TEE_SUCCESS)
		return check(false, "XTS-AES-256 operation", __LINE__, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.maxKeySize == 512, checks);
	TEE_FreeOperation(op);
	if (TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 256) != TEE_SUCCESS)
		return check(false, "XTS operation", __LINE__, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.handleState == TEE_HANDLE_FLAG_EXPECT_TWO_KEYS && info.maxKeySize == 256,
		    checks);
	ok &= CHECK_RES(TEE_SetOperationKey2(op, k1, k2), TEE_SUCCESS, checks);
	TEE_GetOperationInfo(op, &info);
	ok &= CHECK(info.keySize == 128 && (info.handleState & TEE_HANDLE_FLAG_KEY_SET), checks);
	TEE_CipherInit(op, iv16, sizeof(iv16));
	ok &= CHECK_RES(TEE_CipherUpdate(op, buf, 20, out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 0, checks);
	len = 10;
	ok &= CHECK_RES(TEE_CipherDoFinal(op, buf + 20, 12, out, &len), TEE_ERROR_SHORT_BUFFER,
			checks);
	ok &= CHECK(len == 32, checks);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, buf + 20, 12, out, &len), TEE_SUCCESS, checks);
	TEE_CipherInit(op, iv16, sizeof(iv16));
	len = sizeof(out2);
	ok &= CHECK_RES(TEE_CipherDoFinal(op, buf, 32, out2, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 32 && !memcmp(out, out2, 32), checks);
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k1);
	TEE_FreeTransientObject(k2);
	return ok;
}

/* DES and 3DES keys: sizes with parity (64, 128, 192) and GP v1.0's without (56, 112, 168),
 * generated keys of odd parity, which encrypt and decrypt back. */
static bool des_keys(uint32_t *checks)
{
	static const uint32_t sizes[] = {56, 64, 112, 128, 168, 192};
	static const uint8_t msg[16] = "DES 3DES payload";
	bool ok = true;

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		uint32_t type = sizes[i] <= 64 ? TEE_TYPE_DES : TEE_TYPE_DES3;
		uint32_t alg =
		    type == TEE_TYPE_DES ? TEE_ALG_DES_CBC_NOPAD : TEE_ALG_DES3_CBC_NOPAD;
		uint32_t bytes = sizes[i] % 7 ? sizes[i] / 8 : sizes[i] / 7;
		uint8_t key[24], ct[16], pt[16];
		size_t len = sizeof(key), clen = sizeof(ct), plen = sizeof(pt);
		TEE_OperationHandle enc, dec;
		TEE_ObjectHandle o;
		unsigned int parity_ok = 1;

		if (TEE_AllocateTransientObject(type, sizes[i], &o) != TEE_SUCCESS)
			return check(false, "DES object of a GP size", __LINE__, checks);
		ok &= CHECK_RES(TEE_GenerateKey(o, sizes[i], NULL, 0), TEE_SUCCESS, checks);
		ok &= CHECK_RES(TEE_GetObjectBufferAttribute(o, TEE_ATTR_SECRET_VALUE, key, &len),
				TEE_SUCCESS, checks);
		ok &= CHECK(len == bytes, checks);
		for (size_t b = 0; b < len; b++) { /* odd parity: the xor of the bits is 1 */
			unsigned int p = key[b];

			p ^= p >> 4;
			p ^= p >> 2;
			p ^= p >> 1;
			parity_ok &= p & 1;
		}
		ok &= CHECK(parity_ok, checks);
		if (TEE_AllocateOperation(&enc, alg, TEE_MODE_ENCRYPT, sizes[i]) ||
		    TEE_AllocateOperation(&dec, alg, TEE_MODE_DECRYPT, sizes[i]))
			return check(false, "DES operations of a GP size", __LINE__, checks);
		TEE_SetOperationKey(enc, o);
		TEE_SetOperationKey(dec, o);
		TEE_CipherInit(enc, iv16, 8);
		TEE_CipherInit(dec, iv16, 8);
		ok &= CHECK_RES(TEE_CipherDoFinal(enc, msg, 16, ct, &clen), TEE_SUCCESS, checks);
		ok &= CHECK_RES(TEE_CipherDoFinal(dec, ct, 16, pt, &plen), TEE_SUCCESS, checks);
		ok &= CHECK(clen == 16 && plen == 16 && !memcmp(pt, msg, 16) && memcmp(ct, msg, 16),
			    checks);
		TEE_FreeOperation(enc);
		TEE_FreeOperation(dec);
		TEE_FreeTransientObject(o);
	}
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_DES, 128, &(TEE_ObjectHandle){0}),
			TEE_ERROR_NOT_SUPPORTED, checks);
	return ok;
}

/* An AE operation of the algorithm and mode with key16 set. */
static TEE_OperationHandle ae_op(uint32_t alg, uint32_t mode)
{
	TEE_OperationHandle op;
	TEE_ObjectHandle key;

	if (TEE_AllocateOperation(&op, alg, mode, 128) != TEE_SUCCESS)
		return TEE_HANDLE_NULL;
	key = make_key(TEE_TYPE_AES, key16, sizeof(key16));
	TEE_SetOperationKey(op, key);
	TEE_FreeTransientObject(key);
	return op;
}

/*
 * The trusted OS holds at most 128 KiB of CCM/GCM/XTS data for a TA, all its operations
 * together: a third 60,000-byte CCM message is refused, and taken once another is freed.
 */
static bool ae_budget(uint32_t *checks)
{
	TEE_OperationHandle op[3];
	bool ok = true;

	for (int i = 0; i < 3; i++) {
		op[i] = ae_op(TEE_ALG_AES_CCM, TEE_MODE_ENCRYPT);
		if (op[i] == TEE_HANDLE_NULL)
			return check(false, "CCM operations", __LINE__, checks);
	}
	ok &= CHECK_RES(TEE_AEInit(op[0], iv16, 13, 128, 16, 60000), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AEInit(op[1], iv16, 13, 128, 16, 60000), TEE_SUCCESS, checks);
	ok &=
	    CHECK_RES(TEE_AEInit(op[2], iv16, 13, 128, 16, 60000), TEE_ERROR_NOT_SUPPORTED, checks);
	TEE_FreeOperation(op[0]);
	ok &= CHECK_RES(TEE_AEInit(op[2], iv16, 13, 128, 16, 60000), TEE_SUCCESS, checks);
	/* an AEInit again gives back what the previous one held */
	ok &= CHECK_RES(TEE_AEInit(op[1], iv16, 13, 128, 16, 60000), TEE_SUCCESS, checks);
	TEE_FreeOperation(op[1]);
	TEE_FreeOperation(op[2]);
	return ok;
}

/* GP 6.6: tag and nonce lengths not supported, CCM's bound, short buffers, a wrong tag length. */
static bool ae_errors(uint32_t *checks)
{
	TEE_OperationHandle gcm = ae_op(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT);
	TEE_OperationHandle ccm = ae_op(TEE_ALG_AES_CCM, TEE_MODE_ENCRYPT);
	TEE_OperationHandle dec = ae_op(TEE_ALG_AES_GCM, TEE_MODE_DECRYPT);
	TEE_OperationInfo info;
	uint8_t buf[32] = {0}, out[32], out2[32], tag[16], tag2[16];
	size_t len = 16, tag_len = sizeof(tag);
	bool ok = true;

	if (gcm == TEE_HANDLE_NULL || ccm == TEE_HANDLE_NULL || dec == TEE_HANDLE_NULL)
		return check(false, "AE operations", __LINE__, checks);
	/* GCM tags are 96..128 bits in bytes; CCM's 32..128 in steps of 16 */
	ok &= CHECK_RES(TEE_AEInit(gcm, iv16, 12, 64, 0, 0), TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AEInit(gcm, iv16, 12, 136, 0, 0), TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AEInit(ccm, iv16, 13, 40, 0, 0), TEE_ERROR_NOT_SUPPORTED, checks);
	/* CCM nonces are 7..13 bytes; CCM data over the trusted OS's bound is refused up front */
	ok &= CHECK_RES(TEE_AEInit(ccm, iv16, 6, 128, 0, 0), TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AEInit(ccm, iv16, 13, 128, 16, 64 * 1024), TEE_ERROR_NOT_SUPPORTED,
			checks);
	ok &= CHECK_RES(TEE_AEInit(ccm, iv16, 13, 32, 16, 32), TEE_SUCCESS, checks);
	TEE_GetOperationInfo(ccm, &info);
	ok &= CHECK(info.operationClass == TEE_OPERATION_AE && info.digestLength == 4 &&
			info.requiredKeyUsage == TEE_USAGE_ENCRYPT,
		    checks);
	/* GCM: SHORT_BUFFER with the size needed, nothing consumed; a counter mode, it gives
	 * every input byte from the call that takes it, a partial block too (GP 6.6.3) */
	ok &= CHECK_RES(TEE_AEInit(gcm, iv16, 12, 128, 0, 0), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_AEUpdate(gcm, buf, 32, out, &len), TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 32, checks);
	len = 19;
	ok &= CHECK_RES(TEE_AEUpdate(gcm, buf, 20, out, &len), TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 20, checks);
	ok &= CHECK_RES(TEE_AEUpdate(gcm, buf, 20, out, &len), TEE_SUCCESS, checks);
	ok &= CHECK(len == 20, checks);
	len = 3;
	ok &= CHECK_RES(TEE_AEEncryptFinal(gcm, buf + 20, 4, out + 20, &len, tag, &tag_len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 4, checks);
	len = sizeof(out) - 20;
	ok &= CHECK_RES(TEE_AEEncryptFinal(gcm, buf + 20, 4, out + 20, &len, tag, &tag_len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == 4 && tag_len == 16, checks);
	/* the same 24 bytes in one call: the same ciphertext and tag */
	ok &= CHECK_RES(TEE_AEInit(gcm, iv16, 12, 128, 0, 0), TEE_SUCCESS, checks);
	len = sizeof(out2);
	ok &= CHECK_RES(TEE_AEEncryptFinal(gcm, buf, 24, out2, &len, tag2, &tag_len), TEE_SUCCESS,
			checks);
	ok &= CHECK(len == 24 && !memcmp(out, out2, 24) && !memcmp(tag, tag2, 16), checks);
	/* A tag of another length than TEE_AEInit's does not match */
	ok &= CHECK_RES(TEE_AEInit(dec, iv16, 12, 128, 0, 0), TEE_SUCCESS, checks);
	len = sizeof(out);
	ok &= CHECK_RES(TEE_AEDecryptFinal(dec, buf, 20, out, &len, tag, 12), TEE_ERROR_MAC_INVALID,
			checks);
	TEE_FreeOperation(gcm);
	TEE_FreeOperation(ccm);
	TEE_FreeOperation(dec);
	return ok && ae_budget(checks);
}

TEE_Result errors_run(uint32_t *checks)
{
	TEE_ObjectHandle o = TEE_HANDLE_NULL;
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectInfo info;
	TEE_Attribute attr;
	TEE_Result res;
	bool ok = true;

	for (size_t i = 0; i < sizeof(supported) / sizeof(supported[0]); i++)
		ok &= CHECK_RES(TEE_IsAlgorithmSupported(supported[i], TEE_CRYPTO_ELEMENT_NONE),
				TEE_SUCCESS, checks);
	for (size_t i = 0; i < sizeof(unsupported) / sizeof(unsupported[0]); i++)
		ok &= CHECK_RES(TEE_IsAlgorithmSupported(unsupported[i], TEE_CRYPTO_ELEMENT_NONE),
				TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_IsAlgorithmSupported(TEE_ALG_SHA256, 0x00000003),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* GP 5.5.1 and 6.2.1: sizes, types, algorithms and modes not supported */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_AES, 100, &o), TEE_ERROR_NOT_SUPPORTED,
			checks);
	ok &= CHECK(o == TEE_HANDLE_NULL, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA256, 160, &o),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateTransientObject(0xA00000FF, 128, &o), TEE_ERROR_NOT_SUPPORTED,
			checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 100),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK(op == TEE_HANDLE_NULL, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_SHA256, TEE_MODE_ENCRYPT, 0),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_CTR, TEE_MODE_MAC, 128),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, 0x10000014, TEE_MODE_ENCRYPT, 128),
			TEE_ERROR_NOT_SUPPORTED, checks);
	ok &= CHECK(op == TEE_HANDLE_NULL, checks);
	ok &= CHECK_RES(TEE_AllocateOperation(&op, TEE_ALG_AES_GCM, TEE_MODE_MAC, 128),
			TEE_ERROR_NOT_SUPPORTED, checks);
	/* GP 5.5.4: a secret of a length the type does not take: BAD_PARAMETERS, still empty */
	if (TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &o) != TEE_SUCCESS)
		return TEE_ERROR_GENERIC;
	TEE_InitRefAttribute(&attr, TEE_ATTR_SECRET_VALUE, key32, 15);
	ok &= CHECK_RES(TEE_PopulateTransientObject(o, &attr, 1), TEE_ERROR_BAD_PARAMETERS, checks);
	TEE_GetObjectInfo1(o, &info);
	ok &= CHECK(info.objectSize == 0 && !(info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED),
		    checks);
	TEE_FreeTransientObject(o);
	res = digest_errors(checks);
	ok &= CHECK_RES(res, TEE_SUCCESS, checks);
	res = cipher_mac_errors(checks);
	ok &= CHECK_RES(res, TEE_SUCCESS, checks);
	ok &= long_inputs(checks);
	ok &= ae_errors(checks);
	ok &= cbc_mac_pkcs5(checks, TEE_TYPE_AES, 128, TEE_ALG_AES_CBC_MAC_PKCS5,
			    TEE_ALG_AES_CBC_MAC_NOPAD, 16);
	ok &= cbc_mac_pkcs5(checks, TEE_TYPE_DES, 64, TEE_ALG_DES_CBC_MAC_PKCS5,
			    TEE_ALG_DES_CBC_MAC_NOPAD, 8);
	ok &= cbc_mac_pkcs5(checks, TEE_TYPE_DES3, 192, TEE_ALG_DES3_CBC_MAC_PKCS5,
			    TEE_ALG_DES3_CBC_MAC_NOPAD, 8);
	ok &= xts_errors(checks);
	ok &= xts_equal_keys(checks);
	ok &= sm3_errors(checks);
	ok &= des_keys(checks);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

/* Generated keys: right size, not the same twice, and they work (encrypt, then decrypt). */
static bool generated_keys(uint32_t *checks)
{
	static const uint8_t plain[32] = "generated keys encrypt and back";
	TEE_ObjectHandle a, b;
	TEE_OperationHandle enc, dec;
	TEE_ObjectInfo info;
	uint8_t ka[32], kb[32], ct[32], pt[32];
	size_t la = sizeof(ka), lb = sizeof(kb), len = sizeof(ct);
	bool ok = true;

	if (TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &a) != TEE_SUCCESS ||
	    TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &b) != TEE_SUCCESS)
		return check(false, "two AES objects", __LINE__, checks);
	ok &= CHECK_RES(TEE_GenerateKey(a, 256, NULL, 0), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_GenerateKey(b, 256, NULL, 0), TEE_SUCCESS, checks);
	TEE_GetObjectInfo1(a, &info);
	ok &=
	    CHECK(info.objectType == TEE_TYPE_AES && info.objectSize == 256 &&
		      info.maxObjectSize == 256 && (info.handleFlags & TEE_HANDLE_FLAG_INITIALIZED),
		  checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(a, TEE_ATTR_SECRET_VALUE, ka, &la),
			TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_SECRET_VALUE, kb, &lb),
			TEE_SUCCESS, checks);
	ok &= CHECK(la == 32 && lb == 32 && memcmp(ka, kb, 32), checks);
	if (TEE_AllocateOperation(&enc, TEE_ALG_AES_CTR, TEE_MODE_ENCRYPT, 256) != TEE_SUCCESS ||
	    TEE_AllocateOperation(&dec, TEE_ALG_AES_CTR, TEE_MODE_DECRYPT, 256) != TEE_SUCCESS)
		return check(false, "two AES-CTR operations", __LINE__, checks);
	TEE_SetOperationKey(enc, a);
	TEE_SetOperationKey(dec, a);
	TEE_CipherInit(enc, iv16, sizeof(iv16));
	TEE_CipherInit(dec, iv16, sizeof(iv16));
	ok &=
	    CHECK_RES(TEE_CipherDoFinal(enc, plain, sizeof(plain), ct, &len), TEE_SUCCESS, checks);
	len = sizeof(pt);
	ok &= CHECK_RES(TEE_CipherDoFinal(dec, ct, sizeof(ct), pt, &len), TEE_SUCCESS, checks);
	ok &= CHECK(memcmp(ct, plain, sizeof(ct)) && !memcmp(pt, plain, sizeof(pt)), checks);
	TEE_FreeOperation(enc);
	TEE_FreeOperation(dec);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	/* The other types generate too. */
	if (TEE_AllocateTransientObject(TEE_TYPE_GENERIC_SECRET, 4096, &a) != TEE_SUCCESS ||
	    TEE_AllocateTransientObject(TEE_TYPE_HMAC_SHA512, 1024, &b) != TEE_SUCCESS)
		return check(false, "generic secret and HMAC objects", __LINE__, checks);
	ok &= CHECK_RES(TEE_GenerateKey(a, 4096, NULL, 0), TEE_SUCCESS, checks);
	ok &= CHECK_RES(TEE_GenerateKey(b, 512, NULL, 0), TEE_SUCCESS, checks);
	TEE_GetObjectInfo1(b, &info);
	ok &= CHECK(info.objectSize == 512 && info.maxObjectSize == 1024, checks);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/* Attributes: read back, SHORT_BUFFER, not found; copy; reset. */
static bool attributes(uint32_t *checks)
{
	TEE_ObjectHandle a = make_key(TEE_TYPE_AES, key16, sizeof(key16)), b;
	TEE_ObjectInfo info;
	uint8_t buf[32];
	size_t len = 8;
	bool ok = true;

	if (a == TEE_HANDLE_NULL || TEE_AllocateTransientObject(TEE_TYPE_AES, 256, &b))
		return check(false, "AES objects", __LINE__, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(a, TEE_ATTR_SECRET_VALUE, buf, &len),
			TEE_ERROR_SHORT_BUFFER, checks);
	ok &= CHECK(len == 16, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(a, TEE_ATTR_SECRET_VALUE, buf, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == 16 && !memcmp(buf, key16, 16), checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(a, 0xD0000130 /* RSA modulus */, buf, &len),
			TEE_ERROR_ITEM_NOT_FOUND, checks);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_SECRET_VALUE, buf, &len),
			TEE_ERROR_ITEM_NOT_FOUND, checks);
	ok &= CHECK_RES(TEE_RestrictObjectUsage1(a, ~(uint32_t)TEE_USAGE_DECRYPT), TEE_SUCCESS,
			checks);
	ok &= CHECK_RES(TEE_CopyObjectAttributes1(b, a), TEE_SUCCESS, checks);
	TEE_GetObjectInfo1(b, &info);
	ok &= CHECK(info.objectSize == 128 && info.maxObjectSize == 256 &&
			!(info.objectUsage & TEE_USAGE_DECRYPT),
		    checks);
	len = sizeof(buf);
	ok &= CHECK_RES(TEE_GetObjectBufferAttribute(b, TEE_ATTR_SECRET_VALUE, buf, &len),
			TEE_SUCCESS, checks);
	ok &= CHECK(len == 16 && !memcmp(buf, key16, 16), checks);
	TEE_ResetTransientObject(b);
	TEE_GetObjectInfo1(b, &info);
	ok &= CHECK(info.objectSize == 0 && info.objectUsage == TEE_USAGE_DEFAULT, checks);
	TEE_FreeTransientObject(a);
	TEE_FreeTransientObject(b);
	return ok;
}

/* The per-instance limits: 32 objects and 32 operations, then OUT_OF_MEMORY (GP 5.5.1, 6.2.1). */
static bool limits(uint32_t *checks)
{
	TEE_ObjectHandle o[33];
	TEE_OperationHandle op[33];
	uint32_t n_obj = 0, n_op = 0;
	TEE_Result res;
	bool ok = true;

	while (n_obj < 33 &&
	       (res = TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &o[n_obj])) == TEE_SUCCESS)
		n_obj++;
	ok &= CHECK(n_obj == 32 && res == TEE_ERROR_OUT_OF_MEMORY, checks);
	while (n_op < 33 && (res = TEE_AllocateOperation(&op[n_op], TEE_ALG_SHA1, TEE_MODE_DIGEST,
							 0)) == TEE_SUCCESS)
		n_op++;
	ok &= CHECK(n_op == 32 && res == TEE_ERROR_OUT_OF_MEMORY, checks);
	while (n_obj)
		TEE_FreeTransientObject(o[--n_obj]);
	while (n_op)
		TEE_FreeOperation(op[--n_op]);
	/* Freed slots are there again. */
	ok &= CHECK_RES(TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &o[0]), TEE_SUCCESS, checks);
	TEE_FreeTransientObject(o[0]);
	return ok;
}

TEE_Result keys_run(uint32_t *checks)
{
	bool ok = generated_keys(checks);

	ok &= attributes(checks);
	ok &= limits(checks);
	return ok ? TEE_SUCCESS : TEE_ERROR_GENERIC;
}

void panic_run(uint32_t which)
{
	TEE_OperationHandle op;
	TEE_ObjectHandle o;
	uint8_t buf[32];
	size_t len = sizeof(buf);

	switch (which) {
	case CRYPTO_PANIC_FORGED_HANDLE:
		TEE_FreeOperation((TEE_OperationHandle)(uintptr_t)0x12345);
		break;
	case CRYPTO_PANIC_UPDATE_BEFORE_INIT:
		TEE_AllocateOperation(&op, TEE_ALG_AES_ECB_NOPAD, TEE_MODE_ENCRYPT, 128);
		o = make_key(TEE_TYPE_AES, key16, sizeof(key16));
		TEE_SetOperationKey(op, o);
		TEE_CipherUpdate(op, buf, 16, buf, &len);
		break;
	case CRYPTO_PANIC_NOT_EXTRACTABLE:
		o = make_key(TEE_TYPE_AES, key16, sizeof(key16));
		TEE_RestrictObjectUsage1(o, ~(uint32_t)TEE_USAGE_EXTRACTABLE);
		TEE_GetObjectBufferAttribute(o, TEE_ATTR_SECRET_VALUE, buf, &len);
		break;
	case CRYPTO_PANIC_KEY_TOO_LARGE:
		TEE_AllocateOperation(&op, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_ENCRYPT, 128);
		TEE_SetOperationKey(op, make_key(TEE_TYPE_AES, key32, sizeof(key32)));
		break;
	case CRYPTO_PANIC_WRONG_CLASS:
		TEE_AllocateOperation(&op, TEE_ALG_HMAC_SHA256, TEE_MODE_MAC, 256);
		TEE_DigestUpdate(op, buf, sizeof(buf));
		break;
	case CRYPTO_PANIC_NOPAD_PARTIAL:
		TEE_AllocateOperation(&op, TEE_ALG_AES_CBC_NOPAD, TEE_MODE_DECRYPT, 128);
		TEE_SetOperationKey(op, make_key(TEE_TYPE_AES, key16, sizeof(key16)));
		TEE_CipherInit(op, iv16, sizeof(iv16));
		TEE_CipherDoFinal(op, buf, 5, buf, &len);
		break;
	case CRYPTO_PANIC_CTS_SHORT:
		/* GP 6.4.4: 15 bytes in all, shorter than the block CBC-CS3 needs at least */
		TEE_AllocateOperation(&op, TEE_ALG_AES_CTS, TEE_MODE_ENCRYPT, 128);
		TEE_SetOperationKey(op, make_key(TEE_TYPE_AES, key16, sizeof(key16)));
		TEE_CipherInit(op, iv16, sizeof(iv16));
		TEE_CipherUpdate(op, buf, 8, buf, &len);
		len = sizeof(buf);
		TEE_CipherDoFinal(op, buf, 7, buf, &len);
		break;
	case CRYPTO_PANIC_XTS_KEY_TOO_LARGE:
		/* maxKeySize 256 is two AES-128 keys: an AES-256 key is over it (GP 6.2.7) */
		TEE_AllocateOperation(&op, TEE_ALG_AES_XTS, TEE_MODE_ENCRYPT, 256);
		o = make_key(TEE_TYPE_AES, key32, sizeof(key32));
		TEE_SetOperationKey2(op, o, make_key(TEE_TYPE_AES, key32, sizeof(key32)));
		break;
	case CRYPTO_PANIC_HMAC_SM3_WRONG_KEY:
		/* GP 6.2.6: a key of another type than the algorithm's (HMAC-SHA256 for SM3) */
		TEE_AllocateOperation(&op, TEE_ALG_HMAC_SM3, TEE_MODE_MAC, 256);
		TEE_SetOperationKey(op, make_key(TEE_TYPE_HMAC_SHA256, key32, sizeof(key32)));
		break;
	case CRYPTO_PANIC_AAD_AFTER_PAYLOAD:
		op = ae_op(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT);
		TEE_AEInit(op, iv16, 12, 128, 0, 0);
		TEE_AEUpdate(op, buf, 16, buf, &len);
		TEE_AEUpdateAAD(op, buf, 16);
		break;
	case CRYPTO_PANIC_AE_WRONG_FINAL:
		op = ae_op(TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT);
		TEE_AEInit(op, iv16, 12, 128, 0, 0);
		TEE_AEDecryptFinal(op, buf, 16, buf, &len, buf, 16);
		break;
	case CRYPTO_PANIC_STALE_HANDLE:
		o = make_key(TEE_TYPE_AES, key16, sizeof(key16));
		TEE_FreeTransientObject(o);
		TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &o); /* the same slot again */
		TEE_GetObjectBufferAttribute(o, TEE_ATTR_SECRET_VALUE, buf, &len); /* fine: empty */
		TEE_FreeTransientObject(o);
		TEE_ResetTransientObject(o); /* freed: a panic */
		break;
	default:
		break;
	}
	EMSG("panic case %u: the TA is still alive", which);
}
