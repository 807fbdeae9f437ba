// SPDX-License-Identifier: BSD-2-Clause
/*
 * What a TA asks of the trusted OS (include/rampart/ta_abi.h) and what happens when it faults.
 * Every TA pointer is checked against the calling instance's own mappings, with the access the
 * call needs, before the kernel reads or writes through it.
 */
#include <arch/sysreg.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "cancel.h"
#include "clock.h"
#include "crypto.h"
#include "heap.h"
#include "pages.h"
#include "rpc.h"
#include "socket.h"
#include "supp_plugin.h"
#include "ta.h"
#include "ta_dl.h"
#include "thread.h"

#define ESR_EC(esr) ((esr) >> 26)
#define EC_SVC64 0x15
#define EC_FP_ACCESS 0x07 /* FP/SIMD trapped by CPACR_EL1.FPEN (fpu.c) */
#define LOG_MAX 256
#define TEE_LOGIN_TRUSTED_APP 0xF0000000U
#define TA_MAX_PEER_SESSIONS 8

int ta_copy_from(void *dst, uint64_t va, size_t len)
{
	if (!ta_space_access_ok(&ta_current_call()->inst->space, va, len, TA_MAP_READ))
		return -1;
	memcpy(dst, (const void *)(uintptr_t)va, len);
	return 0;
}

int ta_copy_to(uint64_t va, const void *src, size_t len)
{
	if (!ta_space_access_ok(&ta_current_call()->inst->space, va, len, TA_MAP_READ | TA_MAP_WRITE))
		return -1;
	memcpy((void *)(uintptr_t)va, src, len);
	return 0;
}

void ta_kill_current(const char *why)
{
	struct ta_call *c = ta_current_call();
	char name[37];

	ta_uuid_str(c->inst->uuid, name);
	log_error("TA %s killed: %s", name, why);
	c->inst->dead = 1;
	ta_exit_user(c->exit_sp, TEEC_ERROR_TARGET_DEAD);
}

static uint64_t sys_log(uint64_t va, uint64_t len)
{
	char msg[LOG_MAX + 1];
	char name[37];

	if (len > LOG_MAX)
		len = LOG_MAX;
	if (ta_copy_from(msg, va, len))
		return TEEC_ERROR_ACCESS_DENIED;
	while (len && (msg[len - 1] == '\n' || msg[len - 1] == '\r'))
		len--;
	msg[len] = 0;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)msg[i] < 0x20 || (unsigned char)msg[i] >= 0x7f)
			msg[i] = '?';
	ta_uuid_str(ta_current_call()->inst->uuid, name);
	name[8] = 0; /* the UUID's first group names the TA well enough in a log line */
	log_info("TA %s: %s", name, msg);
	return TEEC_SUCCESS;
}

