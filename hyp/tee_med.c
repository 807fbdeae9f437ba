// SPDX-License-Identifier: BSD-2-Clause
/* The trusted OS for VMs: OP-TEE's virtualization ABI on the hypervisor's side (tee_med.h). */
#include <rampart/optee_abi.h>
#include <rampart/smccc.h>
#include <string.h>

#include "hyp.h"
#include "tee_med.h"

/* SMCCC v1.2 owners 50-63 are Trusted OS calls (DEN 0028, table 6-2). */
#define OWNER_TRUSTED_OS_FIRST 50
#define OWNER_TRUSTED_OS_LAST  63

/* Resuming one call of a stopping VM: give up after this many exits (a TA that never ends). */
#define STOP_RESUMES 256

static uint32_t tee_fast(uint32_t fid, uint64_t a1, uint64_t base, uint64_t size, uint64_t identity)
{
	uint64_t a[8] = {
	    fid, a1, base >> 32, base & 0xffffffffUL, size >> 32, size & 0xffffffffUL, identity, 0};

	smccc_smc8(a);
	return (uint32_t)a[0];
}

int tee_med_vm_start(struct vm *vm)
{
	struct tee_med *t = &vm->tee;
	uint64_t client;
	uint32_t r;

	t->client = 0;
	t->suspended = 0;
	if (vm->cfg->no_tee)
		return 0;
	/*
	 * A new ID at every boot (never 0, the hypervisor's): a call left over from the last
	 * boot can never be taken for one of this boot's.
	 */
	client = (uint64_t)(vm->boots + 1) << 8 | (vm->id + 1);
	r = tee_fast(OPTEE_SMC_VM_CREATED, client, vm->cfg->mem_base, vm->cfg->mem_size,
		     vm_tee_identity(vm->cfg->name));
	if (r != OPTEE_SMC_RETURN_OK) {
		hyp_log("%s: the trusted OS refused it (VM_CREATED %#lx: %#x): no TEE for it",
			vm->cfg->name, client, r);
		return 0;
	}
	t->client = client;
	return 1;
}

int tee_med_random(void *buf, size_t len)
{
	uint8_t *out = buf;

	while (len) {
		uint64_t a[8] = {RAMPART_SMC_GET_RANDOM};
		size_t n = len < 4 * sizeof(uint64_t) ? len : 4 * sizeof(uint64_t);

		smccc_smc8(a);
		if ((uint32_t)a[0] != OPTEE_SMC_RETURN_OK)
			return -1;
		memcpy(out, &a[1], n);
		memset(a, 0, sizeof(a));
		out += n;
		len -= n;
	}
	return 0;
}

/* Resume one suspended call of a closed guest until it ends: 0, or -1 if it would not. */
static int finish_call(uint64_t client, unsigned int thread)
{
	for (int i = 0; i < STOP_RESUMES; i++) {
		uint64_t a[8] = {OPTEE_SMC_CALL_RETURN_FROM_RPC, 0, 0, thread, 0, 0, 0, client};

		smccc_smc8(a);
		if (!OPTEE_SMC_RETURN_IS_RPC((uint32_t)a[0]))
			return 0;
	}
	return -1;
}

void tee_med_vm_stop(struct vm *vm)
{
	struct tee_med *t = &vm->tee;
	uint32_t r;

	if (!t->client)
		return;
	r = tee_fast(OPTEE_SMC_VM_DESTROYED, t->client, 0, 0, 0);
	if (r == OPTEE_SMC_RETURN_EBUSY) {
		/* Closed now: its calls fail every request and end (tee/guest.h). */
		for (unsigned int n = 0; n < TEE_MED_THREADS; n++)
			if ((t->suspended >> n & 1) && finish_call(t->client, n))
				hyp_log("%s: trusted OS thread %u would not end", vm->cfg->name, n);
		r = tee_fast(OPTEE_SMC_VM_DESTROYED, t->client, 0, 0, 0);
	}
	if (r != OPTEE_SMC_RETURN_OK)
		hyp_log("%s: VM_DESTROYED %#lx: %#x: its TEE state is not freed", vm->cfg->name,
			t->client, r);
	t->client = 0;
	t->suspended = 0;
}

int tee_med_call(struct vcpu *v)
{
	struct tee_med *t = &v->vm->tee;
	uint64_t *x = v->regs.x;
	uint32_t fid = (uint32_t)x[0];
	unsigned int owner = SMCCC_OWNER(fid);
	uint64_t a[8], resumed;

	if (owner < OWNER_TRUSTED_OS_FIRST || owner > OWNER_TRUSTED_OS_LAST)
		return 0;
	if (!t->client) {
		x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		return 1;
	}
	switch (fid) {
	case OPTEE_SMC_GET_SHM_CONFIG: /* no static shared memory for guests */
		x[0] = OPTEE_SMC_RETURN_ENOTAVAIL;
		return 1;
	case OPTEE_SMC_VM_CREATED: /* the hypervisor's calls, not a guest's */
	case OPTEE_SMC_VM_DESTROYED:
	case RAMPART_SMC_GET_RANDOM:
		x[0] = OPTEE_SMC_RETURN_UNKNOWN_FUNCTION;
		return 1;
	}
	memcpy(a, x, 7 * sizeof(a[0]));
	a[7] = t->client; /* the guest's own ID, whatever it put in x7 */
	resumed = fid == OPTEE_SMC_CALL_RETURN_FROM_RPC ? a[3] : TEE_MED_THREADS;
	smccc_smc8(a);
	/*
	 * Which OP-TEE threads wait in an RPC for this VM, so that a stop can end them: a resume
	 * the trusted OS took is no longer waiting (one it refused, ERESUME, is as it was), and an
	 * RPC answer names the thread now waiting in a3.
	 */
	spin_lock(&t->lock);
	if (resumed < TEE_MED_THREADS && (uint32_t)a[0] != OPTEE_SMC_RETURN_ERESUME)
		t->suspended &= ~(1UL << resumed);
	if (OPTEE_SMC_RETURN_IS_RPC((uint32_t)a[0]) && a[3] < TEE_MED_THREADS)
		t->suspended |= 1UL << a[3];
	spin_unlock(&t->lock);
	memcpy(x, a, 7 * sizeof(a[0]));
	return 1;
}
