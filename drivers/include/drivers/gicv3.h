/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * GICv3 set-up from EL3 (GICv3/v4 architecture specification, IHI 0069): the normal world owns
 * Group 1 non-secure interrupts; the firmware keeps one Group 0 SGI to wake parked CPUs.
 */
#ifndef DRIVERS_GICV3_H
#define DRIVERS_GICV3_H

#include <stdint.h>

/* SGI the firmware sends to wake a parked CPU; Linux uses SGIs 0-7. */
#define GIC_WAKE_SGI 15

struct gicv3 {
	uintptr_t gicd;
	uintptr_t gicr;	     /* first redistributor frame */
	uintptr_t gicr_end;  /* end of the redistributor region */
};

/* Distributor: affinity routing on, SPIs to Group 1 non-secure, all groups enabled. */
void gicv3_distributor_init(const struct gicv3 *gic);
/* Distributor groups enabled yet? Secondary CPUs read it to know the boot is past reset. */
int gicv3_distributor_ready(const struct gicv3 *gic);
/* Number of redistributor frames (one per CPU), by walking GICR_TYPER.Last. */
unsigned int gicv3_count_cpus(const struct gicv3 *gic);
/* This CPU: redistributor awake, SGIs/PPIs Group 1 NS but the wake SGI, CPU interface on. */
void gicv3_cpu_init(const struct gicv3 *gic, uint64_t mpidr);
/* Send the wake SGI to the CPU with this MPIDR. */
void gicv3_send_wake(uint64_t target_mpidr);
/* Acknowledge and complete every pending Group 0 interrupt of this CPU. */
void gicv3_drain_group0(void);
/* Stop this CPU taking non-secure Group 1 interrupts (it is going offline). */
void gicv3_cpu_disable_ns(void);

#endif
