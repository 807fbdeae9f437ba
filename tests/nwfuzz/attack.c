// SPDX-License-Identifier: BSD-2-Clause
/*
 * nwfuzz.peer=<address>: before the random mix, CPU0 aims the trusted OS at memory that is not
 * this normal world's (another VM's RAM at that address, the hypervisor's) and at sessions that
 * are not its own, and prints one line per attack: "nwfuzz: attack <what>: refused" or
 * "nwfuzz: FAIL: attack <what> ...". Run as a VM of the virt variant (tests/qemu/virt.d/
 * tee-hostile.sh), where the trusted OS knows each VM's RAM (docs/trusted-os.md, "Several VMs").
 */
#include <rampart/optee_abi.h>

#include "nwfuzz.h"

#define PAGE	     4096UL
#define HYP_BASE     0x40200000UL /* the hypervisor's image (docs/memory-map.md) */
#define GUESSED_SIDS 64

static volatile struct optee_msg_arg *msg(void)
{
	return (volatile struct optee_msg_arg *)(uintptr_t)SCRATCH_BASE;
}

static volatile uint64_t *list_page(void)
{
	return (volatile uint64_t *)(uintptr_t)(SCRATCH_BASE + 2 * PAGE);
}

/* CALL_WITH_ARG with the message at pa, RPCs answered as failed; a0 at the end. */
static uint64_t call_with_arg(struct cpu *c, uint64_t pa)
{
	uint64_t a[8] = {OPTEE_SMC_CALL_WITH_ARG, pa >> 32, pa & 0xffffffffU};

	call(c, a);
	for (int n = 0; n < 64 && ((uint32_t)a[0] & 0xffff0000U) == RPC_PREFIX; n++) {
		uint64_t r[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, 0, 0, a[3]};

		for (int i = 0; i < 8; i++)
			a[i] = r[i];
		call(c, a);
	}
	return a[0];
}

static void report(const char *what, int refused, uint64_t code)
{
	uart_puts(refused ? "nwfuzz: attack " : "nwfuzz: FAIL: attack ");
	uart_puts(what);
	uart_puts(refused ? ": refused (" : ": accepted (");
	uart_put_hex(code);
	uart_puts(")\n");
}

static void clear_msg(uint32_t cmd, uint32_t n)
{
	volatile uint8_t *p = (volatile uint8_t *)msg();

	for (unsigned long i = 0; i < PAGE; i++)
		p[i] = 0;
	msg()->cmd = cmd;
	msg()->num_params = n;
}

/* REGISTER_SHM of one page through a page list at list_pa whose entry is page. */
static uint32_t register_page(struct cpu *c, uint64_t cookie, uint64_t list_pa, uint64_t page)
{
	uint64_t a0;

	list_page()[0] = page;
	clear_msg(OPTEE_MSG_CMD_REGISTER_SHM, 1);
	msg()->params[0].attr = OPTEE_MSG_ATTR_TYPE_TMEM_OUTPUT | OPTEE_MSG_ATTR_NONCONTIG;
	msg()->params[0].u.tmem.buf_ptr = list_pa;
	msg()->params[0].u.tmem.size = PAGE;
	msg()->params[0].u.tmem.shm_ref = cookie;
	a0 = call_with_arg(c, SCRATCH_BASE);
	return a0 == OPTEE_SMC_RETURN_OK ? msg()->ret : 0xdead0000U | (uint32_t)a0;
}

void attack_peer(struct cpu *c, uint64_t peer)
{
	uint64_t a0, a[8];
	uint32_t ret;
	int accepted = 0;

	a0 = call_with_arg(c, peer);
	report("message in the other VM's RAM", a0 == OPTEE_SMC_RETURN_EBADADDR, a0);
	a0 = call_with_arg(c, HYP_BASE);
	report("message in the hypervisor's RAM", a0 == OPTEE_SMC_RETURN_EBADADDR, a0);

	ret = register_page(c, 0x1001, SCRATCH_BASE + 2 * PAGE, peer);
	report("page list naming the other VM's RAM", ret == TEEC_ERROR_BAD_PARAMETERS, ret);
	ret = register_page(c, 0x1002, SCRATCH_BASE + 2 * PAGE, HYP_BASE);
	report("page list naming the hypervisor's RAM", ret == TEEC_ERROR_BAD_PARAMETERS, ret);
	ret = register_page(c, 0x1003, peer, SCRATCH_BASE + 16 * PAGE);
	report("page list in the other VM's RAM", ret == TEEC_ERROR_BAD_PARAMETERS, ret);
	/* The control: its own page through its own list is taken, then released. */
	ret = register_page(c, 0x1004, SCRATCH_BASE + 2 * PAGE, SCRATCH_BASE + 16 * PAGE);
	uart_puts(ret == TEEC_SUCCESS ? "nwfuzz: attack control: its own page registers\n"
				      : "nwfuzz: FAIL: attack control: its own page refused\n");
	clear_msg(OPTEE_MSG_CMD_UNREGISTER_SHM, 1);
	msg()->params[0].attr = OPTEE_MSG_ATTR_TYPE_RMEM_INPUT;
	msg()->params[0].u.rmem.shm_ref = 0x1004;
	call_with_arg(c, SCRATCH_BASE);

	/* Session IDs are small numbers from one counter: guess every one the other VM may use. */
	for (uint32_t sid = 1; sid <= GUESSED_SIDS; sid++) {
		clear_msg(OPTEE_MSG_CMD_INVOKE_COMMAND, 0);
		msg()->session = sid;
		a0 = call_with_arg(c, SCRATCH_BASE);
		accepted += a0 == OPTEE_SMC_RETURN_OK && msg()->ret == TEEC_SUCCESS;
		clear_msg(OPTEE_MSG_CMD_CLOSE_SESSION, 0);
		msg()->session = sid;
		a0 = call_with_arg(c, SCRATCH_BASE);
		accepted += a0 == OPTEE_SMC_RETURN_OK && msg()->ret == TEEC_SUCCESS;
	}
	report("invoke and close of session IDs 1-64", !accepted, (uint64_t)accepted);

	/* The hypervisor's own calls, from a guest. */
	static const struct {
		uint32_t fid;
		const char *what;
	} own[] = {
	    {OPTEE_SMC_VM_CREATED, "VM_CREATED from a guest"},
	    {OPTEE_SMC_VM_DESTROYED, "VM_DESTROYED from a guest"},
	    {RAMPART_SMC_GET_RANDOM, "GET_RANDOM (the VMs' seeds) from a guest"},
	};
	for (unsigned int k = 0; k < sizeof(own) / sizeof(own[0]); k++) {
		a[0] = own[k].fid;
		a[1] = 0x102; /* another VM's ID */
		for (int i = 2; i < 8; i++)
			a[i] = 0;
		call(c, a);
		report(own[k].what,
		       (uint32_t)a[0] == OPTEE_SMC_RETURN_UNKNOWN_FUNCTION ||
			   (uint32_t)a[0] == OPTEE_SMC_RETURN_ENOTAVAIL,
		       a[0]);
	}
	/* Other VMs' suspended calls: resuming any thread ID gets ERESUME. */
	accepted = 0;
	for (uint64_t id = 0; id < 16; id++) {
		uint64_t r[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, 0, 0, id, 0, 0, 0, 0x101};

		call(c, r);
		accepted += (uint32_t)r[0] != OPTEE_SMC_RETURN_ERESUME;
	}
	report("resume of every thread ID", !accepted, (uint64_t)accepted);
}
