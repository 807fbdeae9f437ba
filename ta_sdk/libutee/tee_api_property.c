// SPDX-License-Identifier: BSD-2-Clause
/*
 * GP property functions (GP 4.4) over three sets: the current TA (ta_props[], built from the
 * TA's user_ta_header_defines.h), the current client (asked from the trusted OS at every lookup:
 * a multi-session TA serves several clients) and the TEE implementation.
 */
#include <rampart/ta_abi.h>
#include <string.h>
#include <tee_internal_api.h>
#include <tee_internal_api_extensions.h>
#include <user_ta_header.h>

#include "props.h"
#include "utee_internal.h"
#include "utee_syscalls.h"

static const uint32_t little_endian = TEE_ENDIAN_LITTLE;
static const uint32_t core_api_version = TEE_CORE_API_VERSION;
/* The system time is the Arm generic counter, which the normal world cannot set. */
static const uint32_t time_protection = 1000;
/*
 * TA persistent time: that counter plus a record in trusted storage. While the machine is off
 * the normal world can put an older store back (undetected without a board rollback counter,
 * docs/storage.md), so it is not out of reach of the REE's software: GP's level 100.
 */
static const uint32_t ta_time_protection = 100;
#ifndef RAMPART_VERSION /* the kit's build gives it (mk/ta.mk); host unit tests do not */
#define RAMPART_VERSION "dev"
#endif
static const bool yes = true;
/* TEE_BigInt up to TEE_BIGINT_MAX_BITS (tee_internal_api.h). */
static const uint32_t max_bigint_bits = TEE_BIGINT_MAX_BITS;
/*
 * Rollback of the trusted store: detected while the system runs, but on QEMU nothing keeps a
 * counter across power cycles (docs/storage.md, "Rollback"), so no level is claimed.
 */
static const uint32_t anti_rollback = 0;
/* No numbered releases yet: the version is the source's (git describe), the number 0. */
static const uint32_t binary_version = 0;
/* The trusted OS does not report a device identity (yet): the nil UUID of RFC 4122 4.1.7. */
static const TEE_UUID device_id;

static const struct user_ta_property tee_props[] = {
    {"gpd.tee.apiversion", USER_TA_PROP_TYPE_STRING, "1.3.1"},
    {"gpd.tee.internalCore.version", USER_TA_PROP_TYPE_U32, &core_api_version},
    {"gpd.tee.description", USER_TA_PROP_TYPE_STRING, "Rampart trusted OS"},
    {"gpd.tee.deviceID", USER_TA_PROP_TYPE_UUID, &device_id},
    {"gpd.tee.systemTime.protectionLevel", USER_TA_PROP_TYPE_U32, &time_protection},
    {"gpd.tee.TAPersistentTime.protectionLevel", USER_TA_PROP_TYPE_U32, &ta_time_protection},
    {"gpd.tee.arith.maxBigIntSize", USER_TA_PROP_TYPE_U32, &max_bigint_bits},
    {"gpd.tee.cryptography.ecc", USER_TA_PROP_TYPE_BOOL, &yes}, /* ECDSA, ECDH: GP 6.10 */
    {"gpd.tee.trustedStorage.antiRollback.protectionLevel", USER_TA_PROP_TYPE_U32, &anti_rollback},
    {"gpd.tee.trustedos.implementation.version", USER_TA_PROP_TYPE_STRING, RAMPART_VERSION},
    {"gpd.tee.trustedos.implementation.binaryversion", USER_TA_PROP_TYPE_U32, &binary_version},
    {"gpd.tee.trustedos.manufacturer", USER_TA_PROP_TYPE_STRING, "Rampart"},
    {"gpd.tee.firmware.implementation.version", USER_TA_PROP_TYPE_STRING, RAMPART_VERSION},
    {"gpd.tee.firmware.implementation.binaryversion", USER_TA_PROP_TYPE_U32, &binary_version},
    {"gpd.tee.firmware.manufacturer", USER_TA_PROP_TYPE_STRING, "Rampart"},
};

static TEE_Identity client_identity;
static struct user_ta_property client_props[] = {
    {"gpd.client.identity", USER_TA_PROP_TYPE_IDENTITY, &client_identity},
    {"gpd.client.endian", USER_TA_PROP_TYPE_U32, &little_endian},
};

#define ENUM_MAGIC 0x50454e55U
struct __TEE_PropSetHandle {
	uint32_t magic;
	TEE_PropSetHandle set; /* TEE_HANDLE_NULL until started */
	size_t index;
};

static bool is_pseudo(TEE_PropSetHandle h)
{
	return h == TEE_PROPSET_CURRENT_TA || h == TEE_PROPSET_CURRENT_CLIENT ||
	       h == TEE_PROPSET_TEE_IMPLEMENTATION;
}

static void refresh_client(void)
{
	struct ta_client_identity id;
	TEE_Result res = utee_get_client(&id);

	if (res != TEE_SUCCESS)
		TEE_Panic(res);
	client_identity.login = id.login;
	tee_uuid_from_octets(&client_identity.uuid, id.uuid);
}

