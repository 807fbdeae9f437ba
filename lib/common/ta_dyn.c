// SPDX-License-Identifier: BSD-2-Clause
/* Run-time linking of TA modules (see include/rampart/ta_dyn.h). */
#include <rampart/ta_dyn.h>
#include <string.h>

/* ELF-64 "Dynamic Section" tags. */
#define DT_NULL		 0
#define DT_NEEDED	 1
#define DT_PLTRELSZ	 2
#define DT_HASH		 4
#define DT_STRTAB	 5
#define DT_SYMTAB	 6
#define DT_RELA		 7
#define DT_RELASZ	 8
#define DT_RELAENT	 9
#define DT_STRSZ	 10
#define DT_SYMENT	 11
#define DT_INIT		 12
#define DT_SONAME	 14
#define DT_REL		 17
#define DT_PLTREL	 20
#define DT_TEXTREL	 22
#define DT_JMPREL	 23
#define DT_INIT_ARRAY	 25
#define DT_INIT_ARRAYSZ	 27
#define DT_FLAGS	 30
#define DT_PREINIT_ARRAY 32
#define DT_RELR		 36
#define DF_TEXTREL	 0x4

/* AAELF64 5.7.10 "Dynamic relocations". */
#define R_AARCH64_NONE	    0
#define R_AARCH64_ABS64	    257
#define R_AARCH64_COPY	    1024
#define R_AARCH64_GLOB_DAT  1025
#define R_AARCH64_JUMP_SLOT 1026
#define R_AARCH64_RELATIVE  1027

#define STB_LOCAL     0
#define STB_GLOBAL    1
#define STB_WEAK      2
#define STT_OBJECT    1
#define STT_FUNC      2
#define STT_NOTYPE    0
#define SHN_UNDEF     0
#define SHN_ABS	      0xfff1
#define STV_DEFAULT   0
#define STV_PROTECTED 3

#define SYM_SIZE       24
#define RELA_SIZE      24
#define INIT_ARRAY_MAX 1024

struct sym {
	uint32_t name;
	uint8_t info, other;
	uint16_t shndx;
	uint64_t value, size;
};

struct rela {
	uint64_t offset, info;
	int64_t addend;
};

/* 1 if [va, va + len) lies in one loaded segment of m (writable: a non-executable one). */
static int holds(const struct ta_dyn_module *m, uint64_t va, uint64_t len, int write)
{
	uint64_t link, end;

	if (va < m->bias)
		return 0;
	link = va - m->bias;
	if (__builtin_add_overflow(link, len, &end))
		return 0;
	for (unsigned int i = 0; i < m->layout.count; i++) {
		const struct ta_elf_segment *s = &m->layout.seg[i];

		if (link >= s->vaddr && end <= s->vaddr + s->memsz)
			return !write || !(s->prot & TA_ELF_PROT_X);
	}
	return 0;
}

/* A table of count entries of size bytes at link-time address at, into *out (run-time). */
static int table(const struct ta_dyn_module *m, uint64_t at, uint64_t count, uint64_t size,
		 uint64_t *out)
{
	uint64_t bytes, va;

	if (__builtin_mul_overflow(count, size, &bytes) || __builtin_add_overflow(at, m->bias, &va))
		return -1;
	if (bytes && !holds(m, va, bytes, 0))
		return -1;
	*out = va;
	return 0;
}

static int read_sym(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, uint64_t i,
		    struct sym *s)
{
	uint8_t b[SYM_SIZE];

	if (i >= m->nsyms || mem->read(mem->ctx, m->symtab + i * SYM_SIZE, b, sizeof(b)))
		return -1;
	memcpy(&s->name, b, 4);
	s->info = b[4];
	s->other = b[5];
	memcpy(&s->shndx, b + 6, 2);
	memcpy(&s->value, b + 8, 8);
	memcpy(&s->size, b + 16, 8);
	return 0;
}

int ta_dyn_string(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, uint64_t off,
		  char *buf, size_t cap)
{
	uint64_t n;

	if (!cap || off >= m->strsz)
		return -1;
	n = m->strsz - off < cap ? m->strsz - off : cap;
	if (mem->read(mem->ctx, m->strtab + off, buf, n) || !memchr(buf, 0, n))
		return -1;
	return 0;
}

