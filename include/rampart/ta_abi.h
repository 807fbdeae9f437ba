/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The interface between the trusted OS (S-EL1) and trusted applications (S-EL0): where a TA
 * lives in its address space, how the trusted OS enters it, and the system calls it makes.
 * libutee (ta_sdk/) is the only user-side code that speaks it; TA authors see the GP Internal
 * Core API on top.
 *
 * Address space of every TA instance (its own TTBR0 tables and ASID):
 *   TA_IMAGE_BASE   the TA ELF, linked there (ET_EXEC), its PT_LOAD segments with their own
 *                   permissions (text RX, rodata R, data/bss RW, never W and X together)
 *   TA_LIB_BASE     its shared TA libraries (ET_DYN), each at the next free page, linked by
 *                   the trusted OS before the TA first runs or at dlopen() (docs/trusted-os.md)
 *   ta_head.stack_size below TA_STACK_TOP, ta_head.data_size of heap at TA_HEAP_BASE
 *   TA_PARAM_BASE   the memory references of the current call, mapped for that call only
 *
 * Entry: the trusted OS ERETs to ta_head.entry at EL0 with
 *   x0 = TA_FUNC_*, x1 = the session context (what OPEN_SESSION stored), x2 = user address of
 *   a struct ta_entry_args, x3 = the command ID (INVOKE only).
 * The TA ends the call with SVC #0, x8 = TA_SYS_RETURN, x0 = its TEE_Result, after writing its
 * outputs into the ta_entry_args.
 *
 * System calls: SVC #0 with the number in x8, arguments in x0..x5, the result in x0 (a
 * TEE_Result unless said otherwise). Every pointer is a TA address and is checked against the
 * calling instance's own mappings before use.
 */
#ifndef RAMPART_TA_ABI_H
#define RAMPART_TA_ABI_H

#include <stdint.h>

#define TA_IMAGE_BASE 0x00100000UL
#define TA_IMAGE_MAX 0x00400000UL  /* loaded size of a TA's segments, at most */
#define TA_LIB_BASE 0x00500000UL   /* shared TA libraries, one after the other, up to the heap */
#define TA_HEAP_BASE 0x01000000UL  /* ta_head.data_size bytes */
#define TA_STACK_TOP 0x02000000UL  /* ta_head.stack_size bytes below */
#define TA_PARAM_BASE 0x04000000UL /* memrefs of the current call */
#define TA_PARAM_SLOT 0x00400000UL /* 4 MiB of address space for each of the 4 parameters */
#define TA_VA_LIMIT 0x08000000UL

/* What the trusted OS enters the TA for (x0). */
#define TA_FUNC_CREATE 0	   /* TA_CreateEntryPoint, once per instance */
#define TA_FUNC_OPEN_SESSION 1	   /* TA_OpenSessionEntryPoint */
#define TA_FUNC_INVOKE 2	   /* TA_InvokeCommandEntryPoint, x3 = command ID */
#define TA_FUNC_CLOSE_SESSION 3	   /* TA_CloseSessionEntryPoint */
#define TA_FUNC_DESTROY 4	   /* TA_DestroyEntryPoint, once, before the instance goes */

/* GP parameter types (TEE_PARAM_TYPE_*), 4 bits each in param_types. */
#define TA_PARAM_NONE 0
#define TA_PARAM_VALUE_INPUT 1
#define TA_PARAM_VALUE_OUTPUT 2
#define TA_PARAM_VALUE_INOUT 3
#define TA_PARAM_MEMREF_INPUT 5
#define TA_PARAM_MEMREF_OUTPUT 6
#define TA_PARAM_MEMREF_INOUT 7
#define TA_PARAM_TYPE_GET(types, i) (((types) >> ((i) * 4)) & 0xf)

/*
 * One call's parameters, in a page of the TA's own: value.a/b, or a memref's TA address and
 * size. Outputs: value a/b, memref size (may exceed the buffer's, with SHORT_BUFFER), and for
 * OPEN_SESSION the TA's session context.
 */
struct ta_entry_args {
	uint32_t param_types;
	uint32_t pad;
	struct {
		uint64_t a; /* value.a, or memref buffer address */
		uint64_t b; /* value.b, or memref size */
	} params[4];
	uint64_t session_ctx;
};

