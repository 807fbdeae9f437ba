/* SPDX-License-Identifier: BSD-2-Clause */
/* The hypervisor: one image in its reserved DRAM (PLAT_HYP_BASE), identity mapped at EL2. */
#include <plat/platform.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(_start)

SECTIONS
{
	. = PLAT_HYP_BASE;
	__text_start = .;
	.text : {
		*(.text.entry)
		*(.text*)
	}
	.rodata : ALIGN(16) {
		*(.rodata*)
		*(.got)
		*(.got.plt)
	}
	.data : ALIGN(16) {
		*(.data*)
	}
	. = ALIGN(16);
	__image_end = .;
	.bss (NOLOAD) : ALIGN(4096) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	.stacks (NOLOAD) : ALIGN(4096) {
		hyp_stacks = .;
		. += PLAT_MAX_CPUS * 0x4000;
	}
	__hyp_end = .;
	ASSERT(__hyp_end <= PLAT_HYP_BASE + PLAT_HYP_SIZE, "hypervisor does not fit its DRAM reservation")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) *(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash) }
}
