/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The vCPU scheduler's policy (sched.c applies it): per-CPU run queues ordered by weighted run
 * time, credit-like weights, where a waking vCPU goes and what an idle CPU may take from
 * another's queue. Pure: no locks, no registers; unit tested on the host.
 *
 * Each vCPU carries a weighted run time: the counter ticks it ran, times SCHED_WEIGHT_SCALE,
 * divided by its VM's weight. A CPU runs the queued vCPU with the least, so under contention a
 * VM of weight 2 runs twice as long as one of weight 1 for the same weighted time. A vCPU that
 * slept does not bank its idle time: it comes back at most one slice behind the queue's floor.
 */
#ifndef HYP_SCHED_POLICY_H
#define HYP_SCHED_POLICY_H

#include <stdint.h>

#define SCHED_WEIGHT_MAX   64
#define SCHED_WEIGHT_SCALE 64 /* weighted time of weight w: ticks * 64 / w */

struct sched_ent {
	struct sched_ent *next; /* run queue link */
	uint64_t vruntime;	/* weighted run time, counter ticks scaled */
	uint32_t weight;	/* 1..SCHED_WEIGHT_MAX */
	uint32_t allowed;	/* physical CPUs it may run on, one bit each */
	unsigned int cpu;	/* the queue it is on, or the CPU it ran on last */
	int queued;
	/* Its registers are loaded on cpu (sched.c keeps them there lazily): it runs there only. */
	int sticky;
};

struct sched_rq {
	struct sched_ent *head;
	unsigned int nr;
	uint64_t floor; /* the least weighted time run here lately: where sleepers come back */
};

/*
 * Queue e on rqs[cpu] (e->cpu becomes cpu), its weighted time carried over relative to the
 * floors if it comes from another queue; it comes back at most slice counter ticks (at weight 1)
 * behind the floor.
 */
void sched_enqueue(struct sched_rq *rqs, unsigned int cpu, struct sched_ent *e, uint64_t slice);
/* Take the queued entity with the least weighted time off rq, or NULL. */
struct sched_ent *sched_pick(struct sched_rq *rq);
/* Remove e from rq (it is queued there). */
void sched_dequeue(struct sched_rq *rq, struct sched_ent *e);
/* e ran ticks counter ticks. */
void sched_charge(struct sched_ent *e, uint64_t ticks);
/* cur ran ticks on the CPU of rq: charge it, and move rq's floor up to what runs or waits. */
void sched_ran(struct sched_rq *rq, struct sched_ent *cur, uint64_t ticks);
/* Should cur, having run, give way to the best queued entity on rq (ahead by gran ticks)? */
int sched_should_yield(const struct sched_rq *rq, const struct sched_ent *cur, uint64_t gran);
/*
 * An idle CPU self looks at the other queues (rqs[0..n)): the longest queue's best entity that
 * may run on self and is not sticky, moved to self (its weighted time carried over), or NULL.
 */
struct sched_ent *sched_steal(struct sched_rq *rqs, unsigned int n, unsigned int self);
/*
 * Should CPU self pull from another queue? Yes when some CPU has at least two more entities
 * (running, a bit per CPU in running, and queued) than self: with every CPU busy nobody idles
 * to steal, so busy CPUs even the queues out at their slice ends.
 */
int sched_imbalanced(const struct sched_rq *rqs, unsigned int n, unsigned int self,
		     uint32_t running);
/*
 * Is an entity queued on another CPU, saved and allowed on self, behind than (a weighted time)
 * by more than margin ticks? Then self should take it: weights hold across CPUs, not only
 * within each queue (two heavy vCPUs sharing one CPU while two light ones share another
 * would otherwise split the machine evenly whatever the weights).
 */
int sched_remote_better(struct sched_rq *rqs, unsigned int n, unsigned int self, uint64_t than,
			uint64_t margin);
/*
 * What self runs next: the least weighted time of its queue, or of another queue's saved
 * entities allowed on self if that is behind by more than margin ticks (moved to self). NULL
 * if self's queue is empty and nothing elsewhere is behind.
 */
struct sched_ent *sched_pick_global(struct sched_rq *rqs, unsigned int n, unsigned int self,
				    uint64_t margin);
/*
 * Where a waking entity goes: its CPU if sticky; else its last CPU if allowed and idle (idle:
 * a bit per CPU running nothing); else an idle allowed CPU; else its last CPU if allowed; else
 * the allowed CPU with the shortest queue. Idle CPUs even the queues out by stealing.
 */
unsigned int sched_place(const struct sched_rq *rqs, unsigned int n, const struct sched_ent *e,
			 uint32_t idle);

#endif
