/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Device tree fix-ups for the normal world, with libfdt (Linux
 * Documentation/devicetree/bindings/arm/psci.yaml, chosen.txt, reserved-memory.yaml).
 * Pure: unit tested on the host against the host's libfdt.
 */
#ifndef BOOT_DT_FIXUP_H
#define BOOT_DT_FIXUP_H

#include <stdint.h>

struct dt_linux_params {
	const char *bootargs;  /* NULL or "" leaves /chosen/bootargs alone */
	uint64_t initrd_start; /* initrd_end == initrd_start: no initramfs */
	uint64_t initrd_end;
	uint64_t secure_base; /* memory Linux must never map */
	uint64_t secure_size;
	int optee; /* a trusted OS speaking OP-TEE's ABI is resident: add its node */
};

/*
 * Add /psci (method "smc"), enable-method "psci" on every CPU, /chosen bootargs and initrd,
 * a no-map reservation for secure memory, /firmware/optee when a trusted OS is resident, and
 * drop /secure-chosen (the secure world's seeds).
 * Returns 0 or a negative libfdt error; *step names what was being done.
 */
int dt_fixup_for_linux(void *fdt, const struct dt_linux_params *p, const char **step);

#endif
