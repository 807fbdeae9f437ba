/* SPDX-License-Identifier: BSD-2-Clause */
#ifndef BOOT_BOOT_H
#define BOOT_BOOT_H

#include <rampart/handoff.h>

/* Stop the machine cleanly after an error the user can fix: message on both consoles, power off. */
void boot_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Load kernel, initramfs and command line from fw_cfg and prepare the device tree. */
void linux_load(struct boot_handoff *handoff);
/* virt variant: place the hypervisor image and hand it QEMU's device tree. */
void hyp_load(struct boot_handoff *handoff);

#endif
