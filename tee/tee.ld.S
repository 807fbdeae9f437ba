/* SPDX-License-Identifier: BSD-2-Clause */
/* Trusted OS: in secure RAM above the monitor. */
#include <plat/platform.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(_start)

SECTIONS
{
	. = PLAT_TEE_BASE;
	.text : {
		__text_start = .;
		*(.text.entry)
		*(.text*)
		. = ALIGN(4096);
		__text_end = .;
	}
	.rodata : {
		__rodata_start = .;
		*(.rodata*)
		*(.got)
		*(.got.plt)
		. = ALIGN(4096);
		__rodata_end = .;
	}
	.data : ALIGN(16) {
		*(.data*)
		. = ALIGN(16);
	}
	.bss (NOLOAD) : ALIGN(4096) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	}
	ASSERT(__bss_end <= PLAT_TEE_BASE + PLAT_TEE_SIZE, "trusted OS does not fit its region")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
