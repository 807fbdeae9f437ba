// SPDX-License-Identifier: BSD-2-Clause
/*
 * TA instances and their entry points (GP TEE Internal Core API 2.1, "Trusted Application
 * interface"; 4.5 for the instance and session rules). One entry runs in an instance at a time;
 * a thread that finds the instance busy sleeps in Linux (RPC SUSPEND) and tries again, so a
 * caller suspended in an RPC never blocks a CPU.
 */
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "cancel.h"
#include "crypto_obj.h"
#include "guest.h"
#include "heap.h"
#include "pages.h"
#include "rpc.h"
#include "socket.h"
#include "ta.h"
#include "thread.h"

static struct ta_instance *instances; /* live ones; a dead instance leaves the list */
static uint32_t instance_count;
static struct spinlock ta_lock;

void ta_uuid_str(const uint8_t u[16], char out[37])
{
	snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
}

struct ta_call *ta_current_call(void)
{
	struct thread *t = thread_current();

	return t ? t->call : NULL;
}

uint32_t ta_live_instances(void)
{
	return instance_count;
}

uint32_t ta_live_instances_of(uint64_t client)
{
	uint32_t n = 0;

	spin_lock(&ta_lock);
	for (struct ta_instance *i = instances; i; i = i->next)
		n += i->guest == client;
	spin_unlock(&ta_lock);
	return n;
}

/*
 * Publish an instance (ta_lock held): opens can find it from now on. The list holds a reference
 * of its own, so a keep-alive instance outlives its last session.
 */
static void list_add(struct ta_instance *inst)
{
	inst->next = instances;
	instances = inst;
	inst->listed = 1;
	inst->refs++;
	instance_count++;
}

/*
 * Unpublish (ta_lock held): no open finds it after this. The list's reference goes; it is never
 * the last, as whoever unpublishes holds one too.
 */
static void list_remove(struct ta_instance *inst)
{
	if (!inst->listed)
		return;
	for (struct ta_instance **l = &instances; *l; l = &(*l)->next) {
		if (*l == inst) {
			*l = inst->next;
			inst->listed = 0;
			inst->refs--;
			instance_count--;
			return;
		}
	}
}

/* Drop a reference; the last one frees the instance (its address space, its TA sessions). */
static void instance_put(struct ta_instance *inst)
{
	int last;

	spin_lock(&ta_lock);
	last = --inst->refs == 0;
	spin_unlock(&ta_lock);
	if (last)
		ta_instance_free(inst);
}

/* Wait until no entry runs in the instance; TEEC_ERROR_BUSY if this thread is already in it. */
static uint32_t claim(struct ta_instance *inst)
{
	for (struct ta_call *c = ta_current_call(); c; c = c->prev)
		if (c->inst == inst)
			return TEEC_ERROR_BUSY;
	for (;;) {
		spin_lock(&ta_lock);
		if (!inst->busy) {
			inst->busy = 1;
			spin_unlock(&ta_lock);
			return TEEC_SUCCESS;
		}
		spin_unlock(&ta_lock);
		rpc_sleep(1);
	}
}

static void release(struct ta_instance *inst)
{
	spin_lock(&ta_lock);
	inst->busy = 0;
	spin_unlock(&ta_lock);
}

/* Map a memref's pages at the parameter's slot; the TA address of its first byte in *va. */
static int map_memref(struct ta_instance *inst, unsigned int i, const struct memref *m,
		      unsigned int prot, uint64_t *va)
{
	uint64_t slot = TA_PARAM_BASE + i * TA_PARAM_SLOT;
	uint64_t start, first, last;

	/*
	 * A null memref (no buffer, only a size) reaches the TA as a NULL buffer; a real buffer of
	 * size zero as an address that is not NULL, with nothing mapped behind it. OP-TEE delivers
	 * both that way and TAs tell them apart (xtest 1025, os_test's NULL_MEMREF_PARAMS): with
	 * the MEMREF_NULL capability libteec passes a client's NULL temporary memref as a null
	 * memref, without it as a zero-size buffer it allocates.
	 */
	if (!m->shm && !m->pa) {
		*va = 0;
		return 0;
	}
	if (!m->size) {
		*va = slot;
		return 0;
	}
	start = m->shm ? m->shm->page_offset + m->offs : m->pa & (PAGE_SIZE - 1);
	first = start / PAGE_SIZE;
	last = (start + m->size - 1) / PAGE_SIZE;
	if ((last - first + 1) * PAGE_SIZE > TA_PARAM_SLOT)
		return -1;
	if (!m->shm || !m->shm->secure)
		prot |= TA_MAP_NS;
	inst->mapped_params |= 1U << i;
	for (uint64_t k = first; k <= last; k++) {
		uint64_t pa = m->shm ? m->shm->pages[k] : (m->pa & ~(PAGE_SIZE - 1)) + k * PAGE_SIZE;

		if (ta_space_map(&inst->space, slot + (k - first) * PAGE_SIZE, pa, prot))
			return -1;
	}
	*va = slot + (start & (PAGE_SIZE - 1));
	return 0;
}

