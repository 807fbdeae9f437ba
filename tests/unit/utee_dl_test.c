// SPDX-License-Identifier: BSD-2-Clause
/*
 * libutee's side of shared TA libraries (ta_sdk/libutee/dl.c) against a stand-in for the trusted
 * OS's TA_SYS_DL_INFO: constructors run in the order the trusted OS gives (dependencies first,
 * the TA's own .init_array at its place), each once, placeholders skipped, a later dlopen()'s
 * module alone; dl_iterate_phdr lists every module with its name, whatever the callback returns,
 * and returns the last value (OP-TEE's behaviour, which its os_test TA checks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <link.h>
#include <rampart/ta_abi.h>
#include <tee_api_types.h>

#include "utee_internal.h"
#include "utee_syscalls.h"

static char order[64];

static void note(char c)
{
	size_t n = strlen(order);

	order[n] = c;
	order[n + 1] = 0;
}

static void lib_a(void)
{
	note('A');
}
static void lib_b(void)
{
	note('B');
}
static void lib_c(void)
{
	note('C');
}
static void ta_1(void)
{
	note('1');
}
static void ta_2(void)
{
	note('2');
}

/* The TA's .init_array, as mk/ta.ld brackets it. */
void (*const ta_inits[2])(void) = {ta_1, ta_2};
__asm__(".globl __init_array_start\n.set __init_array_start, ta_inits\n"
	".globl __init_array_end\n.set __init_array_end, ta_inits + 16\n");

static void (*const a_inits[3])(void) = {lib_a, 0, (void (*)(void))(uintptr_t)-1};
static void (*const b_inits[1])(void) = {lib_b};
static void (*const c_inits[1])(void) = {lib_c};

static struct ta_dl_info modules[4];
static unsigned int module_count;

TEE_Result utee_dl_info(uint32_t index, struct ta_dl_info *info)
{
	if (index >= module_count)
		return TEE_ERROR_ITEM_NOT_FOUND;
	*info = modules[index];
	return TEE_SUCCESS;
}

static void set(unsigned int i, void (*const *inits)(void), uint64_t n, uint64_t seq)
{
	memset(&modules[i], 0, sizeof(modules[i]));
	modules[i].base = 0x500000 + i * 0x10000;
	modules[i].init_array = (uintptr_t)inits;
	modules[i].init_count = n;
	modules[i].init_seq = seq;
	memset(modules[i].uuid, 0x10 + i, 16);
}

static void constructors_run_dependencies_first(void **state)
{
	(void)state;
	/* The TA needs A, A needs B: the trusted OS gives B 1, A 2, the TA 3. */
	set(0, NULL, 0, 3);
	set(1, a_inits, 3, 2);
	set(2, b_inits, 1, 1);
	module_count = 3;
	utee_dl_run_init();
	assert_string_equal(order, "BA12");
	/* Nothing new: nothing runs again. */
	utee_dl_run_init();
	assert_string_equal(order, "BA12");
	/* A dlopen()ed library: its constructor alone. */
	set(3, c_inits, 1, 4);
	module_count = 4;
	utee_dl_run_init();
	assert_string_equal(order, "BA12C");
}

static int names_seen;
static char first_name[40], second_name[40];

static int visit(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	if (names_seen == 0)
		strcpy(first_name, info->dlpi_name);
	if (names_seen == 1)
		strcpy(second_name, info->dlpi_name);
	names_seen++;
	assert_int_equal(info->dlpi_adds, module_count);
	return names_seen == *(int *)data ? 77 : 0;
}

static void modules_are_listed(void **state)
{
	int stop_at = 0;

	(void)state;
	module_count = 3;
	names_seen = 0;
	assert_int_equal(dl_iterate_phdr(visit, &stop_at), 0);
	assert_int_equal(names_seen, 3);
	assert_string_equal(first_name, "");
	assert_string_equal(second_name, "11111111-1111-1111-1111-111111111111");
	/* A non-zero answer does not stop the walk; the last answer is returned. */
	stop_at = 2;
	names_seen = 0;
	assert_int_equal(dl_iterate_phdr(visit, &stop_at), 0);
	assert_int_equal(names_seen, 3);
	stop_at = 3;
	names_seen = 0;
	assert_int_equal(dl_iterate_phdr(visit, &stop_at), 77);
	assert_int_equal(names_seen, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(constructors_run_dependencies_first),
	    cmocka_unit_test(modules_are_listed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
