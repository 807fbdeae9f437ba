// SPDX-License-Identifier: BSD-2-Clause
/*
 * Run-time linking of TA modules (lib/common/ta_dyn.c) on hand-built modules in a buffer: a TA
 * (bias 0) and a library placed at LIB_BIAS. Good relocations land where they should; every
 * hostile dynamic section, symbol or relocation is refused by name and writes nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <rampart/ta_dyn.h>

#define MEM_SIZE 0x8000
#define LIB_BIAS 0x4000
/* Within a module (link-time addresses): text RX [0, 0x1000), data RW [0x1000, 0x3000). */
#define DYN    0x1000
#define SYMTAB 0x1400
#define STRTAB 0x1700
#define HASH   0x1900
#define RELA   0x1a00
#define DATA   0x2000

static uint8_t mem[MEM_SIZE];
static int writes;

static int rd(void *ctx, uint64_t va, void *buf, size_t len)
{
	if (va > MEM_SIZE || len > MEM_SIZE - va)
		return -1;
	memcpy(buf, mem + va, len);
	return 0;
}

static int wr(void *ctx, uint64_t va, const void *buf, size_t len)
{
	if (va > MEM_SIZE || len > MEM_SIZE - va)
		return -1;
	memcpy(mem + va, buf, len);
	writes++;
	return 0;
}

static const struct ta_dyn_mem M = {NULL, rd, wr};

struct builder {
	uint64_t bias;
	unsigned int ndyn, nsym, nrela;
	uint32_t str;
};

static void put64(uint64_t va, uint64_t v)
{
	memcpy(mem + va, &v, 8);
}
static uint64_t get64(uint64_t va)
{
	uint64_t v;
	memcpy(&v, mem + va, 8);
	return v;
}

static void dyn(struct builder *b, int64_t tag, uint64_t val)
{
	put64(b->bias + DYN + b->ndyn * 16, (uint64_t)tag);
	put64(b->bias + DYN + b->ndyn * 16 + 8, val);
	b->ndyn++;
	put64(b->bias + DYN + b->ndyn * 16, 0);
}

static uint32_t str(struct builder *b, const char *s)
{
	uint32_t off = b->str;

	strcpy((char *)mem + b->bias + STRTAB + off, s);
	b->str += strlen(s) + 1;
	return off;
}

/* info: binding << 4 | type; shndx 0 = undefined, 1 = defined. */
static uint32_t sym(struct builder *b, const char *name, uint8_t info, uint16_t shndx,
		    uint64_t value, uint64_t size)
{
	uint64_t at = b->bias + SYMTAB + b->nsym * 24;
	uint32_t n = str(b, name);

	memcpy(mem + at, &n, 4);
	mem[at + 4] = info;
	mem[at + 5] = 0;
	memcpy(mem + at + 6, &shndx, 2);
	put64(at + 8, value);
	put64(at + 16, size);
	return b->nsym++;
}

static void rela(struct builder *b, uint64_t off, uint32_t type, uint32_t symi, int64_t addend)
{
	uint64_t at = b->bias + RELA + b->nrela * 24;

	put64(at, off);
	put64(at + 8, (uint64_t)symi << 32 | type);
	put64(at + 16, (uint64_t)addend);
	b->nrela++;
}

/* The dynamic section's table entries, once the symbols and relocations are in. */
static void finish(struct builder *b, struct ta_dyn_module *m)
{
	uint32_t hash[2] = {1, b->nsym};

	memcpy(mem + b->bias + HASH, hash, sizeof(hash));
	dyn(b, 4, HASH);
	dyn(b, 5, STRTAB);
	dyn(b, 6, SYMTAB);
	dyn(b, 10, b->str);
	dyn(b, 11, 24);
	dyn(b, 7, RELA);
	dyn(b, 8, b->nrela * 24);
	dyn(b, 9, 24);
	memset(m, 0, sizeof(*m));
	m->bias = b->bias;
	m->layout.count = 2;
	m->layout.seg[0] =
	    (struct ta_elf_segment){0, 0x1000, 0, 0, 0x1000, TA_ELF_PROT_R | TA_ELF_PROT_X};
	m->layout.seg[1] = (struct ta_elf_segment){0x1000, 0x2000, 0,
						   0x1000, 0x2000, TA_ELF_PROT_R | TA_ELF_PROT_W};
	m->layout.dyn_vaddr = DYN;
	m->layout.dyn_size = 0x300;
}

static void start(struct builder *b, uint64_t bias)
{
	memset(b, 0, sizeof(*b));
	b->bias = bias;
	b->str = 1;
	mem[bias + STRTAB] = 0;
	b->nsym = 1; /* symbol 0 is the null symbol */
	memset(mem + bias + SYMTAB, 0, 24);
	put64(bias + DYN, 0);
}