/* Remove the memrefs of the call just made; only the slots that were used are walked. */
static void unmap_params(struct ta_instance *inst)
{
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		if (!(inst->mapped_params & (1U << i)) || !inst->space.l1)
			continue;
		ta_space_unmap(&inst->space, TA_PARAM_BASE + i * TA_PARAM_SLOT, TA_PARAM_SLOT);
	}
	inst->mapped_params = 0;
}

static uint32_t pack_params(struct ta_instance *inst, const struct tee_param *p,
			    struct ta_entry_args *args)
{
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t type = p[i].type;
		uint64_t va;

		args->param_types |= type << (i * 4);
		switch (type) {
		case TEE_PARAM_TYPE_VALUE_INPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			args->params[i].a = p[i].u.value.a;
			args->params[i].b = p[i].u.value.b;
			break;
		case TEE_PARAM_TYPE_MEMREF_INPUT:
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			if (map_memref(inst, i, &p[i].u.memref,
				       TA_MAP_READ | (type == TEE_PARAM_TYPE_MEMREF_INPUT ? 0 : TA_MAP_WRITE),
				       &va))
				return TEEC_ERROR_BAD_PARAMETERS;
			args->params[i].a = va;
			args->params[i].b = p[i].u.memref.size;
			break;
		default:
			break;
		}
	}
	return TEEC_SUCCESS;
}

/* Outputs back into p; what the TA wrote is read once and checked. */
static void unpack_params(const volatile struct ta_entry_args *args, struct tee_param *p,
			  uint32_t result)
{
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint64_t size;

		switch (p[i].type) {
		case TEE_PARAM_TYPE_VALUE_OUTPUT:
		case TEE_PARAM_TYPE_VALUE_INOUT:
			/* GP values are 32-bit. */
			p[i].u.value.a = (uint32_t)args->params[i].a;
			p[i].u.value.b = (uint32_t)args->params[i].b;
			break;
		case TEE_PARAM_TYPE_MEMREF_OUTPUT:
		case TEE_PARAM_TYPE_MEMREF_INOUT:
			size = args->params[i].b;
			/* Larger than the buffer only to say how much is needed (SHORT_BUFFER). */
			if (size <= p[i].u.memref.size || result == TEEC_ERROR_SHORT_BUFFER)
				p[i].u.memref.size = size;
			break;
		default:
			break;
		}
	}
}

/* Free the address space of a dead instance at once; the struct stays for its sessions. */
static void bury(struct ta_instance *inst)
{
	spin_lock(&ta_lock);
	list_remove(inst);
	spin_unlock(&ta_lock);
	ta_space_destroy(&inst->space);
	crypto_state_free(inst); /* its keys go with it, not with the last session */
	socket_state_free(inst);
}

static uint32_t call_depth(const struct thread *t)
{
	uint32_t depth = 0;

	for (const struct ta_call *c = t->call; c; c = c->prev)
		depth++;
	return depth;
}

static const char *const entry_names[] = {
	[TA_FUNC_CREATE] = "create",
	[TA_FUNC_OPEN_SESSION] = "open session",
	[TA_FUNC_INVOKE] = "invoke",
	[TA_FUNC_CLOSE_SESSION] = "close session",
	[TA_FUNC_DESTROY] = "destroy",
};

/*
 * Run one entry point of a claimed instance. p may be NULL (create, destroy, close). Returns the
 * TA's result, or TARGET_DEAD (origin TEE) if it died.
 */
