// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz: yielding calls (OP-TEE CALL_WITH_ARG and friends) with hostile messages, registered
 * shared memory with hostile page lists, RPC answers with garbage, and RETURN_FROM_RPC with
 * thread ids that are not the caller's (shared/reference ABI: "Yielding calls", "RPC").
 *
 * Everything the secure world may write lies in this CPU's 1 MiB of scratch RAM:
 *   page 0  the message     page 1  the RPC argument buffer     pages 2-5  page lists
 *   pages 16-191  shared-memory data pages     pages 192-255  a TA file being loaded
 */
#include <rampart/optee_abi.h>

#include "nwfuzz.h"

#define PAGE		4096UL
#define SCRATCH_PER_CPU 0x100000UL
#define MSG_PAGE	0
#define RPC_PAGE	1
#define LIST_PAGE	2
#define DATA_PAGE	16
#define DATA_PAGES	176
#define TA_BUF_PAGE	192
#define TA_BUF_SIZE	(64 * PAGE)
#define MAX_COOKIES	8
#define MAX_SESSIONS	8
#define RPC_BOUND	64 /* RPCs answered for one call before it is left suspended */

/* Pseudo-TAs and the shipped TAs (docs/trusted-os.md), and one nobody has. */
static const uint8_t uuids[][16] = {
    {0x70, 0x11, 0xa6, 0x88, 0xdd, 0xde, 0x40, 0x53, 0xa5, 0xa9, 0x7b, 0x3c, 0x4d, 0xdf, 0x13,
     0xb8},
    {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57, 0x9a, 0x6e, 0x73, 0x74, 0x61, 0x74, 0x73,
     0x00},
    {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57, 0x9a, 0x6e, 0x70, 0x65, 0x65, 0x72, 0x00,
     0x00},
    {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57, 0x9a, 0x6e, 0x72, 0x61, 0x6d, 0x70, 0x61,
     0x72},
    {0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1},
};

/* The TA files nwfuzz serves through LOAD_TA (tests/nwfuzz/tas.S): uuids[2] and uuids[3]. */
extern const uint8_t nwfuzz_ta_test[], nwfuzz_ta_test_end[], nwfuzz_ta_peer[], nwfuzz_ta_peer_end[];

static const struct {
	const uint8_t *uuid, *start, *end;
} ta_files[] = {
    {uuids[3], nwfuzz_ta_test, nwfuzz_ta_test_end},
    {uuids[2], nwfuzz_ta_peer, nwfuzz_ta_peer_end},
};

static const uint32_t logins[] = {0, 1, 2, 4, 5, 6, 0xf0000000U, 0x80000000U, 3, ~0U};

static const uint64_t attrs[] = {
    OPTEE_MSG_ATTR_TYPE_NONE,
    OPTEE_MSG_ATTR_TYPE_VALUE_INPUT,
    OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT,
    OPTEE_MSG_ATTR_TYPE_VALUE_INOUT,
    OPTEE_MSG_ATTR_TYPE_RMEM_INPUT,
    OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT,
    OPTEE_MSG_ATTR_TYPE_RMEM_INOUT,
    OPTEE_MSG_ATTR_TYPE_TMEM_INPUT,
    OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT,
    OPTEE_MSG_ATTR_TYPE_TMEM_INOUT,
    0x101,
    0x20a,
    0x209,
    0x4,
    0x8,
    0xc,
    0x70005,
    0xffffffffffffffffULL,
};

/* What one CPU has registered and opened, so later calls can use (and misuse) it. */
static struct {
	uint64_t cookies[MAX_COOKIES];
	uint32_t sessions[MAX_SESSIONS];
	uint64_t next_cookie;
} own[NWFUZZ_MAX_CPUS];

/* Thread ids seen in RPCs by any CPU: other CPUs resume them, sometimes after they finished. */
static volatile uint64_t seen_threads[16];

static uint64_t scratch(const struct cpu *c, unsigned int page)
{
	return SCRATCH_BASE + c->index * SCRATCH_PER_CPU + page * PAGE;
}

static uint64_t pick(struct cpu *c, const uint64_t *v, size_t n)
{
	return v[rnd(c) % n];
}