static uint64_t sys_get_time(uint64_t kind, uint64_t va)
{
	struct ta_time t;

	if (kind == TA_TIME_SYSTEM) {
		uint64_t ms = tee_clock_ms();

		t.seconds = (uint32_t)(ms / 1000);
		t.millis = (uint32_t)(ms % 1000);
	} else if (kind == TA_TIME_REE) {
		uint64_t s, ns;

		if (rpc_ree_time(&s, &ns) != TEEC_SUCCESS)
			return TEEC_ERROR_COMMUNICATION;
		t.seconds = (uint32_t)s;
		t.millis = (uint32_t)(ns / 1000000);
	} else {
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	return ta_copy_to(va, &t, sizeof(t)) ? TEEC_ERROR_ACCESS_DENIED : TEEC_SUCCESS;
}

static uint64_t sys_random(uint64_t va, uint64_t len)
{
	uint8_t buf[256];

	if (!ta_space_access_ok(&ta_current_call()->inst->space, va, len, TA_MAP_READ | TA_MAP_WRITE))
		return TEEC_ERROR_ACCESS_DENIED;
	while (len) {
		size_t n = len < sizeof(buf) ? len : sizeof(buf);

		if (tee_random(buf, n) != TEEC_SUCCESS)
			return TEEC_ERROR_GENERIC;
		memcpy((void *)(uintptr_t)va, buf, n);
		va += n;
		len -= n;
	}
	memset(buf, 0, sizeof(buf));
	return TEEC_SUCCESS;
}

/*
 * The parameter window (TA_PARAM_BASE, one TA_PARAM_SLOT per parameter) holds nothing but the
 * current call's memrefs (ta.c map_memref): a client's shared memory, or the pages a calling TA's
 * buffers were copied to. Whoever made the call can change the first kind while the TA runs.
 */
int ta_va_shared(uint64_t va, uint64_t len)
{
	const uint64_t end = TA_PARAM_BASE + TEE_NUM_PARAMS * TA_PARAM_SLOT;

	if (!len || va >= end)
		return 0;
	return len > end || va + len > TA_PARAM_BASE;
}

/* Whether every page of [va, va + len) is mapped from normal-world memory (ns 1) or none is. */
static int all_pages_ns(const struct ta_space *s, uint64_t va, uint64_t len, int ns)
{
	for (uint64_t a = va & ~(PAGE_SIZE - 1); a < va + len; a += PAGE_SIZE) {
		unsigned int have = 0;

		if (!ta_space_lookup(s, a, &have) || !(have & TA_MAP_NS) != !ns)
			return 0;
	}
	return 1;
}

/*
 * TEE_CheckMemoryAccessRights (GP 4.11.1): mapped with those rights, and not shared unless asked.
 * OP-TEE's TEE_MEMORY_ACCESS_SECURE asks that no page be normal-world memory (nothing the normal
 * world can read or change, as a client's shared buffer is), _NONSECURE that all be; both at
 * once can never hold.
 */
static uint64_t sys_check_access(uint64_t flags, uint64_t va, uint64_t len)
{
	unsigned int prot = (flags & TA_ACCESS_WRITE ? TA_MAP_WRITE : 0) | TA_MAP_READ;
	const struct ta_space *s = &ta_current_call()->inst->space;

	if ((flags & TA_ACCESS_SECURE) && (flags & TA_ACCESS_NONSECURE))
		return TEEC_ERROR_ACCESS_DENIED;
	if (!ta_space_access_ok(s, va, len, prot))
		return TEEC_ERROR_ACCESS_DENIED;
	if ((flags & (TA_ACCESS_SECURE | TA_ACCESS_NONSECURE)) &&
	    !all_pages_ns(s, va, len, !!(flags & TA_ACCESS_NONSECURE)))
		return TEEC_ERROR_ACCESS_DENIED;
	/* Client memory (the call's memrefs) passes only with ANY_OWNER. */
	if (!(flags & TA_ACCESS_ANY_OWNER) && ta_va_shared(va, len))
		return TEEC_ERROR_ACCESS_DENIED;
	return TEEC_SUCCESS;
}

/* TA-to-TA calls: the caller's memrefs are copied into fresh pages that the callee maps. */
struct peer_params {
	struct tee_param p[TEE_NUM_PARAMS];
	struct shm *bounce[TEE_NUM_PARAMS];
	struct ta_entry_args args;
};

static void free_bounce(struct peer_params *pp)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		struct shm *b = pp->bounce[i];

		if (!b)
			continue;
		for (uint32_t k = 0; k < b->npages; k++)
			if (b->pages[k])
				page_free(b->pages[k]);
		kfree(b);
		pp->bounce[i] = NULL;
	}
}

static uint32_t peer_params_in(struct peer_params *pp, uint64_t args_va)
{
	memset(pp, 0, sizeof(*pp));
	if (ta_copy_from(&pp->args, args_va, sizeof(pp->args)))
		return TEEC_ERROR_ACCESS_DENIED;
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t type = TA_PARAM_TYPE_GET(pp->args.param_types, i);
		uint64_t buf = pp->args.params[i].a, size = pp->args.params[i].b;
		struct tee_param *p = &pp->p[i];
		struct shm *b;

		p->type = type;
		switch (type) {
		case TEE_PARAM_TYPE_NONE:
			break;
		case TEE_PARAM_TYPE_VALUE_INPUT:
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			p->u.value.a = (uint32_t)pp->args.params[i].a;
			p->u.value.b = (uint32_t)pp->args.params[i].b;
			break;
		case TEE_PARAM_TYPE_MEMREF_INPUT:
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			p->u.memref.size = size;
			if (!buf)
				break; /* a null memref */
			if (size > SHM_MAX_PAGES * PAGE_SIZE)
				return TEEC_ERROR_OUT_OF_MEMORY;
			if (!ta_space_access_ok(&ta_current_call()->inst->space, buf, size,
						TA_MAP_READ | (type == TEE_PARAM_TYPE_MEMREF_INPUT ?
								       0 :
								       TA_MAP_WRITE)))
				return TEEC_ERROR_ACCESS_DENIED;
			b = kcalloc(1, sizeof(*b));
			if (!b)
				return TEEC_ERROR_OUT_OF_MEMORY;
			pp->bounce[i] = b;
			b->secure = 1;
			b->size = size ? size : 1;
			b->npages = (uint32_t)((b->size + PAGE_SIZE - 1) / PAGE_SIZE);
			for (uint32_t k = 0; k < b->npages; k++)
				if (!(b->pages[k] = page_alloc()))
					return TEEC_ERROR_OUT_OF_MEMORY;
			p->u.memref.shm = b;
			if (type != TEE_PARAM_TYPE_MEMREF_OUTPUT &&
			    memref_write(&p->u.memref, 0, (const void *)(uintptr_t)buf, size))
				return TEEC_ERROR_BAD_PARAMETERS;
			break;
		default:
			return TEEC_ERROR_BAD_PARAMETERS;
		}
	}
	return TEEC_SUCCESS;
}

