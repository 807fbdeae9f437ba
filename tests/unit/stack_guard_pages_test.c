// SPDX-License-Identifier: BSD-2-Clause
/*
 * Stack guard pages (lib/common/stack_guard_pages.c) on a simulated MMU: three stacks, each a
 * guard page and one page of stack, whose guard pages this file maps or unmaps. The overflow
 * probe pushes as arch/aarch64/stack_probe.S does and "faults" on an unmapped guard page.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include <log.h>
#include <panic.h>
#include <stack_guard_pages.h>

#define STACKS 3

static uint8_t mem[STACKS][2 * STACK_GUARD_SIZE] __attribute__((aligned(STACK_GUARD_SIZE)));
static int guard_mapped[STACKS];
static int stack_read_only[STACKS];
static char panic_msg[256], info_msg[256];
static jmp_buf panic_jmp;

static uintptr_t fake_page(unsigned int k, char *name, size_t len)
{
	if (name)
		snprintf(name, len, "fake %u stack", k);
	return (uintptr_t)mem[k];
}

/* Which of our stacks' pages va is in: 2k for guard page k, 2k + 1 for its stack; else -1. */
static int page_of(uintptr_t va)
{
	if (va < (uintptr_t)mem || va >= (uintptr_t)mem + sizeof(mem))
		return -1;
	return (int)((va - (uintptr_t)mem) / STACK_GUARD_SIZE);
}

static int fake_write_faults(uintptr_t va)
{
	int p = page_of(va);

	if (p < 0)
		return 0;
	return p % 2 ? stack_read_only[p / 2] : !guard_mapped[p / 2];
}

static const struct stack_guards guards = {STACKS, fake_page, fake_write_faults};

char stack_probe_resume[1];

void stack_overflow_probe(uint8_t *stack_top, uint64_t pushes)
{
	for (uint8_t *sp = stack_top - 16; pushes--; sp -= 16) {
		if (fake_write_faults((uintptr_t)sp)) {
			/* The fault handler: only the armed self-test's fault resumes. */
			assert_int_equal(stack_guard_probe_fault(&guards, (uintptr_t)sp),
					 (uintptr_t)stack_probe_resume);
			return;
		}
		memset(sp, 0xee, 16);
	}
}

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	va_end(ap);
	longjmp(panic_jmp, 1);
}

void log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(info_msg, sizeof(info_msg), fmt, ap);
	va_end(ap);
}

static int setup(void **state)
{
	(void)state;
	memset(mem, 0, sizeof(mem));
	memset(guard_mapped, 0, sizeof(guard_mapped));
	memset(stack_read_only, 0, sizeof(stack_read_only));
	panic_msg[0] = info_msg[0] = '\0';
	return 0;
}

static void regions_unmap_every_guard_page(void **state)
{
	struct mmu_region r[STACKS + 1];

	(void)state;
	assert_int_equal(stack_guard_regions(&guards, r, STACKS + 1), STACKS);
	for (unsigned int k = 0; k < STACKS; k++) {
		assert_int_equal(r[k].base, (uintptr_t)mem[k]);
		assert_int_equal(r[k].size, STACK_GUARD_SIZE);
		assert_int_equal(r[k].attr, MMU_UNMAPPED);
	}
	/* Never more than the caller has room for. */
	assert_int_equal(stack_guard_regions(&guards, r, 2), 2);
}

static void check_passes_with_every_guard_unmapped(void **state)
{
	(void)state;
	if (setjmp(panic_jmp))
		fail_msg("panicked: %s", panic_msg);
	assert_int_equal(stack_guards_check(&guards), STACKS);
}

/* The check must panic (its message in panic_msg); what is wrong, for the failure message. */
static void check_must_panic(const char *what)
{
	if (!setjmp(panic_jmp)) {
		stack_guards_check(&guards);
		fail_msg("%s passed the check", what);
	}
}

static void check_names_a_mapped_guard_page(void **state)
{
	(void)state;
	guard_mapped[1] = 1;
	check_must_panic("a mapped guard page");
	assert_non_null(strstr(panic_msg, "fake 1 stack: its guard page"));
	assert_non_null(strstr(panic_msg, "is mapped"));
}

