// SPDX-License-Identifier: BSD-2-Clause
/*
 * OP-TEE fast calls: identification, revision, capabilities (optee-smc-abi.md, probe sequence);
 * the hypervisor's guest announcements and its random seeds.
 */
#include <arch/sysreg.h>
#include <plat/platform.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "guest.h"
#include "tee.h"
#include "thread.h"

/* Rampart trusted OS UUID (GET_OS_UUID): a2a1d5c6-5b4e-4f38-9d0c-3e7a61f0b28d. */
#define RAMPART_OS_UUID_0 0xa2a1d5c6U
#define RAMPART_OS_UUID_1 0x5b4e4f38U
#define RAMPART_OS_UUID_2 0x9d0c3e7aU
#define RAMPART_OS_UUID_3 0x61f0b28dU

/*
 * What we implement: registered (dynamic) shared memory, no reserved carve-out, null memory
 * references (a temporary memref with no buffer reaches the TA as NULL; with this bit optee.ko
 * lets clients pass them, TEE_GEN_CAP_MEMREF_NULL), and several guests under a hypervisor
 * (guest.h).
 */
#define RAMPART_SEC_CAPS                                                                           \
	(OPTEE_SMC_SEC_CAP_DYNAMIC_SHM | OPTEE_SMC_SEC_CAP_MEMREF_NULL |                           \
	 OPTEE_SMC_SEC_CAP_VIRTUALIZATION)

static uint64_t join(uint64_t hi, uint64_t lo)
{
	return (hi & 0xffffffffUL) << 32 | (lo & 0xffffffffUL);
}

static void set4(struct tee_smc_args *args, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
	args->a[0] = a0;
	args->a[1] = a1;
	args->a[2] = a2;
	args->a[3] = a3;
}

/* RAMPART_SMC_GET_RANDOM (optee_abi.h): the hypervisor's seeds for its VMs. */
static void get_random(struct tee_smc_args *args)
{
	uint64_t r[4];

	if (args->a[7] || tee_random(r, sizeof(r)) != TEEC_SUCCESS) {
		set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		return;
	}
	args->a[0] = OPTEE_SMC_RETURN_OK;
	memcpy(&args->a[1], r, sizeof(r));
	memset(r, 0, sizeof(r));
}

void tee_fast_call(struct tee_smc_args *args)
{
	/* Whatever thread last ran on this CPU is not this call's (thread_client() is 0 here). */
	write_sysreg(tpidr_el1, 0);
	thread_entry_tables_check();
	switch ((uint32_t)args->a[0]) {
	case OPTEE_SMC_CALLS_COUNT:
		set4(args, 14, 0, 0, 0);
		break;
	case OPTEE_SMC_CALLS_UID:
		set4(args, OPTEE_MSG_UID_0, OPTEE_MSG_UID_1, OPTEE_MSG_UID_2, OPTEE_MSG_UID_3);
		break;
	case OPTEE_SMC_CALLS_REVISION:
		set4(args, OPTEE_MSG_REVISION_MAJOR, OPTEE_MSG_REVISION_MINOR, 0, 0);
		break;
	case OPTEE_SMC_GET_OS_UUID:
		set4(args, RAMPART_OS_UUID_0, RAMPART_OS_UUID_1, RAMPART_OS_UUID_2,
		     RAMPART_OS_UUID_3);
		break;
	case OPTEE_SMC_GET_OS_REVISION:
		set4(args, RAMPART_TEE_REVISION_MAJOR, RAMPART_TEE_REVISION_MINOR, 0, 0);
		break;
	case OPTEE_SMC_EXCHANGE_CAPABILITIES:
		/* a1 in: normal-world capabilities (bit 0: uniprocessor); nothing depends on it. */
		set4(args, OPTEE_SMC_RETURN_OK, RAMPART_SEC_CAPS, 0, 0);
		break;
	case OPTEE_SMC_DISABLE_SHM_CACHE:
		/* No cached shared memory to hand back: ENOTAVAIL ends the driver's loop. */
		set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
		break;
	case OPTEE_SMC_ENABLE_SHM_CACHE:
		set4(args, OPTEE_SMC_RETURN_OK, 0, 0, 0);
		break;
	case OPTEE_SMC_VM_CREATED:
	case OPTEE_SMC_VM_DESTROYED:
		/*
		 * The hypervisor's own calls (client ID 0): a guest's a7 is never 0, as the
		 * hypervisor sets it, so no guest can create or destroy one.
		 */
		if (args->a[7]) {
			set4(args, OPTEE_SMC_RETURN_ENOTAVAIL, 0, 0, 0);
			break;
		}
		if ((uint32_t)args->a[0] == OPTEE_SMC_VM_CREATED)
			set4(args,
			     guest_created(args->a[1], join(args->a[2], args->a[3]),
					   join(args->a[4], args->a[5]), args->a[6]),
			     0, 0, 0);
		else
			set4(args, guest_destroyed(args->a[1]), 0, 0, 0);
		break;
	case OPTEE_SMC_GET_THREAD_COUNT:
		set4(args, OPTEE_SMC_RETURN_OK, THREAD_COUNT, 0, 0);
		break;
	case RAMPART_SMC_GET_RANDOM:
		get_random(args);
		break;
	default:
		set4(args, OPTEE_SMC_RETURN_UNKNOWN_FUNCTION, 0, 0, 0);
		break;
	}
}
