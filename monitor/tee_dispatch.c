// SPDX-License-Identifier: BSD-2-Clause
/*
 * Trusted OS dispatcher: starts the trusted OS before the normal world, initialises it on each CPU
 * that comes on, and forwards the normal world's Trusted OS calls (SMCCC owners 50-63) to it.
 */
#include <arch/cache.h>
#include <arch/el3.h>
#include <arch/sysreg.h>
#include <log.h>
#include <panic.h>
#include <plat/topology.h>
#include <rampart/smccc.h>
#include <rampart/tee_monitor.h>
#include <string.h>

#include "el1_context.h"
#include "monitor.h"
#include "ns_fp.h"

struct tee_cpu {
	struct el1_context secure;
	struct el1_context normal;
	int ready;
};

void tee_run(uint64_t entry, uint64_t regs[8]);
void tee_return(const uint64_t regs[8]) __attribute__((noreturn));

uint64_t tee_rt_sp[PLAT_MAX_CPUS];
/* SCR_EL3 while the secure world runs (tee_switch.S). */
uint64_t tee_secure_scr;

/*
 * The secure world gets the Armv8.0 controls (el3.c), and pointer authentication where the CPU
 * has it: the trusted OS signs its return addresses with its own APIA key, which the monitor
 * switches per world with the rest of the EL1 state (el1_context.c).
 */
static void tee_secure_scr_init(void)
{
	struct el3_ns_config c;

	el3_ns_config(&c);
	tee_secure_scr = SCR_EL3_RES1 | SCR_EL3_SIF | SCR_EL3_RW;
	if (c.features & CPU_FEAT_PAUTH)
		tee_secure_scr |= SCR_EL3_API | SCR_EL3_APK;
	ns_fp_init(&c);
}
static struct tee_cpu tee_cpus[PLAT_MAX_CPUS];
static uint64_t tee_entry_table;

static struct tee_cpu *this_tee_cpu(void)
{
	return &tee_cpus[plat_cpu_index(read_sysreg(mpidr_el1))];
}

/*
 * Run the trusted OS at entry with regs as x0..x7; it must come back with the expected ID. Every
 * way back to the normal world (a finished call, an RPC, a foreign interrupt) comes through here,
 * so the normal world's FP/SIMD state is put back here if the secure world used FP (ns_fp.c).
 */
static void enter(struct tee_cpu *c, uint64_t entry, uint64_t regs[8], uint64_t expect)
{
	el1_context_save(&c->normal);
	el1_context_restore(&c->secure);
	ns_fp_enter_secure();
	tee_run(entry, regs);
	ns_fp_leave_secure();
	el1_context_save(&c->secure);
	el1_context_restore(&c->normal);
	if ((uint32_t)regs[0] != expect)
		panic("trusted OS returned %#lx, expected %#lx", regs[0], expect);
}

int tee_present(void)
{
	return tee_entry_table != 0;
}

/* Where the trusted OS reads the board's seed at cold boot, with its MMU off. */
static uint8_t tee_seed[TEE_SEED_MAX] __attribute__((aligned(64)));

void tee_boot(uint64_t image_entry, uint64_t ns_base, uint64_t ns_size, const uint8_t *seed,
	      size_t seed_len, uint64_t stack_guard, const uint64_t pac_key[2])
{
	struct tee_cpu *c = this_tee_cpu();
	uint64_t regs[8] = {ns_base, ns_size, 0, 0, stack_guard, pac_key[0], pac_key[1]};

	if (!image_entry)
		return;
	tee_secure_scr_init();
	if (seed_len > sizeof(tee_seed))
		seed_len = sizeof(tee_seed);
	if (seed_len) {
		memcpy(tee_seed, seed, seed_len);
		dcache_clean_range((uintptr_t)tee_seed, sizeof(tee_seed));
		regs[2] = (uintptr_t)tee_seed;
		regs[3] = seed_len;
	}
	el1_context_reset(&c->secure);
	enter(c, image_entry, regs, TEE_RETURN_ENTRY_DONE);
	memset(tee_seed, 0, sizeof(tee_seed));
	dcache_clean_range((uintptr_t)tee_seed, sizeof(tee_seed));
	if (regs[1] < PLAT_TEE_BASE || regs[1] >= PLAT_TEE_BASE + PLAT_TEE_SIZE || (regs[1] & 3))
		panic("trusted OS entry table %#lx is outside its image", regs[1]);
	tee_entry_table = regs[1];
	c->ready = 1;
	log_info("trusted OS initialised, entry table %#lx", tee_entry_table);
}

void tee_cpu_on(void)
{
	struct tee_cpu *c = this_tee_cpu();
	uint64_t regs[8] = {0};

	if (!tee_entry_table || c->ready)
		return;
	el1_context_reset(&c->secure);
	enter(c, tee_entry_table + TEE_ENTRY_CPU_ON, regs, TEE_RETURN_ON_DONE);
	c->ready = 1;
}

void tee_forward(uint32_t fid, struct smc_frame *f)
{
	struct tee_cpu *c = this_tee_cpu();
	uint64_t regs[8];

	if (!tee_entry_table || !c->ready) {
		f->x[0] = (uint64_t)(int64_t)SMCCC_NOT_SUPPORTED;
		return;
	}
	for (int i = 0; i < 8; i++)
		regs[i] = f->x[i];
	enter(c, tee_entry_table + ((fid & SMCCC_FAST_CALL) ? TEE_ENTRY_FAST : TEE_ENTRY_YIELD),
	      regs, TEE_RETURN_CALL_DONE);
	/* x1..x7 of the trusted OS become a0..a6; a7 (the client's ID) is left as it was. */
	for (int i = 0; i < 7; i++)
		f->x[i] = regs[i + 1];
}

void tee_secure_smc(struct smc_frame *f)
{
	uint32_t fid = (uint32_t)f->x[0];

	if (fid != TEE_RETURN_ENTRY_DONE && fid != TEE_RETURN_CALL_DONE &&
	    fid != TEE_RETURN_ON_DONE)
		panic("unknown SMC %#x from the trusted OS at %#lx", fid, read_sysreg(elr_el3));
	tee_return(f->x);
}
