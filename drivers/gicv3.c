// SPDX-License-Identifier: BSD-2-Clause
#include <arch/mmio.h>
#include <arch/sysreg.h>
#include <drivers/gicv3.h>

#define GICD_CTLR 0x0000
#define GICD_CTLR_ENABLE_G0 (1U << 0)
#define GICD_CTLR_ENABLE_G1NS (1U << 1)
#define GICD_CTLR_ENABLE_G1S (1U << 2)
#define GICD_CTLR_ARE_S (1U << 4)
#define GICD_CTLR_ARE_NS (1U << 5)
#define GICD_CTLR_RWP (1U << 31)
#define GICD_TYPER 0x0004
#define GICD_IGROUPR(n) (0x0080 + 4 * (n))
#define GICD_IGRPMODR(n) (0x0D00 + 4 * (n))

#define GICR_FRAME_SIZE 0x20000 /* RD_base + SGI_base, 64 KiB each (GICv3 without VLPIs) */
#define GICR_CTLR 0x0000
#define GICR_TYPER 0x0008
#define GICR_TYPER_LAST (1UL << 4)
#define GICR_WAKER 0x0014
#define GICR_WAKER_PROCESSOR_SLEEP (1U << 1)
#define GICR_WAKER_CHILDREN_ASLEEP (1U << 2)
#define GICR_SGI 0x10000
#define GICR_IGROUPR0 (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_IPRIORITYR(n) (GICR_SGI + 0x0400 + (n))
#define GICR_IGRPMODR0 (GICR_SGI + 0x0D00)

#define ICC_SRE_SRE (1U << 0)
#define ICC_SRE_DFB (1U << 1)
#define ICC_SRE_DIB (1U << 2)
#define ICC_SRE_EN (1U << 3)
#define ICC_IGRPEN1_EL3_G1NS (1U << 0)

static void gicd_wait_rwp(const struct gicv3 *gic)
{
	while (mmio_read32(gic->gicd + GICD_CTLR) & GICD_CTLR_RWP)
		;
}

void gicv3_distributor_init(const struct gicv3 *gic)
{
	unsigned int lines = ((mmio_read32(gic->gicd + GICD_TYPER) & 0x1f) + 1) * 32;

	mmio_write32(gic->gicd + GICD_CTLR, 0);
	gicd_wait_rwp(gic);
	/* Affinity routing for both security states first (GICv3 spec 12.9.4: ARE before enables). */
	mmio_write32(gic->gicd + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS);
	gicd_wait_rwp(gic);
	/* SPIs belong to the normal world: Group 1 non-secure (IGROUPR = 1, IGRPMODR = 0). */
	for (unsigned int n = 1; n < lines / 32; n++) {
		mmio_write32(gic->gicd + GICD_IGROUPR(n), ~0U);
		mmio_write32(gic->gicd + GICD_IGRPMODR(n), 0);
	}
	mmio_write32(gic->gicd + GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS |
						    GICD_CTLR_ENABLE_G0 | GICD_CTLR_ENABLE_G1NS |
						    GICD_CTLR_ENABLE_G1S);
	gicd_wait_rwp(gic);
}

int gicv3_distributor_ready(const struct gicv3 *gic)
{
	return (mmio_read32(gic->gicd + GICD_CTLR) & GICD_CTLR_ENABLE_G0) != 0;
}

unsigned int gicv3_count_cpus(const struct gicv3 *gic)
{
	unsigned int n = 0;

	for (uintptr_t rd = gic->gicr; rd < gic->gicr_end; rd += GICR_FRAME_SIZE) {
		n++;
		if (mmio_read64(rd + GICR_TYPER) & GICR_TYPER_LAST)
			break;
	}
	return n;
}

static uintptr_t gicr_for(const struct gicv3 *gic, uint64_t mpidr)
{
	/* GICR_TYPER[63:32] = Aff3.Aff2.Aff1.Aff0 of the CPU the frame serves. */
	uint64_t want = ((mpidr >> 8) & 0xff000000UL) | (mpidr & 0xffffffUL);

	for (uintptr_t rd = gic->gicr; rd < gic->gicr_end; rd += GICR_FRAME_SIZE) {
		uint64_t typer = mmio_read64(rd + GICR_TYPER);

		if ((typer >> 32) == want)
			return rd;
		if (typer & GICR_TYPER_LAST)
			break;
	}
	return 0;
}

void gicv3_cpu_init(const struct gicv3 *gic, uint64_t mpidr)
{
	uintptr_t rd = gicr_for(gic, mpidr);

	if (rd) {
		/* Wake the redistributor: NS cannot write GICR_WAKER when GICD_CTLR.DS == 0. */
		mmio_write32(rd + GICR_WAKER,
			     mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_PROCESSOR_SLEEP);
		while (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_CHILDREN_ASLEEP)
			;
		/* Every SGI and PPI is Group 1 NS, but the wake SGI: secure Group 0, top priority. */
		mmio_write32(rd + GICR_IGROUPR0, ~(1U << GIC_WAKE_SGI));
		mmio_write32(rd + GICR_IGRPMODR0, 0);
		mmio_write8(rd + GICR_IPRIORITYR(GIC_WAKE_SGI), 0x00);
		mmio_write32(rd + GICR_ISENABLER0, 1U << GIC_WAKE_SGI);
	}
	/* System register interface at EL3 and below (ICC_SRE_EL3.Enable lets EL2 set its own). */
	write_sysreg(ICC_SRE_EL3, ICC_SRE_SRE | ICC_SRE_DFB | ICC_SRE_DIB | ICC_SRE_EN);
	isb();
	write_sysreg(ICC_PMR_EL1, 0xff);
	write_sysreg(ICC_IGRPEN0_EL1, 1);
	isb();
}

void gicv3_send_wake(uint64_t target_mpidr)
{
	/* ICC_SGI0R_EL1: Aff3[55:48] Aff2[39:32] INTID[27:24] Aff1[23:16] TargetList[15:0]. */
	uint64_t aff0 = target_mpidr & 0xf;
	uint64_t v = ((target_mpidr >> 32) & 0xff) << 48 | ((target_mpidr >> 16) & 0xff) << 32 |
		     (uint64_t)GIC_WAKE_SGI << 24 | ((target_mpidr >> 8) & 0xff) << 16 |
		     (1UL << aff0);

	dsb_sy();
	write_sysreg(ICC_SGI0R_EL1, v);
	isb();
}

void gicv3_drain_group0(void)
{
	for (;;) {
		uint64_t intid = read_sysreg(ICC_IAR0_EL1) & 0xffffff;

		if (intid >= 1020)
			break;
		write_sysreg(ICC_EOIR0_EL1, intid);
	}
	isb();
}

void gicv3_cpu_disable_ns(void)
{
	write_sysreg(ICC_IGRPEN1_EL3, read_sysreg(ICC_IGRPEN1_EL3) & ~(uint64_t)ICC_IGRPEN1_EL3_G1NS);
	isb();
}
