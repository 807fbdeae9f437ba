// SPDX-License-Identifier: BSD-2-Clause
/*
 * The VM management handler (hyp/vmctl.c) on three fake VMs, vm0 the control VM: refusals by
 * name, the general queries of the service range (SMCCC DEN 0028 7.x), names that are not
 * NUL-terminated, console data in registers, the console ring, and the register page decoder
 * against every offset and size a guest can produce.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "vmctl.h"

struct fake {
	unsigned int state[3];
	int acts; /* ops->act calls that changed a state */
	enum vmctl_op last_op;
	unsigned int last_vm;
	uint8_t written[64]; /* bytes con_write got */
	unsigned int written_len;
	unsigned int room; /* how many bytes con_write takes */
	struct vmctl_ring ring;
};

static const char *const names[] = {"vm0", "vm1", "a-long-name-15c"};

static unsigned int f_count(void *ctx)
{
	(void)ctx;
	return 3;
}

static const char *f_name(void *ctx, unsigned int i)
{
	(void)ctx;
	assert_true(i < 3);
	return names[i];
}

static void f_info(void *ctx, unsigned int i, uint64_t *flags, uint64_t *mem, uint64_t *us)
{
	struct fake *f = ctx;

	assert_true(i < 3);
	*flags = f->state[i] | 2U << 8 | (i == 0 ? VMCTL_INFO_CONTROL : 0) | 5UL << 32;
	*mem = (uint64_t)(i + 1) << 29;
	*us = 1234567;
}

static int f_act(void *ctx, unsigned int i, enum vmctl_op op)
{
	struct fake *f = ctx;
	int r = vmctl_transition(op, f->state[i]);

	assert_true(i < 3);
	if (r == VMCTL_OK) {
		f->acts++;
		f->last_op = op;
		f->last_vm = i;
		f->state[i] = op == VMCTL_OP_STOP || op == VMCTL_OP_DESTROY ? VMCTL_STATE_OFF
									    : VMCTL_STATE_RUNNING;
	}
	return r;
}

static unsigned int f_con_read(void *ctx, unsigned int i, uint64_t pos, uint8_t *out,
			       unsigned int max, uint64_t *next)
{
	struct fake *f = ctx;

	assert_true(i < 3);
	return vmctl_ring_read(&f->ring, pos, out, max, next);
}

static unsigned int f_con_write(void *ctx, unsigned int i, const uint8_t *in, unsigned int n)
{
	struct fake *f = ctx;

	assert_true(i < 3);
	assert_true(n >= 1 && n <= VMCTL_DATA_BYTES);
	if (n > f->room)
		n = f->room;
	memcpy(f->written + f->written_len, in, n);
	f->written_len += n;
	return n;
}

static const struct vmctl_ops ops = {f_count, f_name, f_info, f_act, f_con_read, f_con_write};

static struct fake fake;

static int setup(void **state)
{
	(void)state;
	memset(&fake, 0, sizeof(fake));
	fake.room = 64;
	return 0;
}

/* A call from vm0 (the control VM) unless said otherwise; returns x[0] as signed. */
static int64_t call_as(unsigned int caller, int control, uint64_t x[8])
{
	assert_int_equal(vmctl_call(&ops, &fake, caller, control, x), 1);
	return (int64_t)x[0];
}

static int64_t named(uint32_t fid, const char *name, uint64_t x[8])
{
	memset(x, 0, 8 * sizeof(*x));
	x[0] = fid;
	vmctl_name_pack(name, &x[1], &x[2]);
	return call_as(0, 1, x);
}

static void not_control_gets_not_supported(void **state)
{
	static const uint32_t fids[] = {VMCTL_VM_NAME,	VMCTL_VM_INFO,	 VMCTL_START,
					VMCTL_STOP,	VMCTL_DESTROY,	 VMCTL_RESTART,
					VMCTL_CON_READ, VMCTL_CON_WRITE, VMCTL_CALL_COUNT,
					VMCTL_CALL_UID, VMCTL_REVISION,	 0xC600FFFF};

	(void)state;
	fake.state[0] = VMCTL_STATE_RUNNING;
	for (size_t i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint64_t x[8] = {fids[i]};

		vmctl_name_pack("vm0", &x[1], &x[2]);
		assert_int_equal(call_as(1, 0, x), VMCTL_NOT_SUPPORTED);
	}
	assert_int_equal(fake.acts, 0);
}

