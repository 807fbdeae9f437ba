// SPDX-License-Identifier: BSD-2-Clause
/* Normal-world clients by SMCCC client ID, their RAM and their shares of the tables (guest.h). */
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "crypto.h"
#include "guest.h"
#include "heap.h"
#include "msg.h"
#include "pages.h"
#include "shm.h"
#include "ta.h"
#include "ta_fetch.h"
#include "thread.h"

enum { GUEST_LIVE, GUEST_CLOSING, GUEST_FREEING };

struct guest {
	uint64_t id; /* 0: the slot is free (ID 0 is never a guest) */
	int dying;   /* GUEST_CLOSING or GUEST_FREEING after VM_DESTROYED: no new call is taken */
	uint64_t ram_base, ram_size; /* size 0: the hypervisor gave no range */
	uint64_t identity;	     /* what names its trusted storage, across its boots */
	uint32_t held[GUEST_RESOURCES];
};

static struct guest guests[GUEST_MAX];
static uint32_t guest_count;
static struct spinlock guest_lock;

/* guest_lock held. */
static struct guest *find(uint64_t id)
{
	for (int i = 0; id && i < GUEST_MAX; i++)
		if (guests[i].id == id)
			return &guests[i];
	return NULL;
}

uint32_t guest_created(uint64_t id, uint64_t ram_base, uint64_t ram_size, uint64_t identity)
{
	struct guest *g = NULL;
	uint32_t ret = OPTEE_SMC_RETURN_OK;

	if (!id) /* the hypervisor's own ID names no guest */
		return OPTEE_SMC_RETURN_ENOTAVAIL;
	if ((ram_size && ram_base + ram_size < ram_base) || (!ram_size && ram_base)) {
		log_error("VM_CREATED %#lx: RAM %#lx + %#lx is not a range", id, ram_base,
			  ram_size);
		return OPTEE_SMC_RETURN_EBADADDR;
	}
	spin_lock(&guest_lock);
	if (find(id)) {
		/* A second VM_CREATED must not reset what the guest holds (it would leak it). */
		ret = OPTEE_SMC_RETURN_EBUSY;
	} else {
		for (int i = 0; i < GUEST_MAX && !g; i++)
			if (!guests[i].id)
				g = &guests[i];
		if (g) {
			memset(g, 0, sizeof(*g));
			g->id = id;
			g->ram_base = ram_base;
			g->ram_size = ram_size;
			g->identity = identity ? identity : id;
			guest_count++;
		} else {
			ret = OPTEE_SMC_RETURN_ENOTAVAIL;
		}
	}
	spin_unlock(&guest_lock);
	if (ret == OPTEE_SMC_RETURN_EBUSY)
		log_error("VM_CREATED %#lx refused: that guest exists already", id);
	else if (ret != OPTEE_SMC_RETURN_OK)
		log_error("VM_CREATED %#lx refused: %d guests already", id, GUEST_MAX);
	else
		log_info("guest %#lx created (RAM %#lx, %#lx bytes, storage identity %#lx)", id,
			 ram_base, ram_size, identity ? identity : id);
	return ret;
}

/* Runs on a thread lent to the dying guest (thread_run_for_client): it makes no RPC. */
static void free_guest_state(uint64_t id)
{
	/* Its instances run nothing more; then its sessions, then what no session held. */
	ta_mark_client_dead(id);
	msg_close_client_sessions(id);
	ta_free_client_instances(id);
	shm_free_client(id);
	ta_fetch_forget_client(id);
}