/* The identity of the client of the current session (GP TEE_Identity). */
struct ta_client_identity {
	uint32_t login; /* TEE_LOGIN_* */
	uint8_t uuid[16];
};

/* TEE_Time. */
struct ta_time {
	uint32_t seconds;
	uint32_t millis;
};

/*
 * The TA header: the first thing in the ELF's .ta_head section (at TA_IMAGE_BASE), written by
 * the dev kit from user_ta_header_defines.h.
 */
#define TA_HEAD_MAGIC 0x52414d50 /* "RAMP" */
struct ta_head {
	uint32_t magic;
	uint32_t flags; /* TA_FLAG_* */
	uint8_t uuid[16];
	uint64_t entry;
	uint32_t stack_size;
	uint32_t data_size; /* heap */
};

/* TA_FLAGS (OP-TEE's values, so existing user_ta_header_defines.h keep their meaning). */
#define TA_FLAG_SINGLE_INSTANCE (1U << 2)
#define TA_FLAG_MULTI_SESSION (1U << 3)
#define TA_FLAG_INSTANCE_KEEP_ALIVE (1U << 4)

/* System call numbers (x8). */
#define TA_SYS_RETURN 0		 /* x0 = TEE_Result: the entry is done */
#define TA_SYS_LOG 1		 /* x0 = message, x1 = length: to the secure console */
#define TA_SYS_PANIC 2		 /* x0 = panic code: the instance dies */
#define TA_SYS_GET_TIME 3	 /* x0 = TA_TIME_*, x1 = struct ta_time * */
#define TA_SYS_WAIT 4		 /* x0 = milliseconds; CANCEL if cancelled */
#define TA_SYS_RANDOM 5		 /* x0 = buffer, x1 = length */
#define TA_SYS_CHECK_ACCESS 6	 /* x0 = TEE_MEMORY_ACCESS_* flags, x1 = buffer, x2 = size */
/*
 * TA to TA: x4 is the caller's cancellationRequestTimeout in ms (TEE_TIMEOUT_INFINITE: none);
 * once it expires the callee's call counts as cancelled (GP TEE Internal Core API 4.9).
 */
#define TA_SYS_OPEN_TA_SESSION 7 /* x0 = uuid, x1 = ta_entry_args *, x2 = u32 *session, x3 = u32 *origin, x4 = timeout */
#define TA_SYS_INVOKE_TA 8	 /* x0 = session, x1 = command, x2 = ta_entry_args *, x3 = u32 *origin, x4 = timeout */
#define TA_SYS_CLOSE_TA_SESSION 9 /* x0 = session */
#define TA_SYS_GET_CANCEL 10	 /* x0 := 1 if the current call is cancelled and not masked */
#define TA_SYS_MASK_CANCEL 11	 /* x0 = 1 mask, 0 unmask (for the session); x0 := previous state */
#define TA_SYS_GET_CLIENT 12	 /* x0 = struct ta_client_identity * */
#define TA_SYS_GET_HEAP 13	 /* x0 = u64 *base, x1 = u64 *size */
/*
 * Cryptography (GP TEE Internal Core API chapters 5 and 6, tee/syscall_crypto.c). Objects and
 * operations live in the trusted OS; the TA holds handles (non-zero u32, an index and a
 * generation, per instance). A handle the instance does not own, or a call the GP specification
 * says panics for (wrong state, class, mode, key), kills the instance.
 */