static void outside_the_range_is_not_ours(void **state)
{
	static const uint32_t fids[] = {0x84000000, 0xC4000003, 0x80000000, 0xC5000000,
					0xC7000000, 0x06000000, 0x46000000};

	(void)state;
	for (size_t i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint64_t x[8] = {fids[i], 1, 2, 3};

		assert_int_equal(vmctl_call(&ops, &fake, 0, 1, x), 0);
		assert_int_equal(x[0], fids[i]); /* untouched */
		assert_int_equal(x[1], 1);
	}
}

static void general_queries(void **state)
{
	uint64_t x[8] = {VMCTL_CALL_COUNT};

	(void)state;
	assert_int_equal(call_as(0, 1, x), VMCTL_FN_COUNT);
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_CALL_UID;
	call_as(0, 1, x);
	assert_int_equal(x[0], 0x76c2d439);
	assert_int_equal(x[1], 0x49104af2);
	assert_int_equal(x[2], 0x9feeb783);
	assert_int_equal(x[3], 0x3633d86c);
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_REVISION;
	assert_int_equal(call_as(0, 1, x), VMCTL_REV_MAJOR);
	assert_int_equal(x[1], VMCTL_REV_MINOR);
}

static void unknown_functions(void **state)
{
	/* Past the last function, the SMC32 forms of ours, and the range's other queries. */
	static const uint32_t fids[] = {
	    VMCTL_FN(VMCTL_FN_COUNT), 0xC600FF00, 0xC600FFFF, 0x86000002, 0x8600FF02, 0x8600FFFF};

	(void)state;
	for (size_t i = 0; i < sizeof(fids) / sizeof(fids[0]); i++) {
		uint64_t x[8] = {fids[i]};

		vmctl_name_pack("vm1", &x[1], &x[2]);
		assert_int_equal(call_as(0, 1, x), VMCTL_NOT_SUPPORTED);
	}
	assert_int_equal(fake.acts, 0);
}

static void names_and_indexes(void **state)
{
	uint64_t x[8] = {VMCTL_VM_NAME, 2};
	char name[VMCTL_NAME_BYTES];

	(void)state;
	assert_int_equal(call_as(0, 1, x), VMCTL_OK);
	assert_int_equal(vmctl_name_unpack(x[1], x[2], name), 0);
	assert_string_equal(name, "a-long-name-15c");
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_VM_INFO;
	x[1] = 1;
	fake.state[1] = VMCTL_STATE_OFF;
	assert_int_equal(call_as(0, 1, x), VMCTL_OK);
	assert_int_equal(x[1] & 0xff, VMCTL_STATE_OFF);
	assert_int_equal(x[2], 1UL << 30);
	assert_int_equal(x[3], 1234567);
	/* Index past the last VM, and one that would wrap if truncated to 32 bits. */
	for (uint64_t i = 3; i < 5; i++) {
		uint64_t y[8] = {VMCTL_VM_INFO, i};

		assert_int_equal(call_as(0, 1, y), VMCTL_UNKNOWN_VM);
		y[0] = VMCTL_VM_NAME;
		y[1] = i;
		assert_int_equal(call_as(0, 1, y), VMCTL_UNKNOWN_VM);
	}
	x[0] = VMCTL_VM_NAME;
	x[1] = 1UL << 32;
	assert_int_equal(call_as(0, 1, x), VMCTL_UNKNOWN_VM);
}

