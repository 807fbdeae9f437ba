// SPDX-License-Identifier: BSD-2-Clause
/*
 * The FP/SIMD test TA (ta/include/rampart_fpu_ta.h): floating point and Advanced SIMD work whose
 * results the client checks against its own, and the register checks that show each instance
 * has its own FP/SIMD registers, kept across an RPC and across a call into another TA, and never
 * another's values.
 */
#include <arm_neon.h>
#include <rampart/ta_abi.h>
#include <rampart_fpu_ta.h>
#include <string.h>
#include <tee_internal_api.h>
#include <trace.h>

/* fpu_regs.S */
void fpu_regs_load(const struct fpu_regs *r);
void fpu_regs_store(struct fpu_regs *r);
uint64_t fpu_svc_kept(const struct fpu_regs *in, struct fpu_regs *out, uint64_t nr, uint64_t a0,
		      uint64_t a1, uint64_t a2, uint64_t a3);
uint64_t fpu_svc6_kept(const struct fpu_regs *in, struct fpu_regs *out, uint64_t nr,
		       const uint64_t a[6]);

#define TYPES(a, b, c, d)                                                                          \
	TEE_PARAM_TYPES(TEE_PARAM_TYPE_##a, TEE_PARAM_TYPE_##b, TEE_PARAM_TYPE_##c,                \
			TEE_PARAM_TYPE_##d)

/* Registers of got that differ from want (V0..V31 and FPCR), each named on the TA log. */
static uint32_t changed(const char *when, const struct fpu_regs *want, const struct fpu_regs *got)
{
	uint32_t n = 0;

	for (unsigned int i = 0; i < 32; i++) {
		if (got->v[2 * i] == want->v[2 * i] && got->v[2 * i + 1] == want->v[2 * i + 1])
			continue;
		EMSG("%s: V%u is %#llx%016llx, was %#llx%016llx", when, i,
		     (unsigned long long)got->v[2 * i + 1], (unsigned long long)got->v[2 * i],
		     (unsigned long long)want->v[2 * i + 1], (unsigned long long)want->v[2 * i]);
		n++;
	}
	if (got->fpcr != want->fpcr) {
		EMSG("%s: FPCR is %#x, was %#x", when, got->fpcr, want->fpcr);
		n++;
	}
	return n;
}

static TEE_Result arith(uint32_t types, TEE_Param p[4])
{
	const struct fpu_regs defaults = {0};
	double *out = p[1].memref.buffer;
	const uint32_t *words = p[2].memref.buffer;
	uint32x4_t acc = vdupq_n_u32(0);

	if (types != TYPES(VALUE_INPUT, MEMREF_OUTPUT, MEMREF_INPUT, MEMREF_OUTPUT) ||
	    p[1].memref.size < FPU_ARITH_RESULTS * sizeof(double) || p[2].memref.size % 16 ||
	    p[3].memref.size < 16)
		return TEE_ERROR_BAD_PARAMETERS;
	/* IEEE 754 round to nearest, whatever FPU_CMD_FILL left in this instance's FPCR. */
	fpu_regs_load(&defaults);
	fpu_arith(p[0].value.a, out);
	p[1].memref.size = FPU_ARITH_RESULTS * sizeof(double);
	for (size_t i = 0; i < p[2].memref.size / 4; i += 4)
		acc = vaddq_u32(acc, vld1q_u32(words + i));
	vst1q_u32(p[3].memref.buffer, acc);
	p[3].memref.size = 16;
	return TEE_SUCCESS;
}

static TEE_Result keep_wait(uint32_t types, TEE_Param p[4])
{
	struct fpu_regs want, got;
	uint64_t res;

	if (types != TYPES(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	fpu_pattern(p[0].value.a, &want);
	res = fpu_svc_kept(&want, &got, TA_SYS_WAIT, p[0].value.b, 0, 0, 0);
	if (res != TEE_SUCCESS) {
		EMSG("TEE_Wait: %#llx", (unsigned long long)res);
		return (TEE_Result)res;
	}
	/* The client judges: outputs reach it only with TEE_SUCCESS. */
	p[1].value.a = changed("across TEE_Wait", &want, &got);
	return TEE_SUCCESS;
}

/*
 * AES-GCM between FP/SIMD work (FPU_CMD_GCM): the TA's registers are live when its TEE_AEUpdate
 * system call comes in, and the trusted OS may run GCM on the SIMD registers (its Crypto
 * Extensions engine); they must be this TA's again afterwards.
 */
static TEE_Result gcm(uint32_t types, TEE_Param p[4])
{
	static const uint8_t want_tag[16] = FPU_GCM_TAG;
	static uint8_t in[FPU_GCM_LEN], out[FPU_GCM_LEN];
	uint8_t key[16], nonce[12], tag[16];
	TEE_OperationHandle op = TEE_HANDLE_NULL;
	TEE_ObjectHandle k = TEE_HANDLE_NULL;
	struct fpu_regs want, got;
	uint64_t out_len = sizeof(out), args[6];
	size_t none = 0, tag_len = sizeof(tag);
	TEE_Attribute a;
	TEE_Result res;

	if (types != TYPES(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	for (uint32_t i = 0; i < sizeof(key); i++)
		key[i] = i;
	for (uint32_t i = 0; i < sizeof(nonce); i++)
		nonce[i] = 0x20 + i;
	for (uint32_t i = 0; i < sizeof(in); i++)
		in[i] = fpu_gcm_byte(i);
	res = TEE_AllocateOperation(&op, TEE_ALG_AES_GCM, TEE_MODE_ENCRYPT, 128);
	if (res == TEE_SUCCESS)
		res = TEE_AllocateTransientObject(TEE_TYPE_AES, 128, &k);
	if (res == TEE_SUCCESS) {
		TEE_InitRefAttribute(&a, TEE_ATTR_SECRET_VALUE, key, sizeof(key));
		res = TEE_PopulateTransientObject(k, &a, 1);
	}
	if (res == TEE_SUCCESS)
		res = TEE_SetOperationKey(op, k);
	if (res == TEE_SUCCESS)
		res = TEE_AEInit(op, nonce, sizeof(nonce), 128, 0, 0);
	if (res != TEE_SUCCESS) {
		EMSG("AES-GCM set-up: %#x", res);
		goto out;
	}
	/* TEE_AEUpdate's system call, made with the pattern in the registers (libutee's would run
	 * compiled code in between). */
	args[0] = (uint64_t)(uintptr_t)op;
	args[1] = (uintptr_t)in;
	args[2] = sizeof(in);
	args[3] = (uintptr_t)out;
	args[4] = (uintptr_t)&out_len;
	args[5] = TEE_OPERATION_AE;
	fpu_pattern(p[0].value.a, &want);
	res = (TEE_Result)fpu_svc6_kept(&want, &got, TA_SYS_OP_UPDATE, args);
	if (res != TEE_SUCCESS || out_len != sizeof(in)) {
		EMSG("TEE_AEUpdate: %#x, %llu bytes out", res, (unsigned long long)out_len);
		res = res == TEE_SUCCESS ? TEE_ERROR_GENERIC : res;
		goto out;
	}
	p[1].value.a = changed("across TEE_AEUpdate (AES-GCM)", &want, &got);
	res = TEE_AEEncryptFinal(op, NULL, 0, NULL, &none, tag, &tag_len);
	if (res != TEE_SUCCESS)
		EMSG("TEE_AEEncryptFinal: %#x", res);
	p[1].value.b = tag_len == sizeof(tag) && !memcmp(tag, want_tag, sizeof(tag));
out:
	TEE_FreeOperation(op);
	TEE_FreeTransientObject(k);
	return res;
}

static TEE_Result fill(uint32_t types, TEE_Param p[4])
{
	struct fpu_regs r;

	if (types != TYPES(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	fpu_pattern(p[0].value.a, &r);
	fpu_regs_load(&r);
	return TEE_SUCCESS;
}

static TEE_Result peek(uint32_t types, TEE_Param p[4], const struct fpu_regs *found)
{
	if (types != TYPES(MEMREF_OUTPUT, NONE, NONE, NONE) || p[0].memref.size < sizeof(*found))
		return TEE_ERROR_BAD_PARAMETERS;
	memcpy(p[0].memref.buffer, found, sizeof(*found));
	p[0].memref.size = sizeof(*found);
	return TEE_SUCCESS;
}

static TEE_Result seek_fill(uint32_t types, TEE_Param p[4], const struct fpu_regs *found)
{
	struct fpu_regs r;

	if (types != TYPES(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	p[1].value.a = fpu_pattern_hits(found, p[0].value.a);
	fpu_pattern(p[0].value.b, &r);
	fpu_regs_load(&r);
	return TEE_SUCCESS;
}

/*
 * Through the raw system calls, so that the invoke is one SVC made with the registers loaded
 * (TEE_InvokeTACommand is compiled code, free to use V0..V7 and V16..V31).
 */
static TEE_Result nested(uint32_t types, TEE_Param p[4])
{
	static const TEE_UUID self = TA_RAMPART_FPU_UUID;
	uint8_t octets[16]; /* the system call's form: RFC 4122 byte order */
	struct ta_entry_args args;
	struct fpu_regs want, got;
	uint32_t session = 0, origin = 0;
	uint64_t res;

	if (types != TYPES(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	for (unsigned int i = 0; i < 4; i++)
		octets[i] = (uint8_t)(self.timeLow >> (24 - 8 * i));
	octets[4] = (uint8_t)(self.timeMid >> 8);
	octets[5] = (uint8_t)self.timeMid;
	octets[6] = (uint8_t)(self.timeHiAndVersion >> 8);
	octets[7] = (uint8_t)self.timeHiAndVersion;
	memcpy(octets + 8, self.clockSeqAndNode, 8);
	fpu_pattern(p[0].value.a, &want);
	memset(&args, 0, sizeof(args));
	args.param_types = TYPES(NONE, NONE, NONE, NONE);
	res = fpu_svc_kept(&want, &got, TA_SYS_OPEN_TA_SESSION, (uintptr_t)octets, (uintptr_t)&args,
			   (uintptr_t)&session, (uintptr_t)&origin);
	if (res != TEE_SUCCESS) {
		EMSG("opening a second instance: %#llx origin %u", (unsigned long long)res, origin);
		return (TEE_Result)res;
	}
	memset(&args, 0, sizeof(args));
	args.param_types = TYPES(VALUE_INPUT, VALUE_OUTPUT, NONE, NONE);
	args.params[0].a = p[0].value.a;
	args.params[0].b = p[0].value.b;
	res = fpu_svc_kept(&want, &got, TA_SYS_INVOKE_TA, session, FPU_CMD_SEEK_FILL,
			   (uintptr_t)&args, (uintptr_t)&origin);
	p[1].value.a = changed("across a call into another instance", &want, &got);
	p[1].value.b = (uint32_t)args.params[1].a;
	fpu_svc_kept(&want, &got, TA_SYS_CLOSE_TA_SESSION, session, 0, 0, 0);
	if (res != TEE_SUCCESS) {
		EMSG("invoking the second instance: %#llx origin %u", (unsigned long long)res,
		     origin);
		return (TEE_Result)res;
	}
	return TEE_SUCCESS;
}

/*
 * SVE and SME are the normal world's alone (docs/trusted-os.md, "FP/SIMD"): CPACR_EL1.ZEN and
 * SMEN trap them for a TA, and a CPU without them has no such instructions. Either way the
 * instance dies; coming back here is a failure.
 */
static TEE_Result forbidden(uint32_t types, TEE_Param p[4])
{
	uint64_t len = 0;

	if (types != TYPES(VALUE_INPUT, NONE, NONE, NONE))
		return TEE_ERROR_BAD_PARAMETERS;
	if (p[0].value.a == FPU_FORBIDDEN_SVE)
		__asm__ volatile(".arch_extension sve\n\trdvl %0, #1" : "=r"(len));
	else if (p[0].value.a == FPU_FORBIDDEN_SME)
		__asm__ volatile(".arch_extension sme\n\trdsvl %0, #1" : "=r"(len));
	else
		return TEE_ERROR_BAD_PARAMETERS;
	EMSG("instruction %u ran: vector length %llu bytes", p[0].value.a, (unsigned long long)len);
	return TEE_ERROR_GENERIC;
}

TEE_Result TA_CreateEntryPoint(void)
{
	return TEE_SUCCESS;
}

void TA_DestroyEntryPoint(void)
{
}

TEE_Result TA_OpenSessionEntryPoint(uint32_t types, TEE_Param params[4], void **ctx)
{
	return TEE_SUCCESS;
}

void TA_CloseSessionEntryPoint(void *ctx)
{
}

TEE_Result TA_InvokeCommandEntryPoint(void *ctx, uint32_t cmd, uint32_t types, TEE_Param p[4])
{
	struct fpu_regs found;

	/* First: the registers as the entry found them (PEEK, SEEK_FILL). */
	fpu_regs_store(&found);
	switch (cmd) {
	case FPU_CMD_ARITH:
		return arith(types, p);
	case FPU_CMD_KEEP_WAIT:
		return keep_wait(types, p);
	case FPU_CMD_FILL:
		return fill(types, p);
	case FPU_CMD_PEEK:
		return peek(types, p, &found);
	case FPU_CMD_NESTED:
		return nested(types, p);
	case FPU_CMD_SEEK_FILL:
		return seek_fill(types, p, &found);
	case FPU_CMD_FORBIDDEN:
		return forbidden(types, p);
	case FPU_CMD_GCM:
		return gcm(types, p);
	default:
		return TEE_ERROR_NOT_SUPPORTED;
	}
}