static uint64_t any_cookie(struct cpu *c)
{
	unsigned int cpu = (unsigned int)(rnd(c) % NWFUZZ_MAX_CPUS);
	uint64_t r = rnd(c);

	if (r % 4 == 0)
		return rnd_arg(c);
	/* Mostly this CPU's own; sometimes another CPU's, which may be in use right now. */
	return own[r % 3 ? c->index : cpu].cookies[(r >> 8) % MAX_COOKIES];
}

static void set_uuid(volatile struct optee_msg_param *p, const uint8_t *u)
{
	uint64_t a = 0, b = 0;

	for (int i = 0; i < 8; i++) {
		a |= (uint64_t)u[i] << (8 * i);
		b |= (uint64_t)u[8 + i] << (8 * i);
	}
	p->u.value.a = a;
	p->u.value.b = b;
}

/*
 * One parameter. Plausible ones have a valid type and point at this CPU's scratch pages or
 * registrations, so calls get past the parameter checks into sessions, TAs and RPCs; the others
 * may have any attribute and point anywhere.
 */
static void random_param(struct cpu *c, volatile struct optee_msg_param *p, int plausible)
{
	uint64_t r = rnd(c);

	p->attr = pick(c, attrs, plausible ? 10 : sizeof(attrs) / sizeof(attrs[0]));
	switch (p->attr & 0xff) {
	case OPTEE_MSG_ATTR_TYPE_RMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_RMEM_INOUT:
		p->u.rmem.offs = plausible || r & 1 ? rnd(c) % (4 * PAGE) : rnd_arg(c);
		p->u.rmem.size = plausible || r & 2 ? rnd(c) % (4 * PAGE) : rnd_arg(c);
		p->u.rmem.shm_ref = any_cookie(c);
		break;
	case OPTEE_MSG_ATTR_TYPE_TMEM_INPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT:
	case OPTEE_MSG_ATTR_TYPE_TMEM_INOUT:
		p->u.tmem.buf_ptr =
		    plausible || r & 1 ? scratch(c, DATA_PAGE) + (rnd(c) % PAGE) : rnd_addr(c);
		p->u.tmem.size = plausible || r & 2 ? rnd(c) % (2 * PAGE) : rnd_arg(c);
		p->u.tmem.shm_ref = rnd_arg(c);
		break;
	default:
		p->u.value.a = rnd_arg(c);
		p->u.value.b = rnd_arg(c);
		p->u.value.c = rnd_arg(c);
		break;
	}
}

static uint32_t random_count(struct cpu *c, int plausible)
{
	uint64_t r = rnd(c);

	if (plausible)
		return (uint32_t)(r >> 8) % 5;
	return r % 16 ? (uint32_t)(r >> 8) % 9 : (uint32_t)rnd_arg(c);
}

/* A page list (shared/reference ABI, "Dynamic shm"), good or hostile; its address. */
static uint64_t page_list(struct cpu *c, uint64_t *size)
{
	volatile uint64_t *list = (volatile uint64_t *)(uintptr_t)scratch(c, LIST_PAGE);
	uint64_t r = rnd(c), pages = 1 + rnd(c) % 8, offset = rnd(c) % PAGE;

	for (unsigned int i = 0; i < 511; i++)
		list[i] = scratch(c, DATA_PAGE + (unsigned int)((i + r) % DATA_PAGES));
	list[511] = scratch(c, LIST_PAGE + 1);
	*size = pages * PAGE - offset - rnd(c) % 64;
	switch (r % 10) {
	case 0: /* a page in secure RAM */
		list[rnd(c) % pages] = SECURE_RAM_BASE + (rnd(c) % 4096) * PAGE;
		break;
	case 1: /* a chain that loops on itself, and a size that needs it */
		list[511] = scratch(c, LIST_PAGE);
		*size = 600 * PAGE;
		break;
	case 2: /* pages not page aligned, or past RAM */
		list[rnd(c) % pages] = rnd_addr(c);
		break;
	case 3: /* a size beyond any limit, or none */
		*size = r & 0x100 ? rnd_arg(c) : 0;
		break;
	case 4: /* the list itself elsewhere */
		return rnd_addr(c);
	case 5: /* a next-list pointer into secure RAM, with a size that follows it */
		list[511] = TOS_BASE;
		*size = 520 * PAGE;
		break;
	default:
		break;
	}
	return scratch(c, LIST_PAGE) | offset;
}