uint32_t guest_destroyed(uint64_t id)
{
	struct guest *g;
	uint32_t threads = 0;
	size_t left_bytes, left_pages;
	int mine = 0;

	spin_lock(&guest_lock);
	g = find(id);
	if (g && g->dying != GUEST_FREEING) {
		/*
		 * From here on none of its calls is taken, none of its memory touched, and its
		 * suspended calls fail every request (thread_rpc) so they end at their next resume.
		 */
		g->dying = GUEST_CLOSING;
		threads = g->held[GUEST_THREADS];
		mine = !threads;
		if (mine)
			g->dying = GUEST_FREEING;
	}
	spin_unlock(&guest_lock);
	if (threads) {
		log_info("VM_DESTROYED %#lx: %u of its calls are still on threads: resume them", id,
			 threads);
		return OPTEE_SMC_RETURN_EBUSY;
	}
	if (!mine) { /* unknown, or being freed by another CPU right now */
		log_error("VM_DESTROYED %#lx refused: no such guest", id);
		return OPTEE_SMC_RETURN_ENOTAVAIL;
	}
	if (thread_run_for_client(id, free_guest_state)) {
		spin_lock(&guest_lock);
		g->dying = GUEST_CLOSING;
		spin_unlock(&guest_lock);
		log_error("VM_DESTROYED %#lx: no free thread to free it on, try again", id);
		return OPTEE_SMC_RETURN_EBUSY;
	}
	/* Anything still charged to it now is the trusted OS's: the slot starts clean. */
	left_bytes = heap_reclaim_slot(1 + (int)(g - guests));
	left_pages = pages_reclaim_slot(1 + (int)(g - guests));
	if (left_bytes || left_pages)
		log_error(
		    "guest %#lx destroyed with %zu heap bytes and %zu pages still charged to it",
		    id, left_bytes, left_pages);
	spin_lock(&guest_lock);
	memset(g, 0, sizeof(*g));
	guest_count--;
	spin_unlock(&guest_lock);
	log_info("guest %#lx destroyed: its sessions, instances and shared memory are freed", id);
	return OPTEE_SMC_RETURN_OK;
}

int guest_known(uint64_t id)
{
	struct guest *g;
	int known;

	if (!id)
		return 1;
	spin_lock(&guest_lock);
	g = find(id);
	known = g && !g->dying;
	spin_unlock(&guest_lock);
	return known;
}

int guest_range_ok(uint64_t id, uint64_t pa, uint64_t size)
{
	struct guest *g;
	int ok;

	if (!id)
		return 1;
	spin_lock(&guest_lock);
	g = find(id);
	/* A dying guest's memory is about to be someone else's: nothing of it is touched. */
	ok = g && !g->dying &&
	     (!g->ram_size ||
	      (pa >= g->ram_base && size <= g->ram_size && pa - g->ram_base <= g->ram_size - size));
	spin_unlock(&guest_lock);
	return ok;
}

/* An equal share for each guest, and never more than half while one is alone (lock held). */
static uint64_t share_of(uint64_t total)
{
	return total / (guest_count > 2 ? guest_count : 2);
}

uint64_t guest_share(uint64_t total)
{
	uint64_t share;

	spin_lock(&guest_lock);
	share = share_of(total);
	spin_unlock(&guest_lock);
	return share;
}

int guest_charge(uint64_t id, enum guest_resource r, uint32_t total)
{
	struct guest *g;
	int ret = 0;

	if (!id)
		return 0;
	spin_lock(&guest_lock);
	g = find(id);
	if (!g || g->dying) {
		ret = -2;
	} else {
		uint32_t share = (uint32_t)share_of(total);

		if (g->held[r] >= (share ? share : 1))
			ret = -1;
		else
			g->held[r]++;
	}
	spin_unlock(&guest_lock);
	return ret;
}

void guest_uncharge(uint64_t id, enum guest_resource r)
{
	struct guest *g;

	if (!id)
		return;
	spin_lock(&guest_lock);
	g = find(id);
	if (g && g->held[r])
		g->held[r]--;
	spin_unlock(&guest_lock);
}

uint32_t guest_held(uint64_t id, enum guest_resource r)
{
	struct guest *g;
	uint32_t n;

	spin_lock(&guest_lock);
	g = find(id);
	n = g ? g->held[r] : 0;
	spin_unlock(&guest_lock);
	return n;
}

int guest_slot(uint64_t id)
{
	struct guest *g;

	if (!id)
		return 0;
	spin_lock(&guest_lock);
	g = find(id);
	spin_unlock(&guest_lock);
	return g ? 1 + (int)(g - guests) : -1;
}

void guest_store_uuid(uint64_t id, const uint8_t uuid[16], uint8_t out[16])
{
	static const char label[] = "rampart guest store";
	uint8_t msg[sizeof(label) + 8 + 16], digest[32];
	uint64_t identity = 0;
	struct guest *g;

	spin_lock(&guest_lock);
	g = find(id);
	if (g)
		identity = g->identity;
	spin_unlock(&guest_lock);
	if (!id || !g) {
		memcpy(out, uuid, 16);
		return;
	}
	memcpy(msg, label, sizeof(label));
	for (int i = 0; i < 8; i++)
		msg[sizeof(label) + i] = (uint8_t)(identity >> (8 * i));
	memcpy(msg + sizeof(label) + 8, uuid, 16);
	sha256(msg, sizeof(msg), digest);
	memcpy(out, digest, 16);
}
