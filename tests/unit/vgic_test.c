// SPDX-License-Identifier: BSD-2-Clause
/*
 * Virtual GICv3 state: distributor and redistributor registers as Linux's GICv3 driver uses
 * them, which interrupt a vCPU is shown next, SGI targets and list register encoding.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "vgic.h"

static struct vgic g;

static int setup(void **state)
{
	(void)state;
	vgic_init(&g, 2);
	return 0;
}

/*
 * After every case: the count of pending interrupts that lets an exit skip the scan is the
 * true count (a missed update would leave an interrupt undelivered, or scan for nothing).
 */
static int pending_count_true(void **state)
{
	unsigned int n = 0;

	(void)state;
	for (unsigned int i = 0; i < VGIC_NR_SPIS; i++)
		n += g.spi[i].pending;
	for (unsigned int v = 0; v < VGIC_MAX_VCPUS; v++)
		for (unsigned int i = 0; i < 32; i++)
			n += g.priv[v][i].pending;
	assert_int_equal(g.pending_count, n);
	return 0;
}

static uint64_t dread(uint64_t off, unsigned int size)
{
	uint64_t v = 0xdeadbeef;
	uint32_t kick;

	assert_int_equal(vgic_dist_access(&g, off, size, 0, &v, &kick), 0);
	return v;
}

static uint32_t dwrite(uint64_t off, unsigned int size, uint64_t v)
{
	uint32_t kick;

	assert_int_equal(vgic_dist_access(&g, off, size, 1, &v, &kick), 0);
	return kick;
}

static uint64_t rread(unsigned int vcpu, uint64_t off, unsigned int size)
{
	uint64_t v = 0xdeadbeef;
	uint32_t kick;

	assert_int_equal(vgic_redist_access(&g, vcpu, off, size, 0, &v, &kick), 0);
	return v;
}

static uint32_t rwrite(unsigned int vcpu, uint64_t off, uint64_t v)
{
	uint32_t kick;

	assert_int_equal(vgic_redist_access(&g, vcpu, off, 4, 1, &v, &kick), 0);
	return kick;
}

static void identification(void **state)
{
	(void)state;
	assert_int_equal(dread(0xffe8, 4) & 0xf0, 0x30); /* GICD_PIDR2: GICv3 */
	assert_int_equal(dread(0x4, 4) & 0x1f, VGIC_NR_IRQS / 32 - 1);
	assert_int_equal(rread(0, 0xffe8, 4) & 0xf0, 0x30);
	/* GICR_TYPER: affinity = vCPU index, processor number, Last only on the last one. */
	assert_int_equal(rread(0, 0x8, 8), 0x0UL);
	assert_int_equal(rread(1, 0x8, 8), 1UL << 32 | 1 << 8 | 1 << 4);
	assert_int_equal(rread(1, 0xc, 4), 1);
	assert_int_equal(rread(0, 0x14, 4), 0); /* GICR_WAKER: awake */
	/* No third redistributor. */
	{
		uint64_t v;
		uint32_t kick;

		assert_int_equal(vgic_redist_access(&g, 2, 0x8, 8, 0, &v, &kick), -1);
	}
}

static void ctlr_keeps_are(void **state)
{
	(void)state;
	dwrite(0, 4, 0);
	assert_int_equal(dread(0, 4), 0x10); /* ARE_NS reads as one */
	dwrite(0, 4, 0x13);
	assert_int_equal(dread(0, 4), 0x12);
}

