// SPDX-License-Identifier: BSD-2-Clause
/*
 * What one TA may leave for another: the software thread ID registers (Arm ARM D19.2
 * TPIDR_EL0, TPIDRRO_EL0), which EL0 reads and (TPIDR_EL0) writes without the kernel. The
 * trusted OS must start every entry with both zero and keep a TA's own value across whatever
 * runs while it waits. libutee's entry points TPIDR_EL0 at the TA's TLS block before any C code
 * runs (entry.S), keeping the value the trusted OS gave in __utee_entry_tpidr_el0.
 */
#include <rampart_test_ta.h>

#include "test_ta.h"

extern uint64_t __utee_entry_tpidr_el0;

static uint64_t read_tpidr(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
	return v;
}

static uint64_t read_tpidrro(void)
{
	uint64_t v;

	__asm__ volatile("mrs %0, tpidrro_el0" : "=r"(v));
	return v;
}

static void write_tpidr(uint64_t v)
{
	__asm__ volatile("msr tpidr_el0, %0" : : "r"(v));
}

static uint64_t value_of(const TEE_Param *p)
{
	return (uint64_t)p->value.a << 32 | p->value.b;
}

static void set_value(TEE_Param *p, uint64_t v)
{
	p->value.a = v >> 32;
	p->value.b = (uint32_t)v;
}

TEE_Result test_tpidr_swap(uint32_t types, TEE_Param p[4])
{
	/* As the entry found them: nothing of this entry touched TPIDRRO_EL0 yet. */
	uint64_t found = __utee_entry_tpidr_el0, found_ro = read_tpidrro();

	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	write_tpidr(value_of(&p[0]));
	set_value(&p[1], found);
	set_value(&p[2], found_ro);
	return TEE_SUCCESS;
}

TEE_Result test_tpidr_nested(uint32_t types, TEE_Param p[4])
{
	const TEE_UUID self = TA_RAMPART_TEST_UUID;
	uint64_t mine = value_of(&p[0]);
	TEE_TASessionHandle session;
	TEE_Param q[4] = {0};
	uint32_t origin;
	TEE_Result res;

	if (types != PT(VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	write_tpidr(mine);
	/* A multi-instance TA: this opens a second instance of it. */
	res = TEE_OpenTASession(&self, TEE_TIMEOUT_INFINITE, PT(NONE, NONE, NONE, NONE), NULL,
				&session, &origin);
	if (res != TEE_SUCCESS) {
		EMSG("opening a second instance: 0x%x (origin %u)", res, origin);
		return res;
	}
	set_value(&q[0], ~mine);
	res = TEE_InvokeTACommand(session, TEE_TIMEOUT_INFINITE, TEST_CMD_TPIDR_SWAP,
				  PT(VALUE_INPUT, VALUE_OUTPUT, VALUE_OUTPUT, NONE), q, &origin);
	TEE_CloseTASession(session);
	if (res != TEE_SUCCESS) {
		EMSG("TPIDR_SWAP in the second instance: 0x%x (origin %u)", res, origin);
		return res;
	}
	p[1].value.a = q[1].value.a;
	p[1].value.b = q[1].value.b;
	set_value(&p[2], read_tpidr());
	return TEE_SUCCESS;
}

TEE_Result test_tpidr_wait(uint32_t types, TEE_Param p[4])
{
	TEE_Result res;

	if (types != PT(VALUE_INPUT, VALUE_INPUT, VALUE_OUTPUT, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	write_tpidr(value_of(&p[0]));
	res = TEE_Wait(p[1].value.a);
	set_value(&p[2], read_tpidr());
	return res;
}
