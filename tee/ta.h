/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * User-mode trusted applications: instances (one address space each), their sessions with
 * clients, and running their entry points at S-EL0.
 */
#ifndef TEE_TA_H
#define TEE_TA_H

#include <rampart/ta_abi.h>
#include <stdint.h>

#include "fpu.h"
#include "pta.h"
#include "ta_space.h"

struct ta_instance {
	struct ta_instance *next;
	uint8_t uuid[16];
	uint64_t guest; /* the client (guest.h) whose calls made it: no other finds it */
	uint32_t flags; /* TA_FLAG_* from its header */
	struct ta_space space;
	uint64_t entry;
	uint64_t heap_base, heap_size;
	uint64_t stack_top;
	uintptr_t args_page; /* the page holding struct ta_entry_args, at TA_ARGS_VA */
	/*
	 * Lifetime: refs counts who holds the struct (each session, each thread waiting to open
	 * one, the instance list while it is listed); it is freed when the last lets go. listed: on
	 * the instance list, so an open can find it; taken off (under ta_lock, together with the
	 * last session's count) before the instance is destroyed, so no open finds an instance that
	 * is going.
	 */
	uint32_t refs;
	int listed;
	uint32_t sessions;   /* open sessions (changed only by the claim holder) */
	int dead;	     /* panicked or faulted: only closing is left */
	int busy;	     /* an entry point runs */
	int created;	     /* TA_CreateEntryPoint succeeded */
	uint32_t mapped_params; /* parameter slots mapped for the running entry */
	struct ta_session *peer[8]; /* sessions this TA opened with other TAs */
	struct crypto_state *crypto; /* its GP objects and operations (crypto_obj.h), or NULL */
	struct socket_state *sockets; /* its GP sockets (socket.h), or NULL */
	struct ta_dl *dl; /* the TA and its shared libraries (ta_dl.h) */
	struct ta_fp_state fp; /* its FP/SIMD registers while it does not run (fpu.c), zero at first */
};

/*
 * How deep TA entries nest on one thread (a client's call is 1, each TA-to-TA call one more).
 * Every level costs thread stack (THREAD_STACK_SIZE), so the entry that would go deeper is
 * refused with TEE_ERROR_OUT_OF_MEMORY, origin TEE: GP TEE Internal Core API 4.9.1,
 * TEE_OpenTASession/TEE_InvokeTACommand, "not enough resources".
 */
#define TA_CALL_MAX_DEPTH 4

/* The page with the entry arguments, just below the stack guard page. */
#define TA_ARGS_VA (TA_PARAM_BASE - 0x1000UL)

/* One entry into a TA, innermost first on the thread (thread->call). */
struct ta_call {
	uint64_t exit_sp; /* must stay first: vectors.S */
	struct ta_instance *inst;
	struct ta_session *sess;
	struct ta_call *prev;
	uint64_t cancel_at;  /* system time its cancellation timeout expires (cancel.h) */
	int cancel_unmasked; /* the cancellation mask of an entry without a session (cancel.c) */
};

/* A client's session with a TA or pseudo-TA. */
struct ta_session {
	uint32_t id;
	const struct pta *pta;	   /* a pseudo-TA, or */
	struct ta_instance *inst;  /* a user TA instance */
	uint64_t ctx;		   /* the TA's session context */
	struct ta_client_identity client;
	uint64_t guest; /* the SMCCC client ID that opened it (guest.h) */
	uint32_t refs; /* session.c */
	int cancel_unmasked; /* TEE_UnmaskCancellation holds for the session (cancel.c) */
};

/* What a memref parameter refers to when the TA is entered. */
struct ta_param_memref {
	struct memref ns;      /* normal-world memory, or */
	uintptr_t *bounce;     /* secure pages holding a copy (TA to TA) */
	uint64_t bounce_pages;
};

/*
 * Open a session with the TA (loading it through tee-supplicant if no instance can take it).
 * p holds the GP parameters; results in p, *origin. On success *sess is the new session.
 */
uint32_t ta_open_session(const uint8_t uuid[16], const struct ta_client_identity *client,
			 struct tee_param p[TEE_NUM_PARAMS], uint64_t cancel_at,
			 struct ta_session **sess, uint32_t *origin);
/* cancel_at: when the call counts as cancelled (cancel_deadline), or CANCEL_NEVER. */
uint32_t ta_invoke(struct ta_session *sess, uint32_t cmd, struct tee_param p[TEE_NUM_PARAMS],
		   uint64_t cancel_at, uint32_t *origin);
void ta_close_session(struct ta_session *sess);
/*
 * A destroyed guest (guest.c): its instances are marked dead (no entry point runs again), then,
 * once its sessions are closed, the ones no session held (keep-alive) are freed.
 */
void ta_mark_client_dead(uint64_t client);
void ta_free_client_instances(uint64_t client);
/* Listed instances of one client (guest.h). */
uint32_t ta_live_instances_of(uint64_t client);
uint32_t ta_live_instances(void);

/* A UUID's RFC 4122 octets as text (36 characters and the NUL). */
void ta_uuid_str(const uint8_t u[16], char out[37]);

/* The instance and session of the TA entry running on this thread, or NULL. */
struct ta_call *ta_current_call(void);

/* ta_load.c: fetch, verify and map a TA; the new instance is not yet on the instance list. */
uint32_t ta_load(const uint8_t uuid[16], struct ta_instance **out);
void ta_instance_free(struct ta_instance *inst);

/* vectors.S */
uint64_t ta_enter_user(struct ta_call *call, const uint64_t regs[4], uint64_t pc, uint64_t sp);
void ta_exit_user(uint64_t exit_sp, uint64_t result) __attribute__((noreturn));

/* The registers a TA trap saved (vectors.S FRAME_SIZE). */
struct user_frame {
	uint64_t x[31];
	uint64_t sp_el0;
	uint64_t elr;
	uint64_t spsr;
};

/* syscall.c */
void ta_syscall(struct user_frame *f);
/* End the current TA entry: the instance dies (a fault or a panic). */
void ta_kill_current(const char *why) __attribute__((noreturn));
/* Copy from/to the current instance's memory after checking its mappings: 0, or -1 if refused. */
int ta_copy_from(void *dst, uint64_t va, size_t len);
int ta_copy_to(uint64_t va, const void *src, size_t len);
/*
 * 1 if any of [va, va + len) lies in the parameter window: memory the TA's caller shares with it
 * (GP's "shared memory", TEE_MEMORY_ACCESS_ANY_OWNER), not the TA's own.
 */
int ta_va_shared(uint64_t va, uint64_t len);
/* syscall_crypto.c: the TA_SYS_OBJ_*, TA_SYS_OP_* and TA_SYS_ALG_SUPPORTED calls. */
uint64_t ta_syscall_crypto(uint64_t nr, const uint64_t *x);
/* The trusted-storage system calls, TA_SYS_STORAGE_FIRST..LAST (tee/syscall_storage.c). */
uint64_t ta_syscall_storage(uint64_t nr, const uint64_t *x);

#endif
