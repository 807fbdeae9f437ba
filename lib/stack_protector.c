// SPDX-License-Identifier: BSD-2-Clause
/*
 * The stack protector's runtime for every firmware image built with -fstack-protector-strong
 * (and Debian's libfdt.a, built so too): the canary, set per boot by stack_guard_init, and the
 * check's failure path. A smashed stack in firmware is fatal: report it and stop.
 */
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <stack_guard.h>
#include <stdint.h>

#define ID_AA64ISAR0_RNDR_SHIFT 60
/* RNDR by encoding (Arm ARM C5.2.14): the assembler targets Armv8.0. */
#define RNDR S3_3_C2_C4_0

/*
 * In .bss: every image sets it after zeroing its .bss, and no image writes its .data before its
 * own page tables are on (the boot stage hands the monitor over read-only, boot/main.c).
 */
uintptr_t __stack_chk_guard;
enum stack_guard_source stack_guard_source;

/* RNDR reports a failed read with PSTATE.Z = 1 and a zero result (C5.2.14): retry a few times. */
__attribute__((no_stack_protector)) int cpu_rndr(uint64_t *out)
{
	if (!((read_sysreg(id_aa64isar0_el1) >> ID_AA64ISAR0_RNDR_SHIFT) & 0xf))
		return 0;
	for (int i = 0; i < 16; i++) {
		uint64_t v, ok;

		__asm__ volatile("mrs %0, " __stringify(RNDR) "\n\tcset %1, ne"
				 : "=r"(v), "=r"(ok)
				 :
				 : "cc");
		if (ok && (v & ~0xffULL)) {
			*out = v;
			return 1;
		}
	}
	return 0;
}

__attribute__((no_stack_protector)) enum stack_guard_source stack_guard_init(uint64_t handed)
{
	enum stack_guard_source src = STACK_GUARD_FROM_SEED;
	uint64_t v = handed;

	if (cpu_rndr(&v))
		src = STACK_GUARD_FROM_RNDR;
	else if (!(handed & ~0xffULL)) {
		/* No RNDR and nothing handed: the counter, so at least never one constant. */
		v = read_sysreg(cntpct_el0) * 0x9e3779b97f4a7c15ULL;
		v ^= read_sysreg(mpidr_el1) << 17;
		src = STACK_GUARD_FROM_COUNTER;
	}
	/* Lowest byte zero: a runaway string copy stops at the canary. */
	__stack_chk_guard = v & ~0xffULL;
	stack_guard_source = src;
	/*
	 * Push the value to memory and drop any stale cached copy: the image may run with its MMU
	 * off here and read the canary through the cache later, and CPUs with the MMU off (the
	 * boot stage's holding pen) read memory directly.
	 */
	__asm__ volatile("dc civac, %0\n\tdsb sy" : : "r"(&__stack_chk_guard) : "memory");
	return src;
}

const char *stack_guard_source_name(enum stack_guard_source s)
{
	switch (s) {
	case STACK_GUARD_FROM_RNDR:
		return "the CPU's RNDR";
	case STACK_GUARD_FROM_SEED:
		return "the board's secret seed";
	default:
		return "the system counter (no RNDR, no seed: weak)";
	}
}

void __stack_chk_fail(void)
{
	panic("stack smashing detected");
}