#define TA_SYS_OBJ_ALLOC 14	 /* x0 = TEE_TYPE_*, x1 = max size in bits, x2 = u32 *handle */
#define TA_SYS_OBJ_FREE 15	 /* x0 = object */
#define TA_SYS_OBJ_RESET 16	 /* x0 = object */
#define TA_SYS_OBJ_POPULATE 17	 /* x0 = object, x1 = struct ta_attr *, x2 = count */
#define TA_SYS_OBJ_INFO 18	 /* x0 = object, x1 = struct ta_obj_info * */
#define TA_SYS_OBJ_GET_ATTR 19	 /* x0 = object, x1 = attribute ID, x2 = buffer, x3 = u64 *size */
#define TA_SYS_OBJ_GENERATE 20	 /* x0 = object, x1 = key size in bits */
#define TA_SYS_OBJ_COPY 21	 /* x0 = destination object, x1 = source object */
#define TA_SYS_OBJ_RESTRICT 22	 /* x0 = object, x1 = usage bits to keep */
#define TA_SYS_OP_ALLOC 23	 /* x0 = TEE_ALG_*, x1 = TEE_MODE_*, x2 = max key bits, x3 = u32 *handle */
#define TA_SYS_OP_FREE 24	 /* x0 = operation */
#define TA_SYS_OP_INFO 25	 /* x0 = operation, x1 = struct ta_op_info * */
#define TA_SYS_OP_RESET 26	 /* x0 = operation */
#define TA_SYS_OP_SET_KEY 27	 /* x0 = operation, x1 = object (0: clear the key) */
#define TA_SYS_OP_COPY 28	 /* x0 = destination operation, x1 = source operation */
#define TA_SYS_OP_INIT 29	 /* x0 = operation, x1 = IV, x2 = IV length, x3 = TEE_OPERATION_MAC or _CIPHER */
/* x0 = operation, x1 = in, x2 = in length, x3 = out, x4 = u64 *out length (in: room, out: written or
 * needed), x5 = the TEE_OPERATION_* class the GP function is for (another class panics) */
#define TA_SYS_OP_UPDATE 30
#define TA_SYS_OP_FINAL 31	 /* as UPDATE; ends the operation (DoFinal, ComputeFinal) */
#define TA_SYS_ALG_SUPPORTED 32	 /* x0 = TEE_ALG_*: SUCCESS or NOT_SUPPORTED */
/* TEE_AEInit: x0 = operation, x1 = nonce, x2 = nonce length, x3 = tag bits, x4 = AAD length,
 * x5 = payload length (the last two bind AES-CCM only) */
#define TA_SYS_OP_AE_INIT 33
#define TA_SYS_OP_AE_AAD 34	 /* x0 = operation, x1 = AAD, x2 = length */
/* TEE_AEEncryptFinal / TEE_AEDecryptFinal: x0..x4 as UPDATE, x5 = struct ta_ae_tag *. TEE_AEUpdate
 * is TA_SYS_OP_UPDATE with TEE_OPERATION_AE. */
#define TA_SYS_OP_AE_FINAL 35
#define TA_SYS_OP_SET_KEY2 36	 /* x0 = operation, x1 = key1, x2 = key2 (both 0: clear) */
/* Asymmetric keys and operations, key derivation (GP 5.5.7, 6.8, 6.9). */
#define TA_SYS_OBJ_GENERATE2 37 /* x0 = object, x1 = key bits, x2 = struct ta_attr *params, x3 = count */
#define TA_SYS_OBJ_GET_VALUE 38 /* x0 = object, x1 = attribute ID, x2 = u32[2] (a, b) */
/* TEE_AsymmetricEncrypt/Decrypt/SignDigest: x0 = operation, x1 = struct ta_attr *params,
 * x2 = count, x3 = the GP function's TEE_MODE_ENCRYPT, _DECRYPT or _SIGN, x4 = struct ta_asym_io * */
#define TA_SYS_ASYM_CRYPT 39
/* TEE_AsymmetricVerifyDigest: x0..x2 as CRYPT, x3 = struct ta_asym_io * (out: the signature) */
#define TA_SYS_ASYM_VERIFY 40
#define TA_SYS_OP_DERIVE 41	 /* x0 = operation, x1 = struct ta_attr *params, x2 = count, x3 = derived key */

/*
 * Trusted storage (GP TEE Internal Core API 5.7 to 5.9; tee/syscall_storage.c, docs/storage.md):
 * TEE_STORAGE_PRIVATE objects of the calling TA. A persistent object's handle is an object
 * handle (the TA_SYS_OBJ_* calls take it: info, attributes, operation keys; TA_SYS_OBJ_FREE
 * closes it); an enumerator's handle is of its own kind.
 */