static void spi_enable_pending_route(void **state)
{
	(void)state;
	/* SPI 33 routed to vCPU 1, priority 0xa0, enabled, group 1 on. */
	dwrite(0x6000 + 8 * 33, 8, 1);
	assert_int_equal(dread(0x6000 + 8 * 33, 8), 1);
	dwrite(0x400 + 33, 1, 0xa0);
	assert_int_equal(dread(0x400 + 32, 4), 0xa000);
	assert_int_equal(dwrite(0x104, 4, 1U << 1), 0); /* nothing pending yet: no kick */
	assert_int_equal(dread(0x104, 4), 1U << 1);
	/* Pending while group 1 is off: not deliverable; enabling the group kicks vCPU 1. */
	assert_int_equal(vgic_raise(&g, 0, 33), 0);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	assert_int_equal(dwrite(0, 4, 0x2), 1U << 1);
	assert_int_equal(vgic_best_pending(&g, 1), 33);
	assert_int_equal(vgic_best_pending(&g, 0), -1); /* not vCPU 0's */
	assert_int_equal(dread(0x204, 4), 1U << 1);	/* ISPENDR1 */
	/* Disabled: not shown, but still pending. */
	dwrite(0x184, 4, 1U << 1);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	assert_int_equal(dread(0x204, 4), 1U << 1);
	/* IRM (any CPU) and out-of-range affinities go to vCPU 0; halves of IROUTER work. */
	dwrite(0x6000 + 8 * 33, 4, 1U << 31);
	assert_int_equal(g.spi[1].target, 0);
	dwrite(0x6000 + 8 * 33, 4, 7);
	assert_int_equal(g.spi[1].target, 0);
	dwrite(0x6000 + 8 * 33 + 4, 4, 0);
	dwrite(0x6000 + 8 * 33, 4, 1);
	assert_int_equal(g.spi[1].target, 1);
	/* Moved while pending and enabled: the new owner is kicked; disabled, nobody is. */
	dwrite(0x104, 4, 1U << 1);
	assert_int_equal(dwrite(0x6000 + 8 * 33, 8, 0), 1U << 0);
	assert_int_equal(dwrite(0x6000 + 8 * 33, 8, 1), 1U << 1);
	dwrite(0x184, 4, 1U << 1);
	assert_int_equal(dwrite(0x6000 + 8 * 33, 8, 0), 0);
}

static void banked_ranges_raz_in_distributor(void **state)
{
	(void)state;
	dwrite(0x100, 4, 0xffffffff);
	assert_int_equal(dread(0x100, 4), 0);
	assert_int_equal(g.priv[0][27].enabled, 0);
	assert_int_equal(dread(0x400, 4), 0);
	/* Beyond the implemented SPIs. */
	dwrite(0x10c, 4, 0xffffffff);
	assert_int_equal(dread(0x10c, 4), 0);
}

static void ppi_and_sgi_per_vcpu(void **state)
{
	(void)state;
	/* Redistributor SGI frame: enable PPI 27 on vCPU 1 only. */
	assert_int_equal(rwrite(1, 0x10100, 1U << 27), 0);
	assert_int_equal(rread(1, 0x10100, 4), 1U << 27);
	assert_int_equal(rread(0, 0x10100, 4), 0);
	assert_int_equal(vgic_raise(&g, 1, 27), 1U << 1);
	assert_int_equal(vgic_raise(&g, 0, 27), 0); /* disabled on vCPU 0 */
	assert_int_equal(vgic_best_pending(&g, 1), 27);
	/* Priority: a higher-priority (lower value) SGI wins. */
	rwrite(1, 0x10400 + 24, 0xa0000000); /* PPI 27 at 0xa0 */
	rwrite(1, 0x10100, 1U << 3);
	rwrite(1, 0x10400, 0x60000000); /* SGI 3 at 0x60 */
	vgic_raise(&g, 1, 3);
	assert_int_equal(vgic_best_pending(&g, 1), 3);
	/* Once a list register holds it, the next one comes. */
	g.priv[1][3].in_lr = 1;
	vgic_set_pending(&g, &g.priv[1][3], 0);
	assert_int_equal(vgic_best_pending(&g, 1), 27);
	/* ICPENDR clears. */
	rwrite(1, 0x10280, 1U << 27);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	/* SGIs stay edge-triggered whatever ICFGR0 says. */
	rwrite(1, 0x10c00, 0);
	assert_int_equal(rread(1, 0x10c00, 4), 0xaaaaaaaa);
}

static void level_source_lowers(void **state)
{
	(void)state;
	dwrite(0xc08, 4, 0); /* SPIs 32-47 level-sensitive */
	dwrite(0x104, 4, 1U << 1);
	dwrite(0, 4, 2);
	vgic_raise(&g, 0, 33);
	assert_int_equal(vgic_best_pending(&g, 0), 33);
	vgic_lower(&g, 0, 33);
	assert_int_equal(vgic_best_pending(&g, 0), -1);
	/* An edge-triggered one keeps its pending state. */
	dwrite(0xc08, 4, 2U << 2);
	vgic_raise(&g, 0, 33);
	vgic_lower(&g, 0, 33);
	assert_int_equal(vgic_best_pending(&g, 0), 33);
}

/*
 * An SGI asserted again while the guest still handles the previous one (a list register holds it
 * active): the owner is kicked at once, and its next flush folds the new assertion into that list
 * register as pending and active. Without this the edge waited for the vCPU's next exit, seconds
 * away for an idle guest.
 */
