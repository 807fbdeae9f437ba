/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The trusted OS for VMs: each VM with `tee = "optee"` (the default, vm_config.h) reaches the
 * one trusted OS through OP-TEE's virtualization ABI (shared/reference/optee-virt-storage-
 * suites.md). At every boot the hypervisor announces the VM with VM_CREATED under a client ID
 * of that boot, with the VM's RAM (the only memory its calls may name: the trusted OS checks
 * every address against it, guest-physical being physical here, vm_config.h), forwards the VM's
 * SMCs in the Trusted OS range with that ID in a7, and when the VM stops or restarts, ends the
 * calls it left suspended and frees its state with VM_DESTROYED. docs/hypervisor.md, "TEE".
 */
#ifndef HYP_TEE_MED_H
#define HYP_TEE_MED_H

#include <arch/spinlock.h>
#include <stddef.h>
#include <stdint.h>

struct vm;
struct vcpu;

/* Calls the trusted OS has in flight for one OP-TEE thread at most this many (THREAD_COUNT). */
#define TEE_MED_THREADS 64

struct tee_med {
	struct spinlock lock;
	uint64_t client;    /* its SMCCC client ID this boot, 0: no trusted OS */
	uint64_t suspended; /* bit n: OP-TEE thread n waits in an RPC for this VM */
};

/* Before a VM (re)boots: VM_CREATED. 1 if it has the trusted OS (its device tree says so). */
int tee_med_vm_start(struct vm *vm);
/* Once every vCPU of a stopping VM is out: its suspended calls ended, VM_DESTROYED. */
void tee_med_vm_stop(struct vm *vm);
/*
 * len bytes from the trusted OS's CTR_DRBG (RAMPART_SMC_GET_RANDOM), for the seeds a VM's
 * device tree carries: 0, or -1 if the trusted OS gave none.
 */
int tee_med_random(void *buf, size_t len);
/* A guest SMC/HVC: 1 if it was the trusted OS's (x0..x6 set), 0 if not ours. */
int tee_med_call(struct vcpu *v);

#endif