#define GLOBAL_FUNC 0x12
#define GLOBAL_OBJ  0x11
#define WEAK_NOTYPE 0x20
#define LOCAL_OBJ   0x01

/* The TA: defines ta_var and ta_func, takes lib_func's address (its PLT entry at 0x800). */
static void make_exe(struct ta_dyn_module *m)
{
	struct builder b;

	start(&b, 0);
	sym(&b, "ta_var", GLOBAL_OBJ, 1, DATA + 0x100, 8);
	sym(&b, "ta_func", GLOBAL_FUNC, 1, 0x400, 4);
	uint32_t lf = sym(&b, "lib_func", GLOBAL_FUNC, 0, 0x800, 0);
	uint32_t lo = sym(&b, "lib_obj", GLOBAL_OBJ, 1, DATA + 0x200, 8);

	rela(&b, DATA + 0x10, 1026, lf, 0);  /* JUMP_SLOT lib_func: the library's own */
	rela(&b, DATA + 0x200, 1024, lo, 0); /* COPY lib_obj into the TA */
	finish(&b, m);
	ta_dyn_parse(&M, m);
}

/* The library at LIB_BIAS with the relocations under test added by extra. */
static struct builder lib_builder;

static void make_lib(struct ta_dyn_module *m, void (*extra)(struct builder *))
{
	struct builder *b = &lib_builder;

	start(b, LIB_BIAS);
	sym(b, "lib_func", GLOBAL_FUNC, 1, 0x300, 4);
	sym(b, "lib_obj", GLOBAL_OBJ, 1, DATA + 0x300, 8);
	put64(LIB_BIAS + DATA + 0x300, 0x1122334455667788ULL);
	if (extra)
		extra(b);
	finish(b, m);
}

static void good_relocs(struct builder *b)
{
	uint32_t tv = sym(b, "ta_var", GLOBAL_OBJ, 0, 0, 0);
	uint32_t lf = sym(b, "lib_func", GLOBAL_FUNC, 0, 0, 0);
	uint32_t tf = sym(b, "ta_func", GLOBAL_FUNC, 0, 0, 0);
	uint32_t wk = sym(b, "missing_weak", WEAK_NOTYPE, 0, 0, 0);
	uint32_t lc = sym(b, "local_thing", LOCAL_OBJ, 1, DATA + 0x500, 8);

	rela(b, DATA + 0x00, 1027, 0, 0x123); /* RELATIVE */
	rela(b, DATA + 0x08, 1025, tv, 0);    /* GLOB_DAT ta_var: the TA's */
	rela(b, DATA + 0x10, 1025, lf, 0);    /* GLOB_DAT lib_func: the TA's PLT entry */
	rela(b, DATA + 0x18, 1026, tf, 0);    /* JUMP_SLOT ta_func */
	rela(b, DATA + 0x20, 257, tv, 16);    /* ABS64 ta_var + 16 */
	rela(b, DATA + 0x28, 1025, wk, 0);    /* an undefined weak symbol: 0 */
	rela(b, DATA + 0x30, 257, lc, 4);     /* a local symbol: the library's own */
	rela(b, DATA + 0x38, 0, 0, 0);	      /* R_AARCH64_NONE */
}

static void good_modules_are_linked(void **state)
{
	struct ta_dyn_module mods[2];
	char detail[64];
	const char *why;

	memset(mem, 0xee, sizeof(mem));
	make_exe(&mods[0]);
	make_lib(&mods[1], good_relocs);
	assert_null(ta_dyn_parse(&M, &mods[1]));
	assert_int_equal(mods[1].rela_count, 8);
	why = ta_dyn_relocate(&M, mods, 2, 1, detail, sizeof(detail));
	assert_null(why);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x00), LIB_BIAS + 0x123);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x08), DATA + 0x100);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x10), 0x800);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x18), 0x400);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x20), DATA + 0x110);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x28), 0);
	assert_int_equal(get64(LIB_BIAS + DATA + 0x30), LIB_BIAS + DATA + 0x504);
	/* The TA: its call slot goes to the library's function, its copy gets the value. */
	why = ta_dyn_relocate(&M, mods, 2, 0, detail, sizeof(detail));
	assert_null(why);
	assert_int_equal(get64(DATA + 0x10), LIB_BIAS + 0x300);
	assert_int_equal(get64(DATA + 0x200), 0x1122334455667788ULL);
	/* Lookups as dlsym() makes them. */
	uint64_t a;

	assert_int_equal(ta_dyn_find(&M, &mods[1], "lib_obj", 0, &a), 0);
	assert_int_equal(a, LIB_BIAS + DATA + 0x300);
	assert_int_equal(ta_dyn_find(&M, &mods[0], "lib_func", 1, &a), 0);
	assert_int_equal(a, 0x800);
	assert_int_equal(ta_dyn_find(&M, &mods[0], "lib_func", 0, &a), -1);
	assert_int_equal(ta_dyn_find(&M, &mods[1], "local_thing", 0, &a), -1);
	assert_int_equal(ta_dyn_find(&M, &mods[1], "no_such", 0, &a), -1);
}

