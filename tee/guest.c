// SPDX-License-Identifier: BSD-2-Clause
/* Normal-world clients by SMCCC client ID, their RAM and their shares of the tables (guest.h). */
#include <arch/spinlock.h>
#include <log.h>
#include <rampart/optee_abi.h>
#include <string.h>

#include "guest.h"
#include "msg.h"
#include "shm.h"
#include "ta.h"
#include "thread.h"

struct guest {
	uint64_t id; /* 0: the slot is free (ID 0 is never a guest) */
	int dying;   /* VM_DESTROYED is freeing it: no new call is taken */
	uint64_t ram_base, ram_size; /* size 0: the hypervisor gave no range */
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

uint32_t guest_created(uint64_t id, uint64_t ram_base, uint64_t ram_size)
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
		log_info("guest %#lx created (RAM %#lx, %#lx bytes)", id, ram_base, ram_size);
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
}

uint32_t guest_destroyed(uint64_t id)
{
	struct guest *g;
	uint32_t threads = 0;
	int mine = 0;

	spin_lock(&guest_lock);
	g = find(id);
	if (g && !g->dying) {
		threads = g->held[GUEST_THREADS];
		mine = !threads;
		g->dying = mine; /* from here on no new call of its is taken */
	}
	spin_unlock(&guest_lock);
	if (threads) {
		log_error("VM_DESTROYED %#lx refused: %u of its calls are still on threads", id,
			  threads);
		return OPTEE_SMC_RETURN_EBUSY;
	}
	if (!mine) { /* unknown, or being destroyed by another CPU right now */
		log_error("VM_DESTROYED %#lx refused: no such guest", id);
		return OPTEE_SMC_RETURN_ENOTAVAIL;
	}
	if (thread_run_for_client(id, free_guest_state)) {
		spin_lock(&guest_lock);
		g->dying = 0;
		spin_unlock(&guest_lock);
		log_error("VM_DESTROYED %#lx: no free thread to free it on, try again", id);
		return OPTEE_SMC_RETURN_EBUSY;
	}
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
	     (!g->ram_size || (pa >= g->ram_base && size <= g->ram_size &&
			       pa - g->ram_base <= g->ram_size - size));
	spin_unlock(&guest_lock);
	return ok;
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
		/* An equal share for each guest, and never more than half while one is alone. */
		uint32_t share = total / (guest_count > 2 ? guest_count : 2);

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
