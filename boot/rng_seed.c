// SPDX-License-Identifier: BSD-2-Clause
/* The trusted OS's RNG seed, taken from the device tree QEMU gives the boot stage. */
#include <libfdt.h>
#include <string.h>

#include "rng_seed.h"

size_t dt_take_rng_seed(void *fdt, uint8_t *out, size_t max)
{
	int node = fdt_path_offset(fdt, "/secure-chosen");
	const uint8_t *seed;
	int len;

	if (node < 0)
		return 0;
	seed = fdt_getprop(fdt, node, "rng-seed", &len);
	if (!seed || len <= 0)
		return 0;
	if ((size_t)len > max)
		len = (int)max;
	memcpy(out, seed, (size_t)len);
	/* The property stays, its value no longer means anything. */
	memset((void *)seed, 0, (size_t)len);
	return (size_t)len;
}
