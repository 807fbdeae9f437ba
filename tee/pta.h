/* SPDX-License-Identifier: BSD-2-Clause */
/* Pseudo trusted applications: services built into the trusted OS, reached by UUID. */
#ifndef TEE_PTA_H
#define TEE_PTA_H

#include <rampart/ta_abi.h>
#include <stdint.h>

#include "shm.h"

/* GP TEE Internal Core API parameter types (4.3.6). */
#define TEE_PARAM_TYPE_NONE 0
#define TEE_PARAM_TYPE_VALUE_INPUT 1
#define TEE_PARAM_TYPE_VALUE_OUTPUT 2
#define TEE_PARAM_TYPE_VALUE_INOUT 3
#define TEE_PARAM_TYPE_MEMREF_INPUT 5
#define TEE_PARAM_TYPE_MEMREF_OUTPUT 6
#define TEE_PARAM_TYPE_MEMREF_INOUT 7
#define TEE_NUM_PARAMS 4

struct tee_param {
	uint32_t type;
	union {
		struct {
			uint64_t a, b;
		} value;
		struct memref memref; /* memref.size is written back as the output size */
	} u;
};

/*
 * Client logins (GP TEE Client API 1.0 4.5.4, GP TEE Internal Core API 4.2.1; REE_KERNEL: a
 * Linux kernel driver).
 */
#define TEE_LOGIN_PUBLIC 0x0U
#define TEE_LOGIN_USER 0x1U
#define TEE_LOGIN_GROUP 0x2U
#define TEE_LOGIN_APPLICATION 0x4U
#define TEE_LOGIN_APPLICATION_USER 0x5U
#define TEE_LOGIN_APPLICATION_GROUP 0x6U
#define TEE_LOGIN_REE_KERNEL 0x80000000U
#define TEE_LOGIN_TRUSTED_APP 0xF0000000U

struct pta {
	uint8_t uuid[16]; /* RFC 4122 byte order */
	const char *name;
	int enumerate;	   /* listed to Linux's TEE bus by the device enumeration PTA */
	int kernel_only;   /* sessions only for the REE kernel's own clients */
	int privileged;	   /* sessions only for the REE kernel and root (pta_may_open) */
	uint32_t (*invoke)(uint32_t cmd, struct tee_param params[TEE_NUM_PARAMS]);
};

/* Linux's client UUID for root's TEE_LOGIN_USER sessions (pta.c). */
extern const uint8_t pta_root_client_uuid[16];

/* Every pseudo-TA, in one table. */
extern const struct pta *const pta_list[];
extern const unsigned int pta_count;

const struct pta *pta_find(const uint8_t uuid[16]);
/* 1 if the client may open a session with the pseudo-TA; else 0, and the refusal is logged. */
int pta_may_open(const struct pta *pta, const struct ta_client_identity *client);
/* 1 if the parameters have exactly these types (NONE where not listed). */
int params_are(const struct tee_param p[TEE_NUM_PARAMS], uint32_t t0, uint32_t t1, uint32_t t2,
	       uint32_t t3);

#endif
