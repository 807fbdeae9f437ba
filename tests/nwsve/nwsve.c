// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwsve: a normal-world program booted in place of Linux (on -cpu max) that checks the monitor
 * keeps the normal world's whole SVE state across calls into TAs that use FP/SIMD
 * (docs/trusted-os.md, "FP/SIMD"). Linux cannot show it: it discards Z above bit 127, P and FFR
 * at every system call. Here every SMC of an OP-TEE session (open, the TA's load through LOAD_TA
 * answered as tee-supplicant would, invokes that overwrite all the TA's V registers, one that
 * waits in an RPC, close) is made with Z0..Z31, P0..P15, FFR, FPSR and FPCR loaded with a
 * pattern, and they must all come back as they were: at the full vector length, and again in
 * Streaming SVE mode where the CPU has SME. Prints "nwsve: ..." lines and powers off.
 */
#include <rampart/optee_abi.h>
#include <rampart/smccc.h>
#include <rampart_fpu_ta.h>

#include "../nwfuzz/nwfuzz.h"
#include "nwsve_layout.h"

struct sve_image {
	uint8_t bytes[SVE_IMAGE];
} __attribute__((aligned(256)));

void *memset(void *d, int v, size_t n); /* tests/nwfuzz/io.c */

/* sve_smc.S */
void sve_smc(uint64_t a[8], const struct sve_image *in, struct sve_image *out, int with_ffr);
uint64_t sve_vl(void);
void sme_streaming(int on);
uint64_t sme_svcr(void);

/* The entry code (tests/nwfuzz/head.S) wants these. */
void nwfuzz_main(const void *fdt);
void nwfuzz_secondary(uint64_t index);
uint8_t nwfuzz_stacks[NWFUZZ_MAX_CPUS * NWFUZZ_STACK_SIZE] __attribute__((aligned(16)));
struct cpu cpus[NWFUZZ_MAX_CPUS];

extern const uint8_t nwsve_ta_fpu[], nwsve_ta_fpu_end[];

#define PAGE 4096UL
/* Everything the secure world reads or writes: normal-world RAM, page aligned. */
static uint8_t msg_page[PAGE] __attribute__((aligned(PAGE)));
static uint8_t rpc_page[PAGE] __attribute__((aligned(PAGE)));
static uint8_t ta_buf[256 * 1024] __attribute__((aligned(PAGE)));
static struct sve_image want, got;

static const uint8_t fpu_uuid[16] = {0x5e, 0xe1, 0xc0, 0xde, 0x7a, 0x11, 0x4e, 0x57,
				     0x9a, 0x6e, 0x66, 0x70, 0x75, 0x00, 0x00, 0x00};

static uint64_t smcs, failures;
static int streaming, with_ffr, has_sme;

static void say(const char *a, uint64_t v, const char *b)
{
	uart_puts(a);
	uart_put_dec(v);
	uart_puts(b);
}

static void fill_pattern(uint64_t seed)
{
	uint64_t x = seed * 0x9e3779b97f4a7c15ULL + 1;

	for (unsigned int i = 0; i < SVE_IMAGE; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		want.bytes[i] = (uint8_t)x;
	}
	/* FPCR: round towards zero, default NaN; FPSR: the cumulative flags. */
	*(uint32_t *)&want.bytes[SVE_FPSR] = 0x1f;
	*(uint32_t *)&want.bytes[SVE_FPSR + 4] = 0x02c00000;
}

/* One SMC with the pattern loaded; every byte of the vector state compared after it. */
static void kept_smc(uint64_t a[8])
{
	uint64_t vl = sve_vl(), fid = a[0];
	const struct {
		const char *name;
		unsigned int at, len;
	} parts[] = {
	    {"Z", 0, 32 * vl},
	    {"P", SVE_P, 16 * vl / 8},
	    {"FFR", SVE_FFR, with_ffr ? vl / 8 : 0},
	    {"FPSR/FPCR", SVE_FPSR, 8},
	};

	fill_pattern(smcs);
	sve_smc(a, &want, &got, with_ffr);
	smcs++;
	for (unsigned int p = 0; p < sizeof(parts) / sizeof(parts[0]); p++)
		for (unsigned int i = 0; i < parts[p].len; i++) {
			unsigned int at = parts[p].at + i;

			if (want.bytes[at] == got.bytes[at])
				continue;
			uart_puts("nwsve: FAILED: ");
			uart_puts(parts[p].name);
			say(" byte ", i, streaming ? " (streaming)" : "");
			uart_puts(" changed across SMC ");
			uart_put_hex(fid);
			say(" (call ", smcs, ")\n");
			failures++;
			return;
		}
	if ((has_sme ? sme_svcr() & 1 : 0) != (uint64_t)streaming) {
		uart_puts("nwsve: FAILED: PSTATE.SM changed across an SMC\n");
		failures++;
	}
}

