/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Normal-world clients of the trusted OS, by SMCCC client ID (a7 of every call; SMCCC v1.4
 * 2.6). Without a hypervisor there is one, ID 0, which may use every table whole and all of
 * normal-world RAM. With one, the hypervisor (ID 0 itself) announces each guest with VM_CREATED
 * and puts the guest's ID in a7 of everything the guest calls (OP-TEE's virtualization ABI,
 * shared/reference/optee-virt-storage-suites.md): each guest then has its own sessions, shared
 * memory, TA instances and threads, a share of each table, and, when the hypervisor gives it,
 * the RAM it may point the trusted OS at. docs/trusted-os.md, "Several VMs".
 */
#ifndef TEE_GUEST_H
#define TEE_GUEST_H

#include <stdint.h>

/* Guests at once (besides ID 0). */
#define GUEST_MAX 4

/* What a guest holds a share of. */
enum guest_resource {
	GUEST_THREADS,
	GUEST_SESSIONS,
	GUEST_SHM,
	GUEST_RESOURCES,
};

/*
 * VM_CREATED: a1 = the guest's client ID; a2:a3 and a4:a5 (high:low 32 bits each), when not
 * zero, the base and size of the guest's RAM, which is then the only memory its calls may name;
 * a6, when not zero, the guest's identity across its boots (its client ID otherwise), which
 * names its trusted storage (guest_store_uuid). Both are Rampart's additions to OP-TEE's ABI: a
 * hypervisor that passes neither (Xen's mediator) gets OP-TEE's behaviour. Returns an
 * OPTEE_SMC_RETURN_* code.
 */
uint32_t guest_created(uint64_t id, uint64_t ram_base, uint64_t ram_size, uint64_t identity);
/*
 * The name a TA's trusted storage goes by for that client: the TA's UUID for ID 0, and for a
 * guest the first 16 bytes of SHA-256("rampart guest store" 00, identity (8 bytes, little
 * endian), UUID). Each guest's store is then sealed with keys of its own, its rollback state
 * kept apart, and a file another guest made never opens (docs/storage.md).
 */
void guest_store_uuid(uint64_t id, const uint8_t uuid[16], uint8_t out[16]);
/*
 * VM_DESTROYED: everything the guest had in the trusted OS is freed (its TA instances end
 * without their entry points running: the guest is gone). While one of its calls is still on a
 * thread (suspended in an RPC), the guest is closed instead (no new call, no memory of its
 * touched, every RPC of its calls fails at once) and the answer is EBUSY: the hypervisor then
 * resumes those calls, which end, and calls again. ENOTAVAIL for an unknown ID.
 */
uint32_t guest_destroyed(uint64_t id);
/* Whether calls from this client ID are taken: 0 always, others between the two calls above. */
int guest_known(uint64_t id);
/* Whether [pa, pa + size) lies in the RAM that client may name (all of it for ID 0). */
int guest_range_ok(uint64_t id, uint64_t pa, uint64_t size);
/*
 * Take one of a client's share of a table (total entries in all): 0, or -1 when the client holds
 * total / max(2, guests) already. ID 0 has no share: without a hypervisor it is alone.
 */
int guest_charge(uint64_t id, enum guest_resource r, uint32_t total);
void guest_uncharge(uint64_t id, enum guest_resource r);
/* A guest's share of total (heap bytes, pool pages: heap.c, pages.c count by guest_slot). */
uint64_t guest_share(uint64_t total);
/*
 * A small index for per-client state kept across calls (RPC buffers, guest.c's users): 0 for ID
 * 0, 1..GUEST_MAX for a live guest, -1 for an unknown one. A slot is reused once its guest is
 * destroyed: keep the client ID beside what is kept, and forget what a former guest left
 * (without an RPC: its normal world is gone).
 */
#define GUEST_SLOTS (1 + GUEST_MAX)
int guest_slot(uint64_t id);
/* What a client holds (for tests and statistics). */
uint32_t guest_held(uint64_t id, enum guest_resource r);

#endif
