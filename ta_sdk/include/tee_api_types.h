/* SPDX-License-Identifier: BSD-2-Clause */
/* The data types of the GlobalPlatform TEE Internal Core API (GPD_SPE_010, v1.3.1, chapter 3). */
#ifndef TEE_API_TYPES_H
#define TEE_API_TYPES_H

/* compiler.h and <inttypes.h> as OP-TEE's has them: TAs use __maybe_unused and PRIx32 after
 * including only this. */
#include <compiler.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_defines.h>

typedef uint32_t TEE_Result;

typedef struct {
	uint32_t timeLow;
	uint16_t timeMid;
	uint16_t timeHiAndVersion;
	uint8_t clockSeqAndNode[8];
} TEE_UUID;

typedef struct {
	uint32_t login;
	TEE_UUID uuid;
} TEE_Identity;

/*
 * GP v1.1 had a uint32_t size (tee_api_compat.h): the same place, as the field is 8-byte aligned
 * either way, and on this little-endian machine its low half.
 */
typedef union {
	struct {
		void *buffer;
#if defined(__OPTEE_CORE_API_COMPAT_1_1) && __OPTEE_CORE_API_COMPAT_1_1
		uint32_t size;
#else
		size_t size;
#endif
	} memref;
	struct {
		uint32_t a;
		uint32_t b;
	} value;
} TEE_Param;

typedef struct {
	uint32_t seconds;
	uint32_t millis;
} TEE_Time;

/* Opaque handles; TEE_HANDLE_NULL is the null value of each. */
typedef struct __TEE_TASessionHandle *TEE_TASessionHandle;
typedef struct __TEE_PropSetHandle *TEE_PropSetHandle;
typedef struct __TEE_ObjectHandle *TEE_ObjectHandle;
typedef struct __TEE_ObjectEnumHandle *TEE_ObjectEnumHandle;
typedef struct __TEE_OperationHandle *TEE_OperationHandle;

/* Cryptography (GP 5 and 6). */
typedef struct {
	uint32_t attributeID;
	union {
		struct {
			void *buffer;
			size_t length;
		} ref;
		struct {
			uint32_t a, b;
		} value;
	} content;
} TEE_Attribute;

typedef struct {
	uint32_t objectType;
	/* keySize and maxKeySize: the names of GP TEE Internal API v1.1, which TAs still use */
	__extension__ union {
		uint32_t objectSize;
		uint32_t keySize;
	};
	__extension__ union {
		uint32_t maxObjectSize;
		uint32_t maxKeySize;
	};
	uint32_t objectUsage;
	size_t dataSize;
	size_t dataPosition;
	uint32_t handleFlags;
} TEE_ObjectInfo;

typedef uint32_t TEE_ObjectType;

typedef enum {
	TEE_MODE_ENCRYPT = 0,
	TEE_MODE_DECRYPT = 1,
	TEE_MODE_SIGN = 2,
	TEE_MODE_VERIFY = 3,
	TEE_MODE_MAC = 4,
	TEE_MODE_DIGEST = 5,
	TEE_MODE_DERIVE = 6,
	TEE_MODE_ILLEGAL_VALUE = 0x7FFFFFFF,
} TEE_OperationMode;

typedef struct {
	uint32_t algorithm;
	uint32_t operationClass;
	uint32_t mode;
	uint32_t digestLength;
	uint32_t maxKeySize;
	uint32_t keySize;
	uint32_t requiredKeyUsage;
	uint32_t handleState;
} TEE_OperationInfo;

/*
 * The arithmetical API (GP 8.2): a TEE_BigInt is an array of uint32_t that TEE_BigIntInit
 * formats: a two-word header (sign; capacity and length in 32-bit words) then the magnitude,
 * least significant word first. TEE_BigIntSizeInU32 (tee_internal_api.h) sizes it. The fast
 * modular multiplication types are arrays of uint32_t of the size their functions return.
 */
typedef uint32_t TEE_BigInt;
typedef uint32_t TEE_BigIntFMM;
typedef uint32_t TEE_BigIntFMMContext;


/* Trusted storage (GP TEE Internal Core API v1.3.1, 5.7-5.9; the functions: tee_api_storage.h). */
/* Storage identifiers (GP 5.7 Table 5-11); TEE_STORAGE_PRIVATE_REE is OP-TEE's name for it. */
#define TEE_STORAGE_PRIVATE	0x00000001
#define TEE_STORAGE_PERSO	0x00000002
#define TEE_STORAGE_PROTECTED	0x00000003
#define TEE_STORAGE_PRIVATE_REE 0x80000000

/* Data flags (GP 5.7 Table 5-12). */
#define TEE_DATA_FLAG_ACCESS_READ	0x00000001
#define TEE_DATA_FLAG_ACCESS_WRITE	0x00000002
#define TEE_DATA_FLAG_ACCESS_WRITE_META 0x00000004
#define TEE_DATA_FLAG_SHARE_READ	0x00000010
#define TEE_DATA_FLAG_SHARE_WRITE	0x00000020
#define TEE_DATA_FLAG_OVERWRITE		0x00000400
#define TEE_DATA_FLAG_EXCLUSIVE		TEE_DATA_FLAG_OVERWRITE /* GP v1.0's name */

#define TEE_DATA_MAX_POSITION 0xFFFFFFFF
#define TEE_OBJECT_ID_MAX_LEN 64

/* A pure data object (GP 5.7.2: created with no attributes object). */
#define TEE_TYPE_DATA 0xA00000BF

typedef enum {
	TEE_DATA_SEEK_SET = 0,
	TEE_DATA_SEEK_CUR = 1,
	TEE_DATA_SEEK_END = 2,
} TEE_Whence;

#endif