static uint64_t le64(const uint8_t *u)
{
	uint64_t v = 0;

	for (int i = 0; i < 8; i++)
		v |= (uint64_t)u[i] << (8 * i);
	return v;
}

/* An RPC command answered as Linux and tee-supplicant would (shared/reference ABI, "RPC"). */
static void serve_cmd(volatile struct optee_msg_arg *arg)
{
	volatile struct optee_msg_param *p = arg->params;
	uint64_t size = (uint64_t)(nwsve_ta_fpu_end - nwsve_ta_fpu);

	arg->ret = TEEC_SUCCESS;
	switch (arg->cmd) {
	case 0: /* LOAD_TA: the size, then the file into the buffer SHM_ALLOC gave */
		if (arg->num_params != 2 || p[0].u.value.a != le64(fpu_uuid) ||
		    p[0].u.value.b != le64(fpu_uuid + 8)) {
			arg->ret = 0xffff0008U; /* ITEM_NOT_FOUND */
			break;
		}
		if ((p[1].attr & OPTEE_MSG_ATTR_TYPE_MASK) == OPTEE_MSG_ATTR_TYPE_RMEM_OUTPUT &&
		    p[1].u.rmem.size >= size && p[1].u.rmem.offs + size <= sizeof(ta_buf))
			for (uint64_t b = 0; b < size; b++)
				ta_buf[p[1].u.rmem.offs + b] = nwsve_ta_fpu[b];
		p[1].u.rmem.size = size;
		break;
	case 6: /* SHM_ALLOC: our one buffer */
		if (p[0].u.value.b > sizeof(ta_buf)) {
			arg->ret = 0xffff000cU; /* OUT_OF_MEMORY */
			break;
		}
		size = p[0].u.value.b;
		p[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT;
		p[0].u.tmem.buf_ptr = (uintptr_t)ta_buf;
		p[0].u.tmem.size = size;
		p[0].u.tmem.shm_ref = 0x5a5a;
		break;
	case 3: /* GET_TIME */
		p[0].u.value.a = 1;
		p[0].u.value.b = 0;
		break;
	case 5: /* SUSPEND: no time needs to pass */
	case 7: /* SHM_FREE */
		break;
	default:
		arg->ret = 0xffff000aU; /* NOT_SUPPORTED */
		break;
	}
}

/* A yielding call of the message in msg_page, its RPCs answered; every SMC kept_smc. */
static uint32_t yield_call(void)
{
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)msg_page;
	uint64_t pa = (uintptr_t)msg_page;
	uint64_t a[8] = {OPTEE_SMC_CALL_WITH_ARG, pa >> 32, pa & 0xffffffffU};

	kept_smc(a);
	while (((uint32_t)a[0] & 0xffff0000U) == RPC_PREFIX) {
		uint32_t code = (uint32_t)a[0];
		uint64_t r[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, 0, 0, a[3]};

		if (code == RPC_ALLOC) {
			r[1] = (uintptr_t)rpc_page >> 32;
			r[2] = (uintptr_t)rpc_page & 0xffffffffU;
			r[5] = 1; /* its cookie */
		} else if (code == RPC_CMD) {
			serve_cmd((volatile struct optee_msg_arg *)rpc_page);
		} else if (code != RPC_FREE && code != RPC_FOREIGN_INTR) {
			uart_puts("nwsve: FAILED: unknown RPC ");
			uart_put_hex(code);
			uart_puts("\n");
			failures++;
			return ~0U;
		}
		for (int i = 0; i < 8; i++)
			a[i] = r[i];
		kept_smc(a);
	}
	if (a[0] != OPTEE_SMC_RETURN_OK) {
		uart_puts("nwsve: FAILED: yielding call returned ");
		uart_put_hex(a[0]);
		uart_puts("\n");
		failures++;
		return ~0U;
	}
	return m->ret;
}

