/* SPDX-License-Identifier: BSD-2-Clause */
/* Resident EL3 monitor, in the first MiB of secure RAM. */
#include <plat/platform.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(monitor_cold_entry)

SECTIONS
{
	. = PLAT_MONITOR_BASE;
	.text : {
		__text_start = .;
		*(.text.entry)
		*(.text.vectors)
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
	ASSERT(__bss_end <= PLAT_MONITOR_BASE + PLAT_MONITOR_SIZE, "monitor does not fit its region")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) }
}
