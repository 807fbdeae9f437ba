/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The system calls of <rampart/ta_abi.h>, one C function each. Every pointer is an address in
 * this TA's own address space; the trusted OS checks it against the instance's mappings.
 */
#ifndef UTEE_SYSCALLS_H
#define UTEE_SYSCALLS_H

#include <rampart/ta_abi.h>
#include <stddef.h>
#include <stdint.h>
#include <tee_api_types.h>

void utee_return(TEE_Result res) __attribute__((noreturn));
void utee_log(const char *msg, size_t len);
void utee_panic(TEE_Result code) __attribute__((noreturn));
TEE_Result utee_get_time(uint32_t which, struct ta_time *time);
TEE_Result utee_wait(uint32_t ms);
TEE_Result utee_random(void *buf, size_t len);
TEE_Result utee_check_access(uint32_t flags, const void *buf, size_t size);
/* cancel_timeout: the caller's cancellationRequestTimeout in ms (GP 4.9). */
TEE_Result utee_open_ta_session(const uint8_t uuid[16], uint32_t cancel_timeout,
				struct ta_entry_args *args, uint32_t *session, uint32_t *origin);
TEE_Result utee_invoke_ta(uint32_t session, uint32_t cancel_timeout, uint32_t command,
			  struct ta_entry_args *args, uint32_t *origin);
TEE_Result utee_close_ta_session(uint32_t session);
uint64_t utee_get_cancel(void);
uint64_t utee_mask_cancel(uint64_t mask);
TEE_Result utee_get_client(struct ta_client_identity *id);
TEE_Result utee_get_heap(uint64_t *base, uint64_t *size);
/* TA persistent time: TA_SYS_PTIME_GET, TA_SYS_PTIME_SET. */
TEE_Result utee_ta_time_get(struct ta_time *time);
TEE_Result utee_ta_time_set(const struct ta_time *time);
/* Shared TA libraries: TA_SYS_DL_INFO, TA_SYS_DLOPEN, TA_SYS_DLSYM. */
TEE_Result utee_dl_info(uint32_t index, struct ta_dl_info *info);
TEE_Result utee_dlopen(const uint8_t uuid[16], uint32_t *index);
TEE_Result utee_dlsym(uint32_t index, const char *name, size_t len, uint64_t *addr);
/* TA_SYS_OBJ_*, TA_SYS_OP_* (but UPDATE and FINAL), TA_SYS_ALG_SUPPORTED: x0..x3. */
uint64_t utee_crypto(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);
/* TA_SYS_OP_AE_INIT, TA_SYS_OP_AE_FINAL: x0..x5. */
uint64_t utee_crypto6(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		      uint64_t a5);
/* TA_SYS_SOCKET_*: x0..x3. */
/* TA_SYS_SUPP_PLUGIN. */
TEE_Result utee_supp_plugin(const uint8_t uuid[16], uint32_t cmd, uint32_t sub_cmd, void *buf,
			    size_t len, uint64_t *outlen);
uint64_t utee_socket(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3);
/* The most attributes a call passes (the trusted OS's limit too). */
#define UTEE_ATTRS_MAX 8
/* GP TEE_Attribute array into the system-call form; over UTEE_ATTRS_MAX panics. */
void utee_attrs_to_abi(struct ta_attr *a, const TEE_Attribute *attrs, uint32_t count);
/* TA_SYS_OP_UPDATE, TA_SYS_OP_FINAL; op_class: the TEE_OPERATION_* the GP function is for. */
TEE_Result utee_op_data(uint32_t nr, uint32_t op, const void *in, size_t in_len, void *out,
			uint64_t *out_len, uint32_t op_class);
/* TEE_GetObjectInfo1 of a persistent object: 1 with objectInfo filled, 0 for a transient one. */
int utee_persistent_info(TEE_ObjectHandle object, TEE_ObjectInfo *objectInfo);

#endif
