/* SPDX-License-Identifier: BSD-2-Clause */
/* The hypervisor: one image in its reserved DRAM (PLAT_HYP_BASE), identity mapped at EL2. */
#include <plat/platform.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(_start)

SECTIONS
{
	. = PLAT_HYP_BASE;
	__text_start = .;
	/* Page-aligned sections: EL2 maps code RX, read-only data R, the rest RW (el2_map.h). */
	.text : {
		*(.text.entry)
		*(.text*)
		. = ALIGN(4096);
	}
	__text_end = .;
	.rodata : ALIGN(4096) {
		__rodata_start = .;
		*(.rodata*)
		*(.got)
		*(.got.plt)
		. = ALIGN(4096);
		__rodata_end = .;
	}
	.data : ALIGN(4096) {
		__data_start = .;
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
	. = ALIGN(4096);
	__hyp_end = .;
	ASSERT(__hyp_end <= PLAT_HYP_BASE + PLAT_HYP_SIZE, "hypervisor does not fit its DRAM reservation")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) *(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash) }
}
