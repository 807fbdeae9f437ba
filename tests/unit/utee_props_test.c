// SPDX-License-Identifier: BSD-2-Clause
/* libutee: property lookup and the GP conversions of property values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include <tee_internal_api_extensions.h>

#include "props.h"

static const bool yes = true;
static const uint32_t u32 = 4000000000U;
static const uint64_t u64 = 0x123456789abcdefULL;
static const TEE_UUID uuid = {
    0x5ee1c0de, 0x7a11, 0x4e57, {0x9a, 0x6e, 0x72, 0x61, 0x6d, 0x70, 0x61, 0x72}};
static const TEE_Identity identity = {TEE_LOGIN_TRUSTED_APP, {1, 2, 3, {4, 5, 6, 7, 8, 9, 10, 11}}};

static const struct user_ta_property table[] = {
    {"t.bool", USER_TA_PROP_TYPE_BOOL, &yes},
    {"t.u32", USER_TA_PROP_TYPE_U32, &u32},
    {"t.u64", USER_TA_PROP_TYPE_U64, &u64},
    {"t.uuid", USER_TA_PROP_TYPE_UUID, &uuid},
    {"t.identity", USER_TA_PROP_TYPE_IDENTITY, &identity},
    {"t.string", USER_TA_PROP_TYPE_STRING, "hello"},
    {"t.binary", USER_TA_PROP_TYPE_BINARY_BLOCK, "AAEC/w=="},
    {"t.badbase64", USER_TA_PROP_TYPE_BINARY_BLOCK, "AA*C"},
    {"t.invalid", USER_TA_PROP_TYPE_INVALID, "x"},
};
#define COUNT (sizeof(table) / sizeof(table[0]))

static const struct user_ta_property *get(const char *name)
{
	const struct user_ta_property *p = utee_prop_find(table, COUNT, name);

	assert_non_null(p);
	return p;
}

static void find_exact_names(void **state)
{
	(void)state;
	assert_ptr_equal(utee_prop_find(table, COUNT, "t.u32"), &table[1]);
	assert_null(utee_prop_find(table, COUNT, "t.u3"));
	assert_null(utee_prop_find(table, COUNT, "t.u322"));
	assert_null(utee_prop_find(table, COUNT, "T.U32"));
	assert_null(utee_prop_find(table, COUNT, ""));
	assert_null(utee_prop_find(table, COUNT, NULL));
	assert_null(utee_prop_find(table, 0, "t.bool"));
}

static void check_string(const char *name, const char *want)
{
	char buf[80];
	size_t len = sizeof(buf);

	assert_int_equal(utee_prop_as_string(get(name), buf, &len), TEE_SUCCESS);
	assert_string_equal(buf, want);
	assert_int_equal(len, strlen(want) + 1);
}

static void string_forms(void **state)
{
	(void)state;
	check_string("t.bool", "true");
	check_string("t.u32", "4000000000");
	check_string("t.u64", "81985529216486895");
	check_string("t.uuid", "5ee1c0de-7a11-4e57-9a6e-72616d706172");
	check_string("t.identity", "f0000000:00000001-0002-0003-0405-060708090a0b");
	check_string("t.string", "hello");
	check_string("t.binary", "AAEC/w==");
}

static void short_buffers(void **state)
{
	char buf[6];
	size_t len = 5;
	uint8_t bin[4];

	(void)state;
	assert_int_equal(utee_prop_as_string(get("t.string"), buf, &len), TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, 6);
	assert_int_equal(utee_prop_as_string(get("t.string"), buf, &len), TEE_SUCCESS);
	len = 100;
	assert_int_equal(utee_prop_as_string(get("t.string"), NULL, &len), TEE_ERROR_SHORT_BUFFER);
	len = 3;
	assert_int_equal(utee_prop_as_binary(get("t.binary"), bin, &len), TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(len, 4);
	assert_int_equal(utee_prop_as_binary(get("t.binary"), bin, &len), TEE_SUCCESS);
	assert_int_equal(len, 4);
	assert_memory_equal(bin, ((uint8_t[]){0, 1, 2, 0xff}), 4);
}

static void typed_forms(void **state)
{
	bool b = false;
	uint32_t v32 = 0;
	uint64_t v64 = 0;
	TEE_UUID u;
	TEE_Identity id;

	(void)state;
	assert_int_equal(utee_prop_as_bool(get("t.bool"), &b), TEE_SUCCESS);
	assert_true(b);
	assert_int_equal(utee_prop_as_u32(get("t.u32"), &v32), TEE_SUCCESS);
	assert_int_equal(v32, u32);
	assert_int_equal(utee_prop_as_u64(get("t.u64"), &v64), TEE_SUCCESS);
	assert_int_equal(v64, u64);
	assert_int_equal(utee_prop_as_u64(get("t.u32"), &v64), TEE_SUCCESS); /* widens */
	assert_int_equal(v64, u32);
	assert_int_equal(utee_prop_as_uuid(get("t.uuid"), &u), TEE_SUCCESS);
	assert_memory_equal(&u, &uuid, sizeof(u));
	assert_int_equal(utee_prop_as_identity(get("t.identity"), &id), TEE_SUCCESS);
	assert_memory_equal(&id, &identity, sizeof(id));
}

static void wrong_types_refused(void **state)
{
	bool b;
	uint32_t v32;
	uint64_t v64;
	TEE_UUID u;
	TEE_Identity id;
	uint8_t bin[8];
	size_t len = sizeof(bin);
	char s[8];
	size_t slen = sizeof(s);

	(void)state;
	assert_int_equal(utee_prop_as_bool(get("t.u32"), &b), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_u32(get("t.u64"), &v32), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_u32(get("t.string"), &v32), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_u64(get("t.bool"), &v64), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_uuid(get("t.identity"), &u), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_identity(get("t.uuid"), &id), TEE_ERROR_BAD_FORMAT);
	assert_int_equal(utee_prop_as_binary(get("t.string"), bin, &len), TEE_ERROR_BAD_FORMAT);
	/* Outside the alphabet is skipped, as OP-TEE decodes: "AA*C" is "AAC", two zero bytes. */
	len = sizeof(bin);
	assert_int_equal(utee_prop_as_binary(get("t.badbase64"), bin, &len), TEE_SUCCESS);
	assert_int_equal(len, 2);
	assert_int_equal(bin[0] | bin[1], 0);
	assert_int_equal(utee_prop_as_string(get("t.invalid"), s, &slen), TEE_ERROR_BAD_FORMAT);
}

static void uuid_octets_round_trip(void **state)
{
	const uint8_t want[16] = {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57,
				  0x9a, 0x6e, 0x72, 0x61, 0x6d, 0x70, 0x61, 0x72};
	uint8_t o[16];
	TEE_UUID back;

	(void)state;
	tee_uuid_to_octets(o, &uuid);
	assert_memory_equal(o, want, 16);
	tee_uuid_from_octets(&back, o);
	assert_memory_equal(&back, &uuid, sizeof(back));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(find_exact_names),	   cmocka_unit_test(string_forms),
	    cmocka_unit_test(short_buffers),	   cmocka_unit_test(typed_forms),
	    cmocka_unit_test(wrong_types_refused), cmocka_unit_test(uuid_octets_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
