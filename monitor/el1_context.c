// SPDX-License-Identifier: BSD-2-Clause
#include <arch/sysreg.h>
#include <string.h>

#include "el1_context.h"
#include "pac.h"

#define SCTLR_EL1_RES1 0x30d00800UL

/*
 * TTBR1_EL1 is left out: the trusted OS runs with TCR_EL1.EPD1 set and its ASIDs in TTBR0, so
 * the normal world's TTBR1 is never walked in the secure world and can stay where it is. Not
 * switching it spares a TLB flush each way (its ASID field would change).
 */
void el1_context_save(struct el1_context *c)
{
	const uint64_t *key = monitor_pac_lower_key();

	c->sctlr = read_sysreg(sctlr_el1);
	c->actlr = read_sysreg(actlr_el1);
	c->cpacr = read_sysreg(cpacr_el1);
	c->csselr = read_sysreg(csselr_el1);
	c->sp_el1 = read_sysreg(sp_el1);
	c->esr = read_sysreg(esr_el1);
	c->ttbr0 = read_sysreg(ttbr0_el1);
	c->mair = read_sysreg(mair_el1);
	c->amair = read_sysreg(amair_el1);
	c->tcr = read_sysreg(tcr_el1);
	c->tpidr_el1 = read_sysreg(tpidr_el1);
	c->tpidr_el0 = read_sysreg(tpidr_el0);
	c->tpidrro_el0 = read_sysreg(tpidrro_el0);
	c->par = read_sysreg(par_el1);
	c->far = read_sysreg(far_el1);
	c->afsr0 = read_sysreg(afsr0_el1);
	c->afsr1 = read_sysreg(afsr1_el1);
	c->contextidr = read_sysreg(contextidr_el1);
	c->vbar = read_sysreg(vbar_el1);
	c->spsr = read_sysreg(spsr_el1);
	c->elr = read_sysreg(elr_el1);
	c->sp_el0 = read_sysreg(sp_el0);
	c->mdscr = read_sysreg(mdscr_el1);
	c->cntkctl = read_sysreg(cntkctl_el1);
	/*
	 * The trusted OS signs return addresses with its own APIA key: the normal world's must
	 * come back intact (the kernel's own return addresses are signed with it). The other keys
	 * are the normal world's alone; the trusted OS does not touch them. While the monitor
	 * runs, the registers hold its own key and the live context's is in this CPU's slot,
	 * which the exit paths load (pac.h): the slot stands for the register here.
	 */
	if (key) {
		c->apia_key[0] = key[0];
		c->apia_key[1] = key[1];
	}
}

/*
 * Writes only what differs: several of these registers make an implementation drop its TLBs
 * when written (QEMU flushes on every TCR_EL1 and SCTLR_EL1 change), and a world switch often
 * leaves some of them as they were.
 */
#define write_sysreg_changed(reg, val)                                                             \
	do {                                                                                       \
		uint64_t __new = (val);                                                            \
		if (read_sysreg(reg) != __new)                                                     \
			write_sysreg(reg, __new);                                                  \
	} while (0)

void el1_context_restore(const struct el1_context *c)
{
	uint64_t *key = monitor_pac_lower_key();

	write_sysreg_changed(sctlr_el1, c->sctlr);
	write_sysreg_changed(actlr_el1, c->actlr);
	write_sysreg_changed(cpacr_el1, c->cpacr);
	write_sysreg_changed(csselr_el1, c->csselr);
	write_sysreg_changed(sp_el1, c->sp_el1);
	write_sysreg_changed(esr_el1, c->esr);
	write_sysreg_changed(ttbr0_el1, c->ttbr0);
	write_sysreg_changed(mair_el1, c->mair);
	write_sysreg_changed(amair_el1, c->amair);
	write_sysreg_changed(tcr_el1, c->tcr);
	write_sysreg_changed(tpidr_el1, c->tpidr_el1);
	write_sysreg_changed(tpidr_el0, c->tpidr_el0);
	write_sysreg_changed(tpidrro_el0, c->tpidrro_el0);
	write_sysreg_changed(par_el1, c->par);
	write_sysreg_changed(far_el1, c->far);
	write_sysreg_changed(afsr0_el1, c->afsr0);
	write_sysreg_changed(afsr1_el1, c->afsr1);
	write_sysreg_changed(contextidr_el1, c->contextidr);
	write_sysreg_changed(vbar_el1, c->vbar);
	write_sysreg_changed(spsr_el1, c->spsr);
	write_sysreg_changed(elr_el1, c->elr);
	write_sysreg_changed(sp_el0, c->sp_el0);
	write_sysreg_changed(mdscr_el1, c->mdscr);
	write_sysreg_changed(cntkctl_el1, c->cntkctl);
	if (key) {
		key[0] = c->apia_key[0];
		key[1] = c->apia_key[1];
	}
	isb();
}

void el1_context_reset(struct el1_context *c)
{
	memset(c, 0, sizeof(*c));
	c->sctlr = SCTLR_EL1_RES1;
}