static void build_message(struct cpu *c, volatile struct optee_msg_arg *m)
{
	/* Weighted to the commands with the most behind them: open (TA loading RPCs), invoke. */
	static const uint8_t cmds[16] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3, 4, 4, 5, 6, 0xff};
	uint64_t r = rnd(c), cmd = cmds[r % 16];
	int plausible = (r & 0x30000) != 0;
	uint32_t n = random_count(c, plausible);

	m->cmd = cmd < 0xff ? (uint32_t)cmd : (uint32_t)rnd_arg(c);
	m->func = (uint32_t)(r & 0x100 ? rnd(c) % 80 : rnd_arg(c)); /* test TA commands: 0-79 */
	m->session =
	    r & 0x200 ? own[c->index].sessions[(r >> 16) % MAX_SESSIONS] : (uint32_t)rnd_arg(c);
	m->cancel_id = (uint32_t)rnd_arg(c);
	m->pad = (uint32_t)rnd(c);
	m->ret = (uint32_t)rnd(c);
	m->ret_origin = (uint32_t)rnd(c);
	for (unsigned int i = 0; i < 8; i++)
		random_param(c, &m->params[i], plausible);

	switch (m->cmd) {
	case OPTEE_MSG_CMD_OPEN_SESSION:
		if (plausible || r & 0x400) {
			for (unsigned int i = 7; i >= 2; i--)
				m->params[i] = m->params[i - 2];
			m->params[0].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
			set_uuid(&m->params[0], uuids[rnd(c) % (sizeof(uuids) / sizeof(uuids[0]))]);
			m->params[1].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
			m->params[1].u.value.c =
			    logins[rnd(c) % (sizeof(logins) / sizeof(logins[0]))];
			n = r & 0x800 ? 6 : n + 2;
		}
		break;
	case OPTEE_MSG_CMD_REGISTER_SHM: {
		uint64_t size, cookie = own[c->index].next_cookie++;

		m->params[0].attr = r & 0x1000 ? 0x20a : pick(c, attrs, 18);
		m->params[0].u.tmem.buf_ptr = page_list(c, &size);
		m->params[0].u.tmem.size = size;
		m->params[0].u.tmem.shm_ref = r & 0x2000 ? cookie : any_cookie(c);
		own[c->index].cookies[cookie % MAX_COOKIES] = m->params[0].u.tmem.shm_ref;
		n = r & 0x4000 ? 1 : n;
		break;
	}
	case OPTEE_MSG_CMD_UNREGISTER_SHM:
		m->params[0].attr = r & 0x1000 ? OPTEE_MSG_ATTR_TYPE_RMEM_INPUT : m->params[0].attr;
		m->params[0].u.rmem.shm_ref = any_cookie(c);
		n = r & 0x4000 ? 1 : n;
		break;
	default:
		break;
	}
	m->num_params = n;
}

static int is_rpc(uint64_t a0)
{
	return ((uint32_t)a0 & 0xffff0000U) == RPC_PREFIX && (uint32_t)a0 <= RPC_CMD + 0x10;
}

static uint64_t uuid_half(const uint8_t *u)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v |= (uint64_t)u[i] << (8 * i);
	return v;
}

/*
 * Answer an RPC command as Linux and tee-supplicant would (shared/reference ABI, "RPC" and
 * "Loading a TA through the supplicant"), so TAs load and run with the messages' parameters.
 */
