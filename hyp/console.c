// SPDX-License-Identifier: BSD-2-Clause
/*
 * The physical console, shared by the hypervisor and every VM. Each line starts with its
 * owner's tag, "[vm0] " or "[hyp] ". When two VMs write at once, the one that interrupts a line
 * starts a fresh one, so lines never mix. Input goes to one VM at a time; Ctrl-] (0x1d) moves it
 * to the next VM that runs (docs/variants.md).
 */
#include <arch/mmio.h>
#include <drivers/pl011.h>
#include <log.h>
#include <panic.h>
#include <stdarg.h>

#include "hyp.h"

#define UARTDR		   0x000
#define UARTFR		   0x018
#define UARTFR_RXFE	   (1U << 4)
#define UARTIMSC	   0x038
#define UARTICR		   0x044
#define UART_RXIM	   (1U << 4)
#define UART_RTIM	   (1U << 6)
#define CONSOLE_SWITCH_KEY 0x1d /* Ctrl-] */
#define OWNER_NONE	   (-2)
#define OWNER_HYP	   (-1)

static struct spinlock console_lock;
static int line_owner = OWNER_NONE; /* whose line the cursor is on */
static int input_vm;

static void put(char c)
{
	pl011_putc(PLAT_UART_NS_BASE, c);
}

static void puts_raw(const char *s)
{
	while (*s)
		put(*s++);
}

/* Print len bytes for owner; eol ends its line. Call with console_lock held. */
static void emit(int owner, const char *name, const char *buf, unsigned int len, int eol)
{
	if (line_owner != owner) {
		if (line_owner != OWNER_NONE)
			puts_raw("\r\n");
		put('[');
		puts_raw(name);
		puts_raw("] ");
	}
	for (unsigned int i = 0; i < len; i++)
		put(buf[i]);
	if (eol) {
		puts_raw("\r\n");
		line_owner = OWNER_NONE;
	} else {
		line_owner = owner;
	}
}

void console_write(int vm_id, const char *name, const char *buf, unsigned int len, int eol)
{
	spin_lock(&console_lock);
	emit(vm_id, name, buf, len, eol);
	spin_unlock(&console_lock);
}

void console_init(void)
{
	pl011_init(PLAT_UART_NS_BASE);
	mmio_write32(PLAT_UART_NS_BASE + UARTIMSC, UART_RXIM | UART_RTIM);
}

static void vlog(const char *fmt, va_list ap)
{
	char msg[256];
	int n = vsnprintf(msg, sizeof(msg), fmt, ap);

	if (n < 0)
		n = 0;
	if (n > (int)sizeof(msg) - 1)
		n = sizeof(msg) - 1;
	console_write(OWNER_HYP, "hyp", msg, (unsigned int)n, 1);
}

void hyp_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
}

void hyp_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	hyp_log("hypervisor stopped: powering off");
	hyp_system_off();
}

static void switch_input(void)
{
	for (unsigned int step = 1; step <= hyp_vm_count; step++) {
		unsigned int next = (unsigned int)(input_vm + step) % hyp_vm_count;

		if (hyp_vms[next].state != VM_OFF) {
			input_vm = (int)next;
			hyp_log("console input goes to %s (Ctrl-] switches)",
				hyp_vms[next].cfg->name);
			return;
		}
	}
}

/* The physical UART's receive interrupt (CPU 0): hand each character to the focused VM. */
void console_rx_irq(void)
{
	/*
	 * Acknowledge first, then drain: a character arriving after the last read raises the
	 * interrupt again. Clearing after the drain could drop that interrupt, and with the
	 * receive register full no other would come.
	 */
	mmio_write32(PLAT_UART_NS_BASE + UARTICR, UART_RXIM | UART_RTIM);
	while (!(mmio_read32(PLAT_UART_NS_BASE + UARTFR) & UARTFR_RXFE)) {
		uint8_t c = (uint8_t)mmio_read32(PLAT_UART_NS_BASE + UARTDR);
		struct vm *vm;
		uint32_t kick;

		if (c == CONSOLE_SWITCH_KEY || hyp_vm_count == 0) {
			switch_input();
			continue;
		}
		vm = &hyp_vms[input_vm];
		spin_lock(&vm->lock);
		kick = vuart_receive(vm, c);
		spin_unlock(&vm->lock);
		vgic_kick_mask(vm, kick);
	}
}

/* The shared library code (stack protector) stops the image through this. */
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog(fmt, ap);
	va_end(ap);
	hyp_log("hypervisor panic: powering off");
	hyp_system_off();
}