static const struct user_ta_property *set_table(TEE_PropSetHandle set, size_t *count)
{
	if (set == TEE_PROPSET_CURRENT_TA) {
		*count = ta_num_props;
		return ta_props;
	}
	if (set == TEE_PROPSET_CURRENT_CLIENT) {
		refresh_client();
		*count = sizeof(client_props) / sizeof(client_props[0]);
		return client_props;
	}
	*count = sizeof(tee_props) / sizeof(tee_props[0]);
	return tee_props;
}

/* GP: a handle that is neither a set nor one of our enumerators is a programming error. */
static struct __TEE_PropSetHandle *enumerator(TEE_PropSetHandle h)
{
	if (!utee_heap_owns(h, sizeof(*h)) || h->magic != ENUM_MAGIC)
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	return h;
}

static const struct user_ta_property *enum_current(struct __TEE_PropSetHandle *e)
{
	size_t count;
	const struct user_ta_property *table;

	if (e->set == TEE_HANDLE_NULL)
		return NULL;
	table = set_table(e->set, &count);
	return e->index < count ? &table[e->index] : NULL;
}

/* The property a Get function names: by name in a set, or an enumerator's current one. */
static const struct user_ta_property *lookup(TEE_PropSetHandle h, const char *name)
{
	size_t count;
	const struct user_ta_property *table;

	if (!is_pseudo(h))
		return enum_current(enumerator(h));
	table = set_table(h, &count);
	return utee_prop_find(table, count, name);
}

#define LOOKUP_OR_RETURN(p, h, name)                                                               \
	const struct user_ta_property *p = lookup(h, name);                                        \
	if (!p)                                                                                    \
	return TEE_ERROR_ITEM_NOT_FOUND

TEE_Result TEE_GetPropertyAsString(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				   char *valueBuffer, size_t *valueBufferLen)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_string(p, valueBuffer, valueBufferLen);
}

TEE_Result TEE_GetPropertyAsBool(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				 bool *value)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_bool(p, value);
}

TEE_Result TEE_GetPropertyAsU32(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				uint32_t *value)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_u32(p, value);
}

TEE_Result TEE_GetPropertyAsU64(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				uint64_t *value)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_u64(p, value);
}

TEE_Result TEE_GetPropertyAsBinaryBlock(TEE_PropSetHandle propsetOrEnumerator, const char *name,
					void *valueBuffer, size_t *valueBufferLen)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_binary(p, valueBuffer, valueBufferLen);
}

TEE_Result TEE_GetPropertyAsUUID(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				 TEE_UUID *value)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_uuid(p, value);
}

TEE_Result TEE_GetPropertyAsIdentity(TEE_PropSetHandle propsetOrEnumerator, const char *name,
				     TEE_Identity *value)
{
	LOOKUP_OR_RETURN(p, propsetOrEnumerator, name);
	return utee_prop_as_identity(p, value);
}

TEE_Result TEE_AllocatePropertyEnumerator(TEE_PropSetHandle *enumerator)
{
	struct __TEE_PropSetHandle *e = TEE_Malloc(sizeof(*e), TEE_MALLOC_FILL_ZERO);

	if (!e)
		return TEE_ERROR_OUT_OF_MEMORY;
	e->magic = ENUM_MAGIC;
	*enumerator = e;
	return TEE_SUCCESS;
}

void TEE_FreePropertyEnumerator(TEE_PropSetHandle h)
{
	if (h == TEE_HANDLE_NULL)
		return;
	enumerator(h)->magic = 0;
	TEE_Free(h);
}

void TEE_StartPropertyEnumerator(TEE_PropSetHandle h, TEE_PropSetHandle propSet)
{
	struct __TEE_PropSetHandle *e = enumerator(h);

	if (!is_pseudo(propSet))
		TEE_Panic(TEE_ERROR_BAD_PARAMETERS);
	e->set = propSet;
	e->index = 0;
}

void TEE_ResetPropertyEnumerator(TEE_PropSetHandle h)
{
	struct __TEE_PropSetHandle *e = enumerator(h);

	e->set = TEE_HANDLE_NULL;
	e->index = 0;
}

TEE_Result TEE_GetPropertyName(TEE_PropSetHandle h, void *nameBuffer, size_t *nameBufferLen)
{
	const struct user_ta_property *p = enum_current(enumerator(h));

	if (!p)
		return TEE_ERROR_ITEM_NOT_FOUND;
	return utee_copy_string(p->name, nameBuffer, nameBufferLen);
}

TEE_Result TEE_GetNextProperty(TEE_PropSetHandle h)
{
	struct __TEE_PropSetHandle *e = enumerator(h);

	if (!enum_current(e))
		return TEE_ERROR_ITEM_NOT_FOUND;
	e->index++;
	return enum_current(e) ? TEE_SUCCESS : TEE_ERROR_ITEM_NOT_FOUND;
}