const char *ta_dyn_parse(const struct ta_dyn_mem *mem, struct ta_dyn_module *m)
{
	uint64_t hash = 0, strtab = 0, symtab = 0, rela = 0, relasz = 0, jmprel = 0, pltrelsz = 0;
	uint64_t init = 0, initsz = 0, pltrel = DT_RELA, n, va;
	int has_hash = 0, has_strtab = 0, has_symtab = 0;
	uint32_t nchain[2];

	m->dynamic = 0;
	m->nsyms = m->strsz = m->rela_count = m->jmprel_count = m->init_count = 0;
	m->needed_count = 0;
	m->has_soname = 0;
	if (!m->layout.dyn_size)
		return NULL;
	n = m->layout.dyn_size / 16;
	if (n > TA_DYN_MAX_DYN_ENTRIES)
		return "the dynamic section is too large";
	if (table(m, m->layout.dyn_vaddr, n, 16, &va))
		return "the dynamic section lies outside the module's segments";
	for (uint64_t i = 0; i < n; i++) {
		uint64_t d[2];

		if (mem->read(mem->ctx, va + i * 16, d, sizeof(d)))
			return "the dynamic section cannot be read";
		if (d[0] == DT_NULL)
			break;
		switch (d[0]) {
		case DT_NEEDED:
			if (m->needed_count == TA_DYN_MAX_NEEDED)
				return "too many DT_NEEDED entries";
			m->needed[m->needed_count++] = (uint32_t)d[1];
			if (d[1] > UINT32_MAX)
				return "a DT_NEEDED name lies outside the string table";
			break;
		case DT_PLTRELSZ:
			pltrelsz = d[1];
			break;
		case DT_HASH:
			hash = d[1];
			has_hash = 1;
			break;
		case DT_STRTAB:
			strtab = d[1];
			has_strtab = 1;
			break;
		case DT_SYMTAB:
			symtab = d[1];
			has_symtab = 1;
			break;
		case DT_RELA:
			rela = d[1];
			break;
		case DT_RELASZ:
			relasz = d[1];
			break;
		case DT_STRSZ:
			m->strsz = d[1];
			break;
		case DT_PLTREL:
			pltrel = d[1];
			break;
		case DT_JMPREL:
			jmprel = d[1];
			break;
		case DT_INIT_ARRAY:
			init = d[1];
			break;
		case DT_INIT_ARRAYSZ:
			initsz = d[1];
			break;
		case DT_RELAENT:
			if (d[1] != RELA_SIZE)
				return "DT_RELAENT is not 24";
			break;
		case DT_SYMENT:
			if (d[1] != SYM_SIZE)
				return "DT_SYMENT is not 24";
			break;
		case DT_SONAME:
			if (d[1] > UINT32_MAX)
				return "DT_SONAME lies outside the string table";
			m->has_soname = 1;
			m->soname = (uint32_t)d[1];
			break;
		case DT_INIT:
			return "a DT_INIT function (only init arrays are run)";
		case DT_PREINIT_ARRAY:
			return "a DT_PREINIT_ARRAY (not run)";
		case DT_REL:
			return "DT_REL relocations (AArch64 uses DT_RELA)";
		case DT_RELR:
			return "packed relative relocations (DT_RELR)";
		case DT_TEXTREL:
			return "relocations in read-only segments (DT_TEXTREL)";
		case DT_FLAGS:
			if (d[1] & DF_TEXTREL)
				return "relocations in read-only segments (DF_TEXTREL)";
			break;
		default: /* DT_PLTGOT, DT_DEBUG, DT_FLAGS_1, DT_GNU_HASH, versions...: not needed */
			break;
		}
	}
	m->dynamic = 1;
	if (has_symtab || has_hash) {
		if (!has_symtab || !has_hash || !has_strtab)
			return "a symbol table without DT_HASH or DT_STRTAB (link with "
			       "--hash-style=sysv)";
		if (table(m, hash, 2, 4, &va) || mem->read(mem->ctx, va, nchain, sizeof(nchain)))
			return "DT_HASH lies outside the module's segments";
		/* The chain count of the SysV hash table is the number of symbols (ELF-64 "Hash").
		 */
		if (nchain[1] > TA_DYN_MAX_SYMS)
			return "too many dynamic symbols";
		m->nsyms = nchain[1];
		if (table(m, symtab, m->nsyms, SYM_SIZE, &m->symtab))
			return "the symbol table lies outside the module's segments";
	}
	if (has_strtab && (!m->strsz || table(m, strtab, m->strsz, 1, &m->strtab)))
		return "the string table lies outside the module's segments";
	for (unsigned int i = 0; i < m->needed_count; i++)
		if (m->needed[i] >= m->strsz)
			return "a DT_NEEDED name lies outside the string table";
	if (m->has_soname && m->soname >= m->strsz)
		return "DT_SONAME lies outside the string table";
	if (relasz % RELA_SIZE || relasz / RELA_SIZE > TA_DYN_MAX_RELOCS ||
	    table(m, rela, relasz / RELA_SIZE, RELA_SIZE, &m->rela))
		return "DT_RELA lies outside the module's segments or is too large";
	m->rela_count = relasz / RELA_SIZE;
	if (pltrelsz && pltrel != DT_RELA)
		return "DT_PLTREL is not DT_RELA";
	if (pltrelsz % RELA_SIZE || pltrelsz / RELA_SIZE > TA_DYN_MAX_RELOCS ||
	    table(m, jmprel, pltrelsz / RELA_SIZE, RELA_SIZE, &m->jmprel))
		return "DT_JMPREL lies outside the module's segments or is too large";
	m->jmprel_count = pltrelsz / RELA_SIZE;
	if (initsz % 8 || initsz / 8 > INIT_ARRAY_MAX ||
	    table(m, init, initsz / 8, 8, &m->init_array))
		return "DT_INIT_ARRAY lies outside the module's segments or is too large";
	m->init_count = initsz / 8;
	return NULL;
}

