// SPDX-License-Identifier: BSD-2-Clause
#include <log.h>
#include <string.h>

#include "pta.h"

/*
 * The client UUID Linux gives a TEE_LOGIN_USER session of a process whose effective uid is 0:
 * UUIDv5 (RFC 4122 4.3, SHA-1) of the name "uid=0" in the TEE client namespace
 * 58ac9ca0-2086-4683-a1b8-ec4bc08e01b6 (drivers/tee/tee_core.c, tee_session_calc_client_uuid).
 * The kernel computes it from the caller's credentials, so no other process can present it.
 * tests/unit/msg_test.c derives it again.
 */
const uint8_t pta_root_client_uuid[16] = {0xef, 0x01, 0x80, 0xa3, 0x13, 0xf3, 0x5d, 0x1c,
					  0xb7, 0xf5, 0x88, 0x8c, 0x0e, 0x21, 0x05, 0x9a};

extern const struct pta pta_device_enum;
extern const struct pta pta_stats;
extern const struct pta pta_rng;

const struct pta *const pta_list[] = {
	&pta_device_enum,
	&pta_stats,
	&pta_rng,
};
const unsigned int pta_count = sizeof(pta_list) / sizeof(pta_list[0]);

const struct pta *pta_find(const uint8_t uuid[16])
{
	for (unsigned int i = 0; i < pta_count; i++)
		if (!memcmp(pta_list[i]->uuid, uuid, 16))
			return pta_list[i];
	return NULL;
}

int params_are(const struct tee_param p[TEE_NUM_PARAMS], uint32_t t0, uint32_t t1, uint32_t t2,
	       uint32_t t3)
{
	return p[0].type == t0 && p[1].type == t1 && p[2].type == t2 && p[3].type == t3;
}

int pta_may_open(const struct pta *pta, const struct ta_client_identity *client)
{
	int kernel = client->login == TEE_LOGIN_REE_KERNEL;
	int root = client->login == TEE_LOGIN_USER &&
		   !memcmp(client->uuid, pta_root_client_uuid, sizeof(client->uuid));

	if (pta->kernel_only && !kernel) {
		log_info("open session: %s is for the kernel only (login %#x)", pta->name,
			 client->login);
		return 0;
	}
	if (pta->privileged && !kernel && !root) {
		log_info("open session: %s is for the kernel and root only (login %#x, not root's "
			 "TEEC_LOGIN_USER)",
			 pta->name, client->login);
		return 0;
	}
	return 1;
}
