/* SPDX-License-Identifier: BSD-2-Clause */
/* Boot stage: code and constants run from flash; data, stacks and page tables in secure RAM. */
#include <plat/platform.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(_start)

SECTIONS
{
	. = PLAT_FLASH_BASE;
	.text : {
		*(.text.reset)
		*(.text*)
	}
	.rodata : ALIGN(16) {
		*(.rodata*)
		*(.got)
		*(.got.plt)
	}
	. = ALIGN(8);
	__data_load = .;

	.data PLAT_BOOT_SCRATCH_BASE : AT(__data_load) ALIGN(8) {
		__data_start = .;
		*(.data*)
		. = ALIGN(8);
		__data_end = .;
	}
	.bss (NOLOAD) : ALIGN(4096) {
		__bss_start = .;
		*(.bss*)
		*(COMMON)
		. = ALIGN(8);
		__bss_end = .;
	}
	.stacks (NOLOAD) : ALIGN(16) {
		boot_stacks = .;
		. += PLAT_MAX_CPUS * PLAT_BOOT_STACK_SIZE;
	}
	ASSERT(. <= PLAT_PEN_BASE, "boot stage scratch overflows into the holding pen")
	ASSERT(__data_load + (__data_end - __data_start) <= 0x40000, "boot stage too big for its flash slot")

	/DISCARD/ : { *(.comment) *(.note*) *(.eh_frame*) *(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash) }
}