static void bad_names_refused(void **state)
{
	uint64_t x[8];

	(void)state;
	fake.state[1] = VMCTL_STATE_RUNNING;
	/* 16 bytes, no NUL. */
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_STOP;
	x[1] = 0x4141414141414141UL;
	x[2] = 0x4141414141414141UL;
	assert_int_equal(call_as(0, 1, x), VMCTL_INVALID);
	/* Empty. */
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_STOP;
	assert_int_equal(call_as(0, 1, x), VMCTL_INVALID);
	/* "vm1", NUL, then more bytes: not vm1. */
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_STOP;
	vmctl_name_pack("vm1", &x[1], &x[2]);
	x[2] = 0x42;
	assert_int_equal(call_as(0, 1, x), VMCTL_INVALID);
	/* 15 characters and the NUL in the last byte: a valid name. */
	assert_int_equal(named(VMCTL_STOP, "a-long-name-15c", x), VMCTL_OK);
	assert_int_equal(fake.last_vm, 2);
	/* Unknown, and a prefix of a known one. */
	assert_int_equal(named(VMCTL_STOP, "vm9", x), VMCTL_UNKNOWN_VM);
	assert_int_equal(named(VMCTL_STOP, "vm", x), VMCTL_UNKNOWN_VM);
	assert_int_equal(named(VMCTL_CON_READ, "nosuch", x), VMCTL_UNKNOWN_VM);
	assert_int_equal(named(VMCTL_CON_WRITE, "nosuch", x), VMCTL_UNKNOWN_VM);
	assert_int_equal(fake.acts, 1);
}

static void lifecycle_refusals(void **state)
{
	uint64_t x[8];

	(void)state;
	fake.state[0] = fake.state[1] = VMCTL_STATE_RUNNING;
	fake.state[2] = VMCTL_STATE_OFF;
	/* The control VM does not stop, destroy or restart itself; starting it: it runs. */
	assert_int_equal(named(VMCTL_STOP, "vm0", x), VMCTL_NOT_ALLOWED);
	assert_int_equal(named(VMCTL_DESTROY, "vm0", x), VMCTL_NOT_ALLOWED);
	assert_int_equal(named(VMCTL_RESTART, "vm0", x), VMCTL_NOT_ALLOWED);
	assert_int_equal(named(VMCTL_START, "vm0", x), VMCTL_ALREADY_RUNNING);
	assert_int_equal(fake.acts, 0);
	assert_int_equal(named(VMCTL_START, "vm1", x), VMCTL_ALREADY_RUNNING);
	assert_int_equal(named(VMCTL_STOP, "a-long-name-15c", x), VMCTL_ALREADY_OFF);
	assert_int_equal(named(VMCTL_DESTROY, "a-long-name-15c", x), VMCTL_ALREADY_OFF);
	assert_int_equal(named(VMCTL_RESTART, "a-long-name-15c", x), VMCTL_ALREADY_OFF);
	assert_int_equal(fake.acts, 0);
	/* Stop, stop again, start, start again. */
	assert_int_equal(named(VMCTL_STOP, "vm1", x), VMCTL_OK);
	assert_int_equal(fake.last_op, VMCTL_OP_STOP);
	assert_int_equal(named(VMCTL_STOP, "vm1", x), VMCTL_ALREADY_OFF);
	assert_int_equal(named(VMCTL_START, "vm1", x), VMCTL_OK);
	assert_int_equal(fake.last_op, VMCTL_OP_START);
	assert_int_equal(named(VMCTL_START, "vm1", x), VMCTL_ALREADY_RUNNING);
	assert_int_equal(named(VMCTL_RESTART, "vm1", x), VMCTL_OK);
	assert_int_equal(fake.last_op, VMCTL_OP_RESTART);
	assert_int_equal(named(VMCTL_DESTROY, "vm1", x), VMCTL_OK);
	assert_int_equal(fake.last_op, VMCTL_OP_DESTROY);
	assert_int_equal(fake.acts, 4);
	/* While a VM is on its way down or back up, everything waits. */
	fake.state[1] = VMCTL_STATE_STOPPING;
	assert_int_equal(named(VMCTL_START, "vm1", x), VMCTL_BUSY);
	assert_int_equal(named(VMCTL_STOP, "vm1", x), VMCTL_BUSY);
	fake.state[1] = VMCTL_STATE_RESTARTING;
	assert_int_equal(named(VMCTL_START, "vm1", x), VMCTL_ALREADY_RUNNING);
	assert_int_equal(named(VMCTL_DESTROY, "vm1", x), VMCTL_BUSY);
	assert_int_equal(named(VMCTL_RESTART, "vm1", x), VMCTL_BUSY);
	assert_int_equal(fake.acts, 4);
	assert_int_equal(vmctl_transition((enum vmctl_op)9, VMCTL_STATE_OFF), VMCTL_INVALID);
}

