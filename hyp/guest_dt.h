/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device tree a VM's kernel boots with, built from nothing with libfdt: its memory, its
 * vCPUs (PSCI through HVC), the virtual GICv3, the virtual timer, its SBSA UART, and the board
 * devices it owns with the board's compatible, registers and interrupt (vm_devices.h), plus a
 * fixed clock for each rate their clocks have (AMBA devices such as the PL031 need apb_pclk),
 * the trusted OS when it has it, and the seeds of its random number generator.
 */
#ifndef HYP_GUEST_DT_H
#define HYP_GUEST_DT_H

#include <stddef.h>
#include <stdint.h>

#include "vm_devices.h"

/* Bytes of /chosen/rng-seed (Linux credits a boot loader's seed: random.trust_bootloader). */
#define GUEST_DT_RNG_SEED 64

struct guest_dt_params {
	unsigned int vcpus;
	uint64_t mem_base, mem_size;
	const char *bootargs;
	uint64_t initrd_start, initrd_end; /* equal: no initramfs */
	const struct vm_device *devs;
	unsigned int ndevs;
	int control; /* the control VM: a "rampart,vm-control" node for its register page */
	int optee;   /* it reaches the trusted OS: /firmware/optee, through SMC (tee_med.h) */
	/*
	 * Seeds for this boot (/chosen/rng-seed and kaslr-seed, as a boot loader gives them: the
	 * kernel's random number generator is ready at once, and KASLR has its offset); with
	 * has_seeds 0 neither property is written.
	 */
	int has_seeds;
	uint8_t rng_seed[GUEST_DT_RNG_SEED];
	uint64_t kaslr_seed;
};

/* 0, or a negative libfdt error (-FDT_ERR_NOSPACE if size is too small). */
int guest_dt_build(void *buf, size_t size, const struct guest_dt_params *p);

#endif
