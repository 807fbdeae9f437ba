// SPDX-License-Identifier: BSD-2-Clause
/* The VM management handler and its register page decoder (see vmctl.h); pure. */
#include "vmctl.h"

#include <string.h>

/*
 * The service's UID (DEN 0028 7.x "Call UID Query": four 32-bit words in w0-w3), a random UUID
 * of our own: 76c2d439-4910-4af2-9fee-b7833633d86c.
 */
static const uint32_t vmctl_uid[4] = {0x76c2d439, 0x49104af2, 0x9feeb783, 0x3633d86c};

void vmctl_ring_reset(struct vmctl_ring *r)
{
	r->head = 0;
}

void vmctl_ring_put(struct vmctl_ring *r, uint8_t c)
{
	r->buf[r->head % VMCTL_RING_SIZE] = c;
	r->head++;
}

unsigned int vmctl_ring_read(const struct vmctl_ring *r, uint64_t pos, uint8_t *out,
			     unsigned int max, uint64_t *next)
{
	uint64_t oldest = r->head > VMCTL_RING_SIZE ? r->head - VMCTL_RING_SIZE : 0;
	unsigned int n = 0;

	if (pos == VMCTL_POS_END)
		pos = r->head;
	else if (pos < oldest || pos > r->head)
		pos = oldest;
	while (n < max && pos < r->head)
		out[n++] = r->buf[pos++ % VMCTL_RING_SIZE];
	*next = pos;
	return n;
}

int vmctl_transition(enum vmctl_op op, unsigned int state)
{
	switch (op) {
	case VMCTL_OP_START:
		if (state == VMCTL_STATE_OFF)
			return VMCTL_OK;
		return state == VMCTL_STATE_STOPPING ? VMCTL_BUSY : VMCTL_ALREADY_RUNNING;
	case VMCTL_OP_STOP:
	case VMCTL_OP_DESTROY:
	case VMCTL_OP_RESTART:
		if (state == VMCTL_STATE_RUNNING)
			return VMCTL_OK;
		return state == VMCTL_STATE_OFF ? VMCTL_ALREADY_OFF : VMCTL_BUSY;
	}
	return VMCTL_INVALID;
}

int vmctl_name_unpack(uint64_t lo, uint64_t hi, char out[VMCTL_NAME_BYTES])
{
	for (unsigned int i = 0; i < 8; i++) {
		out[i] = (char)(lo >> (8 * i));
		out[8 + i] = (char)(hi >> (8 * i));
	}
	const char *end = memchr(out, '\0', VMCTL_NAME_BYTES);

	if (!end || end == out)
		return -1;
	/* Nothing after the NUL: a name is read one way only. */
	for (; end < out + VMCTL_NAME_BYTES; end++)
		if (*end)
			return -1;
	return 0;
}

void vmctl_name_pack(const char *name, uint64_t *lo, uint64_t *hi)
{
	size_t n = strnlen(name, VMCTL_NAME_BYTES - 1);

	*lo = *hi = 0;
	for (size_t i = 0; i < n; i++)
		*(i < 8 ? lo : hi) |= (uint64_t)(uint8_t)name[i] << (8 * (i % 8));
}

static uint64_t bytes_to_reg(const uint8_t *b, unsigned int n)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < n && i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

/* The VM named in x1/x2: its index, or a refusal (negative). */
static int find_vm(const struct vmctl_ops *ops, void *ctx, const uint64_t *x)
{
	char name[VMCTL_NAME_BYTES];
	unsigned int n = ops->count(ctx);

	if (vmctl_name_unpack(x[1], x[2], name))
		return VMCTL_INVALID;
	for (unsigned int i = 0; i < n; i++)
		if (!strcmp(ops->name(ctx, i), name))
			return (int)i;
	return VMCTL_UNKNOWN_VM;
}

static int64_t lifecycle(const struct vmctl_ops *ops, void *ctx, unsigned int caller,
			 enum vmctl_op op, const uint64_t *x)
{
	int vm = find_vm(ops, ctx, x);

	if (vm < 0)
		return vm;
	/* The control VM powers itself off or reboots from inside, as any VM does. */
	if ((unsigned int)vm == caller && op != VMCTL_OP_START)
		return VMCTL_NOT_ALLOWED;
	return ops->act(ctx, (unsigned int)vm, op);
}

static int64_t con_read(const struct vmctl_ops *ops, void *ctx, const uint64_t *x, uint64_t *r)
{
	uint8_t buf[VMCTL_DATA_BYTES];
	uint64_t next;
	unsigned int n;
	int vm = find_vm(ops, ctx, x);

	if (vm < 0)
		return vm;
	n = ops->con_read(ctx, (unsigned int)vm, x[3], buf, VMCTL_DATA_BYTES, &next);
	if (n > VMCTL_DATA_BYTES)
		n = VMCTL_DATA_BYTES;
	r[0] = next;
	r[1] = bytes_to_reg(buf, n);
	r[2] = n > 8 ? bytes_to_reg(buf + 8, n - 8) : 0;
	return n;
}