static void console_write_lengths(void **state)
{
	uint64_t x[8];

	(void)state;
	for (uint64_t n = 0; n < 40; n += 17) { /* 0, 17, 34: refused */
		memset(x, 0, sizeof(x));
		x[0] = VMCTL_CON_WRITE;
		vmctl_name_pack("vm1", &x[1], &x[2]);
		x[3] = n;
		assert_int_equal(call_as(0, 1, x), VMCTL_INVALID);
	}
	x[3] = ~0UL;
	x[0] = VMCTL_CON_WRITE;
	vmctl_name_pack("vm1", &x[1], &x[2]);
	assert_int_equal(call_as(0, 1, x), VMCTL_INVALID);
	assert_int_equal(fake.written_len, 0);
	/* 16 bytes from x4, x5 (byte 0 in bits 0-7); the FIFO taking 10 says 10. */
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_CON_WRITE;
	vmctl_name_pack("vm1", &x[1], &x[2]);
	x[3] = 16;
	memcpy(&x[4], "0123456789abcdef", 16);
	fake.room = 10;
	assert_int_equal(call_as(0, 1, x), 10);
	assert_int_equal(fake.written_len, 10);
	assert_memory_equal(fake.written, "0123456789", 10);
}

static void console_ring_and_read(void **state)
{
	uint64_t x[8], next;
	uint8_t out[VMCTL_DATA_BYTES];

	(void)state;
	for (unsigned int i = 0; i < 5000; i++)
		vmctl_ring_put(&fake.ring, (uint8_t)(i % 251));
	/* Older than kept: from the oldest (5000 - 4096 = 904). */
	assert_int_equal(vmctl_ring_read(&fake.ring, 0, out, 16, &next), 16);
	assert_int_equal(next, 904 + 16);
	assert_int_equal(out[0], 904 % 251);
	/* Past the head (a reboot reset it): from the oldest too. */
	assert_int_equal(vmctl_ring_read(&fake.ring, 99999, out, 16, &next), 16);
	assert_int_equal(next, 920);
	/* The end: nothing, and the position to follow from. */
	assert_int_equal(vmctl_ring_read(&fake.ring, VMCTL_POS_END, out, 16, &next), 0);
	assert_int_equal(next, 5000);
	assert_int_equal(vmctl_ring_read(&fake.ring, 4995, out, 16, &next), 5);
	assert_int_equal(next, 5000);
	assert_int_equal(out[4], 4999 % 251);
	/* Through the call: 16 bytes in x2, x3, the next position in x1. */
	named(VMCTL_CON_READ, "vm1", x);
	memset(x, 0, sizeof(x));
	x[0] = VMCTL_CON_READ;
	vmctl_name_pack("vm1", &x[1], &x[2]);
	x[3] = 4980;
	assert_int_equal(call_as(0, 1, x), 16);
	assert_int_equal(x[1], 4996);
	memcpy(out, &x[2], 8);
	memcpy(out + 8, &x[3], 8);
	for (unsigned int i = 0; i < 16; i++)
		assert_int_equal(out[i], (4980 + i) % 251);
	vmctl_ring_reset(&fake.ring);
	x[0] = VMCTL_CON_READ;
	vmctl_name_pack("vm1", &x[1], &x[2]);
	x[3] = 4996;
	assert_int_equal(call_as(0, 1, x), 0);
	assert_int_equal(x[1], 0);
}

/* The page, with guards around it that no access may touch. */
static struct {
	uint64_t before[8];
	struct vmctl_page page;
	uint64_t after[8];
} g;

