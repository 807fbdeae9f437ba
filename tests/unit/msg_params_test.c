// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE message parameters (tee/msg_params.c): what the normal world sends is checked before
 * it becomes a GP parameter; outputs go back without touching what the driver relies on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "msg_params.h"
#include "shm.h"

#define NS_BASE 0x40000000UL
#define NS_SIZE 0x80000000UL
#define COOKIE 0x1234

/* What msg_params.c needs from the rest of the trusted OS. */
static struct shm registered = {.cookie = COOKIE, .size = 3 * 4096, .npages = 3, .used = 1};

int ns_range_ok(uint64_t pa, uint64_t size)
{
	return pa >= NS_BASE && size <= NS_SIZE && pa - NS_BASE <= NS_SIZE - size;
}

const struct shm *shm_find(uint64_t cookie)
{
	return cookie == COOKIE ? &registered : NULL;
}

void log_info(const char *fmt, ...)
{
	(void)fmt;
}

static struct msg_copy msg(uint32_t n)
{
	struct msg_copy m;

	memset(&m, 0, sizeof(m));
	m.arg.num_params = n;
	return m;
}

static void values_and_memrefs_become_gp_params(void **state __attribute__((unused)))
{
	struct msg_copy m = msg(4);
	struct tee_param p[TEE_NUM_PARAMS];

	m.params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INOUT;
	m.params[0].u.value.a = 7;
	m.params[0].u.value.b = 9;
	m.params[1].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	m.params[1].u.rmem = (typeof(m.params[1].u.rmem)){.offs = 100, .size = 200, .shm_ref = COOKIE};
	m.params[2].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
	m.params[2].u.tmem = (typeof(m.params[2].u.tmem)){.buf_ptr = NS_BASE + 0x1000, .size = 64};
	m.params[3].attr = OPTEE_MSG_ATTR_TYPE_TMEM_INOUT; /* a null memref: size only */
	m.params[3].u.tmem.size = 32;
	assert_int_equal(msg_params_in(&m, 0, p), TEEC_SUCCESS);
	assert_int_equal(p[0].type, TEE_PARAM_TYPE_VALUE_INOUT);
	assert_int_equal(p[0].u.value.a, 7);
	assert_int_equal(p[1].type, TEE_PARAM_TYPE_MEMREF_INPUT);
	assert_ptr_equal(p[1].u.memref.shm, &registered);
	assert_int_equal(p[1].u.memref.offs, 100);
	assert_int_equal(p[2].type, TEE_PARAM_TYPE_MEMREF_OUTPUT);
	assert_int_equal(p[2].u.memref.pa, NS_BASE + 0x1000);
	assert_int_equal(p[3].type, TEE_PARAM_TYPE_MEMREF_INOUT);
	assert_null(p[3].u.memref.shm);
	assert_int_equal(p[3].u.memref.pa, 0);
	assert_int_equal(p[3].u.memref.size, 32);
}

static uint32_t one(uint64_t attr, uint64_t a, uint64_t b, uint64_t c)
{
	struct msg_copy m = msg(1);
	struct tee_param p[TEE_NUM_PARAMS];

	m.params[0].attr = attr;
	m.params[0].u.value.a = a;
	m.params[0].u.value.b = b;
	m.params[0].u.value.c = c;
	return msg_params_in(&m, 0, p);
}

static void hostile_memrefs_are_refused(void **state __attribute__((unused)))
{
	/* Secure RAM, below and across the end of normal-world RAM, wrapping sizes. */
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, 0x0e000000, 16, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, 0x0e100000, 1, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, NS_BASE - 8, 16, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, NS_BASE + NS_SIZE - 8, 16, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, NS_BASE + 16, UINT64_MAX - 8, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* Registered memory: unknown cookie, offset or size beyond the registration. */
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 0, 16, 0x9999),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 3 * 4096 + 1, 0, COOKIE),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 4096, 2 * 4096 + 1, COOKIE),
			 TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_RMEM_INPUT, 8, UINT64_MAX, COOKIE),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* In range: accepted. */
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_RMEM_INOUT, 4096, 2 * 4096, COOKIE), TEEC_SUCCESS);
	assert_int_equal(one(OPTEE_MSG_ATTR_TYPE_TMEM_INPUT, NS_BASE, NS_SIZE, 0), TEEC_SUCCESS);
}