static void reloc_outside(struct builder *b)
{
	rela(b, 0x7ff0000, 1027, 0, 0);
}
static void reloc_in_text(struct builder *b)
{
	rela(b, 0x100, 1027, 0, 0);
}
static void reloc_straddles(struct builder *b)
{
	rela(b, 0x2ffc, 1027, 0, 0);
}
static void reloc_wraps(struct builder *b)
{
	rela(b, UINT64_MAX - 4, 1027, 0, 0);
}
static void sym_index_out(struct builder *b)
{
	rela(b, DATA, 1025, 999, 0);
}
static void undefined(struct builder *b)
{
	rela(b, DATA, 1025, sym(b, "nowhere_defined", GLOBAL_OBJ, 0, 0, 0), 0);
}
static void tls_reloc(struct builder *b)
{
	rela(b, DATA, 1030, 0, 0);
}
static void name_out(struct builder *b)
{
	uint32_t i = sym(b, "x", GLOBAL_OBJ, 0, 0, 0);

	memcpy(mem + b->bias + SYMTAB + i * 24, &(uint32_t){0x7fffffff}, 4);
	rela(b, DATA, 1025, i, 0);
}
static void copy_too_big(struct builder *b)
{
	rela(b, DATA, 1024, sym(b, "lib_obj", GLOBAL_OBJ, 1, DATA, 64), 0);
}

static void expect_reloc_refusal(void (*extra)(struct builder *), const char *want,
				 const char *want_detail)
{
	struct ta_dyn_module mods[2];
	char detail[64];
	const char *why;

	memset(mem, 0xee, sizeof(mem));
	make_exe(&mods[0]);
	make_lib(&mods[1], extra);
	assert_null(ta_dyn_parse(&M, &mods[1]));
	writes = 0;
	why = ta_dyn_relocate(&M, mods, 2, 1, detail, sizeof(detail));
	assert_non_null(why);
	assert_string_equal(why, want);
	if (want_detail)
		assert_string_equal(detail, want_detail);
	assert_int_equal(writes, 0);
}

static void hostile_relocations_are_refused(void **state)
{
	const char *outside = "a relocation lies outside the module's writable segments";

	expect_reloc_refusal(reloc_outside, outside, NULL);
	expect_reloc_refusal(reloc_in_text, outside, NULL);
	expect_reloc_refusal(reloc_straddles, outside, NULL);
	expect_reloc_refusal(reloc_wraps, outside, NULL);
	expect_reloc_refusal(sym_index_out, "a relocation names a symbol outside the symbol table",
			     NULL);
	expect_reloc_refusal(undefined, "undefined symbol", "nowhere_defined");
	expect_reloc_refusal(tls_reloc,
			     "a relocation of a type the loader does not do "
			     "(thread-local storage, IFUNC...)",
			     NULL);
	expect_reloc_refusal(name_out,
			     "a symbol's name lies outside the string table or is too long", NULL);
	expect_reloc_refusal(copy_too_big, "R_AARCH64_COPY from a smaller object", NULL);
}

/* A library whose dynamic section is altered after finish() by f; parse must say want. */
static void expect_parse_refusal(void (*f)(struct builder *, struct ta_dyn_module *),
				 const char *want)
{
	struct ta_dyn_module m;
	const char *why;

	memset(mem, 0xee, sizeof(mem));
	make_lib(&m, NULL);
	f(&lib_builder, &m);
	why = ta_dyn_parse(&M, &m);
	assert_string_equal(why ? why : "(accepted)", want);
}

static void symtab_huge(struct builder *b, struct ta_dyn_module *m)
{
	uint32_t hash[2] = {1, TA_DYN_MAX_SYMS + 1};

	memcpy(mem + b->bias + HASH, hash, sizeof(hash));
}
static void symtab_past_end(struct builder *b, struct ta_dyn_module *m)
{
	uint32_t hash[2] = {1, 0x2000 / 24};

	memcpy(mem + b->bias + HASH, hash, sizeof(hash));
}
static void strtab_outside(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 10, 0x10000);
}
static void rela_outside(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 7, 0x2ff0);
	dyn(b, 8, 48); /* the second entry runs past the data segment */
}
static void rela_odd(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 8, 25);
}
static void textrel(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 22, 0);
}
static void needed_out(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 1, 0x100000);
}
static void too_many_needed(struct builder *b, struct ta_dyn_module *m)
{
	for (int i = 0; i <= TA_DYN_MAX_NEEDED; i++)
		dyn(b, 1, 1);
}
static void dyn_outside(struct builder *b, struct ta_dyn_module *m)
{
	m->layout.dyn_vaddr = 0x2f80;
}
static void no_hash(struct builder *b, struct ta_dyn_module *m)
{
	/* Overwrite the DT_HASH entry (the first finish() wrote) with DT_DEBUG. */
	for (unsigned int i = 0; i < b->ndyn; i++)
		if (get64(b->bias + DYN + i * 16) == 4)
			put64(b->bias + DYN + i * 16, 21);
}
static void init_fn(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 12, 0x100);
}
static void relr(struct builder *b, struct ta_dyn_module *m)
{
	dyn(b, 36, 0x1800);
}