static void page_registers(void **state)
{
	uint64_t v;

	(void)state;
	memset(&g, 0, sizeof(g));
	v = 0x1122334455667788UL;
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_X(3), 8, 1, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(g.page.x[3], 0x1122334455667788UL);
	/* 32-bit halves. */
	v = 0xaabbccdd;
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_X(3) + 4, 4, 1, &v),
			 VMCTL_ACCESS_DONE);
	assert_int_equal(g.page.x[3], 0xaabbccdd55667788UL);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_X(3), 4, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, 0x55667788);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_X(3) + 4, 4, 0, &v),
			 VMCTL_ACCESS_DONE);
	assert_int_equal(v, 0xaabbccdd);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_X(7), 8, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, 0);
	/* CALL: a write asks for the call, a read gives 0; the ID is read only. */
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_CALL, 8, 1, &v), VMCTL_ACCESS_CALL);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_CALL + 4, 4, 1, &v),
			 VMCTL_ACCESS_CALL);
	v = 5;
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_CALL, 8, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, 0);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_ID, 4, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, VMCTL_ID);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_ID, 8, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, VMCTL_ID);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_ID + 4, 4, 0, &v), VMCTL_ACCESS_DONE);
	assert_int_equal(v, 0);
	assert_int_equal(vmctl_page_access(&g.page, VMCTL_REG_ID, 4, 1, &v), VMCTL_ACCESS_BAD);
}

static void page_refuses_bad_accesses(void **state)
{
	static const uint64_t far[] = {VMCTL_SIZE, VMCTL_SIZE + 8, 1UL << 32, ~0UL - 7, ~0UL};
	uint64_t v;

	(void)state;
	memset(&g, 0, sizeof(g));
	/* Every offset of the page, every size, both directions: only the registers answer. */
	for (uint64_t off = 0; off < VMCTL_SIZE; off++)
		for (unsigned int size = 1; size <= 8; size *= 2)
			for (int write = 0; write < 2; write++) {
				int r, want_ok = (size == 4 || size == 8) && !(off % size) &&
						 off < VMCTL_REG_END &&
						 !(write && off >= VMCTL_REG_ID);

				v = ~0UL;
				r = vmctl_page_access(&g.page, off, size, write, &v);
				if (!want_ok)
					assert_int_equal(r, VMCTL_ACCESS_BAD);
				else
					assert_int_not_equal(r, VMCTL_ACCESS_BAD);
			}
	for (size_t i = 0; i < sizeof(far) / sizeof(far[0]); i++) {
		v = 1;
		assert_int_equal(vmctl_page_access(&g.page, far[i], 8, 1, &v), VMCTL_ACCESS_BAD);
		assert_int_equal(vmctl_page_access(&g.page, far[i], 4, 0, &v), VMCTL_ACCESS_BAD);
	}
	/* Odd sizes at a register's offset. */
	assert_int_equal(vmctl_page_access(&g.page, 0, 3, 0, &v), VMCTL_ACCESS_BAD);
	assert_int_equal(vmctl_page_access(&g.page, 0, 16, 1, &v), VMCTL_ACCESS_BAD);
	assert_int_equal(vmctl_page_access(&g.page, 0, 0, 1, &v), VMCTL_ACCESS_BAD);
	for (size_t i = 0; i < 8; i++) {
		assert_int_equal(g.before[i], 0);
		assert_int_equal(g.after[i], 0);
	}
}

static void page_call_outside_range(void **state)
{
	struct vmctl_page p = {{0x84000000, 7}};

	(void)state;
	vmctl_page_call(&ops, &fake, 0, &p);
	assert_int_equal((int64_t)p.x[0], VMCTL_NOT_SUPPORTED);
	p.x[0] = VMCTL_CALL_COUNT;
	vmctl_page_call(&ops, &fake, 0, &p);
	assert_int_equal(p.x[0], VMCTL_FN_COUNT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(not_control_gets_not_supported, setup),
	    cmocka_unit_test_setup(outside_the_range_is_not_ours, setup),
	    cmocka_unit_test_setup(general_queries, setup),
	    cmocka_unit_test_setup(unknown_functions, setup),
	    cmocka_unit_test_setup(names_and_indexes, setup),
	    cmocka_unit_test_setup(bad_names_refused, setup),
	    cmocka_unit_test_setup(lifecycle_refusals, setup),
	    cmocka_unit_test_setup(console_write_lengths, setup),
	    cmocka_unit_test_setup(console_ring_and_read, setup),
	    cmocka_unit_test_setup(page_registers, setup),
	    cmocka_unit_test_setup(page_refuses_bad_accesses, setup),
	    cmocka_unit_test_setup(page_call_outside_range, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
