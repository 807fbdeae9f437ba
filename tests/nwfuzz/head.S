/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nwfuzz entry: an arm64 Linux Image header (Linux Documentation/arch/arm64/booting.rst,
 * "Call the kernel image"), so the firmware loads and enters this program as it would Linux:
 * at EL2, MMU off, x0 = the device tree. Secondary CPUs arrive through PSCI CPU_ON with their
 * index as context_id in x0 (PSCI 1.1 section 5.6).
 */
#include "nwfuzz_layout.h"

	.section .head, "ax"
	.global _start
_start:
	b	primary_entry			/* code0 */
	.long	0				/* code1 */
	.quad	0				/* text_offset */
	.quad	_image_end - _start		/* image_size: bss included */
	.quad	0xa				/* flags: little-endian, 4 KiB pages, anywhere */
	.quad	0, 0, 0				/* res2..res4 */
	.ascii	"ARM\x64"			/* magic */
	.long	0				/* res5 */

primary_entry:
	msr	daifset, #0xf
	mov	x19, x0
	/* bss is not part of the file: zero it before anything lives there (stacks included). */
	ldr	x1, =__bss_start
	ldr	x2, =__bss_end
1:	cmp	x1, x2
	b.hs	2f
	str	xzr, [x1], #8
	b	1b
2:	ldr	x1, =nwfuzz_stacks
	add	x1, x1, #NWFUZZ_STACK_SIZE
	mov	sp, x1
	mov	x0, x19
	bl	nwfuzz_main
	b	park

	.global nwfuzz_secondary_entry
nwfuzz_secondary_entry:
	msr	daifset, #0xf
	cmp	x0, #NWFUZZ_MAX_CPUS
	b.hs	park
	ldr	x1, =nwfuzz_stacks
	add	x2, x0, #1
	mov	x3, #NWFUZZ_STACK_SIZE
	madd	x1, x2, x3, x1
	mov	sp, x1
	bl	nwfuzz_secondary
park:
	wfi
	b	park
