// SPDX-License-Identifier: BSD-2-Clause
/* libutee: GP parameters between TEE_Param[4] and struct ta_entry_args, both directions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "params.h"

#define T(t0, t1, t2, t3)                                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##t0, TEE_PARAM_TYPE_##t1, TEE_PARAM_TYPE_##t2,             \
			TEE_PARAM_TYPE_##t3)

static void gp_type_values(void **state)
{
	(void)state;
	assert_int_equal(T(VALUE_INPUT, VALUE_OUTPUT, VALUE_INOUT, NONE), 0x0321);
	assert_int_equal(T(MEMREF_INPUT, MEMREF_OUTPUT, MEMREF_INOUT, NONE), 0x0765);
	assert_int_equal(TEE_PARAM_TYPE_GET(0x7650, 2), 6);
	/* ta_abi.h and the GP header agree. */
	assert_int_equal(TA_PARAM_MEMREF_INOUT, TEE_PARAM_TYPE_MEMREF_INOUT);
	assert_int_equal(TA_PARAM_TYPE_GET(0x7650, 3), TEE_PARAM_TYPE_GET(0x7650, 3));
}

static void types_validated(void **state)
{
	(void)state;
	assert_true(utee_param_types_valid(0));
	assert_true(utee_param_types_valid(T(VALUE_INOUT, MEMREF_INOUT, MEMREF_INPUT, NONE)));
	for (uint32_t bad = 4; bad < 16; bad++) {
		if (bad >= 5 && bad <= 7)
			continue;
		for (int i = 0; i < 4; i++)
			assert_false(utee_param_types_valid(bad << (4 * i)));
	}
	assert_false(utee_param_types_valid(1U << 16));
}

static void entry_values_and_memrefs(void **state)
{
	struct ta_entry_args args = {
	    .param_types = T(VALUE_INPUT, VALUE_OUTPUT, MEMREF_INOUT, MEMREF_INPUT),
	    .params = {{7, 9}, {0x55, 0x66}, {0x4000000, 128}, {0, 0}},
	};
	TEE_Param p[4];

	(void)state;
	memset(p, 0xff, sizeof(p));
	assert_int_equal(utee_params_from_args(p, &args), TEE_SUCCESS);
	assert_int_equal(p[0].value.a, 7);
	assert_int_equal(p[0].value.b, 9);
	/* Value outputs start at zero, whatever the arguments held. */
	assert_int_equal(p[1].value.a, 0);
	assert_int_equal(p[1].value.b, 0);
	assert_ptr_equal(p[2].memref.buffer, (void *)0x4000000);
	assert_int_equal(p[2].memref.size, 128);
	/* A null memref stays null. */
	assert_null(p[3].memref.buffer);
	assert_int_equal(p[3].memref.size, 0);
}

static void entry_bad_types_refused(void **state)
{
	struct ta_entry_args args = {.param_types = 0x4};
	TEE_Param p[4];

	(void)state;
	assert_int_equal(utee_params_from_args(p, &args), TEE_ERROR_BAD_PARAMETERS);
}

static void outputs_written_back_inputs_untouched(void **state)
{
	struct ta_entry_args args = {
	    .param_types = T(VALUE_INPUT, VALUE_INOUT, MEMREF_OUTPUT, MEMREF_INPUT),
	    .params = {{1, 2}, {3, 4}, {0x4400000, 16}, {0x4800000, 32}},
	};
	TEE_Param p[4];

	(void)state;
	assert_int_equal(utee_params_from_args(p, &args), TEE_SUCCESS);
	p[0].value.a = 100; /* an input the TA scribbled on: not returned */
	p[1].value.a = 30;
	p[1].value.b = 40;
	p[2].memref.size = 64; /* more than the buffer: SHORT_BUFFER's required size */
	p[2].memref.buffer = (void *)0x1234; /* the buffer itself is not the TA's to move */
	p[3].memref.size = 1;
	utee_params_outputs_to_args(&args, p);
	assert_int_equal(args.params[0].a, 1);
	assert_int_equal(args.params[1].a, 30);
	assert_int_equal(args.params[1].b, 40);
	assert_int_equal(args.params[2].a, 0x4400000);
	assert_int_equal(args.params[2].b, 64);
	assert_int_equal(args.params[3].b, 32);
}

