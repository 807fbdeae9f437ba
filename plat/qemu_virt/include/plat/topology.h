/* SPDX-License-Identifier: BSD-2-Clause */
/* CPU numbering: QEMU's virt board gives CPU n the affinity Aff1 = n / 8, Aff0 = n % 8. */
#ifndef PLAT_TOPOLOGY_H
#define PLAT_TOPOLOGY_H

#include <plat/platform.h>

#ifdef __ASSEMBLER__
/* \out := this CPU's index from MPIDR_EL1 (Aff1 * PLAT_CPUS_PER_CLUSTER + Aff0); clobbers \tmp. */
.macro plat_cpu_index out, tmp
	mrs	\out, mpidr_el1
	ubfx	\tmp, \out, #8, #8
	and	\out, \out, #0xff
	add	\out, \out, \tmp, lsl #PLAT_CPUS_PER_CLUSTER_SHIFT
.endm
#else
#include <stdint.h>

static inline unsigned int plat_cpu_index(uint64_t mpidr)
{
	return (unsigned int)(((mpidr >> 8) & 0xff) * PLAT_CPUS_PER_CLUSTER + (mpidr & 0xff));
}

static inline uint64_t plat_cpu_mpidr(unsigned int index)
{
	return (uint64_t)(index / PLAT_CPUS_PER_CLUSTER) << 8 | index % PLAT_CPUS_PER_CLUSTER;
}
#endif

#endif