static uint32_t run_entry(struct ta_instance *inst, struct ta_session *sess, uint32_t func,
			  uint32_t cmd, struct tee_param *p, uint64_t cancel_at, uint32_t *origin)
{
	struct ta_entry_args *args = (struct ta_entry_args *)inst->args_page;
	struct thread *t = thread_current();
	struct ta_call call = {
		.inst = inst, .sess = sess, .prev = t->call, .cancel_at = cancel_at};
	uint64_t regs[4] = {func, sess ? sess->ctx : 0, TA_ARGS_VA, cmd};
	uint64_t prev_ttbr0 = t->ttbr0;
	uint32_t ret;

	*origin = TEEC_ORIGIN_TEE;
	if (inst->dead)
		return TEEC_ERROR_TARGET_DEAD;
	if (call_depth(t) >= TA_CALL_MAX_DEPTH) {
		char name[37];

		ta_uuid_str(inst->uuid, name);
		log_error("TA %s: %s entry refused: TA-to-TA calls nested deeper than %u", name,
			  func < sizeof(entry_names) / sizeof(entry_names[0]) && entry_names[func]
				  ? entry_names[func]
				  : "unknown",
			  TA_CALL_MAX_DEPTH);
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	memset(args, 0, sizeof(*args));
	if (p && pack_params(inst, p, args) != TEEC_SUCCESS) {
		unmap_params(inst);
		return TEEC_ERROR_BAD_PARAMETERS;
	}
	args->session_ctx = regs[1];
	t->call = &call;
	thread_set_ttbr0(ta_space_ttbr0(&inst->space));
	/* The calling TA's FP/SIMD registers (a TA-to-TA call) stay with it; this one traps for its own. */
	fpu_release(t);
	ret = (uint32_t)ta_enter_user(&call, regs, inst->entry, inst->stack_top);
	fpu_release(t);
	thread_set_ttbr0(prev_ttbr0);
	t->call = call.prev;
	unmap_params(inst);
	if (inst->dead) {
		bury(inst);
		return TEEC_ERROR_TARGET_DEAD;
	}
	if (p)
		unpack_params(args, p, ret);
	if (sess && func == TA_FUNC_OPEN_SESSION)
		sess->ctx = args->session_ctx;
	*origin = TEEC_ORIGIN_TRUSTED_APP;
	return ret;
}

static void drop_session(struct ta_instance *inst);

/* A guest never shares an instance with another: a TA's state is its own (guest.h). */
static struct ta_instance *find_single_instance(const uint8_t uuid[16], uint64_t client)
{
	for (struct ta_instance *i = instances; i; i = i->next)
		if (!i->dead && (i->flags & TA_FLAG_SINGLE_INSTANCE) && i->guest == client &&
		    !memcmp(i->uuid, uuid, 16))
			return i;
	return NULL;
}

/*
 * A published instance of the TA with a reference held for the caller: a single instance that
 * is already up, or a new one loaded (and published) now.
 */
static uint32_t find_or_load(const uint8_t uuid[16], struct ta_instance **out)
{
	struct ta_instance *inst, *loaded = NULL;
	uint64_t client = thread_client();
	uint32_t ret;

	for (;;) {
		spin_lock(&ta_lock);
		inst = find_single_instance(uuid, client);
		if (inst) {
			inst->refs++;
		} else if (loaded) {
			inst = loaded;
			loaded = NULL;
			inst->refs = 1; /* the caller's */
			list_add(inst);
		}
		spin_unlock(&ta_lock);
		if (loaded) /* another thread loaded the same single-instance TA first */
			ta_instance_free(loaded);
		if (inst) {
			*out = inst;
			return TEEC_SUCCESS;
		}
		ret = ta_load(uuid, &loaded);
		if (ret != TEEC_SUCCESS)
			return ret;
		loaded->guest = client;
		if (!(loaded->flags & TA_FLAG_SINGLE_INSTANCE)) {
			spin_lock(&ta_lock);
			loaded->refs = 1; /* the caller's */
			list_add(loaded);
			spin_unlock(&ta_lock);
			*out = loaded;
			return TEEC_SUCCESS;
		}
	}
}

/*
 * An instance that can take a new session: claimed, with the new session counted and a
 * reference held for it.
 */
static uint32_t instance_for_session(const uint8_t uuid[16], struct ta_instance **out,
				     uint32_t *origin)
{
	struct ta_instance *inst;
	uint32_t ret;

	*origin = TEEC_ORIGIN_TEE;
	for (;;) {
		ret = find_or_load(uuid, &inst);
		if (ret != TEEC_SUCCESS)
			return ret;
		ret = claim(inst);
		if (ret != TEEC_SUCCESS) { /* this thread is inside the instance already */
			instance_put(inst);
			return ret;
		}
		/*
		 * While this thread waited, the last session may have closed (the instance was
		 * unpublished and destroyed) or the TA died: our reference kept the struct, and a
		 * new open gets a new instance.
		 */
		if (inst->listed)
			break;
		release(inst);
		instance_put(inst);
	}
	spin_lock(&ta_lock);
	inst->sessions++;
	spin_unlock(&ta_lock);
	if (inst->sessions > 1 && !(inst->flags & TA_FLAG_MULTI_SESSION))
		ret = TEEC_ERROR_BUSY; /* GP 4.5: a single-session TA takes one session at a time */
	else if (!inst->created)
		ret = run_entry(inst, NULL, TA_FUNC_CREATE, 0, NULL, CANCEL_NEVER, origin);
	if (ret != TEEC_SUCCESS) {
		drop_session(inst);
		return ret;
	}
	inst->created = 1;
	*out = inst;
	return TEEC_SUCCESS;
}

/*
 * A session of a claimed instance is gone: the claim is released and the session's reference
 * dropped. The last session destroys the instance unless it is a keep-alive single instance;
 * it is unpublished in the same critical section that counts the session out, so an open
 * either found it before (and holds a reference, and sees it unpublished once it claims it) or
 * does not find it at all.
 */
static void drop_session(struct ta_instance *inst)
{
	int destroy, keep;
	uint32_t origin;

	keep = !inst->dead && inst->created && (inst->flags & TA_FLAG_SINGLE_INSTANCE) &&
	       (inst->flags & TA_FLAG_INSTANCE_KEEP_ALIVE);
	spin_lock(&ta_lock);
	destroy = --inst->sessions == 0 && !keep;
	if (destroy)
		list_remove(inst);
	spin_unlock(&ta_lock);
	if (destroy) {
		if (!inst->dead && inst->created)
			run_entry(inst, NULL, TA_FUNC_DESTROY, 0, NULL, CANCEL_NEVER, &origin);
		if (!inst->dead)
			ta_space_destroy(&inst->space);
	}
	release(inst);
	instance_put(inst);
}

uint32_t ta_open_session(const uint8_t uuid[16], const struct ta_client_identity *client,
			 struct tee_param p[TEE_NUM_PARAMS], uint64_t cancel_at,
			 struct ta_session **out, uint32_t *origin)
{
	struct ta_instance *inst;
	struct ta_session *sess;
	uint32_t ret;

	sess = kcalloc(1, sizeof(*sess));
	if (!sess) {
		*origin = TEEC_ORIGIN_TEE;
		return TEEC_ERROR_OUT_OF_MEMORY;
	}
	ret = instance_for_session(uuid, &inst, origin);
	if (ret != TEEC_SUCCESS) {
		kfree(sess);
		return ret;
	}
	sess->inst = inst;
	sess->client = *client;
	ret = run_entry(inst, sess, TA_FUNC_OPEN_SESSION, 0, p, cancel_at, origin);
	if (ret != TEEC_SUCCESS) {
		drop_session(inst);
		kfree(sess);
		return ret;
	}
	release(inst);
	*out = sess;
	return TEEC_SUCCESS;
}

uint32_t ta_invoke(struct ta_session *sess, uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS],
		   uint64_t cancel_at, uint32_t *origin)
{
	struct ta_instance *inst = sess->inst;
	uint32_t ret;

	*origin = TEEC_ORIGIN_TEE;
	if (inst->dead)
		return TEEC_ERROR_TARGET_DEAD;
	ret = claim(inst);
	if (ret != TEEC_SUCCESS)
		return ret;
	ret = run_entry(inst, sess, TA_FUNC_INVOKE, cmd, p, cancel_at, origin);
	release(inst);
	return ret;
}