static void caller_packs_and_unpacks(void **state)
{
	uint8_t buf[8];
	TEE_Param p[4] = {0};
	struct ta_entry_args args;
	uint32_t types = T(VALUE_OUTPUT, VALUE_INOUT, MEMREF_INOUT, MEMREF_OUTPUT);

	(void)state;
	p[0].value.a = 11; /* output only: not sent */
	p[1].value.a = 5;
	p[1].value.b = 6;
	p[2].memref.buffer = buf;
	p[2].memref.size = sizeof(buf);
	assert_int_equal(utee_params_to_args(&args, types, p), TEE_SUCCESS);
	assert_int_equal(args.param_types, types);
	assert_int_equal(args.params[0].a, 0);
	assert_int_equal(args.params[1].a, 5);
	assert_int_equal(args.params[1].b, 6);
	assert_int_equal(args.params[2].a, (uintptr_t)buf);
	assert_int_equal(args.params[2].b, sizeof(buf));
	assert_int_equal(args.params[3].a, 0); /* a null output memref */
	assert_int_equal(args.session_ctx, 0);

	/* What the callee returned. */
	args.params[0].a = 0x1111;
	args.params[0].b = 0x2222;
	args.params[1].a = 0x3333;
	args.params[2].b = 3;
	args.params[3].b = 99;
	utee_params_outputs_from_args(p, types, &args);
	assert_int_equal(p[0].value.a, 0x1111);
	assert_int_equal(p[0].value.b, 0x2222);
	assert_int_equal(p[1].value.a, 0x3333);
	assert_ptr_equal(p[2].memref.buffer, buf);
	assert_int_equal(p[2].memref.size, 3);
	assert_int_equal(p[3].memref.size, 99);
}

static void caller_refusals(void **state)
{
	TEE_Param p[4] = {0};
	struct ta_entry_args args;

	(void)state;
	/* No parameters at all may come as NULL. */
	assert_int_equal(utee_params_to_args(&args, 0, NULL), TEE_SUCCESS);
	assert_int_equal(utee_params_to_args(&args, T(VALUE_INPUT, NONE, NONE, NONE), NULL),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(utee_params_to_args(&args, 0x8, p), TEE_ERROR_BAD_PARAMETERS);
	p[0].memref.size = 4; /* NULL buffer with a size */
	assert_int_equal(utee_params_to_args(&args, T(MEMREF_INPUT, NONE, NONE, NONE), p),
			 TEE_ERROR_BAD_PARAMETERS);
	/* NULL params: nothing to write back, and no crash. */
	utee_params_outputs_from_args(NULL, T(VALUE_OUTPUT, NONE, NONE, NONE), &args);
}

/* Every 16-bit types word: valid ones round-trip, the others are refused both ways. */
static void all_type_words(void **state)
{
	(void)state;
	for (uint32_t types = 0; types < 0x10000; types++) {
		struct ta_entry_args args = {.param_types = types};
		TEE_Param p[4] = {0};
		bool valid = utee_param_types_valid(types);

		for (int i = 0; i < 4; i++) {
			args.params[i].a = 0x1000 * (i + 1);
			args.params[i].b = i + 1;
		}
		assert_int_equal(utee_params_from_args(p, &args) == TEE_SUCCESS, valid);
		assert_int_equal(utee_params_to_args(&args, types, p) == TEE_SUCCESS, valid);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(gp_type_values),
	    cmocka_unit_test(types_validated),
	    cmocka_unit_test(entry_values_and_memrefs),
	    cmocka_unit_test(entry_bad_types_refused),
	    cmocka_unit_test(outputs_written_back_inputs_untouched),
	    cmocka_unit_test(caller_packs_and_unpacks),
	    cmocka_unit_test(caller_refusals),
	    cmocka_unit_test(all_type_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