static int64_t con_write(const struct vmctl_ops *ops, void *ctx, const uint64_t *x)
{
	uint8_t buf[VMCTL_DATA_BYTES];
	int vm = find_vm(ops, ctx, x);

	if (vm < 0)
		return vm;
	if (x[3] == 0 || x[3] > VMCTL_DATA_BYTES)
		return VMCTL_INVALID;
	for (unsigned int i = 0; i < 8; i++) {
		buf[i] = (uint8_t)(x[4] >> (8 * i));
		buf[8 + i] = (uint8_t)(x[5] >> (8 * i));
	}
	return ops->con_write(ctx, (unsigned int)vm, buf, (unsigned int)x[3]);
}

int vmctl_call(const struct vmctl_ops *ops, void *ctx, unsigned int caller, int control,
	       uint64_t x[8])
{
	uint32_t fid = (uint32_t)x[0];
	int64_t ret = VMCTL_NOT_SUPPORTED;
	uint64_t r[3] = {0, 0, 0};
	unsigned int count = ops->count(ctx);

	/* Owning entity 6, fast calls, either calling convention (DEN 0028 2.5). */
	if ((fid & 0xbf000000U) != 0x86000000U)
		return 0;
	if (!control) {
		x[0] = (uint64_t)VMCTL_NOT_SUPPORTED;
		return 1;
	}
	switch (fid) {
	case VMCTL_CALL_COUNT:
		ret = VMCTL_FN_COUNT;
		break;
	case VMCTL_CALL_UID:
		ret = vmctl_uid[0];
		r[0] = vmctl_uid[1];
		r[1] = vmctl_uid[2];
		r[2] = vmctl_uid[3];
		break;
	case VMCTL_REVISION:
		ret = VMCTL_REV_MAJOR;
		r[0] = VMCTL_REV_MINOR;
		break;
	case VMCTL_VM_NAME:
		if (x[1] >= count) {
			ret = VMCTL_UNKNOWN_VM;
			break;
		}
		vmctl_name_pack(ops->name(ctx, (unsigned int)x[1]), &r[0], &r[1]);
		ret = VMCTL_OK;
		break;
	case VMCTL_VM_INFO:
		if (x[1] >= count) {
			ret = VMCTL_UNKNOWN_VM;
			break;
		}
		ops->info(ctx, (unsigned int)x[1], &r[0], &r[1], &r[2]);
		ret = VMCTL_OK;
		break;
	case VMCTL_START:
	case VMCTL_STOP:
	case VMCTL_DESTROY:
	case VMCTL_RESTART:
		ret = lifecycle(ops, ctx, caller, (enum vmctl_op)(fid - VMCTL_START), x);
		break;
	case VMCTL_CON_READ:
		ret = con_read(ops, ctx, x, r);
		break;
	case VMCTL_CON_WRITE:
		ret = con_write(ops, ctx, x);
		break;
	}
	x[0] = (uint64_t)ret;
	x[1] = r[0];
	x[2] = r[1];
	x[3] = r[2];
	return 1;
}

void vmctl_page_call(const struct vmctl_ops *ops, void *ctx, unsigned int caller,
		     struct vmctl_page *p)
{
	if (!vmctl_call(ops, ctx, caller, 1, p->x))
		p->x[0] = (uint64_t)VMCTL_NOT_SUPPORTED;
}

int vmctl_page_access(struct vmctl_page *p, uint64_t off, unsigned int size, int write,
		      uint64_t *val)
{
	unsigned int shift;
	uint64_t mask;

	if ((size != 4 && size != 8) || (off & (size - 1)) || off >= VMCTL_REG_END)
		return VMCTL_ACCESS_BAD;
	shift = 8 * (unsigned int)(off & 4);
	mask = size == 8 ? ~0UL : 0xffffffffUL << shift;
	if (off >= VMCTL_REG_CALL) {
		if (off < VMCTL_REG_CALL + 8) {
			if (!write)
				*val = 0;
			/* Either half of CALL runs the call once. */
			return write ? VMCTL_ACCESS_CALL : VMCTL_ACCESS_DONE;
		}
		if (write)
			return VMCTL_ACCESS_BAD; /* the ID is read only */
		*val = (VMCTL_ID & mask) >> shift;
		return VMCTL_ACCESS_DONE;
	}
	if (write)
		p->x[off / 8] = (p->x[off / 8] & ~mask) | ((*val << shift) & mask);
	else
		*val = (p->x[off / 8] & mask) >> shift;
	return VMCTL_ACCESS_DONE;
}
