// SPDX-License-Identifier: BSD-2-Clause
/*
 * The physical console, shared by the hypervisor and every VM. Each line starts with its
 * owner's tag, "[vm0] " or "[hyp] ", and a VM's control bytes are shown escaped
 * (console_line.h). When two VMs write at once, the one that interrupts a line starts a fresh
 * one, so lines never mix. Input goes to one VM at a time; Ctrl-] (0x1d) moves it to the next VM
 * that runs (docs/variants.md).
 */
#include <arch/mmio.h>
#include <drivers/pl011.h>
#include <log.h>
#include <panic.h>
#include <stdarg.h>

#include "console_line.h"
#include "hyp.h"

#define UARTDR		   0x000
#define UARTFR		   0x018
#define UARTFR_RXFE	   (1U << 4)
#define UARTIMSC	   0x038
#define UARTICR		   0x044
#define UART_RXIM	   (1U << 4)
#define UART_RTIM	   (1U << 6)
#define CONSOLE_SWITCH_KEY 0x1d /* Ctrl-] */

static void uart_put(void *ctx, char c)
{
	(void)ctx;
	pl011_putc(PLAT_UART_NS_BASE, c);
}

static struct spinlock console_lock;
static struct console_sink uart = {uart_put, 0, CONSOLE_OWNER_NONE};
static int input_vm;

void console_write(int vm_id, const char *name, const char *buf, unsigned int len, int eol)
{
	spin_lock(&console_lock);
	console_line_write(&uart, vm_id, name, buf, len, eol);
	spin_unlock(&console_lock);
}

/*
 * A lock that is never released (arch/spinlock.h): said on the console directly, without the
 * console lock (which may be the one that is stuck); the wait goes on.
 */
void spin_lock_stalled(struct spinlock *lock, uintptr_t where)
{
	char msg[160];

	snprintf(msg, sizeof(msg),
		 "[hyp] error: CPU %u: the lock at %#lx is still held after a long wait (waiting at "
		 "%#lx): a lock that is never released\r\n",
		 this_cpu_index(), (uintptr_t)lock, where);
	for (const char *p = msg; *p; p++)
		pl011_putc(PLAT_UART_NS_BASE, *p);
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
	console_write(CONSOLE_OWNER_HYP, "hyp", msg, (unsigned int)n, 1);
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
