// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP cryptographic operations (GP TEE Internal Core API v1.3.1 chapter 6) on mbedTLS: digests
 * (6.3), symmetric ciphers (6.4), MACs (6.5) and authenticated encryption (6.6, crypto_ae.c).
 * Every primitive is mbedTLS's, but SM3 and HMAC-SM3, which mbedTLS 2.28 lacks: nettle's
 * (mk/nettle.mk); this file keeps the GP state machine (initial/active, key set)
 * and the block buffering the GP update calls need. What the specification makes a panic kills the
 * calling TA with the reason named.
 */
#include <mbedtls/aes.h>
#include <mbedtls/cipher.h>
#include <mbedtls/cmac.h>
#include <mbedtls/des.h>
#include <mbedtls/md.h>
#include <nettle/hmac.h>
#include <nettle/sm3.h>
#include <rampart/optee_abi.h>
#include <stdio.h>
#include <string.h>

#include "crypto_ae.h"
#include "crypto_asym.h"
#include "crypto_cts.h"
#include "crypto_obj.h"
#include "heap.h"
#include "ta.h"

#define GP_CLASS_CIPHER	 1
#define GP_CLASS_MAC	 3
#define GP_CLASS_AE	 4
#define GP_CLASS_DIGEST	 5
#define GP_CLASS_ACIPHER 6
#define GP_CLASS_SIGN	 7
#define GP_CLASS_DERIVE	 8
#define GP_MODE_ENCRYPT	 0
#define GP_MODE_DECRYPT	 1
#define GP_MODE_SIGN	 2
#define GP_MODE_VERIFY	 3
#define GP_MODE_MAC	 4
#define GP_MODE_DIGEST	 5
#define GP_MODE_DERIVE	 6
#define GP_STATE_INITIAL 0
#define GP_STATE_ACTIVE	 1
#define AES_BLOCK	 16
#define HMAC_KEY_MAX	 128 /* 1024 bits: the largest HMAC key GP allows (Table 5-9) */

enum aes_mode {
	AES_NONE,
	AES_ECB,
	AES_CBC,
	AES_CTR,
	AES_CMAC,
	AES_CBC_MAC,	   /* CBC-MAC, whole blocks only (NOPAD) */
	AES_CBC_MAC_PKCS5, /* CBC-MAC of the message padded per PKCS #5 */
	AES_XTS,	   /* two keys (TEE_SetOperationKey2); the data unit held to the end */
	AES_CTS,	   /* CBC-CS3 (crypto_cts.c); the last 17 to 32 bytes held to the end */
	AES_AE
};

/* AES-XTS: mbedtls_aes_crypt_xts takes a data unit in one call, so the trusted OS holds it
 * until TEE_CipherDoFinal, up to this many bytes (more is a panic naming the limit). */
#define XTS_DATA_MAX (64 * 1024)

struct alg_desc {
	uint32_t algo;
	uint32_t op_class;
	uint32_t key_type; /* 0: no key */
	mbedtls_md_type_t md;
	enum aes_mode aes; /* the mode (AES_*, for DES and 3DES too) */
	int des;	   /* 0: AES; 1: DES; 3: 3DES (TEE_TYPE_DES3, two or three keys) */
	int sm3;	   /* SM3 digest or HMAC-SM3 on nettle (md is MBEDTLS_MD_NONE) */
};

#define DES_BLOCK 8

