// SPDX-License-Identifier: BSD-2-Clause
/*
 * pkcs11-abi, CKM_AES_CTS (PKCS#11 v2.40 Current Mechanisms 2.10, CBC-CS3 as Kerberos has it):
 * the known answers of RFC 3962 Appendix B at six lengths, in one call and in parts of odd
 * sizes; a 256-bit key with an IV of its own (CBC-CS3 of NIST SP 800-38A Addendum, worked out
 * apart); decryption back; the size queries; and from the hostile side, data shorter than a
 * block (in one call, in parts, none at all), IVs of the wrong length, a key without
 * CKA_ENCRYPT, a key whose CKA_ALLOWED_MECHANISMS leaves CTS out. And CKM_AES_CTR's counter
 * bits: NIST SP 800-38A F.5.1 with 32 of them, data that would wrap 8 of them refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rampart_pkcs11_ta.h>

#include "cases.h"
#include "check.h"
#include "p11ctl.h"

/* RFC 3962 Appendix B: AES-128 key "chicken teriyaki", IV zero */
static const char rfc_msg[] = "I would like the General Gau's Chicken, please, and wonton soup.";
static const uint8_t rfc_ct[64] = {
    0x97, 0x68, 0x72, 0x68, 0xd6, 0xec, 0xcc, 0xc0, 0xc0, 0x7b, 0x25, 0xe2, 0x5e, 0xcf, 0xe5, 0x84,
    0x39, 0x31, 0x25, 0x23, 0xa7, 0x86, 0x62, 0xd5, 0xbe, 0x7f, 0xcb, 0xcc, 0x98, 0xeb, 0xf5, 0xa8,
    0x48, 0x07, 0xef, 0xe8, 0x36, 0xee, 0x89, 0xa5, 0x26, 0x73, 0x0d, 0xbc, 0x2f, 0x7b, 0xc8, 0x40,
    0x9d, 0xad, 0x8b, 0xbb, 0x96, 0xc4, 0xcd, 0xc0, 0x3b, 0xc1, 0x03, 0xe1, 0xa1, 0x94, 0xbb, 0xd8};
static const struct {
	size_t len;
	uint8_t ct[48];
} rfc[] = {
    {17,
     {0xc6, 0x35, 0x35, 0x68, 0xf2, 0xbf, 0x8c, 0xb4, 0xd8, 0xa5, 0x80, 0x36, 0x2d, 0xa7, 0xff,
      0x7f, 0x97}},
    {31, {0xfc, 0x00, 0x78, 0x3e, 0x0e, 0xfd, 0xb2, 0xc1, 0xd4, 0x45, 0xd4,
	  0xc8, 0xef, 0xf7, 0xed, 0x22, 0x97, 0x68, 0x72, 0x68, 0xd6, 0xec,
	  0xcc, 0xc0, 0xc0, 0x7b, 0x25, 0xe2, 0x5e, 0xcf, 0xe5}},
    {32, {0x39, 0x31, 0x25, 0x23, 0xa7, 0x86, 0x62, 0xd5, 0xbe, 0x7f, 0xcb,
	  0xcc, 0x98, 0xeb, 0xf5, 0xa8, 0x97, 0x68, 0x72, 0x68, 0xd6, 0xec,
	  0xcc, 0xc0, 0xc0, 0x7b, 0x25, 0xe2, 0x5e, 0xcf, 0xe5, 0x84}},
    {47, {0x97, 0x68, 0x72, 0x68, 0xd6, 0xec, 0xcc, 0xc0, 0xc0, 0x7b, 0x25, 0xe2,
	  0x5e, 0xcf, 0xe5, 0x84, 0xb3, 0xff, 0xfd, 0x94, 0x0c, 0x16, 0xa1, 0x8c,
	  0x1b, 0x55, 0x49, 0xd2, 0xf8, 0x38, 0x02, 0x9e, 0x39, 0x31, 0x25, 0x23,
	  0xa7, 0x86, 0x62, 0xd5, 0xbe, 0x7f, 0xcb, 0xcc, 0x98, 0xeb, 0xf5}},
    {48, {0x97, 0x68, 0x72, 0x68, 0xd6, 0xec, 0xcc, 0xc0, 0xc0, 0x7b, 0x25, 0xe2,
	  0x5e, 0xcf, 0xe5, 0x84, 0x9d, 0xad, 0x8b, 0xbb, 0x96, 0xc4, 0xcd, 0xc0,
	  0x3b, 0xc1, 0x03, 0xe1, 0xa1, 0x94, 0xbb, 0xd8, 0x39, 0x31, 0x25, 0x23,
	  0xa7, 0x86, 0x62, 0xd5, 0xbe, 0x7f, 0xcb, 0xcc, 0x98, 0xeb, 0xf5, 0xa8}},
};

