// SPDX-License-Identifier: BSD-2-Clause
#include <arch/mmio.h>
#include <drivers/pl061.h>

#define GPIODATA 0x000
#define GPIODIR 0x400

void pl061_set_output(uintptr_t base, unsigned int line, int high)
{
	uint32_t bit = 1U << line;

	mmio_write32(base + GPIODIR, mmio_read32(base + GPIODIR) | bit);
	/* GPIODATA is masked by address bits [9:2]: only the line whose bit is in the address moves. */
	mmio_write32(base + GPIODATA + (bit << 2), high ? bit : 0);
}