static void serve_cmd(struct cpu *c, volatile struct optee_msg_arg *arg)
{
	volatile struct optee_msg_param *p = arg->params;
	uint64_t size;

	arg->ret = 0;
	switch (arg->cmd) {
	case 0: /* LOAD_TA: the size first, then the file into the buffer SHM_ALLOC gave */
		for (size_t i = 0; i < sizeof(ta_files) / sizeof(ta_files[0]); i++) {
			if (arg->num_params != 2 || p[0].u.value.a != uuid_half(ta_files[i].uuid) ||
			    p[0].u.value.b != uuid_half(ta_files[i].uuid + 8))
				continue;
			size = (uint64_t)(ta_files[i].end - ta_files[i].start);
			if ((p[1].attr & 0xff) == OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT &&
			    p[1].u.rmem.size >= size && size <= TA_BUF_SIZE) {
				volatile uint8_t *buf =
				    (volatile uint8_t *)(uintptr_t)scratch(c, TA_BUF_PAGE);

				for (uint64_t b = 0; b < size; b++)
					buf[b] = ta_files[i].start[b];
			}
			p[1].u.tmem.size = size;
			return;
		}
		arg->ret = 0xffff0008U; /* TEEC_ERROR_ITEM_NOT_FOUND */
		break;
	case 6: /* SHM_ALLOC: one contiguous buffer */
		if (p[0].u.value.b > TA_BUF_SIZE) {
			arg->ret = 0xffff000cU; /* TEEC_ERROR_OUT_OF_MEMORY */
			break;
		}
		size = p[0].u.value.b;
		p[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
		p[0].u.tmem.buf_ptr = scratch(c, TA_BUF_PAGE);
		p[0].u.tmem.size = size;
		p[0].u.tmem.shm_ref = (uint64_t)(c->index + 1) << 48 | (rnd(c) & 0xffffffffU);
		break;
	case 3: /* GET_TIME */
		p[0].u.value.a = 1;
		p[0].u.value.b = 0;
		break;
	case 5: /* SUSPEND: no time passes */
	case 7: /* SHM_FREE */
		break;
	default:
		arg->ret = 0xffff000aU; /* TEEC_ERROR_NOT_SUPPORTED, as tee-supplicant says */
		break;
	}
}

/* Fill the RPC argument buffer we handed out with an answer: proper, plausible or garbage. */
static void answer_cmd(struct cpu *c)
{
	volatile struct optee_msg_arg *arg;
	uint64_t r = rnd(c), size;

	if (c->rpc_buf != scratch(c, RPC_PAGE))
		return; /* we gave it somewhere we must not write */
	arg = (volatile struct optee_msg_arg *)(uintptr_t)c->rpc_buf;
	if (r & 0x30000) {
		serve_cmd(c, arg);
		return;
	}
	switch (r % 4) {
	case 0: /* the command failed */
		arg->ret = (uint32_t)(r & 0x100 ? 0xffff000aU : rnd(c));
		break;
	case 1: /* success, with what SHM_ALLOC or LOAD_TA would give, pointing anywhere */
		arg->ret = 0;
		arg->params[0].attr = r & 0x200 ? 0x20a : OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
		arg->params[0].u.tmem.buf_ptr =
		    r & 0x200 ? page_list(c, &size)
			      : (r & 0x400 ? rnd_addr(c) : scratch(c, DATA_PAGE));
		arg->params[0].u.tmem.size = r & 0x800 ? arg->params[0].u.value.b : rnd_arg(c);
		arg->params[0].u.tmem.shm_ref = rnd_arg(c);
		arg->params[1].u.tmem.size = rnd(c) % (3 * PAGE);
		break;
	case 2: /* garbage everywhere, the header included */
		arg->cmd = (uint32_t)rnd(c);
		arg->num_params = random_count(c, 0);
		arg->ret = (uint32_t)rnd_arg(c);
		for (unsigned int i = 0; i < 4; i++)
			random_param(c, &arg->params[i], 0);
		break;
	default: /* success, untouched */
		arg->ret = 0;
		break;
	}
}

/* Answer RPCs until the call ends (or the bound leaves it suspended for others to find). */
static void drive(struct cpu *c, uint64_t a[8])
{
	for (unsigned int n = 0; is_rpc(a[0]); n++) {
		uint64_t r = rnd(c), code = (uint32_t)a[0], id = a[3];

		seen_threads[(r >> 4) % 16] = id;
		if (n == RPC_BOUND || r % 64 == 0) {
			c->abandoned++;
			return;
		}
		for (int i = 4; i < 8; i++)
			a[i] = r & 1 ? rnd_arg(c) : 0;
		a[0] = OPTEE_SMC_CALL_RETURN_FROM_RPC;
		if (code == RPC_ALLOC) {
			uint64_t pa = scratch(c, RPC_PAGE), cookie = rnd(c) | 1;

			switch (r % 8) {
			case 0:
				pa = 0;
				break;
			case 1:
				pa = rnd_addr(c);
				break;
			case 2:
				pa += 4; /* unaligned */
				break;
			default:
				break;
			}
			c->rpc_buf = pa;
			a[1] = pa >> 32;
			a[2] = pa & 0xffffffffU;
			a[4] = cookie >> 32;
			a[5] = cookie & 0xffffffffU;
		} else if (code == RPC_CMD) {
			answer_cmd(c);
		} else if (r & 2) {
			a[1] = rnd_arg(c);
			a[2] = rnd_arg(c);
		}
		/* Now and then the wrong thread: the call stays suspended for someone to resume. */
		if (r % 32 == 1)
			a[3] = seen_threads[(r >> 12) % 16];
		call(c, a);
		c->rpcs++;
	}
}

void yield_random(struct cpu *c)
{
	uint64_t r = rnd(c), pa = scratch(c, MSG_PAGE) + ((rnd(c) % 64) * 8);
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)(uintptr_t)pa;
	uint64_t a[8] = {OPTEE_SMC_CALL_WITH_ARG};

	build_message(c, m);
	switch (r % 16) {
	case 0: /* the message elsewhere */
		pa = rnd_addr(c);
		break;
	case 1: /* the other yielding calls, with garbage */
		a[0] = r & 0x100 ? OPTEE_SMC_CALL_WITH_RPC_ARG : OPTEE_SMC_CALL_WITH_REGD_ARG;
		break;
	case 2: /* any yielding function ID of the trusted OS range */
		a[0] = (uint64_t)(50 + (r >> 8) % 14) << 24 | rnd(c) % 0x20;
		break;
	default:
		break;
	}
	a[1] = pa >> 32;
	a[2] = pa & 0xffffffffU;
	a[3] = r & 0x200 ? rnd_arg(c) : 0;
	for (int i = 4; i < 8; i++)
		a[i] = r & 0x400 ? rnd_arg(c) : 0;
	call(c, a);
	c->yielding++;
	drive(c, a);
	if (a[0] == OPTEE_SMC_RETURN_OK && m->cmd == OPTEE_MSG_CMD_OPEN_SESSION && m->ret == 0)
		own[c->index].sessions[m->session % MAX_SESSIONS] = m->session;
}