/* AES-256, key 00..1f, IV f0..ff: CBC-CS3 of the 46 bytes below (Python's cryptography AES) */
static const char k256_msg[] = "Rampart AES-CTS with a 256-bit key and an IV!!";
static const uint8_t k256_ct[46] = {
    0x8f, 0x62, 0x41, 0x38, 0x01, 0x74, 0x15, 0xd0, 0x8f, 0x65, 0xfd, 0x37, 0x65, 0x09, 0xab, 0x08,
    0xbf, 0x62, 0x33, 0xa2, 0x9c, 0xf2, 0xd3, 0xfd, 0xbd, 0xb4, 0x75, 0xef, 0x0f, 0x32, 0x83, 0xa0,
    0xc9, 0x25, 0xc6, 0x7f, 0xfc, 0x60, 0xb7, 0xe4, 0x8c, 0x87, 0x66, 0x90, 0x7b, 0x45};

static const uint8_t zero_iv[16];

/* Key flags for cts_key() */
#define K_ENC	   (1u << 0)
#define K_DEC	   (1u << 1)
#define K_CBC_ONLY (1u << 2) /* CKA_ALLOWED_MECHANISMS {CKM_AES_CBC} */

/* A public AES session key of len bytes made by C_CreateObject */
static uint32_t cts_key(TEEC_Session *s, uint32_t h, const void *v, uint32_t len, uint32_t f,
			uint32_t *key)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv, cbc = P11_CKM_AES_CBC;

	if (!c)
		return 0xdead;
	start(c, h);
	tmpl_open(c);
	attr_u32(c, P11_CKA_CLASS, P11_CKO_SECRET_KEY);
	attr_u32(c, P11_CKA_KEY_TYPE, P11_CKK_AES);
	attr_bool(c, P11_CKA_PRIVATE, 0);
	attr_bool(c, P11_CKA_ENCRYPT, !!(f & K_ENC));
	attr_bool(c, P11_CKA_DECRYPT, !!(f & K_DEC));
	if (f & K_CBC_ONLY)
		attr(c, P11_CKA_ALLOWED_MECHANISMS, &cbc, sizeof(cbc));
	attr(c, P11_CKA_VALUE, v, len);
	tmpl_close(c);
	rv = rv_handle(s, P11_CMD_CREATE_OBJECT, c, key, 1);
	free(c);
	return rv;
}

/* ENCRYPT_/DECRYPT_INIT with CKM_AES_CTS and an IV of iv_len bytes */
static uint32_t cts_init(TEEC_Session *s, bool enc, uint32_t h, uint32_t key, const uint8_t *iv,
			 uint32_t iv_len)
{
	return op_init(s, enc ? P11_CMD_ENCRYPT_INIT : P11_CMD_DECRYPT_INIT, h, key,
		       P11_CKM_AES_CTS, iv, iv_len);
}

/* UPDATE, FINAL or ONESHOT in session h: in (none when NULL), *len bytes of room in out */
static uint32_t step(TEEC_Session *s, uint32_t cmd, uint32_t h, const void *in, size_t in_len,
		     uint8_t *out, size_t *len)
{
	struct ctl *c = calloc(1, sizeof(*c));
	uint32_t rv = 0xdead;

	if (!c)
		return rv;
	start(c, h);
	call(s, cmd, c, in, in_len, out, len, false, &rv);
	free(c);
	return rv;
}

/*
 * in through UPDATEs of the chunk sizes in sizes (cycled), then FINAL, into out (*len: its
 * size, then what came out). Every UPDATE gives whole blocks only, the stealing being the
 * final's; an UPDATE that gives anything else answers 0xbad.
 */
