/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * Run-time linking of a TA with its shared TA libraries: reading a module's dynamic section,
 * looking symbols up, applying its relocations (ELF-64 Object File Format 1.5 "Dynamic Section",
 * "Symbol Table", "Relocation"; ELF for the Arm 64-bit Architecture (AAELF64) 5.7 "Dynamic
 * relocations"). Pure C, built into the trusted OS and the host tests.
 *
 * A module is the TA executable (bias 0) or a library (ET_DYN, placed at its bias). Every address
 * the module's dynamic section gives is checked to lie inside its own loaded segments before it
 * is read, and every relocation to write inside its own non-executable segments: a module can
 * only ever change itself. Memory is reached through struct ta_dyn_mem, so the same code works on
 * a TA's pages and on a test's buffer.
 */
#ifndef RAMPART_TA_DYN_H
#define RAMPART_TA_DYN_H

#include <stddef.h>
#include <stdint.h>

#include "ta_elf.h"

#define TA_DYN_MAX_NEEDED      8     /* DT_NEEDED entries of one module */
#define TA_DYN_MAX_SYMS	       8192  /* dynamic symbols of one module */
#define TA_DYN_MAX_RELOCS      65536 /* relocations of one module */
#define TA_DYN_MAX_DYN_ENTRIES 256   /* entries of one dynamic section */
#define TA_DYN_NAME_MAX	       128   /* longest symbol or DT_NEEDED name read, NUL included */

struct ta_dyn_mem {
	void *ctx;
	/* 0, or -1 if [va, va + len) cannot be read or written. */
	int (*read)(void *ctx, uint64_t va, void *buf, size_t len);
	int (*write)(void *ctx, uint64_t va, const void *buf, size_t len);
};

struct ta_dyn_module {
	struct ta_elf_layout layout;	       /* link-time addresses */
	uint64_t bias;			       /* load address minus link-time address */
	int dynamic;			       /* it has a dynamic section */
	uint64_t symtab, strtab, strsz, nsyms; /* run-time addresses */
	uint64_t rela, rela_count, jmprel, jmprel_count;
	uint64_t init_array, init_count;
	uint32_t needed[TA_DYN_MAX_NEEDED]; /* string table offsets */
	unsigned int needed_count;
	int has_soname;
	uint32_t soname;
};

/*
 * Read m's dynamic section (m->layout and m->bias set, its segments loaded). NULL, or a sentence
 * naming what is wrong.
 */
const char *ta_dyn_parse(const struct ta_dyn_mem *mem, struct ta_dyn_module *m);
/* The NUL-terminated string at string table offset off into buf (cap bytes): 0, or -1. */
int ta_dyn_string(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, uint64_t off,
		  char *buf, size_t cap);
/*
 * The address of the global function or object called name that m defines: 0 with *addr set,
 * or -1 (not defined there, or thread-local). canonical: m is the executable and its PLT entry
 * for a library function whose address it takes counts as the definition.
 */
int ta_dyn_find(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, const char *name,
		int canonical, uint64_t *addr);
/*
 * Apply mods[idx]'s relocations; a symbol is looked up in mods[0..count) in order, so the
 * executable first. NULL, or a sentence naming what is wrong, detail (cap bytes) the symbol.
 */
const char *ta_dyn_relocate(const struct ta_dyn_mem *mem, const struct ta_dyn_module *mods,
			    unsigned int count, unsigned int idx, char *detail, size_t cap);
/* A canonical textual UUID (36 characters, case-insensitive hex) into 16 octets: 0, or -1. */
int ta_dyn_parse_uuid(const char *s, uint8_t out[16]);

#endif