#define TA_SYS_STORAGE_FIRST 60
/* x0 = storage ID, x1 = object ID, x2 = its length, x3 = TEE_DATA_FLAG_*, x4 = u32 *handle */
#define TA_SYS_PSTORE_OPEN 60
#define TA_SYS_PSTORE_CREATE 61	      /* x0 = struct ta_pstore_create *, x1 = u32 *handle or 0 */
#define TA_SYS_PSTORE_CLOSE_DELETE 62 /* x0 = object: deleted and its handle closed */
#define TA_SYS_PSTORE_RENAME 63	      /* x0 = object, x1 = new object ID, x2 = its length */
#define TA_SYS_PSTORE_READ 64	      /* x0 = object, x1 = buffer, x2 = size, x3 = u64 *count read */
#define TA_SYS_PSTORE_WRITE 65	      /* x0 = object, x1 = buffer, x2 = size */
#define TA_SYS_PSTORE_TRUNCATE 66     /* x0 = object, x1 = new data size */
#define TA_SYS_PSTORE_SEEK 67	      /* x0 = object, x1 = offset (signed), x2 = TEE_Whence */
/* x0 = object, x1 = struct ta_pstore_info *: TEEC_ERROR_BAD_STATE for a transient object */
#define TA_SYS_PSTORE_INFO 68
#define TA_SYS_PENUM_ALLOC 69 /* x0 = u32 *handle */
#define TA_SYS_PENUM_FREE 70  /* x0 = enumerator */
#define TA_SYS_PENUM_RESET 71 /* x0 = enumerator */
#define TA_SYS_PENUM_START 72 /* x0 = enumerator, x1 = storage ID */
/* x0 = enumerator, x1 = struct ta_pstore_info * or 0, x2 = ID buffer (64 bytes), x3 = u64 *ID length */
#define TA_SYS_PENUM_NEXT 73
/*
 * TA persistent time (GP 7.2.4, 7.2.5), kept in the TA's store. GET: x0 = struct ta_time *,
 * written on TEE_SUCCESS and TEE_ERROR_OVERFLOW (seconds modulo 2^32), zero otherwise; also
 * TEE_ERROR_TIME_NOT_SET, TEE_ERROR_TIME_NEEDS_RESET. SET: x0 = const struct ta_time *.
 */
#define TA_SYS_PTIME_GET 74
#define TA_SYS_PTIME_SET 75
#define TA_SYS_STORAGE_LAST 75
/*
 * Shared TA libraries (tee/ta_dl.c). Module 0 is the TA itself, then its libraries in load order.
 * DL_INFO: x0 = module index, x1 = struct ta_dl_info *; TEE_ERROR_ITEM_NOT_FOUND past the last.
 * DLOPEN: x0 = the library's UUID (16 octets), x1 = u32 *module index (load it, with what it
 * needs, unless loaded). DLSYM: x0 = module index or TA_DL_GLOBAL (every module in load order),
 * x1 = name, x2 = its length, x3 = u64 *address; TEE_ERROR_ITEM_NOT_FOUND if not defined.
 */
#define TA_SYS_DL_INFO 80
#define TA_SYS_DLOPEN 81
#define TA_SYS_DLSYM 82
#define TA_DL_GLOBAL 0xffffffffU
/*
 * GP TEE Sockets API v1.0.1 (TCP and UDP client sockets of the calling TA instance), carried to
 * tee-supplicant by the socket RPC (tee/socket.c, docs/trusted-os.md "Sockets"). A handle is
 * tee-supplicant's number for one socket of this instance. OPEN: x0 = struct ta_socket_open *,
 * x1 = u32 *handle. CLOSE: x0 = handle. SEND, RECV: x0 = handle, x1 = buffer, x2 = u32 *length
 * (in: the room or the bytes to send; out: the bytes moved, or for RECV of a datagram larger
 * than the room, its size), x3 = timeout in ms (TEE_TIMEOUT_INFINITE: block). IOCTL: x0 =
 * handle, x1 = command, x2 = buffer, x3 = u32 *length (in and out, as RECV).
 */