static void reassert_while_in_list_register(void **state)
{
	uint64_t active_lr, lr;

	(void)state;
	rwrite(1, 0x10100, 1U << 3); /* SGI 3 enabled on vCPU 1 */
	assert_int_equal(vgic_raise(&g, 1, 3), 1U << 1);
	g.priv[1][3].in_lr = 1;
	vgic_set_pending(&g, &g.priv[1][3], 0);
	active_lr = vgic_lr_make(3, 0, 0, 0) & ~(3UL << ICH_LR_STATE_SHIFT);
	active_lr |= ICH_LR_ACTIVE << ICH_LR_STATE_SHIFT;
	/* Nothing new: the list register is written back as it was. */
	assert_int_equal(vgic_lr_merge(&g, 1, active_lr), active_lr);
	assert_int_equal(vgic_raise(&g, 1, 3), 1U << 1); /* kicked although in_lr */
	assert_int_equal(vgic_best_pending(&g, 1), -1);	 /* no second list register */
	lr = vgic_lr_merge(&g, 1, active_lr);
	assert_int_equal(vgic_lr_state(lr), ICH_LR_PENDING | ICH_LR_ACTIVE);
	assert_int_equal(vgic_lr_intid(lr), 3);
	assert_int_equal(g.priv[1][3].pending, 0);
	/* Asserted while still pending in the list register: one pending state, not two. */
	lr = vgic_lr_make(3, 0, 0, 0);
	vgic_raise(&g, 1, 3);
	assert_int_equal(vgic_lr_merge(&g, 1, lr), lr);
	assert_int_equal(g.priv[1][3].pending, 0);
	/* A hardware-linked entry (the virtual timer) is left to its physical source. */
	rwrite(1, 0x10100, 1U << 27);
	vgic_raise(&g, 1, 27);
	lr = (vgic_lr_make(27, 0, 1, 0) & ~(3UL << ICH_LR_STATE_SHIFT)) |
	     ICH_LR_ACTIVE << ICH_LR_STATE_SHIFT;
	assert_int_equal(vgic_lr_merge(&g, 1, lr), lr);
	assert_int_equal(g.priv[1][27].pending, 1);
	/* Disabled meanwhile: not folded in, no kick. */
	rwrite(1, 0x10180, 1U << 3); /* ICENABLER0 */
	assert_int_equal(vgic_raise(&g, 1, 3), 0);
	assert_int_equal(vgic_lr_merge(&g, 1, active_lr), active_lr);
}

/*
 * A vCPU turns itself off (PSCI CPU_OFF) with an IPI still in a list register: dropping the list
 * registers must hand the interrupt back, or it stays "held by a list register" for good and that
 * SGI never reaches the vCPU again once CPU_ON brings it back (a guest's CPU hotplug then hung).
 */
