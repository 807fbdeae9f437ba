// SPDX-License-Identifier: BSD-2-Clause
/* The vCPU scheduler's policy (see sched_policy.h). */
#include "sched_policy.h"

#include <stddef.h>

/*
 * Weighted times are global: every spinning vCPU's advances alike when the machine is shared
 * fairly, and one that falls behind elsewhere is pulled over (sched_remote_better). A vCPU
 * moving to another queue keeps its weighted time, only kept within a few slices of that
 * queue's floor: one that ran long alone does not starve there until the others catch up.
 */
static void carry(struct sched_rq *rqs, struct sched_ent *e, unsigned int to, uint64_t slice)
{
	uint64_t back = slice * SCHED_WEIGHT_SCALE, floor = rqs[to].floor;

	if (e->cpu == to)
		return;
	if (e->vruntime > floor + 2 * back)
		e->vruntime = floor + 2 * back;
	e->cpu = to;
}

void sched_enqueue(struct sched_rq *rqs, unsigned int cpu, struct sched_ent *e, uint64_t slice)
{
	struct sched_rq *rq = &rqs[cpu];
	struct sched_ent **p = &rq->head;
	uint64_t back = slice * SCHED_WEIGHT_SCALE; /* a slice of weight 1 */

	carry(rqs, e, cpu, slice);
	if (rq->floor > back && e->vruntime < rq->floor - back)
		e->vruntime = rq->floor - back;
	while (*p)
		p = &(*p)->next;
	e->next = NULL;
	*p = e;
	e->cpu = cpu;
	e->queued = 1;
	rq->nr++;
}

void sched_dequeue(struct sched_rq *rq, struct sched_ent *e)
{
	for (struct sched_ent **p = &rq->head; *p; p = &(*p)->next)
		if (*p == e) {
			*p = e->next;
			e->next = NULL;
			e->queued = 0;
			rq->nr--;
			return;
		}
}

static struct sched_ent *best(const struct sched_rq *rq, unsigned int self, int stealing)
{
	struct sched_ent *b = NULL;

	for (struct sched_ent *e = rq->head; e; e = e->next) {
		if (stealing && (e->sticky || !(e->allowed & (1U << self))))
			continue;
		if (!b || e->vruntime < b->vruntime)
			b = e;
	}
	return b;
}

struct sched_ent *sched_pick(struct sched_rq *rq)
{
	struct sched_ent *e = best(rq, 0, 0);

	if (!e)
		return NULL;
	sched_dequeue(rq, e);
	if (e->vruntime > rq->floor)
		rq->floor = e->vruntime;
	return e;
}

void sched_charge(struct sched_ent *e, uint64_t ticks)
{
	e->vruntime += ticks * SCHED_WEIGHT_SCALE / (e->weight ? e->weight : 1);
}

void sched_ran(struct sched_rq *rq, struct sched_ent *cur, uint64_t ticks)
{
	const struct sched_ent *b = best(rq, 0, 0);
	uint64_t least = cur->vruntime;

	sched_charge(cur, ticks);
	least = cur->vruntime;
	if (b && b->vruntime < least)
		least = b->vruntime;
	if (least > rq->floor)
		rq->floor = least;
}

int sched_should_yield(const struct sched_rq *rq, const struct sched_ent *cur, uint64_t gran)
{
	const struct sched_ent *b = best(rq, 0, 0);

	return b && b->vruntime + gran * SCHED_WEIGHT_SCALE < cur->vruntime;
}

struct sched_ent *sched_steal(struct sched_rq *rqs, unsigned int n, unsigned int self)
{
	struct sched_ent *e = NULL;
	unsigned int from = 0, longest = 0;

	for (unsigned int c = 0; c < n; c++) {
		struct sched_ent *b;

		if (c == self || rqs[c].nr <= longest)
			continue;
		b = best(&rqs[c], self, 1);
		if (b) {
			e = b;
			from = c;
			longest = rqs[c].nr;
		}
	}
	if (!e)
		return NULL;
	sched_dequeue(&rqs[from], e);
	carry(rqs, e, self, 0);
	return e;
}

unsigned int sched_place(const struct sched_rq *rqs, unsigned int n, const struct sched_ent *e,
			 uint32_t idle)
{
	unsigned int best_cpu = e->cpu, best_nr = ~0U;

	if (e->sticky)
		return e->cpu;
	if ((e->allowed & (1U << e->cpu)) && (idle & (1U << e->cpu)))
		return e->cpu;
	for (unsigned int c = 0; c < n; c++)
		if ((e->allowed & idle & (1U << c)))
			return c;
	/* Where it ran: a short sleeper preempts there at once, without another hop. */
	if (e->allowed & (1U << e->cpu))
		return e->cpu;
	for (unsigned int c = 0; c < n; c++) {
		unsigned int nr = rqs[c].nr + !(idle & (1U << c)); /* the one it runs counts */

		if (!(e->allowed & (1U << c)))
			continue;
		if (nr < best_nr || (nr == best_nr && c == e->cpu)) {
			best_nr = nr;
			best_cpu = c;
		}
	}
	return best_cpu;
}

int sched_imbalanced(const struct sched_rq *rqs, unsigned int n, unsigned int self,
		     uint32_t running)
{
	unsigned int mine = rqs[self].nr + ((running >> self) & 1);

	for (unsigned int c = 0; c < n; c++)
		if (c != self && rqs[c].nr && rqs[c].nr + ((running >> c) & 1) >= mine + 2)
			return 1;
	return 0;
}

/* The entity with the least weighted time queued elsewhere that may run on self and is saved. */
static struct sched_ent *best_remote(struct sched_rq *rqs, unsigned int n, unsigned int self,
				     unsigned int *from)
{
	struct sched_ent *b = NULL;

	for (unsigned int c = 0; c < n; c++) {
		struct sched_ent *e;

		if (c == self)
			continue;
		e = best(&rqs[c], self, 1);
		if (e && (!b || e->vruntime < b->vruntime)) {
			b = e;
			*from = c;
		}
	}
	return b;
}

int sched_remote_better(struct sched_rq *rqs, unsigned int n, unsigned int self, uint64_t than,
			uint64_t margin)
{
	unsigned int from;
	const struct sched_ent *r = best_remote(rqs, n, self, &from);

	return r && r->vruntime + margin * SCHED_WEIGHT_SCALE < than;
}

struct sched_ent *sched_pick_global(struct sched_rq *rqs, unsigned int n, unsigned int self,
				    uint64_t margin)
{
	unsigned int from = 0;
	struct sched_ent *l = best(&rqs[self], self, 0), *r = best_remote(rqs, n, self, &from);

	if (r && (!l || r->vruntime + margin * SCHED_WEIGHT_SCALE < l->vruntime)) {
		sched_dequeue(&rqs[from], r);
		carry(rqs, r, self, 0);
		return r;
	}
	return sched_pick(&rqs[self]);
}