/* GP 6.10.1 Table 6-11 identifiers; exactly what TEE_IsAlgorithmSupported answers yes for. */
static const struct alg_desc algs[] = {
    {0x50000001, GP_CLASS_DIGEST, 0, MBEDTLS_MD_MD5, AES_NONE, 0, 0},
    {0x50000002, GP_CLASS_DIGEST, 0, MBEDTLS_MD_SHA1, AES_NONE, 0, 0},
    {0x50000003, GP_CLASS_DIGEST, 0, MBEDTLS_MD_SHA224, AES_NONE, 0, 0},
    {0x50000004, GP_CLASS_DIGEST, 0, MBEDTLS_MD_SHA256, AES_NONE, 0, 0},
    {0x50000005, GP_CLASS_DIGEST, 0, MBEDTLS_MD_SHA384, AES_NONE, 0, 0},
    {0x50000006, GP_CLASS_DIGEST, 0, MBEDTLS_MD_SHA512, AES_NONE, 0, 0},
    /* SM3 (GB/T 32905-2016) and HMAC-SM3 (RFC 2104 over SM3) on nettle */
    {GP_ALG_SM3, GP_CLASS_DIGEST, 0, MBEDTLS_MD_NONE, AES_NONE, 0, 1},
    {GP_ALG_HMAC_SM3, GP_CLASS_MAC, GP_TYPE_HMAC_SM3, MBEDTLS_MD_NONE, AES_NONE, 0, 1},
    {0x30000001, GP_CLASS_MAC, GP_TYPE_HMAC_MD5, MBEDTLS_MD_MD5, AES_NONE, 0, 0},
    {0x30000002, GP_CLASS_MAC, GP_TYPE_HMAC_SHA1, MBEDTLS_MD_SHA1, AES_NONE, 0, 0},
    {0x30000003, GP_CLASS_MAC, GP_TYPE_HMAC_SHA224, MBEDTLS_MD_SHA224, AES_NONE, 0, 0},
    {0x30000004, GP_CLASS_MAC, GP_TYPE_HMAC_SHA256, MBEDTLS_MD_SHA256, AES_NONE, 0, 0},
    {0x30000005, GP_CLASS_MAC, GP_TYPE_HMAC_SHA384, MBEDTLS_MD_SHA384, AES_NONE, 0, 0},
    {0x30000006, GP_CLASS_MAC, GP_TYPE_HMAC_SHA512, MBEDTLS_MD_SHA512, AES_NONE, 0, 0},
    {0x30000610, GP_CLASS_MAC, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CMAC, 0, 0},
    {0x30000613, GP_CLASS_MAC, GP_TYPE_DES3, MBEDTLS_MD_NONE, AES_CMAC, 3, 0}, /* DES3_CMAC */
    {0x30000110, GP_CLASS_MAC, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CBC_MAC, 0, 0},
    {0x30000510, GP_CLASS_MAC, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CBC_MAC_PKCS5, 0, 0},
    {0x10000010, GP_CLASS_CIPHER, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_ECB, 0, 0},
    {0x10000110, GP_CLASS_CIPHER, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CBC, 0, 0},
    {0x10000210, GP_CLASS_CIPHER, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CTR, 0, 0},
    {0x10000410, GP_CLASS_CIPHER, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_XTS, 0, 0},
    {0x10000310, GP_CLASS_CIPHER, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_CTS, 0, 0},
    {0x10000011, GP_CLASS_CIPHER, GP_TYPE_DES, MBEDTLS_MD_NONE, AES_ECB, 1, 0},
    {0x10000111, GP_CLASS_CIPHER, GP_TYPE_DES, MBEDTLS_MD_NONE, AES_CBC, 1, 0},
    {0x10000013, GP_CLASS_CIPHER, GP_TYPE_DES3, MBEDTLS_MD_NONE, AES_ECB, 3, 0},
    {0x10000113, GP_CLASS_CIPHER, GP_TYPE_DES3, MBEDTLS_MD_NONE, AES_CBC, 3, 0},
    {0x30000111, GP_CLASS_MAC, GP_TYPE_DES, MBEDTLS_MD_NONE, AES_CBC_MAC, 1, 0},
    {0x30000511, GP_CLASS_MAC, GP_TYPE_DES, MBEDTLS_MD_NONE, AES_CBC_MAC_PKCS5, 1, 0},
    {0x30000113, GP_CLASS_MAC, GP_TYPE_DES3, MBEDTLS_MD_NONE, AES_CBC_MAC, 3, 0},
    {0x30000513, GP_CLASS_MAC, GP_TYPE_DES3, MBEDTLS_MD_NONE, AES_CBC_MAC_PKCS5, 3, 0},
    {0x40000710, GP_CLASS_AE, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_AE, 0, 0}, /* AES-CCM */
    {0x40000810, GP_CLASS_AE, GP_TYPE_AES, MBEDTLS_MD_NONE, AES_AE, 0, 0}, /* AES-GCM */
/* Asymmetric ciphers, signatures and key derivation (crypto_asym.c, crypto_derive.c); the key
 * type is the key pair's, whose public half also does for encryption and verification. */
#define ASYM(id, cls, type)                                                                        \
	{                                                                                          \
		id, cls, type, MBEDTLS_MD_NONE, AES_NONE, 0, 0                                     \
	}
    ASYM(0x70001830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* RSASSA_PKCS1_V1_5_MD5 */
    ASYM(0x70002830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA1 */
    ASYM(0x70003830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA224 */
    ASYM(0x70004830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA256 */
    ASYM(0x70005830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA384 */
    ASYM(0x70006830, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA512 */
    ASYM(0x70212930, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* RSASSA_PKCS1_PSS_MGF1_SHA1 */
    ASYM(0x70313930, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA224 */
    ASYM(0x70414930, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA256 */
    ASYM(0x70515930, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA384 */
    ASYM(0x70616930, GP_CLASS_SIGN, GP_TYPE_RSA_KEYPAIR),    /* ..._SHA512 */
    ASYM(0x60000130, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* RSAES_PKCS1_V1_5 */
    ASYM(0x60210230, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* RSAES_PKCS1_OAEP_MGF1_SHA1 */
    ASYM(0x60310230, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* ..._SHA224 */
    ASYM(0x60410230, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* ..._SHA256 */
    ASYM(0x60510230, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* ..._SHA384 */
    ASYM(0x60610230, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* ..._SHA512 */
    ASYM(0x60000030, GP_CLASS_ACIPHER, GP_TYPE_RSA_KEYPAIR), /* RSA_NOPAD */
    /* ECDSA: OP-TEE 3.19's P192..P521 (one curve each) and GP 1.3.1's SHA1..SHA512 */
    ASYM(0x70001041, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70002041, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70003041, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70004041, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70005041, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70001042, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70002042, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70003042, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70004042, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    ASYM(0x70005042, GP_CLASS_SIGN, GP_TYPE_ECDSA_KEYPAIR),
    /* ECDH: P192..P521 and GP 1.3.1's ECDH_DERIVE_SHARED_SECRET (any curve) */
    ASYM(0x80001042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80002042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80003042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80004042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80005042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80000042, GP_CLASS_DERIVE, GP_TYPE_ECDH_KEYPAIR),
    ASYM(0x80000032, GP_CLASS_DERIVE, GP_TYPE_DH_KEYPAIR), /* DH_DERIVE_SHARED_SECRET */
    /* OP-TEE's KDF extensions: HKDF with MD5..SHA512, concat KDF SHA1..SHA512, PBKDF2 */
    ASYM(0x800010C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800020C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800030C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800040C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800050C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800060C0, GP_CLASS_DERIVE, GP_TYPE_HKDF_IKM),
    ASYM(0x800020C1, GP_CLASS_DERIVE, GP_TYPE_CONCAT_KDF_Z),
    ASYM(0x800030C1, GP_CLASS_DERIVE, GP_TYPE_CONCAT_KDF_Z),
    ASYM(0x800040C1, GP_CLASS_DERIVE, GP_TYPE_CONCAT_KDF_Z),
    ASYM(0x800050C1, GP_CLASS_DERIVE, GP_TYPE_CONCAT_KDF_Z),
    ASYM(0x800060C1, GP_CLASS_DERIVE, GP_TYPE_CONCAT_KDF_Z),
    ASYM(0x800020C2, GP_CLASS_DERIVE, GP_TYPE_PBKDF2_PASSWORD),
    /* on nettle (crypto_nettle.h): DSA_SHA1..SHA256, Ed25519, X25519 */
    ASYM(GP_ALG_DSA_SHA1, GP_CLASS_SIGN, GP_TYPE_DSA_KEYPAIR),
    ASYM(GP_ALG_DSA_SHA224, GP_CLASS_SIGN, GP_TYPE_DSA_KEYPAIR),
    ASYM(GP_ALG_DSA_SHA256, GP_CLASS_SIGN, GP_TYPE_DSA_KEYPAIR),
    ASYM(GP_ALG_ED25519, GP_CLASS_SIGN, GP_TYPE_ED25519_KEYPAIR),
    ASYM(GP_ALG_X25519, GP_CLASS_DERIVE, GP_TYPE_X25519_KEYPAIR),
#undef ASYM
};

struct crypto_op {
	const struct alg_desc *alg;
	uint32_t mode;
	uint32_t max_bits;
	uint32_t state;	   /* GP_STATE_* */
	int initialized;   /* MACInit/CipherInit done (digests: always) */
	uint32_t key_bits; /* 0: no key set */
	uint8_t key[HMAC_KEY_MAX];
	size_t out_len;		 /* digest or MAC size */
	mbedtls_md_context_t md; /* digests, HMAC */
	struct hmac_sm3_ctx sm3; /* SM3 (its state part only) and HMAC-SM3 */
	mbedtls_cipher_context_t cmac;
	union { /* one block cipher an operation: the one its algorithm names */
		mbedtls_aes_context aes;
		mbedtls_des_context des;
		mbedtls_des3_context des3;
		mbedtls_aes_xts_context xts;
	} c;
	uint8_t iv[AES_BLOCK];	   /* CBC chaining value, CTR counter */
	uint8_t stream[AES_BLOCK]; /* CTR key stream */
	size_t nc_off;		   /* CTR: bytes of stream used */
	uint8_t buf[CTS_HELD_MAX]; /* ECB/CBC: a partial block held between updates; CTS more */
	size_t buffered;
	struct crypto_ae *ae;	 /* AE: between TEE_AEInit and the final call */
	struct crypto_obj *akey; /* asymmetric and KDF operations: a copy of the key */
	struct asym_ctx *actx;	 /* the key made ready for mbedTLS at first use */
	uint8_t *xts_data;	 /* XTS: the data unit so far */
	size_t xts_len, xts_room;
	size_t *held; /* the instance's budget for data held (CRYPTO_HELD_MAX) */
};

static void __attribute__((noreturn)) op_panic(const char *what)
{
	char why[96];

	snprintf(why, sizeof(why), "GP panic in a crypto operation: %s", what);
	ta_kill_current(why);
}

static const struct alg_desc *find_alg(uint32_t algo)
{
	for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
		if (algs[i].algo == algo)
			return &algs[i];
	return NULL;
}

int crypto_alg_supported(uint32_t algo, uint32_t element)
{
	const struct alg_desc *a = find_alg(algo);
	uint32_t bits;

	if (!a)
		return 0;
	if (!element) /* TEE_CRYPTO_ELEMENT_NONE */
		return 1;
	/* GP 6.2.9: an element is a curve, meaningful for the ECC algorithms only; one naming
	 * its curve (ECDSA_P256) takes that one, Ed25519 and X25519 TEE_ECC_CURVE_25519 */
	if (a->key_type == GP_TYPE_ED25519_KEYPAIR || a->key_type == GP_TYPE_X25519_KEYPAIR)
		return element == GP_ECC_CURVE_25519;
	if (a->key_type != GP_TYPE_ECDSA_KEYPAIR && a->key_type != GP_TYPE_ECDH_KEYPAIR)
		return 0;
	return crypto_curve_group(element, &bits) != MBEDTLS_ECP_DP_NONE &&
	       crypto_asym_size_fits(algo, bits);
}

/*
 * The largest key of an operation allocated with maxKeySize max_bits. AES-XTS takes two keys and
 * its maxKeySize is the two together (256 for two AES-128 keys, 512 for two AES-256 keys), as
 * OP-TEE counts it and its TAs and test suite allocate XTS operations: GP 1.3.1 6.2.1's
 * maxKeySize is "the maximum key size in bits for the operation", and an XTS operation's key is
 * the pair (IEEE 1619 5.1: a 256- or 512-bit key cut in two). Each key is half of it.
 */
static uint32_t xts_key_max(const struct alg_desc *a, uint32_t max_bits)
{
	return a->aes == AES_XTS ? max_bits / 2 : max_bits;
}

static int is_asym(const struct alg_desc *a)
{
	return a->op_class >= GP_CLASS_ACIPHER;
}

static int mode_fits(const struct alg_desc *a, uint32_t mode)
{
	switch (a->op_class) {
	case GP_CLASS_DIGEST:
		return mode == GP_MODE_DIGEST;
	case GP_CLASS_MAC:
		return mode == GP_MODE_MAC;
	case GP_CLASS_SIGN:
		return mode == GP_MODE_SIGN || mode == GP_MODE_VERIFY;
	case GP_CLASS_DERIVE:
		return mode == GP_MODE_DERIVE;
	default:
		return mode == GP_MODE_ENCRYPT || mode == GP_MODE_DECRYPT;
	}
}

static void digest_start(struct crypto_op *op)
{
	if (op->alg->sm3)
		sm3_init(&op->sm3.state);
	else
		mbedtls_md_starts(&op->md);
}

uint32_t crypto_op_alloc(uint32_t algo, uint32_t mode, uint32_t max_bits, size_t *held,
			 struct crypto_op **out)
{
	const struct alg_desc *a = find_alg(algo);
	struct crypto_op *op;

	if (a)
		max_bits = crypto_key_bits_with_parity(a->key_type, max_bits);
	/* GP 6.2.1: algorithm, mode or key size not supported (or not matching); AES-XTS's
	 * maxKeySize counts its two keys together (xts_key_max) */
	if (!a || !mode_fits(a, mode) ||
	    (a->key_type && !crypto_key_size_ok(a->key_type, xts_key_max(a, max_bits))))
		return TEEC_ERROR_NOT_SUPPORTED;
	/* mbedTLS's XTS takes two AES-128 or two AES-256 keys */
	if (a->aes == AES_XTS && max_bits != 256 && max_bits != 512)
		return TEEC_ERROR_NOT_SUPPORTED;
	/* an ECDSA or ECDH algorithm naming its curve takes keys of that curve only */
	if (is_asym(a) && !crypto_asym_size_fits(algo, max_bits))
		return TEEC_ERROR_NOT_SUPPORTED;
	op = kcalloc(1, sizeof(*op));
	if (!op)
		return TEEC_ERROR_OUT_OF_MEMORY;
	op->alg = a;
	op->mode = mode;
	op->held = held;
	op->max_bits = a->key_type ? max_bits : 0;
	mbedtls_md_init(&op->md);
	mbedtls_cipher_init(&op->cmac);
	mbedtls_aes_init(&op->c.aes);
	mbedtls_des_init(&op->c.des);
	mbedtls_des3_init(&op->c.des3);
	mbedtls_aes_xts_init(&op->c.xts);
	if (a->md != MBEDTLS_MD_NONE) {
		const mbedtls_md_info_t *info = mbedtls_md_info_from_type(a->md);

		if (!info || mbedtls_md_setup(&op->md, info, a->op_class == GP_CLASS_MAC)) {
			crypto_op_free(op);
			return TEEC_ERROR_OUT_OF_MEMORY;
		}
		op->out_len = mbedtls_md_get_size(info);
	}
	if (a->aes == AES_CMAC || a->aes == AES_CBC_MAC || a->aes == AES_CBC_MAC_PKCS5)
		op->out_len = a->des ? DES_BLOCK : AES_BLOCK;
	if (a->sm3)
		op->out_len = SM3_DIGEST_SIZE;
	if (a->op_class == GP_CLASS_DIGEST) {
		digest_start(op);
		op->initialized = 1;
	}
	*out = op;
	return TEEC_SUCCESS;
}

static void drop_akey(struct crypto_op *op)
{
	crypto_asym_ctx_free(op->actx);
	op->actx = NULL;
	if (op->akey)
		crypto_obj_free(op->akey);
	op->akey = NULL;
}

void crypto_op_free(struct crypto_op *op)
{
	drop_akey(op);
	crypto_ae_free(op->ae);
	mbedtls_aes_xts_free(&op->c.xts);
	mbedtls_des_free(&op->c.des);
	mbedtls_des3_free(&op->c.des3);
	mbedtls_md_free(&op->md);
	mbedtls_cipher_free(&op->cmac);
	mbedtls_aes_free(&op->c.aes);
	if (op->xts_data) {
		memset(op->xts_data, 0, op->xts_room);
		kfree(op->xts_data);
		crypto_held_give(op->held, op->xts_room);
	}
	memset(op, 0, sizeof(*op)); /* the key copy and the cipher state */
	kfree(op);
}

void crypto_op_info(const struct crypto_op *op, struct ta_op_info *info)
{
	memset(info, 0, sizeof(*info));
	info->algorithm = op->alg->algo;
	info->op_class = op->alg->op_class;
	info->mode = op->mode;
	info->digest_len = (uint32_t)op->out_len;
	info->max_key_bits = op->max_bits;
	info->key_bits = op->key_bits;
	if (op->alg->op_class == GP_CLASS_MAC)
		info->required_usage = GP_USAGE_MAC;
	else if (op->mode == GP_MODE_SIGN)
		info->required_usage = GP_USAGE_SIGN;
	else if (op->mode == GP_MODE_VERIFY)
		info->required_usage = GP_USAGE_VERIFY;
	else if (op->mode == GP_MODE_DERIVE)
		info->required_usage = GP_USAGE_DERIVE;
	else if (op->alg->op_class != GP_CLASS_DIGEST)
		info->required_usage =
		    op->mode == GP_MODE_ENCRYPT ? GP_USAGE_ENCRYPT : GP_USAGE_DECRYPT;
	/* GP 6.2.4: a digest needs no key, so its key counts as set */
	info->handle_state =
	    (op->alg->aes == AES_XTS ? GP_HANDLE_FLAG_EXPECT_TWO_KEYS : 0) |
	    (op->initialized || (is_asym(op->alg) && op->key_bits) ? GP_HANDLE_FLAG_INITIALIZED
								   : 0) |
	    (op->key_bits || !op->alg->key_type ? GP_HANDLE_FLAG_KEY_SET : 0);
	info->state = op->state;
}

/* Back to the initial state: a digest starts afresh; a MAC or cipher needs its Init again. */
static void to_initial(struct crypto_op *op)
{
	op->state = GP_STATE_INITIAL;
	op->buffered = 0;
	op->nc_off = 0;
	memset(op->buf, 0, sizeof(op->buf));
	memset(op->stream, 0, sizeof(op->stream));
	crypto_ae_free(op->ae);
	op->ae = NULL;
	if (op->xts_data)
		memset(op->xts_data, 0, op->xts_room);
	op->xts_len = 0;
	if (op->alg->op_class == GP_CLASS_DIGEST) {
		digest_start(op);
		return;
	}
	op->initialized = 0;
}

void crypto_op_reset(struct crypto_op *op)
{
	/* GP 6.2.5: resetting an operation that needs a key and has none is a panic */
	if (op->alg->key_type && !op->key_bits)
		op_panic("TEE_ResetOperation without a key");
	to_initial(op);
}

/* GP 6.2.6 / 6.2.7 panics for a key: not initialized, of another type, larger than the
 * operation's maximum, or not allowed for what the operation does (GP 5.3.3 usage bits). */
static void check_key(const struct crypto_op *op, const struct crypto_obj *key, const char *fn)
{
	char why[96];
	uint32_t need = op->alg->op_class == GP_CLASS_MAC ? GP_USAGE_MAC
			: op->mode == GP_MODE_ENCRYPT	  ? GP_USAGE_ENCRYPT
			: op->mode == GP_MODE_SIGN	  ? GP_USAGE_SIGN
			: op->mode == GP_MODE_VERIFY	  ? GP_USAGE_VERIFY
			: op->mode == GP_MODE_DERIVE	  ? GP_USAGE_DERIVE
							  : GP_USAGE_DECRYPT;
	/* encryption and verification take the public key as well as the pair (GP 6.2.7) */
	int public_ok = (op->mode == GP_MODE_ENCRYPT || op->mode == GP_MODE_VERIFY) &&
			(op->alg->key_type & GP_TYPE_KEYPAIR_FLAG) &&
			key->type == (op->alg->key_type & ~GP_TYPE_KEYPAIR_FLAG);

	if (!key->bits || (key->type != op->alg->key_type && !public_ok))
		snprintf(why, sizeof(why), "%s: key uninitialized or of the wrong type", fn);
	else if (key->bits > xts_key_max(op->alg, op->max_bits))
		snprintf(why, sizeof(why), "%s: key larger than the operation's maxKeySize", fn);
	else if (!(key->usage & need))
		snprintf(why, sizeof(why), "%s: key usage does not allow this operation", fn);
	else if (is_asym(op->alg) && !crypto_asym_key_fits(op->alg->algo, key))
		snprintf(why, sizeof(why), "%s: key on another curve than the algorithm's", fn);
	else
		return;
	op_panic(why);
}

static void clear_key(struct crypto_op *op)
{
	/* GP v1.3 (unlike v1.1, which panics): an active operation goes back to initial */
	to_initial(op);
	memset(op->key, 0, sizeof(op->key));
	op->key_bits = 0;
	drop_akey(op);
}

/* An asymmetric or KDF operation keeps a copy of the whole key object. */
static uint32_t set_akey(struct crypto_op *op, const struct crypto_obj *key)
{
	struct crypto_obj *copy;

	if (crypto_obj_alloc(key->type, key->max_bits, &copy))
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (crypto_obj_copy_attrs(copy, key)) {
		crypto_obj_free(copy);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	op->akey = copy;
	op->key_bits = key->bits;
	return TEEC_SUCCESS;
}

uint32_t crypto_op_set_key(struct crypto_op *op, const struct crypto_obj *key)
{
	/* GP 6.2.6 panics: an operation that takes no key, or two */
	if (!op->alg->key_type)
		op_panic("TEE_SetOperationKey on a digest");
	if (key && op->alg->aes == AES_XTS)
		op_panic("TEE_SetOperationKey on AES-XTS, which takes TEE_SetOperationKey2");
	clear_key(op);
	if (!key)
		return TEEC_SUCCESS;
	check_key(op, key, "TEE_SetOperationKey");
	if (is_asym(op->alg))
		return set_akey(op, key);
	memcpy(op->key, crypto_obj_secret(key), key->bits / 8);
	op->key_bits = key->bits;
	return TEEC_SUCCESS;
}

uint32_t crypto_op_set_key2(struct crypto_op *op, const struct crypto_obj *key1,
			    const struct crypto_obj *key2)
{
	/* GP 6.2.7: only for an algorithm of two keys; both keys or neither */
	if (op->alg->aes != AES_XTS)
		op_panic("TEE_SetOperationKey2 on an algorithm of one key");
	if (!key1 != !key2)
		op_panic("TEE_SetOperationKey2 with one key only");
	clear_key(op);
	if (!key1)
		return TEEC_SUCCESS;
	check_key(op, key1, "TEE_SetOperationKey2");
	check_key(op, key2, "TEE_SetOperationKey2");
	if (key1->bits != key2->bits)
		op_panic("TEE_SetOperationKey2: the two keys differ in size");
	/*
	 * Two equal keys are taken, unlike GP 1.3.1 6.2.7's TEE_ERROR_SECURITY for them: OP-TEE
	 * takes them, and TAs and test suites written for it use them (IEEE 1619's first test
	 * vector has two all-zero keys): refusing would break those TAs for no gain
	 * the TA could not have by choosing its keys (docs/crypto.md says so).
	 */
	memcpy(op->key, crypto_obj_secret(key1), key1->bits / 8);
	memcpy(op->key + key1->bits / 8, crypto_obj_secret(key2), key2->bits / 8);
	op->key_bits = key1->bits;
	return TEEC_SUCCESS;
}

static void setup_cmac(struct crypto_op *op)
{
	mbedtls_cipher_type_t t = op->key_bits == 128	? MBEDTLS_CIPHER_AES_128_ECB
				  : op->key_bits == 192 ? MBEDTLS_CIPHER_AES_192_ECB
							: MBEDTLS_CIPHER_AES_256_ECB;
	const uint8_t *key = op->key;
	uint32_t bits = op->key_bits;
	uint8_t k3[24];
	int ret;

	/* 3DES-CMAC: mbedTLS's CMAC takes three-key 3DES; two keys are K1, K2, K1 (keying
	 * option 2, NIST SP 800-67) */
	if (op->alg->des == 3) {
		t = MBEDTLS_CIPHER_DES_EDE3_ECB;
		memcpy(k3, op->key, 16);
		memcpy(k3 + 16, op->key + (bits == 128 ? 0 : 16), 8);
		key = k3;
		bits = 192;
	}
	mbedtls_cipher_free(&op->cmac);
	mbedtls_cipher_init(&op->cmac);
	ret = mbedtls_cipher_setup(&op->cmac, mbedtls_cipher_info_from_type(t)) ||
	      mbedtls_cipher_cmac_starts(&op->cmac, key, bits);
	memset(k3, 0, sizeof(k3));
	if (ret)
		op_panic("CMAC set-up failed (out of kernel memory)");
}

static size_t block_len(const struct crypto_op *op)
{
	return op->alg->des ? DES_BLOCK : AES_BLOCK;
}

static void setup_aes(struct crypto_op *op)
{
	/* ECB and CBC decryption run the inverse cipher; CTR and CBC-MAC the forward one. */
	int dec = op->mode == GP_MODE_DECRYPT && op->alg->aes != AES_CTR;

	if (op->alg->des == 1)
		(dec ? mbedtls_des_setkey_dec : mbedtls_des_setkey_enc)(&op->c.des, op->key);
	else if (op->alg->des == 3 && op->key_bits == 128) /* keying option 2: K1, K2, K1 */
		(dec ? mbedtls_des3_set2key_dec : mbedtls_des3_set2key_enc)(&op->c.des3, op->key);
	else if (op->alg->des == 3)
		(dec ? mbedtls_des3_set3key_dec : mbedtls_des3_set3key_enc)(&op->c.des3, op->key);
	else if (dec)
		mbedtls_aes_setkey_dec(&op->c.aes, op->key, op->key_bits);
	else
		mbedtls_aes_setkey_enc(&op->c.aes, op->key, op->key_bits);
}

/* One block of ECB, or CBC chaining through op->iv, with the op's block cipher. */
static void crypt_block(struct crypto_op *op, int encrypt, int cbc, const uint8_t *in, uint8_t *out)
{
	int aes_dir = encrypt ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT;
	int des_dir = encrypt ? MBEDTLS_DES_ENCRYPT : MBEDTLS_DES_DECRYPT;

	if (op->alg->des == 1 && cbc)
		mbedtls_des_crypt_cbc(&op->c.des, des_dir, DES_BLOCK, op->iv, in, out);
	else if (op->alg->des == 1)
		mbedtls_des_crypt_ecb(&op->c.des, in, out);
	else if (op->alg->des == 3 && cbc)
		mbedtls_des3_crypt_cbc(&op->c.des3, des_dir, DES_BLOCK, op->iv, in, out);
	else if (op->alg->des == 3)
		mbedtls_des3_crypt_ecb(&op->c.des3, in, out);
	else if (cbc)
		mbedtls_aes_crypt_cbc(&op->c.aes, aes_dir, AES_BLOCK, op->iv, in, out);
	else
		mbedtls_aes_crypt_ecb(&op->c.aes, aes_dir, in, out);
}

static void setup_xts(struct crypto_op *op)
{
	/* the two keys side by side, as IEEE 1619 and mbedTLS take them */
	if (op->mode == GP_MODE_DECRYPT)
		mbedtls_aes_xts_setkey_dec(&op->c.xts, op->key, op->key_bits * 2);
	else
		mbedtls_aes_xts_setkey_enc(&op->c.xts, op->key, op->key_bits * 2);
}

void crypto_op_init(struct crypto_op *op, uint32_t op_class, const uint8_t *iv, size_t iv_len)
{
	/* GP 6.4.1 / 6.5.1: panics for the wrong class or no key */
	if (op->alg->op_class != op_class)
		op_panic(op_class == GP_CLASS_MAC
			     ? "TEE_MACInit on an operation of another class"
			     : "TEE_CipherInit on an operation of another class");
	if (!op->key_bits)
		op_panic("MACInit/CipherInit without a key");
	to_initial(op);
	switch (op->alg->aes) {
	case AES_NONE:
		if (op->alg->sm3)
			hmac_sm3_set_key(&op->sm3, op->key_bits / 8, op->key);
		else
			mbedtls_md_hmac_starts(&op->md, op->key, op->key_bits / 8);
		break;
	case AES_CMAC:
		setup_cmac(op);
		break;
	case AES_CBC_MAC:
	case AES_CBC_MAC_PKCS5:
		/* CBC-MAC chains from a zero block; a MAC's IV is not used (GP 6.5.1) */
		memset(op->iv, 0, sizeof(op->iv));
		setup_aes(op);
		break;
	case AES_ECB:
	case AES_AE: /* not reached: the class check above sends AE to TEE_AEInit */
		setup_aes(op);
		break;
	case AES_XTS:
		if (iv_len != AES_BLOCK)
			op_panic("CipherInit: AES-XTS needs a 16-byte tweak");
		memcpy(op->iv, iv, AES_BLOCK);
		setup_xts(op);
		break;
	case AES_CBC:
	case AES_CTR:
	case AES_CTS:
		if (iv_len != block_len(op))
			op_panic("CipherInit: CBC, CTS and CTR need an IV of one block");
		memcpy(op->iv, iv, iv_len);
		setup_aes(op);
		break;
	}
	op->initialized = 1;
	op->state = GP_STATE_ACTIVE;
}

/* XTS: append to the data unit held (growing the buffer); over XTS_DATA_MAX is a panic. */
static void xts_hold(struct crypto_op *op, const uint8_t *in, size_t len)
{
	uint8_t *grown;
	size_t room;

	if (len > XTS_DATA_MAX - op->xts_len)
		op_panic("AES-XTS data unit over the 64 KiB the trusted OS holds");
	if (op->xts_len + len > op->xts_room) {
		room = op->xts_len + len < 256 ? 256 : (op->xts_len + len) * 2;
		room = room > XTS_DATA_MAX ? XTS_DATA_MAX : room;
		if (crypto_held_take(op->held, room - op->xts_room))
			op_panic("AES-XTS: over the 128 KiB of data the trusted OS holds for a TA");
		grown = kcalloc(1, room);
		if (!grown)
			op_panic("AES-XTS: out of kernel memory for the data unit");
		if (op->xts_data) {
			memcpy(grown, op->xts_data, op->xts_len);
			memset(op->xts_data, 0, op->xts_room);
			kfree(op->xts_data);
		}
		op->xts_data = grown;
		op->xts_room = room;
	}
	if (len)
		memcpy(op->xts_data + op->xts_len, in, len);
	op->xts_len += len;
}

void crypto_op_copy(struct crypto_op *dst, const struct crypto_op *src)
{
	/* GP 6.2.7: same algorithm and mode, and the source's key fits the destination */
	if (dst->alg != src->alg || dst->mode != src->mode)
		op_panic("TEE_CopyOperation between different algorithms or modes");
	if (src->key_bits > xts_key_max(dst->alg, dst->max_bits))
		op_panic("TEE_CopyOperation: key larger than the destination's maxKeySize");
	if (is_asym(src->alg)) {
		clear_key(dst);
		if (src->akey && set_akey(dst, src->akey))
			op_panic("TEE_CopyOperation: out of kernel memory for the key");
		return;
	}
	memcpy(dst->key, src->key, sizeof(dst->key));
	dst->key_bits = src->key_bits;
	dst->state = src->state;
	dst->initialized = src->initialized;
	memcpy(dst->iv, src->iv, sizeof(dst->iv));
	memcpy(dst->stream, src->stream, sizeof(dst->stream));
	memcpy(dst->buf, src->buf, sizeof(dst->buf));
	dst->nc_off = src->nc_off;
	dst->buffered = src->buffered;
	dst->out_len = src->out_len;
	if (src->alg->sm3) {
		dst->sm3 = src->sm3; /* nettle's contexts are plain values: pads and state */
	} else if (src->alg->md != MBEDTLS_MD_NONE) {
		/* mbedtls_md_clone copies the hash state only: the HMAC pads come from the key */
		if (src->alg->op_class == GP_CLASS_MAC && src->initialized)
			mbedtls_md_hmac_starts(&dst->md, dst->key, dst->key_bits / 8);
		mbedtls_md_clone(&dst->md, &src->md);
	} else if (src->initialized && src->alg->aes == AES_CMAC) {
		setup_cmac(dst);
		memcpy(dst->cmac.cmac_ctx, src->cmac.cmac_ctx, sizeof(*src->cmac.cmac_ctx));
	} else if (src->initialized && src->alg->aes == AES_AE) {
		crypto_ae_free(dst->ae);
		dst->ae = crypto_ae_clone(src->ae, dst->key, dst->key_bits);
		if (!dst->ae)
			op_panic(
			    "TEE_CopyOperation: no room for the AE state (kernel memory or the "
			    "TA's 128 KiB)");
	} else if (src->initialized && src->alg->aes == AES_XTS) {
		setup_xts(dst);
		dst->xts_len = 0; /* what the destination held before is replaced */
		xts_hold(dst, src->xts_data, src->xts_len);
	} else if (src->initialized) {
		setup_aes(dst);
	}
}

static void need_active(const struct crypto_op *op, uint32_t op_class, const char *fn)
{
	char why[64];

	if (op->alg->op_class != op_class) {
		snprintf(why, sizeof(why), "%s on an operation of another class", fn);
		op_panic(why);
	}
	if (op_class != GP_CLASS_DIGEST && !op->initialized) {
		snprintf(why, sizeof(why), "%s before its Init", fn);
		op_panic(why);
	}
}

/* ECB/CBC over whole blocks, holding back a partial block; *out_len checked by the caller. */
static void aes_blocks(struct crypto_op *op, const uint8_t *in, size_t len, uint8_t *out)
{
	int encrypt = op->mode == GP_MODE_ENCRYPT, cbc = op->alg->aes == AES_CBC;
	size_t b = block_len(op);

	while (len) {
		const uint8_t *block;
		uint8_t tmp[AES_BLOCK];

		if (op->buffered || len < b) {
			size_t n = b - op->buffered < len ? b - op->buffered : len;

			memcpy(op->buf + op->buffered, in, n);
			op->buffered += n;
			in += n;
			len -= n;
			if (op->buffered < b)
				break;
			block = op->buf;
		} else {
			block = in;
			in += b;
			len -= b;
		}
		crypt_block(op, encrypt, cbc, block, tmp);
		memcpy(out, tmp, b);
		out += b;
		op->buffered = 0;
	}
}

static uint32_t cipher_update(struct crypto_op *op, const uint8_t *in, size_t in_len, uint8_t *out,
			      uint64_t *out_len)
{
	size_t b = block_len(op);
	size_t need = op->alg->aes == AES_CTR	? in_len
		      : op->alg->aes == AES_CTS ? cts_update_len(op->buffered, in_len)
						: (op->buffered + in_len) / b * b;

	if (op->alg->aes == AES_XTS) { /* all the output comes from TEE_CipherDoFinal */
		xts_hold(op, in, in_len);
		*out_len = 0;
		return TEEC_SUCCESS;
	}
	/* GP 6.4.3: SHORT_BUFFER with the size needed; nothing is consumed */
	if (*out_len < need) {
		*out_len = need;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	if (op->alg->aes == AES_CTR)
		mbedtls_aes_crypt_ctr(&op->c.aes, in_len, &op->nc_off, op->iv, op->stream, in, out);
	else if (op->alg->aes == AES_CTS)
		cts_update(&op->c.aes, op->mode == GP_MODE_DECRYPT, op->iv, op->buf, &op->buffered,
			   in, in_len, out);
	else
		aes_blocks(op, in, in_len, out);
	*out_len = need;
	return TEEC_SUCCESS;
}

/* CBC-MAC: every whole block is chained at once (the final padding, if any, comes after it);
 * the chaining value in op->iv is the MAC so far. */
static void cbc_mac_update(struct crypto_op *op, const uint8_t *in, size_t len)
{
	uint8_t tmp[AES_BLOCK];
	size_t b = block_len(op);

	while (len) {
		size_t n = b - op->buffered < len ? b - op->buffered : len;

		memcpy(op->buf + op->buffered, in, n);
		op->buffered += n;
		in += n;
		len -= n;
		if (op->buffered == b) {
			crypt_block(op, 1, 1, op->buf, tmp);
			op->buffered = 0;
		}
	}
	memset(tmp, 0, sizeof(tmp));
}

static void cbc_mac_final(struct crypto_op *op, const uint8_t *in, size_t len, uint8_t *mac)
{
	uint8_t pad[AES_BLOCK];
	size_t n;

	cbc_mac_update(op, in, len);
	if (op->alg->aes == AES_CBC_MAC_PKCS5) {
		/* PKCS #5 (RFC 8018 6.1.1 step 4): 1 to a block of bytes, each the count */
		n = block_len(op) - op->buffered;
		memset(pad, (int)n, n);
		cbc_mac_update(op, pad, n);
	} else if (op->buffered) {
		/* GP 6.5.3: a NOPAD MAC over a partial block is a panic */
		op_panic("TEE_MACComputeFinal: NOPAD CBC-MAC input not a whole number of blocks");
	}
	memcpy(mac, op->iv, block_len(op));
}

static const char *fn_name(uint32_t op_class, int final)
{
	if (op_class == GP_CLASS_DIGEST)
		return final ? "TEE_DigestDoFinal" : "TEE_DigestUpdate";
	if (op_class == GP_CLASS_MAC)
		return final ? "TEE_MACComputeFinal" : "TEE_MACUpdate";
	if (op_class == GP_CLASS_AE)
		return final ? "TEE_AEEncryptFinal/TEE_AEDecryptFinal" : "TEE_AEUpdate";
	return final ? "TEE_CipherDoFinal" : "TEE_CipherUpdate";
}

uint32_t crypto_op_update(struct crypto_op *op, uint32_t op_class, const uint8_t *in, size_t in_len,
			  uint8_t *out, uint64_t *out_len)
{
	need_active(op, op_class, fn_name(op_class, 0));
	switch (op_class) {
	case GP_CLASS_DIGEST:
		if (op->alg->sm3)
			sm3_update(&op->sm3.state, in_len, in);
		else
			mbedtls_md_update(&op->md, in, in_len);
		op->state = GP_STATE_ACTIVE;
		return TEEC_SUCCESS;
	case GP_CLASS_MAC:
		if (op->alg->aes == AES_CMAC)
			mbedtls_cipher_cmac_update(&op->cmac, in, in_len);
		else if (op->alg->aes != AES_NONE)
			cbc_mac_update(op, in, in_len);
		else if (op->alg->sm3)
			hmac_sm3_update(&op->sm3, in_len, in);
		else
			mbedtls_md_hmac_update(&op->md, in, in_len);
		return TEEC_SUCCESS;
	case GP_CLASS_AE:
		return crypto_ae_update(op->ae, in, in_len, out, out_len);
	default:
		return cipher_update(op, in, in_len, out, out_len);
	}
}

/* XTS over the whole data unit; a partial last block is ciphertext stealing (IEEE 1619 5.3.2). */
static uint32_t xts_final(struct crypto_op *op, const uint8_t *in, size_t in_len, uint8_t *out,
			  uint64_t *out_len)
{
	size_t need = op->xts_len + in_len;

	/* GP 6.4.4: SHORT_BUFFER with the size needed; nothing is consumed */
	if (*out_len < need) {
		*out_len = need;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	if (need < AES_BLOCK)
		op_panic("TEE_CipherDoFinal: AES-XTS data unit shorter than a block");
	xts_hold(op, in, in_len);
	mbedtls_aes_crypt_xts(
	    &op->c.xts, op->mode == GP_MODE_ENCRYPT ? MBEDTLS_AES_ENCRYPT : MBEDTLS_AES_DECRYPT,
	    need, op->iv, op->xts_data, out);
	*out_len = need;
	to_initial(op);
	return TEEC_SUCCESS;
}

/* CTS: the input through the update path, then the 16 to 32 bytes held, stolen (crypto_cts.h). */
static uint32_t cts_final_call(struct crypto_op *op, const uint8_t *in, size_t in_len, uint8_t *out,
			       uint64_t *out_len)
{
	size_t need = op->buffered + in_len, done = cts_update_len(op->buffered, in_len);

	/* GP 6.4.4: an input the algorithm cannot take is a panic, as for NOPAD; CBC-CS3 takes
	 * one block or more (SP 800-38A Addendum) */
	if (need < AES_BLOCK)
		op_panic("TEE_CipherDoFinal: AES-CTS input shorter than a block");
	/* GP 6.4.4: SHORT_BUFFER with the size needed; nothing is consumed */
	if (*out_len < need) {
		*out_len = need;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	cts_update(&op->c.aes, op->mode == GP_MODE_DECRYPT, op->iv, op->buf, &op->buffered, in,
		   in_len, out);
	cts_final(&op->c.aes, op->mode == GP_MODE_DECRYPT, op->iv, op->buf, op->buffered,
		  out + done);
	*out_len = need;
	to_initial(op);
	return TEEC_SUCCESS;
}

uint32_t crypto_op_final(struct crypto_op *op, uint32_t op_class, const uint8_t *in, size_t in_len,
			 uint8_t *out, uint64_t *out_len)
{
	uint8_t tag[64];
	uint32_t ret;

	need_active(op, op_class, fn_name(op_class, 1));
	/* AE ends in crypto_op_ae_final, which carries the tag */
	if (op_class == GP_CLASS_AE)
		op_panic("an AE operation ended by a cipher, MAC or digest final call");
	if (op_class == GP_CLASS_CIPHER && op->alg->aes == AES_XTS)
		return xts_final(op, in, in_len, out, out_len);
	if (op_class == GP_CLASS_CIPHER && op->alg->aes == AES_CTS)
		return cts_final_call(op, in, in_len, out, out_len);
	if (op_class == GP_CLASS_CIPHER) {
		/* GP 6.4.4: NOPAD modes take whole blocks only; anything else is a panic */
		if (op->alg->aes != AES_CTR && (op->buffered + in_len) % block_len(op))
			op_panic("TEE_CipherDoFinal: NOPAD input not a whole number of blocks");
		ret = cipher_update(op, in, in_len, out, out_len);
		if (ret == TEEC_SUCCESS)
			to_initial(op);
		return ret;
	}
	/* GP 6.3.2 / 6.5.3: SHORT_BUFFER leaves the operation as it was */
	if (*out_len < op->out_len) {
		*out_len = op->out_len;
		return TEEC_ERROR_SHORT_BUFFER;
	}
	if (op->alg->sm3 && op->alg->op_class == GP_CLASS_DIGEST) {
		sm3_update(&op->sm3.state, in_len, in);
		sm3_digest(&op->sm3.state, SM3_DIGEST_SIZE, tag);
	} else if (op->alg->sm3) {
		hmac_sm3_update(&op->sm3, in_len, in);
		hmac_sm3_digest(&op->sm3, SM3_DIGEST_SIZE, tag);
	} else if (op->alg->op_class == GP_CLASS_DIGEST) {
		mbedtls_md_update(&op->md, in, in_len);
		mbedtls_md_finish(&op->md, tag);
	} else if (op->alg->aes == AES_CMAC) {
		mbedtls_cipher_cmac_update(&op->cmac, in, in_len);
		mbedtls_cipher_cmac_finish(&op->cmac, tag);
	} else if (op->alg->aes != AES_NONE) {
		cbc_mac_final(op, in, in_len, tag);
	} else {
		mbedtls_md_hmac_update(&op->md, in, in_len);
		mbedtls_md_hmac_finish(&op->md, tag);
	}
	memcpy(out, tag, op->out_len);
	memset(tag, 0, sizeof(tag));
	*out_len = op->out_len;
	to_initial(op);
	return TEEC_SUCCESS;
}

uint32_t crypto_op_ae_init(struct crypto_op *op, const uint8_t *nonce, size_t nonce_len,
			   uint32_t tag_bits, uint64_t aad_len, uint64_t payload_len)
{
	uint32_t ret;

	/* GP 6.6.1: panics for another class or no key */
	if (op->alg->op_class != GP_CLASS_AE)
		op_panic("TEE_AEInit on an operation of another class");
	if (!op->key_bits)
		op_panic("TEE_AEInit without a key");
	to_initial(op);
	ret = crypto_ae_start(&op->ae, op->alg->algo, op->mode == GP_MODE_DECRYPT, op->key,
			      op->key_bits, nonce, nonce_len, tag_bits, aad_len, payload_len,
			      op->held);
	if (ret != TEEC_SUCCESS)
		return ret;
	op->out_len = crypto_ae_tag_len(op->ae);
	op->initialized = 1;
	op->state = GP_STATE_ACTIVE;
	return TEEC_SUCCESS;
}

void crypto_op_ae_aad(struct crypto_op *op, const uint8_t *aad, size_t len)
{
	need_active(op, GP_CLASS_AE, "TEE_AEUpdateAAD");
	crypto_ae_aad(op->ae, aad, len);
}

uint32_t crypto_op_ae_final(struct crypto_op *op, int decrypt, const uint8_t *in, size_t in_len,
			    uint8_t *out, uint64_t *out_len, uint8_t *tag, uint64_t *tag_len)
{
	uint32_t ret;

	need_active(op, GP_CLASS_AE, decrypt ? "TEE_AEDecryptFinal" : "TEE_AEEncryptFinal");
	/* GP 6.6.4 / 6.6.5: the final call of the other direction is a panic */
	if (decrypt != (op->mode == GP_MODE_DECRYPT))
		op_panic(decrypt ? "TEE_AEDecryptFinal on an encryption"
				 : "TEE_AEEncryptFinal on a decryption");
	ret = crypto_ae_final(op->ae, in, in_len, out, out_len, tag, tag_len);
	if (ret != TEEC_ERROR_SHORT_BUFFER)
		to_initial(op);
	return ret;
}

/* GP 6.8 and 6.9: the calls every asymmetric and KDF function starts with. */
static void need_asym(const struct crypto_op *op, uint32_t op_class, uint32_t mode, const char *fn)
{
	char why[96];

	if (op->alg->op_class != op_class || op->mode != mode)
		snprintf(why, sizeof(why), "%s on another class or mode", fn);
	else if (!op->akey)
		snprintf(why, sizeof(why), "%s without a key", fn);
	else
		return;
	op_panic(why);
}

uint32_t crypto_op_asym(struct crypto_op *op, uint32_t mode, const struct crypto_attr *params,
			size_t n_params, const uint8_t *in, size_t in_len, uint8_t *out,
			size_t *out_len)
{
	const char *fn = mode == GP_MODE_SIGN	   ? "TEE_AsymmetricSignDigest"
			 : mode == GP_MODE_ENCRYPT ? "TEE_AsymmetricEncrypt"
						   : "TEE_AsymmetricDecrypt";

	/* GP 6.8.1 to 6.8.3: a function of another class or mode than the operation's panics */
	need_asym(op, mode == GP_MODE_SIGN ? GP_CLASS_SIGN : GP_CLASS_ACIPHER, mode, fn);
	return crypto_asym_crypt(op->alg->algo, op->mode, op->akey, &op->actx, params, n_params, in,
				 in_len, out, out_len);
}

uint32_t crypto_op_verify(struct crypto_op *op, const struct crypto_attr *params, size_t n_params,
			  const uint8_t *digest, size_t digest_len, const uint8_t *sig,
			  size_t sig_len)
{
	need_asym(op, GP_CLASS_SIGN, GP_MODE_VERIFY, "TEE_AsymmetricVerifyDigest");
	return crypto_asym_verify(op->alg->algo, op->akey, &op->actx, params, n_params, digest,
				  digest_len, sig, sig_len);
}

uint32_t crypto_op_derive(struct crypto_op *op, const struct crypto_attr *params, size_t n_params,
			  struct crypto_obj *derived)
{
	need_asym(op, GP_CLASS_DERIVE, GP_MODE_DERIVE, "TEE_DeriveKey");
	/* GP 6.9.1: the derived key is an uninitialized GENERIC_SECRET object */
	if (derived->type != GP_TYPE_GENERIC_SECRET || derived->bits)
		op_panic("TEE_DeriveKey: derived key not an empty TEE_TYPE_GENERIC_SECRET object");
	return crypto_derive(op->alg->algo, op->akey, params, n_params, derived);
}