static void message(uint32_t cmd, uint32_t func, uint32_t session, uint32_t num_params)
{
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)msg_page;

	memset(msg_page, 0, sizeof(msg_page));
	m->cmd = cmd;
	m->func = func;
	m->session = session;
	m->num_params = num_params;
}

static void invoke(uint32_t session, uint32_t func, uint64_t a, uint64_t b, int out)
{
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)msg_page;
	uint32_t ret;

	message(OPTEE_MSG_CMD_INVOKE_COMMAND, func, session, out ? 2 : 1);
	m->params[0].attr = OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	m->params[0].u.value.a = a;
	m->params[0].u.value.b = b;
	if (out)
		m->params[1].attr = OPTEE_MSG_ATTR_TYPE_VALUE_OUTPUT;
	ret = yield_call();
	if (ret != TEEC_SUCCESS || (out && m->params[1].u.value.a)) {
		say("nwsve: FAILED: TA command ", func, ": ");
		uart_put_hex(ret);
		say(", ", out ? m->params[1].u.value.a : 0, " TA registers changed\n");
		failures++;
	}
}

/* FILL overwrites every V register of the TA; KEEP_WAIT goes to the normal world (SUSPEND). */
static void round_of_calls(uint32_t session, uint64_t seed)
{
	for (uint64_t i = 0; i < 4; i++)
		invoke(session, FPU_CMD_FILL, seed + i, 0, 0);
	invoke(session, FPU_CMD_KEEP_WAIT, seed, 1, 1);
}

static void power_off(void)
{
	uint64_t a[8] = {PSCI_SYSTEM_OFF};

	smc(a);
	for (;;)
		__asm__ volatile("wfi");
}

void nwfuzz_secondary(uint64_t index)
{
	(void)index;
}

void nwfuzz_main(const void *fdt)
{
	volatile struct optee_msg_arg *m = (volatile struct optee_msg_arg *)msg_page;
	uint64_t pfr0, pfr1, vl, svl = 0;
	uint32_t session, ret;

	(void)fdt;
	__asm__ volatile("mrs %0, id_aa64pfr0_el1" : "=r"(pfr0));
	__asm__ volatile("mrs %0, id_aa64pfr1_el1" : "=r"(pfr1));
	if (!((pfr0 >> 32) & 0xf)) {
		uart_puts("nwsve: FAILED: this CPU has no SVE (boot it with -cpu max)\n");
		power_off();
	}
	has_sme = ((pfr1 >> 24) & 0xf) != 0;
	with_ffr = 1;
	vl = sve_vl();
	if (has_sme) {
		sme_streaming(1);
		svl = sve_vl();
		sme_streaming(0);
	}
	say("nwsve: SVE vector length ", vl, " bytes");
	say(", streaming ", svl, " bytes\n");

	message(OPTEE_MSG_CMD_OPEN_SESSION, 0, 0, 2);
	m->params[0].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	m->params[0].u.value.a = le64(fpu_uuid);
	m->params[0].u.value.b = le64(fpu_uuid + 8);
	m->params[1].attr = OPTEE_MSG_ATTR_META | OPTEE_MSG_ATTR_TYPE_VALUE_INPUT;
	m->params[1].u.value.c = 0; /* TEE_LOGIN_PUBLIC */
	ret = yield_call();
	session = m->session;
	if (ret != TEEC_SUCCESS) {
		uart_puts("nwsve: FAILED: OpenSession(fpu TA): ");
		uart_put_hex(ret);
		uart_puts("\n");
		power_off();
	}
	round_of_calls(session, 1);
	if (has_sme) {
		/* FFR exists in Streaming SVE mode only with FA64: left out there. */
		sme_streaming(1);
		streaming = 1;
		with_ffr = 0;
		round_of_calls(session, 100);
		sme_streaming(0);
		streaming = 0;
		with_ffr = 1;
	}
	message(OPTEE_MSG_CMD_CLOSE_SESSION, 0, session, 0);
	ret = yield_call();
	if (ret != TEEC_SUCCESS) {
		uart_puts("nwsve: FAILED: CloseSession: ");
		uart_put_hex(ret);
		uart_puts("\n");
		failures++;
	}
	say("nwsve: ", smcs, " SMCs made with the SVE state loaded");
	say(has_sme ? ", in and out of Streaming SVE mode: " : ": ", failures, " failed\n");
	if (!failures)
		uart_puts("nwsve: every Z, P and FFR bit, FPSR and FPCR kept\n");
	power_off();
}
