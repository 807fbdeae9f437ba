/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Property tables and the GP conversions of their values (GP 4.4). Pure C: also built into the
 * host unit tests. A table is an array of struct user_ta_property (user_ta_header.h).
 */
#ifndef UTEE_PROPS_H
#define UTEE_PROPS_H

#include <tee_api_types.h>
#include <user_ta_header.h>

/* The property named name (compared exactly), or NULL. */
const struct user_ta_property *utee_prop_find(const struct user_ta_property *table, size_t count,
					      const char *name);

/* String form (GP 4.4.1): bool "true"/"false", integers in decimal, UUID in RFC 4122 text,
 * identity "login:uuid" (login in hex), binary block as its Base64 text. *len counts the
 * terminating zero; SHORT_BUFFER sets it to what is needed. */
TEE_Result utee_prop_as_string(const struct user_ta_property *p, char *buf, size_t *len);
/* The typed forms: BAD_FORMAT when the property is not of (or convertible to) that type. */
TEE_Result utee_prop_as_bool(const struct user_ta_property *p, bool *value);
TEE_Result utee_prop_as_u32(const struct user_ta_property *p, uint32_t *value);
TEE_Result utee_prop_as_u64(const struct user_ta_property *p, uint64_t *value);
TEE_Result utee_prop_as_uuid(const struct user_ta_property *p, TEE_UUID *value);
TEE_Result utee_prop_as_identity(const struct user_ta_property *p, TEE_Identity *value);
/* Decodes the Base64 value; *len as for utee_prop_as_string, without a terminator. */
TEE_Result utee_prop_as_binary(const struct user_ta_property *p, void *buf, size_t *len);

/* Copies a string with its terminator into buf, GP short-buffer rules. */
TEE_Result utee_copy_string(const char *s, char *buf, size_t *len);

#endif