static uint32_t in_parts(TEEC_Session *s, bool enc, uint32_t h, const uint8_t *in, size_t in_len,
			 const size_t *sizes, size_t n_sizes, uint8_t *out, size_t *len)
{
	size_t done = 0, got = 0, room = *len, l, i = 0;
	uint32_t rv;

	while (done < in_len) {
		size_t part = sizes[i++ % n_sizes];

		part = part > in_len - done ? in_len - done : part;
		l = room - got;
		rv = step(s, enc ? P11_CMD_ENCRYPT_UPDATE : P11_CMD_DECRYPT_UPDATE, h, in + done,
			  part, out + got, &l);
		if (rv != P11_CKR_OK)
			return rv;
		if (l % 16)
			return 0xbad;
		done += part;
		got += l;
	}
	l = room - got;
	rv =
	    step(s, enc ? P11_CMD_ENCRYPT_FINAL : P11_CMD_DECRYPT_FINAL, h, NULL, 0, out + got, &l);
	*len = got + l;
	return rv;
}

/* The known answers: RFC 3962 at six lengths, one call each way, then in parts */
static bool known_answers(TEEC_Session *a, uint32_t rw, uint32_t key, unsigned *count)
{
	static const size_t odd[] = {1, 5, 7, 13, 3, 17, 2, 31};
	struct ctl *c = NULL;
	uint8_t out[96];
	size_t len;
	unsigned n = 0;

	for (size_t v = 0; v <= sizeof(rfc) / sizeof(rfc[0]); v++) {
		size_t vlen = v < sizeof(rfc) / sizeof(rfc[0]) ? rfc[v].len : 64;
		const uint8_t *want = vlen == 64 ? rfc_ct : rfc[v].ct;
		char what[64];

		snprintf(what, sizeof(what), "ENCRYPT %zu bytes", vlen);
		WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(what, step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, vlen, out, &len),
		     P11_CKR_OK);
		WANT("... RFC 3962's answer", len == vlen && !memcmp(out, want, vlen), 1);
		snprintf(what, sizeof(what), "DECRYPT %zu bytes", vlen);
		WANT("DECRYPT_INIT", cts_init(a, false, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(what, step(a, P11_CMD_DECRYPT_ONESHOT, rw, want, vlen, out, &len), P11_CKR_OK);
		WANT("... the message", len == vlen && !memcmp(out, rfc_msg, vlen), 1);
		/* in parts, from each offset into the odd sizes so the splits differ */
		snprintf(what, sizeof(what), "ENCRYPT %zu bytes in parts", vlen);
		WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(what,
		     in_parts(a, true, rw, (const uint8_t *)rfc_msg, vlen, odd + v % 4,
			      sizeof(odd) / sizeof(odd[0]) - v % 4, out, &len),
		     P11_CKR_OK);
		WANT("... RFC 3962's answer", len == vlen && !memcmp(out, want, vlen), 1);
		snprintf(what, sizeof(what), "DECRYPT %zu bytes in parts", vlen);
		WANT("DECRYPT_INIT", cts_init(a, false, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(what,
		     in_parts(a, false, rw, want, vlen, odd + 4 - v % 4,
			      sizeof(odd) / sizeof(odd[0]) - 4 + v % 4, out, &len),
		     P11_CKR_OK);
		WANT("... the message", len == vlen && !memcmp(out, rfc_msg, vlen), 1);
	}
	*count += n;
	return true;
}

/* 1000 bytes in parts of every size from 1 to 37 give what one call gives, and come back */
static bool long_parts(TEEC_Session *a, uint32_t rw, uint32_t key, unsigned *count)
{
	static uint8_t msg[1000], one[1000], parts[1000], back[1000];
	static const size_t sizes[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11, 12, 13,
				       14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
				       27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37};
	struct ctl *c = NULL;
	size_t len;
	unsigned n = 0;

	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 7 + 3);
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, rfc_ct, 16), P11_CKR_OK);
	len = sizeof(one);
	WANT("ENCRYPT 1000 bytes", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, msg, 1000, one, &len),
	     P11_CKR_OK);
	WANT("... 1000 out", len, 1000);
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, rfc_ct, 16), P11_CKR_OK);
	len = sizeof(parts);
	WANT("ENCRYPT 1000 bytes in parts of 1 to 37",
	     in_parts(a, true, rw, msg, 1000, sizes, sizeof(sizes) / sizeof(sizes[0]), parts, &len),
	     P11_CKR_OK);
	WANT("... what one call gives", len == 1000 && !memcmp(one, parts, 1000), 1);
	WANT("... not the message", !memcmp(one, msg, 1000), 0);
	WANT("DECRYPT_INIT", cts_init(a, false, rw, key, rfc_ct, 16), P11_CKR_OK);
	len = sizeof(back);
	WANT("DECRYPT it in parts of 21 to 37",
	     in_parts(a, false, rw, one, 1000, sizes + 20, 17, back, &len), P11_CKR_OK);
	WANT("... the message", len == 1000 && !memcmp(back, msg, 1000), 1);
	*count += n;
	return true;
}

