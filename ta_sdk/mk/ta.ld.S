/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linker script of every TA (preprocessed into the dev kit as mk/ta.ld): a static ET_EXEC at
 * TA_IMAGE_BASE, the TA header first, and one PT_LOAD segment per permission, each starting on
 * a page: text R+X, rodata R, data and bss RW. Nothing is ever writable and executable.
 */
OUTPUT_FORMAT("elf64-littleaarch64")
OUTPUT_ARCH(aarch64)
ENTRY(__utee_entry)

PHDRS
{
	text PT_LOAD FLAGS(5);	/* R X */
	rodata PT_LOAD FLAGS(4);	/* R */
	data PT_LOAD FLAGS(6);	/* R W */
}

SECTIONS
{
	. = TA_IMAGE_BASE_VALUE;
	.ta_head : { KEEP(*(.ta_head)) } :text
	.text : { *(.text.__utee_entry) *(.text .text.*) } :text

	. = ALIGN(4096);
	/* Never empty (an empty segment gets no address): a TA may have no constants. */
	.rodata : {
		QUAD(0)
		*(.rodata .rodata.*)
		*(.got .got.plt)
	} :rodata

	. = ALIGN(4096);
	.data : {
		QUAD(0)	/* never empty, as for .rodata */
		*(.data .data.*)
	} :data
	.bss : {
		*(.bss .bss.*)
		*(COMMON)
	} :data
	. = ALIGN(4096);
	__ta_image_end = .;

	/DISCARD/ : {
		*(.interp) *(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.gnu.hash) *(.rela.*)
		*(.eh_frame*) *(.note.*) *(.comment)
	}
}