static void hostile_dynamic_sections_are_refused(void **state)
{
	expect_parse_refusal(symtab_huge, "too many dynamic symbols");
	expect_parse_refusal(symtab_past_end,
			     "the symbol table lies outside the module's segments");
	expect_parse_refusal(strtab_outside, "the string table lies outside the module's segments");
	expect_parse_refusal(rela_outside,
			     "DT_RELA lies outside the module's segments or is too large");
	expect_parse_refusal(rela_odd,
			     "DT_RELA lies outside the module's segments or is too large");
	expect_parse_refusal(textrel, "relocations in read-only segments (DT_TEXTREL)");
	expect_parse_refusal(needed_out, "a DT_NEEDED name lies outside the string table");
	expect_parse_refusal(too_many_needed, "too many DT_NEEDED entries");
	expect_parse_refusal(dyn_outside, "the dynamic section lies outside the module's segments");
	expect_parse_refusal(
	    no_hash, "a symbol table without DT_HASH or DT_STRTAB (link with --hash-style=sysv)");
	expect_parse_refusal(init_fn, "a DT_INIT function (only init arrays are run)");
	expect_parse_refusal(relr, "packed relative relocations (DT_RELR)");
}

static void needed_names_are_read(void **state)
{
	struct ta_dyn_module m;
	struct builder *b = &lib_builder;
	char name[TA_DYN_NAME_MAX];
	uint8_t uuid[16];
	uint32_t off;

	memset(mem, 0xee, sizeof(mem));
	make_lib(&m, NULL);
	off = str(b, "5ee1c0de-7a11-4e57-9a6e-73686c310000");
	dyn(b, 10, b->str); /* the later DT_STRSZ wins */
	dyn(b, 1, off);
	dyn(b, 14, off);
	assert_null(ta_dyn_parse(&M, &m));
	assert_int_equal(m.needed_count, 1);
	assert_true(m.has_soname);
	assert_int_equal(ta_dyn_string(&M, &m, m.needed[0], name, sizeof(name)), 0);
	assert_int_equal(ta_dyn_parse_uuid(name, uuid), 0);
	assert_int_equal(uuid[0], 0x5e);
	assert_int_equal(uuid[15], 0x00);
	assert_int_equal(uuid[10], 0x73);
	/* A string running off the table's end is refused, not read past. */
	assert_int_equal(ta_dyn_string(&M, &m, m.strsz, name, sizeof(name)), -1);
	assert_int_equal(ta_dyn_string(&M, &m, off, name, 8), -1);
}

static void uuids_are_parsed_strictly(void **state)
{
	uint8_t u[16];

	assert_int_equal(ta_dyn_parse_uuid("b3091a65-9751-4784-abf7-0298a7cc35ba", u), 0);
	assert_int_equal(u[0], 0xb3);
	assert_int_equal(u[15], 0xba);
	assert_int_equal(ta_dyn_parse_uuid("B3091A65-9751-4784-ABF7-0298A7CC35BA", u), 0);
	assert_int_equal(ta_dyn_parse_uuid("b3091a65-9751-4784-abf7-0298a7cc35b", u), -1);
	assert_int_equal(ta_dyn_parse_uuid("b3091a65-9751-4784-abf7-0298a7cc35bab", u), -1);
	assert_int_equal(ta_dyn_parse_uuid("b3091a65_9751-4784-abf7-0298a7cc35ba", u), -1);
	assert_int_equal(ta_dyn_parse_uuid("libos_test.so", u), -1);
	assert_int_equal(ta_dyn_parse_uuid("", u), -1);
	assert_int_equal(ta_dyn_parse_uuid("g3091a65-9751-4784-abf7-0298a7cc35ba", u), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(good_modules_are_linked),
	    cmocka_unit_test(hostile_relocations_are_refused),
	    cmocka_unit_test(hostile_dynamic_sections_are_refused),
	    cmocka_unit_test(needed_names_are_read),
	    cmocka_unit_test(uuids_are_parsed_strictly),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