void ta_close_session(struct ta_session *sess)
{
	struct ta_instance *inst = sess->inst;
	uint32_t origin;

	/* A dead instance runs nothing more; claiming it still orders us after its last entry. */
	if (claim(inst) == TEEC_SUCCESS) {
		if (!inst->dead)
			run_entry(inst, sess, TA_FUNC_CLOSE_SESSION, 0, NULL, CANCEL_NEVER, &origin);
		drop_session(inst);
	} else {
		/*
		 * This thread runs inside the instance already (a TA closes its session with a TA
		 * that called it), so its claim is this thread's: the session is counted out
		 * without its close entry. It is not the last: the entry running in the instance
		 * serves another session.
		 */
		spin_lock(&ta_lock);
		inst->sessions--;
		inst->refs--;
		spin_unlock(&ta_lock);
	}
	kfree(sess);
}

void ta_mark_client_dead(uint64_t client)
{
	spin_lock(&ta_lock);
	for (struct ta_instance *i = instances; i; i = i->next)
		if (i->guest == client)
			i->dead = 1;
	spin_unlock(&ta_lock);
}

void ta_free_client_instances(uint64_t client)
{
	for (;;) {
		struct ta_instance *inst = NULL;

		spin_lock(&ta_lock);
		for (struct ta_instance *i = instances; i && !inst; i = i->next)
			if (i->guest == client)
				inst = i;
		if (inst) {
			inst->refs++; /* ours, so that taking it off the list is never the last */
			list_remove(inst);
		}
		spin_unlock(&ta_lock);
		if (!inst)
			return;
		instance_put(inst);
	}
}