static void check_names_a_read_only_stack(void **state)
{
	(void)state;
	stack_read_only[2] = 1;
	check_must_panic("a stack that cannot be written");
	assert_string_equal(panic_msg,
			    "fake 2 stack: the stack above its guard page is not writable");
}

static void name_covers_exactly_the_guard_page(void **state)
{
	char name[STACK_GUARD_NAME_LEN];

	(void)state;
	assert_int_equal(stack_guard_name(&guards, (uintptr_t)mem[2], name, sizeof(name)), 1);
	assert_string_equal(name, "fake 2 stack");
	assert_int_equal(
	    stack_guard_name(&guards, (uintptr_t)mem[0] + STACK_GUARD_SIZE - 1, name, sizeof(name)),
	    1);
	assert_string_equal(name, "fake 0 stack");
	/* The stack itself, and memory outside every stack, are not guard pages. */
	assert_int_equal(
	    stack_guard_name(&guards, (uintptr_t)mem[1] + STACK_GUARD_SIZE, name, sizeof(name)), 0);
	assert_int_equal(stack_guard_name(&guards, (uintptr_t)mem - 1, name, sizeof(name)), 0);
}

static void a_fault_outside_the_self_test_does_not_resume(void **state)
{
	(void)state;
	assert_int_equal(stack_guard_probe_fault(&guards, (uintptr_t)mem[1]), 0);
}

static void selftest_overflow_stops_at_the_guard_page(void **state)
{
	uint8_t zero[256] = {0};

	(void)state;
	if (setjmp(panic_jmp))
		fail_msg("panicked: %s", panic_msg);
	stack_guard_selftest(&guards, 2, mem[2] + sizeof(mem[2]), "the stack below");
	assert_non_null(strstr(info_msg, "an overflow of fake 2 stack stopped at its guard page"));
	assert_non_null(strstr(info_msg, "the stack below intact"));
	/* The pattern it planted at the top of the stack below is gone again. */
	assert_memory_equal(mem[2] - 256, zero, sizeof(zero));
	/* Disarmed: a later fault in a guard page is a real one. */
	assert_int_equal(stack_guard_probe_fault(&guards, (uintptr_t)mem[2]), 0);
}

static void selftest_panics_without_the_guard_page(void **state)
{
	(void)state;
	guard_mapped[2] = 1;
	if (!setjmp(panic_jmp)) {
		stack_guard_selftest(&guards, 2, mem[2] + sizeof(mem[2]), "fake 1 stack");
		fail_msg("an overflow through a mapped guard page passed the self-test");
	}
	assert_non_null(
	    strstr(panic_msg, "an overflow of fake 2 stack ran through its guard page"));
	assert_non_null(strstr(panic_msg, "into fake 1 stack"));
	assert_int_equal(stack_guard_probe_fault(&guards, (uintptr_t)mem[1]), 0);
}

static void selftest_panics_when_another_guard_page_stops_it(void **state)
{
	(void)state;
	/* Told the wrong top (in the stack above): the overflow faults on that stack's guard. */
	if (!setjmp(panic_jmp)) {
		stack_guard_selftest(&guards, 1, mem[2] + sizeof(mem[2]), "fake 0 stack");
		fail_msg("a fault in another stack's guard page passed the self-test");
	}
	assert_non_null(strstr(panic_msg, "the overflow of fake 1 stack was not stopped at its "
					  "guard page"));
	assert_non_null(strstr(panic_msg, "fake 2 stack)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(regions_unmap_every_guard_page, setup),
	    cmocka_unit_test_setup(check_passes_with_every_guard_unmapped, setup),
	    cmocka_unit_test_setup(check_names_a_mapped_guard_page, setup),
	    cmocka_unit_test_setup(check_names_a_read_only_stack, setup),
	    cmocka_unit_test_setup(name_covers_exactly_the_guard_page, setup),
	    cmocka_unit_test_setup(a_fault_outside_the_self_test_does_not_resume, setup),
	    cmocka_unit_test_setup(selftest_overflow_stops_at_the_guard_page, setup),
	    cmocka_unit_test_setup(selftest_panics_without_the_guard_page, setup),
	    cmocka_unit_test_setup(selftest_panics_when_another_guard_page_stops_it, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