#define TA_SYS_SOCKET_OPEN 83
#define TA_SYS_SOCKET_CLOSE 84
#define TA_SYS_SOCKET_SEND 85
#define TA_SYS_SOCKET_RECV 86
#define TA_SYS_SOCKET_IOCTL 87
/*
 * A tee-supplicant plugin (OPTEE_RPC_CMD_SUPP_PLUGIN; tee/supp_plugin.c): x0 = the plugin's
 * UUID as 16 RFC 4122 octets, x1 = command, x2 = sub-command, x3 = buffer (in and out), x4 =
 * its length, x5 = u64 *out length (the plugin's, perhaps more than the buffer) or 0.
 */
#define TA_SYS_SUPP_PLUGIN 88
#define TA_SYS_COUNT 90

struct ta_dl_info {
	uint64_t base;	     /* load address minus link-time address */
	uint64_t phdr;	     /* its program headers, or 0 if no segment holds them */
	uint64_t phnum;
	uint64_t init_array; /* a library's DT_INIT_ARRAY (0 for the TA: libutee runs its own) */
	uint64_t init_count;
	uint64_t init_seq;   /* its place in the order constructors run (dependencies first) */
	uint8_t uuid[16];
};

/* The buffers of an asymmetric call: out_len in the room, out the bytes written or needed. */
struct ta_asym_io {
	uint64_t in;
	uint64_t in_len;
	uint64_t out;
	uint64_t out_len;
};

/* An attribute (GP TEE_Attribute): a reference (a = TA address, b = length) or two values. */
struct ta_attr {
	uint32_t id;
	uint32_t pad;
	uint64_t a;
	uint64_t b;
};

/* GP TEE_ObjectInfo of a transient object. */
struct ta_obj_info {
	uint32_t type;
	uint32_t size_bits; /* 0 while uninitialized */
	uint32_t max_bits;
	uint32_t usage;
	uint32_t handle_flags;
};

/* The tag of an AE final call: decrypt 0 (EncryptFinal: buf receives the tag, len in the room,
 * out its length or the length needed) or 1 (DecryptFinal: buf and len the tag to check). */
struct ta_ae_tag {
	uint64_t buf;
	uint64_t len;
	uint64_t decrypt;
};

/* GP TEE_OperationInfo, and the operation state (TEE_OPERATION_STATE_*). */
struct ta_op_info {
	uint32_t algorithm;
	uint32_t op_class;
	uint32_t mode;
	uint32_t digest_len;
	uint32_t max_key_bits;
	uint32_t key_bits;
	uint32_t required_usage;
	uint32_t handle_state;
	uint32_t state;
};

/* TEE_CreatePersistentObject's arguments. */
struct ta_pstore_create {
	uint64_t id;
	uint64_t id_len;
	uint32_t storage;
	uint32_t flags;
	uint32_t attrs; /* object handle to take the attributes from, or 0 (a data object) */
	uint32_t pad;
	uint64_t data; /* initial data */
	uint64_t data_len;
};

/* TA_SYS_SOCKET_OPEN's arguments: a server by name or address, no NUL counted in server_len. */
struct ta_socket_open {
	uint64_t server;
	uint64_t server_len;
	uint32_t port;
	uint32_t protocol;   /* TEE_ISOCKET_PROTOCOLID_TCP or _UDP */
	uint32_t ip_version; /* TEE_ipSocket_ipVersion */
	uint32_t pad;
};

/* GP TEE_ObjectInfo of a persistent object. */
struct ta_pstore_info {
	uint32_t type;
	uint32_t size_bits;
	uint32_t max_bits;
	uint32_t usage;
	uint32_t handle_flags;
	uint32_t pad;
	uint64_t data_size;
	uint64_t data_pos;
};

#define TA_TIME_SYSTEM 0
#define TA_TIME_REE 1

/* TEE_CheckMemoryAccessRights flags (GP 4.11.1). */
#define TA_ACCESS_READ 0x1
#define TA_ACCESS_WRITE 0x2
#define TA_ACCESS_ANY_OWNER 0x4
/* OP-TEE's extensions (its tee_api_defines_extensions.h): every page mapped from normal-world
 * memory, or none of them. */
#define TA_ACCESS_NONSECURE 0x10000000
#define TA_ACCESS_SECURE 0x20000000

#endif
