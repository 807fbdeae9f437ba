/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Checking a TA's ELF before anything of it is mapped: an AArch64 executable (ET_EXEC, linked at
 * TA_IMAGE_BASE) or a shared TA library (ET_DYN, linked at 0 and placed by the loader), whose
 * loadable segments lie inside the allowed range, never writable and executable at once, inside
 * the file and not overlapping (ELF-64 Object File Format 1.5, "Program header"). A PT_DYNAMIC
 * segment is recorded for the run-time linking of include/rampart/ta_dyn.h.
 */
#ifndef RAMPART_TA_ELF_H
#define RAMPART_TA_ELF_H

#include <stddef.h>
#include <stdint.h>

#define TA_ELF_MAX_SEGMENTS 8

#define TA_ELF_PROT_R 1U
#define TA_ELF_PROT_W 2U
#define TA_ELF_PROT_X 4U

struct ta_elf_segment {
	uint64_t vaddr; /* page aligned */
	uint64_t memsz; /* from vaddr, rounded up to whole pages */
	uint64_t offset; /* of the first file byte to copy */
	uint64_t copy_to; /* where that byte goes (vaddr + the segment's page offset) */
	uint64_t filesz; /* bytes to copy; the rest of the pages is zero */
	unsigned int prot;
};

struct ta_elf_layout {
	uint64_t entry;
	uint64_t dyn_vaddr, dyn_size; /* PT_DYNAMIC (link-time address), or 0, 0 */
	uint64_t phdr_vaddr;	      /* where the program headers are loaded, or 0 */
	uint64_t relro_vaddr, relro_size; /* PT_GNU_RELRO: read-only once relocated, or 0, 0 */
	unsigned int phnum;
	unsigned int count;
	struct ta_elf_segment seg[TA_ELF_MAX_SEGMENTS];
};

/*
 * Check the ELF image (len bytes) and describe its segments, which must all fall in
 * [base, limit). Returns NULL, or a sentence naming what is wrong.
 */
const char *ta_elf_parse(const void *image, size_t len, uint64_t base, uint64_t limit,
			 struct ta_elf_layout *out);
/*
 * The same for a shared TA library: ET_DYN, segments in [0, limit), no entry point needed and no
 * thread-local storage (PT_TLS), which the loader does not give libraries.
 */
const char *ta_elf_parse_lib(const void *image, size_t len, uint64_t limit,
			     struct ta_elf_layout *out);

#endif
