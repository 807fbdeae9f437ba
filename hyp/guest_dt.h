/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device tree a VM's kernel boots with, built from nothing with libfdt: its memory, its
 * vCPUs (PSCI through HVC), the virtual GICv3, the virtual timer, its SBSA UART, and the board
 * devices it owns with the board's compatible, registers and interrupt (vm_devices.h), plus a
 * fixed clock for each rate their clocks have (AMBA devices such as the PL031 need apb_pclk),
 * and the trusted OS when it has it.
 */
#ifndef HYP_GUEST_DT_H
#define HYP_GUEST_DT_H

#include <stddef.h>
#include <stdint.h>

#include "vm_devices.h"

struct guest_dt_params {
	unsigned int vcpus;
	uint64_t mem_base, mem_size;
	const char *bootargs;
	uint64_t initrd_start, initrd_end; /* equal: no initramfs */
	const struct vm_device *devs;
	unsigned int ndevs;
	int control; /* the control VM: a "rampart,vm-control" node for its register page */
	int optee;   /* it reaches the trusted OS: /firmware/optee, through SMC (tee_med.h) */
};

/* 0, or a negative libfdt error (-FDT_ERR_NOSPACE if size is too small). */
int guest_dt_build(void *buf, size_t size, const struct guest_dt_params *p);

#endif
