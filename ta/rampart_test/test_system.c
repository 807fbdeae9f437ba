// SPDX-License-Identifier: BSD-2-Clause
/* Test TA commands on the services of the trusted OS: TA to TA, time, random, properties,
 * cancellation. */
#include <rampart_test_ta.h>
#include <string.h>
#include <trace.h>

#include "test_ta.h"

TEE_Result test_peer_add(uint32_t types, TEE_Param p[4])
{
	const TEE_UUID peer = TA_RAMPART_PEER_UUID;
	TEE_TASessionHandle session;
	TEE_Param q[4] = {0};
	uint32_t origin;
	TEE_Result res;

	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_OpenTASession(&peer, TEE_TIMEOUT_INFINITE, PT(NONE, NONE, NONE, NONE), NULL,
				&session, &origin);
	if (res != TEE_SUCCESS) {
		EMSG("opening the peer TA: 0x%x (origin %u)", res, origin);
		return res;
	}
	q[0].value.a = p[0].value.a;
	q[0].value.b = p[0].value.b;
	res = TEE_InvokeTACommand(session, TEE_TIMEOUT_INFINITE, PEER_CMD_ADD,
				  PT(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE), q, &origin);
	TEE_CloseTASession(session);
	if (res != TEE_SUCCESS) {
		EMSG("PEER_CMD_ADD: 0x%x (origin %u)", res, origin);
		return res;
	}
	p[1].value.a = q[1].value.a;
	p[1].value.b = 0;
	return TEE_SUCCESS;
}

TEE_Result test_wait(uint32_t types, TEE_Param p[4])
{
	if (types != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	return TEE_Wait(p[0].value.a);
}

TEE_Result test_random(uint32_t types, TEE_Param p[4])
{
	if (types != PT(MEMREF_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (!p[0].memref.buffer && p[0].memref.size)
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GenerateRandom(p[0].memref.buffer, p[0].memref.size);
	return TEE_SUCCESS;
}

TEE_Result test_time(uint32_t types, TEE_Param p[4])
{
	TEE_Time t;

	if (types != PT(VALUE_OUTPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	TEE_GetSystemTime(&t);
	p[0].value.a = t.seconds;
	p[0].value.b = t.millis;
	TEE_GetREETime(&t);
	p[1].value.a = t.seconds;
	p[1].value.b = t.millis;
	return TEE_SUCCESS;
}

/* Whether enumerating the current TA's properties finds gpd.ta.appID and our extension. */
static bool enumeration_finds_ours(void)
{
	TEE_PropSetHandle e;
	bool app_id = false;
	bool ext = false;
	char name[64];
	size_t len;

	if (TEE_AllocatePropertyEnumerator(&e) != TEE_SUCCESS)
		return false;
	TEE_StartPropertyEnumerator(e, TEE_PROPSET_CURRENT_TA);
	do {
		len = sizeof(name);
		if (TEE_GetPropertyName(e, name, &len) != TEE_SUCCESS)
			break;
		app_id |= !strcmp(name, "gpd.ta.appID");
		ext |= !strcmp(name, "org.rampart.test.answer");
	} while (TEE_GetNextProperty(e) == TEE_SUCCESS);
	TEE_FreePropertyEnumerator(e);
	return app_id && ext;
}

/* Whether the TA and implementation properties say what they should. */
static bool properties_hold(void)
{
	const TEE_UUID ours = TA_RAMPART_TEST_UUID;
	TEE_UUID uuid;
	char text[64];
	size_t len = sizeof(text);
	uint32_t answer = 0;
	bool single = true;

	if (TEE_GetPropertyAsUUID(TEE_PROPSET_CURRENT_TA, "gpd.ta.appID", &uuid) ||
	    TEE_MemCompare(&uuid, &ours, sizeof(uuid))) {
		EMSG("gpd.ta.appID is not this TA's UUID");
		return false;
	}
	if (TEE_GetPropertyAsBool(TEE_PROPSET_CURRENT_TA, "gpd.ta.singleInstance", &single) ||
	    single) {
		EMSG("gpd.ta.singleInstance is wrong");
		return false;
	}
	if (TEE_GetPropertyAsU32(TEE_PROPSET_CURRENT_TA, "org.rampart.test.answer", &answer) ||
	    answer != 42) {
		EMSG("the extension property is wrong");
		return false;
	}
	if (TEE_GetPropertyAsString(TEE_PROPSET_TEE_IMPLEMENTATION, "gpd.tee.apiversion", text,
				    &len) ||
	    TEE_GetPropertyAsUUID(TEE_PROPSET_TEE_IMPLEMENTATION, "gpd.tee.deviceID", &uuid)) {
		EMSG("implementation properties missing");
		return false;
	}
	len = sizeof(text);
	if (TEE_GetPropertyAsString(TEE_PROPSET_TEE_IMPLEMENTATION, "gpd.tee.no.such", text,
				    &len) != TEE_ERROR_ITEM_NOT_FOUND) {
		EMSG("a property that does not exist was found");
		return false;
	}
	return enumeration_finds_ours();
}

TEE_Result test_props(uint32_t types, TEE_Param p[4])
{
	TEE_Identity client;
	TEE_Result res;

	if (types != PT(VALUE_OUTPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	res = TEE_GetPropertyAsIdentity(TEE_PROPSET_CURRENT_CLIENT, "gpd.client.identity", &client);
	if (res != TEE_SUCCESS)
		return res;
	p[0].value.a = client.login;
	p[0].value.b = properties_hold();
	return TEE_SUCCESS;
}

static uint64_t now_ms(void)
{
	TEE_Time t;

	TEE_GetSystemTime(&t);
	return (uint64_t)t.seconds * 1000 + t.millis;
}

TEE_Result test_busy_cancel(uint32_t types, TEE_Param p[4])
{
	uint64_t end;
	TEE_Result res = TEE_SUCCESS;

	if (types != PT(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	end = now_ms() + p[0].value.a;
	TEE_UnmaskCancellation();
	while (now_ms() < end) {
		if (TEE_GetCancellationFlag()) {
			res = TEE_ERROR_CANCEL;
			break;
		}
	}
	TEE_MaskCancellation();
	return res;
}
