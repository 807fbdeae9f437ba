/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The PKCS#11 token TA's interface: the UUID, command numbers, return codes and structures that
 * libckteec 3.19 (Debian's libckteec0, the PKCS#11 module) sends and expects, so that the
 * unmodified module drives this TA. Values are PKCS#11 2.40's where the name says CKR/CKF/CKS/CKU
 * (PKCS#11 Base Specification v2.40, section 3); the command numbers and the layout of the
 * control buffer are libckteec's. Only what the TA implements is named here (docs/pkcs11.md).
 */
#ifndef RAMPART_PKCS11_TA_H
#define RAMPART_PKCS11_TA_H

#include <stdint.h>

/* fd02c9da-306c-48c7-a49c-bbd827ae86ee: the UUID libckteec opens */
#define TA_RAMPART_PKCS11_UUID                                                                     \
	{                                                                                          \
		0xfd02c9da, 0x306c, 0x48c7,                                                        \
		{                                                                                  \
			0xa4, 0x9c, 0xbb, 0xd8, 0x27, 0xae, 0x86, 0xee                             \
		}                                                                                  \
	}

/* The version PING reports; libckteec accepts major 0. */
#define P11_TA_VERSION_MAJOR 0
#define P11_TA_VERSION_MINOR 1
#define P11_TA_VERSION_PATCH 0

/*
 * Commands. p0 is always a MEMREF_INOUT: the command's arguments in, its 32-bit PKCS#11 return
 * code out (p0's size is then 4). p2 carries what a command returns. A command the TA does not
 * implement answers CKR_FUNCTION_NOT_SUPPORTED.
 */
enum p11_cmd {
	P11_CMD_PING = 0,
	P11_CMD_SLOT_LIST = 1,
	P11_CMD_SLOT_INFO = 2,
	P11_CMD_TOKEN_INFO = 3,
	P11_CMD_MECHANISM_IDS = 4,
	P11_CMD_MECHANISM_INFO = 5,
	P11_CMD_OPEN_SESSION = 6,
	P11_CMD_CLOSE_SESSION = 7,
	P11_CMD_CLOSE_ALL_SESSIONS = 8,
	P11_CMD_SESSION_INFO = 9,
	P11_CMD_INIT_TOKEN = 10,
	P11_CMD_INIT_PIN = 11,
	P11_CMD_SET_PIN = 12,
	P11_CMD_LOGIN = 13,
	P11_CMD_LOGOUT = 14,
	P11_CMD_CREATE_OBJECT = 15,
	P11_CMD_DESTROY_OBJECT = 16,
	P11_CMD_ENCRYPT_INIT = 17,
	P11_CMD_DECRYPT_INIT = 18,
	P11_CMD_ENCRYPT_UPDATE = 19,
	P11_CMD_DECRYPT_UPDATE = 20,
	P11_CMD_ENCRYPT_FINAL = 21,
	P11_CMD_DECRYPT_FINAL = 22,
	P11_CMD_ENCRYPT_ONESHOT = 23,
	P11_CMD_DECRYPT_ONESHOT = 24,
	P11_CMD_SIGN_INIT = 25,
	P11_CMD_VERIFY_INIT = 26,
	P11_CMD_SIGN_UPDATE = 27,
	P11_CMD_VERIFY_UPDATE = 28,
	P11_CMD_SIGN_FINAL = 29,
	P11_CMD_VERIFY_FINAL = 30,
	P11_CMD_SIGN_ONESHOT = 31,
	P11_CMD_VERIFY_ONESHOT = 32,
	P11_CMD_GENERATE_KEY = 33,
	P11_CMD_FIND_OBJECTS_INIT = 34,
	P11_CMD_FIND_OBJECTS = 35,
	P11_CMD_FIND_OBJECTS_FINAL = 36,
	P11_CMD_GET_OBJECT_SIZE = 37,
	P11_CMD_GET_ATTRIBUTE_VALUE = 38,
	P11_CMD_SET_ATTRIBUTE_VALUE = 39,
	P11_CMD_COPY_OBJECT = 40,
	P11_CMD_SEED_RANDOM = 41,
	P11_CMD_GENERATE_RANDOM = 42,
	P11_CMD_RELEASE_ACTIVE_PROCESSING = 44,
	P11_CMD_DIGEST_INIT = 45,
	P11_CMD_DIGEST_KEY = 46,
	P11_CMD_DIGEST_UPDATE = 47,
	P11_CMD_DIGEST_FINAL = 48,
	P11_CMD_DIGEST_ONESHOT = 49,
	P11_CMD_GENERATE_KEY_PAIR = 50,
	/* [session][base key][mechanism][template]; p2: the new key's handle */
	P11_CMD_DERIVE_KEY = 43,
	/* [session][wrapping key][key][mechanism]; p2: the wrapped key */
	P11_CMD_WRAP_KEY = 51,
	/* [session][unwrapping key][mechanism][template]; p1: the wrapped key; p2: the handle */
	P11_CMD_UNWRAP_KEY = 52,
};

/* PKCS#11 v2.40 return values (CKR_*) the TA gives. */
enum p11_rv {
	P11_CKR_OK = 0x000,
	P11_CKR_SLOT_ID_INVALID = 0x003,
	P11_CKR_GENERAL_ERROR = 0x005,
	P11_CKR_FUNCTION_FAILED = 0x006,
	P11_CKR_ARGUMENTS_BAD = 0x007,
	P11_CKR_ATTRIBUTE_READ_ONLY = 0x010,
	P11_CKR_ATTRIBUTE_SENSITIVE = 0x011,
	P11_CKR_ATTRIBUTE_TYPE_INVALID = 0x012,
	P11_CKR_ATTRIBUTE_VALUE_INVALID = 0x013,
	P11_CKR_ACTION_PROHIBITED = 0x01b,
	P11_CKR_DATA_INVALID = 0x020,
	P11_CKR_DATA_LEN_RANGE = 0x021,
	P11_CKR_ENCRYPTED_DATA_INVALID = 0x040,
	P11_CKR_ENCRYPTED_DATA_LEN_RANGE = 0x041,
	P11_CKR_DEVICE_ERROR = 0x030,
	P11_CKR_DEVICE_MEMORY = 0x031,
	P11_CKR_FUNCTION_NOT_SUPPORTED = 0x054,
	P11_CKR_KEY_HANDLE_INVALID = 0x060,
	P11_CKR_KEY_SIZE_RANGE = 0x062,
	P11_CKR_KEY_TYPE_INCONSISTENT = 0x063,
	P11_CKR_KEY_INDIGESTIBLE = 0x067,
	P11_CKR_KEY_FUNCTION_NOT_PERMITTED = 0x068,
	P11_CKR_KEY_NOT_WRAPPABLE = 0x069,
	P11_CKR_KEY_UNEXTRACTABLE = 0x06a,
	P11_CKR_MECHANISM_INVALID = 0x070,
	P11_CKR_MECHANISM_PARAM_INVALID = 0x071,
	P11_CKR_OBJECT_HANDLE_INVALID = 0x082,
	P11_CKR_OPERATION_ACTIVE = 0x090,
	P11_CKR_OPERATION_NOT_INITIALIZED = 0x091,
	P11_CKR_PIN_INCORRECT = 0x0a0,
	P11_CKR_PIN_LEN_RANGE = 0x0a2,
	P11_CKR_PIN_LOCKED = 0x0a4,
	P11_CKR_SESSION_COUNT = 0x0b1,
	P11_CKR_SESSION_HANDLE_INVALID = 0x0b3,
	P11_CKR_SESSION_PARALLEL_NOT_SUPPORTED = 0x0b4,
	P11_CKR_SESSION_READ_ONLY = 0x0b5,
	P11_CKR_SESSION_EXISTS = 0x0b6,
	P11_CKR_SESSION_READ_ONLY_EXISTS = 0x0b7,
	P11_CKR_SESSION_READ_WRITE_SO_EXISTS = 0x0b8,
	P11_CKR_SIGNATURE_INVALID = 0x0c0,
	P11_CKR_SIGNATURE_LEN_RANGE = 0x0c1,
	P11_CKR_TEMPLATE_INCOMPLETE = 0x0d0,
	P11_CKR_TEMPLATE_INCONSISTENT = 0x0d1,
	P11_CKR_TOKEN_NOT_RECOGNIZED = 0x0e1,
	P11_CKR_UNWRAPPING_KEY_HANDLE_INVALID = 0x0f0,
	P11_CKR_UNWRAPPING_KEY_SIZE_RANGE = 0x0f1,
	P11_CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT = 0x0f2,
	P11_CKR_USER_ALREADY_LOGGED_IN = 0x100,
	P11_CKR_USER_NOT_LOGGED_IN = 0x101,
	P11_CKR_USER_PIN_NOT_INITIALIZED = 0x102,
	P11_CKR_USER_TYPE_INVALID = 0x103,
	P11_CKR_WRAPPED_KEY_INVALID = 0x110,
	P11_CKR_WRAPPED_KEY_LEN_RANGE = 0x112,
	P11_CKR_WRAPPING_KEY_HANDLE_INVALID = 0x113,
	P11_CKR_WRAPPING_KEY_SIZE_RANGE = 0x114,
	P11_CKR_WRAPPING_KEY_TYPE_INCONSISTENT = 0x115,
	P11_CKR_USER_ANOTHER_ALREADY_LOGGED_IN = 0x104,
	P11_CKR_RANDOM_SEED_NOT_SUPPORTED = 0x120,
	P11_CKR_DOMAIN_PARAMS_INVALID = 0x130,
	P11_CKR_CURVE_NOT_SUPPORTED = 0x140,
	P11_CKR_BUFFER_TOO_SMALL = 0x150,
};

/* CK_SLOT_INFO as libckteec reads it from p2 (fixed-size fields, blank padded). */
struct p11_slot_info {
	uint8_t description[64];
	uint8_t manufacturer[32];
	uint32_t flags;
	uint8_t hw_version[2];
	uint8_t fw_version[2];
};

#define P11_CKF_TOKEN_PRESENT 0x1u

/* CK_TOKEN_INFO as libckteec reads it from p2. */
struct p11_token_info {
	uint8_t label[32];
	uint8_t manufacturer[32];
	uint8_t model[16];
	uint8_t serial[16];
	uint32_t flags;
	uint32_t max_sessions;
	uint32_t sessions;
	uint32_t max_rw_sessions;
	uint32_t rw_sessions;
	uint32_t max_pin_len;
	uint32_t min_pin_len;
	uint32_t total_public_mem;
	uint32_t free_public_mem;
	uint32_t total_private_mem;
	uint32_t free_private_mem;
	uint8_t hw_version[2];
	uint8_t fw_version[2];
	uint8_t utc_time[16];
};

/* CK_TOKEN_INFO flags (PKCS#11 v2.40 5.x, CK_TOKEN_INFO table) */
#define P11_CKF_RNG		     (1u << 0)
#define P11_CKF_LOGIN_REQUIRED	     (1u << 2)
#define P11_CKF_USER_PIN_INITIALIZED (1u << 3)
#define P11_CKF_TOKEN_INITIALIZED    (1u << 10)
#define P11_CKF_USER_PIN_COUNT_LOW   (1u << 16)
#define P11_CKF_USER_PIN_FINAL_TRY   (1u << 17)
#define P11_CKF_USER_PIN_LOCKED	     (1u << 18)
#define P11_CKF_SO_PIN_COUNT_LOW     (1u << 20)
#define P11_CKF_SO_PIN_FINAL_TRY     (1u << 21)
#define P11_CKF_SO_PIN_LOCKED	     (1u << 22)

/* "Unavailable information" for a CK_ULONG field, as libckteec passes it through (32 bits). */
#define P11_UNAVAILABLE 0xffffffffu

/* CK_SESSION_INFO as libckteec reads it from p2. */
struct p11_session_info {
	uint32_t slot;
	uint32_t state;
	uint32_t flags;
	uint32_t device_error;
};

/* Session flags (CKF_RW_SESSION, CKF_SERIAL_SESSION) and states (CKS_*) */
#define P11_CKF_RW_SESSION     0x2u
#define P11_CKF_SERIAL_SESSION 0x4u
enum p11_session_state {
	P11_CKS_RO_PUBLIC = 0,
	P11_CKS_RO_USER = 1,
	P11_CKS_RW_PUBLIC = 2,
	P11_CKS_RW_USER = 3,
	P11_CKS_RW_SO = 4,
};

/* User types (CKU_*) */
#define P11_CKU_SO		 0u
#define P11_CKU_USER		 1u
#define P11_CKU_CONTEXT_SPECIFIC 2u

/*
 * Templates: an object head, then attrs_count attributes of attrs_size bytes in all, each an
 * attribute head and its value (libckteec's serialisation; a CK_ULONG value is 32 bits and a
 * CK_BBOOL one byte). A mechanism is one attribute head: the mechanism's CKM value as id, then
 * its parameters (CK_RSA_PKCS_PSS_PARAMS: hashAlg, mgf, sLen, 32 bits each).
 */
struct p11_object_head {
	uint32_t attrs_size;
	uint32_t attrs_count;
};

struct p11_attr_head {
	uint32_t id;
	uint32_t size;
};

/* CK_MECHANISM_INFO as libckteec reads it from p2 (key sizes as PKCS#11 gives them). */
struct p11_mechanism_info {
	uint32_t min_key_size;
	uint32_t max_key_size;
	uint32_t flags;
};

/* Mechanism flags (CKF_*, PKCS#11 v2.40 CK_MECHANISM_INFO) */
#define P11_CKF_HW		  (1u << 0)
#define P11_CKF_ENCRYPT		  (1u << 8)
#define P11_CKF_DECRYPT		  (1u << 9)
#define P11_CKF_DIGEST		  (1u << 10)
#define P11_CKF_SIGN		  (1u << 11)
#define P11_CKF_VERIFY		  (1u << 13)
#define P11_CKF_GENERATE	  (1u << 15)
#define P11_CKF_GENERATE_KEY_PAIR (1u << 16)
#define P11_CKF_WRAP		  (1u << 17)
#define P11_CKF_UNWRAP		  (1u << 18)
#define P11_CKF_DERIVE		  (1u << 19)
#define P11_CKF_EC_F_P		  (1u << 20)
#define P11_CKF_EC_NAMEDCURVE	  (1u << 23)
#define P11_CKF_EC_UNCOMPRESS	  (1u << 24)

/* Object classes (CKO_*) and key types (CKK_*), PKCS#11 v2.40 4.1, 4.7 */
#define P11_CKO_DATA	       0u
#define P11_CKO_CERTIFICATE    1u
#define P11_CKO_PUBLIC_KEY     2u
#define P11_CKO_PRIVATE_KEY    3u
#define P11_CKO_SECRET_KEY     4u
#define P11_CKK_RSA	       0x00u
#define P11_CKK_EC	       0x03u
#define P11_CKK_GENERIC_SECRET 0x10u
#define P11_CKK_AES	       0x1fu
#define P11_CKK_MD5_HMAC       0x27u
#define P11_CKK_SHA_1_HMAC     0x28u
#define P11_CKK_SHA256_HMAC    0x2bu
#define P11_CKK_SHA384_HMAC    0x2cu
#define P11_CKK_SHA512_HMAC    0x2du
#define P11_CKK_SHA224_HMAC    0x2eu

/* Attribute types (CKA_*), PKCS#11 v2.40 section 4 */
enum p11_cka {
	P11_CKA_CLASS = 0x000,
	P11_CKA_TOKEN = 0x001,
	P11_CKA_PRIVATE = 0x002,
	P11_CKA_LABEL = 0x003,
	P11_CKA_APPLICATION = 0x010,
	P11_CKA_VALUE = 0x011,
	P11_CKA_OBJECT_ID = 0x012,
	P11_CKA_CERTIFICATE_TYPE = 0x080,
	P11_CKA_ISSUER = 0x081,
	P11_CKA_SERIAL_NUMBER = 0x082,
	P11_CKA_TRUSTED = 0x086,
	P11_CKA_CERTIFICATE_CATEGORY = 0x087,
	P11_CKA_JAVA_MIDP_SECURITY_DOMAIN = 0x088,
	P11_CKA_URL = 0x089,
	P11_CKA_HASH_OF_SUBJECT_PUBLIC_KEY = 0x08a,
	P11_CKA_HASH_OF_ISSUER_PUBLIC_KEY = 0x08b,
	P11_CKA_NAME_HASH_ALGORITHM = 0x08c,
	P11_CKA_CHECK_VALUE = 0x090,
	P11_CKA_KEY_TYPE = 0x100,
	P11_CKA_SUBJECT = 0x101,
	P11_CKA_ID = 0x102,
	P11_CKA_SENSITIVE = 0x103,
	P11_CKA_ENCRYPT = 0x104,
	P11_CKA_DECRYPT = 0x105,
	P11_CKA_WRAP = 0x106,
	P11_CKA_UNWRAP = 0x107,
	P11_CKA_SIGN = 0x108,
	P11_CKA_SIGN_RECOVER = 0x109,
	P11_CKA_VERIFY = 0x10a,
	P11_CKA_VERIFY_RECOVER = 0x10b,
	P11_CKA_DERIVE = 0x10c,
	P11_CKA_START_DATE = 0x110,
	P11_CKA_END_DATE = 0x111,
	P11_CKA_MODULUS = 0x120,
	P11_CKA_MODULUS_BITS = 0x121,
	P11_CKA_PUBLIC_EXPONENT = 0x122,
	P11_CKA_PRIVATE_EXPONENT = 0x123,
	P11_CKA_PRIME_1 = 0x124,
	P11_CKA_PRIME_2 = 0x125,
	P11_CKA_EXPONENT_1 = 0x126,
	P11_CKA_EXPONENT_2 = 0x127,
	P11_CKA_COEFFICIENT = 0x128,
	P11_CKA_PUBLIC_KEY_INFO = 0x129,
	P11_CKA_VALUE_LEN = 0x161,
	P11_CKA_EXTRACTABLE = 0x162,
	P11_CKA_LOCAL = 0x163,
	P11_CKA_NEVER_EXTRACTABLE = 0x164,
	P11_CKA_ALWAYS_SENSITIVE = 0x165,
	P11_CKA_KEY_GEN_MECHANISM = 0x166,
	P11_CKA_MODIFIABLE = 0x170,
	P11_CKA_COPYABLE = 0x171,
	P11_CKA_DESTROYABLE = 0x172,
	P11_CKA_EC_PARAMS = 0x180,
	P11_CKA_EC_POINT = 0x181,
	P11_CKA_ALWAYS_AUTHENTICATE = 0x202,
	P11_CKA_WRAP_WITH_TRUSTED = 0x210,
	/* attribute arrays (CKF_ARRAY_ATTRIBUTE): the token does not take them */
	P11_CKA_WRAP_TEMPLATE = 0x40000211,
	P11_CKA_UNWRAP_TEMPLATE = 0x40000212,
	P11_CKA_DERIVE_TEMPLATE = 0x40000213,
	/* CKF_ARRAY_ATTRIBUTE | 0x600; sent as 32-bit mechanism IDs */
	P11_CKA_ALLOWED_MECHANISMS = 0x40000600,
};

/* Mechanisms (CKM_*), PKCS#11 v2.40 Current Mechanisms */
enum p11_ckm {
	P11_CKM_RSA_PKCS_KEY_PAIR_GEN = 0x0000,
	P11_CKM_RSA_PKCS = 0x0001,
	P11_CKM_SHA1_RSA_PKCS = 0x0006,
	P11_CKM_RSA_PKCS_OAEP = 0x0009,
	P11_CKM_RSA_PKCS_PSS = 0x000d,
	P11_CKM_SHA1_RSA_PKCS_PSS = 0x000e,
	P11_CKM_SHA256_RSA_PKCS = 0x0040,
	P11_CKM_SHA384_RSA_PKCS = 0x0041,
	P11_CKM_SHA512_RSA_PKCS = 0x0042,
	P11_CKM_SHA256_RSA_PKCS_PSS = 0x0043,
	P11_CKM_SHA384_RSA_PKCS_PSS = 0x0044,
	P11_CKM_SHA512_RSA_PKCS_PSS = 0x0045,
	P11_CKM_SHA224_RSA_PKCS = 0x0046,
	P11_CKM_SHA224_RSA_PKCS_PSS = 0x0047,
	P11_CKM_MD5 = 0x0210,
	P11_CKM_MD5_HMAC = 0x0211,
	P11_CKM_MD5_HMAC_GENERAL = 0x0212,
	P11_CKM_SHA_1 = 0x0220,
	P11_CKM_SHA_1_HMAC = 0x0221,
	P11_CKM_SHA_1_HMAC_GENERAL = 0x0222,
	P11_CKM_SHA256 = 0x0250,
	P11_CKM_SHA256_HMAC = 0x0251,
	P11_CKM_SHA256_HMAC_GENERAL = 0x0252,
	P11_CKM_SHA224 = 0x0255,
	P11_CKM_SHA224_HMAC = 0x0256,
	P11_CKM_SHA224_HMAC_GENERAL = 0x0257,
	P11_CKM_SHA384 = 0x0260,
	P11_CKM_SHA384_HMAC = 0x0261,
	P11_CKM_SHA384_HMAC_GENERAL = 0x0262,
	P11_CKM_SHA512 = 0x0270,
	P11_CKM_SHA512_HMAC = 0x0271,
	P11_CKM_SHA512_HMAC_GENERAL = 0x0272,
	P11_CKM_GENERIC_SECRET_KEY_GEN = 0x0350,
	P11_CKM_EC_KEY_PAIR_GEN = 0x1040,
	P11_CKM_ECDSA = 0x1041,
	P11_CKM_ECDSA_SHA1 = 0x1042,
	P11_CKM_ECDSA_SHA224 = 0x1043,
	P11_CKM_ECDSA_SHA256 = 0x1044,
	P11_CKM_ECDSA_SHA384 = 0x1045,
	P11_CKM_ECDSA_SHA512 = 0x1046,
	P11_CKM_ECDH1_DERIVE = 0x1050,
	P11_CKM_AES_KEY_GEN = 0x1080,
	P11_CKM_AES_ECB = 0x1081,
	P11_CKM_AES_CBC = 0x1082,
	P11_CKM_AES_CBC_PAD = 0x1085,
	P11_CKM_AES_CTR = 0x1086,
	P11_CKM_AES_CTS = 0x1089,
	P11_CKM_AES_CMAC = 0x108a,
	P11_CKM_AES_CMAC_GENERAL = 0x108b,
	P11_CKM_AES_ECB_ENCRYPT_DATA = 0x1104,
	P11_CKM_AES_CBC_ENCRYPT_DATA = 0x1105,
};

/* MGF1 functions of CK_RSA_PKCS_PSS_PARAMS and CK_RSA_PKCS_OAEP_PARAMS (CKG_MGF1_*) */
#define P11_CKG_MGF1_SHA1   1u
#define P11_CKG_MGF1_SHA256 2u
#define P11_CKG_MGF1_SHA384 3u
#define P11_CKG_MGF1_SHA512 4u
#define P11_CKG_MGF1_SHA224 5u

/* The key derivation function of CK_ECDH1_DERIVE_PARAMS: the raw shared secret (CKD_NULL) */
#define P11_CKD_NULL 1u

#endif