static void forget_list_register_on_cpu_off(void **state)
{
	uint64_t pending_lr, active_lr, hw_lr;

	(void)state;
	rwrite(1, 0x10100, 1U << 1 | 1U << 2 | 1U << 27); /* SGIs 1, 2 and PPI 27 on vCPU 1 */
	vgic_raise(&g, 1, 1);
	vgic_raise(&g, 1, 2);
	vgic_raise_hw(&g, 1, 27);
	/* vgic_hw.c's flush: each into a list register. */
	for (unsigned int intid = 1; intid <= 27; intid += intid == 2 ? 25 : 1) {
		g.priv[1][intid].in_lr = 1;
		vgic_set_pending(&g, &g.priv[1][intid], 0);
		g.priv[1][intid].hw_active = 0;
	}
	pending_lr = vgic_lr_make(1, 0, 0, 1);
	active_lr = (vgic_lr_make(2, 0, 0, 1) & ~(3UL << ICH_LR_STATE_SHIFT)) |
		    ICH_LR_ACTIVE << ICH_LR_STATE_SHIFT;
	hw_lr = vgic_lr_make(27, 0, 1, 0);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	vgic_lr_forget(&g, 1, pending_lr);
	vgic_lr_forget(&g, 1, active_lr);
	vgic_lr_forget(&g, 1, hw_lr);
	vgic_lr_forget(&g, 1, 0); /* an empty list register: nothing */
	/*
	 * An entry the guest finished just before CPU_OFF (state invalid, not yet retired: the vCPU
	 * made no further entry): the timer's, typically. It too is no longer held.
	 */
	rwrite(1, 0x10100, 1U << 5);
	vgic_raise(&g, 1, 5);
	g.priv[1][5].in_lr = 1;
	vgic_set_pending(&g, &g.priv[1][5], 0);
	vgic_lr_forget(&g, 1, vgic_lr_make(5, 0, 0, 1) & ~(3UL << ICH_LR_STATE_SHIFT));
	assert_int_equal(g.priv[1][5].in_lr, 0);
	assert_int_equal(g.priv[1][5].pending, 0);
	assert_int_equal(vgic_raise(&g, 1, 5), 1U << 1);
	vgic_set_pending(&g, &g.priv[1][5], 0);
	/* The pending SGI stays pending, and is shown when the vCPU is back. */
	assert_int_equal(g.priv[1][1].in_lr, 0);
	assert_int_equal(vgic_best_pending(&g, 1), 1);
	/* The active one is gone with its CPU interface; raised again, it is shown again. */
	assert_int_equal(g.priv[1][2].in_lr, 0);
	assert_int_equal(g.priv[1][2].pending, 0);
	vgic_set_pending(&g, &g.priv[1][1], 0);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	assert_int_equal(vgic_raise(&g, 1, 2), 1U << 1);
	assert_int_equal(vgic_best_pending(&g, 1), 2);
	/* The timer's hardware-linked entry: not pending by itself, its source asserts it anew. */
	assert_int_equal(g.priv[1][27].in_lr, 0);
	assert_int_equal(g.priv[1][27].pending, 0);
	vgic_raise_hw(&g, 1, 27);
	vgic_set_pending(&g, &g.priv[1][2], 0);
	assert_int_equal(vgic_best_pending(&g, 1), 27);
}

/* The SPIs of the board's devices (QEMU virt: 34, 48-79) fit: INTIDs 32-95, none beyond. */
static void spis_up_to_95(void **state)
{
	(void)state;
	assert_int_equal(dread(0x4, 4) & 0x1f, 2); /* ITLinesNumber: 96 INTIDs */
	dwrite(0, 4, 2);
	dwrite(0x6000 + 8 * 95, 8, 1);			 /* IROUTER95: vCPU 1 */
	dwrite(0x400 + 92, 4, 0x40000000);		 /* IPRIORITYR: 95 at 0x40 */
	dwrite(0xc00 + 4 * (95 / 16), 4, 0);		 /* ICFGR5: 80-95 level-sensitive */
	assert_int_equal(dwrite(0x108, 4, 1U << 31), 0); /* ISENABLER2 bit 31: INTID 95 */
	assert_int_equal(dread(0x108, 4), 1U << 31);
	assert_int_equal(vgic_raise(&g, 0, 95), 1U << 1);
	assert_int_equal(vgic_best_pending(&g, 1), 95);
	assert_int_equal(g.spi[95 - 32].priority, 0x40);
	assert_int_equal(g.spi[95 - 32].edge, 0);
	assert_int_equal(dread(0x208, 4), 1U << 31); /* ISPENDR2 */
	/* 96 and up: no such interrupt. */
	assert_null(vgic_irq(&g, 0, 96));
	assert_int_equal(vgic_raise(&g, 0, 96), 0);
	dwrite(0x10c, 4, 0xffffffff);
	assert_int_equal(dread(0x10c, 4), 0);
	assert_int_equal(dread(0x6000 + 8 * 96, 8), 0);
}

/*
 * A device's SPI taken by the hypervisor: pending and held for a hardware-linked list register.
 * If the guest clears its pending state meanwhile, the held physical interrupt must be dropped
 * (deactivated by the hypervisor), or the device would never interrupt again.
 */
