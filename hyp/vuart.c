// SPDX-License-Identifier: BSD-2-Clause
/* A VM's SBSA UART (see vuart.h). */
#include <string.h>

#include "hyp.h"

#define UARTDR	 0x000
#define UARTRSR	 0x004
#define UARTFR	 0x018
#define UARTIMSC 0x038
#define UARTRIS	 0x03c
#define UARTMIS	 0x040
#define UARTICR	 0x044
#define FR_RXFE	 (1U << 4)
#define FR_RXFF	 (1U << 6)
#define FR_TXFE	 (1U << 7)
#define INT_RX	 (1U << 4)
#define INT_TX	 (1U << 5)
#define INT_RT	 (1U << 6)

void vuart_reset(struct vuart *u)
{
	memset(u, 0, sizeof(*u));
}

static unsigned int rx_count(const struct vuart *u)
{
	return u->rx_head - u->rx_tail;
}

/* Output leaves at once: the transmit FIFO is always empty and its interrupt always raised. */
static uint32_t raw_status(const struct vuart *u)
{
	return INT_TX | (rx_count(u) ? INT_RX | INT_RT : 0);
}

static uint32_t update_irq(struct vm *vm)
{
	if (raw_status(&vm->uart) & vm->uart.imsc)
		return vgic_raise(&vm->vgic, 0, VUART_INTID);
	vgic_lower(&vm->vgic, 0, VUART_INTID);
	return 0;
}

void vuart_flush_line(struct vm *vm)
{
	struct vuart *u = &vm->uart;

	if (u->line_len) {
		console_write((int)vm->id, vm->cfg->name, u->line, u->line_len, 0);
		u->line_len = 0;
	}
}

/*
 * Line ends are the console's (console_line.h): LF, CR LF and a lone CR each end the VM's line,
 * so no byte the VM sends can move the cursor back over a tag or start an untagged line. A CR is
 * held until the next byte shows whether an LF follows.
 */
static void transmit(struct vm *vm, char c)
{
	struct vuart *u = &vm->uart;

	vmctl_ring_put(&vm->con, (uint8_t)c);
	if (u->cr_pending) {
		u->cr_pending = 0;
		if (c != '\n') {
			console_write((int)vm->id, vm->cfg->name, u->line, u->line_len, 1);
			u->line_len = 0;
		}
	}
	if (c == '\r') {
		u->cr_pending = 1;
		return;
	}
	if (c == '\n') {
		console_write((int)vm->id, vm->cfg->name, u->line, u->line_len, 1);
		u->line_len = 0;
		return;
	}
	if (u->line_len == VUART_LINE_MAX)
		vuart_flush_line(vm);
	u->line[u->line_len++] = c;
}

int vuart_access(struct vm *vm, uint64_t off, unsigned int size, int write, uint64_t *val)
{
	struct vuart *u = &vm->uart;
	uint32_t kick = 0;

	if (size != 4 && !(size == 1 && off == UARTDR) && !(size == 2 && !(off & 1)))
		return -1;
	if (write) {
		switch (off) {
		case UARTDR:
			transmit(vm, (char)*val);
			break;
		case UARTIMSC:
			u->imsc = (uint32_t)*val & (INT_RX | INT_TX | INT_RT);
			/* The driver masks TX when its buffer is empty: show a prompt now. */
			if (!(u->imsc & INT_TX))
				vuart_flush_line(vm);
			kick = update_irq(vm);
			break;
		default:
			/* ICR (nothing latches), RSR, line control: accepted and ignored. */
			break;
		}
		vgic_kick_mask(vm, kick);
		return 0;
	}
	switch (off) {
	case UARTDR:
		*val = 0;
		if (rx_count(u)) {
			*val = u->rx[u->rx_tail % VUART_RX_SIZE];
			u->rx_tail++;
		}
		update_irq(vm);
		break;
	case UARTFR:
		*val = FR_TXFE | (rx_count(u) ? 0 : FR_RXFE) |
		       (rx_count(u) == VUART_RX_SIZE ? FR_RXFF : 0);
		break;
	case UARTIMSC:
		*val = u->imsc;
		break;
	case UARTRIS:
		*val = raw_status(u);
		break;
	case UARTMIS:
		*val = raw_status(u) & u->imsc;
		break;
	default:
		*val = 0;
	}
	return 0;
}

uint32_t vuart_receive(struct vm *vm, uint8_t c)
{
	struct vuart *u = &vm->uart;

	if (rx_count(u) == VUART_RX_SIZE)
		return 0; /* as a real FIFO: overflow drops the character */
	u->rx[u->rx_head % VUART_RX_SIZE] = c;
	u->rx_head++;
	return update_irq(vm);
}