/*
 * A symbol others may bind to: defined, global or weak, not hidden, a function or an object. With
 * canonical, also the executable's PLT entry that stands for a function of a library whose
 * address the executable takes (an undefined function with a value: AAELF64 5.7.9 and ELF-64
 * "Symbol Values"), so that every module sees the one address the executable uses.
 */
static int exported(const struct sym *s, int canonical)
{
	unsigned int bind = s->info >> 4, type = s->info & 15, vis = s->other & 3;

	if (s->shndx == SHN_UNDEF)
		return canonical && s->value && type == STT_FUNC &&
		       (bind == STB_GLOBAL || bind == STB_WEAK);
	return (bind == STB_GLOBAL || bind == STB_WEAK) &&
	       (vis == STV_DEFAULT || vis == STV_PROTECTED) &&
	       (type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE);
}

static uint64_t sym_addr(const struct ta_dyn_module *m, const struct sym *s)
{
	return s->shndx == SHN_ABS ? s->value : s->value + m->bias;
}

/* Like ta_dyn_find, with the symbol's size. */
static int find(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, const char *name,
		int canonical, uint64_t *addr, uint64_t *size)
{
	size_t len = strlen(name) + 1;
	char buf[TA_DYN_NAME_MAX];

	if (len > sizeof(buf))
		return -1;
	for (uint64_t i = 1; i < m->nsyms; i++) {
		struct sym s;

		if (read_sym(mem, m, i, &s) || !exported(&s, canonical))
			continue;
		if (ta_dyn_string(mem, m, s.name, buf, len) || memcmp(buf, name, len))
			continue;
		*addr = sym_addr(m, &s);
		*size = s.size;
		/* A symbol outside the module it comes from is worthless to bind to. */
		if (s.shndx != SHN_ABS && !holds(m, *addr, s.size ? s.size : 1, 0))
			continue;
		return 0;
	}
	return -1;
}

int ta_dyn_find(const struct ta_dyn_mem *mem, const struct ta_dyn_module *m, const char *name,
		int canonical, uint64_t *addr)
{
	uint64_t size;

	return find(mem, m, name, canonical, addr, &size);
}

static void set_detail(char *detail, size_t cap, const char *s)
{
	size_t n = strlen(s);

	if (!cap)
		return;
	if (n >= cap)
		n = cap - 1;
	memcpy(detail, s, n);
	detail[n] = 0;
}

/*
 * The value of symbol i of mods[idx] (S in AAELF64's formulas): local symbols are the module's
 * own, others are looked up in load order (skip: a module not to look in, for R_AARCH64_COPY).
 * *size: the size of the definition found.
 */
static const char *resolve(const struct ta_dyn_mem *mem, const struct ta_dyn_module *mods,
			   unsigned int count, unsigned int idx, uint64_t i, int skip_self,
			   int canonical, uint64_t *value, uint64_t *size, char *detail, size_t cap)
{
	const struct ta_dyn_module *m = &mods[idx];
	char name[TA_DYN_NAME_MAX];
	struct sym s;

	*value = *size = 0;
	if (!i)
		return NULL;
	if (read_sym(mem, m, i, &s))
		return "a relocation names a symbol outside the symbol table";
	if ((s.info >> 4) == STB_LOCAL) {
		if (s.shndx == SHN_UNDEF)
			return "a relocation names an undefined local symbol";
		*value = sym_addr(m, &s);
		*size = s.size;
		return NULL;
	}
	if (ta_dyn_string(mem, m, s.name, name, sizeof(name)))
		return "a symbol's name lies outside the string table or is too long";
	for (unsigned int k = 0; k < count; k++) {
		if (skip_self && k == idx)
			continue;
		if (!find(mem, &mods[k], name, canonical && k == 0, value, size))
			return NULL;
	}
	if ((s.info >> 4) == STB_WEAK && s.shndx == SHN_UNDEF && !skip_self)
		return NULL; /* an undefined weak reference is 0 */
	set_detail(detail, cap, name);
	return "undefined symbol";
}

