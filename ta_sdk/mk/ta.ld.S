/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Linker script of every TA (preprocessed into the dev kit as mk/ta.ld): an ET_EXEC at
 * TA_IMAGE_BASE, the TA header first, and one PT_LOAD segment per permission, each starting on
 * a page: text R+X, rodata R, data and bss RW. Nothing is ever writable and executable.
 * Preprocessed twice: mk/ta.ld for a static TA (no dynamic section at all), and, with
 * TA_DYNAMIC, mk/ta_dyn.ld for a TA linked with shared TA libraries or libdl, which also gets a
 * dynamic section, its symbols and its relocations in rodata: the trusted OS resolves them (GOT
 * and PLT slots included) before the TA runs, so they stay read-only to it.
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
#ifdef TA_DYNAMIC
	dynamic PT_DYNAMIC FLAGS(4);	/* inside rodata */
#endif
}

SECTIONS
{
	. = TA_IMAGE_BASE_VALUE;
	.ta_head : { KEEP(*(.ta_head)) } :text
	.text : { *(.text.__utee_entry) *(.text .text.*) } :text
#ifdef TA_DYNAMIC
	.plt : { *(.plt) *(.iplt) } :text
#endif

	. = ALIGN(4096);
	/* Never empty (an empty segment gets no address): a TA may have no constants. */
	.rodata : {
		QUAD(0)
		*(.rodata .rodata.*)
	} :rodata
	.got : { *(.got) } :rodata
	.got.plt : { *(.got.plt) *(.igot.plt) } :rodata
#ifdef TA_DYNAMIC
	.dynsym : { *(.dynsym) } :rodata
	.dynstr : { *(.dynstr) } :rodata
	.hash : { *(.hash) } :rodata
	.rela.dyn : { *(.rela.dyn) *(.rela.got) *(.rela.bss) *(.rela.data*) *(.rela.rodata*) } :rodata
	.rela.plt : { *(.rela.plt) *(.rela.iplt) } :rodata
#endif
	/* Constructors, run by libutee before TA_CreateEntryPoint (absolute addresses: ET_EXEC). */
	.init_array : {
		__init_array_start = .;
		KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*) SORT_BY_INIT_PRIORITY(.ctors.*)))
		KEEP(*(.init_array .ctors))
		__init_array_end = .;
	} :rodata
#ifdef TA_DYNAMIC
	.dynamic : { *(.dynamic) } :rodata :dynamic
#endif

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
		*(.interp) *(.gnu.hash) *(.gnu.version*) *(.eh_frame*) *(.note.*) *(.comment)
#ifndef TA_DYNAMIC
		*(.dynamic) *(.dynsym) *(.dynstr) *(.hash) *(.rela.*)
#endif
	}
}