/* Outputs back to the caller TA: values, memref sizes and the bytes that fit its buffers. */
static uint32_t peer_params_out(struct peer_params *pp, uint64_t args_va)
{
	for (int i = 0; i < TEE_NUM_PARAMS; i++) {
		const struct tee_param *p = &pp->p[i];
		uint64_t buf = pp->args.params[i].a, room = pp->args.params[i].b;

		switch (p->type) {
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			pp->args.params[i].a = p->u.value.a;
			pp->args.params[i].b = p->u.value.b;
			break;
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			if (buf && p->u.memref.shm &&
			    memref_read(&p->u.memref, 0, (void *)(uintptr_t)buf,
					p->u.memref.size < room ? p->u.memref.size : room))
				return TEEC_ERROR_BAD_PARAMETERS;
			pp->args.params[i].b = p->u.memref.size;
			break;
		default:
			break;
		}
	}
	return ta_copy_to(args_va, &pp->args, sizeof(pp->args)) ? TEEC_ERROR_ACCESS_DENIED :
								   TEEC_SUCCESS;
}

static struct ta_session **peer_slot(uint64_t handle)
{
	struct ta_instance *inst = ta_current_call()->inst;

	if (handle < 1 || handle > TA_MAX_PEER_SESSIONS || !inst->peer[handle - 1])
		return NULL;
	return &inst->peer[handle - 1];
}

static uint64_t sys_open_ta_session(uint64_t uuid_va, uint64_t args_va, uint64_t session_va,
				    uint64_t origin_va, uint64_t cancel_timeout)
{
	struct ta_call *c = ta_current_call();
	struct ta_client_identity me = {.login = TEE_LOGIN_TRUSTED_APP};
	uint32_t ret, origin = TEEC_ORIGIN_TEE, handle = 0;
	struct peer_params *pp;
	struct ta_session *sess;
	uint8_t uuid[16];
	int slot = -1;

	memcpy(me.uuid, c->inst->uuid, 16);
	for (int i = 0; i < TA_MAX_PEER_SESSIONS && slot < 0; i++)
		if (!c->inst->peer[i])
			slot = i;
	pp = kmalloc(sizeof(*pp));
	if (!pp)
		return TEEC_ERROR_OUT_OF_MEMORY;
	if (ta_copy_from(uuid, uuid_va, 16))
		ret = TEEC_ERROR_ACCESS_DENIED;
	else if (slot < 0)
		ret = TEEC_ERROR_BUSY;
	else
		ret = peer_params_in(pp, args_va);
	if (ret == TEEC_SUCCESS) {
		ret = pta_find(uuid) ? TEEC_ERROR_NOT_SUPPORTED :
				       ta_open_session(uuid, &me, pp->p,
						       cancel_deadline((uint32_t)cancel_timeout),
						       &sess, &origin);
		if (ret == TEEC_SUCCESS) {
			c->inst->peer[slot] = sess;
			handle = (uint32_t)slot + 1;
		}
		if (peer_params_out(pp, args_va) != TEEC_SUCCESS && ret == TEEC_SUCCESS)
			ret = TEEC_ERROR_ACCESS_DENIED;
	}
	free_bounce(pp);
	kfree(pp);
	if (ta_copy_to(session_va, &handle, sizeof(handle)) ||
	    (origin_va && ta_copy_to(origin_va, &origin, sizeof(origin))))
		return TEEC_ERROR_ACCESS_DENIED;
	return ret;
}

static uint64_t sys_invoke_ta(uint64_t handle, uint64_t cmd, uint64_t args_va, uint64_t origin_va,
			      uint64_t cancel_timeout)
{
	struct ta_session **slot = peer_slot(handle);
	uint32_t ret, origin = TEEC_ORIGIN_TEE;
	struct peer_params *pp;

	if (!slot)
		ta_kill_current("invoked a TA session handle it does not hold"); /* GP: panic */
	pp = kmalloc(sizeof(*pp));
	if (!pp)
		return TEEC_ERROR_OUT_OF_MEMORY;
	ret = peer_params_in(pp, args_va);
	if (ret == TEEC_SUCCESS) {
		ret = ta_invoke(*slot, (uint32_t)cmd, pp->p, cancel_deadline((uint32_t)cancel_timeout),
				&origin);
		if (peer_params_out(pp, args_va) != TEEC_SUCCESS && ret == TEEC_SUCCESS)
			ret = TEEC_ERROR_ACCESS_DENIED;
	}
	free_bounce(pp);
	kfree(pp);
	if (origin_va && ta_copy_to(origin_va, &origin, sizeof(origin)))
		return TEEC_ERROR_ACCESS_DENIED;
	return ret;
}

