// SPDX-License-Identifier: BSD-2-Clause
#include <string.h>

#include "pta.h"

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
