// SPDX-License-Identifier: BSD-2-Clause
/* TEE_UUID <-> the 16 octets of RFC 4122 section 4.1.2 (most significant byte first). */
#include <tee_internal_api_extensions.h>

void tee_uuid_to_octets(uint8_t o[16], const TEE_UUID *u)
{
	o[0] = u->timeLow >> 24;
	o[1] = u->timeLow >> 16;
	o[2] = u->timeLow >> 8;
	o[3] = u->timeLow;
	o[4] = u->timeMid >> 8;
	o[5] = u->timeMid;
	o[6] = u->timeHiAndVersion >> 8;
	o[7] = u->timeHiAndVersion;
	for (int i = 0; i < 8; i++)
		o[8 + i] = u->clockSeqAndNode[i];
}

void tee_uuid_from_octets(TEE_UUID *u, const uint8_t o[16])
{
	u->timeLow = (uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 | (uint32_t)o[2] << 8 | o[3];
	u->timeMid = (uint16_t)(o[4] << 8 | o[5]);
	u->timeHiAndVersion = (uint16_t)(o[6] << 8 | o[7]);
	for (int i = 0; i < 8; i++)
		u->clockSeqAndNode[i] = o[8 + i];
}
