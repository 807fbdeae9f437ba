// SPDX-License-Identifier: BSD-2-Clause
/*
 * Holding pen for secondary CPUs, run from flash with the MMU off. A CPU leaves when its slot
 * holds an entry point AND the GIC distributor is enabled: QEMU clears the GIC on every reset but
 * not RAM, so a slot left over from before a reset is never taken for a fresh release.
 */
#include <arch/sysreg.h>
#include <drivers/gicv3.h>
#include <plat/platform.h>
#include <stdint.h>

static const struct gicv3 pen_gic = {
	.gicd = PLAT_GICD_BASE,
	.gicr = PLAT_GICR_BASE,
	.gicr_end = PLAT_GICR_BASE + PLAT_GICR_SIZE,
};

void boot_secondary(unsigned int index)
{
	volatile uint64_t *slot = (volatile uint64_t *)PLAT_PEN_BASE + index;

	/* Our redistributor and CPU interface, so the wake SGI can end the WFI below. */
	gicv3_cpu_init(&pen_gic, read_sysreg(mpidr_el1));
	for (;;) {
		if (gicv3_distributor_ready(&pen_gic) && *slot) {
			void (*entry)(void) = (void (*)(void))(uintptr_t)*slot;

			gicv3_drain_group0();
			entry();
		}
		wfi();
		gicv3_drain_group0();
	}
}