/* The size queries: one call, an update, the final part, each answered then given */
static bool sizes_asked(TEEC_Session *a, uint32_t rw, uint32_t key, unsigned *count)
{
	struct ctl *c = NULL;
	uint8_t out[96];
	size_t len, got;
	unsigned n = 0;

	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
	len = 0;
	WANT("ENCRYPT 47 bytes, size asked",
	     step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, 47, out, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	WANT("... 47", len, 47);
	len = 46;
	WANT("... into 46 bytes", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, 47, out, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	len = sizeof(out);
	WANT("... then into 96", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, 47, out, &len),
	     P11_CKR_OK);
	WANT("... RFC 3962's answer, from the IV again", len == 47 && !memcmp(out, rfc[3].ct, 47),
	     1);
	/* 40 bytes in: 16 out, 24 held; 7 more: none out, 31 held, all the final's */
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
	len = 15;
	WANT("UPDATE 40 bytes into 15", step(a, P11_CMD_ENCRYPT_UPDATE, rw, rfc_msg, 40, out, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	WANT("... 16 needed", len, 16);
	len = 16;
	WANT("UPDATE 40 bytes", step(a, P11_CMD_ENCRYPT_UPDATE, rw, rfc_msg, 40, out, &len),
	     P11_CKR_OK);
	WANT("... 16 out", len, 16);
	got = len;
	len = sizeof(out) - got;
	WANT("UPDATE 7 more", step(a, P11_CMD_ENCRYPT_UPDATE, rw, rfc_msg + 40, 7, out + got, &len),
	     P11_CKR_OK);
	WANT("... nothing out", len, 0);
	len = 0;
	WANT("FINAL, size asked", step(a, P11_CMD_ENCRYPT_FINAL, rw, NULL, 0, out + got, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	WANT("... 31", len, 31);
	len = 30;
	WANT("FINAL into 30", step(a, P11_CMD_ENCRYPT_FINAL, rw, NULL, 0, out + got, &len),
	     P11_CKR_BUFFER_TOO_SMALL);
	WANT("... 31 still", len, 31);
	len = 31;
	WANT("FINAL", step(a, P11_CMD_ENCRYPT_FINAL, rw, NULL, 0, out + got, &len), P11_CKR_OK);
	got += len;
	WANT("... RFC 3962's answer", got == 47 && !memcmp(out, rfc[3].ct, 47), 1);
	len = sizeof(out);
	WANT("FINAL again", step(a, P11_CMD_ENCRYPT_FINAL, rw, NULL, 0, out, &len),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	*count += n;
	return true;
}

/* Less than a block, ends the operation with its error; the next one starts clean */
static bool too_short(TEEC_Session *a, uint32_t rw, uint32_t key, unsigned *count)
{
	static const size_t fives[] = {5};
	struct ctl *c = NULL;
	uint8_t out[96];
	size_t len;
	unsigned n = 0;

	for (size_t short_len = 0; short_len < 16; short_len += 15) {
		WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(short_len ? "ENCRYPT 15 bytes" : "ENCRYPT nothing",
		     step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, short_len, out, &len),
		     P11_CKR_DATA_LEN_RANGE);
		len = sizeof(out);
		WANT("... the operation ended",
		     step(a, P11_CMD_ENCRYPT_FINAL, rw, NULL, 0, out, &len),
		     P11_CKR_OPERATION_NOT_INITIALIZED);
		WANT("DECRYPT_INIT", cts_init(a, false, rw, key, zero_iv, 16), P11_CKR_OK);
		len = sizeof(out);
		WANT(short_len ? "DECRYPT 15 bytes" : "DECRYPT nothing",
		     step(a, P11_CMD_DECRYPT_ONESHOT, rw, rfc_ct, short_len, out, &len),
		     P11_CKR_ENCRYPTED_DATA_LEN_RANGE);
		len = sizeof(out);
		WANT("... the operation ended",
		     step(a, P11_CMD_DECRYPT_FINAL, rw, NULL, 0, out, &len),
		     P11_CKR_OPERATION_NOT_INITIALIZED);
	}
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("ENCRYPT 15 bytes in parts of 5",
	     in_parts(a, true, rw, (const uint8_t *)rfc_msg, 15, fives, 1, out, &len),
	     P11_CKR_DATA_LEN_RANGE);
	WANT("DECRYPT_INIT", cts_init(a, false, rw, key, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("DECRYPT 15 bytes in parts of 5",
	     in_parts(a, false, rw, rfc_ct, 15, fives, 1, out, &len),
	     P11_CKR_ENCRYPTED_DATA_LEN_RANGE);
	WANT("DECRYPT_INIT", cts_init(a, false, rw, key, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("DECRYPT_FINAL with no data", step(a, P11_CMD_DECRYPT_FINAL, rw, NULL, 0, out, &len),
	     P11_CKR_ENCRYPTED_DATA_LEN_RANGE);
	/* one block exactly is enough: CBC, nothing stolen (RFC 3962's C1, its 64-byte answer's
	 * first block) */
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("ENCRYPT 16 bytes", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, 16, out, &len),
	     P11_CKR_OK);
	WANT("... AES of the block", len == 16 && !memcmp(out, rfc_ct, 16), 1);
	*count += n;
	return true;
}

/* NIST SP 800-38A F.5.1 CTR-AES128.Encrypt: its key, initial counter block, data and answer */
static const uint8_t f51_key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
				    0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
static const uint8_t f51_pt[64] = {
    0x6b, 0xc1, 0xbe, 0xe2, 0x2e, 0x40, 0x9f, 0x96, 0xe9, 0x3d, 0x7e, 0x11, 0x73, 0x93, 0x17, 0x2a,
    0xae, 0x2d, 0x8a, 0x57, 0x1e, 0x03, 0xac, 0x9c, 0x9e, 0xb7, 0x6f, 0xac, 0x45, 0xaf, 0x8e, 0x51,
    0x30, 0xc8, 0x1c, 0x46, 0xa3, 0x5c, 0xe4, 0x11, 0xe5, 0xfb, 0xc1, 0x19, 0x1a, 0x0a, 0x52, 0xef,
    0xf6, 0x9f, 0x24, 0x45, 0xdf, 0x4f, 0x9b, 0x17, 0xad, 0x2b, 0x41, 0x7b, 0xe6, 0x6c, 0x37, 0x10};
static const uint8_t f51_ct[64] = {
    0x87, 0x4d, 0x61, 0x91, 0xb6, 0x20, 0xe3, 0x26, 0x1b, 0xef, 0x68, 0x64, 0x99, 0x0d, 0xb6, 0xce,
    0x98, 0x06, 0xf6, 0x6b, 0x79, 0x70, 0xfd, 0xff, 0x86, 0x17, 0x18, 0x7b, 0xb9, 0xff, 0xfd, 0xff,
    0x5a, 0xe4, 0xdf, 0x3e, 0xdb, 0xd5, 0xd3, 0x5e, 0x5b, 0x4f, 0x09, 0x02, 0x0d, 0xb0, 0x3e, 0xab,
    0x1e, 0x03, 0x1d, 0xda, 0x2f, 0xbe, 0x03, 0xd1, 0x79, 0x21, 0x70, 0xa0, 0xf3, 0x00, 0x9c, 0xee};

/* ENCRYPT_/DECRYPT_INIT with CKM_AES_CTR: CK_AES_CTR_PARAMS of bits and F.5.1's counter */
static uint32_t ctr_init(TEEC_Session *s, bool enc, uint32_t h, uint32_t key, uint32_t bits)
{
	uint8_t params[20];

	memcpy(params, &bits, 4);
	for (int i = 0; i < 16; i++)
		params[4 + i] = (uint8_t)(0xf0 + i);
	return op_init(s, enc ? P11_CMD_ENCRYPT_INIT : P11_CMD_DECRYPT_INIT, h, key,
		       P11_CKM_AES_CTR, params, sizeof(params));
}

/*
 * Current Mechanisms v2.40 2.8, CK_AES_CTR_PARAMS: ulCounterBits of the counter block count.
 * F.5.1's counter ends in ...fe ff: with 32 bits the four blocks are its answer; with 8 the
 * last byte is already ff, so one block is all there is, and a second is refused, not
 * encrypted with a counter carried into the ninth bit.
 */
static bool ctr_counter_bits(TEEC_Session *a, uint32_t rw, unsigned *count)
{
	struct ctl *c = NULL;
	uint32_t key = 0;
	uint8_t out[80];
	size_t len;
	unsigned n = 0;

	WANT("F.5.1's key", cts_key(a, rw, f51_key, 16, K_ENC | K_DEC, &key), P11_CKR_OK);
	WANT("CTR, 32 counter bits", ctr_init(a, true, rw, key, 32), P11_CKR_OK);
	len = sizeof(out);
	WANT("ENCRYPT 64 bytes", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, f51_pt, 64, out, &len),
	     P11_CKR_OK);
	WANT("... SP 800-38A F.5.1's answer", len == 64 && !memcmp(out, f51_ct, 64), 1);
	WANT("CTR, 8 counter bits", ctr_init(a, true, rw, key, 8), P11_CKR_OK);
	len = sizeof(out);
	WANT("ENCRYPT 16 bytes", step(a, P11_CMD_ENCRYPT_UPDATE, rw, f51_pt, 16, out, &len),
	     P11_CKR_OK);
	WANT("... F.5.1's first block", len == 16 && !memcmp(out, f51_ct, 16), 1);
	len = sizeof(out);
	WANT("ENCRYPT 1 more: the counter would wrap",
	     step(a, P11_CMD_ENCRYPT_UPDATE, rw, f51_pt + 16, 1, out, &len),
	     P11_CKR_DATA_LEN_RANGE);
	len = sizeof(out);
	WANT("... which ended the operation",
	     step(a, P11_CMD_ENCRYPT_UPDATE, rw, f51_pt + 16, 1, out, &len),
	     P11_CKR_OPERATION_NOT_INITIALIZED);
	WANT("DECRYPT, 8 counter bits", ctr_init(a, false, rw, key, 8), P11_CKR_OK);
	len = sizeof(out);
	WANT("DECRYPT 17 bytes in one call",
	     step(a, P11_CMD_DECRYPT_ONESHOT, rw, f51_ct, 17, out, &len),
	     P11_CKR_ENCRYPTED_DATA_LEN_RANGE);
	WANT("CTR, 0 counter bits", ctr_init(a, true, rw, key, 0), P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("CTR, 129 counter bits", ctr_init(a, true, rw, key, 129),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("destroy the key", simple(a, P11_CMD_DESTROY_OBJECT, rw, key), P11_CKR_OK);
	*count += n;
	return true;
}

bool pkcs11_cts_checks(TEEC_Session *a, unsigned *count)
{
	struct p11_mechanism_info info = {0};
	uint32_t rw = 0, key = 0, k256 = 0, enc_only = 0, dec_only = 0, cbc_only = 0, rv;
	uint32_t ctrl[2] = {0, P11_CKM_AES_CTS};
	uint8_t k256_v[32], iv[17], out[64];
	struct ctl *c = calloc(1, sizeof(*c));
	size_t len;
	unsigned n = 0;
	bool ok;

	if (!c)
		return fail("out of memory");
	len = sizeof(info);
	c->len = 0;
	put(c, ctrl, sizeof(ctrl));
	call(a, P11_CMD_MECHANISM_INFO, c, NULL, 0, &info, &len, false, &rv);
	WANT("MECHANISM_INFO CKM_AES_CTS", rv, P11_CKR_OK);
	WANT("... 16 to 32 bytes", info.min_key_size == 16 && info.max_key_size == 32, 1);
	WANT("... encrypts and decrypts, nothing else", info.flags,
	     P11_CKF_ENCRYPT | P11_CKF_DECRYPT);
	WANT("A opens R/W", open_rw(a, true, &rw), P11_CKR_OK);
	WANT("an AES-128 key", cts_key(a, rw, "chicken teriyaki", 16, K_ENC | K_DEC, &key),
	     P11_CKR_OK);
	ok = known_answers(a, rw, key, &n) && long_parts(a, rw, key, &n) &&
	     sizes_asked(a, rw, key, &n) && too_short(a, rw, key, &n) &&
	     ctr_counter_bits(a, rw, &n);
	if (!ok) {
		free(c);
		simple(a, P11_CMD_CLOSE_SESSION, rw, 0);
		*count += n;
		return false;
	}
	/* AES-256 and an IV of its own */
	for (int i = 0; i < 32; i++)
		k256_v[i] = (uint8_t)i;
	for (int i = 0; i < 16; i++)
		iv[i] = (uint8_t)(0xf0 + i);
	WANT("an AES-256 key", cts_key(a, rw, k256_v, 32, K_ENC | K_DEC, &k256), P11_CKR_OK);
	WANT("ENCRYPT_INIT", cts_init(a, true, rw, k256, iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("ENCRYPT 46 bytes, AES-256",
	     step(a, P11_CMD_ENCRYPT_ONESHOT, rw, k256_msg, 46, out, &len), P11_CKR_OK);
	WANT("... the known answer", len == 46 && !memcmp(out, k256_ct, 46), 1);
	WANT("DECRYPT_INIT", cts_init(a, false, rw, k256, iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("DECRYPT 46 bytes, AES-256",
	     step(a, P11_CMD_DECRYPT_ONESHOT, rw, k256_ct, 46, out, &len), P11_CKR_OK);
	WANT("... the message", len == 46 && !memcmp(out, k256_msg, 46), 1);
	/* Current Mechanisms 2.10.2: the IV is one block, no more, no less */
	WANT("an IV of 15 bytes", cts_init(a, true, rw, key, iv, 15),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("an IV of 17 bytes", cts_init(a, true, rw, key, iv, 17),
	     P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("no IV", cts_init(a, false, rw, key, NULL, 0), P11_CKR_MECHANISM_PARAM_INVALID);
	WANT("... and no operation left", cts_init(a, true, rw, key, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("... the next one works", step(a, P11_CMD_ENCRYPT_ONESHOT, rw, rfc_msg, 17, out, &len),
	     P11_CKR_OK);
	/* PKCS#11 v2.40 4.7.2, 5.8: a key's functions and mechanisms bind */
	WANT("a key without CKA_ENCRYPT", cts_key(a, rw, "chicken teriyaki", 16, K_DEC, &dec_only),
	     P11_CKR_OK);
	WANT("ENCRYPT_INIT with it", cts_init(a, true, rw, dec_only, zero_iv, 16),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("DECRYPT_INIT with it", cts_init(a, false, rw, dec_only, zero_iv, 16), P11_CKR_OK);
	len = sizeof(out);
	WANT("... DECRYPT", step(a, P11_CMD_DECRYPT_ONESHOT, rw, rfc[0].ct, 17, out, &len),
	     P11_CKR_OK);
	WANT("a key without CKA_DECRYPT", cts_key(a, rw, "chicken teriyaki", 16, K_ENC, &enc_only),
	     P11_CKR_OK);
	WANT("DECRYPT_INIT with it", cts_init(a, false, rw, enc_only, zero_iv, 16),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("a key for CKM_AES_CBC only",
	     cts_key(a, rw, "chicken teriyaki", 16, K_ENC | K_DEC | K_CBC_ONLY, &cbc_only),
	     P11_CKR_OK);
	WANT("ENCRYPT_INIT CTS with it", cts_init(a, true, rw, cbc_only, zero_iv, 16),
	     P11_CKR_KEY_FUNCTION_NOT_PERMITTED);
	WANT("close", simple(a, P11_CMD_CLOSE_SESSION, rw, 0), P11_CKR_OK);
	free(c);
	*count += n;
	return true;
}