static void unknown_types_and_flags_are_refused(void **state __attribute__((unused)))
{
	struct msg_copy m = msg(5);
	struct tee_param p[TEE_NUM_PARAMS];

	assert_int_equal(one(4, 0, 0, 0), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(8, 0, 0, 0), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(0xc, 0, 0, 0), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_META | 1, 0, 0, 0), TEEC_ERROR_BAD_PARAMETERS);
	assert_int_equal(one(OPTEE_MSG_ATTR_NONCONTIG | 9, NS_BASE, 8, 0),
			 TEEC_ERROR_BAD_PARAMETERS);
	/* More than four client parameters. */
	assert_int_equal(msg_params_in(&m, 0, p), TEEC_ERROR_BAD_PARAMETERS);
}

static void outputs_keep_the_driver_fields(void **state __attribute__((unused)))
{
	struct msg_copy m = msg(3);
	struct {
		struct optee_msg_arg arg;
		struct optee_msg_param params[3];
	} shared;
	struct tee_param p[TEE_NUM_PARAMS];

	m.params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	m.params[1].attr = OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT;
	m.params[1].u.rmem = (typeof(m.params[1].u.rmem)){.offs = 8, .size = 100, .shm_ref = COOKIE};
	m.params[2].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	m.params[2].u.value.a = 5;
	memcpy(&shared.arg, &m.arg, sizeof(m.arg));
	memcpy(shared.params, m.params, sizeof(shared.params));
	assert_int_equal(msg_params_in(&m, 0, p), TEEC_SUCCESS);
	p[0].u.value.a = 0xaaaa;
	p[0].u.value.b = 0xbbbb;
	p[1].u.memref.size = 40;
	p[2].u.value.a = 77; /* an input: never written back */
	msg_params_out((volatile struct optee_msg_arg *)&shared, &m, 0, p);
	assert_int_equal(shared.params[0].u.value.a, 0xaaaa);
	assert_int_equal(shared.params[0].u.value.b, 0xbbbb);
	assert_int_equal(shared.params[1].attr, OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT);
	assert_int_equal(shared.params[1].u.rmem.offs, 8);
	assert_int_equal(shared.params[1].u.rmem.shm_ref, COOKIE);
	assert_int_equal(shared.params[1].u.rmem.size, 40);
	assert_int_equal(shared.params[2].u.value.a, 5);
}

/* Random messages: whatever is accepted points only into normal-world RAM or a registration. */
static void fuzzed_messages_stay_in_bounds(void **state __attribute__((unused)))
{
	static const uint64_t attrs[] = {0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 4, 0x101, 0x209, 0xff};
	unsigned int seed = 99;

	for (int round = 0; round < 50000; round++) {
		struct msg_copy m = msg(1 + round % 4);
		struct tee_param p[TEE_NUM_PARAMS];

		for (uint32_t i = 0; i < m.arg.num_params; i++) {
			uint64_t *w = &m.params[i].u.value.a;

			seed = seed * 1103515245 + 12345;
			m.params[i].attr = attrs[(seed >> 8) % 14];
			for (int k = 0; k < 3; k++) {
				seed = seed * 1103515245 + 12345;
				w[k] = (seed & 1) ? NS_BASE + (uint64_t)seed * 4096 % NS_SIZE :
						    (uint64_t)seed << (seed % 40);
				if ((seed >> 3) % 4 == 0)
					w[k] = COOKIE;
			}
		}
		if (msg_params_in(&m, 0, p) != TEEC_SUCCESS)
			continue;
		for (int i = 0; i < TEE_NUM_PARAMS; i++) {
			const struct memref *r = &p[i].u.memref;

			if (p[i].type < TEE_PARAM_TYPE_MEMREF_INPUT)
				continue;
			if (r->shm)
				assert_true(r->offs <= r->shm->size &&
					    r->size <= r->shm->size - r->offs);
			else if (r->pa)
				assert_true(ns_range_ok(r->pa, r->size));
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_and_memrefs_become_gp_params),
		cmocka_unit_test(hostile_memrefs_are_refused),
		cmocka_unit_test(unknown_types_and_flags_are_refused),
		cmocka_unit_test(outputs_keep_the_driver_fields),
		cmocka_unit_test(fuzzed_messages_stay_in_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
