/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * A freestanding arm64 Image booted with -kernel in place of Linux: at EL2 and then at EL1 it
 * reads ICC_IAR0_EL1, a Group 0 GIC register that traps to EL3 while SCR_EL3.FIQ routes Group 0
 * to the monitor (GICv3 architecture, ICC_IAR0_EL1 traps). The monitor must answer with an
 * Undefined Instruction exception at the level that executed it (ESR EC 0, ELR at the
 * instruction), not stop the machine. Results go to the normal console as the guest checks
 * print them ("rampart-check: NAME: ok"); then PSCI SYSTEM_OFF ends QEMU.
 */
#define UART_BASE	0x09000000
#define UART_FR_TXFF	(1 << 5)
#define ESR_UNDEF	0x02000000
#define HCR_RW		(1 << 31)
#define SCTLR_EL1_RES1	0x30d00800
#define SPSR_EL1H	0x3c5
#define PSCI_SYSTEM_OFF	0x84000008
#define ICC_IAR0_EL1	S3_0_C12_C8_0

	.section .text.head, "ax"
	.global _head
_head:
	/* arm64 Image header (Linux Documentation/arch/arm64/booting.rst). */
	b	start			/* code0 */
	.long	0			/* code1 */
	.quad	0			/* text_offset */
	.quad	_end - _head		/* image_size */
	.quad	0x2			/* flags: little-endian, 4 KiB pages */
	.quad	0, 0, 0
	.ascii	"ARM\x64"		/* magic */
	.long	0

	.text
start:
	adr	x0, msg_start
	bl	puts
	adr	x0, vectors_el2
	msr	vbar_el2, x0
	isb
	adr	x20, trap_el2		/* where the exception must point back to */
trap_el2:
	mrs	x0, ICC_IAR0_EL1
	/* Still here: the read neither trapped nor stopped the machine. */
	adr	x0, msg_el2_none
	bl	puts
	b	to_el1

/* Taken at EL2 (current level, SP_EL2): check what the monitor set, then go on at EL1. */
el2_sync:
	adr	x0, msg_el2_name
	mrs	x1, esr_el2
	mrs	x2, elr_el2
	bl	report
to_el1:
	mov	x0, #HCR_RW		/* EL1 in AArch64; FMO = 0, so Group 0 still traps to EL3 */
	msr	hcr_el2, x0
	ldr	x0, =SCTLR_EL1_RES1
	msr	sctlr_el1, x0
	adr	x0, vectors_el1
	msr	vbar_el1, x0
	adr	x0, el1_start
	msr	elr_el2, x0
	mov	x0, #SPSR_EL1H
	msr	spsr_el2, x0
	isb
	eret

el1_start:
	adr	x20, trap_el1
trap_el1:
	mrs	x0, ICC_IAR0_EL1
	adr	x0, msg_el1_none
	bl	puts
	b	power_off

el1_sync:
	adr	x0, msg_el1_name
	mrs	x1, esr_el1
	mrs	x2, elr_el1
	bl	report
power_off:
	adr	x0, msg_off
	bl	puts
	ldr	x0, =PSCI_SYSTEM_OFF
	smc	#0
	b	.

/* report(x0 = check name, x1 = ESR, x2 = ELR); x20 = the trapping instruction. Uses x19-x23. */
report:
	mov	x23, x30
	mov	x19, x0
	mov	x21, x1
	mov	x22, x2
	adr	x0, msg_check
	bl	puts
	mov	x0, x19
	bl	puts
	ldr	x1, =ESR_UNDEF
	cmp	x21, x1
	b.ne	1f
	cmp	x22, x20
	b.ne	1f
	adr	x0, msg_ok
	bl	puts
	ret	x23
1:	adr	x0, msg_failed
	bl	puts
	mov	x0, x21
	bl	puthex
	adr	x0, msg_elr
	bl	puts
	mov	x0, x22
	bl	puthex
	adr	x0, msg_nl
	bl	puts
	ret	x23

/* puts(x0 = NUL-terminated string); clobbers x0-x3. */
puts:
	mov	x1, #UART_BASE
1:	ldrb	w2, [x0], #1
	cbz	w2, 3f
2:	ldr	w3, [x1, #0x18]
	tbnz	w3, #5, 2b
	strb	w2, [x1]
	b	1b
3:	ret

/* puthex(x0): 16 hex digits; clobbers x0-x5. */
puthex:
	mov	x1, #UART_BASE
	mov	x4, #60
1:	lsr	x5, x0, x4
	and	x5, x5, #0xf
	cmp	x5, #10
	add	x2, x5, #'0'
	add	x5, x5, #('a' - 10)
	csel	x2, x5, x2, hs
2:	ldr	w3, [x1, #0x18]
	tbnz	w3, #5, 2b
	strb	w2, [x1]
	subs	x4, x4, #4
	b.ge	1b
	ret

/* Any other exception: name the vector and stop. */
unexpected:
	adr	x0, msg_unexpected
	bl	puts
	b	power_off

.macro vector_table name, sync_handler
	.balign	2048
\name:
	.rept	4
	.balign	0x80
	b	unexpected
	.endr
	.balign	0x80
	b	\sync_handler		/* current level, SP_ELx: +0x200 */
	.rept	11
	.balign	0x80
	b	unexpected
	.endr
.endm
	vector_table vectors_el2, el2_sync
	vector_table vectors_el1, el1_sync

	.section .rodata
msg_start:	.asciz "nw-undef: reading a Group 0 GIC register at EL2 and EL1\n"
msg_check:	.asciz "rampart-check: "
msg_el2_name:	.asciz "undef-el2"
msg_el1_name:	.asciz "undef-el1"
msg_ok:		.asciz ": ok\n"
msg_failed:	.asciz ": FAILED ESR "
msg_elr:	.asciz " ELR "
msg_nl:		.asciz "\n"
msg_el2_none:	.asciz "rampart-check: undef-el2: FAILED the access did not trap\n"
msg_el1_none:	.asciz "rampart-check: undef-el1: FAILED the access did not trap\n"
msg_unexpected:	.asciz "nw-undef: unexpected exception vector\n"
msg_off:	.asciz "nw-undef: powering off\n"