static uint64_t sys_close_ta_session(uint64_t handle)
{
	struct ta_session **slot = peer_slot(handle);
	struct ta_session *sess;

	if (!slot)
		ta_kill_current("closed a TA session handle it does not hold");
	sess = *slot;
	*slot = NULL;
	ta_close_session(sess);
	return TEEC_SUCCESS;
}

static uint64_t sys_get_client(uint64_t va)
{
	struct ta_session *s = ta_current_call()->sess;
	struct ta_client_identity none = {0};

	return ta_copy_to(va, s ? &s->client : &none, sizeof(none)) ? TEEC_ERROR_ACCESS_DENIED :
								       TEEC_SUCCESS;
}

static uint64_t sys_get_heap(uint64_t base_va, uint64_t size_va)
{
	struct ta_instance *inst = ta_current_call()->inst;

	if (ta_copy_to(base_va, &inst->heap_base, 8) || ta_copy_to(size_va, &inst->heap_size, 8))
		return TEEC_ERROR_ACCESS_DENIED;
	return TEEC_SUCCESS;
}

void ta_syscall(struct user_frame *f)
{
	uint64_t *x = f->x;
	uint64_t ret;

	switch (x[8]) {
	case TA_SYS_RETURN:
		ta_exit_user(ta_current_call()->exit_sp, (uint32_t)x[0]);
	case TA_SYS_LOG:
		ret = sys_log(x[0], x[1]);
		break;
	case TA_SYS_PANIC: {
		char why[48];

		snprintf(why, sizeof(why), "TEE_Panic(%#x)", (uint32_t)x[0]);
		ta_kill_current(why);
	}
	case TA_SYS_GET_TIME:
		ret = sys_get_time(x[0], x[1]);
		break;
	case TA_SYS_WAIT:
		ret = cancel_wait(x[0]);
		break;
	case TA_SYS_RANDOM:
		ret = sys_random(x[0], x[1]);
		break;
	case TA_SYS_CHECK_ACCESS:
		ret = sys_check_access(x[0], x[1], x[2]);
		break;
	case TA_SYS_OPEN_TA_SESSION:
		ret = sys_open_ta_session(x[0], x[1], x[2], x[3], x[4]);
		break;
	case TA_SYS_INVOKE_TA:
		ret = sys_invoke_ta(x[0], x[1], x[2], x[3], x[4]);
		break;
	case TA_SYS_CLOSE_TA_SESSION:
		ret = sys_close_ta_session(x[0]);
		break;
	case TA_SYS_GET_CANCEL:
		ret = (uint64_t)cancel_pending();
		break;
	case TA_SYS_MASK_CANCEL:
		ret = cancel_set_mask(x[0] != 0);
		break;
	case TA_SYS_GET_CLIENT:
		ret = sys_get_client(x[0]);
		break;
	case TA_SYS_GET_HEAP:
		ret = sys_get_heap(x[0], x[1]);
		break;
	default:
		if (x[8] >= TA_SYS_OBJ_ALLOC && x[8] <= TA_SYS_OP_DERIVE)
			ret = ta_syscall_crypto(x[8], x);
		else if (x[8] >= TA_SYS_STORAGE_FIRST && x[8] <= TA_SYS_STORAGE_LAST)
			ret = ta_syscall_storage(x[8], x);
		else if (x[8] >= TA_SYS_SOCKET_OPEN && x[8] <= TA_SYS_SOCKET_IOCTL)
			ret = ta_syscall_socket(x[8], x);
		else if (x[8] == TA_SYS_SUPP_PLUGIN)
			ret = ta_syscall_supp_plugin(x);
		else if (x[8] >= TA_SYS_DL_INFO && x[8] <= TA_SYS_DLSYM)
			ret = ta_syscall_dl(x[8], x);
		else
			ret = TEEC_ERROR_NOT_SUPPORTED;
		break;
	}
	x[0] = ret;
}

void ta_user_sync(struct user_frame *f)
{
	uint64_t esr = read_sysreg(esr_el1), far = read_sysreg(far_el1);
	char why[96];

	if (ESR_EC(esr) == EC_SVC64) {
		ta_syscall(f);
		return;
	}
	if (ESR_EC(esr) == EC_FP_ACCESS) {
		fpu_claim(thread_current(), &ta_current_call()->inst->fp);
		return;
	}
	snprintf(why, sizeof(why), "exception class %#lx at %#lx (address %#lx)", ESR_EC(esr),
		 f->elr, far);
	ta_kill_current(why);
}

/* A normal-world interrupt stopped the TA: let Linux take it, then go on (optee-smc-abi.md RPC). */
void thread_foreign_interrupt(void)
{
	rpc_foreign_interrupt();
}
