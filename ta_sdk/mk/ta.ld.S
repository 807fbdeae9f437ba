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
	tls PT_TLS;	/* inside data: the thread-local image (the loader maps PT_LOAD only) */
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
	/*
	 * Thread-local variables (the C library's errno...): the instance's single TLS block, used
	 * in place. .tbss takes no room of its own in the linker's eyes, hence .tbss_space.
	 * __utee_tls_tp is the thread pointer for it (AArch64 TLS variant 1: the block starts
	 * max(16, its alignment) bytes after the thread pointer); libutee's entry sets TPIDR_EL0.
	 */
	.tdata : ALIGN_WITH_INPUT { *(.tdata .tdata.*) } :data :tls
	.tbss : { *(.tbss .tbss.*) *(.tcommon) } :data :tls
	.tbss_space (NOLOAD) : {
		. = ADDR(.tbss) + SIZEOF(.tbss);
	} :data
	__utee_tls_tp = ADDR(.tdata) - MAX(16, MAX(ALIGNOF(.tdata), ALIGNOF(.tbss)));
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
