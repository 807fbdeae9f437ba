/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * The device tree a VM's kernel boots with, built from nothing with libfdt: its memory, its
 * vCPUs (PSCI through HVC), the virtual GICv3, the virtual timer and its SBSA UART.
 */
#ifndef HYP_GUEST_DT_H
#define HYP_GUEST_DT_H

#include <stddef.h>
#include <stdint.h>

struct guest_dt_params {
	unsigned int vcpus;
	uint64_t mem_base, mem_size;
	const char *bootargs;
	uint64_t initrd_start, initrd_end; /* equal: no initramfs */
};

/* 0, or a negative libfdt error (-FDT_ERR_NOSPACE if size is too small). */
int guest_dt_build(void *buf, size_t size, const struct guest_dt_params *p);

#endif
