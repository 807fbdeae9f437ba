// SPDX-License-Identifier: BSD-2-Clause
#include <arch/mmio.h>
#include <drivers/pl011.h>

#define UARTDR 0x000
#define UARTFR 0x018
#define UARTFR_TXFF (1U << 5)
#define UARTCR 0x030
#define UARTCR_UARTEN (1U << 0)
#define UARTCR_TXE (1U << 8)
#define UARTCR_RXE (1U << 9)

void pl011_init(uintptr_t base)
{
	/* Keep whatever line settings a previous stage chose; only make sure it transmits. */
	mmio_write32(base + UARTCR, UARTCR_UARTEN | UARTCR_TXE | UARTCR_RXE);
}

void pl011_putc(uintptr_t base, char c)
{
	while (mmio_read32(base + UARTFR) & UARTFR_TXFF)
		;
	mmio_write32(base + UARTDR, (uint8_t)c);
}
