// SPDX-License-Identifier: BSD-2-Clause
/*
 * ta_head.entry: the trusted OS ERETs here at EL0 with x0 = TA_FUNC_*, x1 = session context,
 * x2 = struct ta_entry_args *, x3 = command (<rampart/ta_abi.h>). Every entry starts on an empty
 * stack: at utee_stack_top, or just below the arguments if the trusted OS put them in the stack
 * region. Nothing is left on the stack between entries (each one ends with TA_SYS_RETURN).
 *
 * The trusted OS starts every entry with TPIDR_EL0 zero; the C library's thread-local
 * variables (errno, strtok's state...) are reached through it (local-exec TLS, AArch64 ELF ABI:
 * variant 1, a 16-byte TCB at the thread pointer, the TLS block after it). A TA instance runs
 * one thread, so its one TLS block is the .tdata/.tbss image in its own data segment (mk/ta.ld):
 * TPIDR_EL0 = __utee_tls_tp at every entry. The value the entry found is kept in
 * __utee_entry_tpidr_el0 for the tests of that zeroing.
 */
	.section .text.__utee_entry, "ax"
	.global __utee_entry
	.type __utee_entry, %function
__utee_entry:
	mrs	x9, tpidr_el0
	adrp	x10, __utee_entry_tpidr_el0
	str	x9, [x10, :lo12:__utee_entry_tpidr_el0]
	adrp	x9, __utee_tls_tp
	add	x9, x9, :lo12:__utee_tls_tp
	msr	tpidr_el0, x9
	adrp	x9, utee_stack_top
	ldr	x9, [x9, :lo12:utee_stack_top]
	adrp	x10, ta_head
	add	x10, x10, :lo12:ta_head
	ldr	w10, [x10, #32]		/* ta_head.stack_size */
	sub	x11, x9, x10		/* lowest stack address */
	cmp	x2, x11
	b.lo	1f
	cmp	x2, x9
	b.hs	1f
	and	x9, x2, #~0xf
1:	mov	sp, x9
	mov	x29, #0
	mov	x30, #0
	bl	__utee_entry_c
	b	.
	.size __utee_entry, . - __utee_entry

	.section .bss.__utee_entry_tpidr_el0, "aw", %nobits
	.balign 8
	.global __utee_entry_tpidr_el0
	.type __utee_entry_tpidr_el0, %object
__utee_entry_tpidr_el0:
	.quad 0
	.size __utee_entry_tpidr_el0, 8
