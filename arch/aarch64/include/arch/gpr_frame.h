/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * x2..x29 to and from a register frame at [\base, #16 .. #224]: the part every exception entry
 * (monitor, trusted OS, hypervisor) saves the same way. x0, x1 and x30 are left to the caller,
 * which still needs one of them for the frame's address or its own registers.
 */
#ifndef ARCH_GPR_FRAME_H
#define ARCH_GPR_FRAME_H

#ifdef __ASSEMBLER__
.macro store_x2_x29 base
	stp	x2, x3, [\base, #16]
	stp	x4, x5, [\base, #32]
	stp	x6, x7, [\base, #48]
	stp	x8, x9, [\base, #64]
	stp	x10, x11, [\base, #80]
	stp	x12, x13, [\base, #96]
	stp	x14, x15, [\base, #112]
	stp	x16, x17, [\base, #128]
	stp	x18, x19, [\base, #144]
	stp	x20, x21, [\base, #160]
	stp	x22, x23, [\base, #176]
	stp	x24, x25, [\base, #192]
	stp	x26, x27, [\base, #208]
	stp	x28, x29, [\base, #224]
.endm

.macro load_x2_x29 base
	ldp	x2, x3, [\base, #16]
	ldp	x4, x5, [\base, #32]
	ldp	x6, x7, [\base, #48]
	ldp	x8, x9, [\base, #64]
	ldp	x10, x11, [\base, #80]
	ldp	x12, x13, [\base, #96]
	ldp	x14, x15, [\base, #112]
	ldp	x16, x17, [\base, #128]
	ldp	x18, x19, [\base, #144]
	ldp	x20, x21, [\base, #160]
	ldp	x22, x23, [\base, #176]
	ldp	x24, x25, [\base, #192]
	ldp	x26, x27, [\base, #208]
	ldp	x28, x29, [\base, #224]
.endm

/*
 * The callee-saved registers x19..x30 (AAPCS64 6.1.1) to and from [\base, #0 .. #88]: what a
 * switch away from C code and back keeps (monitor to trusted OS, trusted-OS threads, TA entry).
 */
.macro store_x19_x30 base
	stp	x19, x20, [\base, #0]
	stp	x21, x22, [\base, #16]
	stp	x23, x24, [\base, #32]
	stp	x25, x26, [\base, #48]
	stp	x27, x28, [\base, #64]
	stp	x29, x30, [\base, #80]
.endm

.macro load_x19_x30 base
	ldp	x19, x20, [\base, #0]
	ldp	x21, x22, [\base, #16]
	ldp	x23, x24, [\base, #32]
	ldp	x25, x26, [\base, #48]
	ldp	x27, x28, [\base, #64]
	ldp	x29, x30, [\base, #80]
.endm
#endif

#endif
