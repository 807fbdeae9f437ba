// SPDX-License-Identifier: BSD-2-Clause
/*
 * System call stubs (<rampart/ta_abi.h>): SVC #0, number in x8, arguments in x0..x5, result in
 * x0. The ABI promises nothing about the other registers, so x1..x17 are treated as clobbered.
 */
#include "utee_syscalls.h"

static uint64_t svc(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	register uint64_t x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;

	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x8)
			 :
			 : "x4", "x5", "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
			   "x16", "x17", "memory", "cc");
	return x0;
}

/* The same with x4 and x5 (the crypto data calls). */
static uint64_t svc6(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		     uint64_t a5)
{
	register uint64_t x8 __asm__("x8") = nr;
	register uint64_t x0 __asm__("x0") = a0;
	register uint64_t x1 __asm__("x1") = a1;
	register uint64_t x2 __asm__("x2") = a2;
	register uint64_t x3 __asm__("x3") = a3;
	register uint64_t x4 __asm__("x4") = a4;
	register uint64_t x5 __asm__("x5") = a5;

	__asm__ volatile("svc #0"
			 : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5), "+r"(x8)
			 :
			 : "x6", "x7", "x9", "x10", "x11", "x12", "x13", "x14", "x15", "x16", "x17",
			   "memory", "cc");
	return x0;
}

#define PTR(p) ((uint64_t)(uintptr_t)(p))

void utee_return(TEE_Result res)
{
	svc(TA_SYS_RETURN, res, 0, 0, 0);
	/* The trusted OS never comes back here; if it did, the instance must not go on. */
	for (;;)
		svc(TA_SYS_PANIC, TEE_ERROR_BAD_STATE, 0, 0, 0);
}

void utee_log(const char *msg, size_t len)
{
	svc(TA_SYS_LOG, PTR(msg), len, 0, 0);
}

void utee_panic(TEE_Result code)
{
	for (;;)
		svc(TA_SYS_PANIC, code, 0, 0, 0);
}

TEE_Result utee_get_time(uint32_t which, struct ta_time *time)
{
	return svc(TA_SYS_GET_TIME, which, PTR(time), 0, 0);
}

TEE_Result utee_wait(uint32_t ms)
{
	return svc(TA_SYS_WAIT, ms, 0, 0, 0);
}

TEE_Result utee_random(void *buf, size_t len)
{
	return svc(TA_SYS_RANDOM, PTR(buf), len, 0, 0);
}

TEE_Result utee_check_access(uint32_t flags, const void *buf, size_t size)
{
	return svc(TA_SYS_CHECK_ACCESS, flags, PTR(buf), size, 0);
}

TEE_Result utee_open_ta_session(const uint8_t uuid[16], uint32_t cancel_timeout,
				struct ta_entry_args *args, uint32_t *session, uint32_t *origin)
{
	return svc6(TA_SYS_OPEN_TA_SESSION, PTR(uuid), PTR(args), PTR(session), PTR(origin),
		    cancel_timeout, 0);
}

TEE_Result utee_invoke_ta(uint32_t session, uint32_t cancel_timeout, uint32_t command,
			  struct ta_entry_args *args, uint32_t *origin)
{
	return svc6(TA_SYS_INVOKE_TA, session, command, PTR(args), PTR(origin), cancel_timeout, 0);
}

TEE_Result utee_close_ta_session(uint32_t session)
{
	return svc(TA_SYS_CLOSE_TA_SESSION, session, 0, 0, 0);
}

uint64_t utee_get_cancel(void)
{
	return svc(TA_SYS_GET_CANCEL, 0, 0, 0, 0);
}

uint64_t utee_mask_cancel(uint64_t mask)
{
	return svc(TA_SYS_MASK_CANCEL, mask, 0, 0, 0);
}

TEE_Result utee_get_client(struct ta_client_identity *id)
{
	return svc(TA_SYS_GET_CLIENT, PTR(id), 0, 0, 0);
}

TEE_Result utee_get_heap(uint64_t *base, uint64_t *size)
{
	return svc(TA_SYS_GET_HEAP, PTR(base), PTR(size), 0, 0);
}

TEE_Result utee_ta_time_get(struct ta_time *time)
{
	return svc(TA_SYS_PTIME_GET, PTR(time), 0, 0, 0);
}

TEE_Result utee_ta_time_set(const struct ta_time *time)
{
	return svc(TA_SYS_PTIME_SET, PTR(time), 0, 0, 0);
}

uint64_t utee_crypto(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return svc(nr, a0, a1, a2, a3);
}

uint64_t utee_crypto6(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
		      uint64_t a5)
{
	return svc6(nr, a0, a1, a2, a3, a4, a5);
}

TEE_Result utee_op_data(uint32_t nr, uint32_t op, const void *in, size_t in_len, void *out,
			uint64_t *out_len, uint32_t op_class)
{
	return svc6(nr, op, PTR(in), in_len, PTR(out), PTR(out_len), op_class);
}

uint64_t utee_socket(uint32_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	return svc(nr, a0, a1, a2, a3);
}

TEE_Result utee_supp_plugin(const uint8_t uuid[16], uint32_t cmd, uint32_t sub_cmd, void *buf,
			    size_t len, uint64_t *outlen)
{
	return svc6(TA_SYS_SUPP_PLUGIN, PTR(uuid), cmd, sub_cmd, PTR(buf), len, PTR(outlen));
}

TEE_Result utee_dl_info(uint32_t index, struct ta_dl_info *info)
{
	return (TEE_Result)svc(TA_SYS_DL_INFO, index, PTR(info), 0, 0);
}

TEE_Result utee_dlopen(const uint8_t uuid[16], uint32_t *index)
{
	return (TEE_Result)svc(TA_SYS_DLOPEN, PTR(uuid), PTR(index), 0, 0);
}

TEE_Result utee_dlsym(uint32_t index, const char *name, size_t len, uint64_t *addr)
{
	return (TEE_Result)svc(TA_SYS_DLSYM, index, PTR(name), len, PTR(addr));
}