static const char *apply(const struct ta_dyn_mem *mem, const struct ta_dyn_module *mods,
			 unsigned int count, unsigned int idx, const struct rela *r, char *detail,
			 size_t cap)
{
	const struct ta_dyn_module *m = &mods[idx];
	uint32_t type = (uint32_t)r->info, symi = (uint32_t)(r->info >> 32);
	uint64_t where, value, size;
	const char *why;

	if (type == R_AARCH64_NONE)
		return NULL;
	if (__builtin_add_overflow(r->offset, m->bias, &where))
		return "a relocation lies outside the module's writable segments";
	switch (type) {
	case R_AARCH64_RELATIVE:
		value = m->bias + (uint64_t)r->addend;
		break;
	case R_AARCH64_ABS64:
	case R_AARCH64_GLOB_DAT:
	case R_AARCH64_JUMP_SLOT:
		/* A call slot goes to the function itself, never to a PLT entry. */
		why = resolve(mem, mods, count, idx, symi, 0, type != R_AARCH64_JUMP_SLOT, &value,
			      &size, detail, cap);
		if (why)
			return why;
		value += (uint64_t)r->addend;
		break;
	case R_AARCH64_COPY: {
		uint8_t buf[256];
		struct sym own;

		if (read_sym(mem, m, symi, &own))
			return "a relocation names a symbol outside the symbol table";
		why = resolve(mem, mods, count, idx, symi, 1, 0, &value, &size, detail, cap);
		if (why)
			return why;
		if (size < own.size)
			return "R_AARCH64_COPY from a smaller object";
		if (!holds(m, where, own.size, 1))
			return "a relocation lies outside the module's writable segments";
		for (uint64_t off = 0; off < own.size; off += sizeof(buf)) {
			uint64_t n = own.size - off < sizeof(buf) ? own.size - off : sizeof(buf);

			if (mem->read(mem->ctx, value + off, buf, n) ||
			    mem->write(mem->ctx, where + off, buf, n))
				return "R_AARCH64_COPY cannot be done";
		}
		return NULL;
	}
	default:
		return "a relocation of a type the loader does not do (thread-local storage, "
		       "IFUNC...)";
	}
	if (!holds(m, where, 8, 1))
		return "a relocation lies outside the module's writable segments";
	if (mem->write(mem->ctx, where, &value, 8))
		return "a relocation cannot be written";
	return NULL;
}

static const char *apply_table(const struct ta_dyn_mem *mem, const struct ta_dyn_module *mods,
			       unsigned int count, unsigned int idx, uint64_t at, uint64_t n,
			       char *detail, size_t cap)
{
	for (uint64_t i = 0; i < n; i++) {
		uint8_t b[RELA_SIZE];
		struct rela r;
		const char *why;

		if (mem->read(mem->ctx, at + i * RELA_SIZE, b, sizeof(b)))
			return "a relocation cannot be read";
		memcpy(&r.offset, b, 8);
		memcpy(&r.info, b + 8, 8);
		memcpy(&r.addend, b + 16, 8);
		why = apply(mem, mods, count, idx, &r, detail, cap);
		if (why)
			return why;
	}
	return NULL;
}

const char *ta_dyn_relocate(const struct ta_dyn_mem *mem, const struct ta_dyn_module *mods,
			    unsigned int count, unsigned int idx, char *detail, size_t cap)
{
	const struct ta_dyn_module *m = &mods[idx];
	const char *why;

	set_detail(detail, cap, "");
	why = apply_table(mem, mods, count, idx, m->rela, m->rela_count, detail, cap);
	if (!why)
		why = apply_table(mem, mods, count, idx, m->jmprel, m->jmprel_count, detail, cap);
	return why;
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int ta_dyn_parse_uuid(const char *s, uint8_t out[16])
{
	unsigned int o = 0;

	for (unsigned int i = 0; i < 36; i++) {
		int hi, lo;

		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		hi = hex(s[i]);
		lo = hi < 0 ? -1 : hex(s[i + 1]);
		if (lo < 0)
			return -1;
		out[o++] = (uint8_t)(hi << 4 | lo);
		i++;
	}
	return s[36] ? -1 : 0;
}