void resume_random(struct cpu *c)
{
	uint64_t r = rnd(c);
	uint64_t a[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, rnd_arg(c), rnd_arg(c)};

	a[3] = r % 4 ? seen_threads[(r >> 8) % 16] : (r & 0x100 ? rnd(c) % 16 : rnd_arg(c));
	for (int i = 4; i < 8; i++)
		a[i] = rnd_arg(c);
	call(c, a);
	c->resumes++;
	drive(c, a);
}

void yield_rpc_heavy(struct cpu *c)
{
	uint64_t pa = scratch(c, MSG_PAGE);
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)(uintptr_t)pa;
	uint64_t a[8] = {OPTEE_SMC_CALL_WITH_ARG, pa >> 32, pa & 0xffffffffU};

	m->cmd = OPTEE_MSG_CMD_OPEN_SESSION;
	m->num_params = 2;
	m->params[0].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	set_uuid(&m->params[0], uuids[sizeof(uuids) / sizeof(uuids[0]) - 1]);
	m->params[1].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	m->params[1].u.value.c = 0;
	call(c, a);
	c->yielding++;
	drive(c, a);
}

void resume_storm(struct cpu *c)
{
	for (uint64_t id = 0; id < 8; id++) {
		uint64_t a[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, rnd_arg(c), rnd_arg(c), id};

		call(c, a);
		c->resumes++;
		drive(c, a);
	}
}

void yield_cleanup(struct cpu *c)
{
	uint64_t a[8];

	/* Every thread left in an RPC: resumed and driven to its end. */
	for (int round = 0; round < 4; round++) {
		for (uint64_t id = 0; id < 16; id++) {
			a[0] = OPTEE_SMC_CALL_RETURN_FROM_RPC;
			a[1] = a[2] = a[4] = a[5] = a[6] = a[7] = 0;
			a[3] = id;
			call(c, a);
			for (unsigned int n = 0; is_rpc(a[0]) && n < 1000; n++) {
				a[0] = OPTEE_SMC_CALL_RETURN_FROM_RPC; /* a3 keeps the thread */
				a[1] = a[2] = a[4] = a[5] = 0;
				call(c, a);
			}
		}
	}
}
