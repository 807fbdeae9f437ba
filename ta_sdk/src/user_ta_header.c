// SPDX-License-Identifier: BSD-2-Clause
/*
 * Compiled into every TA by the dev kit (mk/ta_dev_kit.mk): the TA header (struct ta_head, in
 * section .ta_head, which the linker script puts first, at TA_IMAGE_BASE) and the table of the
 * TA's properties, both from the TA's user_ta_header_defines.h.
 *
 * ta_head.uuid holds the UUID as the 16 octets of RFC 4122 (most significant byte first), the
 * form the normal world sends it in. The octets come from BINARY (TA_UUID_OCTETS, passed by the
 * make code); ta_uuid_matches_binary() stops the build when they differ from TA_UUID.
 */
#include <tee_internal_api.h>
#include <user_ta_header.h>
#include <user_ta_header_defines.h>

#ifndef TA_UUID_OCTETS
#error "TA_UUID_OCTETS: build TAs with the dev kit's mk/ta_dev_kit.mk"
#endif
#if !defined(TA_UUID) || !defined(TA_FLAGS) || !defined(TA_STACK_SIZE) || !defined(TA_DATA_SIZE)
#error "user_ta_header_defines.h must define TA_UUID, TA_FLAGS, TA_STACK_SIZE and TA_DATA_SIZE"
#endif
#ifndef TA_VERSION
#define TA_VERSION "Undefined version"
#endif
#ifndef TA_DESCRIPTION
#define TA_DESCRIPTION "Undefined description"
#endif

void __utee_entry(void);

const struct ta_head ta_head __attribute__((section(".ta_head"), used)) = {
    .magic = TA_HEAD_MAGIC,
    .flags = TA_FLAGS,
    .uuid = {TA_UUID_OCTETS},
    .entry = (uint64_t)(uintptr_t)__utee_entry,
    .stack_size = TA_STACK_SIZE,
    .data_size = TA_DATA_SIZE,
};

static const TEE_UUID ta_uuid = TA_UUID;
static const uint8_t binary_octets[16] = {TA_UUID_OCTETS};

extern void binary_is_not_ta_uuid(void) __attribute__((
    error("BINARY in the TA's Makefile is not the TA_UUID of user_ta_header_defines.h")));

/* Folded away at -O2 when the two agree; otherwise the call to the error function remains and
 * the compiler stops with its message. Never called. */
void ta_uuid_matches_binary(void);
void ta_uuid_matches_binary(void)
{
	const uint8_t *c = ta_uuid.clockSeqAndNode;
	const uint8_t *o = binary_octets;

	if (ta_uuid.timeLow !=
		((uint32_t)o[0] << 24 | (uint32_t)o[1] << 16 | (uint32_t)o[2] << 8 | o[3]) ||
	    ta_uuid.timeMid != (o[4] << 8 | o[5]) ||
	    ta_uuid.timeHiAndVersion != (o[6] << 8 | o[7]) || c[0] != o[8] || c[1] != o[9] ||
	    c[2] != o[10] || c[3] != o[11] || c[4] != o[12] || c[5] != o[13] || c[6] != o[14] ||
	    c[7] != o[15])
		binary_is_not_ta_uuid();
}

static const bool single_instance = (TA_FLAGS & TA_FLAG_SINGLE_INSTANCE) != 0;
static const bool multi_session = (TA_FLAGS & TA_FLAG_MULTI_SESSION) != 0;
static const bool keep_alive = (TA_FLAGS & TA_FLAG_INSTANCE_KEEP_ALIVE) != 0;
static const uint32_t data_size = TA_DATA_SIZE;
static const uint32_t stack_size = TA_STACK_SIZE;
static const uint32_t endian = TEE_ENDIAN_LITTLE;

const struct user_ta_property ta_props[] = {
    {TA_PROP_STR_APP_ID, USER_TA_PROP_TYPE_UUID, &ta_uuid},
    {TA_PROP_STR_SINGLE_INSTANCE, USER_TA_PROP_TYPE_BOOL, &single_instance},
    {TA_PROP_STR_MULTI_SESSION, USER_TA_PROP_TYPE_BOOL, &multi_session},
    {TA_PROP_STR_KEEP_ALIVE, USER_TA_PROP_TYPE_BOOL, &keep_alive},
    {TA_PROP_STR_DATA_SIZE, USER_TA_PROP_TYPE_U32, &data_size},
    {TA_PROP_STR_STACK_SIZE, USER_TA_PROP_TYPE_U32, &stack_size},
    {TA_PROP_STR_VERSION, USER_TA_PROP_TYPE_STRING, TA_VERSION},
    {TA_PROP_STR_DESCRIPTION, USER_TA_PROP_TYPE_STRING, TA_DESCRIPTION},
    {TA_PROP_STR_ENDIAN, USER_TA_PROP_TYPE_U32, &endian},
#ifdef TA_CURRENT_TA_EXT_PROPERTIES
    TA_CURRENT_TA_EXT_PROPERTIES
#endif
};

const size_t ta_num_props = sizeof(ta_props) / sizeof(ta_props[0]);
