/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A VM's console: the subset of the Arm PL011 that the SBSA generic UART defines (Arm
 * Server Base System Architecture, appendix B; PL011 TRM DDI 0183 3.3), which Linux drives with
 * its "arm,sbsa-uart" driver (ttyAMA0). Output goes to the physical console, tagged with the VM's
 * name and with control bytes escaped (console_line.h); input comes from the physical console when
 * this VM has the focus.
 */
#ifndef HYP_VUART_H
#define HYP_VUART_H

#include <stdint.h>

#define VUART_BASE     0x09000000UL
#define VUART_SIZE     0x1000UL
#define VUART_SPI      1 /* INTID 33, as on QEMU's virt board */
#define VUART_INTID    (32 + VUART_SPI)
#define VUART_RX_SIZE  256
#define VUART_LINE_MAX 200

struct vuart {
	uint32_t imsc;
	uint32_t rx_head, rx_tail; /* ring of VUART_RX_SIZE */
	uint8_t rx[VUART_RX_SIZE];
	unsigned int line_len;
	int cr_pending; /* the last byte was a CR: the next one says if an LF follows */
	char line[VUART_LINE_MAX];
};

struct vm;

void vuart_reset(struct vuart *u);
/* Emulate a guest access at off; 0, or -1 (the caller injects an abort). Needs vm->lock. */
int vuart_access(struct vm *vm, uint64_t off, unsigned int size, int write, uint64_t *val);
/* Queue a character typed for this VM; needs vm->lock. Returns the vCPUs to kick. */
uint32_t vuart_receive(struct vm *vm, uint8_t c);
/* Send what this VM wrote on its current line so far (for prompts). Needs vm->lock. */
void vuart_flush_line(struct vm *vm);

#endif
