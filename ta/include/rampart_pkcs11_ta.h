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
};

/* PKCS#11 v2.40 return values (CKR_*) the TA gives. */
enum p11_rv {
	P11_CKR_OK = 0x000,
	P11_CKR_SLOT_ID_INVALID = 0x003,
	P11_CKR_GENERAL_ERROR = 0x005,
	P11_CKR_ARGUMENTS_BAD = 0x007,
	P11_CKR_DEVICE_ERROR = 0x030,
	P11_CKR_DEVICE_MEMORY = 0x031,
	P11_CKR_FUNCTION_NOT_SUPPORTED = 0x054,
	P11_CKR_MECHANISM_INVALID = 0x070,
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
	P11_CKR_TOKEN_NOT_RECOGNIZED = 0x0e1,
	P11_CKR_USER_ALREADY_LOGGED_IN = 0x100,
	P11_CKR_USER_NOT_LOGGED_IN = 0x101,
	P11_CKR_USER_PIN_NOT_INITIALIZED = 0x102,
	P11_CKR_USER_TYPE_INVALID = 0x103,
	P11_CKR_USER_ANOTHER_ALREADY_LOGGED_IN = 0x104,
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
#define P11_CKU_SO   0u
#define P11_CKU_USER 1u

#endif
