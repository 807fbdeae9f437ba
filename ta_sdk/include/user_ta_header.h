/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * What a TA's user_ta_header_defines.h describes: its flags and the property table that
 * TA_CURRENT_TA_EXT_PROPERTIES extends. The header itself (struct ta_head) is in
 * <rampart/ta_abi.h>; the dev kit's src/user_ta_header.c builds both for each TA.
 */
#ifndef USER_TA_HEADER_H
#define USER_TA_HEADER_H

#include <rampart/ta_abi.h>
#include <tee_api_types.h>

/* TA_FLAGS: the flags OP-TEE TAs use; the ones Rampart has no use for are 0, as in OP-TEE. */
#define TA_FLAG_USER_MODE	      0 /* always */
#define TA_FLAG_EXEC_DDR	      0 /* always */
#define TA_FLAG_REMAP_SUPPORT	      0
#define TA_FLAG_SECURE_DATA_PATH      (1U << 5)
#define TA_FLAG_CACHE_MAINTENANCE     (1U << 7)
#define TA_FLAG_CONCURRENT	      (1U << 8)
#define TA_FLAG_DEVICE_ENUM	      (1U << 9)
#define TA_FLAG_DEVICE_ENUM_SUPP      (1U << 10)
#define TA_FLAG_INSTANCE_KEEP_CRASHED (1U << 13)

/* Types of the properties in TA_CURRENT_TA_EXT_PROPERTIES (OP-TEE's values). */
enum user_ta_prop_type {
	USER_TA_PROP_TYPE_BOOL,		/* value: const bool * */
	USER_TA_PROP_TYPE_U32,		/* value: const uint32_t * */
	USER_TA_PROP_TYPE_UUID,		/* value: const TEE_UUID * */
	USER_TA_PROP_TYPE_IDENTITY,	/* value: const TEE_Identity * */
	USER_TA_PROP_TYPE_STRING,	/* value: const char * */
	USER_TA_PROP_TYPE_BINARY_BLOCK, /* value: const char *, the block in Base64 */
	USER_TA_PROP_TYPE_U64,		/* value: const uint64_t * */
	USER_TA_PROP_TYPE_INVALID,
};

struct user_ta_property {
	const char *name;
	enum user_ta_prop_type type;
	const void *value;
};

/* The current TA's properties, standard ones first (src/user_ta_header.c). */
extern const struct user_ta_property ta_props[];
extern const size_t ta_num_props;
extern const struct ta_head ta_head;

#define TA_PROP_STR_APP_ID	    "gpd.ta.appID"
#define TA_PROP_STR_SINGLE_INSTANCE "gpd.ta.singleInstance"
#define TA_PROP_STR_MULTI_SESSION   "gpd.ta.multiSession"
#define TA_PROP_STR_KEEP_ALIVE	    "gpd.ta.instanceKeepAlive"
#define TA_PROP_STR_DATA_SIZE	    "gpd.ta.dataSize"
#define TA_PROP_STR_STACK_SIZE	    "gpd.ta.stackSize"
#define TA_PROP_STR_VERSION	    "gpd.ta.version"
#define TA_PROP_STR_DESCRIPTION	    "gpd.ta.description"
#define TA_PROP_STR_ENDIAN	    "gpd.ta.endian"

#endif