static void hardware_linked_spi(void **state)
{
	(void)state;
	dwrite(0, 4, 2);
	dwrite(0x6000 + 8 * 79, 8, 1);	   /* virtio transport 31: vCPU 1 */
	dwrite(0x108, 4, 1U << (79 - 64)); /* enabled */
	assert_int_equal(vgic_raise_hw(&g, 0, 79), 1U << 1);
	assert_true(g.spi[79 - 32].hw_active);
	assert_int_equal(vgic_best_pending(&g, 1), 79);
	/* ICPENDR2: the guest drops it; vCPU 1 is kicked to deactivate the physical one. */
	assert_int_equal(dwrite(0x288, 4, 1U << (79 - 64)), 1U << 1);
	assert_false(g.spi[79 - 32].hw_active);
	assert_true(g.spi[79 - 32].hw_drop);
	assert_int_equal(g.hw_drops, 1);
	assert_int_equal(vgic_best_pending(&g, 1), -1);
	/* Again before the drop is done: still one to do. */
	dwrite(0x288, 4, 1U << (79 - 64));
	assert_int_equal(g.hw_drops, 1);
	/* Set pending by the guest (ISPENDR): not held, so not hardware-linked. */
	g.spi[79 - 32].hw_drop = 0;
	g.hw_drops = 0;
	dwrite(0x208, 4, 1U << (79 - 64));
	assert_false(g.spi[79 - 32].hw_active);
	assert_int_equal(dwrite(0x288, 4, 1U << (79 - 64)), 0); /* cleared: nothing to drop */
	assert_int_equal(g.hw_drops, 0);
	/* The virtual timer's PPI is held the same way, per vCPU. */
	rwrite(0, 0x10100, 1U << 27);
	assert_int_equal(vgic_raise_hw(&g, 0, 27), 1U << 0);
	assert_true(g.priv[0][27].hw_active);
	assert_false(g.priv[1][27].hw_active);
	assert_int_equal(rwrite(0, 0x10280, 1U << 27), 1U << 0);
	assert_true(g.priv[0][27].hw_drop);
	assert_int_equal(g.hw_drops, 1);
}

static void bad_accesses(void **state)
{
	uint64_t v = 0;
	uint32_t kick;

	(void)state;
	assert_int_equal(vgic_dist_access(&g, 0x0, 2, 0, &v, &kick), -1);
	assert_int_equal(vgic_dist_access(&g, 0x102, 4, 0, &v, &kick), -1);
	assert_int_equal(vgic_dist_access(&g, 0x6000 + 8 * 33 + 2, 4, 0, &v, &kick), -1);
	assert_int_equal(vgic_redist_access(&g, 0, 0x10100, 2, 0, &v, &kick), -1);
}

static void sgi_targets(void **state)
{
	unsigned int intid;

	(void)state;
	/* Target list vCPU 1, SGI 5. */
	assert_int_equal(vgic_sgi_targets(5UL << 24 | 0x2, 0, 2, &intid), 1U << 1);
	assert_int_equal(intid, 5);
	/* Targets beyond the VM's vCPUs are dropped. */
	assert_int_equal(vgic_sgi_targets(0xffff, 0, 2, &intid), 0x3);
	/* IRM: everyone but the sender. */
	assert_int_equal(vgic_sgi_targets(1UL << 40 | 1UL << 24, 1, 4, &intid), 0xd);
	assert_int_equal(intid, 1);
	/* Another cluster (Aff1 = 1): none of ours. */
	assert_int_equal(vgic_sgi_targets(1UL << 16 | 1, 0, 2, &intid), 0);
}

static void list_register_encoding(void **state)
{
	uint64_t lr = vgic_lr_make(27, 0xa0, 1, 0);

	(void)state;
	assert_int_equal(vgic_lr_intid(lr), 27);
	assert_int_equal(vgic_lr_state(lr), ICH_LR_PENDING);
	assert_true(lr & ICH_LR_HW);
	assert_true(lr & ICH_LR_GROUP1);
	assert_int_equal((lr >> ICH_LR_PINTID_SHIFT) & 0x1fff, 27);
	assert_int_equal((lr >> ICH_LR_PRIORITY_SHIFT) & 0xff, 0xa0);
	lr = vgic_lr_make(33, 0x80, 0, 1);
	assert_false(lr & ICH_LR_HW);
	assert_true(lr & ICH_LR_EOI);
	assert_int_equal(vgic_lr_state(2UL << 62), ICH_LR_ACTIVE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(identification, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(ctlr_keeps_are, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(spi_enable_pending_route, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(banked_ranges_raz_in_distributor, setup,
					    pending_count_true),
	    cmocka_unit_test_setup_teardown(ppi_and_sgi_per_vcpu, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(level_source_lowers, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(reassert_while_in_list_register, setup,
					    pending_count_true),
	    cmocka_unit_test_setup_teardown(forget_list_register_on_cpu_off, setup,
					    pending_count_true),
	    cmocka_unit_test_setup_teardown(spis_up_to_95, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(hardware_linked_spi, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(bad_accesses, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(sgi_targets, setup, pending_count_true),
	    cmocka_unit_test_setup_teardown(list_register_encoding, setup, pending_count_true),
	};

	return cmocka_run_group_tests_name("vgic", tests, NULL, NULL);
}
