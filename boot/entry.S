/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Reset vector. QEMU starts every CPU here at EL3 with the MMU off (our firmware implements
 * PSCI, so QEMU holds none back). CPU 0 boots; the others go to the holding pen.
 */
#include <plat/topology.h>
#include <plat/platform.h>

	.section .text.reset, "ax"
	.global _start
_start:
	plat_cpu_index x19, x1
	cmp	x19, #PLAT_MAX_CPUS
	b.hs	unsupported_cpu
	adr	x0, boot_vectors
	msr	vbar_el3, x0
	isb
	/* Each CPU its own stack, outside .bss: CPU 0 zeroes .bss while the others run. */
	adrp	x1, boot_stacks
	add	x1, x1, :lo12:boot_stacks
	add	x2, x19, #1
	add	x1, x1, x2, lsl #13	/* PLAT_BOOT_STACK_SIZE = 8 KiB */
	mov	sp, x1
	cbnz	x19, secondary

	/* .data: copy from flash; .bss: zero. */
	adrp	x0, __data_start
	add	x0, x0, :lo12:__data_start
	adrp	x1, __data_end
	add	x1, x1, :lo12:__data_end
	adrp	x2, __data_load
	add	x2, x2, :lo12:__data_load
1:	cmp	x0, x1
	b.hs	2f
	ldr	x3, [x2], #8
	str	x3, [x0], #8
	b	1b
2:	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
3:	cmp	x0, x1
	b.hs	4f
	str	xzr, [x0], #8
	b	3b
	/*
	 * The stack canary before the first protected C function: RNDR where the CPU has it,
	 * else the counter until boot_main re-derives it from the board's seed.
	 */
4:	mov	x0, xzr
	bl	stack_guard_init
	bl	boot_main
	b	.

secondary:
	mov	x0, x19
	bl	boot_secondary
	b	.

unsupported_cpu:
	/* More CPUs than PLAT_MAX_CPUS: leave the extra ones asleep for good. */
	wfi
	b	unsupported_cpu

.macro unexpected kind
	mov	x0, #\kind
	mrs	x1, esr_el3
	mrs	x2, elr_el3
	mrs	x3, far_el3
	b	boot_unexpected_exception
.endm

	.balign 2048
boot_vectors:
	.set kind, 0
	.rept 16
	.balign 0x80
	unexpected kind
	.set kind, kind + 1
	.endr
